//! The studio's web server (axum on tokio), for the user's own browser only.
//!
//! Security, in the order a request meets it ([`bewaking`]):
//! - it listens on 127.0.0.1 and ::1 only (the caller binds);
//! - the `Host` header must name the loopback address and port (a page of
//!   another site that rebinds its DNS name to 127.0.0.1 sends its own name);
//! - an `Origin` header, when sent, must be the studio's own; a request that
//!   changes something must come from the studio's own page;
//! - every request carries the token printed at the start: in the address
//!   (`?token=`, once; the answer sets a cookie named after the port and
//!   takes the token out of the address bar), the cookie, or an
//!   `X-Bbt-Token` header. Browsers send a cookie of 127.0.0.1 to every port
//!   of it: the name keeps studios apart, it is no barrier;
//! - every answer forbids framing, sniffing and referrers, and the page has
//!   a strict Content-Security-Policy (its own script and style only).
//!
//! No path from the browser is used as a file path: texts are asked for by
//! element id and found in the engine's list of text files; pages by hash.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::WatchStream;

use super::teksten::{self, Opgeslagen, TekstFout};
use super::werkboek;
use super::{Gedeeld, Opdracht};
use crate::tr;

/// The page, its script and style, built into the binary.
const INDEX_HTML: &str = include_str!("web/index.html");
const STUDIO_JS: &str = include_str!("web/studio.js");
const STUDIO_CSS: &str = include_str!("web/studio.css");

/// The page's policy: nothing but its own script, style, pages and API.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                       connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/// A page's SVG, when opened by itself: its own inline styles, nothing else.
const CSP_SVG: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The server's state: what the engine shares, the token and the port.
pub struct App {
    pub gedeeld: Arc<Gedeeld>,
    pub token: String,
    pub poort: u16,
    /// A dropped workbook waiting for confirmation.
    kandidaat: std::sync::Mutex<Option<werkboek::Kandidaat>>,
}

impl App {
    pub fn new(gedeeld: Arc<Gedeeld>, token: String, poort: u16) -> App {
        App { gedeeld, token, poort, kandidaat: std::sync::Mutex::new(None) }
    }

    fn cookie_naam(&self) -> String {
        format!("bbt-studio-{}", self.poort)
    }

    /// The loopback names the studio answers to, with its port.
    fn eigen_host(&self, host: &str) -> bool {
        let p = self.poort;
        [format!("127.0.0.1:{p}"), format!("[::1]:{p}"), format!("localhost:{p}")].iter().any(|h| h == host)
    }

    fn eigen_origin(&self, origin: &str) -> bool {
        origin.strip_prefix("http://").is_some_and(|h| self.eigen_host(h))
    }
}

/// A random token of 128 bits, as 32 hexadecimal digits.
pub fn nieuw_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compares in a time that does not depend on where the strings differ.
fn gelijk(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The routes, behind the guard.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/studio.js", get(|| async { statisch(STUDIO_JS, "text/javascript; charset=utf-8") }))
        .route("/studio.css", get(|| async { statisch(STUDIO_CSS, "text/css; charset=utf-8") }))
        .route(
            "/api/teksten",
            get(|| async {
                axum::Json(serde_json::json!({
                    "taal": crate::i18n::lang().code(),
                    "teksten": crate::i18n::messages_with_prefix("ui-"),
                }))
                .into_response()
            }),
        )
        .route("/api/toestand", get(toestand))
        .route("/api/aanvulling", get(aanvulling))
        .route("/api/gebeurtenissen", get(gebeurtenissen))
        .route("/api/pagina/{hash}/svg", get(pagina_svg))
        .route("/api/pagina/{hash}/tekst", get(pagina_tekst))
        .route("/api/tekst/{id}", get(tekst_lezen).put(tekst_bewaren))
        .route("/api/pdf", get(pdf_ophalen).post(pdf_maken))
        .route(
            "/api/werkboek",
            post(werkboek_controleren)
                .layer(axum::extract::DefaultBodyLimit::max(crate::load::workbook::MAX_BYTES as usize)),
        )
        .route("/api/werkboek/plaatsen", post(werkboek_plaatsen))
        .route("/api/werkboek/artikel/{code}", get(werkboek_artikel))
        .fallback(|| async { fout(StatusCode::NOT_FOUND, tr!("studio-not-found")) })
        .layer(middleware::from_fn_with_state(app.clone(), bewaking))
        .with_state(app)
}

