//! bbt's own xlsx reader against calamine: the input is the inside of a
//! sheet's `<sheetData>`, put into a workbook with shared strings and styles
//! (a plain number format, a date, a custom one). Wherever the fast reader
//! reads the sheet, calamine must read it too, to the same cells.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;

const PARTS: [(&str, &str); 5] = [
    ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#),
    ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
    ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Uitgaven" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
    ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#),
    ("xl/sharedStrings.xml", r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Artikel</t></si><si><t xml:space="preserve"> a </t></si><si><r><t>b</t></r><r><t>c</t></r><rPh><t>d</t></rPh></si><si><t>&amp;&#233;</t></si></sst>"#),
];

const STYLES: &str = r##"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts><numFmt numFmtId="164" formatCode="#,##0;[Red]\-#,##0"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="3"/></cellXfs></styleSheet>"##;

fuzz_target!(|data: &[u8]| {
    let Ok(dir) = tempfile::tempdir_in(std::env::var_os("BBT_FUZZ_TMP").unwrap_or_else(|| "/dev/shm".into())) else {
        return;
    };
    let path = dir.path().join("begroting.xlsx");
    let Ok(file) = std::fs::File::create(&path) else { return };
    let mut z = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in PARTS.iter().chain([("xl/styles.xml", STYLES)].iter()) {
        z.start_file(*name, opts).unwrap();
        z.write_all(content.as_bytes()).unwrap();
    }
    z.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#).unwrap();
    z.write_all(data).unwrap();
    z.write_all(b"</sheetData></worksheet>").unwrap();
    z.finish().unwrap();

    use bbt::load::workbook::differential;
    if let Some(fast) = differential::fast(&path, "Uitgaven") {
        let slow = differential::calamine(&path, "Uitgaven")
            .unwrap_or_else(|e| panic!("the fast reader read a sheet calamine refuses: {e}"));
        assert_eq!((fast.start(), fast.end()), (slow.start(), slow.end()), "used area");
        for ((r, c, a), (_, _, b)) in fast.cells().zip(slow.cells()) {
            assert_eq!(a, b, "cell at row {r}, column {c}");
        }
    }
});
