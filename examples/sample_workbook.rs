//! Writes the sample's budget workbooks, `inputs/2025/bo/begroting.xlsx` and
//! `inputs/2026/bo/begroting.xlsx`.
//!
//! Run `cargo run --example sample_workbook` after changing the figures
//! below; the checked-in workbooks are what the tests read. BO is written as
//! a formula of its components, with its computed result cached, as a
//! spreadsheet program would save it.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, XlsxError};

/// (VAK: BA 2024, index, compensaties, andere bijstellingen; VEK: the same.)
type Evolutie = ([i64; 4], [i64; 4]);

#[derive(Clone, Copy)]
struct Uitgave {
    code: &'static str,
    omschrijving: &'static str,
    ise: &'static str,
    ontvanger: &'static str,
    cijfers: Evolutie,
    korte_inhoud: &'static str,
}

const UITGAVEN: &[Uitgave] = &[
    Uitgave {
        code: "SB0-1SFE2AA-WT",
        omschrijving: "Werkingsmiddelen gelijkekansenbeleid",
        ise: "SF-A",
        ontvanger: "",
        cijfers: ([1_850, 37, 0, -120], [1_920, 38, 0, -150]),
        korte_inhoud: "Werkingsmiddelen voor de voorbereiding, opvolging en evaluatie van het gelijkekansenbeleid: studies, kennisopbouw, sensibilisering en de coördinatie van het horizontale beleid.",
    },
    Uitgave {
        code: "SB0-1SFE2AB-WT",
        omschrijving: "Subsidies Horizontaal Gelijkekansenbeleidsplan",
        ise: "SF-A",
        ontvanger: "",
        cijfers: ([4_200, 84, -250, 600], [4_050, 81, -250, 450]),
        korte_inhoud: "Projectsubsidies en oproepen die acties uit het Horizontaal Gelijkekansenbeleidsplan ondersteunen, uitgevoerd door middenveldorganisaties, lokale besturen en kennisinstellingen.",
    },
    Uitgave {
        code: "SB0-1SFE2AC-LO",
        omschrijving: "Personeel afdeling Gelijke Kansen, Integratie en Inburgering",
        ise: "SF-A",
        ontvanger: "",
        cijfers: ([6_480, 130, 0, 210], [6_480, 130, 0, 210]),
        korte_inhoud: "Lonen en sociale bijdragen van het personeel van de afdeling Gelijke Kansen, Integratie en Inburgering van het Agentschap Binnenlands Bestuur.",
    },
    Uitgave {
        code: "SB0-1SFE2BA-WT",
        omschrijving: "Gender- en LGBTQI+-beleid",
        ise: "SF-B",
        ontvanger: "",
        cijfers: ([2_310, 46, 0, 350], [2_280, 46, 0, 300]),
        korte_inhoud: "Beleidsinitiatieven rond gendergelijkheid en de rechten van LGBTQI+-personen, waaronder de uitvoering van het actieplan tegen seksueel geweld en het regenboogbeleid.",
    },
    Uitgave {
        code: "SB0-1SFE2BB-WT",
        omschrijving: "Werkingssubsidies middenveld gender en LGBTQI+",
        ise: "SF-B",
        ontvanger: "",
        cijfers: ([3_875, 78, 0, -200], [3_875, 78, 0, -200]),
        korte_inhoud: "Structurele werkingssubsidies aan erkende middenveldorganisaties die werken rond gender, seksuele oriëntatie en genderidentiteit.",
    },
    Uitgave {
        code: "SB0-1SFE2CA-WT",
        omschrijving: "Toegankelijkheidsbeleid en expertise",
        ise: "SF-C",
        ontvanger: "",
        cijfers: ([1_640, 33, 0, 90], [1_600, 32, 0, 80]),
        korte_inhoud: "Middelen voor de uitvoering van het toegankelijkheidsbeleid: screenings van overheidsgebouwen, richtlijnen voor digitale toegankelijkheid en opleiding van ambtenaren.",
    },
    Uitgave {
        code: "SB0-1SFE2CB-WT",
        omschrijving: "Subsidie toegankelijkheidsadvies",
        ise: "SF-C",
        ontvanger: "",
        cijfers: ([2_950, 59, 0, 0], [2_950, 59, 0, 0]),
        korte_inhoud: "Werkingssubsidie aan het Vlaams expertisecentrum voor toegankelijkheid, dat overheden en organisaties adviseert over toegankelijke gebouwen, evenementen en communicatie.",
    },
    Uitgave {
        code: "SB0-1SGE2AX-IS",
        omschrijving: "Dotatie aan het Agentschap Integratie en Inburgering",
        ise: "SG-A",
        ontvanger: "SI0",
        cijfers: ([74_320, 1_486, -1_500, 2_900], [74_320, 1_486, -1_500, 2_900]),
        korte_inhoud: "Dotatie waarmee het Agentschap Integratie en Inburgering zijn opdrachten uitvoert: het inburgeringstraject, de lessen Nederlands als tweede taal en het sociaal tolken en vertalen.",
    },
    Uitgave {
        code: "SB0-1SGE2BA-WT",
        omschrijving: "Plan Samenleven: subsidies aan lokale besturen",
        ise: "SG-B",
        ontvanger: "",
        cijfers: ([12_500, 0, 1_750, -2_000], [11_800, 0, 1_750, -1_500]),
        korte_inhoud: "Subsidies aan steden en gemeenten die een lokaal actieplan binnen het Plan Samenleven uitvoeren, met extra middelen voor centrumsteden met een grote diversiteit.",
    },
    Uitgave {
        code: "SB0-1SGE2BB-WT",
        omschrijving: "Aanpak van discriminatie en racisme",
        ise: "SG-B",
        ontvanger: "",
        cijfers: ([3_420, 68, 0, 500], [3_300, 66, 0, 450]),
        korte_inhoud: "Middelen voor het Vlaams meldpunt discriminatie, de lokale meldpunten, praktijktesten en sensibiliseringscampagnes tegen racisme.",
    },
    Uitgave {
        code: "SB0-1SGE2BC-PR",
        omschrijving: "Provisie samenleven in diversiteit",
        ise: "SG-B",
        ontvanger: "",
        cijfers: ([1_000, 0, 0, -1_000], [1_000, 0, 0, -1_000]),
        korte_inhoud: "Provisie voor nieuwe initiatieven rond samenleven in diversiteit, te herverdelen naar de uitvoerende artikelen na beslissing van de Vlaamse Regering.",
    },
    Uitgave {
        code: "SI0-1SGE2AA-LO",
        omschrijving: "Personeel Agentschap Integratie en Inburgering",
        ise: "SG-A",
        ontvanger: "",
        cijfers: ([41_250, 825, 0, 1_100], [41_250, 825, 0, 1_100]),
        korte_inhoud: "Lonen en sociale bijdragen van de trajectbegeleiders, docenten maatschappelijke oriëntatie en ondersteunende diensten van het agentschap.",
    },
    Uitgave {
        code: "SI0-1SGE2AB-WT",
        omschrijving: "Werking inburgeringstrajecten en onthaalbureaus",
        ise: "SG-A",
        ontvanger: "",
        cijfers: ([14_800, 296, 0, -900], [14_650, 293, 0, -850]),
        korte_inhoud: "Werkingsmiddelen voor het inburgeringstraject: huisvesting van de onthaalbureaus, cursusmateriaal maatschappelijke oriëntatie, examens en het digitale inburgeringsdossier.",
    },
    Uitgave {
        code: "SI0-1SGE2AC-WT",
        omschrijving: "Lessen Nederlands als tweede taal (NT2)",
        ise: "SG-A",
        ontvanger: "",
        cijfers: ([16_900, 338, 0, 2_400], [16_500, 330, 0, 2_200]),
        korte_inhoud: "Financiering van het aanbod Nederlands als tweede taal voor inburgeraars, met inbegrip van geïntegreerde trajecten Nederlands op de werkvloer.",
    },
    Uitgave {
        code: "SI0-1SGE2BA-WT",
        omschrijving: "Sociaal tolken en vertalen",
        ise: "SG-B",
        ontvanger: "",
        cijfers: ([5_600, 112, 0, 350], [5_550, 111, 0, 330]),
        korte_inhoud: "Sociaal tolken en vertalen ter plaatse en op afstand voor openbare diensten, zodat anderstalige burgers hun rechten kunnen uitoefenen.",
    },
];

