//! A workbook's size, measured before calamine reads it. calamine reads a
//! workbook whole and trusts what it says of itself: an xls file's
//! `DIMENSIONS` record may ask it for room for billions of cells (or end
//! before it starts, which panics), an ods file's repeated cells
//! (`table:number-columns-repeated`) are expanded for every sheet as the file
//! opens, and a zip archive may unpack to gigabytes. xlsx and xlsb sheets are
//! streamed and measured with the same [`Tally`] as they are read.

use std::cell::Cell;
use std::io::Read;
use std::path::Path;

use super::{MAX_BYTES, MAX_CELLS};
use crate::diag::{Diagnostic, Location};
use crate::{rules, tr};

/// The first bytes of a compound file (xls, encrypted xlsx).
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What a measurement found.
enum Found {
    /// A sheet's cells pass [`MAX_CELLS`] (or the workbook's together do); its farthest cell.
    TooLarge { sheet: String, row: u64, col: u64 },
    /// The file describes itself in a way calamine cannot survive.
    Broken(String),
}

/// Checks the file's size, the sizes its zip archive declares for its parts
/// (the zip reader holds each part to its declared size), and the cells an
/// ods or xls file would have calamine allocate. A file that is neither a
/// zip archive nor an xls file, or a broken one, is left to calamine to
/// report.
pub(super) fn check(path: &Path) -> Result<(), Diagnostic> {
    let at_file = |d: Diagnostic| d.at(Location::File { file: path.to_path_buf() });
    let too_big = |message: String| at_file(rules::TOO_LARGE.report(message).hint(tr!("w012-file.hint")));
    let max = MAX_BYTES / 1_000_000;
    let Ok(file) = std::fs::File::open(path) else { return Ok(()) };
    let size = file.metadata().map_or(0, |m| m.len());
    if size > MAX_BYTES {
        return Err(too_big(tr!("w012-file", mb = size / 1_000_000, max = max)));
    }
    // A compound file (xls, or an encrypted xlsx) may also parse as a zip
    // archive (a stray end-of-directory record): its own header decides.
    let mut head = [0u8; 8];
    let compound = (&file).read_exact(&mut head).is_ok() && head == CFB_MAGIC;
    let found = match zip::ZipArchive::new(std::io::BufReader::new(&file)) {
        _ if compound => std::fs::read(path).ok().and_then(|bytes| xls_cells(&bytes)),
        Ok(mut zip) => {
            let mut unpacked = 0u64;
            for i in 0..zip.len() {
                unpacked = unpacked.saturating_add(zip.by_index_raw(i).map_or(0, |f| f.size()));
            }
            if unpacked > MAX_BYTES {
                return Err(too_big(tr!("w012-unpacked", mb = unpacked / 1_000_000, max = max)));
            }
            zip.by_name("content.xml").ok().and_then(ods_cells)
        }
        Err(_) => std::fs::read(path).ok().and_then(|bytes| xls_cells(&bytes)),
    };
    match found {
        None => Ok(()),
        Some(Found::TooLarge { sheet, row, col }) => Err(too_large(path, &sheet, row, col)),
        Some(Found::Broken(why)) => {
            Err(at_file(rules::NOT_A_WORKBOOK.report(tr!("w001-broken", fout = why)).hint(tr!("w001-broken.hint"))))
        }
    }
}

/// The cells of one sheet and of the workbook so far, as calamine would
/// hold them: the one measure of a workbook's cells, for the files measured
/// before calamine opens them (ods, xls) and the sheets streamed (xlsx, xlsb).
#[derive(Default)]
pub(super) struct Tally {
    sheet: String,
    /// The used area: first and last row, first and last column.
    used: Option<(u64, u64, u64, u64)>,
    /// Cells held besides the used area (calamine's working copies).
    held: u64,
    total: u64,
}

impl Tally {
    pub(super) fn start(&mut self, sheet: &str) {
        (self.sheet, self.used, self.held) = (sheet.to_string(), None, 0);
    }

    pub(super) fn cells(&mut self, r0: u64, r1: u64, c0: u64, c1: u64) {
        self.used =
            Some(self.used.map_or((r0, r1, c0, c1), |(a, b, c, d)| (a.min(r0), b.max(r1), c.min(c0), d.max(c1))));
    }

