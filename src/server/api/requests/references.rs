//! `textDocument/references`: every place, in every file, that names the
//! obligation under the cursor (the items implementing it first).

use lsp_types::{Location, ReferenceParams};

use planlint::navigate::{self, Symbol};

use crate::server::api::diagnostics::location;
use crate::server::api::requests::at;
use crate::server::session::Session;

pub fn references(session: &Session, params: ReferenceParams) -> Option<Vec<Location>> {
    let (analysis, file, offset) = at(session, &params.text_document_position)?;
    let model = &analysis.outcome.model;
    let (symbol, _) = navigate::symbol_at(model, file, offset)?;
    let Symbol::Obligation(o) = symbol else {
        return None;
    };
    let declaration = params
        .context
        .include_declaration
        .then(|| navigate::declaration(model, symbol));
    let places = declaration
        .into_iter()
        .chain(navigate::references(model, o));
    Some(
        places
            .filter_map(|(file, span)| {
                location(session, &model.sources, file, span, session.encoding)
            })
            .collect(),
    )
}
