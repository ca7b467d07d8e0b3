//! The language of what `bbt` says: Dutch, or English on request (`--lang en`
//! or `BBT_LANG=en`; never `LANG`, since a Flemish office PC often runs an
//! English system). The PDF is Dutch whatever this says.
//!
//! Every text a user reads is a Project Fluent message in `nl/*.ftl` and
//! `en/*.ftl` beside this file, compiled into the binary. Code asks for a
//! message with [`tr!`]: `tr!("s001", id = e.id)`, or an attribute of one with
//! `tr!("s001.hint")`. The language is chosen once, before anything is said
//! ([`set`]); tests check that both languages have every message the code asks
//! for, with the same arguments.

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The languages `bbt` speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// `nl` or `en` (also `nl-BE`, `en_GB.UTF-8`, any case).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let base = s.split(['-', '_', '.']).next().unwrap_or_default();
        match base {
            "nl" | "vls" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The Fluent sources of this language, in a fixed order.
    pub fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::Nl => &[
                ("nl/diagnostics.ftl", include_str!("nl/diagnostics.ftl")),
                ("nl/console.ftl", include_str!("nl/console.ftl")),
                ("nl/cli.ftl", include_str!("nl/cli.ftl")),
                ("nl/studio.ftl", include_str!("nl/studio.ftl")),
            ],
            Lang::En => &[
                ("en/diagnostics.ftl", include_str!("en/diagnostics.ftl")),
                ("en/console.ftl", include_str!("en/console.ftl")),
                ("en/cli.ftl", include_str!("en/cli.ftl")),
                ("en/studio.ftl", include_str!("en/studio.ftl")),
            ],
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Chooses the language for the rest of the process.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language chosen, Dutch unless [`set`] said otherwise.
pub fn lang() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::En as u8 { Lang::En } else { Lang::Nl }
}

/// The language asked for by `--lang` (or `--lang=`) in `args`, else by
/// `BBT_LANG`, else Dutch. An unknown value is left to the argument parser
/// (for `--lang`) or ignored (for `BBT_LANG`).
pub fn from_args_and_env(args: &[String], env: Option<&str>) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(String::as_str),
            Some(v) => v.strip_prefix('='),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return lang;
        }
    }
    env.and_then(Lang::parse).unwrap_or(Lang::Nl)
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static NL: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    };
    cell.get_or_init(|| build(lang))
}

/// The bundle of `lang`. The sources are the binary's own and tested to
/// parse; a broken entry would be left out, never stop `bbt`.
fn build(lang: Lang) -> FluentBundle<FluentResource> {
    let id = match lang {
        Lang::Nl => unic_langid::langid!("nl-BE"),
        Lang::En => unic_langid::langid!("en-GB"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminals and JSON readers show the isolation marks as noise.
    bundle.set_use_isolating(false);
    for (_, text) in lang.sources() {
        let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// A value for a message's argument: text ([`fmt::Display`]), or a number
/// for a plural ([`n`]).
pub trait Arg {
    fn value(self) -> FluentValue<'static>;
}

impl<T: fmt::Display> Arg for T {
    fn value(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_string()))
    }
}

/// A count, which a message may choose its plural by.
pub struct Count(pub usize);

/// `tr!("x", n = n(count))`: a count the message chooses its plural by.
pub fn n(count: usize) -> Count {
    Count(count)
}

impl Arg for Count {
    fn value(self) -> FluentValue<'static> {
        FluentValue::from(self.0)
    }
}

/// The message (or `message.attribute`) `id` in the chosen language.
pub fn tr(id: &str, args: Vec<(&'static str, FluentValue<'static>)>) -> String {
    tr_in(lang(), id, args)
}

/// The message `id` in `lang`. A message the bundle lacks (which the tests
/// rule out) is shown as its id rather than stopping `bbt`.
pub fn tr_in(lang: Lang, id: &str, args: Vec<(&'static str, FluentValue<'static>)>) -> String {
    let bundle = bundle(lang);
    let (name, attribute) = match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    };
    let pattern = bundle.get_message(name).and_then(|m| match attribute {
        Some(a) => m.get_attribute(a).map(|a| a.value()),
        None => m.value(),
    });
    let Some(pattern) = pattern else { return id.to_string() };
    let mut fargs = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        fargs.set(k, v);
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
}

/// Every message whose id starts with `prefix`, in the chosen language
/// (the texts of the studio's page, `ui-`; they take no arguments).
pub fn messages_with_prefix(prefix: &str) -> std::collections::BTreeMap<String, String> {
    let lang = lang();
    let mut out = std::collections::BTreeMap::new();
    for (_, text) in lang.sources() {
        let Ok(resource) = FluentResource::try_new((*text).to_string()) else { continue };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry
                && m.id.name.starts_with(prefix)
            {
                out.insert(m.id.name.to_string(), tr_in(lang, m.id.name, Vec::new()));
            }
        }
    }
    out
}

/// Whether `id` (a message or `message.attribute`) exists in `lang`.
pub fn has(lang: Lang, id: &str) -> bool {
    let bundle = bundle(lang);
    match id.split_once('.') {
        Some((m, a)) => bundle.get_message(m).is_some_and(|m| m.get_attribute(a).is_some()),
        None => bundle.get_message(id).is_some_and(|m| m.value().is_some()),
    }
}

/// A number from a cell as the language writes it: `1.767` and `37,5` in
/// Dutch, `1767` and `37.5` in English (as the spreadsheet value reads).
pub fn number(value: impl fmt::Display) -> String {
    let plain = value.to_string();
    if lang() == Lang::En {
        return plain;
    }
    let (int, frac) = plain.split_once('.').map_or((plain.as_str(), None), |(i, d)| (i, Some(d)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    // The grouping of printed amounts; a whole part beyond u64 stays as it is.
    let Ok(whole) = digits.parse::<u64>() else { return plain };
    let grouped = crate::model::money::group_thousands(whole);
    match frac {
        Some(d) => format!("{sign}{grouped},{d}"),
        None => format!("{sign}{grouped}"),
    }
}

/// Why an IO operation failed, in the language of the messages for the
/// common cases, else as the system says it.
pub fn io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => crate::tr!("io-not-found"),
        std::io::ErrorKind::PermissionDenied => crate::tr!("io-permission"),
        std::io::ErrorKind::AlreadyExists => crate::tr!("io-exists"),
        std::io::ErrorKind::NotADirectory => crate::tr!("io-not-a-folder"),
        std::io::ErrorKind::IsADirectory => crate::tr!("io-is-a-folder"),
        std::io::ErrorKind::DirectoryNotEmpty => crate::tr!("io-folder-not-empty"),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => crate::tr!("io-full"),
        std::io::ErrorKind::ReadOnlyFilesystem => crate::tr!("io-read-only"),
        std::io::ErrorKind::InvalidFilename => crate::tr!("io-invalid-name"),
        std::io::ErrorKind::ResourceBusy | std::io::ErrorKind::ExecutableFileBusy => crate::tr!("io-busy"),
        std::io::ErrorKind::FileTooLarge => crate::tr!("io-too-large"),
        _ => crate::tr!("io-other", fout = e),
    }
}

/// `tr!("id", name = value, count = n(k))`: the message `id` in the chosen
/// language, with its arguments.
#[macro_export]
macro_rules! tr {
    ($id:literal $(, $k:ident = $v:expr)* $(,)?) => {
        $crate::i18n::tr($id, vec![$((stringify!($k), $crate::i18n::Arg::value($v))),*])
    };
}

#[cfg(test)]
mod tests;