    fn area(&self) -> u64 {
        self.used
            .map_or(0, |(r0, r1, c0, c1)| (r1.saturating_sub(r0) + 1).saturating_mul(c1.saturating_sub(c0) + 1))
            .max(self.held)
    }

    /// Whether the sheet so far, or the workbook with it, passes [`MAX_CELLS`].
    pub(super) fn over(&self) -> bool {
        self.area() > MAX_CELLS || self.total.saturating_add(self.area()) > MAX_CELLS
    }

    /// Ends the sheet: too large when its used area or its working copies,
    /// or the workbook's cells so far, pass [`MAX_CELLS`].
    fn end(&mut self) -> Option<Found> {
        let over = self.over();
        self.total = self.total.saturating_add(self.area());
        if !over {
            return None;
        }
        let (_, row, _, col) = self.used.unwrap_or_default();
        Some(Found::TooLarge { sheet: std::mem::take(&mut self.sheet), row, col })
    }
}

/// W012 at the farthest cell of a sheet too large to read.
pub(super) fn too_large(path: &Path, sheet: &str, row: u64, col: u64) -> Diagnostic {
    let (row, col) = (u32::try_from(row).unwrap_or(u32::MAX), u32::try_from(col).unwrap_or(u32::MAX));
    rules::TOO_LARGE
        .report(tr!("w012", blad = sheet, cel = Location::cell_name(row, col), max = crate::i18n::number(MAX_CELLS)))
        .at(Location::cell(path, sheet, row, col))
        .hint(tr!("w012.hint"))
}

