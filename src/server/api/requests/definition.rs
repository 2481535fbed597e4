//! `textDocument/definition`: from an id to where it is declared.

use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse};

use planlint::navigate;

use crate::server::api::diagnostics::location;
use crate::server::api::requests::at;
use crate::server::session::Session;

pub fn definition(
    session: &Session,
    params: GotoDefinitionParams,
) -> Option<GotoDefinitionResponse> {
    let (analysis, file, offset) = at(session, &params.text_document_position_params)?;
    let model = &analysis.outcome.model;
    let (symbol, _) = navigate::symbol_at(model, file, offset)?;
    let (file, span) = navigate::declaration(model, symbol);
    let place = location(session, &model.sources, file, span, session.encoding)?;
    Some(GotoDefinitionResponse::Scalar(place))
}
