//! `textDocument/codeLens`: above a plan's `document` header, its verdict
//! line (binding requirements, carried out, partly, omitted, …), counted
//! by the library's coverage model as the report's verdict box and
//! `check`'s summary count it.

use lsp_types::{CodeLens, CodeLensParams, Command};

use planlint::check::Context;
use planlint::coverage;

use crate::server::edit;
use crate::server::session::Session;

pub fn code_lenses(session: &Session, params: CodeLensParams) -> Option<Vec<CodeLens>> {
    let (analysis, file) = session.file(&params.text_document.uri)?;
    let model = &analysis.outcome.model;
    let source = model.sources.get(file);
    let plans = model.plans().filter(|&d| model.document(d).file == file);
    let ctx = Context::new(model, analysis.options, plans);
    let lenses = coverage::summaries(&ctx, &analysis.outcome.diagnostics)
        .into_iter()
        .zip(&ctx.plans)
        .map(|(summary, plan)| {
            let mut title = summary.verdict().render(analysis.lang);
            if let Some(advisory) = summary.advisory_verdict() {
                title.push_str(match analysis.lang {
                    planlint::i18n::Lang::Zh => "；",
                    planlint::i18n::Lang::En => "; ",
                });
                title.push_str(&advisory.render(analysis.lang));
            }
            let header = model.document(plan.doc).decl.header;
            CodeLens {
                range: edit::range(source, header, session.encoding),
                // A title only: the lens informs, it runs nothing.
                command: Some(Command {
                    title,
                    command: String::new(),
                    arguments: None,
                }),
                data: None,
            }
        })
        .collect();
    Some(lenses)
}