#[derive(Clone, Copy)]
struct Ontvangst {
    code: &'static str,
    omschrijving: &'static str,
    ise: &'static str,
    ba: i64,
    bo: i64,
    korte_inhoud: &'static str,
}

const ONTVANGSTEN: &[Ontvangst] = &[
    Ontvangst {
        code: "SI0-0SGE2AA-WT",
        omschrijving: "Bijdragen van inburgeraars",
        ise: "SG-A",
        ba: 2_150,
        bo: 2_480,
        korte_inhoud: "Inschrijvingsgelden voor de lessen Nederlands als tweede taal en de examens maatschappelijke oriëntatie, die inburgeraars sinds 2022 zelf betalen.",
    },
    Ontvangst {
        code: "SB0-0SGE2BA-WT",
        omschrijving: "Terugvorderingen van subsidies Plan Samenleven",
        ise: "SG-B",
        ba: 150,
        bo: 120,
        korte_inhoud: "Terugvorderingen van niet-bestede of niet-verantwoorde subsidies aan lokale besturen.",
    },
];

/// (article, description, VAK, VEK)
const TOELICHTING: &[(&str, &str, i64, i64)] = &[
    ("SB0-1SGE2AX-IS", "Indexering", 1_486, 1_486),
    ("SB0-1SGE2AX-IS", "Compensatie naar SB0-1SGE2BA-WT (Plan Samenleven)", -1_500, -1_500),
    ("SB0-1SGE2AX-IS", "Regeerakkoord – uitbreiding NT2-aanbod op de werkvloer", 2_400, 2_400),
    ("SB0-1SGE2AX-IS", "Digitalisering van het inburgeringsdossier", 500, 500),
    ("SB0-1SGE2BA-WT", "Compensatie vanuit SB0-1SGE2AX-IS", 1_500, 1_500),
    ("SB0-1SGE2BA-WT", "Compensatie vanuit SB0-1SFE2AB-WT", 250, 250),
    ("SB0-1SGE2BA-WT", "Afbouw eenmalige impulssubsidies 2024", -2_000, -1_500),
    ("SI0-1SGE2AC-WT", "Indexering", 338, 330),
    ("SI0-1SGE2AC-WT", "Regeerakkoord – uitbreiding NT2-aanbod op de werkvloer", 2_400, 2_200),
    ("SB0-1SGE2BC-PR", "Provisie 2024 volledig herverdeeld; geen nieuwe provisie in 2025", -1_000, -1_000),
    ("SB0-1SFE2AB-WT", "Indexering", 84, 81),
    ("SB0-1SFE2AB-WT", "Compensatie naar SB0-1SGE2BA-WT (Plan Samenleven)", -250, -250),
    ("SB0-1SFE2AB-WT", "Nieuwe oproep inclusieve arbeidsmarkt", 600, 450),
];

