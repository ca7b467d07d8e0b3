//! One fixture per rule: a copy of the sample with one thing wrong. Each
//! asserts the code, the exact place, the exit code, that it is the only
//! diagnostic, that the JSON follows its schema, and a snapshot of the text
//! a user reads.

use crate::support::*;

/// Where a diagnostic must point.
enum Want {
    /// (file, text at the place, which occurrence)
    Text(&'static str, &'static str, usize),
    /// (file, sheet, Artikel of the row, column header)
    Cell(&'static str, &'static str, &'static str, &'static str),
    File(&'static str),
    /// (file, line, column), for a file that is not text
    At(&'static str, usize, usize),
    /// (file, sheet, cell name), for a cell outside any article's row
    Named(&'static str, &'static str, &'static str),
}

struct Case {
    name: &'static str,
    year: &'static str,
    edits: Vec<Edit>,
    code: &'static str,
    want: Want,
}

const BBT25: &str = "2025/bo/bbt.yaml";
const BBT26: &str = "2026/bo/bbt.yaml";
const NOTA: &str = "beleidsnota.yaml";
const WB25: &str = "2025/bo/begroting.xlsx";
const WB26: &str = "2026/bo/begroting.xlsx";
const TEXT25: &str = "2025/bo/tekst/od-netwerk.md";

fn cases() -> Vec<Case> {
    use Edit::*;
    vec![
        Case {
            name: "L001_unknown_key",
            year: "2025",
            edits: vec![Replace(BBT25, "eenheid: duizend euro\n", "eenheid: duizend euro\neenhied: euro\n")],
            code: "L001",
            want: Want::Text(BBT25, "eenhied", 0),
        },
        Case {
            name: "L002_bad_date",
            year: "2025",
            edits: vec![Replace(BBT25, "ingediend_op: 2024-10-24", "ingediend_op: 24-10-2024")],
            code: "L002",
            want: Want::Text(BBT25, "24-10-2024", 0),
        },
        Case {
            name: "L003_missing_beleidsnota",
            year: "2025",
            edits: vec![Remove(NOTA)],
            code: "L003",
            want: Want::File(NOTA),
        },
        Case {
            name: "L004_previous_unreadable",
            year: "2026",
            edits: vec![Replace(BBT25, "eenheid: duizend euro\n", "eenheid: duizend euro\neenhied: euro\n")],
            code: "L004",
            want: Want::Text(BBT25, "eenhied", 0),
        },
        Case {
            name: "S001_duplicate_id",
            year: "2025",
            edits: vec![Replace(
                NOTA,
                "      - id: sd-samenleven\n",
                "          - id: od-netwerk\n            nummer: \"2.3\"\n            titel: Inburgeraars bouwen een netwerk uit via participatie en buddywerking\n            ise: ise-samenleven\n            themas: [herkomst, sociale cohesie]\n      - id: sd-samenleven\n",
            )],
            code: "S001",
            want: Want::Text(NOTA, "od-netwerk", 1),
        },
        Case {
            name: "S002_unknown_ise_in_beleidsnota",
            year: "2025",
            edits: vec![Replace(
                NOTA,
                "            titel: Lokale besturen voeren het Plan Samenleven uit\n            ise: ise-samenleven\n",
                "            titel: Lokale besturen voeren het Plan Samenleven uit\n            ise: ise-samenleve\n",
            )],
            code: "S002",
            want: Want::Text(NOTA, "ise-samenleve\n", 0),
        },
        Case {
            name: "S003_unknown_element",
            year: "2025",
            edits: vec![Replace(
                BBT25,
                "ods: [od-plan-samenleven, od-discriminatie]",
                "ods: [od-plan-samenleven, od-discriminatie, od-extra]",
            )],
            code: "S003",
            want: Want::Text(BBT25, "od-extra", 0),
        },
        Case {
            name: "S004_undeclared_new",
            year: "2025",
            edits: vec![
                Replace(
                    BBT25,
                    "ods: [od-plan-samenleven, od-discriminatie]",
                    "ods: [od-plan-samenleven, od-discriminatie, {od: od-extra, nummer: \"3.3\", titel: Extra, ise: ise-samenleven}]",
                ),
                Write("2025/bo/tekst/od-extra.md", "Een nieuwe doelstelling.\n"),
            ],
            code: "S004",
            want: Want::Text(BBT25, "{od: od-extra", 0),
        },
        Case {
            name: "S005_undeclared_rename",
            year: "2025",
            edits: vec![Replace(
                BBT25,
                "od-nederlands, od-netwerk]",
                "od-nederlands, {od: od-netwerk, titel: Een andere titel}]",
            )],
            code: "S005",
            want: Want::Text(BBT25, "Een andere titel", 0),
        },
        Case {
            name: "S006_undeclared_move",
            year: "2025",
            edits: vec![Replace(
                BBT25,
                "[od-inburgeringstraject, od-nederlands, od-netwerk]",
                "[od-inburgeringstraject, {od: od-nederlands, ise: ise-samenleven}, od-netwerk]",
            )],
            code: "S006",
            want: Want::Text(BBT25, "ise-samenleven}", 0),
        },
        Case {
            name: "S007_undeclared_removal",
            year: "2025",
            edits: vec![
                Replace(
                    BBT25,
                    "ods: [od-horizontaal-plan, od-gender-lgbtqi, od-toegankelijkheid]",
                    "ods: [od-horizontaal-plan, od-gender-lgbtqi]",
                ),
                Remove("2025/bo/tekst/od-toegankelijkheid.md"),
                Replace(
                    "2025/bo/prestaties.yaml",
                    "  - od: od-toegankelijkheid\n    indicator: Gescreende publieke gebouwen\n    waarde: \"212\"\n    jaar: 2024\n    streefwaarde: \"400\"\n    bron: Agentschap Binnenlands Bestuur\n",
                    "",
                ),
            ],
            code: "S007",
            want: Want::Text(BBT25, "sd: sd-gelijke-kansen", 0),
        },
        Case {
            name: "S008_out_of_order",
            year: "2025",
            edits: vec![Replace(
                BBT25,
                "[ise-horizontaal, ise-gender-lgbtqi, ise-toegankelijkheid]",
                "[ise-gender-lgbtqi, ise-horizontaal, ise-toegankelijkheid]",
            )],
            code: "S008",
            want: Want::Text(BBT25, "ise-gender-lgbtqi", 0),
        },
        Case {
            name: "S009_change_without_reason",
            year: "2026",
            edits: vec![Replace(
                BBT26,
                "    reden: Uitvoering van de beslissing van de Vlaamse Regering over het duaal traject Nederlands en werk.",
                "    reden: \"\"",
            )],
            code: "S009",
            want: Want::Text(BBT26, "nieuw", 0),
        },
        Case {
            name: "S010_declared_change_that_did_not_happen",
            year: "2025",
            edits: vec![Replace(
                BBT25,
                "        ods: [od-plan-samenleven, od-discriminatie]\n",
                "        ods: [od-plan-samenleven, od-discriminatie]\nwijzigingen:\n  - soort: hernoemd\n    element: od-netwerk\n    reden: Nieuwe titel.\n",
            )],
            code: "S010",
            want: Want::Text(BBT25, "hernoemd", 0),
        },
        Case {
            name: "S011_missing_text",
            year: "2025",
            edits: vec![Remove("2025/bo/tekst/od-netwerk.md")],
            code: "S011",
            want: Want::File("2025/bo/tekst/od-netwerk.md"),
        },
        Case {
            name: "S012_stray_text",
            year: "2025",
            edits: vec![Write("2025/bo/tekst/od-onbekend.md", "Tekst.\n")],
            code: "S012",
            want: Want::File("2025/bo/tekst/od-onbekend.md"),
        },
        Case {
            name: "S013_indicator_for_unknown_od",
            year: "2025",
            edits: vec![Replace("2025/bo/prestaties.yaml", "  - od: od-nederlands\n", "  - od: od-nederlandss\n")],
            code: "S013",
            want: Want::Text("2025/bo/prestaties.yaml", "od-nederlandss", 0),
        },
        Case {
            name: "S013_indicator_for_unknown_ise",
            year: "2026",
            edits: vec![Replace("2026/bo/prestaties.yaml", "  - ise: SG-A\n", "  - ise: SG-Z\n")],
            code: "S013",
            want: Want::Text("2026/bo/prestaties.yaml", "SG-Z", 0),
        },
        Case {
            name: "S014_carried_over_text",
            year: "2025",
            edits: vec![Write(
                TEXT25,
                "<!-- bbt: overgenomen uit 2024. Verwijder deze regel zodra de tekst herzien is. -->\nHet netwerk groeit.\n",
            )],
            code: "S014",
            want: Want::Text(TEXT25, "<!-- bbt", 0),
        },
        Case {
            name: "S015_placeholder_left",
            year: "2025",
            edits: vec![Replace(BBT25, "  naam: Lies Vandenberghe\n", "  naam: Naam van de minister\n")],
            code: "S015",
            want: Want::Text(BBT25, "Naam van de minister", 0),
        },
        Case {
            name: "S016_od_number_of_another_sd",
            year: "2025",
            edits: vec![Replace(NOTA, "            nummer: \"1.1\"\n", "            nummer: \"2.9\"\n")],
            code: "S016",
            want: Want::Text(BBT25, "od-horizontaal-plan", 0),
        },
        Case {
            name: "S017_indicator_years_not_printed",
            year: "2026",
            edits: vec![Replace(
                "2026/bo/prestaties.yaml",
                "      2023: \"61\"\n",
                "      2019: \"40\"\n      2020: \"45\"\n      2021: \"50\"\n      2022: \"55\"\n      2023: \"61\"\n",
            )],
            code: "S017",
            // At the oldest year left out, where the series would be cut.
            want: Want::Text("2026/bo/prestaties.yaml", "\"40\"", 0),
        },
        Case {
            name: "B001_unknown_ise",
            year: "2025",
            edits: vec![Cell { file: WB25, sheet: "Uitgaven", key: "SB0-1SFE2CB-WT", column: "ISE", value: s("SF-Z") }],
            code: "B001",
            want: Want::Cell(WB25, "Uitgaven", "SB0-1SFE2CB-WT", "ISE"),
        },
        Case {
            name: "B002_duplicate_article",
            year: "2025",
            edits: vec![Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SB0-1SFE2AC-LO",
                column: "Artikel",
                value: s("SB0-1SFE2AA-WT"),
            }],
            code: "B002",
            want: Want::Cell(WB25, "Uitgaven", "SB0-1SFE2AC-LO", "Artikel"),
        },
        first_article_cell("B003_kredietevolutie", "VAK BO 2025", n(1768.0), "B003"),
        Case {
            name: "B004_empty_ise",
            year: "2025",
            edits: vec![
                Replace(
                    NOTA,
                    "        naam: Toegankelijkheid en handicap\n",
                    "        naam: Toegankelijkheid en handicap\n      - id: ise-leeg\n        code: SF-D\n        naam: Zonder artikelen\n",
                ),
                Replace(BBT25, "ise-toegankelijkheid]", "ise-toegankelijkheid, ise-leeg]"),
            ],
            code: "B004",
            want: Want::Text(BBT25, "ise-leeg", 0),
        },
        Case {
            name: "B005_code_disagrees_with_entity",
            year: "2025",
            edits: vec![Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SB0-1SFE2AA-WT",
                column: "Entiteit",
                value: s("SI0"),
            }],
            code: "B005",
            want: Want::Cell(WB25, "Uitgaven", "SB0-1SFE2AA-WT", "Artikel"),
        },
        Case {
            name: "B006_dotation_without_receiver",
            year: "2025",
            edits: vec![Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SB0-1SGE2AX-IS",
                column: "Ontvanger",
                value: s(""),
            }],
            code: "B006",
            want: Want::Cell(WB25, "Uitgaven", "SB0-1SGE2AX-IS", "Artikel"),
        },
        // A dotation of an entity to itself: its table would count the money twice.
        Case {
            name: "B006_dotation_to_itself",
            year: "2025",
            edits: vec![Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SB0-1SGE2AX-IS",
                column: "Ontvanger",
                value: s("SB0"),
            }],
            code: "B006",
            want: Want::Cell(WB25, "Uitgaven", "SB0-1SGE2AX-IS", "Ontvanger"),
        },
        Case {
            name: "B007_typed_total",
            year: "2025",
            edits: vec![AddRow {
                file: WB25,
                sheet: "Uitgaven",
                values: vec![("Artikel", s("Totaal SF-A")), ("VAK BO 2025", n(13_221.0)), ("VEK BO 2025", n(12_958.0))],
            }],
            code: "B007",
            want: Want::Cell(WB25, "Uitgaven", "Totaal SF-A", "VEK BO 2025"),
        },
        Case {
            name: "B010_ise_without_credits_has_articles",
            year: "2025",
            edits: vec![Replace(
                BBT25,
                "ises: [ise-horizontaal, ise-gender-lgbtqi, ise-toegankelijkheid]",
                "ises: [{ ise: ise-horizontaal, zonder_kredieten: Geen kredieten. }, ise-gender-lgbtqi, ise-toegankelijkheid]",
            )],
            code: "B010",
            want: Want::Text(BBT25, "{ ise: ise-horizontaal", 0),
        },
        Case {
            name: "B008_compensaties_net",
            year: "2025",
            edits: vec![
                Cell {
                    file: WB25,
                    sheet: "Uitgaven",
                    key: "SB0-1SFE2AB-WT",
                    column: "VAK Compensaties",
                    value: n(-240.0),
                },
                Cell {
                    file: WB25,
                    sheet: "Uitgaven",
                    key: "SB0-1SFE2AB-WT",
                    column: "VAK Andere bijstellingen",
                    value: n(590.0),
                },
            ],
            code: "B008",
            want: Want::File(WB25),
        },
        Case {
            name: "B012_code_and_entity_type",
            year: "2025",
            edits: vec![Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SI0-ASGE2BA-WT",
                column: "Artikel",
                value: s("SI0-1SGE2BA-WT"),
            }],
            code: "B012",
            want: Want::Cell(WB25, "Uitgaven", "SI0-1SGE2BA-WT", "Artikel"),
        },
        Case {
            name: "B013_unknown_objective",
            year: "2026",
            edits: vec![Cell {
                file: WB26,
                sheet: "Uitgaven",
                key: "SI0-ASGE2BA-WT",
                column: "Doelstellingen",
                value: s("2.9"),
            }],
            code: "B013",
            want: Want::Cell(WB26, "Uitgaven", "SI0-ASGE2BA-WT", "Doelstellingen"),
        },
        Case {
            name: "B014_objective_of_another_ise",
            year: "2026",
            edits: vec![Cell {
                file: WB26,
                sheet: "Uitgaven",
                key: "SI0-ASGE2BA-WT",
                column: "Doelstellingen",
                value: s("OD 1.1"),
            }],
            code: "B014",
            want: Want::Cell(WB26, "Uitgaven", "SI0-ASGE2BA-WT", "Doelstellingen"),
        },
        Case {
            name: "Y001_article_gone",
            year: "2026",
            edits: vec![DeleteRow { file: WB26, sheet: "Uitgaven", key: "SB0-1SFE2AA-WT" }],
            code: "Y001",
            want: Want::Cell(WB25, "Uitgaven", "SB0-1SFE2AA-WT", "Artikel"),
        },
        Case {
            name: "Y003_new_article",
            year: "2026",
            edits: vec![AddRow {
                file: WB26,
                sheet: "Uitgaven",
                values: vec![
                    ("Artikel", s("SB0-1SFE2AD-WT")),
                    ("Omschrijving", s("Nieuw artikel")),
                    ("ISE", s("SF-A")),
                    ("Entiteit", s("SB0")),
                ],
            }],
            code: "Y003",
            want: Want::Cell(WB26, "Uitgaven", "SB0-1SFE2AD-WT", "Artikel"),
        },
        Case {
            name: "W003_missing_column",
            year: "2025",
            edits: vec![Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "Artikel",
                column: "VAK Index",
                value: s("VAK Indexx"),
            }],
            code: "W003",
            want: Want::Cell(WB25, "Uitgaven", "Artikel", "Artikel"),
        },
        Case {
            name: "W001_not_a_workbook",
            year: "2025",
            edits: vec![Write(WB25, "Artikel;Omschrijving\nSB0-1SFE2AA-WT;Werking\n")],
            code: "W001",
            want: Want::File(WB25),
        },
        Case {
            name: "W002_missing_sheet",
            year: "2025",
            edits: vec![RenameSheet(WB25, "Uitgaven", "Uitgaven 2025")],
            code: "W002",
            want: Want::File(WB25),
        },
        first_article_cell("W005_empty_text", "Omschrijving", s(""), "W005"),
        Case {
            name: "W007_malformed_code",
            year: "2025",
            edits: vec![Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SB0-1SFE2CB-WT",
                column: "Artikel",
                value: s("SB0-1SFE2CB-XY"),
            }],
            code: "W007",
            want: Want::Cell(WB25, "Uitgaven", "SB0-1SFE2CB-XY", "Artikel"),
        },
        Case {
            name: "W008_toelichting_for_unknown_article",
            year: "2025",
            edits: vec![AddRow {
                file: WB25,
                sheet: "Toelichting",
                values: vec![
                    ("Artikel", s("SB0-1SFE2ZZ-WT")),
                    ("Omschrijving", s("Iets")),
                    ("VAK", n(1.0)),
                    ("VEK", n(1.0)),
                ],
            }],
            code: "W008",
            want: Want::Cell(WB25, "Toelichting", "SB0-1SFE2ZZ-WT", "Artikel"),
        },
        Case {
            name: "T001_not_utf8",
            year: "2025",
            edits: vec![WriteBytes("2025/bo/tekst/od-netwerk.md", b"Caf\xe9 in Latin-1\n")],
            code: "T001",
            want: Want::At("2025/bo/tekst/od-netwerk.md", 1, 4),
        },
        Case {
            name: "T002_raw_html",
            year: "2025",
            edits: vec![Write("2025/bo/tekst/od-netwerk.md", "Een netwerk.\n\n<b>Vet</b> gedrukt.\n")],
            code: "T002",
            want: Want::Text("2025/bo/tekst/od-netwerk.md", "<b>", 0),
        },
        Case {
            name: "T005_emoji_in_minister",
            year: "2025",
            edits: vec![Replace(BBT25, "naam: Lies Vandenberghe", "naam: Lies Vandenberghe \u{1F642}")],
            code: "T005",
            want: Want::Text(BBT25, "Lies Vandenberghe", 0),
        },
        Case {
            name: "T005_chinese_in_text",
            year: "2025",
            edits: vec![Write("2025/bo/tekst/od-netwerk.md", "Een netwerk.\n\nHet woord 网络 is Chinees.\n")],
            code: "T005",
            want: Want::Text("2025/bo/tekst/od-netwerk.md", "网络", 0),
        },
        first_article_cell("T005_escape_in_cell", "Omschrijving", s("Werking \u{1b}[1m en toelagen"), "T005"),
        Case {
            name: "T006_javascript_link",
            year: "2025",
            edits: vec![Write(
                "2025/bo/tekst/od-netwerk.md",
                "Een netwerk.\n\n[Klik hier](javascript:alert(1)) voor meer.\n",
            )],
            code: "T006",
            want: Want::Text("2025/bo/tekst/od-netwerk.md", "[Klik", 0),
        },
        Case {
            name: "W010_negative_credit",
            year: "2025",
            edits: vec![Cell {
                file: WB25,
                sheet: "Ontvangsten",
                key: "SB0-0SGE2BA-WT",
                column: "BO 2025",
                value: n(-120.0),
            }],
            code: "W010",
            want: Want::Cell(WB25, "Ontvangsten", "SB0-0SGE2BA-WT", "BO 2025"),
        },
        first_article_cell("W004_not_whole", "VAK Index", n(37.5), "W004"),
        first_article_cell(
            "W006_error_value",
            "VAK Index",
            calamine::Data::Error(calamine::CellErrorType::Div0),
            "W006",
        ),
        first_article_cell("W009_number_as_text", "VAK Index", s("37"), "W009"),
        first_article_cell(
            "W011_formula_never_computed",
            "VAK BO 2025",
            formula("=F{row}+G{row}+H{row}+I{row}"),
            "W011",
        ),
        Case {
            name: "W012_stray_cell",
            year: "2025",
            edits: vec![CellAt { file: WB25, sheet: "Uitgaven", row: 1_048_575, col: 16_383, value: s("x") }],
            code: "W012",
            want: Want::Named(WB25, "Uitgaven", "XFD1048576"),
        },
        Case {
            name: "W013_column_twice",
            year: "2025",
            edits: vec![CellAt { file: WB25, sheet: "Uitgaven", row: 2, col: 16, value: s("VAK Index") }],
            code: "W013",
            want: Want::Named(WB25, "Uitgaven", "Q3"),
        },
        Case {
            name: "T003_unknown_field",
            year: "2025",
            edits: vec![Write(TEXT25, "Het krediet is {{ artikel(\"SB0-1SFE2AA-WT\").bestaatniet }}.\n")],
            code: "T003",
            // At the field as written.
            want: Want::Text(TEXT25, "bestaatniet", 0),
        },
        Case {
            name: "T004_unknown_reference",
            year: "2025",
            edits: vec![Write(TEXT25, "Zie {{ verwijzing(\"od-bestaat-niet\") }}.\n")],
            code: "T004",
            want: Want::Text(TEXT25, "verwijzing(", 0),
        },
        first_article_cell("T007_title_too_long", "Omschrijving", s(&"woord ".repeat(400)), "T007"),
        // The outturn is no document: a bu folder beside the document is said.
        Case {
            name: "L008_outturn_folder",
            year: "2025",
            edits: vec![Write("2025/bu/bbt.yaml", "begrotingsjaar: 2025\nfase: bu\n")],
            code: "L008",
            want: Want::File("2025/bu"),
        },
        Case {
            name: "L006_link_out_of_the_project",
            year: "2025",
            edits: vec![LinkOutside(TEXT25)],
            code: "L006",
            want: Want::File(TEXT25),
        },
    ]
}

