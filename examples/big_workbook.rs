//! Writes a budget workbook with many rows in the sample's layout, for
//! measuring the import: `cargo run --release --example big_workbook -- 100000 OUT.xlsx`.
//! Put it in a copy of the sample as 2025/bo/begroting.xlsx and run
//! `bbt check --year 2025 --timings --format json > /dev/null`. The codes are
//! unique but do not match the sample's ISEs, so the check reports them; the
//! point is the time and memory of reading and converting every cell.

use bbt::load::workbook::layout;
use bbt::model::budget::{Blad, Fase, Veld};
use rust_xlsxwriter::{Formula, Workbook, XlsxError};

fn main() -> Result<(), XlsxError> {
    let mut args = std::env::args().skip(1);
    let rows: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let out = args.next().unwrap_or_else(|| "begroting-groot.xlsx".into());
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Uitgaven")?;
    // bbt's layout for a BO 2025 without the optional ESR column: text
    // A..E, amounts F..O, korte inhoud P.
    let heads: Vec<String> = layout::kolommen(Blad::Uitgaven, 2025, Fase::Bo)
        .into_iter()
        .filter(|k| k.veld != Veld::Esr)
        .map(|k| k.naam)
        .collect();
    for (c, h) in heads.iter().enumerate() {
        ws.write_string(0, c as u16, h)?;
    }
    let letters: Vec<char> = ('A'..='Z').collect();
    for i in 0..rows {
        let r = i + 1;
        let n = i as usize;
        let code = format!(
            "SB0-1{}{}E2{}{}-WT",
            letters[n % 26],
            letters[(n / 26) % 26],
            letters[(n / 676) % 26],
            letters[(n / 17_576) % 26]
        );
        ws.write_string(r, 0, &code)?;
        ws.write_string(r, 1, format!("Artikel {r}"))?;
        ws.write_string(r, 2, "SF-A")?;
        ws.write_string(r, 3, "SB0")?;
        for (k, first) in [(0u16, 5u16), (1, 10)] {
            let parts = [1_000.0 + f64::from(i % 977), 20.0 + f64::from(k), -5.0, f64::from(i % 13) - 6.0];
            for (j, v) in parts.iter().enumerate() {
                ws.write_number(r, first + j as u16, *v)?;
            }
            let total: f64 = parts.iter().sum();
            let col = |c: u16| (b'A' + c as u8) as char;
            let f = format!(
                "={}{n}+{}{n}+{}{n}+{}{n}",
                col(first),
                col(first + 1),
                col(first + 2),
                col(first + 3),
                n = r + 1
            );
            ws.write_formula(r, first + 4, Formula::new(f).set_result(total.to_string()))?;
        }
        ws.write_string(r, 15, "Korte inhoud van het artikel.")?;
    }
    wb.save(&out)?;
    println!("wrote {out} ({rows} rows)");
    Ok(())
}
