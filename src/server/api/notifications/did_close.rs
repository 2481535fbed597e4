//! `textDocument/didClose`: the file's text comes from the disk again.

use lsp_types::DidCloseTextDocumentParams;

use crate::server::session::Session;

pub fn did_close(session: &mut Session, params: DidCloseTextDocumentParams) {
    session.close(&params.text_document.uri);
    // The disk's version may differ from the buffer's last text (closed
    // without saving): read it again.
    session.reload_disk();
}