/// A case that sets one cell of the first expenditure article of 2025 and
/// expects `code` at that cell.
fn first_article_cell(name: &'static str, column: &'static str, value: calamine::Data, code: &'static str) -> Case {
    const FIRST: &str = "SB0-1SFE2AA-WT";
    Case {
        name,
        year: "2025",
        edits: vec![Edit::Cell { file: WB25, sheet: "Uitgaven", key: FIRST, column, value }],
        code,
        want: Want::Cell(WB25, "Uitgaven", FIRST, column),
    }
}

/// Rules whose fixture cannot be one project checked alone, and the test
/// that triggers each.
const ELSEWHERE: &[(&str, &str)] = &[
    ("B009", "compensaties_must_net_to_zero_over_several_projects (a workspace of two projects)"),
    ("B011", "check::init_next_adds_the_following_year (the blank workbook of init --next)"),
    ("Y002", "ba_of_last_year_must_match_the_previous_ba_document (needs a BA document before the BO)"),
    ("L007", "workflow::two_projects_with_one_id_do_not_overwrite_each_other (a workspace)"),
    ("L005", "a_workspace_list_that_is_not_text_is_reported_at_its_line (a list file, not a project)"),
    ("B015", "horizontaal::an_article_in_two_projects_is_an_error (a workspace)"),
    ("H001", "horizontaal::a_name_the_plan_does_not_know_is_an_error_at_its_line_and_nothing_is_written (a plan)"),
    ("H002", "horizontaal::a_name_the_plan_does_not_know_is_an_error_at_its_line_and_nothing_is_written (a plan)"),
    ("H003", "horizontaal::the_plan_is_checked_like_every_input (a workspace and its plan)"),
    ("H004", "horizontaal::the_plan_is_checked_like_every_input (a workspace and its plan)"),
    ("H005", "horizontaal::the_plan_is_checked_like_every_input (a workspace and its plan)"),
    ("H006", "horizontaal::the_plan_is_checked_like_every_input (a workspace and its plan)"),
];