/// Begroting 2026: (code, ISE, receiver, VAK and VEK evolution from BA 2025).
/// Descriptions and korte inhoud are those of 2025, by code (or by the old
/// code for a recoded article).
const UITGAVEN_2026: &[(&str, &str, &str, Evolutie)] = &[
    ("SB0-1SFE2AA-WT", "SF-A", "", ([1_767, 35, 0, 50], [1_808, 36, 0, 20])),
    ("SB0-1SFE2AB-WT", "SF-A", "", ([4_634, 93, 0, -300], [4_331, 87, 0, 100])),
    ("SB0-1SFE2AC-LO", "SF-A", "", ([6_820, 136, 0, 0], [6_820, 136, 0, 0])),
    ("SB0-1SFE2BA-WT", "SF-B", "", ([2_706, 54, 0, 100], [2_626, 53, 0, 120])),
    ("SB0-1SFE2BB-WT", "SF-B", "", ([3_753, 75, 0, 0], [3_753, 75, 0, 0])),
    ("SB0-1SFE2CA-WT", "SF-C", "", ([1_763, 35, 0, 200], [1_712, 34, 0, 180])),
    ("SB0-1SFE2CB-WT", "SF-C", "", ([3_009, 60, 0, 0], [3_009, 60, 0, 0])),
    ("SB0-1SGE2AX-IS", "SG-A", "SI0", ([77_206, 1_544, -400, 1_200], [77_206, 1_544, -400, 1_200])),
    ("SB0-1SGE2BA-WT", "SG-B", "", ([12_250, 0, 0, -500], [12_050, 0, 0, -300])),
    ("SB0-1SGE2BC-PR", "SG-B", "", ([0, 0, 0, 0], [0, 0, 0, 0])),
    ("SB0-1SGE2CA-WT", "SG-C", "", ([3_988, 80, 400, 300], [3_816, 76, 400, 250])),
    ("SI0-1SGE2AA-LO", "SG-A", "", ([43_175, 864, 0, 600], [43_175, 864, 0, 600])),
    ("SI0-1SGE2AB-WT", "SG-A", "", ([14_196, 284, 0, 300], [14_093, 282, 0, 250])),
    ("SI0-1SGE2AC-WT", "SG-A", "", ([19_638, 393, 0, 1_500], [19_030, 381, 0, 1_400])),
    ("SI0-1SGE2BA-WT", "SG-B", "", ([6_062, 121, 0, 100], [5_991, 120, 0, 90])),
];

