//! The language of bbt's messages: Dutch by default whatever `LANG` says,
//! English with `--lang en` or `BBT_LANG=en`; codes and JSON field names the
//! same in both; the PDF Dutch either way.

use crate::support::*;

/// A sample whose 2026 BO has one error (a stuk letter that is none) and
/// one warning (a text that belongs to no objective).
fn broken_sample() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, project) = sample_copy();
    let bbt_yaml = project.join("2026/bo/bbt.yaml");
    let text = std::fs::read_to_string(&bbt_yaml).unwrap();
    let letter = text.lines().find(|l| l.trim_start().starts_with("letter:")).expect("a stuk letter").to_string();
    let key = letter.split(':').next().unwrap();
    std::fs::write(&bbt_yaml, text.replace(&letter, &format!("{key}: x"))).unwrap();
    std::fs::write(project.join("2026/bo/tekst/od-bestaat-niet.md"), "Tekst.\n").unwrap();
    (tmp, project)
}

#[test]
fn messages_are_dutch_unless_english_is_asked_for() {
    let (tmp, _) = broken_sample();
    let check = ["check", "project"];
    let dutch = stderr(&run_nl(tmp.path(), &check));
    assert!(dutch.contains("fout[L002]: 'x' is geen stukletter."), "{dutch}");
    assert!(dutch.contains("waarschuwing[S012]"), "{dutch}");
    assert!(dutch.contains("  = hulp: "), "{dutch}");
    assert!(dutch.contains("\nBBT 2026 (BO) in project: 1 fout, 1 waarschuwing, 0 opmerkingen\n"), "{dutch}");
    assert!(
        dutch.ends_with("Het ingediende document is niet volledig: 1 punt moet nog opgelost worden (L002).\n"),
        "{dutch}"
    );

    let english = "error[L002]: 'x' is not a stuk letter";
    let summary = "BBT 2026 (BO) in project: 1 error, 1 warning, 0 notes\n";
    for args in [&["check", "project", "--lang", "en"][..], &["--lang=en", "check", "project"]] {
        let out = stderr(&run_nl(tmp.path(), args));
        assert!(out.contains(english) && out.contains(summary), "{args:?}: {out}");
    }
    let env = bbt().env("BBT_LANG", "en").current_dir(tmp.path()).args(check).output().unwrap();
    assert!(stderr(&env).contains(english), "{}", stderr(&env));
    // --lang wins over BBT_LANG.
    let both = bbt().env("BBT_LANG", "en").current_dir(tmp.path()).args(["check", "project", "--lang", "nl"]).output();
    let out = stderr(&both.unwrap());
    assert!(out.contains("is geen stukletter"), "{out}");
    // The exit code does not depend on the language.
    assert_eq!(run_nl(tmp.path(), &check).status.code(), Some(1));
    assert_eq!(run(tmp.path(), &check).status.code(), Some(1));
}

#[test]
fn json_keeps_its_fields_and_codes_and_carries_the_message_in_the_language() {
    let (tmp, _) = broken_sample();
    let json = |lang: &str| -> serde_json::Value {
        let out = run_nl(tmp.path(), &["check", "project", "--format", "json", "--lang", lang]);
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let (nl, en) = (json("nl"), json("en"));
    let (nl, en) = (nl.as_array().unwrap(), en.as_array().unwrap());
    assert_eq!(nl.len(), en.len());
    for (a, b) in nl.iter().zip(en) {
        let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(a), keys(b));
        for same in ["code", "severity", "file", "line", "column", "sheet", "cell"] {
            assert_eq!(a.get(same), b.get(same), "{same}");
        }
    }
    assert_eq!(nl[0]["message"], "'x' is geen stukletter.");
    assert_eq!(en[0]["message"], "'x' is not a stuk letter");
    assert_eq!(nl[0]["severity"], "error");
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = run_nl(&sample(), &["check", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // An unknown BBT_LANG is ignored: Dutch.
    let out = bbt().env("BBT_LANG", "fr").current_dir(sample()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("0 fouten, 0 waarschuwingen"), "{}", stderr(&out));
}

#[test]
fn the_pdf_is_dutch_whatever_the_language_of_the_messages() {
    let tmp = tempfile::tempdir().unwrap();
    let out = bbt()
        .env("BBT_LANG", "en")
        .args(["render", &sample().display().to_string(), "-o", &tmp.path().display().to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote "), "{}", stderr(&out));
    let text = pdftotext_layout(&tmp.path().join("samenleven-2026-bo.pdf"));
    assert!(text.contains("Beleids- en begrotingstoelichting"), "{text}");
}
