//! The server's life: initialize (negotiating the position encoding and
//! finding the project root), then one loop over the editor's messages
//! until shutdown and exit.
//!
//! Work runs on this one thread. A check runs only when no message is
//! waiting, so a burst of keystrokes costs one check (the debounce), and
//! before a request, so every answer reads the latest text.

use std::path::PathBuf;
use std::process::ExitCode;

use lsp_server::{Connection, Message};
use lsp_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, InitializeParams,
    InitializeResult, Registration, RegistrationParams, ServerInfo,
};

use planlint::i18n::Lang;
use planlint::syntax::value::{self, Date};

use crate::server::api;
use crate::server::edit::PositionEncoding;
use crate::server::session::{self, Session};
use crate::server::{fatal, workspace};

/// Serves one editor; `lang` is the `--lang` flag, if given.
pub fn run(lang: Option<Lang>) -> ExitCode {
    let (connection, io_threads) = Connection::stdio();
    let status = serve(&connection, lang);
    drop(connection);
    match io_threads.join() {
        Ok(()) => status,
        Err(e) => fatal(e),
    }
}

fn serve(connection: &Connection, lang: Option<Lang>) -> ExitCode {
    let (id, params) = match connection.initialize_start() {
        Ok(x) => x,
        Err(e) => return fatal(e),
    };
    let params: InitializeParams = match serde_json::from_value(params) {
        Ok(p) => p,
        Err(e) => return fatal(e),
    };
    let encoding = PositionEncoding::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    let root = workspace::find_root(&start(&params));
    let result = InitializeResult {
        capabilities: api::capabilities(encoding),
        server_info: Some(ServerInfo {
            name: "planlint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).unwrap_or_default();
    if let Err(e) = connection.initialize_finish(id, result) {
        return fatal(e);
    }
    let lang = initialization_option(&params, "lang")
        .and_then(Lang::parse)
        .or(lang);
    let mut session = Session::new(root, encoding, as_of(&params), lang);
    if let Some(message) = &session.settings.error {
        api::show_error(connection, message);
    }
    if watches_files(&params) {
        register_watchers(connection);
    }
    match main_loop(connection, &mut session) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fatal(e),
    }
}

/// Where the editor opened: its first workspace folder, its root, or the
/// working directory.
fn start(params: &InitializeParams) -> PathBuf {
    #[allow(deprecated)] // `root_uri`: older clients send only it.
    let root_uri = params.root_uri.as_ref();
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri)
        .or(root_uri)
        .and_then(session::path)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// A string of `initializationOptions`.
fn initialization_option<'p>(params: &'p InitializeParams, key: &str) -> Option<&'p str> {
    params.initialization_options.as_ref()?.get(key)?.as_str()
}

/// The date expiry is judged against: `initializationOptions.asOf`
/// (`YYYY-MM-DD`), else today's.
fn as_of(params: &InitializeParams) -> Date {
    initialization_option(params, "asOf")
        .and_then(|s| value::date(s).ok())
        .unwrap_or_else(crate::cli::today)
}

fn watches_files(params: &InitializeParams) -> bool {
    let watched = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref());
    watched.is_some_and(|w| w.dynamic_registration == Some(true))
}

/// Asks the editor to report changes to plan files and to the settings
/// made outside it.
fn register_watchers(connection: &Connection) {
    let watchers = ["**/*.plan", "**/planlint.toml"]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.into()),
            kind: None,
        })
        .collect();
    let options = DidChangeWatchedFilesRegistrationOptions { watchers };
    let params = RegistrationParams {
        registrations: vec![Registration {
            id: "planlint-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        }],
    };
    let request = lsp_server::Request::new(
        "planlint-watch".to_string().into(),
        "client/registerCapability".into(),
        params,
    );
    // An editor that refuses still works; it only misses changes on disk.
    let _ = connection.sender.send(request.into());
}

fn main_loop(connection: &Connection, session: &mut Session) -> Result<(), String> {
    let mut published = api::diagnostics::Published::default();
    loop {
        if session.dirty && connection.receiver.is_empty() {
            session.analyse();
            published.publish(connection, session);
        }
        let Ok(message) = connection.receiver.recv() else {
            return Ok(());
        };
        match message {
            Message::Request(request) => {
                if connection
                    .handle_shutdown(&request)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                if session.dirty {
                    session.analyse();
                    published.publish(connection, session);
                }
                let response = api::request(session, request);
                connection
                    .sender
                    .send(response.into())
                    .map_err(|e| e.to_string())?;
            }
            Message::Notification(notification) => {
                if notification.method == "exit" {
                    return Ok(());
                }
                api::notification(session, &mut published, notification);
            }
            Message::Response(_) => {}
        }
    }
}
