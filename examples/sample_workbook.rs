//! Writes the sample's budget workbooks, `inputs/2025/bo/begroting.xlsx` and
//! `inputs/2026/bo/begroting.xlsx`, and the workbook of the sample
//! workspace's second project, `werkruimte/mobiliteit/2026/bo/begroting.xlsx`.
//!
//! Run `cargo run --example sample_workbook` after changing the figures
//! below; the checked-in workbooks are what the tests read. BO is written as
//! a formula of its components, with its computed result cached, as a
//! spreadsheet program would save it. The layout is in `common/mod.rs`,
//! shared with the `bench_dataset` example.

mod common;

use common::{Evolutie, Jaar, Ontvangst, Uitgave, Uitvoering};
use rust_xlsxwriter::XlsxError;

const BEVOEGDHEID: &str = "Gelijke Kansen, Integratie en Inburgering";

const UITGAVEN: &[Uitgave<'static>] = &[
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
        code: "SI0-ASGE2AA-LO",
        omschrijving: "Personeel Agentschap Integratie en Inburgering",
        ise: "SG-A",
        ontvanger: "",
        cijfers: ([41_250, 825, 0, 1_100], [41_250, 825, 0, 1_100]),
        korte_inhoud: "Lonen en sociale bijdragen van de trajectbegeleiders, docenten maatschappelijke oriëntatie en ondersteunende diensten van het agentschap.",
    },
    Uitgave {
        code: "SI0-ASGE2AB-WT",
        omschrijving: "Werking inburgeringstrajecten en onthaalbureaus",
        ise: "SG-A",
        ontvanger: "",
        cijfers: ([14_800, 296, 0, -900], [14_650, 293, 0, -850]),
        korte_inhoud: "Werkingsmiddelen voor het inburgeringstraject: huisvesting van de onthaalbureaus, cursusmateriaal maatschappelijke oriëntatie, examens en het digitale inburgeringsdossier.",
    },
    Uitgave {
        code: "SI0-ASGE2AC-WT",
        omschrijving: "Lessen Nederlands als tweede taal (NT2)",
        ise: "SG-A",
        ontvanger: "",
        cijfers: ([16_900, 338, 0, 2_400], [16_500, 330, 0, 2_200]),
        korte_inhoud: "Financiering van het aanbod Nederlands als tweede taal voor inburgeraars, met inbegrip van geïntegreerde trajecten Nederlands op de werkvloer.",
    },
    Uitgave {
        code: "SI0-ASGE2BA-WT",
        omschrijving: "Sociaal tolken en vertalen",
        ise: "SG-B",
        ontvanger: "",
        cijfers: ([5_600, 112, 0, 350], [5_550, 111, 0, 330]),
        korte_inhoud: "Sociaal tolken en vertalen ter plaatse en op afstand voor openbare diensten, zodat anderstalige burgers hun rechten kunnen uitoefenen.",
    },
];

const ONTVANGSTEN: &[Ontvangst<'static>] = &[
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
    ("SI0-ASGE2AC-WT", "Indexering", 338, 330),
    ("SI0-ASGE2AC-WT", "Regeerakkoord – uitbreiding NT2-aanbod op de werkvloer", 2_400, 2_200),
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
    ("SI0-ASGE2AA-LO", "SG-A", "", ([43_175, 864, 0, 600], [43_175, 864, 0, 600])),
    ("SI0-ASGE2AB-WT", "SG-A", "", ([14_196, 284, 0, 300], [14_093, 282, 0, 250])),
    ("SI0-ASGE2AC-WT", "SG-A", "", ([19_638, 393, 0, 1_500], [19_030, 381, 0, 1_400])),
    ("SI0-ASGE2BA-WT", "SG-B", "", ([6_062, 121, 0, 100], [5_991, 120, 0, 90])),
];

