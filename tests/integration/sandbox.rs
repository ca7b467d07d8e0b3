//! The sandbox around a user's templates: Typst reads nothing outside the
//! template set (no file system, no packages, no network), and a template
//! that loops or recurses without end is stopped.

use crate::support::*;

/// Renders the sample with a copy of the bundled templates whose
/// `main.typ.j2` ends with `extra`, into a folder holding an earlier PDF;
/// returns (exit code, stderr, whether that PDF changed or a file was added).
fn render_with(extra: &str) -> (Option<i32>, String, bool) {
    let (tmp, _project) = sample_copy();
    let templates = tmp.path().join("sjablonen");
    copy_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates"), &templates);
    // A secret beside the template folder and inside the project.
    std::fs::write(tmp.path().join("geheim.txt"), "GEHEIME-INHOUD-42").unwrap();
    let main = templates.join("main.typ.j2");
    let mut text = std::fs::read_to_string(&main).unwrap();
    text.push_str(extra);
    std::fs::write(&main, text).unwrap();
    let earlier = tmp.path().join("out/samenleven-2025-bo.pdf");
    std::fs::create_dir_all(tmp.path().join("out")).unwrap();
    std::fs::write(&earlier, b"%PDF-1.7 the earlier render").unwrap();
    let out = run(tmp.path(), &["render", "project", "--year", "2025", "-o", "out", "--templates", "sjablonen"]);
    let files = std::fs::read_dir(tmp.path().join("out")).unwrap().count();
    let changed = std::fs::read(&earlier).unwrap() != b"%PDF-1.7 the earlier render" || files != 1;
    (out.status.code(), stderr(&out), changed)
}

#[test]
fn templates_cannot_read_outside_their_folder_import_packages_or_reach_the_network() {
    let cases: &[(&str, &str)] = &[
        ("\n#read(\"/etc/passwd\")\n", "file not found"),
        ("\n#read(\"../geheim.txt\")\n", "escape"),
        ("\n#read(\"../project/beleidsnota.yaml\")\n", "escape"),
        ("\n#image(\"/proc/self/environ\")\n", "file not found"),
        ("\n#import \"@preview/cetz:0.3.4\": canvas\n", "access denied"),
        ("\n#import \"@local/eigen:1.0.0\": *\n", "access denied"),
        ("\n#image(\"https://example.org/logo.png\")\n", "file not found"),
        ("\n#include \"/../../../../etc/hostname\"\n", "escape"),
    ];
    for (extra, expected) in cases {
        let (code, err, written) = render_with(extra);
        assert_eq!(code, Some(1), "{extra}: a user's template error is exit 1\n{err}");
        assert!(err.to_lowercase().contains(expected), "{extra}: expected '{expected}' in\n{err}");
        assert!(err.contains("sjablonen/main.typ.j2") || err.contains("main.typ (generated)"), "{extra}: where\n{err}");
        assert!(!written, "{extra}: the earlier PDF stays as it was, and nothing else is written");
        assert!(!err.contains("GEHEIME-INHOUD-42") && !err.contains("root:x:0"), "{extra}: nothing leaked");
    }
}

#[test]
fn a_template_that_loops_or_recurses_without_end_is_stopped() {
    let cases: &[(&str, &str)] = &[
        // minijinja's fuel.
        ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}", "fuel"),
        // minijinja's recursion limit.
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "recursion"),
        // Typst's own limits, in the Typst the template writes.
        ("\n#let f(n) = f(n + 1)\n#f(0)\n", "maximum function call depth"),
    ];
    for (extra, expected) in cases {
        let (code, err, written) = render_with(extra);
        assert_eq!(code, Some(1), "{extra}\n{err}");
        assert!(err.to_lowercase().contains(expected), "{extra}: expected '{expected}' in\n{err}");
        assert!(!written, "{extra}: the earlier PDF stays as it was, and nothing else is written");
    }
}
