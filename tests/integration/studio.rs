//! `bbt studio` over HTTP: the server as the page uses it (texts read and
//! saved, the preview's pages and their text, the diagnostics, the PDF), and
//! as a hostile page or process would try it (no token, a foreign Host or
//! Origin, `../` in paths, a text changed on disk meanwhile).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::*;

/// A running studio on a copy of the sample.
pub(super) struct Studio {
    child: Child,
    _lines: Receiver<String>,
    pub(super) port: u16,
    pub(super) token: String,
    agent: ureq::Agent,
    pub(super) project: PathBuf,
    out: PathBuf,
    _tmp: tempfile::TempDir,
}

impl Drop for Studio {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Studio {
    /// A studio whose messages are in English, as the suite reads them.
    pub(super) fn start() -> Studio {
        Studio::launch(bbt())
    }

    /// A studio as a Flemish civil servant starts it: in Dutch.
    pub(super) fn start_nl() -> Studio {
        let mut cmd = bbt();
        cmd.env_remove("BBT_LANG").env("LANG", "en_US.UTF-8");
        Studio::launch(cmd)
    }

    fn launch(mut cmd: std::process::Command) -> Studio {
        let (tmp, project) = sample_copy();
        let out = tmp.path().join("out");
        let mut child = cmd
            .current_dir(tmp.path())
            .args(["studio", "project", "--no-open", "-o", "out"])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("bbt studio starts");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        let mut seen = Vec::new();
        let address = loop {
            let left = deadline.checked_duration_since(Instant::now()).unwrap_or_default();
            match lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(at) = line.find("http://127.0.0.1:") {
                        break line[at..].trim().to_string();
                    }
                    seen.push(line);
                }
                Err(_) => panic!("bbt studio printed no address:\n{}", seen.join("\n")),
            }
        };
        let rest = address.strip_prefix("http://127.0.0.1:").unwrap();
        let (port, query) = rest.split_once('/').unwrap();
        let token = query.strip_prefix("?token=").expect("the address carries the token").to_string();
        assert_eq!(token.len(), 32, "a token of 128 bits: {token}");
        let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().into();
        Studio { child, _lines: lines, port: port.parse().unwrap(), token, agent, project, out, _tmp: tmp }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub(super) fn get(&self, path: &str) -> (u16, Value) {
        let mut r = self.agent.get(self.url(path)).header("X-Bbt-Token", &self.token).call().expect("GET");
        (r.status().as_u16(), r.body_mut().read_json().unwrap_or(Value::Null))
    }

    fn get_bytes(&self, path: &str) -> (u16, Vec<u8>) {
        let mut r = self.agent.get(self.url(path)).header("X-Bbt-Token", &self.token).call().expect("GET");
        (r.status().as_u16(), r.body_mut().with_config().limit(100_000_000).read_to_vec().unwrap_or_default())
    }

    /// A change, as the studio's own page sends it.
    fn put(&self, path: &str, body: &Value) -> (u16, Value) {
        let mut r = self
            .agent
            .put(self.url(path))
            .header("X-Bbt-Token", &self.token)
            .header("Origin", &self.url(""))
            .header("Sec-Fetch-Site", "same-origin")
            .send_json(body)
            .expect("PUT");
        (r.status().as_u16(), r.body_mut().read_json().unwrap_or(Value::Null))
    }

    fn post(&self, path: &str) -> (u16, Value) {
        let mut r = self
            .agent
            .post(self.url(path))
            .header("X-Bbt-Token", &self.token)
            .header("Origin", &self.url(""))
            .header("Sec-Fetch-Site", "same-origin")
            .send_empty()
            .expect("POST");
        (r.status().as_u16(), r.body_mut().read_json().unwrap_or(Value::Null))
    }