/// Recodings in 2026: (new code, old code).
const HERCODERING_2026: &[(&str, &str)] = &[("SB0-1SGE2CA-WT", "SB0-1SGE2BB-WT")];

/// Revenue 2026: (code, BA 2025, BO 2026).
const ONTVANGSTEN_2026: &[(&str, i64, i64)] = &[("SI0-0SGE2AA-WT", 2_480, 2_650), ("SB0-0SGE2BA-WT", 120, 100)];

const TOELICHTING_2026: &[(&str, &str, i64, i64)] = &[
    ("SB0-1SGE2AX-IS", "Indexering", 1_544, 1_544),
    ("SB0-1SGE2AX-IS", "Compensatie naar SB0-1SGE2CA-WT (meldpunt discriminatie)", -400, -400),
    ("SB0-1SGE2AX-IS", "Duaal traject Nederlands en werk", 1_200, 1_200),
    ("SB0-1SGE2CA-WT", "Indexering", 80, 76),
    ("SB0-1SGE2CA-WT", "Compensatie vanuit SB0-1SGE2AX-IS", 400, 400),
    ("SB0-1SGE2CA-WT", "Uitbreiding praktijktesten op de woningmarkt", 300, 250),
    ("SI0-1SGE2AC-WT", "Indexering", 393, 381),
    ("SI0-1SGE2AC-WT", "Duaal traject Nederlands en werk", 1_500, 1_400),
];

fn col_letter(c: u16) -> char {
    (b'A' + c as u8) as char
}

/// One year's workbook, in the sample's layout.
struct Year<'a> {
    jaar: i32,
    uitgaven: Vec<Uitgave>,
    ontvangsten: Vec<Ontvangst>,
    toelichting: &'a [(&'static str, &'static str, i64, i64)],
    aangemaakt: (u16, u8, u8),
}

fn main() -> Result<(), XlsxError> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "inputs".into());
    let y2025 = Year {
        jaar: 2025,
        uitgaven: UITGAVEN.to_vec(),
        ontvangsten: ONTVANGSTEN.to_vec(),
        toelichting: TOELICHTING,
        aangemaakt: (2024, 9, 30),
    };
    let zoek = |code: &str| {
        let old = HERCODERING_2026.iter().find(|(new, _)| *new == code).map_or(code, |(_, old)| *old);
        UITGAVEN.iter().find(|u| u.code == old).unwrap_or_else(|| panic!("no 2025 article {old}"))
    };
    let y2026 = Year {
        jaar: 2026,
        uitgaven: UITGAVEN_2026
            .iter()
            .map(|(code, ise, ontvanger, cijfers)| Uitgave {
                code,
                ise,
                ontvanger,
                cijfers: *cijfers,
                omschrijving: zoek(code).omschrijving,
                korte_inhoud: zoek(code).korte_inhoud,
            })
            .collect(),
        ontvangsten: ONTVANGSTEN_2026
            .iter()
            .map(|(code, ba, bo)| {
                let o =
                    ONTVANGSTEN.iter().find(|o| o.code == *code).unwrap_or_else(|| panic!("no 2025 revenue {code}"));
                Ontvangst { ba: *ba, bo: *bo, ..*o }
            })
            .collect(),
        toelichting: TOELICHTING_2026,
        aangemaakt: (2025, 9, 29),
    };
    for year in [y2025, y2026] {
        let out = format!("{dir}/{}/bo/begroting.xlsx", year.jaar);
        write(&year, &out)?;
        println!("wrote {out}");
    }
    Ok(())
}