/// The guard every request passes (see the module's documentation).
async fn bewaking(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !app.eigen_host(host) {
        return verboden(tr!("studio-forbidden-host"));
    }
    if let Some(origin) = headers.get(header::ORIGIN)
        && !origin.to_str().is_ok_and(|o| app.eigen_origin(o))
    {
        return verboden(tr!("studio-forbidden-origin"));
    }
    let verandert = !matches!(*req.method(), Method::GET | Method::HEAD);
    if verandert {
        // A change comes from the studio's own page: browsers say where a
        // request comes from (Sec-Fetch-Site) or send its Origin.
        let site = headers.get("sec-fetch-site").and_then(|h| h.to_str().ok());
        let eigen = match site {
            Some(s) => s == "same-origin",
            None => headers.contains_key(header::ORIGIN),
        };
        if !eigen {
            return verboden(tr!("studio-forbidden-origin"));
        }
    }
    let via_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .flatten()
        .any(|c| c.name() == app.cookie_naam() && gelijk(c.value(), &app.token));
    let via_header = headers.get("x-bbt-token").and_then(|h| h.to_str().ok()).is_some_and(|t| gelijk(t, &app.token));
    let via_adres = Query::<HashMap<String, String>>::try_from_uri(req.uri())
        .ok()
        .and_then(|q| q.0.get("token").cloned())
        .is_some_and(|t| gelijk(&t, &app.token));
    if !(via_cookie || via_header || via_adres) {
        return verboden(tr!("studio-forbidden-token"));
    }
    let pagina = req.uri().path() == "/" && req.method() == Method::GET;
    let werkboek = req.uri().path().starts_with("/api/werkboek");
    let mut response = if via_adres && pagina {
        // The token leaves the address bar (browsers may still keep the
        // address redirected from in their history); the cookie keeps it.
        let mut r = Response::new(Body::empty());
        *r.status_mut() = StatusCode::SEE_OTHER;
        r.headers_mut().insert(header::LOCATION, HeaderValue::from_static("/"));
        r
    } else {
        eigen_fout(next.run(req).await, werkboek)
    };
    let h = response.headers_mut();
    if via_adres {
        let c = cookie::Cookie::build((app.cookie_naam(), app.token.clone()))
            .path("/")
            .http_only(true)
            .same_site(cookie::SameSite::Strict)
            .build();
        if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
            h.append(header::SET_COOKIE, v);
        }
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// A refusal by the HTTP stack itself (a body over its limit, a body that is
/// not the JSON asked for, a method a route does not take) says so in
/// English plain text; the page shows an answer's `melding`: give it one, in
/// the user's language.
fn eigen_fout(response: Response, werkboek: bool) -> Response {
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !status.is_client_error() || json {
        return response;
    }
    let melding = match status {
        StatusCode::PAYLOAD_TOO_LARGE if werkboek => tr!("studio-workbook-too-large"),
        StatusCode::PAYLOAD_TOO_LARGE => tr!("studio-text-too-large"),
        _ => tr!("studio-bad-request"),
    };
    fout(status, melding)
}

fn verboden(melding: String) -> Response {
    fout(StatusCode::FORBIDDEN, melding)
}

/// An error as the page reads it: `{"melding": "..."}`.
fn fout(status: StatusCode, melding: String) -> Response {
    (status, axum::Json(serde_json::json!({ "melding": melding }))).into_response()
}

fn statisch(body: &'static str, soort: &'static str) -> Response {
    ([(header::CONTENT_TYPE, soort)], body).into_response()
}

async fn index() -> Response {
    statisch(INDEX_HTML, "text/html; charset=utf-8")
}

async fn toestand(State(app): State<Arc<App>>) -> Response {
    let t = app.gedeeld.huidig();
    axum::Json(&*t).into_response()
}

/// What the editor's completion offers: the ids of the live figures'
/// functions with their fields, and the filters (`narrative::aanvulling`),
/// of the document last read.
async fn aanvulling(State(app): State<Arc<App>>) -> Response {
    let gedeeld = app.gedeeld.clone();
    let json =
        tokio::task::spawn_blocking(move || gedeeld.aanvulling.lock().unwrap_or_else(PoisonError::into_inner).json())
            .await;
    match json {
        Ok(Ok(body)) => ([(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response(),
        _ => fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-internal")),
    }
}

/// Every new state, and whether a cycle runs, as server-sent events.
async fn gebeurtenissen(State(app): State<Arc<App>>) -> Response {
    let toestanden = WatchStream::new(app.gedeeld.toestand.subscribe())
        .map(|t| Event::default().event("toestand").json_data(&*t).map_err(|e| std::io::Error::other(e.to_string())));
    let bezig = WatchStream::new(app.gedeeld.bezig.subscribe())
        .map(|b| Ok(Event::default().event("bezig").data(if b { "true" } else { "false" })));
    Sse::new(toestanden.merge(bezig)).keep_alive(KeepAlive::default()).into_response()
}

fn pagina(app: &App, hash: &str) -> Option<Arc<super::pages::Pagina>> {
    app.gedeeld.paginas.read().unwrap_or_else(PoisonError::into_inner).get(hash)
}

/// A page is known by its hash: it never changes, the browser may keep it.
fn blijvend(body: Bytes, soort: &'static str, csp: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, soort),
            (header::CACHE_CONTROL, "private, max-age=31536000, immutable"),
            (header::CONTENT_SECURITY_POLICY, csp),
        ],
        body,
    )
        .into_response()
}

/// A page's SVG or text layer, exported on a blocking thread when first
/// asked for.
async fn exporteer(app: &App, hash: &str, svg: bool) -> Option<Bytes> {
    let p = pagina(app, hash)?;
    tokio::task::spawn_blocking(move || if svg { p.svg() } else { p.tekst() }).await.ok()
}

async fn pagina_svg(State(app): State<Arc<App>>, UrlPath(hash): UrlPath<String>) -> Response {
    match exporteer(&app, &hash, true).await {
        Some(svg) => {
            let r = blijvend(svg, "image/svg+xml", CSP_SVG);
            app.gedeeld.verzonden(&hash);
            r
        }
        None => fout(StatusCode::NOT_FOUND, tr!("studio-page-gone")),
    }
}

async fn pagina_tekst(State(app): State<Arc<App>>, UrlPath(hash): UrlPath<String>) -> Response {
    match exporteer(&app, &hash, false).await {
        Some(tekst) => blijvend(tekst, "application/json", CSP),
        None => fout(StatusCode::NOT_FOUND, tr!("studio-page-gone")),
    }
}

/// The text file of element `id`, if the studio may edit it.
fn tekstpad(app: &App, id: &str) -> Option<std::path::PathBuf> {
    app.gedeeld.teksten.read().unwrap_or_else(PoisonError::into_inner).get(id).cloned()
}

fn tekst_fout(e: TekstFout) -> Response {
    match e {
        TekstFout::GeenUtf8 => fout(StatusCode::UNPROCESSABLE_ENTITY, tr!("studio-text-not-utf8")),
        TekstFout::BuitenProject => verboden(tr!("studio-text-outside")),
        TekstFout::Io(e) => {
            fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-text-io", fout = crate::i18n::io_error(&e)))
        }
    }
}

async fn tekst_lezen(State(app): State<Arc<App>>, UrlPath(id): UrlPath<String>) -> Response {
    let Some(pad) = tekstpad(&app, &id) else {
        return fout(StatusCode::NOT_FOUND, tr!("studio-no-text", id = id));
    };
    let root = app.gedeeld.opts.root.clone();
    let gelezen = tokio::task::spawn_blocking(move || {
        teksten::lees(&root, &pad).map(|t| (t, crate::diag::display_path(&pad, &root)))
    })
    .await;
    match gelezen {
        Ok(Ok((t, bestand))) => axum::Json(serde_json::json!({
            "markdown": t.markdown, "versie": t.versie, "bestaat": t.bestaat, "bestand": bestand,
        }))
        .into_response(),
        Ok(Err(e)) => tekst_fout(e),
        Err(_) => fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-internal")),
    }
}

#[derive(Deserialize)]
struct Bewaar {
    markdown: String,
    /// The version the text was edited from.
    basis: String,
}

async fn tekst_bewaren(
    State(app): State<Arc<App>>,
    UrlPath(id): UrlPath<String>,
    axum::Json(b): axum::Json<Bewaar>,
) -> Response {
    let Some(pad) = tekstpad(&app, &id) else {
        return fout(StatusCode::NOT_FOUND, tr!("studio-no-text", id = id));
    };
    if b.markdown.len() > teksten::MAX_TEXT {
        return fout(StatusCode::PAYLOAD_TOO_LARGE, tr!("studio-text-too-large"));
    }
    let om = std::time::Instant::now();
    let root = app.gedeeld.opts.root.clone();
    let gedeeld = app.gedeeld.clone();
    let bewaard = tokio::task::spawn_blocking(move || {
        let r = teksten::bewaar(&root, &pad, &b.markdown, &b.basis);
        if let Ok(Opgeslagen::Bewaard { versie }) = &r {
            // The watcher's event for this save starts no second cycle.
            if let Ok(abs) = std::path::absolute(&pad) {
                gedeeld.eigen.lock().unwrap_or_else(PoisonError::into_inner).insert(abs, versie.clone());
            }
        }
        r
    })
    .await;
    match bewaard {
        Ok(Ok(Opgeslagen::Bewaard { versie })) => {
            app.gedeeld.vraag(Opdracht::Bewaard(om));
            axum::Json(serde_json::json!({ "versie": versie })).into_response()
        }
        Ok(Ok(Opgeslagen::Conflict { schijf })) => (
            StatusCode::CONFLICT,
            axum::Json(serde_json::json!({
                "melding": tr!("studio-conflict"),
                "schijf": { "markdown": schijf.markdown, "versie": schijf.versie, "bestaat": schijf.bestaat },
            })),
        )
            .into_response(),
        Ok(Err(e)) => tekst_fout(e),
        Err(_) => fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-internal")),
    }
}

async fn pdf_maken(State(app): State<Arc<App>>) -> Response {
    let (tx, rx) = tokio::sync::oneshot::channel();
    if !app.gedeeld.vraag(Opdracht::Pdf(tx)) {
        return fout(StatusCode::SERVICE_UNAVAILABLE, tr!("studio-internal"));
    }
    match rx.await {
        Ok(uitkomst) => axum::Json(uitkomst).into_response(),
        Err(_) => fout(StatusCode::SERVICE_UNAVAILABLE, tr!("studio-internal")),
    }
}

/// The PDF the button wrote last, to open or save.
async fn pdf_ophalen(State(app): State<Arc<App>>) -> Response {
    let pad = app.gedeeld.pdf.lock().unwrap_or_else(PoisonError::into_inner).clone();
    let Some(pad) = pad else {
        return fout(StatusCode::NOT_FOUND, tr!("studio-no-pdf"));
    };
    let naam = pad.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    match tokio::fs::read(&pad).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (header::CONTENT_DISPOSITION, format!("inline; filename=\"{}\"", naam.replace('"', ""))),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => fout(StatusCode::NOT_FOUND, tr!("studio-text-io", fout = crate::i18n::io_error(&e))),
    }
}

#[derive(Deserialize)]
struct Naam {
    naam: String,
}

/// An article's row in the document's workbook: what a click on its tables
/// in the preview shows. The code only names an article the last cycle read;
/// the file is the document's own workbook. The row is shown only if its
/// code cell still holds the code (the workbook may have been saved with
/// rows moved since that cycle read it).
async fn werkboek_artikel(State(app): State<Arc<App>>, UrlPath(code): UrlPath<String>) -> Response {
    let cel = app.gedeeld.artikelcellen.read().unwrap_or_else(PoisonError::into_inner).get(&code).cloned();
    let Some(crate::diag::Location::Cell { file, sheet, row, col }) = cel else {
        return fout(StatusCode::NOT_FOUND, tr!("studio-no-article", code = code));
    };
    let bestand = file.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    let cel = crate::diag::Location::cell_name(row, col);
    let rooster = tokio::task::spawn_blocking(move || crate::load::workbook::rij_van(&file, &sheet, row, col)).await;
    match rooster {
        Ok(Some(rooster)) if rooster.waarde(row, col).is_some_and(|v| v.trim() == code) => {
            axum::Json(serde_json::json!({ "artikel": code, "bestand": bestand, "cel": cel, "rooster": rooster }))
                .into_response()
        }
        Ok(Some(_)) => fout(StatusCode::CONFLICT, tr!("studio-article-moved", code = code)),
        _ => fout(StatusCode::SERVICE_UNAVAILABLE, tr!("studio-workbook-unreadable-now")),
    }
}

/// A dropped workbook (the body; its name in `?naam=`): checked against the
/// document, kept until placed or replaced by the next.
async fn werkboek_controleren(
    State(app): State<Arc<App>>,
    Query(Naam { naam }): Query<Naam>,
    body: axum::body::Bytes,
) -> Response {
    let id = match nieuw_token() {
        Ok(id) => id,
        Err(_) => return fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-internal")),
    };
    let root = app.gedeeld.opts.root.clone();
    let selection = app.gedeeld.opts.render.selection.clone();
    let naam_c = naam.clone();
    let gecontroleerd =
        tokio::task::spawn_blocking(move || werkboek::controleer(&root, &selection, &naam_c, &body, id)).await;
    match gecontroleerd {
        Ok(Ok((kandidaat, controle))) => {
            *app.kandidaat.lock().unwrap_or_else(PoisonError::into_inner) = Some(kandidaat);
            axum::Json(controle).into_response()
        }
        Ok(Err(werkboek::Geweigerd::Soort)) => fout(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            tr!("studio-workbook-kind", naam = naam, soorten = crate::load::workbook::EXTENSIONS.join(", ")),
        ),
        Ok(Err(werkboek::Geweigerd::TeGroot)) => fout(StatusCode::PAYLOAD_TOO_LARGE, tr!("studio-workbook-too-large")),
        Ok(Err(werkboek::Geweigerd::Io(e))) => {
            fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-workbook-io", fout = crate::i18n::io_error(&e)))
        }
        Err(_) => fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-internal")),
    }
}

#[derive(Deserialize)]
struct Plaats {
    id: String,
}

/// Places the checked workbook `id` as the document's `begroting.<ext>`.
async fn werkboek_plaatsen(State(app): State<Arc<App>>, axum::Json(Plaats { id }): axum::Json<Plaats>) -> Response {
    let kandidaat = {
        let mut k = app.kandidaat.lock().unwrap_or_else(PoisonError::into_inner);
        if k.as_ref().is_some_and(|k| gelijk(&k.id, &id)) { k.take() } else { None }
    };
    let Some(kandidaat) = kandidaat else {
        return fout(StatusCode::CONFLICT, tr!("studio-workbook-gone"));
    };
    let root = app.gedeeld.opts.root.clone();
    let Some((jaar, fase)) = crate::load::selected(&root, &app.gedeeld.opts.render.selection) else {
        return fout(StatusCode::CONFLICT, tr!("studio-unreadable"));
    };
    let dir = root.join(jaar.to_string()).join(fase.folder());
    let geplaatst = tokio::task::spawn_blocking(move || werkboek::plaats(&root, &dir, jaar, fase, &kandidaat)).await;
    match geplaatst {
        Ok(Ok(g)) => {
            app.gedeeld.vraag(Opdracht::Nu);
            axum::Json(g).into_response()
        }
        Ok(Err(e)) => {
            fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-workbook-io", fout = crate::i18n::io_error(&e)))
        }
        Err(_) => fout(StatusCode::INTERNAL_SERVER_ERROR, tr!("studio-internal")),
    }
}
