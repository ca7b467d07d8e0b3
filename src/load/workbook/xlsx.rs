//! A fast path for the values of an xlsx (or xlsm) sheet, on both cores.
//!
//! calamine reads a sheet on one thread, from a buffered stream of the zip
//! entry. For a large sheet that is most of the load: a 100,000-row budget
//! sheet is 55 MB of XML. Here the sheet is unpacked into memory, cut at row
//! boundaries into pieces that are parsed in parallel while the rest is still
//! being unpacked (and the shared-string table alongside them). Each piece
//! is read by a byte scanner for the common cell shapes, else by quick-xml
//! (calamine's XML reader) with calamine's reading rules, so the cells are
//! the ones calamine would give.
//!
//! It reads only what it is sure of. Anything outside that (dates and other
//! styles that change what a number means, `t="d"` cells, `_xHHHH_` escapes,
//! CDATA in values, unknown cell types, a workbook not at `xl/workbook.xml`,
//! any XML error) makes it decline, and the caller reads the sheet with
//! calamine instead, which also reports what is wrong. Tests compare both
//! readers cell by cell on workbooks written by LibreOffice, Excel's format
//! writer (rust_xlsxwriter) and by hand.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use calamine::{CellErrorType, Data, Range};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

/// Why the fast path leaves a workbook or a sheet to calamine.
#[derive(Debug)]
pub(super) struct Declined(#[cfg_attr(not(test), allow(dead_code))] pub(super) String);

fn decline<T>(why: impl Into<String>) -> Result<T, Declined> {
    Err(Declined(why.into()))
}

/// A sheet's values, or the farthest cell of a used area over the limit.
pub(super) enum Values {
    Read(Range<Data>),
    TooLarge { row: u32, col: u32 },
}

/// Sheets smaller than this are parsed on the calling thread: threads do
/// not pay for themselves on a budget of a few hundred rows.
const PARALLEL_FROM: usize = if cfg!(test) { 64 << 10 } else { 1 << 20 };

/// How a cell style presents numbers, as far as the values are concerned.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    /// A number stays a number (calamine: `CellFormat::Other`).
    Number,
    /// Possibly a date or a duration: left to calamine.
    Unknown,
}

pub(super) struct Book {
    zip: zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    /// Sheet names in workbook order, with their part in the archive.
    sheets: Vec<(String, String)>,
    styles: Vec<Style>,
    /// The shared-string table: unpacked but not parsed until a sheet is
    /// read, so that it is parsed alongside the first sheet.
    strings: Strings,
}

enum Strings {
    Unparsed(Option<Vec<u8>>),
    Parsed(Vec<String>),
}

impl Book {
    /// Opens a workbook for the fast path, or declines (not a zip archive,
    /// an unusual layout, an encrypted file, ...).
    pub(super) fn open(path: &Path) -> Result<Book, Declined> {
        let file = std::fs::File::open(path).or_else(|e| decline(format!("cannot open: {e}")))?;
        let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file))
            .or_else(|e| decline(format!("not a zip archive: {e}")))?;
        // calamine finds parts by name without regard to case or `\`: an
        // archive where that could matter is left to it.
        let mut names: Vec<String> = zip
            .file_names()
            .map(|n| n.map(|n| n.to_ascii_lowercase()))
            .collect::<Result<_, _>>()
            .or_else(|e| decline(format!("part names: {e}")))?;
        names.sort();
        if names.iter().any(|n| n.contains('\\')) || names.windows(2).any(|w| w.first() == w.get(1)) {
            return decline("part names that differ only in case, or with '\\'");
        }
        let root = part(&mut zip, "_rels/.rels")?.ok_or_else(|| Declined("no _rels/.rels".into()))?;
        let mut offices = relationships(&root)?.into_iter().filter(|r| r.kind.ends_with("/officeDocument"));
        let office = offices.next().ok_or_else(|| Declined("no officeDocument relationship".into()))?;
        if offices.next().is_some() {
            return decline("two officeDocument relationships");
        }
        if office.target.trim_start_matches('/') != "xl/workbook.xml" {
            return decline(format!("workbook at {}", office.target));
        }
        let workbook = part(&mut zip, "xl/workbook.xml")?.ok_or_else(|| Declined("no xl/workbook.xml".into()))?;
        let rels = part(&mut zip, "xl/_rels/workbook.xml.rels")?
            .ok_or_else(|| Declined("no xl/_rels/workbook.xml.rels".into()))?;
        let rels: HashMap<String, Relationship> =
            relationships(&rels)?.into_iter().map(|r| (r.id.clone(), r)).collect();
        let mut sheets = Vec::new();
        for (name, id) in sheet_list(&workbook)? {
            let rel = rels.get(&id).ok_or_else(|| Declined(format!("sheet {name}: no relationship {id}")))?;
            if !["/worksheet", "/chartsheet", "/dialogsheet"].iter().any(|k| rel.kind.ends_with(k)) {
                return decline(format!("sheet {name} of type {}", rel.kind));
            }
            let target = match rel.target.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("xl/{}", rel.target),
            };
            sheets.push((name, target));
        }
        let styles = match part(&mut zip, "xl/styles.xml")? {
            Some(xml) => styles(&xml)?,
            None => Vec::new(),
        };
        let strings = Strings::Unparsed(part(&mut zip, "xl/sharedStrings.xml")?);
        Ok(Book { zip, sheets, styles, strings })
    }

    /// The sheet names, in workbook order.
    pub(super) fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|(name, _)| name.clone()).collect()
    }

    /// Reads a sheet's values (cached results for formula cells), as
    /// calamine's `worksheet_cells_reader` followed by `Range::from_sparse`
    /// would, checking the used area against `max_cells` before any grid is
    /// allocated.
    pub(super) fn values(&mut self, name: &str, max_cells: u64) -> Result<Values, Declined> {
        let target = match self.sheets.iter().find(|(n, _)| n == name) {
            Some((_, target)) => target.clone(),
            None => return decline(format!("no sheet {name}")),
        };
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let styles = &self.styles;
        let zip = &mut self.zip;
        // `unparsed`: the shared-string table still to parse (if any).
        let mut sheet = |unparsed: Option<Option<Vec<u8>>>| {
            // The shared strings are parsed while the sheet is unpacked and parsed.
            std::thread::scope(|scope| {
                let strings =
                    unparsed.map(|raw| scope.spawn(move || raw.as_deref().map_or(Ok(Vec::new()), shared_strings)));
                let cells = stream_rows(zip, &target, styles, threads);
                let strings = strings
                    .map(|h| h.join().unwrap_or_else(|_| decline("shared strings: the parser stopped")))
                    .transpose();
                Ok::<_, Declined>((cells?, strings?))
            })
        };
        let (cells, strings) = match &mut self.strings {
            Strings::Parsed(_) => sheet(None)?,
            Strings::Unparsed(raw) => sheet(Some(raw.take()))?,
        };
        if let Some(strings) = strings {
            self.strings = Strings::Parsed(strings);
        }
        let Strings::Parsed(strings) = &self.strings else { return decline("shared strings not parsed") };
        assemble(cells, strings, max_cells)
    }
}