/// Counts the cells calamine would hold for the sheets of an ods file's
/// `content.xml`, as it does: repeated rows once, repeated cells each, empty
/// cells at the end of a row not at all, then every sheet's used area
/// expanded.
fn ods_cells<R: Read>(content: R) -> Option<Found> {
    use quick_xml::events::Event;
    const MAX_ROWS: u64 = 1 << 20;
    const MAX_COLUMNS: u64 = 1 << 14;
    let count = |e: &quick_xml::events::BytesStart, name: &str| -> u64 {
        e.try_get_attribute(name).ok().flatten().and_then(|a| a.value.trim().parse().ok()).unwrap_or(1)
    };
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let mut tally = Tally::default();
    // Per sheet, the rows seen (expanded); per row, its repeat, the cells
    // held and the empty ones not yet held.
    let mut rows = 0u64;
    let (mut repeat, mut pos, mut pending) = (1u64, 0u64, 0u64);
    loop {
        buf.clear();
        let (e, has_content) = match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(e) => {
                match e.name().as_ref() {
                    "table:table-row" => {
                        tally.held = tally.held.saturating_add(pos);
                        rows = rows.saturating_add(repeat);
                    }
                    "table:table" => {
                        if let Some(found) = tally.end() {
                            return Some(found);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => return None,
            _ => continue,
        };
        match e.name().as_ref() {
            "table:table" => {
                let name =
                    e.try_get_attribute("table:name").ok().flatten().and_then(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
                    });
                tally.start(&name.unwrap_or_default());
                rows = 0;
            }
            // A row without cells (`<table:table-row/>`) is skipped, as calamine does.
            "table:table-row" if has_content => {
                repeat = count(&e, "table:number-rows-repeated").min(MAX_ROWS.saturating_sub(rows));
                (pos, pending) = (0, 0);
            }
            "table:table-cell" | "table:covered-table-cell" => {
                let n = count(&e, "table:number-columns-repeated");
                let filled = has_content
                    || e.try_get_attribute("office:value-type").ok().flatten().is_some()
                    || e.try_get_attribute("table:formula").ok().flatten().is_some();
                pos = pos.saturating_add(pending).min(MAX_COLUMNS);
                pending = 0;
                if !filled {
                    pending = n;
                    continue;
                }
                let first = pos;
                pos = pos.saturating_add(n).min(MAX_COLUMNS);
                if pos > first && repeat > 0 {
                    tally.cells(rows, rows + repeat - 1, first, pos - 1);
                }
            }
            _ => {}
        }
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The cells calamine would allocate for the sheets of an xls file: for each
/// sheet, room for the area its `DIMENSIONS` record declares, then its used
/// area. `None` when the file is no xls file bbt can measure (calamine then
/// reports what it finds).
fn xls_cells(file: &[u8]) -> Option<Found> {
    let stream = match compound_stream(file, &["Workbook", "Book"]) {
        Ok(stream) => stream?,
        Err(why) => return Some(Found::Broken(why)),
    };
    let record = |at: usize| -> Option<(u16, &[u8], usize)> {
        let typ = u16_at(&stream, at)?;
        let len = usize::from(u16_at(&stream, at + 2)?);
        Some((typ, stream.get(at + 4..at + 4 + len)?, at + 4 + len))
    };
    // The workbook globals: the BIFF version and where each sheet starts.
    let mut sheets = Vec::new();
    let mut biff8 = false;
    let mut at = 0;
    while let Some((typ, data, next)) = record(at) {
        match typ {
            0x0809 => biff8 = u16_at(data, 0) == Some(0x0600),
            0x0085 => {
                let offset = usize::try_from(u32_at(data, 0)?).ok()?;
                let len = usize::from(*data.get(6)?);
                let name = match (biff8, data.get(7)) {
                    (true, Some(flags)) if flags & 1 == 1 => {
                        let units: Vec<u16> =
                            data.get(8..8 + 2 * len)?.chunks_exact(2).filter_map(|c| u16_at(c, 0)).collect();
                        String::from_utf16_lossy(&units)
                    }
                    (true, _) => data.get(8..8 + len)?.iter().map(|&b| char::from(b)).collect(),
                    (false, _) => data.get(7..7 + len)?.iter().map(|&b| char::from(b)).collect(),
                };
                sheets.push((name, offset));
            }
            0x000A => break,
            _ => {}
        }
        at = next;
    }
    let mut tally = Tally::default();
    for (name, offset) in sheets {
        tally.start(&name);
        // Embedded charts are substreams of their own, which calamine skips.
        let (mut depth, mut at) = (0usize, offset);
        while let Some((typ, data, next)) = record(at) {
            at = next;
            match (typ, depth) {
                (0x0809, _) => depth += 1,
                (0x000A, 1) => break,
                (0x000A, _) => depth = depth.saturating_sub(1),
                (_, d) if d > 1 => {}
                (0x0200, _) => {
                    let (rf, rl, cf, cl) = match data.len() {
                        10 => (u16_at(data, 0)?.into(), u16_at(data, 2)?.into(), u16_at(data, 4)?, u16_at(data, 6)?),
                        14 | 16 => (u32_at(data, 0)?, u32_at(data, 4)?, u16_at(data, 8)?, u16_at(data, 10)?),
                        _ => continue,
                    };
                    // As calamine reads it: a first column past 255 or past the last is 0.
                    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                    if rl == 0 || cl == 0 {
                        continue;
                    }
                    let (r1, c1) = (u64::from(rl) - 1, u64::from(cl) - 1);
                    if r1 < u64::from(rf) || c1 < u64::from(cf) {
                        return Some(Found::Broken(tr!("w001-cells-reversed", blad = &tally.sheet)));
                    }
                    let declared = (r1 - u64::from(rf) + 1).saturating_mul(c1 - u64::from(cf) + 1);
                    tally.held = tally.held.max(declared);
                    if declared > MAX_CELLS {
                        tally.cells(r1, r1, c1, c1);
                    }
                }
                // Number, label, rich text, bool/error, RK, label SST, formula: (row, column) first.
                (0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006, _) => {
                    let (r, c) = (u64::from(u16_at(data, 0)?), u64::from(u16_at(data, 2)?));
                    tally.cells(r, r, c, c);
                }
                // MulRk: a row, its first column, and its last at the end.
                (0x00BD, _) => {
                    let r = u64::from(u16_at(data, 0)?);
                    let c0 = u64::from(u16_at(data, 2)?);
                    let c1 = u64::from(u16_at(data, data.len().checked_sub(2)?)?);
                    tally.cells(r, r, c0.min(c1), c0.max(c1));
                }
                _ => {}
            }
        }
        if let Some(found) = tally.end() {
            return Some(found);
        }
    }
    None
}

/// The stream named one of `names` in a compound file (the container of xls
/// files), read through its sector chains with every step checked.
fn compound_stream(file: &[u8], names: &[&str]) -> Result<Option<Vec<u8>>, String> {
    // calamine follows every chain of sectors to its end: one that loops
    // back on itself has it grow a buffer without bound (found by fuzzing).
    let loops = Cell::new(false);
    let stream = compound_stream_in(file, names, &loops);
    if loops.get() { Err(tr!("w001-sector-loop")) } else { Ok(stream) }
}

fn compound_stream_in(file: &[u8], names: &[&str], loops: &Cell<bool>) -> Option<Vec<u8>> {
    const LAST: u32 = 0xFFFF_FFFA;
    if file.get(..8)? != CFB_MAGIC {
        return None;
    }
    let size = match u16_at(file, 0x1E)? {
        9 => 512,
        12 => 4096,
        _ => return None,
    };
    let sector = |id: u32| -> Option<&[u8]> {
        let at = (usize::try_from(id).ok()? + 1).checked_mul(size)?;
        file.get(at..at + size)
    };
    let words = |b: &[u8]| -> Vec<u32> { b.chunks_exact(4).filter_map(|c| u32_at(c, 0)).collect() };
    // The FAT: its sectors are listed in the header, then in a chain of DIFAT sectors.
    let mut fat_sectors: Vec<u32> = words(file.get(0x4C..0x200)?);
    let mut next = u32_at(file, 0x44)?;
    let mut steps = 0;
    while next < LAST {
        steps += 1;
        if steps > file.len() / size {
            loops.set(true);
            return None;
        }
        let s = words(sector(next)?);
        let (link, ids) = s.split_last()?;
        fat_sectors.extend_from_slice(ids);
        next = *link;
    }
    let mut fat = Vec::new();
    for id in fat_sectors.into_iter().filter(|&id| id < LAST) {
        fat.extend(words(sector(id)?));
    }
    // Any cycle in the FAT: calamine follows a chain until it ends, so a
    // cycle anywhere a chain can reach would have it read without end.
    if has_cycle(&fat) {
        loops.set(true);
        return None;
    }
    let chain = |start: u32, table: &[u32]| -> Option<Vec<u32>> {
        let mut ids = Vec::new();
        let mut id = start;
        while id < LAST {
            if ids.len() > table.len() {
                loops.set(true);
                return None;
            }
            ids.push(id);
            id = *table.get(usize::try_from(id).ok()?)?;
        }
        Some(ids)
    };
    let read = |start: u32| -> Option<Vec<u8>> {
        let mut out = Vec::new();
        for id in chain(start, &fat)? {
            out.extend_from_slice(sector(id)?);
        }
        Some(out)
    };
    let dir = read(u32_at(file, 0x30)?)?;
    let entries: Vec<&[u8]> = dir.chunks_exact(128).collect();
    // The chains calamine reads whatever the stream: the MiniFAT's and the
    // mini stream's (the root entry's).
    chain(u32_at(file, 0x3C)?, &fat)?;
    chain(u32_at(entries.first()?, 0x74)?, &fat)?;
    if has_cycle(&words(&read(u32_at(file, 0x3C)?)?)) {
        loops.set(true);
        return None;
    }
    let name_of = |e: &[u8]| -> Option<String> {
        let len = usize::from(u16_at(e, 0x40)?).saturating_sub(2).min(64);
        let units: Vec<u16> = e.get(..len)?.chunks_exact(2).filter_map(|c| u16_at(c, 0)).collect();
        Some(String::from_utf16_lossy(&units))
    };
    let entry =
        entries.iter().find(|e| e.get(0x42) == Some(&2) && name_of(e).is_some_and(|n| names.contains(&n.as_str())))?;
    let start = u32_at(entry, 0x74)?;
    let len = usize::try_from(u32_at(entry, 0x78)?).ok()?;
    let mut stream = if len < usize::try_from(u32_at(file, 0x38)?).ok()? {
        // A small stream lives in the mini stream, in 64-byte sectors.
        let root = entries.first()?;
        let mini = read(u32_at(root, 0x74)?)?;
        let minifat = words(&read(u32_at(file, 0x3C)?)?);
        let mut out = Vec::new();
        for id in chain(start, &minifat)? {
            let at = usize::try_from(id).ok()?.checked_mul(64)?;
            out.extend_from_slice(mini.get(at..at + 64)?);
        }
        out
    } else {
        read(start)?
    };
    stream.truncate(len);
    Some(stream)
}

/// Whether following `table` (next = table[id]) from some id comes back to
/// an id already on the way. Ids past the table's end end a chain.
fn has_cycle(table: &[u32]) -> bool {
    // 0: not seen, 1: on the current walk, 2: known to end.
    let mut state = vec![0u8; table.len()];
    for start in 0..table.len() {
        let mut walk = Vec::new();
        let mut id = start;
        loop {
            match state.get(id) {
                Some(0) => {
                    if let Some(s) = state.get_mut(id) {
                        *s = 1;
                    }
                    walk.push(id);
                    match table.get(id).and_then(|&next| usize::try_from(next).ok()) {
                        Some(next) => id = next,
                        None => break,
                    }
                }
                Some(1) => return true,
                _ => break,
            }
        }
        for id in walk {
            if let Some(s) = state.get_mut(id) {
                *s = 2;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_compound_file_whose_fat_loops_is_refused() {
        let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fuzz/workbook/calamine-cfb-fat-cycle");
        let bytes = std::fs::read(fixture).unwrap();
        let file = bytes.get(1..).unwrap();
        let loops = std::cell::Cell::new(false);
        let r = super::compound_stream_in(file, &["Workbook", "Book"], &loops);
        assert!(r.is_none());
        assert!(loops.get(), "the loop is seen");
    }

    #[test]
    fn finds_cycles_in_sector_tables() {
        const END: u32 = 0xFFFF_FFFE;
        assert!(!super::has_cycle(&[1, 2, END, END, 3]));
        assert!(super::has_cycle(&[1, 2, 0]));
        assert!(super::has_cycle(&[END, 2, 3, 2]));
        assert!(super::has_cycle(&[0]));
        assert!(!super::has_cycle(&[]));
    }

    use super::*;

    fn ods(tables: &[&str]) -> String {
        let body: String = tables.iter().map(|t| format!("<table:table table:name=\"S\">{t}</table:table>")).collect();
        format!(
            "<office:document-content><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"
        )
    }

    fn far_cell(xml: &str) -> Option<(String, u64, u64)> {
        match ods_cells(xml.as_bytes())? {
            Found::TooLarge { sheet, row, col } => Some((sheet, row, col)),
            Found::Broken(why) => panic!("{why}"),
        }
    }

    #[test]
    fn counts_ods_cells_as_calamine_expands_them() {
        let value = |attrs: &str| format!("<table:table-cell {attrs} office:value-type=\"float\" office:value=\"1\"/>");
        let row = |attrs: &str, cells: &str| format!("<table:table-row {attrs}>{cells}</table:table-row>");
        // Empty cells repeated to the end of a row, rows repeated to the end of the sheet: nothing.
        let empty = row(
            "table:number-rows-repeated=\"1048576\"",
            "<table:table-cell table:number-columns-repeated=\"16384\"/>",
        );
        assert!(far_cell(&ods(&[&format!("{}{empty}", row("", &value("")))])).is_none());
        // A value far away: the used area.
        let far = format!(
            "{}{}{}",
            row("", &value("")),
            row("table:number-rows-repeated=\"999\"", "<table:table-cell/>"),
            row("", &format!("<table:table-cell table:number-columns-repeated=\"9999\"/>{}", value("")))
        );
        assert_eq!(far_cell(&ods(&[&far])), Some(("S".into(), 1000, 9999)));
        // One value repeated over 10,000 columns in 1,001 rows: 10,010,000 cells.
        let wide = row("table:number-rows-repeated=\"1001\"", &value("table:number-columns-repeated=\"10000\""));
        assert_eq!(far_cell(&ods(&[&wide])), Some(("S".into(), 1000, 9999)));
        // Two sheets that fit alone but not together.
        let half = row("table:number-rows-repeated=\"600\"", &value("table:number-columns-repeated=\"10000\""));
        assert!(far_cell(&ods(&[&half])).is_none());
        assert_eq!(far_cell(&ods(&[&half, &half])), Some(("S".into(), 599, 9999)));
    }
}
