//! Issue 16: bbt speaks to cabinet and finance staff. The filing gate (a
//! filed document must be complete, a draft may not be yet), "did you mean"
//! for every name, every error of a text in one run, `--help` and `explain`
//! in the language of the messages.

use crate::support::*;

/// The sample's 2026 BO, filed (`ingediend_op`), or made a draft.
fn set_status(project: &std::path::Path, filed: bool) {
    let path = project.join("2026/bo/bbt.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    // The sample's own filing date.
    let date = "ingediend_op: 2025-10-23".to_string();
    let draft = "status: ontwerp\nontwerpdatum: 2025-09-01";
    let text = if filed { text.replace(draft, &date) } else { text.replace(&date, draft) };
    std::fs::write(&path, text).unwrap();
}

fn codes(out: &std::process::Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(&stdout(out)).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {}", d["severity"].as_str().unwrap(), d["code"].as_str().unwrap()))
        .collect()
}

#[test]
fn a_filed_document_must_be_complete_and_a_draft_may_not_be_yet() {
    let (tmp, project) = sample_copy();
    // A missing text, a text carried over and never revised.
    std::fs::remove_file(project.join("2026/bo/tekst/od-netwerk.md")).unwrap();
    let carried = project.join("2026/bo/tekst/od-nederlands.md");
    let text = std::fs::read_to_string(&carried).unwrap();
    std::fs::write(
        &carried,
        format!("<!-- bbt: overgenomen uit 2025. Verwijder deze regel zodra de tekst herzien is. -->\n{text}"),
    )
    .unwrap();

    let filed = run(tmp.path(), &["check", "project", "--format", "json"]);
    assert_eq!(filed.status.code(), Some(1), "{}", stdout(&filed));
    let found = codes(&filed);
    assert!(found.contains(&"error S011".to_string()) && found.contains(&"error S014".to_string()), "{found:?}");
    let human = stderr(&run_nl(tmp.path(), &["check", "project"]));
    assert!(
        human.contains("fout[S014]: Deze tekst is overgenomen uit het vorige jaar en nog niet herzien."),
        "{human}"
    );
    assert!(
        human
            .ends_with("Het ingediende document is niet volledig: 2 punten moeten nog opgelost worden (S011, S014).\n"),
        "{human}"
    );

    set_status(&project, false);
    let draft = run(tmp.path(), &["check", "project", "--format", "json"]);
    assert_eq!(draft.status.code(), Some(0), "{}", stdout(&draft));
    let found = codes(&draft);
    assert!(found.contains(&"warning S011".to_string()) && found.contains(&"warning S014".to_string()), "{found:?}");
    // The marker never prints: the draft renders without a T002 for it.
    let out = tmp.path().join("out");
    let render = run(tmp.path(), &["render", "project", "-o", out.to_str().unwrap()]);
    assert_eq!(render.status.code(), Some(0), "{}", stderr(&render));
    assert!(!stderr(&render).contains("T002"), "{}", stderr(&render));
    let pdf = pdftotext_layout(&out.join("samenleven-2026-bo.pdf"));
    assert!(!pdf.contains("overgenomen uit"), "the marker printed");

    // Revised (marker deleted) and written: ready to file.
    std::fs::write(&carried, &text).unwrap();
    std::fs::write(project.join("2026/bo/tekst/od-netwerk.md"), "Het netwerk groeit.\n").unwrap();
    let ready = stderr(&run_nl(tmp.path(), &["check", "project"]));
    assert!(ready.ends_with("Het ontwerp is klaar om in te dienen; vervang bij de indiening status en ontwerpdatum in bbt.yaml door ingediend_op: <datum>.\n"), "{ready}");
    set_status(&project, true);
    let english = stderr(&run(tmp.path(), &["check", "project"]));
    assert!(english.ends_with("The filed document is complete.\n"), "{english}");
}

/// A text of only comments and headings is no text, and the introduction
/// is part of the gate; a filed document that fails it writes no PDF, and
/// an earlier PDF of it left in the output folder is said to be out of date.
#[test]
fn a_filed_document_needs_its_introduction_and_texts_with_prose() {
    let (tmp, project) = sample_copy();
    let out = tmp.path().join("uit");
    let first = run(tmp.path(), &["render", "project", "-o", out.to_str().unwrap()]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let pdf = out.join("samenleven-2026-bo.pdf");
    let before = std::fs::read(&pdf).unwrap();
    std::fs::remove_file(project.join("2026/bo/tekst/inleiding.md")).unwrap();
    std::fs::write(project.join("2026/bo/tekst/od-netwerk.md"), "<!-- nog te schrijven -->\n\n## Netwerk\n").unwrap();
    let json = run(tmp.path(), &["check", "project", "--format", "json"]);
    assert_eq!(json.status.code(), Some(1), "{}", stdout(&json));
    let found: Vec<String> = codes(&json).into_iter().filter(|c| c.contains("S011")).collect();
    assert_eq!(found, ["error S011", "error S011"], "{}", stdout(&json));
    let render = run_nl(tmp.path(), &["render", "project", "-o", out.to_str().unwrap()]);
    assert_eq!(render.status.code(), Some(1));
    let err = stderr(&render);
    assert!(err.contains("fout[S011]: Het document heeft geen inleiding: tekst/inleiding.md ontbreekt."), "{err}");
    assert!(err.contains("fout[S011]: De tekst van OD 2.3 is leeg (kopjes en opmerkingen tellen niet mee)."), "{err}");
    assert!(err.contains("samenleven-2026-bo.pdf is niet bijgewerkt: het toont nog de vorige stand"), "{err}");
    assert!(std::fs::read(&pdf).unwrap() == before, "the earlier PDF is left as it was");
    // The same as a draft: warnings, exit 0.
    set_status(&project, false);
    let draft = run(tmp.path(), &["check", "project", "--format", "json"]);
    assert_eq!(draft.status.code(), Some(0), "{}", stdout(&draft));
    let found: Vec<String> = codes(&draft).into_iter().filter(|c| c.contains("S011")).collect();
    assert_eq!(found, ["warning S011", "warning S011"]);
}

/// What a writer gets wrong in a live figure is said in Dutch, with the
/// expression to write where bbt can tell.
#[test]
fn a_live_figure_written_wrong_is_explained_in_dutch() {
    let (tmp, project) = sample_copy();
    std::fs::write(
        project.join("2026/bo/tekst/od-netwerk.md"),
        "Zie {{ verwijzing(od-nederlands) }}, {{ verwijzing() }}, {{ artikel(\"SB0-1SFE2AA-WT\").bo.vak / 0 }} \
         en {{ artikel(\"SB0-1SFE2AA-WT\").bo.vak + \"x\" }}.\n",
    )
    .unwrap();
    let err = stderr(&run_nl(tmp.path(), &["check", "project"]));
    for want in [
        "fout[T003]: In 'od-nederlands' staat het id of de code niet tussen aanhalingstekens.",
        "hulp: Zet het tussen aanhalingstekens: {{ verwijzing(\"od-nederlands\") }}",
        "fout[T003]: Hier ontbreekt de code of het id tussen de haakjes.",
        "fout[T003]: Deze uitdrukking deelt door nul.",
        "fout[T003]: Deze uitdrukking rekent met een tekst en een getal samen.",
    ] {
        assert!(err.contains(want), "no {want:?} in {err}");
    }
    for english in ["tried to use", "unable to calculate", "missing argument", "unsupported"] {
        assert!(!err.contains(english), "{english} in {err}");
    }
}

/// A list written without its brackets is one error with the line to write,
/// not a cascade of missing objectives and stray texts.
#[test]
fn a_list_without_brackets_is_one_error_with_the_fix() {
    let (tmp, project) = sample_copy();
    let path = project.join("2026/bo/bbt.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let broken = text.replace(
        "ods: [od-horizontaal-plan, od-gender-lgbtqi, od-toegankelijkheid]",
        "ods: od-horizontaal-plan, od-gender-lgbtqi, od-toegankelijkheid",
    );
    assert_ne!(broken, text);
    std::fs::write(&path, broken).unwrap();
    let out = run_nl(tmp.path(), &["check", "project"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.matches("fout[").count() + err.matches("waarschuwing[").count(), 1, "{err}");
    assert!(err.contains("fout[L001]: Hier verwacht bbt een lijst."), "{err}");
    assert!(
        err.contains(
            "hulp: Zet de lijst tussen blokhaken: [od-horizontaal-plan, od-gender-lgbtqi, od-toegankelijkheid]"
        ),
        "{err}"
    );
}

#[test]
fn init_marks_what_the_writer_must_still_do() {
    let tmp = tempfile::tempdir().unwrap();
    // 1 August 2026: the next budget year is 2027.
    let init =
        bbt().env("SOURCE_DATE_EPOCH", "1785542400").current_dir(tmp.path()).args(["init", "nieuw"]).output().unwrap();
    assert_eq!(init.status.code(), Some(0), "{}", stderr(&init));
    assert!(tmp.path().join("nieuw/2027/bo/bbt.yaml").is_file());
    // 1 March 2026: this year.
    let march =
        bbt().env("SOURCE_DATE_EPOCH", "1772323200").current_dir(tmp.path()).args(["init", "maart"]).output().unwrap();
    assert_eq!(march.status.code(), Some(0), "{}", stderr(&march));
    assert!(tmp.path().join("maart/2026/bo/bbt.yaml").is_file());

    // The placeholders are warnings of a draft: exit 0, not ready to file.
    let check = run(tmp.path(), &["check", "nieuw", "--format", "json"]);
    assert_eq!(check.status.code(), Some(0));
    let found = codes(&check);
    assert!(found.iter().filter(|c| *c == "warning S015").count() >= 6, "{found:?}");

    // Not from a draft: its texts are not revised yet.
    let refused = run(tmp.path(), &["init", "--next", "nieuw"]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("still a draft"), "{}", stderr(&refused));
    assert!(!tmp.path().join("nieuw/2028").exists());
    let doc = tmp.path().join("nieuw/2027/bo/bbt.yaml");
    let draft = std::fs::read_to_string(&doc).unwrap();
    assert!(draft.contains("status: ontwerp\nontwerpdatum: 2026-08-01\n"), "dated the day of init: {draft}");
    std::fs::write(&doc, draft.replace("status: ontwerp\nontwerpdatum: 2026-08-01\n", "ingediend_op: 2026-10-20\n"))
        .unwrap();

    // The next year: every carried text marked, listed in order, then the template defaults to it.
    let next = run(tmp.path(), &["init", "--next", "nieuw"]);
    assert_eq!(next.status.code(), Some(0), "{}", stderr(&next));
    let created: Vec<String> =
        stderr(&next).lines().filter_map(|l| l.strip_prefix("created ")).map(String::from).collect();
    assert!(created.first().is_some_and(|c| c.ends_with("bbt.yaml")), "{created:?}");
    assert!(created.last().is_some_and(|c| c.ends_with("begroting.xlsx")), "{created:?}");
    let texts: Vec<&String> = created.iter().filter(|c| c.ends_with(".md")).collect();
    let mut sorted = texts.clone();
    sorted.sort();
    assert_eq!(texts.len(), 3);
    assert_eq!(texts, sorted);
    let od = std::fs::read_to_string(tmp.path().join("nieuw/2028/bo/tekst/od-eerste.md")).unwrap();
    assert!(od.starts_with("<!-- bbt: overgenomen uit 2027."), "{od}");
    let found = codes(&run(tmp.path(), &["check", "nieuw", "--format", "json"]));
    assert_eq!(found.iter().filter(|c| *c == "warning S014").count(), 3, "{found:?}");
    let out = tmp.path().join("out");
    let template = run(tmp.path(), &["template", "nieuw", "-o", out.to_str().unwrap()]);
    assert_eq!(template.status.code(), Some(0), "{}", stderr(&template));
    assert!(out.join("begroting-2028-bo.xlsx").is_file());
}

#[test]
fn an_od_number_must_fit_its_sd_and_an_ise_without_credits_has_none() {
    let (tmp, project) = sample_copy();
    let nota = project.join("beleidsnota.yaml");
    let text = std::fs::read_to_string(&nota).unwrap();
    // The first OD under SD 1 gets a number of SD 2.
    let first = text.lines().find(|l| l.trim_start().starts_with("nummer: \"1.1\"")).expect("OD 1.1").to_string();
    std::fs::write(&nota, text.replacen(&first, &first.replace("1.1", "2.9"), 1)).unwrap();
    let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
    let found = codes(&out);
    assert!(found.contains(&"error S016".to_string()), "{found:?}");
    assert_eq!(out.status.code(), Some(1));

    // An ISE declared without credits that has articles.
    let (tmp, project) = sample_copy();
    let path = project.join("2026/bo/bbt.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let ises = "ises: [ise-horizontaal, ise-gender-lgbtqi, ise-toegankelijkheid]";
    assert!(text.contains(ises));
    let excused = "ises: [{ ise: ise-horizontaal, zonder_kredieten: Geen kredieten dit jaar. }, ise-gender-lgbtqi, ise-toegankelijkheid]";
    std::fs::write(&path, text.replace(ises, excused)).unwrap();
    let out = run(tmp.path(), &["check", "project", "--format", "json"]);
    assert!(codes(&out).contains(&"error B010".to_string()), "{}", stdout(&out));
    set_status(&project, false);
    let out = run(tmp.path(), &["check", "project", "--format", "json"]);
    assert!(codes(&out).contains(&"warning B010".to_string()), "{}", stdout(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_mistyped_id_is_one_diagnostic_with_the_id_meant() {
    let (tmp, project) = sample_copy();
    let path = project.join("2026/bo/bbt.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("od-plan-samenleven"));
    std::fs::write(&path, text.replacen("od-plan-samenleven", "od-plan-samenlevn", 1)).unwrap();
    let out = run(tmp.path(), &["check", "project", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let structural: Vec<&serde_json::Value> =
        json.as_array().unwrap().iter().filter(|d| d["code"].as_str().unwrap().starts_with('S')).collect();
    assert_eq!(structural.len(), 1, "{json:#}");
    assert_eq!(structural[0]["code"], "S003");
    let hints = structural[0]["hints"].to_string();
    assert!(hints.contains("Did you mean 'od-plan-samenleven'?"), "{hints}");
    assert!(!hints.contains("soort:"), "no change is proposed: {hints}");

    // A text file named with a typo: one S012 saying what to rename it to.
    let (tmp, project) = sample_copy();
    let dir = project.join("2026/bo/tekst");
    std::fs::rename(dir.join("od-netwerk.md"), dir.join("od-netwrk.md")).unwrap();
    let out = run(tmp.path(), &["check", "project", "--format", "json"]);
    let found = codes(&out);
    assert_eq!(found.iter().filter(|c| c.ends_with("S011") || c.ends_with("S012")).collect::<Vec<_>>(), ["error S011"]);
    assert!(stdout(&out).contains("Rename the file to od-netwerk.md"), "{}", stdout(&out));

    // A copy beside the text of the element: the help names that text.
    std::fs::rename(dir.join("od-netwrk.md"), dir.join("od-netwerk.md")).unwrap();
    std::fs::copy(dir.join("od-netwerk.md"), dir.join("od-netwerkk.md")).unwrap();
    let out = run_nl(tmp.path(), &["check", "project"]);
    assert!(stderr(&out).contains("= hulp: Bedoelde u od-netwerk.md? Die tekst bestaat al"), "{}", stderr(&out));
}

#[test]
fn every_error_of_a_text_is_reported_in_one_run() {
    let (tmp, project) = sample_copy();
    let path = project.join("2026/bo/tekst/od-netwerk.md");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\nEen {{ ise(\"SG-A\").mvg.bo.vakk }} en {{ artikel(\"SB0-1SFE2AA-WT\").bo_vak }}.\n\n");
    text.push_str("Zie {{ verwijzing(\"od-netwrk\") }} en <b>vet</b>.\n\nSamen {{ ise(\"SG-A\").SI0.vak }}.\n");
    text.push_str("\nEn {{ ise(\"SG-A\").bo.vak }}, {{ artikel(\"SI0-ASGE2AC-WT\").evolutie_percent.vak }}.\n");
    text.push_str("\nHet oude totaal: {{ ise(\"SG-A\").totaal.bo.vak }}.\n");
    text.push_str("\nUit Word: {{ artikel(“SI0-ASGE2AC-WT”).bo.vak }}.\n");
    std::fs::write(&path, &text).unwrap();
    let out = run_nl(tmp.path(), &["check", "project"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for expected in [
        "fout[T003]: ise(\"SG-A\").mvg.bo heeft geen veld 'vakk'; wel: vak, vek.",
        "= hulp: Bedoelde u ise(\"SG-A\").mvg.bo.vak?",
        "fout[T003]: artikel(\"SB0-1SFE2AA-WT\") heeft geen veld 'bo_vak'; wel: code, titel, ba, bo,",
        "= hulp: Bedoelde u artikel(\"SB0-1SFE2AA-WT\").bo.vak?",
        "fout[T004]: 'od-netwrk' is geen SD, OD, hoofdstuk of bijlage van het document van dit jaar.",
        "= hulp: Bedoelde u 'od-netwerk'?",
        // A step left out: the new figure first, the others named.
        "fout[T003]: ise(\"SG-A\").SI0 heeft geen veld 'vak'; wel: ba, bo, evolutie, evolutie_procent, esr, toelagen, overige.",
        "= hulp: Hier ontbreekt een stap: bedoelde u ise(\"SG-A\").SI0.bo.vak? Ook mogelijk: .ba.vak, .evolutie.vak, .evolutie_procent.vak.",
        // The step left out is the whole ISE's; what followed the field is kept.
        "= hulp: Hier ontbreekt een stap: bedoelde u ise(\"SG-A\").geconsolideerd.bo.vak? Ook mogelijk: .mvg.bo.vak, .SI0.bo.vak.",
        // The total of before the scopes: which one is meant.
        "fout[T003]: ise(\"SG-A\") heeft geen veld 'totaal'; wel: code, naam, mvg, SI0, geconsolideerd, uitvoering.",
        "= hulp: Een ISE heeft een tabel per entiteitsgroep, dus zeg welk totaal u bedoelt: ise(\"SG-A\").geconsolideerd.bo.vak (alle entiteiten samen, een dotatie één keer geteld) of ise(\"SG-A\").mvg.bo.vak (de tabel MVG excl. DAB).",
        // A misspelt field before two joined.
        "= hulp: Bedoelde u artikel(\"SI0-ASGE2AC-WT\").evolutie_procent.vak?",
        "= hulp: Gebruik rechte aanhalingstekens: artikel(\"SB0-1SFE2AA-WT\"), niet “…” of ‘…’",
        "waarschuwing[T002]: HTML-code kan niet in het document getoond worden",
    ] {
        assert!(err.contains(expected), "no {expected} in {err}");
    }
    // The caret stands under the field as written.
    let (line, column) = text_pos(&path, "vakk", 0);
    assert!(err.contains(&format!("od-netwerk.md:{line}:{column}")), "{err}");
}

#[test]
fn help_and_explain_speak_the_language_of_the_messages() {
    let tmp = tempfile::tempdir().unwrap();
    let help = stdout(&run_nl(tmp.path(), &["check", "--help"]));
    assert!(help.contains("Gebruik: bbt check [OPTIES] [PROJECT]...") && help.contains("Opties:"), "{help}");
    assert!(!help.contains("Usage") && !help.contains("Print help"), "{help}");
    assert_eq!(stdout(&run_nl(tmp.path(), &["help", "check"])), help);
    let english = stdout(&run_nl(tmp.path(), &["check", "--help", "--lang", "en"]));
    assert!(english.contains("Usage: bbt check [OPTIONS] [PROJECT]..."), "{english}");

    // A usage error in Dutch, with the option meant.
    let wrong = run_nl(tmp.path(), &["check", "--fromat", "json"]);
    assert_eq!(wrong.status.code(), Some(2));
    let err = stderr(&wrong);
    assert!(err.contains("fout: Onbekend argument --fromat.") && err.contains("Bedoelde u --format?"), "{err}");
    // A mistyped command is not taken for a missing folder without a word.
    let rendr = run_nl(tmp.path(), &["rendr", "samen"]);
    assert!(stderr(&rendr).contains("Bedoelde u `bbt render samen`?"), "{}", stderr(&rendr));
    assert_eq!(rendr.status.code(), Some(2), "a folder that does not exist is wrong use");

    // explain: the section for a terminal, in either language, no Markdown left.
    let nl = stdout(&run_nl(tmp.path(), &["explain", "fout[B003]"]));
    assert!(nl.starts_with("B003 Kredietevolutie"), "{nl}");
    assert!(nl.contains("Wat wordt gecontroleerd.") && nl.contains("Oplossing."), "{nl}");
    assert!(!nl.contains("**") && !nl.contains("## ") && !nl.contains('\u{1b}'), "{nl}");
    let en = stdout(&run(tmp.path(), &["explain", "b003"]));
    assert!(en.starts_with("B003 Kredietevolutie does not add up") && en.contains("How to fix."), "{en}");
    let typo = run_nl(tmp.path(), &["explain", "B0003"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(stderr(&typo).contains("Bedoelde u `bbt explain B003`?"), "{}", stderr(&typo));
}

/// A moved objective's row in the changes matrix says from which SD to
/// which; its number that no longer fits is a warning of the draft (S016).
#[test]
fn the_changes_matrix_shows_where_a_moved_objective_went() {
    let (tmp, project) = sample_copy();
    set_status(&project, false);
    let path = project.join("2026/bo/bbt.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replacen("          - od-nederlands\n", "", 1)
        .replacen("          - od-plan-samenleven\n", "          - od-plan-samenleven\n          - od-nederlands\n", 1)
        .replacen(
            "wijzigingen:\n",
            "wijzigingen:\n  - soort: verplaatst\n    element: od-nederlands\n    reden: Het taalbeleid hoort bij het samenleven.\n",
            1,
        );
    std::fs::write(&path, text).unwrap();
    let out = run(tmp.path(), &["render", "project", "-o", "uit", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(codes(&out).contains(&"warning S016".to_string()), "{}", stdout(&out));
    let pdf = pdftotext_layout(&tmp.path().join("uit/samenleven-2026-bo.pdf"));
    let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("(onder SD 2") && flat.contains("(onder SD 3"), "{pdf}");
}

/// A comment never prints, whatever stands beside it; text beside it does.
#[test]
fn comments_do_not_print_and_take_nothing_with_them() {
    let (tmp, project) = sample_copy();
    let path = project.join("2025/bo/tekst/od-netwerk.md");
    std::fs::write(
        &path,
        "Voor <!-- zzintern: na te vragen --> na.\n\n<!-- zzopmerking\nover twee regels --> Daarna zichtbaar.\n\n<!-- zzalleen -->\n",
    )
    .unwrap();
    let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "uit"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("T002"), "{}", stderr(&out));
    let pdf = pdftotext_layout(&tmp.path().join("uit/samenleven-2025-bo.pdf"));
    let flat = pdf.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Voor na.") && flat.contains("Daarna zichtbaar."), "{pdf}");
    assert!(!flat.contains("zz"), "{pdf}");
}

/// A field missed inside `default` is not blamed for another expression's error.
#[test]
fn an_earlier_missed_field_is_not_blamed_for_another_error() {
    let (tmp, project) = sample_copy();
    std::fs::write(
        project.join("2025/bo/tekst/od-netwerk.md"),
        "{{ artikel(\"SB0-1SFE2AA-WT\").bo.vakk | default(0) }} en {{ onbekend }}.\n",
    )
    .unwrap();
    let out = run(tmp.path(), &["check", "project", "--year", "2025", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let messages: Vec<&str> = json.as_array().unwrap().iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert_eq!(messages, ["'onbekend' does not exist in a text."], "{json:#}");
}

/// A text saved as `od-x.md.txt` (Kladblok) or `od-x.MD` is not read, and
/// said so with the name to give it.
#[test]
fn a_text_with_another_extension_is_reported() {
    let (tmp, project) = sample_copy();
    let dir = project.join("2026/bo/tekst");
    std::fs::rename(dir.join("od-netwerk.md"), dir.join("od-netwerk.md.txt")).unwrap();
    std::fs::rename(dir.join("od-nederlands.md"), dir.join("od-nederlands.MD")).unwrap();
    let out = run_nl(tmp.path(), &["check", "project"]);
    let err = stderr(&out);
    assert!(
        err.contains("Het bestand 'od-netwerk.md.txt' wordt niet gelezen")
            && err.contains("Hernoem het naar od-netwerk.md"),
        "{err}"
    );
    assert!(err.contains("Hernoem het naar od-nederlands.md"), "{err}");
}

#[test]
fn a_document_compared_with_itself_has_no_differences() {
    let tmp = tempfile::tempdir().unwrap();
    let doc = sample().join("2026/bo");
    let out = run(tmp.path(), &["diff", doc.to_str().unwrap(), doc.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.contains("Structure: 0 changes"), "{report}");
    assert!(report.contains("Expenditure articles: 0 with other figures"), "{report}");
    assert!(report.contains("Revenue articles: 0 with other figures"), "{report}");
    assert!(report.contains("Texts: 0 changed"), "{report}");
    // Between the years: the articles with their description, the texts that changed.
    let old = sample().join("2025/bo");
    let report = stdout(&run(tmp.path(), &["diff", old.to_str().unwrap(), doc.to_str().unwrap()]));
    assert!(report.contains("paragraph"), "{report}");
}

/// A split or merge shows as one change even where no document declares it
/// (documents further apart than one year): recognised from the objectives
/// that moved along.
#[test]
fn diff_recognises_a_split_and_a_merge_from_what_moved_along() {
    let (tmp, project) = sample_copy();
    let yaml = project.join("2026/bo/bbt.yaml");
    let text = std::fs::read_to_string(&yaml).unwrap();
    let (at, to) = (text.find("  - soort: gesplitst").unwrap(), text.find("  - soort: hergecodeerd").unwrap());
    std::fs::write(&yaml, format!("{}{}", &text[..at], &text[to..])).unwrap();
    let report = stdout(&run(tmp.path(), &["diff", "project/2025/bo", "project/2026/bo"]));
    let lines: Vec<&str> = report.lines().collect();
    let at = lines.iter().position(|l| l.starts_with("  gesplitst    ise-samenleven")).expect(&report);
    assert!(lines[at + 1].trim_start().starts_with("→ ise-samenleven"), "{report}");
    assert!(lines[at + 2].trim_start().starts_with("→ ise-antidiscriminatie"), "{report}");
    assert!(lines[at + 3].contains("od-discriminatie"), "{report}");
    assert!(!report.contains("nieuw        ise-antidiscriminatie") && !report.contains("verplaatst   "), "{report}");
    // The other way round, the new ISE is merged back.
    let report = stdout(&run(tmp.path(), &["diff", "project/2026/bo", "project/2025/bo"]));
    let lines: Vec<&str> = report.lines().collect();
    let at = lines.iter().position(|l| l.starts_with("  samengevoegd ise-samenleven")).expect(&report);
    assert!(lines[at + 1].trim_start().starts_with("ise-antidiscriminatie"), "{report}");
    assert!(lines[at + 2].trim_start().starts_with("→ ise-samenleven"), "{report}");
    assert!(!report.contains("geschrapt    ise-antidiscriminatie"), "{report}");
    // What the new document declares is not second-guessed: a new ISE stays new.
    let text = std::fs::read_to_string(&yaml).unwrap().replacen(
        "wijzigingen:\n",
        "wijzigingen:\n  - soort: nieuw\n    element: ise-antidiscriminatie\n    reden: Eigen ISE.\n",
        1,
    );
    std::fs::write(&yaml, text).unwrap();
    let report = stdout(&run(tmp.path(), &["diff", "project/2025/bo", "project/2026/bo"]));
    assert!(report.contains("  nieuw        ise-antidiscriminatie"), "{report}");
    assert!(!report.contains("gesplitst"), "{report}");
}

/// `bbt check` from inside a project's document folder names the project
/// folder above instead of proposing a new project there.
#[test]
fn check_from_inside_a_project_points_at_the_project_folder() {
    let (_tmp, project) = sample_copy();
    let out = run_nl(&project.join("2026/bo"), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("(../.. is de projectmap)"), "{err}");
    assert!(err.contains("`bbt check ../..`") && !err.contains("bbt init"), "{err}");
}

/// A project folder named like a command (`check`): `bbt check` runs the
/// command, finds no project, and says how to name the folder instead.
#[test]
fn a_project_named_like_a_command_is_pointed_out() {
    let (tmp, project) = sample_copy();
    std::fs::rename(&project, tmp.path().join("check")).unwrap();
    let out = run(tmp.path(), &["check"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("`bbt check ./check`"), "{}", stderr(&out));
}

#[test]
fn a_letter_o_for_a_zero_in_a_code_is_said_as_such() {
    let (tmp, project) = sample_copy();
    let wb = "2026/bo/begroting.xlsx";
    apply(
        &project,
        &[
            // The revenue article's kind typed as the letter O.
            Edit::Cell {
                file: wb,
                sheet: "Ontvangsten",
                key: "SB0-0SGE2BA-WT",
                column: "Artikel",
                value: s("SB0-OSGE2BA-WT"),
            },
            // An entity typed with the letter O, in the row and in the code.
            Edit::Cell { file: wb, sheet: "Uitgaven", key: "SB0-1SFE2AA-WT", column: "Entiteit", value: s("SBO") },
            Edit::Cell { file: wb, sheet: "Uitgaven", key: "SI0-ASGE2AB-WT", column: "Entiteit", value: s("SIO") },
            Edit::Cell {
                file: wb,
                sheet: "Uitgaven",
                key: "SB0-1SFE2AB-WT",
                column: "Artikel",
                value: s("SB0-ISFE2AB-WT"),
            },
            Edit::Cell {
                file: wb,
                sheet: "Uitgaven",
                key: "SB0-1SFE2CB-WT",
                column: "Artikel",
                value: s("SB0-lSFE2CB-WT"),
            },
        ],
    );
    let out = run_nl(tmp.path(), &["check", "project"]);
    let err = stderr(&out);
    for expected in [
        "fout[W007]: Artikel SB0-OSGE2BA-WT: het 5de teken is een letter (O of I)",
        "= hulp: In SB0-OSGE2BA-WT staat een letter (O, I of l) waar een cijfer (0 of 1) hoort: schrijf SB0-0SGE2BA-WT.",
        "fout[B005]: Artikel SB0-1SFE2AA-WT: de code hoort bij entiteit SB0, maar in de rij staat SBO.",
        "= hulp: In SBO staat een letter (O, I of l) waar een cijfer (0 of 1) hoort: schrijf SB0.",
        // The entity SI0 has a letter I of its own: the hint never asks for SIO.
        "de code hoort bij entiteit SI0, maar in de rij staat SIO.",
        "= hulp: In SIO staat een letter (O, I of l) waar een cijfer (0 of 1) hoort: schrijf SI0.",
        // A letter I for the 1, a small l for the 1.
        "fout[W007]: Artikel SB0-ISFE2AB-WT: het 5de teken is een letter (O of I)",
        "= hulp: In SB0-lSFE2CB-WT staat een letter (O, I of l) waar een cijfer (0 of 1) hoort: schrijf SB0-1SFE2CB-WT.",
    ] {
        assert!(err.contains(expected), "no {expected} in {err}");
    }
    assert!(!err.contains("is een uitgavenartikel"), "not read as expenditure: {err}");
    // The cell to correct is the Entiteit cell the user typed, not the code.
    let out = run(tmp.path(), &["check", "project", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cell = cell_of(&project.join(wb), "Uitgaven", "SB0-1SFE2AA-WT", "Entiteit");
    assert!(
        json.as_array().unwrap().iter().any(|d| d["code"] == "B005" && d["cell"] == cell.as_str()),
        "B005 at {cell}: {json:#}"
    );
}

#[test]
fn diff_says_a_missing_folder_is_wrong_use_and_a_shared_problem_once() {
    let (tmp, project) = sample_copy();
    let out = run_nl(tmp.path(), &["diff", "project/2025/bo", "projct/2026/bo"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("De map projct/2026/bo bestaat niet."), "{}", stderr(&out));
    // Both documents share the beleidsnota: its error is said once.
    let nota = project.join("beleidsnota.yaml");
    let text = std::fs::read_to_string(&nota).unwrap();
    std::fs::write(&nota, format!("{text}stuk: [\n")).unwrap();
    let out = run_nl(tmp.path(), &["diff", "project/2025/bo", "project/2026/bo"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stderr(&out).matches("fout[L001]").count(), 1, "{}", stderr(&out));
}