/// Turns the parsed pieces into a range, in the order calamine streams them.
fn assemble(pieces: Vec<Vec<RawCell>>, strings: &[String], max_cells: u64) -> Result<Values, Declined> {
    // The used area as streamed, empty cells included, checked cell by cell
    // so that the cell reported is the one calamine's order reaches first;
    // then the area of the values, which the range spans.
    let (mut rmin, mut rmax, mut cmin, mut cmax) = (u32::MAX, 0u32, u32::MAX, 0u32);
    let mut filled: Option<((u32, u32), (u32, u32))> = None;
    for &(r, c, ref raw) in pieces.iter().flatten() {
        rmin = rmin.min(r);
        rmax = rmax.max(r);
        cmin = cmin.min(c);
        cmax = cmax.max(c);
        if u64::from(rmax - rmin + 1) * u64::from(cmax - cmin + 1) > max_cells {
            return Ok(Values::TooLarge { row: r, col: c });
        }
        if !matches!(raw, Raw::Empty) {
            filled = Some(match filled {
                None => ((r, c), (r, c)),
                Some(((r0, c0), (r1, c1))) => ((r0.min(r), c0.min(c)), (r1.max(r), c1.max(c))),
            });
        }
    }
    let Some((start, end)) = filled else { return Ok(Values::Read(Range::empty())) };
    let mut range = Range::new(start, end);
    for (r, c, raw) in pieces.into_iter().flatten() {
        let value = match raw {
            Raw::Empty => continue,
            Raw::Shared(i) => match strings.get(i) {
                Some(s) => Data::String(s.clone()),
                None => return decline(format!("shared string {i} not in the table")),
            },
            Raw::Number(n) => Data::Float(n),
            Raw::Text(s) => Data::String(s),
            Raw::Bool(b) => Data::Bool(b),
            Raw::Error(e) => Data::Error(e),
        };
        range.set_value((r, c), value);
    }
    Ok(Values::Read(range))
}

/// Unpacks a part of the archive; `None` when it is not there.
fn part(zip: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>, name: &str) -> Result<Option<Vec<u8>>, Declined> {
    // calamine would find a part under another case.
    if zip.index_for_name(name).is_none() && zip.file_names().any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name))) {
        return decline(format!("{name} under another case"));
    }
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return decline(format!("{name}: {e}")),
    };
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0).min(super::MAX_BYTES as usize));
    file.read_to_end(&mut bytes).or_else(|e| decline(format!("{name}: {e}")))?;
    Ok(Some(bytes))
}

/// A quick-xml reader over a part, configured as calamine configures its own.
fn reader(xml: &[u8]) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(xml);
    let config = r.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    r
}

fn attr(e: &BytesStart, name: &str) -> Result<Option<String>, Declined> {
    match e.try_get_attribute(name) {
        Ok(Some(a)) => Ok(Some(a.value.into_owned())),
        Ok(None) => Ok(None),
        Err(err) => decline(format!("attribute {name}: {err}")),
    }
}

/// An attribute name of ASCII letters, digits and `_:.-`, not starting with
/// a digit, `.` or `-`: what both readers take the same way.
fn plain_name(name: &[u8]) -> bool {
    name.first().is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'_' | b':'))
        && name.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'_' | b'-' | b'.'))
}

/// The raw values of the named attributes, in one pass over the tag.
fn attrs<'a, const N: usize>(e: &'a BytesStart, names: [&str; N]) -> Result<[Option<Cow<'a, str>>; N], Declined> {
    let mut out = [const { None }; N];
    // With quick-xml's checks: a malformed or repeated attribute makes the
    // fast path decline, where calamine may refuse the sheet.
    for a in e.attributes() {
        let a = a.or_else(|err| decline(format!("attribute: {err}")))?;
        // quick-xml reads `=="0"` as an attribute named `=`; calamine refuses it.
        if !plain_name(a.key.as_ref().as_bytes()) {
            return decline(format!("an attribute named {}", a.key.as_ref()));
        }
        // quick-xml's checks have refused repeated attributes above.
        if let Some(slot) = names.iter().position(|n| *n == a.key.as_ref()).and_then(|i| out.get_mut(i))
            && slot.is_none()
        {
            *slot = Some(a.value);
        }
    }
    Ok(out)
}

struct Relationship {
    id: String,
    kind: String,
    target: String,
}

fn relationships(xml: &[u8]) -> Result<Vec<Relationship>, Declined> {
    let mut r = reader(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "Relationship" => {
                let (Some(id), Some(kind), Some(target)) = (attr(&e, "Id")?, attr(&e, "Type")?, attr(&e, "Target")?)
                else {
                    return decline("a relationship without Id, Type or Target");
                };
                if [&id, &target].iter().any(|s| s.contains('&')) {
                    return decline("an escaped relationship");
                }
                out.push(Relationship { id, kind, target });
            }
            Ok(Event::Eof) => return Ok(out),
            Err(e) => return decline(format!("relationships: {e}")),
            Ok(_) => {}
        }
    }
}

/// The sheets of `xl/workbook.xml`: name and relationship id.
fn sheet_list(xml: &[u8]) -> Result<Vec<(String, String)>, Declined> {
    let mut r = reader(xml);
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "sheet" => {
                let mut name = None;
                let mut id = None;
                for a in e.attributes() {
                    let a = a.or_else(|err| decline(format!("sheet attribute: {err}")))?;
                    match a.key.as_ref() {
                        "name" => name = Some(a.value.into_owned()),
                        "state" if !matches!(a.value.as_ref(), "visible" | "hidden" | "veryHidden") => {
                            return decline(format!("a sheet state {}", a.value));
                        }
                        key if key == "id" || key.ends_with(":id") => id = Some(a.value.into_owned()),
                        _ => {}
                    }
                }
                match (name, id) {
                    // Escaped names (`&amp;`, `_x0041_`) are left to calamine.
                    (Some(name), Some(id)) if !name.contains('&') && !name.contains("_x") => out.push((name, id)),
                    _ => return decline("a sheet with an escaped name, or without name or id"),
                }
            }
            Ok(Event::Eof) => return Ok(out),
            Err(e) => return decline(format!("workbook: {e}")),
            Ok(_) => {}
        }
    }
}

