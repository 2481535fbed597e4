//! One file per request the server answers, and the place a request's
//! position is turned into a file of the model and a byte offset.

pub mod code_action;
pub mod code_lens;
pub mod completion;
pub mod definition;
pub mod document_symbol;
pub mod formatting;
pub mod hover;
pub mod references;

use lsp_types::TextDocumentPositionParams;

use planlint::source::FileId;

use crate::server::edit;
use crate::server::session::Session;
use crate::server::workspace::Analysis;

/// The analysis, the file and the byte offset of a request's position.
fn at<'s>(
    session: &'s Session,
    params: &TextDocumentPositionParams,
) -> Option<(&'s Analysis, FileId, usize)> {
    let (analysis, file) = session.file(&params.text_document.uri)?;
    let source = analysis.outcome.model.sources.get(file);
    let offset = edit::offset(source, params.position, session.encoding);
    Some((analysis, file, offset))
}
