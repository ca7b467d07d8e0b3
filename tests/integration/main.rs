//! The one integration-test binary: runs the `bbt` binary on the sample and
//! on variants of it, and reads the PDF as another program would.

mod adversarial;
mod browser;
mod check;
mod document;
mod fuzz_regressions;
mod guidance;
mod horizontaal;
mod integrity;
mod language;
mod narrative;
mod render;
mod rules;
mod sandbox;
mod studio;
mod support;
mod terminal;
mod workbooks;
mod workflow;
