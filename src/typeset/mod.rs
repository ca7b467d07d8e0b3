//! Typesetting: the one Typst [`World`], compilation and PDF export.
//!
//! The World is a sandbox. It serves the generated `main.typ` and the files of
//! the [`TemplateSet`], all from memory: it never touches the file system,
//! and every other path, and every Typst package, is refused. Fonts are the
//! set's `fonts/` plus Typst's embedded fonts, never the system's. `today()`
//! is the document's date, never the clock.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use typst::diag::{FileError, FileResult, Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_kit::fonts::FontStore;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub mod ankers;

use crate::assets::TemplateSet;
use crate::check::Glyphs;
use crate::model::Date;

/// The virtual path of the generated main file.
pub const MAIN: &str = "/main.typ";

/// The PDF standards of a published BBT: archival and accessible.
pub const DEFAULT_STANDARDS: [PdfStandard; 2] = [PdfStandard::A_2a, PdfStandard::Ua_1];

/// The standards by the names the `typst` CLI uses (`a-2a`, `ua-1`, ...).
pub const STANDARD_NAMES: [(&str, PdfStandard); 14] = [
    ("1.4", PdfStandard::V_1_4),
    ("1.5", PdfStandard::V_1_5),
    ("1.6", PdfStandard::V_1_6),
    ("1.7", PdfStandard::V_1_7),
    ("2.0", PdfStandard::V_2_0),
    ("a-1b", PdfStandard::A_1b),
    ("a-1a", PdfStandard::A_1a),
    ("a-2b", PdfStandard::A_2b),
    ("a-2u", PdfStandard::A_2u),
    ("a-2a", PdfStandard::A_2a),
    ("a-3b", PdfStandard::A_3b),
    ("a-3u", PdfStandard::A_3u),
    ("a-3a", PdfStandard::A_3a),
    ("ua-1", PdfStandard::Ua_1),
];

/// Parses a standard's name (`a-2a`).
pub fn parse_standard(name: &str) -> Option<PdfStandard> {
    STANDARD_NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name.trim())).map(|(_, s)| *s)
}

/// The name of a standard, as the `typst` CLI spells it.
pub fn standard_name(s: PdfStandard) -> &'static str {
    STANDARD_NAMES.iter().find(|(_, x)| *x == s).map_or("?", |(n, _)| n)
}

/// A problem reported by Typst, with its place in the generated or template sources.
#[derive(Debug, Clone)]
pub struct TypstProblem {
    pub error: bool,
    pub message: String,
    /// `templates/bbt.typ:12:5`, or `main.typ:40:1` for the generated file.
    pub place: Option<String>,
    pub hints: Vec<String>,
}

pub struct BbtWorld {
    set: TemplateSet,
    library: LazyHash<Library>,
    fonts: FontStore,
    main: Mutex<Source>,
    main_id: FileId,
    /// Parsed template sources, kept so that a re-render does not reparse
    /// them (and Typst's cache sees the same sources).
    sources: Mutex<HashMap<FileId, Source>>,
    date: Date,
    today: Datetime,
}

impl BbtWorld {
    /// A World serving `set`, dated `date`.
    pub fn new(set: TemplateSet, date: Date) -> BbtWorld {
        let mut fonts = FontStore::new();
        for data in font_files(&set) {
            for font in Font::iter(Bytes::new(data.to_vec())) {
                let info = font.info().clone();
                fonts.push((font, info));
            }
        }
        fonts.extend(typst_kit::fonts::embedded());
        let main_id = RootedPath::new(VirtualRoot::Project, vpath(MAIN)).intern();
        BbtWorld {
            set,
            library: LazyHash::new(Library::default()),
            fonts,
            main: Mutex::new(Source::new(main_id, String::new())),
            main_id,
            sources: Mutex::new(HashMap::new()),
            date,
            today: datetime(date),
        }
    }

    /// Replaces the generated main source (keeps the World, so Typst's
    /// incremental compilation can reuse what did not change).
    pub fn set_main(&self, text: &str) {
        if let Ok(mut main) = self.main.lock()
            && main.text() != text
        {
            main.replace(text);
        }
    }

    /// The date the World's `today()` returns and the PDF carries.
    pub fn date(&self) -> Date {
        self.date
    }

    pub fn templates(&self) -> &TemplateSet {
        &self.set
    }

    fn read(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(_) = id.root() {
            // No packages: nothing outside the template set, no network.
            return Err(FileError::AccessDenied);
        }
        let path = id.vpath().get_without_slash();
        match self.set.files.get(path) {
            // Shared: Typst gets the set's bytes without a copy.
            Some(bytes) => Ok(Bytes::new(bytes.clone())),
            None if self.set.files.keys().any(|k| k.starts_with(&format!("{path}/"))) => Err(FileError::IsDirectory),
            None => Err(FileError::NotFound(id.vpath().get_with_slash().into())),
        }
    }