fn write(year: &Year, out: &str) -> Result<(), XlsxError> {
    let (jaar, vorig) = (year.jaar, year.jaar - 1);
    let mut wb = Workbook::new();
    let (y, m, d) = year.aangemaakt;
    let created = ExcelDateTime::from_ymd(y, m, d)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Begroting {jaar} – Gelijke Kansen, Integratie en Inburgering"))
            .set_author("Budgetcel")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let head = Format::new().set_bold().set_text_wrap();
    let amount = Format::new().set_num_format("#,##0");

    let ws = wb.add_worksheet();
    ws.set_name("Uitgaven")?;
    ws.write_string_with_format(0, 0, format!("Begroting {jaar} – begrotingsopmaak – uitgaven (duizend euro)"), &bold)?;
    let mut headers =
        vec!["Artikel".to_string(), "Omschrijving".into(), "ISE".into(), "Entiteit".into(), "Ontvanger".into()];
    for k in ["VAK", "VEK"] {
        headers.push(format!("{k} BA {vorig}"));
        headers.push(format!("{k} Index"));
        headers.push(format!("{k} Compensaties"));
        headers.push(format!("{k} Andere bijstellingen"));
        headers.push(format!("{k} BO {jaar}"));
    }
    headers.push("Korte inhoud".into());
    let header_row = 2;
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, h, &head)?;
    }
    for (i, u) in year.uitgaven.iter().enumerate() {
        let r = header_row + 1 + i as u32;
        let excel_row = r + 1;
        ws.write_string(r, 0, u.code)?;
        ws.write_string(r, 1, u.omschrijving)?;
        ws.write_string(r, 2, u.ise)?;
        ws.write_string(r, 3, &u.code[..3])?;
        if !u.ontvanger.is_empty() {
            ws.write_string(r, 4, u.ontvanger)?;
        }
        for (k, parts) in [u.cijfers.0, u.cijfers.1].iter().enumerate() {
            let first = 5 + 5 * k as u16;
            for (j, v) in parts.iter().enumerate() {
                ws.write_number_with_format(r, first + j as u16, *v as f64, &amount)?;
            }
            let formula = format!(
                "={a}{n}+{b}{n}+{c}{n}+{d}{n}",
                a = col_letter(first),
                b = col_letter(first + 1),
                c = col_letter(first + 2),
                d = col_letter(first + 3),
                n = excel_row
            );
            let result: i64 = parts.iter().sum();
            ws.write_formula_with_format(r, first + 4, Formula::new(formula).set_result(result.to_string()), &amount)?;
        }
        ws.write_string(r, 15, u.korte_inhoud)?;
    }
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 44)?;
    ws.set_column_width(15, 60)?;
    ws.set_freeze_panes(header_row + 1, 1)?;

    let ws = wb.add_worksheet();
    ws.set_name("Ontvangsten")?;
    ws.write_string_with_format(
        0,
        0,
        format!("Begroting {jaar} – begrotingsopmaak – ontvangsten (duizend euro)"),
        &bold,
    )?;
    let headers = [
        "Artikel".to_string(),
        "Omschrijving".into(),
        "ISE".into(),
        "Entiteit".into(),
        format!("BA {vorig}"),
        format!("BO {jaar}"),
        "Korte inhoud".into(),
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(header_row, c as u16, h, &head)?;
    }
    for (i, o) in year.ontvangsten.iter().enumerate() {
        let r = header_row + 1 + i as u32;
        ws.write_string(r, 0, o.code)?;
        ws.write_string(r, 1, o.omschrijving)?;
        ws.write_string(r, 2, o.ise)?;
        ws.write_string(r, 3, &o.code[..3])?;
        ws.write_number_with_format(r, 4, o.ba as f64, &amount)?;
        ws.write_number_with_format(r, 5, o.bo as f64, &amount)?;
        ws.write_string(r, 6, o.korte_inhoud)?;
    }
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 44)?;

    let ws = wb.add_worksheet();
    ws.set_name("Toelichting")?;
    for (c, h) in ["Artikel", "Omschrijving", "VAK", "VEK"].iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
    }
    for (i, (code, text, vak, vek)) in year.toelichting.iter().enumerate() {
        let r = 1 + i as u32;
        ws.write_string(r, 0, *code)?;
        ws.write_string(r, 1, *text)?;
        ws.write_number_with_format(r, 2, *vak as f64, &amount)?;
        ws.write_number_with_format(r, 3, *vek as f64, &amount)?;
    }
    ws.set_column_width(0, 17)?;
    ws.set_column_width(1, 60)?;

    wb.save(out)
}
