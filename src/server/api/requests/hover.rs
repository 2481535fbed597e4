//! `textDocument/hover`: on an obligation id, its citation, title, text,
//! elements and targets with the figure this plan owes (its share worked
//! out by the library), and how it stands for the plan; on an item, each
//! obligation it implements and how it fares. In the language of the
//! analysis (`docs/editors.md`), every sentence a catalogue entry.

use std::fmt::Write;

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use planlint::check::figures::{Owed, owed};
use planlint::check::{Context, Provision};
use planlint::i18n::catalogue::Amount;
use planlint::i18n::{Figure, Id, Ids, Msg, Names, Numbered, Numbering, Quote};
use planlint::model::{DocId, ItemId, Model, OblId};
use planlint::navigate::{self, Standing, Symbol};
use planlint::syntax::ast::{Comparator, TargetDecl};

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

fn heading(model: &Model, o: OblId) -> Msg {
    let obligation = model.obligation(o);
    Msg::HoverObligation {
        id: Id::new(obligation.id()),
        citation: Numbered {
            citation: obligation.citation().to_string(),
            numbering: Numbering::Counted,
        },
        title: Quote(obligation.title().to_string()),
        document: Id::new(model.document(obligation.document).id()),
    }
}

fn amount(comparator: Comparator, value: f64, unit: Option<&str>, per_year: bool) -> Amount {
    Amount {
        comparator,
        figure: Figure {
            value,
            unit: unit.map(str::to_string),
            per_year,
        },
    }
}

/// A target of an obligation as the rules state it.
fn stated(target: &TargetDecl) -> Msg {
    let metric = Id::new(&target.metric.value);
    let year = target.deadline.as_ref().map(|d| d.value.to_string());
    match (&target.figure, &target.text, year) {
        (Some(f), _, None) => Msg::HoverTargetFigure {
            metric,
            amount: amount(f.comparator, f.value, f.unit.as_deref(), target.per_year),
        },
        (Some(f), _, Some(year)) => Msg::HoverTargetFigureBy {
            metric,
            amount: amount(f.comparator, f.value, f.unit.as_deref(), target.per_year),
            year,
        },
        (None, Some(text), None) => Msg::HoverTargetText {
            metric,
            text: Quote(text.clone()),
        },
        (None, Some(text), Some(year)) => Msg::HoverTargetTextBy {
            metric,
            text: Quote(text.clone()),
            year,
        },
        (None, None, Some(year)) => Msg::HoverTargetBy { metric, year },
        (None, None, None) => Msg::HoverTargetBare { metric },
    }
}

/// What `plan` owes of a target, if anything is said about it.
fn owes(ctx: &Context, plan: DocId, o: OblId, target: &TargetDecl) -> Option<Msg> {
    let plan_id = Id::new(ctx.model.document(plan).id());
    Some(match owed(ctx, plan, o, target) {
        Owed::Figure(r) => {
            let value = r.value?;
            let amount = amount(r.comparator, value, r.unit.as_deref(), r.per_year);
            match r.share {
                Some(share) => Msg::HoverOwesShare {
                    plan: plan_id,
                    amount,
                    total: share.total.to_string(),
                    population: share.population.to_string(),
                    among: share.among.to_string(),
                },
                None => Msg::HoverOwes {
                    plan: plan_id,
                    amount,
                },
            }
        }
        Owed::Nothing => Msg::HoverOwesNothing { plan: plan_id },
        Owed::Unapportionable(missing) => Msg::HoverOwesUnapportionable {
            plan: plan_id,
            missing,
        },
    })
}

fn obligation(analysis: &Analysis, plan: Option<DocId>, o: OblId) -> String {
    let model = &analysis.outcome.model;
    let lang = analysis.lang;
    let decl = &model.obligation(o).decl;
    let mut out = heading(model, o).render(lang);
    if let Some(text) = &decl.text {
        let _ = write!(out, "\n\n{text}");
    }
    if !decl.elements.is_empty() {
        let elements = decl
            .elements
            .iter()
            .map(|e| format!("「{}」", e.value.display()))
            .collect();
        let elements = Msg::HoverElements {
            elements: Names(elements),
        };
        let _ = write!(out, "\n\n{}", elements.render(lang));
    }
    let ctx = plan.map(|d| Context::new(model, analysis.options, [d]));
    if !decl.targets.is_empty() {
        out.push('\n');
    }
    for target in &decl.targets {
        let _ = write!(out, "\n- {}", stated(target).render(lang));
        if let (Some(ctx), Some(plan)) = (&ctx, plan)
            && let Some(owes) = owes(ctx, plan, o, target)
        {
            let _ = write!(out, "\n  - {}", owes.render(lang));
        }
    }
    if let Some(ctx) = &ctx
        && let Some((_, standing, covering)) = navigate::standings(ctx)
            .into_iter()
            .find(|(x, _, _)| *x == o)
    {
        let plan = Id::new(model.document(ctx.plans[0].doc).id());
        let message = if standing == Standing::Implemented {
            let by = covering
                .iter()
                .map(|&p| ctx.provision_id(p).to_string())
                .collect();
            Msg::HoverStandingBy {
                plan,
                standing,
                by: Ids(by),
            }
        } else {
            Msg::HoverStanding { plan, standing }
        };
        let _ = write!(out, "\n\n{}", message.render(lang));
    }
    out
}

fn item(analysis: &Analysis, plan: Option<DocId>, i: ItemId) -> String {
    let model = &analysis.outcome.model;
    let lang = analysis.lang;
    let item = model.item(i);
    let mut out = Msg::HoverItem {
        id: Id::new(item.id()),
        citation: Numbered {
            citation: item.citation().to_string(),
            numbering: Numbering::Numbered,
        },
        title: Quote(item.decl.title.clone().unwrap_or_default()),
    }
    .render(lang);
    let ctx = plan.map(|d| Context::new(model, analysis.options, [d]));
    let standings = ctx.as_ref().map(navigate::standings).unwrap_or_default();
    if item.implements.is_empty() {
        let _ = write!(out, "\n\n{}", Msg::HoverImplementsNothing {}.render(lang));
    }
    for &o in &item.implements {
        let _ = write!(out, "\n\n- {}", heading(model, o).render(lang));
        if let Some(&(_, standing, ref covering)) = standings.iter().find(|(x, _, _)| *x == o) {
            let others = covering
                .iter()
                .filter(|&&p| p != Provision::Item(i))
                .count();
            let message = match others {
                0 => Msg::HoverItemStanding { standing },
                others => Msg::HoverItemStandingWithOthers { standing, others },
            };
            let _ = write!(out, "\n  - {}", message.render(lang));
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
            .map(|d| {
                Msg::HoverFinding {
                    code: Id::new(d.code),
                    message: d.message.clone(),
                }
                .render(lang)
            })
            .collect();
        if findings.is_empty() {
            let _ = write!(out, "\n  - {}", Msg::HoverNoFinding {}.render(lang));
        }
        for finding in findings {
            let _ = write!(out, "\n  - {finding}");
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
