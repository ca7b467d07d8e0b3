//! The studio in a real browser: Debian's Chromium driven through
//! ChromeDriver (WebDriver), as a writer uses it. `.ci/run` installs both;
//! without them these tests fail, never skip.
//!
//! Screenshots of the studio at two window sizes are written to the test's
//! temporary target folder (`CARGO_TARGET_TMPDIR`), never to the repository.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

use super::studio::Studio;
use crate::support::*;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const WAIT: Duration = Duration::from_secs(60);

/// ChromeDriver on a free port of its own, stopped with the test.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start() -> Driver {
        assert!(std::path::Path::new(CHROMIUM).is_file(), "{CHROMIUM} is missing: apt-get install chromium");
        assert!(
            std::path::Path::new(CHROMEDRIVER).is_file(),
            "{CHROMEDRIVER} is missing: apt-get install chromium-driver"
        );
        let port = std::net::TcpListener::bind(("127.0.0.1", 0)).unwrap().local_addr().unwrap().port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let deadline = Instant::now() + WAIT;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver does not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver { child, port }
    }
}

/// A headless Chromium window of `width` × `height`, with a profile of its own.
async fn browser(driver: &Driver, profile: &std::path::Path, width: u32, height: u32) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", format!("--user-data-dir={}", profile.display()),
                format!("--window-size={width},{height}"), "--lang=nl-BE",
            ],
        }),
    );
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a Chromium session")
}

