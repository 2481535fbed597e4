//! `textDocument/codeAction`: quick fixes for the diagnostics in a range,
//! from the fixes each diagnostic proposes: a replacement ("did you
//! mean"), an item implementing an omitted obligation (a skeleton with the
//! figure owed), an exemption to give a reason for; and ASCII for
//! full-width punctuation.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    TextEdit, Uri, WorkspaceEdit,
};

use planlint::check::Context;
use planlint::check::figures::{Owed, format_figure, owed};
use planlint::diagnostic::FixAction;
use planlint::i18n::{Id, Msg};
use planlint::model::{DocId, Model, OblId};
use planlint::navigate;
use planlint::source::{SourceFile, Span};
use planlint::syntax::cst::full_width;

use crate::server::edit;
use crate::server::session::Session;
use crate::server::workspace::Analysis;

pub fn code_actions(session: &Session, params: CodeActionParams) -> Option<CodeActionResponse> {
    let uri = params.text_document.uri;
    let (analysis, file) = session.file(&uri)?;
    let model = &analysis.outcome.model;
    let source = model.sources.get(file);
    let wanted = edit::span(source, params.range, session.encoding);
    let mut actions = Vec::new();
    let in_range = analysis.outcome.diagnostics.iter().filter(|d| {
        d.primary.file == file
            && d.primary.span.start <= wanted.end
            && wanted.start <= d.primary.span.end
    });
    for d in in_range {
        let replace = |title: String, span: Span, text: String| {
            action(
                title,
                &uri,
                vec![TextEdit::new(
                    edit::range(source, span, session.encoding),
                    text,
                )],
            )
        };
        // The fixes the diagnostic proposes, titled by the library in the
        // run's language.
        let end = Span::point(source.text.len());
        let plan = navigate::document_of(model, file);
        for fix in &d.fixes {
            let title = fix.description.clone();
            match &fix.action {
                FixAction::Replace {
                    file: fixed,
                    span,
                    replacement,
                } if *fixed == file => {
                    actions.push(replace(title, *span, replacement.clone()));
                }
                FixAction::AddItem {
                    file: fixed,
                    obligation,
                } if *fixed == file => {
                    if let (Some(plan), Some(o)) = (plan, model.obligation_by_id(obligation)) {
                        let skeleton = add_item(analysis, plan, o);
                        actions.push(replace(title, end, after_last_line(source, skeleton)));
                    }
                }
                FixAction::AddExemption {
                    file: fixed,
                    obligation,
                } if *fixed == file => {
                    let exemption = format!("exempt {obligation} {{\n  reason \"\"\n}}\n");
                    actions.push(replace(title, end, after_last_line(source, exemption)));
                }
                _ => {}
            }
        }
        // Full-width punctuation, which the parser reports without a fix.
        let written = source.slice(d.primary.span);
        let mut chars = written.chars();
        let full_width_ascii = match (chars.next(), chars.next()) {
            (Some(c), None) => full_width(c),
            _ => None,
        };
        if let Some(ascii) = full_width_ascii {
            let title = Msg::FixFullWidth {
                written: Id::new(written),
                ascii: Id::new(ascii.to_string()),
            }
            .render(analysis.lang);
            actions.push(replace(title, d.primary.span, ascii.to_string()));
        }
    }
    Some(actions)
}

fn action(title: String, uri: &Uri, edits: Vec<TextEdit>) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// Text appended after the file's last line, a blank line before it.
fn after_last_line(source: &SourceFile, text: String) -> String {
    let newline = if source.text.ends_with('\n') || source.text.is_empty() {
        ""
    } else {
        "\n"
    };
    format!("{newline}\n{text}")
}

/// An item implementing `o` in `plan`, with the figure owed for each of
/// its targets, for the drafter to complete.
fn add_item(analysis: &Analysis, plan: DocId, o: OblId) -> String {
    let model = &analysis.outcome.model;
    let obligation = model.obligation(o);
    let id = new_item_id(model, plan, o);
    let mut out = format!(
        "item {id} {{\n  title \"{}\"\n  implements {}\n",
        obligation.title(),
        obligation.id()
    );
    let ctx = Context::new(model, analysis.options, [plan]);
    for target in &obligation.decl.targets {
        let Owed::Figure(r) = owed(&ctx, plan, o, target) else {
            continue;
        };
        let mut fields = Vec::new();
        match (r.value, &r.text) {
            (Some(v), _) => fields.push(format!(
                "{} {}",
                r.comparator.as_str(),
                format_figure(v, r.unit.as_deref(), false)
            )),
            (None, Some(text)) => fields.push(format!("text \"{text}\"")),
            (None, None) => {}
        }
        if r.per_year {
            fields.push("per year".into());
        }
        if let Some(year) = r.deadline {
            fields.push(format!("by {year}"));
        }
        out.push_str(&format!(
            "  target {} {{ {} }}\n",
            r.metric,
            fields.join("; ")
        ));
    }
    out.push_str("}\n");
    out
}

/// `<plan prefix>.todo.<rest of the obligation id>`, unused in the model.
fn new_item_id(model: &Model, plan: DocId, o: OblId) -> String {
    let plan_id = model.document(plan).id();
    let prefix = plan_id.split('.').next().unwrap_or(plan_id);
    let obligation = model.obligation(o).id();
    let rest = obligation.split_once('.').map_or(obligation, |(_, r)| r);
    let base = format!("{prefix}.todo.{rest}");
    let taken = |id: &str| model.items.iter().any(|i| i.id() == id);
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}.{n}")
            }
        })
        .find(|id| !taken(id))
        .unwrap_or(base)
}
