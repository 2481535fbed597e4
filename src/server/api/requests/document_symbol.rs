//! `textDocument/documentSymbol`: the outline of a file: its document,
//! obligations (clauses under their bullets), items and exemptions, their
//! details in the language of the analysis.

use lsp_types::{DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind};

use planlint::i18n::{Lang, Msg, Numbered, Numbering};
use planlint::model::{Model, OblId};
use planlint::source::Span;

use crate::server::edit;
use crate::server::session::Session;

/// Makes a symbol from its name, detail, kind, header and children.
type MakeSymbol<'a> =
    dyn Fn(&str, String, SymbolKind, Span, Vec<DocumentSymbol>) -> DocumentSymbol + 'a;

pub fn document_symbols(
    session: &Session,
    params: DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    let (analysis, file) = session.file(&params.text_document.uri)?;
    let model = &analysis.outcome.model;
    let source = model.sources.get(file);
    // A symbol's range covers its header and its children's; the block's
    // end is not kept by the model.
    let symbol = |name: &str, detail: String, kind, header: Span, children: Vec<DocumentSymbol>| {
        let selection_range = edit::range(source, header, session.encoding);
        let mut range = selection_range;
        if let Some(last) = children.last() {
            range.end = range.end.max(last.range.end);
        }
        #[allow(deprecated)] // `deprecated` is a required field of the type.
        DocumentSymbol {
            name: name.to_string(),
            detail: (!detail.is_empty()).then_some(detail),
            kind,
            tags: None,
            deprecated: None,
            range,
            selection_range,
            children: (!children.is_empty()).then_some(children),
        }
    };
    fn obligation_symbols(
        model: &Model,
        ids: &[OblId],
        make: &MakeSymbol,
        lang: Lang,
    ) -> Vec<DocumentSymbol> {
        ids.iter()
            .map(|&o| {
                let obligation = model.obligation(o);
                let children = obligation_symbols(model, &obligation.children, make, lang);
                let detail = detail(
                    obligation.citation(),
                    Numbering::Counted,
                    obligation.title(),
                    lang,
                );
                make(
                    obligation.id(),
                    detail.trim().to_string(),
                    SymbolKind::INTERFACE,
                    obligation.decl.header,
                    children,
                )
            })
            .collect()
    }
    let mut out = Vec::new();
    for doc in model.documents.iter().filter(|d| d.file == file) {
        let top: Vec<OblId> = doc
            .obligations
            .iter()
            .copied()
            .filter(|&o| model.obligation(o).parent.is_none())
            .collect();
        let mut children = obligation_symbols(model, &top, &symbol, analysis.lang);
        children.extend(doc.items.iter().map(|&i| {
            let item = model.item(i);
            let detail = detail(
                item.citation(),
                Numbering::Numbered,
                item.decl.title.as_deref().unwrap_or(""),
                analysis.lang,
            );
            symbol(
                item.id(),
                detail.trim().to_string(),
                SymbolKind::FUNCTION,
                item.decl.header,
                Vec::new(),
            )
        }));
        children.extend(doc.exemptions.iter().map(|&e| {
            let exemption = model.exemption(e);
            let name = format!("exempt {}", exemption.decl.obligation.value);
            symbol(
                &name,
                String::new(),
                SymbolKind::EVENT,
                exemption.decl.header,
                Vec::new(),
            )
        }));
        let detail = doc.decl.title.clone().unwrap_or_default();
        out.push(symbol(
            doc.id(),
            detail,
            SymbolKind::MODULE,
            doc.decl.header,
            children,
        ));
    }
    Some(DocumentSymbolResponse::Nested(out))
}

/// A symbol's detail: its citation, in its document's own numbering in
/// Chinese, and its title.
fn detail(citation: &str, numbering: Numbering, title: &str, lang: Lang) -> String {
    Msg::SymbolDetail {
        citation: Numbered {
            citation: citation.to_string(),
            numbering,
        },
        title: title.to_string(),
    }
    .render(lang)
}