/// Runs `script` until it returns something other than null or false.
async fn until(c: &Client, what: &str, script: &str) -> Value {
    let deadline = Instant::now() + WAIT;
    loop {
        let v = c.execute(script, vec![]).await.expect("script runs");
        if !v.is_null() && v != Value::Bool(false) {
            return v;
        }
        if Instant::now() > deadline {
            let state = c.execute("return document.body.innerText.slice(0, 3000)", vec![]).await.unwrap_or_default();
            panic!("waited in vain for {what}; the page shows:\n{}", state.as_str().unwrap_or_default());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The text of the preview's text layers, read as words.
const PREVIEW_TEXT: &str = "return Array.from(document.querySelectorAll('.tekstlaag span'))\
    .map(s => s.textContent).join(' ').split(/\\s+/).join(' ')";

/// Selects the first `needle` in the editor, so that typing replaces it.
async fn select_in_editor(c: &Client, needle: &str) {
    let found = c
        .execute(
            "const e = document.getElementById('editor'); const i = e.value.indexOf(arguments[0]);\
             if (i < 0) return false; e.focus(); e.setSelectionRange(i, i + arguments[0].length); return true;",
            vec![json!(needle)],
        )
        .await
        .unwrap();
    assert_eq!(found, json!(true), "{needle} is not in the editor");
}

fn shots_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("studio-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_writer_writes_fixes_and_drops_a_workbook_in_the_browser() {
    let studio = Studio::start_nl();
    let driver = Driver::start();
    let profile = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let c = browser(&driver, profile.path(), 1400, 900).await;
        c.goto(&format!("http://127.0.0.1:{}/?token={}", studio.port, studio.token)).await.unwrap();
        // The token leaves the address bar; the page is in Dutch.
        until(&c, "the tree", "return document.querySelector('.knoop[data-id=\"od-netwerk\"]') !== null").await;
        assert!(!c.current_url().await.unwrap().as_str().contains("token"), "the token stays out of the address");
        assert_eq!(c.execute("return document.documentElement.lang", vec![]).await.unwrap(), json!("nl"));
        let kop = c.find(Locator::Css("#structuur-kop")).await.unwrap().text().await.unwrap();
        assert_eq!(kop, "Structuur");
        until(&c, "a page", "return document.querySelectorAll('.pagina img').length > 5").await;

        // Choose an OD, write a sentence with a live figure: saved, and in the preview.
        c.find(Locator::Css(".knoop[data-id=\"od-netwerk\"]")).await.unwrap().click().await.unwrap();
        let editor = c.wait().at_most(WAIT).for_element(Locator::Css("#editor:not([hidden])")).await.unwrap();
        c.execute(
            "const e = document.getElementById('editor'); e.focus(); e.setSelectionRange(e.value.length, e.value.length);",
            vec![],
        )
        .await
        .unwrap();
        // Through the completion: the ISE among the suggestions, then its field with the figure it prints.
        let enter = char::from(fantoccini::key::Key::Enter).to_string();
        editor.send_keys("\nZo telt de uil {{ ise(\"SG").await.unwrap();
        let eerste = "const li = document.querySelector('#aanvulling:not([hidden]) li[aria-selected=\"true\"]');\
                      return li ? li.textContent : false";
        let keuze = until(&c, "the ISEs suggested", eerste).await;
        assert!(keuze.as_str().unwrap().starts_with("SG-A"), "{keuze}");
        editor.send_keys(&enter).await.unwrap();
        editor.send_keys(".geconsolideerd.bo.v").await.unwrap();
        let veld = until(
            &c,
            "the fields suggested",
            &format!("const t = (() => {{ {eerste} }})(); return t && t.startsWith('vak') ? t : false"),
        )
        .await;
        assert!(veld.as_str().unwrap().strip_prefix("vak").unwrap().chars().any(|c| c.is_ascii_digit()), "{veld}");
        editor.send_keys(&enter).await.unwrap();
        editor.send_keys(" }} duizend euro.").await.unwrap();
        let text = until(
            &c,
            "the sentence in the preview",
            &format!("const t = (() => {{ {PREVIEW_TEXT} }})(); return /Zo telt de uil [0-9.]+ duizend euro/.test(t) ? t : false"),
        )
        .await;
        assert!(!text.as_str().unwrap().contains("{{"), "the figure is filled in");
        until(&c, "the text saved", "return document.getElementById('bewaarstand').textContent === 'Bewaard'").await;
        let on_disk = std::fs::read_to_string(studio.text_file("od-netwerk")).unwrap();
        assert!(on_disk.contains("Zo telt de uil {{ ise(\"SG-A\").geconsolideerd.bo.vak }} duizend euro."), "{on_disk}");
        std::fs::write(shots_dir().join("studio-1400x900.png"), c.screenshot().await.unwrap()).unwrap();

        // An unknown ISE: the diagnostic in Dutch, at the element; clicking it puts the cursor on its line.
        select_in_editor(&c, "SG-A").await;
        editor.send_keys("SG-Q").await.unwrap();
        until(&c, "the diagnostic", "return document.querySelector('#meldingen button[data-element=\"od-netwerk\"]') !== null").await;
        let melding = c.find(Locator::Css("#meldingen button[data-element=\"od-netwerk\"]")).await.unwrap();
        let m = melding.text().await.unwrap();
        assert!(m.starts_with("Fout") && m.contains("SG-Q"), "{m}");
        until(&c, "the preview marked earlier", "return document.getElementById('status').textContent.includes('eerdere versie')").await;
        let teller = c.find(Locator::Css(".knoop[data-id=\"od-netwerk\"] .teller.fout")).await.unwrap();
        assert_eq!(teller.text().await.unwrap(), "1");
        // Elsewhere first, then back through the diagnostic.
        c.execute("document.getElementById('editor').setSelectionRange(0, 0)", vec![]).await.unwrap();
        melding.click().await.unwrap();
        let caret_line = c
            .execute(
                "const e = document.getElementById('editor'); return e.value.slice(0, e.selectionStart).split('\\n').length",
                vec![],
            )
            .await
            .unwrap();
        let expected = on_disk.lines().position(|l| l.contains("Zo telt de uil")).unwrap() + 1;
        assert_eq!(caret_line, json!(expected), "the cursor is on the diagnostic's line");

        // Fixed: no diagnostic, the preview current again.
        select_in_editor(&c, "SG-Q").await;
        editor.send_keys("SG-A").await.unwrap();
        until(&c, "the diagnostic gone", "return document.querySelector('#meldingen button') === null").await;
        until(&c, "the preview current", "return document.getElementById('status').textContent === 'Voorvertoning actueel'").await;

        // Click a table in the preview (the appendix's text table): its element opens.
        let ankers = studio.state_where("anchors", |t| !t["ankers"].as_array().unwrap().is_empty())["ankers"].clone();
        let ankers = ankers.as_array().unwrap();
        let anker = ankers.iter().find(|a| a["element"] == "lokale-besturen").expect("the appendix has an anchor");
        // 80 points under the appendix's heading: its table.
        click_in_preview(&c, anker, 80.0).await;
        until(&c, "the appendix chosen", "return document.querySelector('.knoop[data-id=\"lokale-besturen\"][aria-current=\"true\"]') !== null").await;
        until(&c, "its text open", "return document.getElementById('bestand').textContent.endsWith('lokale-besturen.md')").await;
        // ... with the cursor on the source line of the row clicked.
        let regel = until(
            &c,
            "the cursor on the table's row",
            "const e = document.getElementById('editor'); const v = e.value, i = e.selectionStart;\
             const regel = v.slice(v.lastIndexOf('\\n', i - 1) + 1).split('\\n')[0];\
             return document.activeElement === e && regel.startsWith('|') ? regel : false",
        )
        .await;
        assert!(!regel.as_str().unwrap().contains("---"), "a row of the table: {regel}");

        // An ISE's budget tables follow the texts of its objectives: a click
        // there chooses the ISE, not the last objective above.
        let is_cijfers = |a: &&Value| a["soort"] == "cijfers" && a["element"].as_str().unwrap().starts_with("ise-");
        let laatste = ankers.iter().rev().find(is_cijfers).expect("where an ISE's figures begin");
        // Its first: the budget kader (the others stand before each entity's heading).
        let cijfers = ankers.iter().filter(is_cijfers).find(|a| a["element"] == laatste["element"]).unwrap();
        click_in_preview(&c, cijfers, 60.0).await;
        let ise = cijfers["element"].as_str().unwrap();
        until(&c, "the ISE chosen", &format!("return document.querySelector('.knoop[data-id=\"{ise}\"][aria-current=\"true\"]') !== null")).await;

        // An article's tables: the article's row of the workbook, its code cell marked.
        let artikel = ankers.iter().find(|a| a["artikel"].is_string()).expect("an article's anchor");
        click_in_preview(&c, artikel, 40.0).await;
        let code = until(&c, "the article's row", "const d = document.querySelector('#artikelrij .rooster td.gekozen'); return d && d.textContent").await;
        assert_eq!(code, artikel["artikel"], "the code cell of the article clicked");
        until(&c, "the workbook chosen", "return document.querySelector('.knoop[data-id=\"werkboek\"][aria-current=\"true\"]') !== null").await;

        // Drop a workbook with an error: its cell in a grid, placed only on confirmation.
        let wb = studio.project.join("2026/bo/begroting.xlsx");
        let bad = profile.path().join("begroting-nieuw.xlsx");
        let (row, _) = find_cell(&wb, "Uitgaven", "SB0-1SFE2AA-WT");
        let (_, vak_col) = find_cell(&wb, "Uitgaven", "VAK BA 2025");
        rewrite_workbook(&wb, &bad, &[("Uitgaven", row, vak_col, s("twaalf"))]);
        let before = std::fs::read(&wb).unwrap();
        let input = c.find(Locator::Css("#werkboek-bestand")).await.unwrap();
        input.send_keys(bad.to_str().unwrap()).await.unwrap();
        let cel = until(&c, "the cell in a grid", "const d = document.querySelector('.controle .rooster td.doel'); return d && d.textContent").await;
        assert_eq!(cel, json!("twaalf"));
        // The grid is compact: the row numbers a narrow column, the cell in view.
        let zichtbaar = c
            .execute(
                "const d = document.querySelector('.controle .rooster td.doel');\
                 const nr = d.parentElement.querySelector('th').getBoundingClientRect();\
                 const r = d.getBoundingClientRect(), pane = document.querySelector('.tekst').getBoundingClientRect();\
                 return nr.width < 60 && r.left >= pane.left && r.right <= pane.right;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(zichtbaar, json!(true), "the marked cell in view, next to its row number");
        assert_eq!(std::fs::read(&wb).unwrap(), before, "nothing placed before confirmation");
        // A workbook with errors: placing it asks first; declined, nothing changes.
        let plaats = c.find(Locator::Css("#werkboek-plaatsen")).await.unwrap();
        assert!(plaats.text().await.unwrap().starts_with("Toch plaatsen"), "{}", plaats.text().await.unwrap());
        plaats.click().await.unwrap();
        c.dismiss_alert().await.unwrap();
        assert_eq!(std::fs::read(&wb).unwrap(), before, "declined: nothing placed");
        plaats.click().await.unwrap();
        c.accept_alert().await.unwrap();
        until(&c, "placed", "return document.getElementById('werkboek-geplaatst') !== null").await;
        assert_ne!(std::fs::read(&wb).unwrap(), before, "the new workbook is the document's");
        let backups: Vec<_> = std::fs::read_dir(studio.project.join(".bbt/backup")).unwrap().flatten().collect();
        assert_eq!(backups.len(), 1);
        assert_eq!(std::fs::read(backups[0].path()).unwrap(), before, "the previous workbook is kept");
        until(&c, "the workbook's diagnostic", "return document.querySelector('#meldingen button[data-element=\"werkboek\"]') !== null").await;
        until(&c, "its grid in the diagnostics", "const d = document.querySelector('#meldingen .rooster td.doel'); return d && d.textContent === 'twaalf'").await;

        // A narrow window: everything still reachable.
        c.set_window_size(1024, 768).await.unwrap();
        tokio::time::sleep(Duration::from_millis(500)).await;
        std::fs::write(shots_dir().join("studio-1024x768.png"), c.screenshot().await.unwrap()).unwrap();
        c.close().await.unwrap();
    });
    // `bbt check` sees what the studio wrote.
    let check = run(&studio.project, &["check", "."]);
    assert_eq!(check.status.code(), Some(1), "the workbook placed has its error: {}", stderr(&check));
    assert!(stderr(&check).contains("W004"), "{}", stderr(&check));
}

/// Clicks a page of the preview `dy` points under an anchor of the state,
/// in the middle of the page's width.
async fn click_in_preview(c: &Client, anker: &Value, dy: f64) {
    let pagina = anker["pagina"].as_u64().unwrap();
    let page = c.find(Locator::Css(&format!(".pagina[data-index=\"{pagina}\"]"))).await.unwrap();
    c.execute("arguments[0].scrollIntoView()", vec![serde_json::to_value(&page).unwrap()]).await.unwrap();
    let (_, _, w, h) = page.rectangle().await.unwrap();
    let (bw, bh) =
        (page.attr("data-breedte").await.unwrap().unwrap(), page.attr("data-hoogte").await.unwrap().unwrap());
    let (bw, bh): (f64, f64) = (bw.parse().unwrap(), bh.parse().unwrap());
    let y = (anker["y"].as_f64().unwrap() + dy) / bh * h - h / 2.0;
    let x = (bw / 2.0) / bw * w - w / 2.0;
    let klik = MouseActions::new("muis".into())
        .then(PointerAction::MoveToElement { element: page, duration: None, x, y })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    c.perform_actions(klik).await.unwrap();
}