/// How each cell style (`cellXfs`, by index) presents numbers.
fn styles(xml: &[u8]) -> Result<Vec<Style>, Declined> {
    let mut r = reader(xml);
    let mut custom: HashMap<String, String> = HashMap::new();
    let mut out = Vec::new();
    let (mut in_xfs, mut in_xf) = (false, false);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "numFmt" => {
                let code = match e.try_get_attribute("formatCode") {
                    Ok(Some(a)) => quick_xml::escape::unescape(&a.value).map(Cow::into_owned).ok(),
                    _ => None,
                };
                match (attr(&e, "numFmtId")?, code) {
                    (Some(id), Some(code)) => {
                        custom.insert(id, code);
                    }
                    _ => return decline("a number format without id or readable code"),
                }
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "cellXfs" => in_xfs = true,
            Ok(Event::End(e)) if e.local_name().as_ref() == "cellXfs" => in_xfs = false,
            // calamine skips what an `<xf>` holds; a nested one would shift the indexes.
            Ok(Event::Start(e)) if in_xf && e.local_name().as_ref() == "xf" => return decline("a nested <xf>"),
            Ok(Event::End(e)) if e.local_name().as_ref() == "xf" => in_xf = false,
            Ok(Event::End(e)) if e.local_name().as_ref() == "styleSheet" => return Ok(out),
            Ok(Event::Start(e)) if in_xfs && e.local_name().as_ref() == "xf" => {
                in_xf = true;
                out.push(match attr(&e, "numFmtId")? {
                    None => Style::Number,
                    Some(id) => match custom.get(&id) {
                        Some(code) => custom_format(code),
                        None => builtin_format(&id),
                    },
                });
            }
            Ok(Event::Eof) => return decline("styles without </styleSheet>"),
            Err(e) => return decline(format!("styles: {e}")),
            Ok(_) => {}
        }
    }
}

/// Built-in number formats (ECMA-376 18.8.30): the date, time and duration
/// ones, and the East Asian ones that may be, are left to calamine.
fn builtin_format(id: &str) -> Style {
    match id.parse::<u32>() {
        Ok(14..=22 | 27..=36 | 45..=47 | 50..=58) | Err(_) => Style::Unknown,
        Ok(_) => Style::Number,
    }
}

/// A custom number format is a plain number format when, outside quoted
/// text, escaped characters and bracketed colours, currencies and
/// conditions, it holds no letter but the exponent's `E`. Anything else
/// (a date, a time, `[h]`, a locale code) is left to calamine.
fn custom_format(code: &str) -> Style {
    if code.contains("_x") {
        return Style::Unknown;
    }
    if code.eq_ignore_ascii_case("general") {
        return Style::Number;
    }
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            // Quoted text, to the closing quote. calamine lets `\`, `_` and `*`
            // escape a character even inside quotes, so its quoted text may
            // run on: such a format is left to it.
            '"' => {
                let quoted: String = chars.by_ref().take_while(|&c| c != '"').collect();
                if quoted.contains(['\\', '_', '*']) {
                    return Style::Unknown;
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inner: String = chars.by_ref().take_while(|&c| c != ']').collect();
                let colour = ["black", "blue", "cyan", "green", "magenta", "red", "white", "yellow"]
                    .iter()
                    .any(|n| inner.eq_ignore_ascii_case(n))
                    || inner.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("color"))
                        && inner.get(5..).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                let currency = inner.starts_with('$') && !inner.contains('-');
                let condition = inner.starts_with(['<', '>', '=']);
                if !(colour || currency || condition) {
                    return Style::Unknown;
                }
            }
            'E' | 'e' => {}
            c if c.is_alphabetic() => return Style::Unknown,
            _ => {}
        }
    }
    Style::Number
}

/// Where `sheetData`'s rows begin, as far as the first bytes of a sheet tell.
enum RowsStart {
    /// The bytes so far do not reach `<sheetData>`'s end.
    NotYet,
    /// `<sheetData/>`: no rows.
    None,
    /// The offset right after `<sheetData>`.
    At(usize),
}

fn rows_start(head: &[u8]) -> Result<RowsStart, Declined> {
    if head.starts_with(&[0xFE, 0xFF]) || head.starts_with(&[0xFF, 0xFE]) {
        return decline("a UTF-16 sheet");
    }
    let prolog = head.get(..head.len().min(4096)).unwrap_or(head);
    if let Some(decl) = memchr::memmem::find(prolog, b"encoding=")
        && !head.get(decl + 10..decl + 15).is_some_and(|e| e.eq_ignore_ascii_case(b"utf-8"))
    {
        return decline("a sheet not in UTF-8");
    }
    let Some(open) = memchr::memmem::find(head, b"<sheetData") else { return Ok(RowsStart::NotYet) };
    let Some(close) = head.get(open..).and_then(|t| memchr::memchr(b'>', t)).map(|p| p + open) else {
        return Ok(RowsStart::NotYet);
    };
    if !matches!(head.get(open + 10), Some(b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')) {
        return decline("an element whose name starts with sheetData");
    }
    prolog_as_calamine_reads_it(head.get(..=close).unwrap_or_default())?;
    if head.get(close.saturating_sub(1)) == Some(&b'/') {
        return Ok(RowsStart::None);
    }
    Ok(RowsStart::At(close + 1))
}

/// The part of a sheet before `<sheetData>`, which calamine parses (and
/// refuses when broken) and the fast path only skips: plain XML, with no
/// comment, CDATA or processing instruction but the declaration (where
/// `<sheetData>` could be text), and a `<dimension>` whose reference reads.
fn prolog_as_calamine_reads_it(prolog: &[u8]) -> Result<(), Declined> {
    let after_declaration = prolog.get(2..).unwrap_or_default();
    if [&b"<!--"[..], b"<![CDATA[", b"<?"].iter().any(|n| memchr::memmem::find(after_declaration, n).is_some()) {
        return decline("a comment, CDATA or instruction before <sheetData>");
    }
    if std::str::from_utf8(prolog).is_err() {
        return decline("bytes that are not UTF-8");
    }
    let mut r = reader(prolog);
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "dimension" => {
                let reference = attr(&e, "ref")?.ok_or_else(|| Declined("a <dimension> without ref".into()))?;
                for at in reference.split(':') {
                    if !matches!(position(at)?, (_, Some(_))) {
                        return decline(format!("a dimension {reference}"));
                    }
                }
            }
            Ok(Event::Eof) => return Ok(()),
            Err(e) => return decline(format!("before <sheetData>: {e}")),
            Ok(_) => {}
        }
    }
}

/// The last place in `rows` where a piece may be cut: before a `<row ` that
/// names its row number (so no piece depends on the one before) and whose
/// tag is complete. `None` if there is none past the start. A few rows
/// back at most: a sheet whose rows do not name their numbers is not cut.
fn last_cut(rows: &[u8]) -> Option<usize> {
    const TRIES: usize = 16;
    let mut end = rows.len();
    for _ in 0..TRIES {
        let at = memchr::memmem::rfind(rows.get(..end)?, b"<row ")?;
        let mut tag = Scanner { b: rows.get(at + 4..)?, at: 0 };
        if at > 0
            && let Some(([Some(_)], _)) = tag.attrs([b"r"])
        {
            return Some(at);
        }
        end = at;
    }
    None
}

/// A piece of a sheet's rows, parsed: by the byte scanner if it can, else
/// by the XML parser.
fn parse_piece(bytes: &[u8], styles: &[Style]) -> Result<Vec<RawCell>, Declined> {
    // calamine refuses a sheet with bytes that are not UTF-8 anywhere it
    // reads, skipped text included; quick-xml's reader over a slice does not
    // look at all of them.
    if std::str::from_utf8(bytes).is_err() {
        return decline("bytes that are not UTF-8");
    }
    let cells = match scan_chunk(bytes, styles) {
        Some(cells) => cells,
        None => parse_chunk(bytes, styles)?,
    };
    Ok(cells)
}