    /// Where a Typst diagnostic points, as `file:line:col`.
    fn place(&self, d: &SourceDiagnostic) -> Option<String> {
        let id = d.span.id()?;
        let range = self.range(d.span)?;
        let source = self.source(id).ok()?;
        let (line, col) = source.lines().byte_to_line_column(range.start)?;
        let name = if id == self.main_id {
            "main.typ (generated)".to_string()
        } else {
            self.set.display(id.vpath().get_without_slash())
        };
        Some(format!("{name}:{}:{}", line + 1, col + 1))
    }

    fn problems(&self, diags: &[SourceDiagnostic]) -> Vec<TypstProblem> {
        diags
            .iter()
            .map(|d| TypstProblem {
                error: d.severity == TypstSeverity::Error,
                message: d.message.to_string(),
                place: self.place(d),
                hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
            })
            .collect()
    }
}

/// Trims Typst's cache of earlier compilations to what the last `max_age`
/// used, for a long-running process (a watch, a batch, a fuzzer).
pub fn evict_cache(max_age: usize) {
    typst::comemo::evict(max_age);
}

/// The font files of a template set: those under `fonts/`.
fn font_files(set: &TemplateSet) -> impl Iterator<Item = &[u8]> {
    set.files.iter().filter_map(|(path, data)| {
        let lower = path.to_ascii_lowercase();
        let is_font =
            lower.starts_with("fonts/") && [".ttf", ".otf", ".ttc", ".otc"].iter().any(|ext| lower.ends_with(ext));
        is_font.then_some(&**data)
    })
}

/// The characters the World for `set` can print: those a font of the set or
/// one of Typst's embedded fonts has a glyph for (Typst falls back to any
/// font of the book that has one). The check refuses the others (T005)
/// before the PDF/A export would.
pub fn glyphs(set: &TemplateSet) -> Glyphs {
    fn build(set: &TemplateSet) -> Glyphs {
        let own = font_files(set).flat_map(|data| FontInfo::iter(data).collect::<Vec<_>>());
        let embedded = typst_kit::fonts::embedded().map(|(_, info)| info);
        let infos: Vec<FontInfo> = own.chain(embedded).collect();
        Glyphs::from_code_points(infos.iter().flat_map(|i| i.coverage.iter()))
    }
    static BUNDLED: OnceLock<Glyphs> = OnceLock::new();
    if set.is_bundled() { BUNDLED.get_or_init(|| build(set)).clone() } else { build(set) }
}

fn vpath(s: &str) -> VirtualPath {
    // MAIN is a valid constant path; VirtualPath::new only fails on paths
    // that escape the root.
    VirtualPath::new(s).unwrap_or_else(|_| VirtualPath::new("/").unwrap_or_else(|_| unreachable!()))
}

fn datetime(d: Date) -> Datetime {
    Datetime::from_ymd(d.year, d.month, d.day)
        .or_else(|| Datetime::from_ymd(1970, 1, 1))
        .unwrap_or_else(|| unreachable!("1970-01-01 is a valid date"))
}