#[test]
fn a_workspace_list_that_is_not_text_is_reported_at_its_line() {
    let (tmp, _project) = sample_copy();
    std::fs::write(tmp.path().join("lijst.txt"), b"project\nb\xff\n").unwrap();
    let out = run(tmp.path(), &["check", "lijst.txt", "--format", "json"]);
    assert_ne!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    let d = &json[0];
    assert_eq!((&d["code"], &d["file"], &d["line"]), (&"L005".into(), &"lijst.txt".into(), &2.into()), "{json:#}");
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json:#}");
}

/// Every rule of the registry has a fixture here that triggers it (or, for the
/// few that need more than one project, a test of its own).
#[test]
fn every_rule_has_a_fixture() {
    let mut covered: Vec<&str> = cases().iter().map(|c| c.code).collect();
    covered.extend(ELSEWHERE.iter().map(|(code, _)| *code));
    let missing: Vec<&str> = bbt::rules::ALL.iter().map(|r| r.code).filter(|c| !covered.contains(c)).collect();
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
}

fn expected_location(root: &std::path::Path, want: &Want) -> serde_json::Value {
    use serde_json::json;
    match want {
        Want::Text(file, needle, nth) => {
            let (line, column) = text_pos(&root.join(file), needle, *nth);
            json!({ "file": format!("project/{file}"), "line": line, "column": column })
        }
        Want::Cell(file, sheet, key, column) => {
            // The row as it is after the edits, or as it was if the edit renamed it.
            let edited = root.join(file);
            let cell = cell_of_opt(&edited, sheet, key, column)
                .unwrap_or_else(|| cell_of(&sample().join(file), sheet, key, column));
            json!({ "file": format!("project/{file}"), "sheet": sheet, "cell": cell })
        }
        Want::File(file) => json!({ "file": format!("project/{file}") }),
        Want::At(file, line, column) => json!({ "file": format!("project/{file}"), "line": line, "column": column }),
        Want::Named(file, sheet, cell) => json!({ "file": format!("project/{file}"), "sheet": sheet, "cell": cell }),
    }
}

