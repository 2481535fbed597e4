//! `textDocument/codeAction`: quick fixes for the diagnostics in a range:
//! the replacements a diagnostic proposes ("did you mean"), ASCII for
//! full-width punctuation, and for an omitted obligation an item that
//! implements it (with the figure owed) or an exemption to give a reason
//! for.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    TextEdit, Uri, WorkspaceEdit,
};

use planlint::check::Context;
use planlint::check::figures::{Owed, format_figure, owed};
use planlint::diagnostic::Diagnostic;
use planlint::diagnostic::FixAction;
use planlint::model::{DocId, Model, OblId};
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
        for fix in &d.fixes {
            if let FixAction::Replace {
                file: fixed,
                span,
                replacement,
            } = &fix.action
                && *fixed == file
            {
                let old = source.slice(*span);
                let title = format!("replace `{old}` with `{replacement}`");
                actions.push(replace(title, *span, replacement.clone()));
            }
        }
        let written = source.slice(d.primary.span);
        let mut chars = written.chars();
        let full_width_ascii = match (chars.next(), chars.next()) {
            (Some(c), None) => full_width(c),
            _ => None,
        };
        if let Some(ascii) = full_width_ascii {
            let title = format!("replace the full-width `{written}` with `{ascii}`");
            actions.push(replace(title, d.primary.span, ascii.to_string()));
        }
        if d.code == "omitted-obligation"
            && let Some((plan, o)) = plan_and_obligation(model, d)
        {
            let end = Span::point(source.text.len());
            let skeleton = add_item(analysis, plan, o);
            let title = format!("add an item implementing `{}`", model.obligation(o).id());
            actions.push(replace(title, end, after_last_line(source, skeleton)));
            if model.obligation(o).decl.exemptible {
                let exemption = format!(
                    "exempt {} {{\n  reason \"\"\n}}\n",
                    model.obligation(o).id()
                );
                let title = format!("exempt `{}` with a reason", model.obligation(o).id());
                actions.push(replace(title, end, after_last_line(source, exemption)));
            }
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

fn plan_and_obligation(model: &Model, d: &Diagnostic) -> Option<(DocId, OblId)> {
    let plan = model.document_by_id(&d.plan.as_ref()?.id)?;
    let o = model.obligation_by_id(&d.obligation.as_ref()?.id)?;
    Some((plan, o))
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