impl World for BbtWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main_id
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main_id {
            return self.main.lock().map(|m| m.clone()).map_err(|_| FileError::Other(None));
        }
        if let Some(source) = self.sources.lock().ok().and_then(|cache| cache.get(&id).cloned()) {
            return Ok(source);
        }
        let bytes = self.read(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        let source = Source::new(id, text.to_string());
        if let Ok(mut cache) = self.sources.lock() {
            cache.insert(id, source.clone());
        }
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main_id {
            return self
                .main
                .lock()
                .map(|m| Bytes::from_string(m.text().to_string()))
                .map_err(|_| FileError::Other(None));
        }
        self.read(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// Compilation failed: the problems Typst reported.
#[derive(Debug)]
pub struct TypstFailure {
    pub problems: Vec<TypstProblem>,
}

/// Compiles the World's main source into pages. Warnings come back beside the document.
pub fn compile(world: &BbtWorld) -> Result<(PagedDocument, Vec<TypstProblem>), TypstFailure> {
    let warned = typst::compile::<PagedDocument>(world);
    let warnings = world.problems(&warned.warnings);
    match warned.output {
        Ok(doc) => Ok((doc, warnings)),
        Err(errors) => {
            let mut problems = world.problems(&errors);
            problems.extend(warnings);
            Err(TypstFailure { problems })
        }
    }
}

/// What the PDF export needs beyond the document.
pub struct ExportOptions<'a> {
    /// Stable identifier: project, year, phase and stuk.
    pub ident: String,
    pub date: Date,
    pub standards: &'a [PdfStandard],
}

/// Exports pages as PDF bytes.
pub fn export(world: &BbtWorld, doc: &PagedDocument, opts: &ExportOptions) -> Result<Vec<u8>, TypstFailure> {
    let standards = PdfStandards::new(opts.standards).map_err(|e| TypstFailure {
        problems: vec![TypstProblem {
            error: true,
            message: format!("incompatible PDF standards: {}", e.message()),
            place: None,
            hints: Vec::new(),
        }],
    })?;
    let options = PdfOptions {
        ident: Smart::Custom(opts.ident.clone()),
        creator: Smart::Custom(Some(format!("bbt {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(datetime(opts.date))),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|errors| TypstFailure { problems: world.problems(&errors) })
}

/// The largest `SOURCE_DATE_EPOCH` accepted: 9999-12-31 23:59:59 UTC, the
/// last second a PDF date (four-digit year) can hold.
pub const SOURCE_DATE_EPOCH_MAX: i64 = 253_402_300_799;

/// The date `SOURCE_DATE_EPOCH` sets, from the variable's value: whole
/// seconds since 1970-01-01 UTC, written as `date +%s` prints them (decimal
/// digits only), from 0 to [`SOURCE_DATE_EPOCH_MAX`]. Anything else (empty,
/// a sign, a fraction, spaces, a date, too large) is an error naming the
/// value, never silently replaced by the document's date: a reproducible
/// build that sets the variable wrongly must hear of it.
pub fn parse_source_date_epoch(value: &std::ffi::OsStr) -> Result<Date, String> {
    let shown = value.to_string_lossy();
    let digits = value.to_str().filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
    let Some(digits) = digits else {
        return Err(crate::tr!("source-date-epoch-not-number", waarde = shown));
    };
    digits
        .parse::<i64>()
        .ok()
        .filter(|secs| *secs <= SOURCE_DATE_EPOCH_MAX)
        .and_then(|secs| civil_from_days(secs.div_euclid(86_400)))
        .ok_or_else(|| crate::tr!("source-date-epoch-too-late", waarde = shown, max = SOURCE_DATE_EPOCH_MAX))
}

/// The date (UTC) of `secs` seconds since 1970-01-01 UTC.
pub fn date_from_unix(secs: i64) -> Option<Date> {
    civil_from_days(secs.div_euclid(86_400))
}

/// The date of the PDF: `SOURCE_DATE_EPOCH`'s (read with
/// [`parse_source_date_epoch`]) when set, else the document's own date.
pub fn pdf_date(document_date: Date, source_date_epoch: Option<Date>) -> Date {
    source_date_epoch.unwrap_or(document_date)
}

/// Seconds since 1970-01-01 at midnight UTC of `d` (for `--creation-timestamp`).
pub fn unix_seconds(d: Date) -> i64 {
    // Days from civil (Howard Hinnant's algorithm), the inverse of civil_from_days.
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    (era * 146_097 + doe - 719_468) * 86_400
}

/// Days since 1970-01-01 → calendar date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Option<Date> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Date::new(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_unix_seconds_agree() {
        for (y, m, d, secs) in [(1970, 1, 1, 0i64), (2024, 10, 24, 1_729_728_000), (2000, 2, 29, 951_782_400)] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(unix_seconds(date), secs);
            assert_eq!(civil_from_days(secs / 86_400), Some(date));
        }
    }

    #[test]
    fn reads_source_date_epoch() {
        let ok: &[(&str, (i32, u8, u8))] = &[
            ("0", (1970, 1, 1)),
            ("1729728000", (2024, 10, 24)),
            ("1729814399", (2024, 10, 24)),
            ("951782400", (2000, 2, 29)),
            ("0001729728000", (2024, 10, 24)),
            ("253402300799", (9999, 12, 31)),
        ];
        for &(sde, (y, m, d)) in ok {
            assert_eq!(parse_source_date_epoch(sde.as_ref()), Ok(Date::new(y, m, d).unwrap()), "{sde:?}");
        }
        let not_a_number = " geen geheel aantal seconden sinds 1970-01-01.";
        let too_late = " na 253402300799 (9999-12-31), de laatste datum die een PDF kan bevatten.";
        let refused: &[(&str, &str)] = &[
            ("", not_a_number),
            ("abc", not_a_number),
            ("nonsense", not_a_number),
            ("-86400", not_a_number),
            ("+1729728000", not_a_number),
            (" 1729728000", not_a_number),
            ("1729728000\n", not_a_number),
            ("1729728000.5", not_a_number),
            ("1.7e9", not_a_number),
            ("2024-10-24", not_a_number),
            ("١٢٣", not_a_number),
            ("253402300800", too_late),
            ("9223372036854775807", too_late),
            ("99999999999999999999999", too_late),
        ];
        for &(sde, why) in refused {
            let err = parse_source_date_epoch(sde.as_ref()).unwrap_err();
            assert_eq!(err, format!("SOURCE_DATE_EPOCH is '{sde}',{why}"), "{sde:?}");
        }
        // Bytes that are not UTF-8 are shown as well as they can be.
        use std::os::unix::ffi::OsStrExt;
        let err = parse_source_date_epoch(std::ffi::OsStr::from_bytes(b"12\xff")).unwrap_err();
        assert_eq!(err, format!("SOURCE_DATE_EPOCH is '12\u{fffd}',{not_a_number}"));
        let doc = Date::new(2024, 10, 24).unwrap();
        assert_eq!(pdf_date(doc, None), doc);
        assert_eq!(pdf_date(doc, Date::new(1970, 1, 1)), Date::new(1970, 1, 1).unwrap());
    }
}