#[test]
fn each_rule_reports_one_diagnostic_at_its_place() {
    let mut failures = Vec::new();
    for case in cases() {
        let (tmp, project) = sample_copy();
        apply(&project, &case.edits);
        let out = run(tmp.path(), &["check", "project", "--year", case.year, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out))
            .unwrap_or_else(|e| panic!("{}: no JSON ({e}): {}", case.name, stderr(&out)));
        assert_schema_valid(&json);
        let diags = json.as_array().expect("an array");
        let got: Vec<String> = diags.iter().map(|d| format!("{} {}", d["code"], d["message"])).collect();
        if diags.len() != 1 || diags[0]["code"] != case.code {
            failures.push(format!("{}: expected only {}, got {got:#?}", case.name, case.code));
            continue;
        }
        let d = &diags[0];
        let error = d["severity"] == "error";
        assert_eq!(out.status.code(), Some(if error { 1 } else { 0 }), "{}: exit code", case.name);
        let want = expected_location(&project, &case.want);
        for key in ["file", "line", "column", "sheet", "cell"] {
            if d.get(key) != want.get(key) {
                failures.push(format!("{}: {key} is {:?}, expected {:?}", case.name, d.get(key), want.get(key)));
            }
        }
        // What a user reads: the human rendering, snapshotted in English
        // (`--lang en`) and in Dutch (the default).
        let human = run(tmp.path(), &["check", "project", "--year", case.year]);
        // A link's target lies in the test's own temporary folder.
        let text = stderr(&human).replace(&tmp.path().display().to_string(), "<tmp>");
        insta::assert_snapshot!(case.name, text);
        let dutch = run_nl(tmp.path(), &["check", "project", "--year", case.year]);
        let text = stderr(&dutch).replace(&tmp.path().display().to_string(), "<tmp>");
        insta::assert_snapshot!(format!("{}_nl", case.name), text);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn several_errors_are_all_reported_in_one_run() {
    let (tmp, project) = sample_copy();
    apply(
        &project,
        &[
            Edit::Replace(BBT25, "ingediend_op: 2024-10-24", "ingediend_op: 2024-13-24"),
            Edit::Cell { file: WB25, sheet: "Uitgaven", key: "SB0-1SFE2CB-WT", column: "ISE", value: s("SF-Z") },
            Edit::Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SB0-1SFE2AA-WT",
                column: "VAK BO 2025",
                value: n(1768.0),
            },
            Edit::Remove("2025/bo/tekst/od-netwerk.md"),
        ],
    );
    let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_schema_valid(&json);
    let codes: Vec<&str> = json.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["L002", "B003", "B001", "S011"], "{json:#}");
    let human = run(tmp.path(), &["check", "project", "--year", "2025"]);
    // The document is filed: its missing text (S011) is an error too.
    let human = stderr(&human);
    assert!(human.contains("\nBBT 2025 (BO) in project: 4 errors, 0 warnings, 0 notes\n"), "{human}");
    assert!(
        human.ends_with("The filed document is not complete: 4 points have to be resolved (B001, B003, L002, S011).\n"),
        "{human}"
    );
}

