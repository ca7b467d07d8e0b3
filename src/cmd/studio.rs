//! `bbt studio`: the local web server for writing, checking and previewing
//! the document in the browser (the library's `studio`).

use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::Arc;

use bbt::pipeline::exit::{FAILURE, OK};
use bbt::studio::{self, StudioOptions, server};
use bbt::tr;

use super::{one_project, render_options};
use crate::cli::StudioArgs;
use crate::console::{self, say};

pub fn studio(args: &StudioArgs) -> u8 {
    // The studio shows its diagnostics in the browser; there is nothing to
    // print as JSON. Said, rather than silently ignored.
    if args.opts.doc.format != crate::cli::Format::Human {
        console::error(tr!("studio-format"));
        console::help(tr!("studio-format-help"));
        return FAILURE;
    }
    let opts = match render_options(&args.opts) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let root = match one_project(&args.project, |_| tr!("studio-not-project-help")) {
        Ok(root) => root,
        Err(code) => return code,
    };
    let token = match server::nieuw_token() {
        Ok(t) => t,
        Err(e) => {
            console::error(tr!("studio-cannot-start", fout = e));
            return FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            console::error(tr!("studio-cannot-start", fout = e));
            return FAILURE;
        }
    };
    runtime.block_on(async {
        // The user's own computer only: loopback, IPv4 and (when there) IPv6.
        let v4 = match tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, args.port)).await {
            Ok(l) => l,
            Err(e) => {
                console::error(tr!("studio-cannot-listen", poort = args.port, fout = bbt::i18n::io_error(&e)));
                console::help(tr!("studio-cannot-listen-help"));
                return FAILURE;
            }
        };
        let poort = match v4.local_addr() {
            Ok(a) => a.port(),
            Err(e) => {
                console::error(tr!("studio-cannot-start", fout = e));
                return FAILURE;
            }
        };
        let v6 = tokio::net::TcpListener::bind((Ipv6Addr::LOCALHOST, poort)).await.ok();
        // `--timings`: each cycle, the first page sent, each save's last page sent.
        let verslag: Option<studio::Verslag> =
            args.opts.doc.timings.then(|| Arc::new(|regel: String| say!("{regel}")) as studio::Verslag);
        let gedeeld = match studio::start(StudioOptions { root: root.clone(), render: opts }, verslag) {
            Ok(g) => g,
            Err(e) => {
                console::error(tr!("watch-cannot", map = root.display(), fout = e));
                return FAILURE;
            }
        };
        let router = server::router(Arc::new(server::App::new(gedeeld, token.clone(), poort)));
        let adres = format!("http://127.0.0.1:{poort}/?token={token}");
        say!("{}", tr!("studio-started", adres = adres.clone()));
        say!("{}", tr!("studio-stop"));
        if !args.no_open && opener::open_browser(&adres).is_err() {
            say!("{}", tr!("studio-no-browser"));
        }
        if let Some(v6) = v6 {
            let router = router.clone();
            tokio::spawn(async move { axum::serve(v6, router).await });
        }
        match axum::serve(v4, router).await {
            Ok(()) => OK,
            Err(e) => {
                console::error(tr!("studio-cannot-start", fout = e));
                FAILURE
            }
        }
    })
}
