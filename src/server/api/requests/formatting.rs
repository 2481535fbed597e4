//! `textDocument/formatting`: `planlint fmt`'s layout of an open document,
//! as one edit of the whole text. A document with syntax errors is left as
//! it is (its diagnostics say why), as `planlint fmt` refuses it.

use lsp_types::{DocumentFormattingParams, TextEdit};

use planlint::source::Span;
use planlint::syntax::format::format;

use crate::server::edit;
use crate::server::session::Session;

pub fn formatting(session: &Session, params: DocumentFormattingParams) -> Option<Vec<TextEdit>> {
    let name = session.name(&params.text_document.uri)?;
    let file = &session.document(&name)?.file;
    let formatted = format(&file.text).ok()?;
    if *formatted == *file.text {
        return Some(Vec::new());
    }
    let whole = Span::new(0, file.text.len());
    Some(vec![TextEdit::new(
        edit::range(file, whole, session.encoding),
        formatted,
    )])
}