/// Pieces are cut once this much of the sheet is unpacked (in tests, soon
/// enough that their workbooks are cut too).
const PIECE: usize = if cfg!(test) { 32 << 10 } else { 4 << 20 };

/// Unpacks a sheet and parses its rows at the same time: each piece of
/// whole rows goes to the other cores as soon as it is unpacked, the rest
/// is parsed here once the sheet is unpacked. A sheet with comments or
/// CDATA (where `<row` may be text), or a small one, is one piece.
fn stream_rows(
    zip: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    target: &str,
    styles: &[Style],
    threads: usize,
) -> Result<Vec<Vec<RawCell>>, Declined> {
    let mut file = match zip.by_name(target) {
        Ok(f) => f,
        Err(e) => return decline(format!("{target}: {e}")),
    };
    let size = usize::try_from(file.size()).unwrap_or(usize::MAX).min(super::MAX_BYTES as usize);
    let mut buffer = vec![0u8; size];
    let parallel = threads > 1 && size >= PARALLEL_FROM;
    let (send, receive) = std::sync::mpsc::channel::<(usize, &[u8])>();
    let receive = std::sync::Mutex::new(receive);
    let work = || {
        let mut done = Vec::new();
        loop {
            let next = match receive.lock() {
                Ok(r) => r.recv(),
                Err(_) => break,
            };
            let Ok((i, piece)) = next else { break };
            done.push((i, parse_piece(piece, styles)));
        }
        done
    };
    std::thread::scope(|scope| {
        let helpers: Vec<_> = if parallel { (1..threads).map(|_| scope.spawn(work)).collect() } else { Vec::new() };
        // `rest` is the buffer not yet handed out; its first `filled` bytes
        // are unpacked. `started`: the bytes before the rows are dropped.
        let mut rest: &mut [u8] = &mut buffer;
        let (mut filled, mut checked, mut pieces) = (0usize, 0usize, 0usize);
        let (mut started, mut empty) = (false, false);
        let mut cuttable = parallel;
        let unpacked = loop {
            if filled == rest.len() {
                // Full: the part may not unpack to more than it declares.
                let mut one = [0u8; 1];
                match file.read(&mut one) {
                    Ok(0) => break Ok(()),
                    Ok(_) => break decline(format!("{target} unpacks to more than it declares")),
                    Err(e) => break decline(format!("{target}: {e}")),
                }
            }
            // A read may fill all it is given: a megabyte at a time, so
            // that pieces can be handed out as they are unpacked.
            let upto = rest.len().min(filled + (1 << 20));
            let Some(free) = rest.get_mut(filled..upto) else { break decline("a piece outside the buffer") };
            match file.read(free) {
                Ok(0) => break Ok(()),
                Ok(n) => filled += n,
                Err(e) => break decline(format!("{target}: {e}")),
            }
            let Some(have) = rest.get(..filled) else { break decline("a piece outside the buffer") };
            if !started {
                match rows_start(have) {
                    Err(d) => break Err(d),
                    Ok(RowsStart::NotYet) => continue,
                    Ok(RowsStart::None) => {
                        // `<sheetData/>`: no rows.
                        filled = 0;
                        started = true;
                        empty = true;
                        break Ok(());
                    }
                    Ok(RowsStart::At(at)) => {
                        let (_, tail) = std::mem::take(&mut rest).split_at_mut(at);
                        rest = tail;
                        filled -= at;
                        started = true;
                    }
                }
            }
            if !cuttable || filled < PIECE {
                continue;
            }
            let Some(have) = rest.get(..filled) else { break decline("a piece outside the buffer") };
            let fresh = have.get(checked.saturating_sub(8)..).unwrap_or_default();
            if memchr::memmem::find(fresh, b"<!--").is_some() || memchr::memmem::find(fresh, b"<![CDATA[").is_some() {
                cuttable = false;
                continue;
            }
            checked = filled;
            // Only the newest piece's worth is searched: rows without a number
            // would otherwise have the whole buffer searched at every read.
            let from = filled.saturating_sub(PIECE);
            if let Some(cut) = have.get(from..).and_then(last_cut).map(|c| c + from) {
                let (piece, tail) = std::mem::take(&mut rest).split_at_mut(cut);
                rest = tail;
                filled -= cut;
                checked = checked.saturating_sub(cut);
                if send.send((pieces, &*piece)).is_err() {
                    break decline("a parser thread stopped");
                }
                pieces += 1;
            }
        };
        let last = match (unpacked, started) {
            (Err(d), _) => Err(d),
            (Ok(()), false) => decline("no <sheetData>"),
            (Ok(()), true) if empty => Ok(&[][..]),
            (Ok(()), true) => {
                let have: &[u8] = rest.get(..filled).unwrap_or_default();
                match memchr::memmem::rfind(have, b"</sheetData>") {
                    Some(end) => Ok(have.get(..end).unwrap_or_default()),
                    None => decline("no </sheetData>"),
                }
            }
        };
        drop(send);
        let mut results = match last {
            Ok(last) => vec![(pieces, parse_piece(last, styles))],
            Err(d) => vec![(pieces, Err(d))],
        };
        // This thread helps with the pieces still waiting.
        results.extend(work());
        for helper in helpers {
            match helper.join() {
                Ok(done) => results.extend(done),
                Err(_) => results.push((usize::MAX, decline("a parser thread stopped"))),
            }
        }
        results.sort_by_key(|(i, _)| *i);
        results.into_iter().map(|(_, r)| r).collect()
    })
}

/// A cell as parsed: position and value, shared strings by index.
type RawCell = (u32, u32, Raw);

#[derive(Debug, PartialEq)]
enum Raw {
    Empty,
    Shared(usize),
    Number(f64),
    Text(String),
    Bool(bool),
    Error(CellErrorType),
}

