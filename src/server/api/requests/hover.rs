//! `textDocument/hover`: on an obligation id, its citation, title, text,
//! elements and targets with the figure this plan owes (its share worked
//! out by the library), and how it stands for the plan; on an item, each
//! obligation it implements and how it fares.

use std::fmt::Write;

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use planlint::check::figures::{Owed, format_figure, owed};
use planlint::check::{Context, Provision};
use planlint::model::{DocId, ItemId, Model, OblId};
use planlint::navigate::{self, Standing, Symbol};

use crate::server::api::requests::at;
use crate::server::edit;
use crate::server::session::Session;
use crate::server::workspace::Analysis;

pub fn hover(session: &Session, params: HoverParams) -> Option<Hover> {
    let (analysis, file, offset) = at(session, &params.text_document_position_params)?;
    let model = &analysis.outcome.model;
    let (symbol, span) = navigate::symbol_at(model, file, offset)?;
    // The plan the hovered file declares, if it is one.
    let plan =
        navigate::document_of(model, file).filter(|&d| !model.document(d).parents.is_empty());
    let text = match symbol {
        Symbol::Obligation(o) => obligation(analysis, plan, o),
        Symbol::Item(i) => item(analysis, plan, i),
        Symbol::Document(d) => document(model, d),
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(edit::range(model.sources.get(file), span, session.encoding)),
    })
}

fn heading(model: &Model, o: OblId) -> String {
    let obligation = model.obligation(o);
    let document = model.document(obligation.document).id();
    format!(
        "**`{}`** {} 「{}」 (`{document}`)",
        obligation.id(),
        obligation.citation(),
        obligation.title()
    )
}

fn obligation(analysis: &Analysis, plan: Option<DocId>, o: OblId) -> String {
    let model = &analysis.outcome.model;
    let decl = &model.obligation(o).decl;
    let mut out = heading(model, o);
    if let Some(text) = &decl.text {
        let _ = write!(out, "\n\n{text}");
    }
    if !decl.elements.is_empty() {
        let elements: Vec<String> = decl
            .elements
            .iter()
            .map(|e| format!("「{}」", e.value.display()))
            .collect();
        let _ = write!(out, "\n\nelements: {}", elements.join(" "));
    }
    let ctx = plan.map(|d| Context::new(model, analysis.options, [d]));
    for target in &decl.targets {
        let stated = target
            .figure
            .as_ref()
            .map(|f| {
                let figure = format_figure(f.value, f.unit.as_deref(), target.per_year);
                format!("{} {figure}", f.comparator.as_str())
            })
            .or_else(|| target.text.as_ref().map(|t| format!("「{t}」")))
            .unwrap_or_default();
        let deadline = target
            .deadline
            .as_ref()
            .map(|d| format!(" by {}", d.value))
            .unwrap_or_default();
        let _ = write!(
            out,
            "\n\n- target `{}`: {stated}{deadline}",
            target.metric.value
        );
        let (Some(ctx), Some(plan)) = (&ctx, plan) else {
            continue;
        };
        let plan_id = model.document(plan).id();
        match owed(ctx, plan, o, target) {
            Owed::Figure(r) => {
                if let Some(value) = r.value {
                    let figure = format_figure(value, r.unit.as_deref(), r.per_year);
                    let _ = write!(out, "; `{plan_id}` owes {} {figure}", r.comparator.as_str());
                }
                if let Some(share) = r.share {
                    let _ = write!(
                        out,
                        " (its share by population: ⌈{} × {} / {}⌉)",
                        share.total, share.population, share.among
                    );
                }
            }
            Owed::Nothing => {
                let _ = write!(out, "; `{plan_id}` owes no figure");
            }
            Owed::Unapportionable(missing) => {
                let _ = write!(
                    out,
                    "; `{plan_id}`'s share cannot be worked out: {}",
                    missing.render(planlint::i18n::Lang::En)
                );
            }
        }
    }
    if let Some(ctx) = &ctx
        && let Some((_, standing, covering)) = navigate::standings(ctx)
            .into_iter()
            .find(|(x, _, _)| *x == o)
    {
        let plan_id = model.document(ctx.plans[0].doc).id();
        let _ = write!(out, "\n\nfor `{plan_id}`: {}", standing.describe());
        if standing == Standing::Implemented {
            let by: Vec<String> = covering
                .iter()
                .map(|&p| format!("`{}`", ctx.provision_id(p)))
                .collect();
            let _ = write!(out, " by {}", by.join(", "));
        }
    }
    out
}

fn item(analysis: &Analysis, plan: Option<DocId>, i: ItemId) -> String {
    let model = &analysis.outcome.model;
    let item = model.item(i);
    let mut out = format!(
        "**`{}`** {} 「{}」",
        item.id(),
        item.citation(),
        item.decl.title.as_deref().unwrap_or("")
    );
    let ctx = plan.map(|d| Context::new(model, analysis.options, [d]));
    let standings = ctx.as_ref().map(navigate::standings).unwrap_or_default();
    if item.implements.is_empty() {
        out.push_str("\n\nimplements nothing");
    }
    for &o in &item.implements {
        let _ = write!(out, "\n\n- {}", heading(model, o));
        if let Some((_, standing, covering)) = standings.iter().find(|(x, _, _)| *x == o) {
            let _ = write!(out, ": {}", standing.describe());
            let others = covering
                .iter()
                .filter(|&&p| p != Provision::Item(i))
                .count();
            if others > 0 {
                let _ = write!(out, " (with {others} other provision(s))");
            }
        }
        let findings: Vec<String> = analysis
            .outcome
            .diagnostics
            .iter()
            .filter(|d| {
                d.obligation
                    .as_ref()
                    .is_some_and(|r| r.id == model.obligation(o).id())
            })
            .filter(|d| {
                d.plan
                    .as_ref()
                    .is_some_and(|p| p.id == model.document(item.document).id())
            })
            .map(|d| format!("  - `{}`: {}", d.code, d.message))
            .collect();
        if findings.is_empty() {
            out.push_str("; no finding");
        } else {
            out.push('\n');
            out.push_str(&findings.join("\n"));
        }
    }
    out
}

fn document(model: &Model, d: DocId) -> String {
    let doc = &model.document(d).decl;
    let mut out = format!(
        "**`{}`** {}",
        doc.id.value,
        doc.title.as_deref().unwrap_or("")
    );
    if let Some(number) = &doc.number {
        let _ = write!(out, "\n\n{number}");
    }
    out
}
