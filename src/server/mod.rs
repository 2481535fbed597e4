//! `planlint lsp`: a language server over stdio. The only part of planlint
//! that knows LSP and JSON-RPC: it keeps the editor's texts, hands them to
//! the library through its one entry point (`planlint::workspace::run`,
//! called from [`workspace::check`]) and converts the answers at the edge,
//! positions through [`edit`].
//!
//! Layout, as ruff's server: `main_loop` reads messages, `api/requests/`
//! and `api/notifications/` hold one file per method, `session` the state.

mod api;
mod edit;
mod main_loop;
mod session;
mod workspace;

use std::process::ExitCode;

pub use main_loop::run;

/// What the server says when it cannot go on (on standard error, where
/// editors log a server's output).
fn fatal(error: impl std::fmt::Display) -> ExitCode {
    crate::cli::lang::say(planlint::i18n::Msg::ServerStopped {
        error: error.to_string(),
    });
    ExitCode::from(2)
}