/// Each entry of the 2026 change record is needed: without it, check fails
/// at the place of the change.
#[test]
fn every_declared_change_of_2026_is_needed() {
    let bbt = std::fs::read_to_string(sample().join(BBT26)).unwrap();
    let (head, record) = bbt.split_once("wijzigingen:\n").expect("a change record");
    let entries: Vec<&str> = record
        .split_inclusive('\n')
        .fold(Vec::new(), |mut acc: Vec<String>, line| {
            if line.starts_with("  - soort:") || acc.is_empty() {
                acc.push(line.to_string());
            } else if let Some(last) = acc.last_mut() {
                last.push_str(line);
            }
            acc
        })
        .leak()
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(entries.len(), 4, "{entries:#?}");
    for (i, entry) in entries.iter().enumerate() {
        let kind = entry.lines().next().unwrap().trim_start_matches("  - soort:").trim();
        let (code, want) = match kind {
            "hernoemd" => {
                ("S005", Want::Text(BBT26, "Inburgeraars bouwen een netwerk uit via participatie, buddywerking", 0))
            }
            "nieuw" => ("S004", Want::Text(BBT26, "od: od-inburgering-werk", 0)),
            "gesplitst" => ("S004", Want::Text(BBT26, "ise: ise-antidiscriminatie\n", 0)),
            // The new code stands where the old one stood last year: reported at
            // this year's cell, with both fixes (correct it, or declare the recoding).
            "hergecodeerd" => ("Y001", Want::Cell(WB26, "Uitgaven", "SB0-1SGE2CA-WT", "Artikel")),
            other => panic!("no expectation for a change '{other}'"),
        };
        let (tmp, project) = sample_copy();
        let rest: String = entries.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, e)| *e).collect();
        std::fs::write(project.join(BBT26), format!("{head}wijzigingen:\n{rest}")).unwrap();
        let out = run(tmp.path(), &["check", "project", "--year", "2026", "--format", "json"]);
        assert_eq!(out.status.code(), Some(1), "without '{kind}' the check must fail");
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let want = expected_location(&project, &want);
        let found = json.as_array().unwrap().iter().any(|d| {
            d["code"] == code && ["file", "line", "column", "sheet", "cell"].iter().all(|k| d.get(*k) == want.get(*k))
        });
        assert!(found, "without '{kind}': expected {code} at {want}, got {json:#}");
    }
}