/// The outturn of 2024, on the sheet Uitvoering of the 2026 BO: (code as in
/// 2024, ISE it falls under in 2026, VAK and VEK as [BA, BA-JR, BU]). The
/// 2024 code SB0-1SGE2BB-WT is the 2026 SB0-1SGE2CA-WT, now in SG-C.
const UITVOERING_2024: &[(&str, &str, [i64; 3], [i64; 3])] = &[
    ("SB0-1SFE2AA-WT", "SF-A", [1_850, 1_850, 1_712], [1_920, 1_920, 1_804]),
    ("SB0-1SFE2AB-WT", "SF-A", [4_200, 4_350, 4_198], [4_050, 4_200, 3_911]),
    ("SB0-1SFE2AC-LO", "SF-A", [6_480, 6_540, 6_527], [6_480, 6_540, 6_527]),
    ("SB0-1SFE2BA-WT", "SF-B", [2_310, 2_310, 2_102], [2_280, 2_280, 2_016]),
    ("SB0-1SFE2BB-WT", "SF-B", [3_875, 3_875, 3_875], [3_875, 3_875, 3_861]),
    ("SB0-1SFE2CA-WT", "SF-C", [1_640, 1_590, 1_433], [1_600, 1_550, 1_389]),
    ("SB0-1SFE2CB-WT", "SF-C", [2_950, 2_950, 2_950], [2_950, 2_950, 2_950]),
    ("SB0-1SGE2AX-IS", "SG-A", [74_320, 75_120, 75_120], [74_320, 75_120, 75_120]),
    ("SB0-1SGE2BA-WT", "SG-B", [12_500, 12_100, 11_356], [11_800, 11_400, 10_527]),
    ("SB0-1SGE2BB-WT", "SG-C", [3_420, 3_420, 3_187], [3_300, 3_300, 3_046]),
    ("SB0-1SGE2BC-PR", "SG-B", [1_000, 0, 0], [1_000, 0, 0]),
    ("SI0-ASGE2AA-LO", "SG-A", [41_250, 41_870, 41_702], [41_250, 41_870, 41_702]),
    ("SI0-ASGE2AB-WT", "SG-A", [14_800, 15_200, 14_391], [14_650, 15_050, 13_968]),
    ("SI0-ASGE2AC-WT", "SG-A", [16_900, 16_900, 15_844], [16_500, 16_500, 15_276]),
    ("SI0-ASGE2BA-WT", "SG-B", [5_600, 5_600, 5_213], [5_550, 5_550, 5_102]),
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
    ("SI0-ASGE2AC-WT", "Indexering", 393, 381),
    ("SI0-ASGE2AC-WT", "Duaal traject Nederlands en werk", 1_500, 1_400),
];

/// The ODs each article serves in 2026 (the column Doelstellingen; 2025 has
/// none, so its appendix shows the koppeling per ISE).
const DOELSTELLINGEN_2026: &[(&str, &str)] = &[
    ("SB0-1SFE2AA-WT", "1.1"),
    ("SB0-1SFE2AB-WT", "1.1"),
    ("SB0-1SFE2AC-LO", "1.1"),
    ("SB0-1SFE2BA-WT", "1.2"),
    ("SB0-1SFE2BB-WT", "1.2"),
    ("SB0-1SFE2CA-WT", "1.3"),
    ("SB0-1SFE2CB-WT", "1.3"),
    ("SB0-1SGE2AX-IS", "2.1; 2.2; 2.4"),
    ("SB0-1SGE2BA-WT", "3.1"),
    ("SB0-1SGE2CA-WT", "3.2"),
    ("SI0-ASGE2AA-LO", "2.1; 2.2"),
    ("SI0-ASGE2AB-WT", "2.1"),
    ("SI0-ASGE2AC-WT", "2.2; 2.4"),
    ("SI0-ASGE2BA-WT", "2.3"),
];

