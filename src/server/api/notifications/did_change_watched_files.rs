//! `workspace/didChangeWatchedFiles`: plan files or `planlint.toml`
//! changed on disk outside the editor; the disk is read again (open
//! documents keep their text).

use lsp_types::DidChangeWatchedFilesParams;

use crate::server::session::Session;

pub fn did_change_watched_files(session: &mut Session, params: DidChangeWatchedFilesParams) {
    if !params.changes.is_empty() {
        session.reload_disk();
    }
}
