//! `textDocument/didOpen`: the editor's text of a file replaces the disk's.

use lsp_types::DidOpenTextDocumentParams;

use crate::server::api::diagnostics::Published;
use crate::server::session::Session;

pub fn did_open(
    session: &mut Session,
    published: &mut Published,
    params: DidOpenTextDocumentParams,
) {
    let document = params.text_document;
    if let Some(name) = session.name(&document.uri) {
        published.touch(name);
    }
    session.open(document.uri, document.version, document.text);
}