/// The common shapes of `sheetData` read straight from the bytes, several
/// times faster than through XML events: rows, cells with `r`, `s` and `t`,
/// a formula (skipped) and a value of a number, a shared string, a formula's
/// text, a boolean or an error, with no entity, comment or prefix. `None`
/// at the first thing outside that, and the piece is parsed by
/// [`parse_chunk`] instead, which reads as calamine does; tests hold the two
/// to the same cells. The piece is known to be UTF-8 ([`parse_piece`]).
fn scan_chunk(bytes: &[u8], styles: &[Style]) -> Option<Vec<RawCell>> {
    let mut s = Scanner { b: bytes, at: 0 };
    let mut out = Vec::with_capacity(bytes.len() / 40);
    let (mut row, mut col) = (0u32, 0u32);
    // Cells stand in rows, rows are closed, and a piece holds whole rows.
    let mut in_row = false;
    loop {
        s.skip_space();
        if s.at >= s.b.len() {
            return (!in_row).then_some(out);
        }
        if s.eat(b"</row>") {
            if !in_row {
                return None;
            }
            in_row = false;
            row = row.saturating_add(1);
            col = 0;
            continue;
        }
        if s.eat(b"<row") {
            let (attrs, empty) = s.attrs([b"r"])?;
            if in_row {
                return None;
            }
            if let [Some(r)] = attrs {
                row = position(std::str::from_utf8(r).ok()?).ok()?.0;
            }
            if empty {
                row = row.saturating_add(1);
                col = 0;
            } else {
                in_row = true;
            }
            continue;
        }
        if !in_row || !s.eat(b"<c") || out.len() as u64 >= super::MAX_CELLS {
            return None;
        }
        let ([at, style, kind], empty) = s.attrs([b"r", b"s", b"t"])?;
        let pos = match at {
            Some(at) => match position(std::str::from_utf8(at).ok()?).ok()? {
                (r, Some(c)) => {
                    col = c;
                    (r, c)
                }
                (_, None) => return None,
            },
            None => (row, col),
        };
        let style = match style {
            None => Style::Number,
            Some(s) => styles.get(digits(std::str::from_utf8(s).ok()?).ok()?).copied().unwrap_or(Style::Number),
        };
        let mut value = Raw::Empty;
        if !empty {
            loop {
                s.skip_space();
                if s.eat(b"</c>") {
                    break;
                }
                if s.eat(b"<f") {
                    let (_, empty) = s.attrs::<0>([])?;
                    // An entity in a formula is left to the XML parser, which
                    // checks it as calamine does.
                    if !empty && s.text_until(b"</f>")?.contains(&b'&') {
                        return None;
                    }
                    value = Raw::Empty;
                } else if s.eat(b"<v>") {
                    let text = s.text_until(b"</v>")?;
                    value = scanned_value(text, kind, style)?;
                } else {
                    return None;
                }
            }
        }
        col = col.saturating_add(1);
        out.push((pos.0, pos.1, value));
    }
}

/// A `<v>` of the shapes [`scan_chunk`] reads; `None` for any other.
fn scanned_value(text: &[u8], kind: Option<&[u8]>, style: Style) -> Option<Raw> {
    let text = std::str::from_utf8(text).ok()?;
    if text.contains(['&', '\r']) {
        return None;
    }
    match kind {
        None | Some(b"n") if text.is_empty() => Some(Raw::Empty),
        None | Some(b"n") if style == Style::Number => number(text).ok().map(Raw::Number),
        Some(b"s") if !text.is_empty() => digits(text).ok().map(Raw::Shared),
        Some(b"str") if !text.contains("_x") => Some(Raw::Text(text.to_string())),
        Some(b"b") if text == "0" => Some(Raw::Bool(false)),
        Some(b"b") if text == "1" => Some(Raw::Bool(true)),
        Some(b"e") => text.parse().ok().map(Raw::Error),
        _ => None,
    }
}

struct Scanner<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    fn skip_space(&mut self) {
        while self.b.get(self.at).is_some_and(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n')) {
            self.at += 1;
        }
    }

    /// Consumes `tag` if the bytes continue with it. An opening tag's name
    /// must end there (`<c` is not `<col`).
    fn eat(&mut self, tag: &[u8]) -> bool {
        let Some(rest) = self.b.get(self.at..) else { return false };
        if !rest.starts_with(tag) {
            return false;
        }
        let next = rest.get(tag.len());
        let whole = tag.ends_with(b">") || matches!(next, Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/'));
        if whole {
            self.at += tag.len();
        }
        whole
    }

    /// Reads a tag's attributes up to its `>` or `/>` (then `true`): the raw
    /// values of the named ones. `None` for a repeated one, or for
    /// anything but `name="value"` pairs without entities.
    fn attrs<const N: usize>(&mut self, names: [&[u8]; N]) -> Option<([Option<&'a [u8]>; N], bool)> {
        let mut out = [None; N];
        loop {
            self.skip_space();
            match self.b.get(self.at)? {
                b'>' => {
                    self.at += 1;
                    return Some((out, false));
                }
                b'/' => {
                    self.at += 1;
                    return self.eat(b">").then_some((out, true));
                }
                _ => {}
            }
            let rest = self.b.get(self.at..)?;
            let eq = rest.iter().position(|&c| c == b'=')?;
            let name = rest.get(..eq)?;
            if !plain_name(name) {
                return None;
            }
            let quote = *rest.get(eq + 1)?;
            if quote != b'"' && quote != b'\'' {
                return None;
            }
            let len = rest.get(eq + 2..)?.iter().position(|&c| c == quote)?;
            let value = rest.get(eq + 2..eq + 2 + len)?;
            if value.contains(&b'&') || value.contains(&b'<') {
                return None;
            }
            if let Some(slot) = names.iter().position(|n| *n == name).and_then(|i| out.get_mut(i)) {
                // calamine keeps the last of repeated attributes, quick-xml
                // refuses them: left to the XML parser.
                if slot.is_some() {
                    return None;
                }
                *slot = Some(value);
            }
            self.at += eq + 3 + len;
        }
    }

    /// The bytes up to `end`, which are consumed too; `None` if a tag comes first.
    fn text_until(&mut self, end: &[u8]) -> Option<&'a [u8]> {
        let rest = self.b.get(self.at..)?;
        let len = memchr::memchr(b'<', rest)?;
        if !rest.get(len..)?.starts_with(end) {
            return None;
        }
        self.at += len + end.len();
        rest.get(..len)
    }
}

