//! `bbt` checks and renders the Flemish beleids- en begrotingstoelichting
//! (BBT): the yearly policy-and-budget explanation a minister files with the
//! Vlaams Parlement, in the clustering fixed by the term's beleidsnota.
//!
//! # The pipeline
//!
//! | stage | module | entry |
//! |---|---|---|
//! | load: YAML, workbook, Markdown → model, with positions | [`load`] | [`load::load`], [`load::workbook::load`] |
//! | the domain, no IO | [`model`] | [`model::Document`], [`model::Begroting`] |
//! | texts: live figures expanded, Markdown → Typst markup, once per text | [`render::narrative`] | [`render::narrative::omzetten`] |
//! | check: every rule, every diagnostic | [`check`] | [`check::check`] |
//! | view: view model, Dutch formatting, templates → Typst source | [`render`] | [`render::view::build`], [`render::Templates::render`] |
//! | typeset: the one Typst World, compile, PDF export | [`typeset`] | [`typeset::compile`], [`typeset::export`] |
//! | open data: the figures as CSV + Frictionless data package, beside the PDF | [`opendata`] | [`opendata::build`] |
//! | the horizontal plan over a workspace: plan, H rules, overview, its view and open data | `model`, `load`, `check`, `render`, `opendata` `::horizontaal` | [`pipeline::horizontaal::run`] |
//! | output: atomic writes | [`output`] | [`output::write_atomic`] |
//!
//! [`pipeline`] runs a document through these stages: a render job
//! (`pipeline::job`: load, check, render, write), the typeset half
//! (`pipeline::pdf`, also the PDF of `bbt diff`), the attached files, the
//! output names, `--timings` and the exit codes. [`watch`] and [`workspace`]
//! run jobs again and in parallel; `pipeline::horizontaal` checks a workspace
//! against its horizontal plan and writes the overview (`bbt horizontaal`),
//! reading the page index each render writes beside its PDF
//! (`typeset::ankers`, the labels the studio's preview scrolls to as well). [`studio`] is `bbt studio`: the stages
//! kept warm on a thread of their own (its engine, the preview as SVG pages)
//! and a local web server for the browser (`studio::server`, axum).
//!
//! [`rules`] is the registry of every rule (code, severity, title; the text of
//! `bbt explain` is `docs/rules.md`, in English `docs/en/rules.md`), through
//! which every stage reports; [`diag`] holds the diagnostic type they report
//! with, [`suggest`] the one "did you mean" every stage offers. [`i18n`] holds every
//! text a user reads, as Project Fluent messages in Dutch and English
//! (`tr!("id", arg = value)`); the language is chosen once, in `main.rs`.
//! [`load::workbook::layout`] is the workbook's layout, which the reader reads
//! and [`workbook_template`] writes (`bbt template`); [`diff`] compares two
//! documents (`bbt diff`); [`init`] scaffolds a project (`bbt init`);
//! [`assets`] is the template set (bundled or `--templates DIR`).
//!
//! The binary: `main.rs` parses the arguments (`cli.rs`) and dispatches to
//! `cmd/`, one file per subcommand, which prints (`console.rs`) and returns
//! the exit code.

// A `Diagnostic` is the error of most loaders: it is returned once, on a cold
// path, so its size does not matter more than its clarity.
#![allow(clippy::result_large_err)]
// A tool that must not crash the night before the deadline: no unwrap, no
// expect, no unchecked indexing outside tests; each exception says why it
// cannot fail.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing))]

pub mod assets;
pub mod check;
pub mod diag;
pub mod diff;
#[cfg(feature = "typeset")]
pub mod fuzzing;
pub mod i18n;
pub mod init;
pub mod load;
pub mod model;
pub mod opendata;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod rules;
#[cfg(feature = "typeset")]
pub mod studio;
pub mod suggest;
#[cfg(feature = "typeset")]
pub mod typeset;
#[cfg(feature = "typeset")]
pub mod watch;
pub mod workbook_template;
#[cfg(feature = "typeset")]
pub mod workspace;