/// The second project of the sample workspace (`werkruimte/mobiliteit`):
/// its articles link to no OD (each OD's ISE stands for it in the
/// horizontal overview), and the department's dotation to the Vlaamse
/// Vervoermaatschappij is spent by it under the same ISE.
const MOBILITEIT_2026: &[Uitgave<'static>] = &[
    Uitgave {
        code: "MB0-1MAE2AA-WT",
        omschrijving: "Studies en werking toegankelijk openbaar vervoer",
        ise: "MA-A",
        ontvanger: "",
        cijfers: ([2_300, 46, 0, 54], [2_250, 45, 0, 55]),
        korte_inhoud: "Studies, audits van haltes en de werking van de adviescommissie toegankelijkheid.",
    },
    Uitgave {
        code: "MB0-1MAE2AB-IS",
        omschrijving: "Dotatie aan de Vlaamse Vervoermaatschappij",
        ise: "MA-A",
        ontvanger: "MV0",
        cijfers: ([58_000, 1_160, 0, 1_340], [58_000, 1_160, 0, 1_340]),
        korte_inhoud: "De werkingsdotatie waarmee de Vlaamse Vervoermaatschappij haltes, voertuigen en begeleiding toegankelijk maakt.",
    },
    Uitgave {
        code: "MV0-AMAE2AA-WT",
        omschrijving: "Toegankelijke haltes en voertuigen",
        ise: "MA-A",
        ontvanger: "",
        cijfers: ([40_500, 810, 0, 690], [39_000, 780, 0, 2_220]),
        korte_inhoud: "Aanpassing van haltes (verhoogde perrons, geleidelijnen) en de aankoop van voertuigen met lage vloer.",
    },
    Uitgave {
        code: "MV0-AMAE2AB-LO",
        omschrijving: "Personeel vervoersbegeleiding",
        ise: "MA-A",
        ontvanger: "",
        cijfers: ([17_500, 350, 0, 650], [17_500, 350, 0, 650]),
        korte_inhoud: "Begeleiders die reizigers met een beperking op afroep helpen bij het op- en afstappen.",
    },
    Uitgave {
        code: "MB0-1MAE2BA-WT",
        omschrijving: "Campagnes verkeersveiligheid",
        ise: "MA-B",
        ontvanger: "",
        cijfers: ([3_000, 60, 0, 40], [3_000, 60, 0, 40]),
        korte_inhoud: "Sensibiliseringscampagnes, getest bij verschillende doelgroepen en in meer talen.",
    },
    Uitgave {
        code: "MB0-1MAE2BB-WT",
        omschrijving: "Subsidies veilige schoolomgevingen",
        ise: "MA-B",
        ontvanger: "",
        cijfers: ([6_500, 130, 0, 170], [5_800, 116, 0, 384]),
        korte_inhoud: "Subsidies aan gemeenten voor schoolstraten, oversteekplaatsen en fietspaden naar scholen.",
    },
];

fn main() -> Result<(), XlsxError> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "inputs".into());
    let werkruimte = std::env::args().nth(2).unwrap_or_else(|| "werkruimte".into());
    let y2025 = Jaar {
        jaar: 2025,
        bevoegdheid: BEVOEGDHEID,
        eenheid: "duizend euro",
        uitgaven: UITGAVEN.to_vec(),
        ontvangsten: ONTVANGSTEN.to_vec(),
        toelichting: TOELICHTING,
        aangemaakt: (2024, 9, 30),
        totalen: false,
        doelstellingen: &[],
        uitvoering: Vec::new(),
    };
    let zoek = |code: &str| {
        let old = HERCODERING_2026.iter().find(|(new, _)| *new == code).map_or(code, |(_, old)| *old);
        UITGAVEN.iter().find(|u| u.code == old).unwrap_or_else(|| panic!("no 2025 article {old}"))
    };
    let y2026 = Jaar {
        jaar: 2026,
        bevoegdheid: BEVOEGDHEID,
        eenheid: "duizend euro",
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
        totalen: false,
        doelstellingen: DOELSTELLINGEN_2026,
        uitvoering: UITVOERING_2024
            .iter()
            .map(|(code, ise, vak, vek)| Uitvoering {
                code,
                ise,
                omschrijving: UITGAVEN.iter().find(|u| u.code == *code).map_or("", |u| u.omschrijving),
                vak: *vak,
                vek: *vek,
            })
            .collect(),
    };
    for year in [y2025, y2026] {
        let out = format!("{dir}/{}/bo/begroting.xlsx", year.jaar);
        common::write(&year, &out)?;
        println!("wrote {out}");
    }
    let mobiliteit = Jaar {
        jaar: 2026,
        bevoegdheid: "Mobiliteit en Openbare Werken",
        eenheid: "duizend euro",
        uitgaven: MOBILITEIT_2026.to_vec(),
        ontvangsten: Vec::new(),
        toelichting: &[],
        aangemaakt: (2025, 9, 29),
        totalen: false,
        doelstellingen: &[],
        uitvoering: Vec::new(),
    };
    let out = format!("{werkruimte}/mobiliteit/2026/bo/begroting.xlsx");
    common::write(&mobiliteit, &out)?;
    println!("wrote {out}");
    Ok(())
}