/// Parses one piece of `sheetData` as calamine's `next_cell` reads it.
fn parse_chunk(bytes: &[u8], styles: &[Style]) -> Result<Vec<RawCell>, Declined> {
    let mut r = reader(bytes);
    let mut out = Vec::with_capacity(bytes.len() / 40);
    let (mut row, mut col) = (0u32, 0u32);
    // As in the byte scanner: cells in rows, rows closed, whole rows only.
    let mut in_row = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "row" => {
                if in_row {
                    return decline("a row inside a row");
                }
                in_row = true;
                if let [Some(n), ..] = attrs(&e, ["r"])? {
                    row = position(&n)?.0;
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "row" => {
                if !in_row {
                    return decline("a </row> without its row");
                }
                in_row = false;
                row = row.saturating_add(1);
                col = 0;
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "c" => {
                if !in_row || out.len() as u64 >= super::MAX_CELLS {
                    return decline("a cell outside a row, or more cells than bbt reads");
                }
                let [at, s, kind] = attrs(&e, ["r", "s", "t"])?;
                let pos = match at {
                    Some(at) => match position(&at)? {
                        (r, Some(c)) => {
                            col = c;
                            (r, c)
                        }
                        (_, None) => return decline(format!("a cell reference without column: {at}")),
                    },
                    None => (row, col),
                };
                let style = match s {
                    None => Style::Number,
                    Some(s) => styles.get(digits(&s)?).copied().unwrap_or(Style::Number),
                };
                let mut value = Raw::Empty;
                loop {
                    match r.read_event() {
                        Ok(Event::Start(child)) => value = cell_value(&mut r, &child, kind.as_deref(), style)?,
                        Ok(Event::End(end)) if end.local_name().as_ref() == "c" => break,
                        Ok(Event::Eof) => return decline("the sheet ends inside a cell"),
                        Err(err) => return decline(format!("sheet: {err}")),
                        Ok(_) => {}
                    }
                }
                col = col.saturating_add(1);
                out.push((pos.0, pos.1, value));
            }
            // Pieces stop before the one `</sheetData>`: another is not calamine's sheet.
            Ok(Event::End(e)) if e.local_name().as_ref() == "sheetData" => return decline("a second </sheetData>"),
            Ok(Event::Eof) if in_row => return decline("a row without end"),
            Ok(Event::Eof) => return Ok(out),
            Err(e) => return decline(format!("sheet: {e}")),
            Ok(_) => {}
        }
    }
}

/// The value of a cell's child element (`v`, `f` or `is`), as calamine's
/// `read_value` reads it.
fn cell_value(r: &mut Reader<&[u8]>, child: &BytesStart, kind: Option<&str>, style: Style) -> Result<Raw, Declined> {
    let skip =
        |r: &mut Reader<&[u8]>| r.read_to_end(child.name()).map(|_| Raw::Empty).or_else(|e| decline(format!("{e}")));
    match child.local_name().as_ref() {
        "is" => read_string(r, child.name()).map(Raw::Text),
        "f" => skip(r),
        "v" if matches!(kind, Some("inlineStr" | "is")) => skip(r),
        "v" => match kind {
            Some("n" | "s" | "b" | "e") | None => {
                let text = match r.read_event() {
                    Ok(Event::Text(t)) => t.to_string(),
                    Ok(Event::End(end)) if end.name() == child.name() => return Ok(Raw::Empty),
                    _ => return decline("an unusual <v>"),
                };
                match r.read_event() {
                    Ok(Event::End(end)) if end.name() == child.name() => {}
                    _ => return decline("an unusual <v>"),
                }
                match kind {
                    Some("s") if text.is_empty() => Ok(Raw::Empty),
                    Some("s") => Ok(Raw::Shared(digits(&text)?)),
                    Some("b") => match text.trim() {
                        "" => Ok(Raw::Empty),
                        "0" => Ok(Raw::Bool(false)),
                        "1" => Ok(Raw::Bool(true)),
                        t if t.eq_ignore_ascii_case("false") => Ok(Raw::Bool(false)),
                        t if t.eq_ignore_ascii_case("true") => Ok(Raw::Bool(true)),
                        _ => decline(format!("a boolean {text}")),
                    },
                    Some("e") => text.parse().map(Raw::Error).or_else(|_| decline(format!("an error value {text}"))),
                    _ if text.is_empty() => Ok(Raw::Empty),
                    _ if style == Style::Unknown => decline("a number in a date or unusual style"),
                    _ => number(&text).map(Raw::Number),
                }
            }
            Some("str") => {
                let mut text = String::new();
                loop {
                    match r.read_event() {
                        Ok(Event::Text(t)) => text.push_str(&t.xml10_content()),
                        Ok(Event::GeneralRef(e)) => entity(&e, &mut text)?,
                        Ok(Event::End(end)) if end.name() == child.name() => break,
                        _ => return decline("an unusual <v> of a formula's text"),
                    }
                }
                if text.contains("_x") {
                    return decline("an escaped character in a text");
                }
                Ok(Raw::Text(text))
            }
            _ => decline(format!("a cell of type {kind:?}")),
        },
        other => decline(format!("a <{other}> in a cell")),
    }
}

/// A rich or plain string (`<si>` of the shared strings, `<is>` of a cell),
/// as calamine's `read_string` reads it: the texts of its runs, phonetic
/// runs left out, each trimmed unless it preserves its spaces.
fn read_string(r: &mut Reader<&[u8]>, closing: QName) -> Result<String, Declined> {
    let mut out: Option<String> = None;
    let mut phonetic = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "r" && out.is_none() => out = Some(String::new()),
            Ok(Event::Start(e)) if e.local_name().as_ref() == "rPh" => phonetic = true,
            Ok(Event::End(e)) if e.name() == closing => return Ok(out.unwrap_or_default()),
            Ok(Event::End(e)) if e.local_name().as_ref() == "rPh" => phonetic = false,
            Ok(Event::Start(e)) if e.local_name().as_ref() == "t" && !phonetic => {
                let preserve = attr(&e, "xml:space")?.is_some_and(|v| v == "preserve");
                let mut value = String::new();
                loop {
                    match r.read_event() {
                        Ok(Event::Text(t)) => value.push_str(&t.xml10_content()),
                        Ok(Event::CData(t)) => value.push_str(&t.xml10_content()),
                        Ok(Event::GeneralRef(g)) => entity(&g, &mut value)?,
                        Ok(Event::End(end)) if end.name() == e.name() => break,
                        Ok(Event::Eof) => return decline("a text without end"),
                        Err(err) => return decline(format!("text: {err}")),
                        Ok(_) => {}
                    }
                }
                let value = if preserve { value } else { value.trim_matches([' ', '\t', '\r', '\n']).to_string() };
                if value.contains("_x") {
                    return decline("an escaped character in a text");
                }
                match &mut out {
                    Some(s) => s.push_str(&value),
                    None => out = Some(value),
                }
            }
            Ok(Event::Eof) => return decline("a string without end"),
            Err(e) => return decline(format!("string: {e}")),
            Ok(_) => {}
        }
    }
}

/// The shared-string table, in order.
fn shared_strings(xml: &[u8]) -> Result<Vec<String>, Declined> {
    let mut r = reader(xml);
    let mut out = Vec::new();
    let mut in_table = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "sst" => {
                in_table = true;
                if let Some(n) = attr(&e, "uniqueCount")?.and_then(|n| n.parse::<usize>().ok()) {
                    out.reserve(n.min(xml.len() / 8));
                }
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "si" && !in_table => {
                return decline("a shared string before the table");
            }
            Ok(Event::Start(e)) if e.local_name().as_ref() == "si" => out.push(read_string(&mut r, e.name())?),
            Ok(Event::End(e)) if e.local_name().as_ref() == "sst" => return Ok(out),
            Ok(Event::Eof) => return decline("shared strings without end"),
            Err(e) => return decline(format!("shared strings: {e}")),
            Ok(_) => {}
        }
    }
}

/// Appends what an entity reference stands for: the five XML entities and
/// character references.
fn entity(e: &quick_xml::events::BytesRef, out: &mut String) -> Result<(), Declined> {
    if let Some(s) = quick_xml::escape::resolve_xml_entity(e) {
        out.push_str(s);
        return Ok(());
    }
    match e.resolve_char_ref() {
        Ok(Some(c)) => {
            out.push(c);
            Ok(())
        }
        _ => decline(format!("the entity &{};", &**e)),
    }
}

/// A cell or row reference (`B17`, `17`): zero-based row, and column if any.
fn position(at: &str) -> Result<(u32, Option<u32>), Declined> {
    let letters = at.bytes().take_while(u8::is_ascii_uppercase).count();
    let (cols, rows) = at.split_at(letters);
    if letters > 3 || rows.is_empty() || rows.len() > 7 || !rows.bytes().all(|b| b.is_ascii_digit()) {
        return decline(format!("a reference {at}"));
    }
    let row = rows.parse::<u32>().ok().and_then(|r| r.checked_sub(1));
    let Some(row) = row else { return decline(format!("a reference {at}")) };
    let col = cols.bytes().fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A') + 1).checked_sub(1);
    Ok((row, col))
}

