//! `textDocument/didChange`: applies the edits (whole texts or ranges, in
//! the negotiated encoding) to the open document.

use lsp_types::DidChangeTextDocumentParams;

use planlint::source::SourceFile;

use crate::server::api::diagnostics::Published;
use crate::server::edit;
use crate::server::session::Session;

pub fn did_change(
    session: &mut Session,
    published: &mut Published,
    params: DidChangeTextDocumentParams,
) {
    let Some(name) = session.name(&params.text_document.uri) else {
        return;
    };
    let encoding = session.encoding;
    let Some(document) = session.document_mut(&name) else {
        return;
    };
    for change in params.content_changes {
        let text = match change.range {
            None => change.text,
            Some(range) => {
                let span = edit::span(&document.file, range, encoding);
                let old = &document.file.text;
                format!("{}{}{}", &old[..span.start], change.text, &old[span.end..])
            }
        };
        document.file = SourceFile::new(name.clone(), text);
    }
    document.version = params.text_document.version;
    published.touch(name);
}