    /// Sends `request` as written (no client normalises its path or
    /// headers) and returns the status and the whole answer.
    fn raw(&self, request: &str) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s.write_all(request.replace('\n', "\r\n").as_bytes()).unwrap();
        let mut answer = Vec::new();
        let _ = s.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer).into_owned();
        let status = answer.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        (status, answer)
    }

    /// Waits for a state that `ready` accepts.
    pub(super) fn state_where(&self, what: &str, ready: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + Duration::from_secs(90);
        let mut last = Value::Null;
        while Instant::now() < deadline {
            let (status, state) = self.get("/api/toestand");
            assert_eq!(status, 200);
            if ready(&state) {
                return state;
            }
            last = state;
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("no state where {what}; the last:\n{}", serde_json::to_string_pretty(&last).unwrap());
    }

    /// The text of every page of the preview, from its text layer.
    fn preview_text(&self, state: &Value) -> String {
        let mut out = String::new();
        for p in state["paginas"].as_array().unwrap() {
            let (status, runs) = self.get(&format!("/api/pagina/{}/tekst", p["hash"].as_str().unwrap()));
            assert_eq!(status, 200);
            for r in runs.as_array().unwrap() {
                out.push_str(r["tekst"].as_str().unwrap());
                out.push(' ');
            }
        }
        // Runs end where Typst's shaping does (a space, a change of font):
        // read as words.
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub(super) fn text_file(&self, id: &str) -> PathBuf {
        self.project.join("2026/bo/tekst").join(format!("{id}.md"))
    }
}

fn versie(state: &Value) -> u64 {
    state["versie"].as_u64().unwrap()
}

#[test]
fn a_text_written_in_the_studio_is_saved_previewed_and_checked() {
    let s = Studio::start();
    let first = s.state_where("the first preview is there", |t| !t["paginas"].as_array().unwrap().is_empty());
    assert_eq!(first["document"], "BBT 2026 (BO)");
    let pages = first["paginas"].as_array().unwrap().len();
    assert_eq!(first["geexporteerd"].as_u64().unwrap() as usize, pages, "the first state's pages are all new");
    // A page is an SVG (Typst's own export), made when asked for.
    let (status, svg) = s.get_bytes(&format!("/api/pagina/{}/svg", first["paginas"][0]["hash"].as_str().unwrap()));
    assert_eq!(status, 200);
    assert!(String::from_utf8_lossy(&svg).starts_with("<svg"), "an SVG");
    // Every element of the document is in the tree and has a place in the preview.
    let ankers: Vec<&str> =
        first["ankers"].as_array().unwrap().iter().map(|a| a["element"].as_str().unwrap()).collect();
    for id in
        ["inleiding", "bv-integratie-inburgering", "ise-inburgering", "sd-inburgering", "od-netwerk", "lokale-besturen"]
    {
        assert!(ankers.contains(&id), "{id} has no anchor: {ankers:?}");
    }
    // An ISE's budget tables and each article's block have a place too: a
    // click there leads to the ISE, or to the article's row of the workbook.
    assert!(
        first["ankers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["element"] == "ise-inburgering" && a["soort"] == "cijfers"),
        "where the ISE's figures begin"
    );
    let artikelen: Vec<&Value> =
        first["ankers"].as_array().unwrap().iter().filter(|a| a["artikel"].is_string()).collect();
    assert!(!artikelen.is_empty() && artikelen.iter().all(|a| a["element"] == "werkboek"), "{artikelen:?}");
    for a in &artikelen {
        let code = a["artikel"].as_str().unwrap();
        let (status, rij) = s.get(&format!("/api/werkboek/artikel/{code}"));
        assert_eq!(status, 200, "{rij}");
        let r = &rij["rooster"];
        let nummer = r["rij"].as_u64().unwrap() + 1;
        let row = r["rijen"].as_array().unwrap().iter().find(|x| x[0] == nummer).unwrap();
        let kolom = (r["kolom"].as_u64().unwrap() - r["eerste"].as_u64().unwrap()) as usize;
        assert_eq!(row[1][kolom], code, "the code cell of its row: {rij}");
        assert_eq!(rij["cel"].as_str().unwrap(), format!("{}{nummer}", r["kolommen"][kolom].as_str().unwrap()));
    }
    let (status, body) = s.get("/api/werkboek/artikel/XX0-1XXX2XX-WT");
    assert_eq!(status, 404);
    assert!(body["melding"].as_str().unwrap().contains("is not (or no longer) in the document"), "{body}");

    // Read, change, save: the file holds exactly what was written.
    let (status, tekst) = s.get("/api/tekst/od-netwerk");
    assert_eq!(status, 200);
    assert_eq!(tekst["markdown"].as_str().unwrap(), std::fs::read_to_string(s.text_file("od-netwerk")).unwrap());
    let zin = "Zo telt de uil {{ ise(\"SG-A\").geconsolideerd.bo.vak }} duizend euro.";
    let nieuw = format!("{}\n{zin}\n", tekst["markdown"].as_str().unwrap());
    let (status, saved) = s.put("/api/tekst/od-netwerk", &json!({ "markdown": nieuw, "basis": tekst["versie"] }));
    assert_eq!(status, 200, "{saved}");
    assert_eq!(std::fs::read_to_string(s.text_file("od-netwerk")).unwrap(), nieuw);

    // The preview shows the sentence with the figure from the workbook; only
    // the pages that changed were exported again.
    let state = s.state_where("the new sentence is previewed", |t| {
        versie(t) > versie(&first) && !t["paginas"].as_array().unwrap().is_empty() && t["verouderd"] == false
    });
    let text = s.preview_text(&state);
    assert!(text.contains("Zo telt de uil"), "the sentence is in the preview's text: {text}");
    assert!(!text.contains("{{"), "the live figure is filled in");

    // The editor's completion offers the ISE and its field, with the figure
    // the preview printed for it.
    let printed = text.split("Zo telt de uil ").nth(1).and_then(|r| r.split_whitespace().next()).unwrap();
    let (status, aanvulling) = s.get("/api/aanvulling");
    assert_eq!(status, 200);
    let functie = |naam: &str| {
        aanvulling["functies"].as_array().unwrap().iter().find(|f| f["naam"] == naam).unwrap()["keuzes"].clone()
    };
    let ises = functie("ise");
    let sg_a = ises.as_array().unwrap().iter().find(|k| k["id"] == "SG-A").expect("SG-A offered");
    let veld = sg_a["velden"].as_array().unwrap().iter().find(|v| v["pad"] == "geconsolideerd.bo.vak").unwrap();
    assert_eq!(veld["waarde"], printed, "{veld}");
    assert!(functie("verwijzing").as_array().unwrap().iter().any(|k| k["id"] == "od-netwerk"));
    assert!(!functie("artikel").as_array().unwrap().is_empty());
    assert!(aanvulling["filters"].as_array().unwrap().contains(&json!("miljoen")));
    let exported = state["geexporteerd"].as_u64().unwrap() as usize;
    assert!(exported >= 1 && exported < pages, "only changed pages are new (sent again): {exported} of {pages}");

    // An unknown ISE: a diagnostic at the text's line, for its element; the
    // preview keeps the last good pages, marked as earlier.
    let fout = nieuw.replace("ise(\"SG-A\")", "ise(\"SG-Q\")");
    let (_, tekst) = s.get("/api/tekst/od-netwerk");
    let (status, _) = s.put("/api/tekst/od-netwerk", &json!({ "markdown": fout, "basis": tekst["versie"] }));
    assert_eq!(status, 200);
    let state = s.state_where("the unknown ISE is reported", |t| {
        t["diagnosen"].as_array().unwrap().iter().any(|d| d["element"] == "od-netwerk" && d["severity"] == "error")
    });
    let d = state["diagnosen"].as_array().unwrap().iter().find(|d| d["element"] == "od-netwerk").unwrap();
    let line = fout.lines().position(|l| l.contains("SG-Q")).unwrap() + 1;
    assert_eq!(d["line"].as_u64().unwrap() as usize, line, "{d}");
    assert!(d["file"].as_str().unwrap().ends_with("od-netwerk.md"), "{d}");
    assert_eq!(state["verouderd"], true);
    assert_eq!(state["gereed"], false);
    let node = find_node(&state["structuur"], "od-netwerk").expect("od-netwerk in the tree");
    assert!(node["fouten"].as_u64().unwrap() >= 1);
    let parent = find_node(&state["structuur"], "bv-integratie-inburgering").unwrap();
    assert!(parent["fouten"].as_u64().unwrap() >= 1, "a beleidsveld counts the errors under it");

    // Fixed: the diagnostic is gone and the preview is current again.
    let (_, tekst) = s.get("/api/tekst/od-netwerk");
    let (status, _) = s.put("/api/tekst/od-netwerk", &json!({ "markdown": nieuw, "basis": tekst["versie"] }));
    assert_eq!(status, 200);
    s.state_where("the error is fixed", |t| t["diagnosen"].as_array().unwrap().is_empty() && t["verouderd"] == false);

    // What the studio wrote is what `bbt check` and `bbt render` read.
    let check = run(&s.project, &["check", "."]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

fn find_node<'a>(nodes: &'a Value, id: &str) -> Option<&'a Value> {
    nodes.as_array()?.iter().find_map(|n| if n["id"] == id { Some(n) } else { find_node(&n["kinderen"], id) })
}

#[test]
fn the_studio_never_overwrites_a_text_changed_on_disk() {
    let s = Studio::start();
    s.state_where("the first cycle ran", |t| versie(t) >= 1);
    let (_, tekst) = s.get("/api/tekst/inleiding");
    // The writer's own editor saves the file meanwhile.
    let elders = "Van elders bewaard.\n";
    std::fs::write(s.text_file("inleiding"), elders).unwrap();
    let (status, conflict) =
        s.put("/api/tekst/inleiding", &json!({ "markdown": "In de studio geschreven.\n", "basis": tekst["versie"] }));
    assert_eq!(status, 409);
    assert_eq!(conflict["schijf"]["markdown"], elders, "the page gets the version on disk to compare");
    assert_eq!(std::fs::read_to_string(s.text_file("inleiding")).unwrap(), elders, "nothing was overwritten");
    // Saved again over the version now seen: written.
    let basis = conflict["schijf"]["versie"].clone();
    let (status, _) = s.put("/api/tekst/inleiding", &json!({ "markdown": "Gekozen.\n", "basis": basis }));
    assert_eq!(status, 200);
    assert_eq!(std::fs::read_to_string(s.text_file("inleiding")).unwrap(), "Gekozen.\n");

    // A text that does not exist yet is created in tekst/ on its first save.
    let nieuw = s.project.join("2026/bo/tekst/ise-samenleven.md");
    assert!(!nieuw.exists());
    let (status, tekst) = s.get("/api/tekst/ise-samenleven");
    assert_eq!((status, tekst["bestaat"].as_bool()), (200, Some(false)));
    let (status, _) = s.put("/api/tekst/ise-samenleven", &json!({ "markdown": "Nieuw.\n", "basis": tekst["versie"] }));
    assert_eq!(status, 200);
    assert_eq!(std::fs::read_to_string(&nieuw).unwrap(), "Nieuw.\n");
}

#[test]
fn the_studio_answers_only_its_own_page_with_its_token() {
    let s = Studio::start();
    let p = s.port;
    let t = &s.token;
    let host = format!("Host: 127.0.0.1:{p}");
    // No token, a wrong one: refused, for the page and the API alike.
    for path in ["/", "/api/toestand", "/api/tekst/inleiding", "/studio.js", "/api/aanvulling"] {
        let (status, _) = s.raw(&format!("GET {path} HTTP/1.1\n{host}\nConnection: close\n\n"));
        assert_eq!(status, 403, "{path} without a token");
        let (status, _) =
            s.raw(&format!("GET {path} HTTP/1.1\n{host}\nX-Bbt-Token: {}\nConnection: close\n\n", "0".repeat(32)));
        assert_eq!(status, 403, "{path} with a wrong token");
    }
    // A page that rebinds its own name to 127.0.0.1 sends its own Host.
    let (status, _) =
        s.raw(&format!("GET /api/toestand?token={t} HTTP/1.1\nHost: evil.example:{p}\nConnection: close\n\n"));
    assert_eq!(status, 403, "a foreign Host");
    let (status, _) = s.raw(&format!("GET /api/toestand?token={t} HTTP/1.1\nConnection: close\n\n"));
    assert_eq!(status, 403, "no Host");
    // Another site's page: its Origin.
    let (status, _) = s.raw(&format!(
        "GET /api/toestand HTTP/1.1\n{host}\nX-Bbt-Token: {t}\nOrigin: http://evil.example\nConnection: close\n\n"
    ));
    assert_eq!(status, 403, "a foreign Origin");
    // A change needs the studio's own page as its origin.
    let body = r#"{"markdown":"x","basis":"y"}"#;
    for extra in ["", "Sec-Fetch-Site: cross-site\n", "Sec-Fetch-Site: same-site\n", "Origin: null\n"] {
        let (status, _) = s.raw(&format!(
            "PUT /api/tekst/inleiding HTTP/1.1\n{host}\nX-Bbt-Token: {t}\n{extra}Content-Type: application/json\nContent-Length: {}\nConnection: close\n\n{body}",
            body.len()
        ));
        assert_eq!(status, 403, "a change with {extra:?}");
    }
    // The token in the address: a cookie for this port, and the token out of the address.
    let (status, answer) = s.raw(&format!("GET /?token={t} HTTP/1.1\n{host}\nConnection: close\n\n"));
    assert_eq!(status, 303);
    let cookie = answer.lines().find(|l| l.to_ascii_lowercase().starts_with("set-cookie:")).expect("a cookie");
    assert!(
        cookie.contains(&format!("bbt-studio-{p}={t}"))
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(answer.to_ascii_lowercase().contains("location: /\r\n"), "{answer}");
    let (status, answer) =
        s.raw(&format!("GET / HTTP/1.1\nHost: localhost:{p}\nCookie: bbt-studio-{p}={t}\nConnection: close\n\n"));
    assert_eq!(status, 200);
    let csp = answer.lines().find(|l| l.to_ascii_lowercase().starts_with("content-security-policy:")).expect("a CSP");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe"),
        "{csp}"
    );
    assert!(answer.to_ascii_lowercase().contains("x-frame-options: deny"));

    // No path from the browser reaches a file: `../` in any form.
    let yaml = std::fs::read_to_string(s.project.join("beleidsnota.yaml")).unwrap();
    let first_line = yaml.lines().find(|l| !l.trim().is_empty() && !l.starts_with('#')).unwrap();
    for path in [
        "/api/tekst/../beleidsnota.yaml",
        "/api/tekst/..%2F..%2F..%2Fbeleidsnota",
        "/api/tekst/..%2Fbeleidsnota.yaml",
        "/api/tekst/%2e%2e%2f%2e%2e%2fbeleidsnota",
        "/api/tekst/..",
        "/api/tekst/..%5Cbeleidsnota",
        "/../beleidsnota.yaml",
        "/api/pagina/..%2F..%2Fbeleidsnota.yaml/svg",
        "/api/pagina/../../beleidsnota.yaml/tekst",
        "/studio.js/../../beleidsnota.yaml",
    ] {
        let (status, answer) = s.raw(&format!("GET {path} HTTP/1.1\n{host}\nX-Bbt-Token: {t}\nConnection: close\n\n"));
        assert!(matches!(status, 400 | 404), "{path}: {status}");
        assert!(!answer.contains(first_line), "{path} showed the beleidsnota");
    }
    let body = r#"{"markdown":"overschreven","basis":"x"}"#;
    for path in ["/api/tekst/..%2F..%2Fbeleidsnota", "/api/tekst/..%2Fbbt"] {
        let (status, _) = s.raw(&format!(
            "PUT {path} HTTP/1.1\n{host}\nX-Bbt-Token: {t}\nOrigin: http://127.0.0.1:{p}\nContent-Type: application/json\nContent-Length: {}\nConnection: close\n\n{body}",
            body.len()
        ));
        assert!(matches!(status, 400 | 404), "{path}: {status}");
    }
    assert_eq!(
        std::fs::read_to_string(s.project.join("beleidsnota.yaml")).unwrap(),
        yaml,
        "the beleidsnota is untouched"
    );
}

/// What the HTTP stack refuses by itself (a body over its limit, a body that
/// is not the JSON asked for, a method a route does not take) reaches the
/// page as its other answers do: `{"melding": ...}` in the user's language.
#[test]
fn the_studios_own_refusals_speak_dutch() {
    let s = Studio::start_nl();
    let p = s.port;
    let t = &s.token;
    let kop = format!("Host: 127.0.0.1:{p}\nX-Bbt-Token: {t}\nOrigin: http://127.0.0.1:{p}\nConnection: close");
    let melding = |answer: &str| -> String {
        let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
        serde_json::from_str::<Value>(body).unwrap_or(Value::Null)["melding"].as_str().unwrap_or("").to_string()
    };
    // Just over the body limit (2 MiB): the server reads it nearly all before
    // it answers, so the answer reaches the client before the connection closes.
    let groot = format!(r#"{{"markdown":"{}","basis":"x"}}"#, "a".repeat(2 * 1024 * 1024 + 16));
    let gevallen = [
        ("PUT /api/tekst/inleiding", "application/json", groot, 413, "te groot om te bewaren"),
        ("PUT /api/tekst/inleiding", "application/json", "{niet: json".to_string(), 400, "kon dit verzoek niet lezen"),
        (
            "PUT /api/tekst/inleiding",
            "text/plain",
            r#"{"markdown":"x","basis":"y"}"#.to_string(),
            415,
            "kon dit verzoek niet lezen",
        ),
        ("DELETE /api/tekst/inleiding", "text/plain", String::new(), 405, "kon dit verzoek niet lezen"),
    ];
    for (wat, soort, body, verwacht, zin) in gevallen {
        let (status, answer) =
            s.raw(&format!("{wat} HTTP/1.1\n{kop}\nContent-Type: {soort}\nContent-Length: {}\n\n{body}", body.len()));
        assert_eq!(status, verwacht, "{wat} ({soort})");
        assert!(melding(&answer).contains(zin), "{wat} ({soort}): {}", melding(&answer));
    }
    assert!(!std::fs::read_to_string(s.text_file("inleiding")).unwrap().contains("aaaa"), "nothing was saved");
}

#[test]
fn the_studio_makes_the_pdf_on_request() {
    let s = Studio::start();
    s.state_where("the preview is there", |t| !t["paginas"].as_array().unwrap().is_empty());
    assert!(!s.out.join("samenleven-2026-bo.pdf").exists(), "the preview writes no PDF");
    let (status, pdf) = s.post("/api/pdf");
    assert_eq!(status, 200, "{pdf}");
    assert_eq!(pdf["gelukt"], true, "{pdf}");
    assert_eq!(pdf["bestand"], "samenleven-2026-bo.pdf");
    let written = s.out.join("samenleven-2026-bo.pdf");
    assert!(written.is_file() && s.out.join("samenleven-2026-bo.csv").is_file(), "as `bbt render` writes it");
    let (status, body) = s.get_bytes("/api/pdf");
    assert_eq!(status, 200);
    assert!(body.starts_with(b"%PDF"));
    assert_eq!(body, std::fs::read(&written).unwrap());
    // The same as `bbt render` makes of the same inputs.
    let render = run(s.project.parent().unwrap(), &["render", "project", "-o", "out2"]);
    assert_eq!(render.status.code(), Some(0), "{}", stderr(&render));
    let a = pdftotext_layout(&written);
    let b = pdftotext_layout(&s.project.parent().unwrap().join("out2/samenleven-2026-bo.pdf"));
    assert_eq!(a, b, "the studio's PDF reads as render's");
    // Not by a page of another site, nor by a client that says nothing of where it comes from.
    for extra in ["", "Origin: http://evil.example\nSec-Fetch-Site: cross-site\n"] {
        let (status, _) = s.raw(&format!(
            "POST /api/pdf HTTP/1.1\nHost: 127.0.0.1:{}\nX-Bbt-Token: {}\n{extra}Content-Length: 0\nConnection: close\n\n",
            s.port, s.token
        ));
        assert_eq!(status, 403, "{extra:?}");
    }
}

#[test]
fn studio_refuses_a_folder_that_is_no_project() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["studio", "nergens", "--no-open"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nergens is not a project folder"), "{}", stderr(&out));
}

#[test]
fn studio_says_that_json_diagnostics_are_for_check() {
    let (tmp, _project) = sample_copy();
    let out = run(tmp.path(), &["studio", "project", "--no-open", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bbt check --format json"), "{}", stderr(&out));
}
