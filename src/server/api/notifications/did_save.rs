//! `textDocument/didSave`: checks again (the buffer's text is already
//! known); saving `planlint.toml` reloads the settings.

use lsp_types::DidSaveTextDocumentParams;

use crate::server::session::{self, Session};

pub fn did_save(session: &mut Session, params: DidSaveTextDocumentParams) {
    let is_settings = session::path(&params.text_document.uri).is_some_and(|p| {
        p.file_name()
            .is_some_and(|n| n == planlint::config::FILE_NAME)
    });
    if is_settings {
        session.reload_disk();
    }
    session.dirty = true;
}