#[test]
fn compensaties_must_net_to_zero_over_several_projects() {
    let (tmp, project) = sample_copy();
    let other = tmp.path().join("other");
    std::fs::rename(&project, &other).unwrap();
    let (_tmp2, project2) = sample_copy();
    apply(
        &other,
        &[
            // Each project has an id of its own (else L007).
            Edit::Replace(NOTA, "id: samenleven\n", "id: welzijn\n"),
            Edit::Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SB0-1SFE2AB-WT",
                column: "VEK Compensaties",
                value: n(-240.0),
            },
            Edit::Cell {
                file: WB25,
                sheet: "Uitgaven",
                key: "SB0-1SFE2AB-WT",
                column: "VEK Andere bijstellingen",
                value: n(440.0),
            },
        ],
    );
    let out = run(tmp.path(), &["check", &project2.to_string_lossy(), "other", "--year", "2025", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_schema_valid(&json);
    let codes: Vec<&str> = json.as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["B008", "B009"], "{json:#}");
    // In the projects' unit, as their workbooks are typed.
    assert!(
        json[1]["message"].as_str().unwrap().contains("net to 0 duizend euro (VAK) and 10 duizend euro (VEK)"),
        "{json:#}"
    );
}

#[test]
fn explain_prints_every_documented_rule() {
    for code in bbt::rules::ALL.iter().map(|r| r.code) {
        let out = run(&sample(), &["explain", code]);
        assert_eq!(out.status.code(), Some(0), "{code}");
        let text = stdout(&out);
        assert!(text.starts_with(&format!("{code} ")), "{code}: {text}");
        for part in ["What it checks.", "Why.", "Example.", "How to fix."] {
            assert!(text.contains(part), "{code} lacks '{part}'");
        }
        assert!(!text.contains("**What") && !text.contains("## "), "{code}: {text}");
    }
    let out = run(&sample(), &["explain", "X999"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A BA document of 2025 sits between the BO 2025 and the BO 2026: the BO
/// 2026's BA 2025 figures must be its BA 2025 figures.
#[test]
fn ba_of_last_year_must_match_the_previous_ba_document() {
    let (tmp, project) = sample_copy();
    let ba = project.join("2025/ba1");
    std::fs::create_dir_all(ba.join("tekst")).unwrap();
    for e in std::fs::read_dir(project.join("2025/bo/tekst")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), ba.join("tekst").join(e.file_name())).unwrap();
    }
    let bbt = std::fs::read_to_string(project.join(BBT25)).unwrap();
    let bbt = bbt.replace("fase: bo", "fase: ba1").replace("ingediend_op: 2024-10-24", "ingediend_op: 2025-05-20");
    std::fs::write(ba.join("bbt.yaml"), bbt).unwrap();

    // The BA 2025 workbook: BO 2025 from the BO 2025, BA 2025 as the BO 2026 has it.
    let bo25 = sheet_rows(&project.join(WB25), "Uitgaven");
    let bo26 = sheet_rows(&project.join(WB26), "Uitgaven");
    let recoded = |code: &str| if code == "SB0-1SGE2BB-WT" { "SB0-1SGE2CA-WT".to_string() } else { code.to_string() };
    let text = |row: &std::collections::BTreeMap<String, calamine::Data>, k: &str| row.get(k).cloned().unwrap_or(s(""));
    let num = |row: &std::collections::BTreeMap<String, calamine::Data>, k: &str| match row.get(k) {
        Some(calamine::Data::Float(f)) => *f,
        Some(calamine::Data::Int(i)) => *i as f64,
        other => panic!("{k}: {other:?}"),
    };
    let mut head = vec![s("Artikel"), s("Omschrijving"), s("ISE"), s("Entiteit"), s("Ontvanger")];
    for k in ["VAK", "VEK"] {
        for c in ["BO 2025", "Bijstellingen", "BA 2025"] {
            head.push(s(&format!("{k} {c}")));
        }
    }
    let mut rows = vec![head];
    for r in &bo25 {
        let code = match &r["Artikel"] {
            calamine::Data::String(c) => c.clone(),
            other => panic!("{other:?}"),
        };
        let now = bo26.iter().find(|x| x.get("Artikel") == Some(&s(&recoded(&code)))).expect("in 2026");
        let mut row =
            vec![s(&code), text(r, "Omschrijving"), text(r, "ISE"), text(r, "Entiteit"), text(r, "Ontvanger")];
        for k in ["VAK", "VEK"] {
            let bo = num(r, &format!("{k} BO 2025"));
            let ba = num(now, &format!("{k} BA 2025"));
            row.extend([n(bo), n(ba - bo), n(ba)]);
        }
        rows.push(row);
    }
    let ontv25 = sheet_rows(&project.join(WB25), "Ontvangsten");
    let ontv26 = sheet_rows(&project.join(WB26), "Ontvangsten");
    let mut ontv = vec![vec![s("Artikel"), s("Omschrijving"), s("ISE"), s("Entiteit"), s("BO 2025"), s("BA 2025")]];
    for r in &ontv25 {
        let now = ontv26.iter().find(|x| x.get("Artikel") == r.get("Artikel")).expect("in 2026");
        ontv.push(vec![
            text(r, "Artikel"),
            text(r, "Omschrijving"),
            text(r, "ISE"),
            text(r, "Entiteit"),
            n(num(r, "BO 2025")),
            n(num(now, "BA 2025")),
        ]);
    }
    write_workbook(&ba.join("begroting.xlsx"), &[("Uitgaven", rows), ("Ontvangsten", ontv)]);

    // The BA document checks clean, and so does 2026 against it.
    for (year, phase) in [("2025", "ba1"), ("2026", "bo")] {
        let out = run(tmp.path(), &["check", "project", "--year", year, "--phase", phase, "--format", "json"]);
        assert_eq!(stdout(&out).trim(), "[]", "{year} {phase}: {}", stderr(&out));
        assert_eq!(out.status.code(), Some(0));
    }

    // The BA document renders, its kredietevolutie running from BO to BA.
    let out = run(tmp.path(), &["render", "project", "--year", "2025", "--phase", "ba1", "-o", "out"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdftotext_layout(&tmp.path().join("out/samenleven-2025-ba1.pdf"));
    let at = text.find("SI0-ASGE2AB-WT – ").expect("the article");
    let table = at + text[at..].find("(duizend euro)").expect("its table");
    let labels: Vec<&str> = text[table..].lines().take(4).map(|l| l.trim()).collect();
    assert!(labels[0].starts_with("(duizend euro)"), "{labels:?}");
    assert_eq!(labels[1].split_whitespace().collect::<Vec<_>>(), ["BO", "2025", "14.196", "14.093"]);
    assert!(labels[2].starts_with("Bijstellingen"), "{labels:?}");
    assert_eq!(labels[3].split_whitespace().collect::<Vec<_>>(), ["BA", "2025", "14.196", "14.093"]);

    // A template for 2026 takes BA 2025 from the BA document (never from BO 2025).
    let out = run(tmp.path(), &["template", "project", "--year", "2026", "-o", "tpl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("17 articles of BBT 2025 (BA)"), "{}", stderr(&out));
    let tpl = sheet_rows(&tmp.path().join("tpl/begroting-2026-bo.xlsx"), "Uitgaven");
    let row = tpl.iter().find(|r| r.get("Artikel") == Some(&s("SI0-ASGE2AB-WT"))).expect("the article");
    assert_eq!(row.get("VAK BA 2025"), Some(&n(14_196.0)));
    assert_eq!(row.get("VEK BA 2025"), Some(&n(14_093.0)));
    assert_eq!(row.get("VEK BO 2026"), Some(&n(14_093.0)), "BO computes from BA with empty bijstellingen");
    let ontv = sheet_rows(&tmp.path().join("tpl/begroting-2026-bo.xlsx"), "Ontvangsten");
    let row = ontv.iter().find(|r| r.get("Artikel") == Some(&s("SI0-0SGE2AA-WT"))).expect("the revenue article");
    assert_eq!(row.get("BA 2025"), Some(&n(2_480.0)));

    // One BA 2025 figure of the BO 2026 differs from the BA document.
    apply(
        &project,
        &[
            Edit::Cell {
                file: WB26,
                sheet: "Uitgaven",
                key: "SI0-ASGE2AB-WT",
                column: "VEK BA 2025",
                value: n(14_094.0),
            },
            Edit::Cell {
                file: WB26,
                sheet: "Uitgaven",
                key: "SI0-ASGE2AB-WT",
                column: "VEK Andere bijstellingen",
                value: n(249.0),
            },
        ],
    );
    let out = run(tmp.path(), &["check", "project", "--year", "2026", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_schema_valid(&json);
    let cell = cell_of(&project.join(WB26), "Uitgaven", "SI0-ASGE2AB-WT", "VEK BA 2025");
    assert_eq!(json.as_array().unwrap().len(), 1, "{json:#}");
    assert_eq!(json[0]["code"], "Y002");
    assert_eq!(json[0]["file"], "project/2026/bo/begroting.xlsx");
    assert_eq!(json[0]["cell"], cell);
    let human = run(tmp.path(), &["check", "project", "--year", "2026"]);
    insta::assert_snapshot!("Y002_standing_differs", stderr(&human));
}

#[test]
fn the_second_year_checks_clean_and_lists_its_changes_in_the_pdf() {
    let out = run(&sample(), &["check", "--year", "2026", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "[]");

    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["render", &sample().to_string_lossy(), "--year", "2026", "-o", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdftotext_layout(&tmp.path().join("samenleven-2026-bo.pdf"));
    let matrix = text.rfind("Matrix wijzigingen doelstellingenstructuur").expect("the changes appendix");
    let rows: Vec<&str> = text[matrix..]
        .lines()
        .map(str::trim_start)
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| ["Hernoemd", "Nieuw", "Gesplitst", "Hergecodeerd"].contains(w))
        .collect();
    assert_eq!(rows, ["Hernoemd", "Nieuw", "Gesplitst", "Hergecodeerd"]);
    for needle in ["OD 2.4 – Inburgeraars", "ISE SG-C – Aanpak van", "SB0-1SGE2BB-WT", "SB0-1SGE2CA-WT – Aanpak"]
    {
        assert!(text[matrix..].contains(needle), "the matrix lacks {needle}");
    }
}