/// A style or shared-string index: ASCII digits only.
fn digits(s: &str) -> Result<usize, Declined> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return decline(format!("an index {s}"));
    }
    s.parse().or_else(|_| decline(format!("an index {s}")))
}

/// A number as spreadsheets write it (`-12.5`, `1E-3`); anything else
/// (`inf`, spaces, hexadecimal) is left to calamine.
fn number(s: &str) -> Result<f64, Declined> {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let int = b.iter().skip(i).take_while(|c| c.is_ascii_digit()).count();
    i += int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        frac = b.iter().skip(i + 1).take_while(|c| c.is_ascii_digit()).count();
        i += 1 + frac;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = b.iter().skip(i).take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return decline(format!("a number {s}"));
        }
        i += exp;
    }
    if int + frac == 0 || i != b.len() {
        return decline(format!("a number {s}"));
    }
    s.parse().or_else(|_| decline(format!("a number {s}")))
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    use calamine::{Data, Range, Reader};

    use super::{Book, Values};
    use crate::load::workbook::{MAX_CELLS, SheetError, read_sheet};

    /// The sheet as the calamine path reads it.
    fn slow(path: &Path, sheet: &str) -> Range<Data> {
        let mut book = calamine::open_workbook_auto(path).unwrap();
        match read_sheet(&mut book, sheet) {
            Ok(range) => range,
            Err(SheetError::TooLarge { .. }) => panic!("{sheet}: too large"),
            Err(SheetError::Read(e)) => panic!("{sheet}: {e}"),
        }
    }

    /// Reads every sheet both ways; returns the sheets the fast path took.
    fn compare(path: &Path) -> Result<usize, String> {
        let mut book = Book::open(path).map_err(|d| d.0)?;
        let names: Vec<String> = calamine::open_workbook_auto(path).unwrap().sheet_names().to_vec();
        assert_eq!(book.sheet_names(), names, "{}: sheet names", path.display());
        let mut taken = 0;
        for name in &names {
            match book.values(name, MAX_CELLS) {
                Ok(Values::Read(fast)) => {
                    let slow = slow(path, name);
                    assert_eq!(
                        (fast.start(), fast.end()),
                        (slow.start(), slow.end()),
                        "{}!{name}: area",
                        path.display()
                    );
                    for ((r, c, a), b) in fast.cells().zip(slow.cells().map(|(_, _, v)| v)) {
                        assert_eq!(a, b, "{}!{name}: cell at row {r} col {c}", path.display());
                    }
                    taken += 1;
                }
                Ok(Values::TooLarge { .. }) => panic!("{name}: too large"),
                Err(why) => return Err(why.0),
            }
        }
        Ok(taken)
    }

    /// Parses every piece of every sheet with both parsers; returns the
    /// pieces the byte scanner read (it may leave a piece to the other).
    fn scanner_agrees(path: &Path) -> usize {
        let mut zip = zip::ZipArchive::new(std::io::BufReader::new(std::fs::File::open(path).unwrap())).unwrap();
        let book = Book::open(path).unwrap();
        let mut scanned = 0;
        for (name, target) in &book.sheets {
            let xml = super::part(&mut zip, target).unwrap().unwrap();
            let super::RowsStart::At(start) = super::rows_start(&xml).unwrap() else { continue };
            let end = memchr::memmem::rfind(&xml, b"</sheetData>").unwrap();
            // Cut as the streaming reader does, every 64 kB.
            let mut pieces = vec![];
            let mut at = start;
            while end - at > 65_536 {
                match super::last_cut(&xml[at..at + 65_536]) {
                    Some(cut) => {
                        pieces.push(&xml[at..at + cut]);
                        at += cut;
                    }
                    None => break,
                }
            }
            pieces.push(&xml[at..end]);
            for bytes in pieces {
                if let Some(cells) = super::scan_chunk(bytes, &book.styles) {
                    let parsed = super::parse_chunk(bytes, &book.styles).unwrap();
                    assert_eq!(cells, parsed, "{}!{name}", path.display());
                    scanned += 1;
                }
            }
        }
        scanned
    }

    fn repo(rel: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
    }

    #[test]
    fn reads_libreoffice_and_sample_workbooks_as_calamine_does() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(repo("tests/fixtures/workbooks"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xlsx") && !p.ends_with("password.xlsx"))
            .collect();
        files.push(repo("inputs/2025/bo/begroting.xlsx"));
        files.push(repo("inputs/2026/bo/begroting.xlsx"));
        assert!(files.len() >= 8);
        for f in &files {
            // Each of these must take the fast path: a decline would make
            // this test compare nothing.
            let taken = compare(f).unwrap_or_else(|why| panic!("{} declined: {why}", f.display()));
            assert!(taken > 0, "{}", f.display());
            assert!(scanner_agrees(f) > 0, "{}: the byte scanner read no piece", f.display());
        }
        assert!(Book::open(&repo("tests/fixtures/workbooks/password.xlsx")).is_err());
    }

    /// Writes a workbook from hand-made parts.
    fn handmade(dir: &Path, name: &str, sheet: &str, extra: &[(&str, &str)]) -> PathBuf {
        let path = dir.join(name);
        let mut z = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        let mut parts = vec![
            ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Uitgaven" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_string()),
            ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>{sheet}</sheetData></worksheet>"#)),
        ];
        for (n, content) in extra {
            parts.retain(|(p, _)| p != n);
            parts.push((n, content.to_string()));
        }
        for (n, content) in parts {
            z.start_file(n, opts).unwrap();
            z.write_all(content.as_bytes()).unwrap();
        }
        z.finish().unwrap();
        path
    }

    const STRINGS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5"><si><t>Artikel</t></si><si><t xml:space="preserve">  met spaties  </t></si><si><r><rPr><b/></rPr><t>Vet</t></r><r><t xml:space="preserve"> en gewoon</t></r><rPh sb="0" eb="1"><t>fonetisch</t></rPh></si><si><t>Onderwijs &amp; Vorming &#233;&#x20AC;</t></si><si/><si><t>  getrimd
</t></si></sst>"#;

    const STYLES: &str = r##"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0;[Red]\-#,##0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/><numFmt numFmtId="166" formatCode="_-* #,##0\ &quot;€&quot;_-;\-* #,##0\ &quot;€&quot;_-;_-* &quot;-&quot;??\ &quot;€&quot;_-;_-@_-"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="166"/></cellXfs></styleSheet>"##;

    #[test]
    fn reads_handmade_cells_as_calamine_does() {
        let dir = tempfile::tempdir().unwrap();
        let cells = concat!(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>"#,
            r#"<row r="2"><c r="A2" s="1"><v>1234</v></c><c r="B2" s="4"><v>-5.5</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="str"><f>A1&amp;"x"</f><v>a &lt; b</v></c><c r="F2" t="inlineStr"><is><t>inline</t></is></c><c r="G2"/><c r="H2"><v/></c><c r="I2"><f>A2*2</f><v>2468</v></c><c r="J2"><v>1E-3</v></c><c r="K2" s="99"><v>7</v></c></row>"#,
            r#"<row><c><v>1</v></c><c><v>2</v></c><c r="E3"><v>3</v></c><c><v>4</v></c></row>"#,
            r#"<row r="5" spans="1:3"><c r="A5" t="n"><v>0</v></c><c r="C5" t="b"><v>FALSE</v></c></row><row r="7"/>"#,
        );
        let extra = [("xl/sharedStrings.xml", STRINGS), ("xl/styles.xml", STYLES)];
        let f = handmade(dir.path(), "cells.xlsx", cells, &extra);
        assert_eq!(compare(&f), Ok(1));
        // Inline strings and entities are left to the XML parser, which
        // reads them as calamine does (above).
        assert_eq!(scanner_agrees(&f), 0);
        let plain = concat!(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>-1.5E3</v></c><c r="C1" t="b"><v>0</v></c>"#,
            r#"<c r="D1" t="e"><v>#N/A</v></c><c r="E1" t="str"><f>"a"</f><v>a</v></c><c r="F1"/><c r="G1"><f t="shared" si="0"/><v>3</v></c></row>"#,
            "\n  <row r=\"3\" spans=\"1:2\">\n    <c r=\"A3\"><v>1</v></c>\n    <c><v>2</v></c>\n  </row>",
            r#"<row><c><v></v></c><c s="4"><v>7</v><f>A1</f></c></row><row r="9"/><row><c t="n"><v>5</v></c></row>"#,
        );
        let f = handmade(dir.path(), "plain.xlsx", plain, &extra);
        assert_eq!(compare(&f), Ok(1));
        assert_eq!(scanner_agrees(&f), 1);

        // Many rows, cut into pieces, with a comment holding a `<row` in
        // the middle: that sheet is not cut, and reads the same.
        let rows: String = (1..4000)
            .map(|r| format!(r#"<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}" t="s"><v>3</v></c></row>"#))
            .collect();
        for (name, middle) in [("rows.xlsx", ""), ("comment.xlsx", r#"<!-- <row r="2"> -->"#)] {
            let half = rows.find(r#"<row r="2000">"#).unwrap();
            let sheet = format!("{}{middle}{}", &rows[..half], &rows[half..]);
            let f = handmade(dir.path(), name, &sheet, &extra);
            assert_eq!(compare(&f), Ok(1), "{name}");
        }
        // Around the rows: what calamine parses and the fast path skips.
        for (why, part, content) in [
            (
                "a comment before the rows",
                "xl/worksheets/sheet1.xml",
                r#"<worksheet><!-- <sheetData><row r="1"><c r="A1"><v>5</v></c></row> --><sheetData></sheetData></worksheet>"#,
            ),
            (
                "an element named sheetDataX",
                "xl/worksheets/sheet1.xml",
                r#"<worksheet><sheetDataX/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"#,
            ),
            (
                "a dimension that does not read",
                "xl/worksheets/sheet1.xml",
                r#"<worksheet><dimension ref="A0"/><sheetData></sheetData></worksheet>"#,
            ),
            (
                "a nested <xf>",
                "xl/styles.xml",
                r#"<styleSheet><cellXfs><xf numFmtId="0"><xf/></xf><xf numFmtId="14"/></cellXfs></styleSheet>"#,
            ),
            ("styles without end", "xl/styles.xml", r#"<styleSheet><cellXfs><xf numFmtId="0"/>"#),
            ("a part name in capitals", "xl/Styles.xml", STYLES),
        ] {
            let f = handmade(
                dir.path(),
                "around.xlsx",
                r#"<row r="1"><c r="A1" s="1"><v>45000</v></c></row>"#,
                &[("xl/sharedStrings.xml", STRINGS), (part, content)],
            );
            assert!(compare(&f).is_err(), "{why}: the fast path should decline");
        }
        assert_eq!(super::custom_format(r#""Totaal_" #,##0"#), super::Style::Unknown);
        let f = handmade(
            dir.path(),
            "empty.xlsx",
            "",
            &[(
                "xl/worksheets/sheet1.xml",
                r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#,
            )],
        );
        assert_eq!(compare(&f), Ok(1));

        // What the fast path leaves to calamine.
        for (why, sheet) in [
            ("a date style", r#"<row r="1"><c r="A1" s="2"><v>45000</v></c></row>"#),
            ("a built-in date style", r#"<row r="1"><c r="A1" s="3"><v>45000</v></c></row>"#),
            ("an ISO date", r#"<row r="1"><c r="A1" t="d"><v>2025-10-01</v></c></row>"#),
            ("an escaped character", r#"<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>"#),
            ("a number calamine may read otherwise", r#"<row r="1"><c r="A1"><v>inf</v></c></row>"#),
            ("an unknown element", r#"<row r="1"><c r="A1"><x>1</x></c></row>"#),
            ("a string index beyond the table", r#"<row r="1"><c r="A1" t="s"><v>99</v></c></row>"#),
            ("broken XML", r#"<row r="1"><c r="A1"><v>1</c></row>"#),
            ("a repeated attribute", r#"<row r="1"><c r="A1" t="s" t="n"><v>0</v></c></row>"#),
            ("an extra </row>", r#"<row r="1"><c r="A1"><v>1</v></c></row></row>"#),
            ("a bare & in a formula", r#"<row r="1"><c r="A1"><f>A1&B1</f><v>1</v></c></row>"#),
            (
                "a second sheetData",
                r#"<row r="1"><c r="A1"><v>1</v></c></row></sheetData><sheetData><row r="2"><c r="A2"><v>2</v></c></row>"#,
            ),
        ] {
            let f = handmade(dir.path(), "declined.xlsx", sheet, &extra);
            assert!(compare(&f).is_err(), "{why}: the fast path should decline");
        }
    }

    #[test]
    fn reads_a_large_sheet_in_pieces_as_calamine_does() {
        // Over a megabyte of XML, so that it is cut into pieces parsed on
        // several threads; rust_xlsxwriter writes shared strings, formulas
        // with results, blanks and a number format.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("groot.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Uitgaven").unwrap();
        let money = rust_xlsxwriter::Format::new().set_num_format("#,##0");
        for r in 0..30_000u32 {
            ws.write_string(r, 0, format!("SB0-1SAE2{}-WT", r % 677)).unwrap();
            if r % 7 != 0 {
                ws.write_number_with_format(r, 2, f64::from(r) * 1.5, &money).unwrap();
            }
            ws.write_formula(
                r,
                3,
                rust_xlsxwriter::Formula::new(format!("=C{}*2", r + 1)).set_result(format!("{}", f64::from(r) * 3.0)),
            )
            .unwrap();
            if r % 1000 == 0 {
                ws.write_boolean(r, 5, r % 2000 == 0).unwrap();
                ws.write_blank(r, 7, &money).unwrap();
            }
        }
        wb.save(&path).unwrap();
        assert_eq!(compare(&path), Ok(1));
        assert!(scanner_agrees(&path) > 1, "cut into pieces, all read by the byte scanner");
    }
}
