//! `omitted-obligation`: an obligation the plan must carry out that nothing
//! in the plan covers and no exemption excuses.
//!
//! - **What it checks**: every obligation owed by a plan (through the
//!   documents it carries out, where it binds the plan's rank and applies to
//!   its jurisdiction) is implemented by an item, refined by one of the
//!   plan's own obligations, or exempted.
//! - **Why it matters**: an omitted obligation is the commonest defect of an
//!   implementation plan, and the hardest to see by reading.
//! - **How to fix**: add an item with `implements <id>`, or an `exempt <id>`
//!   with the reason the plan leaves it out.
//!
//! A bullet with clauses: each owed obligation, bullet and clause alike,
//! must be covered itself (the bullet's own text is what its clauses do not
//! split off). A bullet with no `text` of its own is only the heading of its
//! clauses, covered once one of them is. If nothing in the bullet is
//! covered, one finding at the bullet; otherwise one per obligation left out.

use crate::check::{Binding, Context, PlanView};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Fix, FixAction, Severity};
use crate::i18n::{Id, Msg};
use crate::model::OblId;

pub const CODE: CodeInfo = CodeInfo {
    code: "omitted-obligation",
    severity: Severity::Error,
    summary: "an obligation the plan must carry out is neither implemented nor exempted",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    ctx.each_plan(out, |plan, out| {
        for (o, advisory) in find(ctx, plan) {
            out.push(diagnostic(ctx, plan, o, advisory));
        }
    });
}

/// Whether anything in the plan covers or exempts `o` or one of its owed clauses.
pub fn touched(ctx: &Context, plan: &PlanView, o: OblId) -> bool {
    !plan.covering(o).is_empty()
        || plan.exemptions_in_force.contains_key(&o)
        || ctx
            .model
            .obligation(o)
            .children
            .iter()
            .any(|&c| matches!(plan.binding(c), Binding::Owed { .. }) && touched(ctx, plan, c))
}

/// Whether `o` or a bullet above it has an exemption in force.
pub fn exempted(ctx: &Context, plan: &PlanView, o: OblId) -> bool {
    std::iter::once(o)
        .chain(ctx.model.ancestors(o))
        .any(|x| plan.exemptions_in_force.contains_key(&x))
}

fn find(ctx: &Context, plan: &PlanView) -> Vec<(OblId, bool)> {
    plan.owed()
        .filter(|&(o, _)| {
            if exempted(ctx, plan, o) || !plan.covering(o).is_empty() {
                return false;
            }
            // A bullet without text of its own is only the heading of its
            // clauses: carrying out one of them carries out the heading.
            let obligation = ctx.model.obligation(o);
            if obligation.decl.text.is_none()
                && !obligation.children.is_empty()
                && touched(ctx, plan, o)
            {
                return false;
            }
            match ctx.model.obligation(o).parent {
                Some(p) if matches!(plan.binding(p), Binding::Owed { .. }) => touched(ctx, plan, p),
                _ => true,
            }
        })
        .collect()
}

fn diagnostic(ctx: &Context, plan: &PlanView, o: OblId, advisory: bool) -> Diagnostic {
    let obligation = ctx.model.obligation(o);
    let owed_clauses = obligation
        .children
        .iter()
        .filter(|&&c| matches!(plan.binding(c), Binding::Owed { .. }))
        .count();
    let cite = ctx.cite(o);
    let mut message = match owed_clauses {
        0 => Msg::OmittedObligation { obligation: cite },
        _ if touched(ctx, plan, o) => Msg::OmittedObligationItself { obligation: cite },
        1 => Msg::OmittedObligationAndClause { obligation: cite },
        clauses => Msg::OmittedObligationAndClauses {
            obligation: cite,
            clauses,
        },
    };
    let higher = ctx.model.document(obligation.document);
    if advisory {
        message = Msg::Advisory {
            message: Box::new(message),
            document: Id::new(higher.id()),
        };
    }
    let (severity, commitment) = ctx.omission_severity(o);
    if let Some(c) = commitment {
        message = Msg::OmittedWeakAsk {
            message: Box::new(message),
            verb: c.verb.to_string(),
            severity,
        };
    }
    let severity = ctx.severity(severity, advisory);
    let plan_file = ctx.model.document(plan.doc).file;
    let mut d = ctx
        .finding(
            CODE.code,
            severity,
            message,
            ctx.plan_header(plan.doc, Msg::LabelOmittedFromPlan {}),
            plan.doc,
            Some(o),
        )
        .with_related(ctx.obligation_label(
            o,
            Msg::LabelRequiredBy {
                document: Id::new(higher.id()),
            },
        ))
        .with_fix(FixAction::AddItem {
            file: plan_file,
            obligation: obligation.id().to_string(),
        });
    if obligation.decl.exemptible {
        d.set_help(Msg::HelpImplementOrExempt {});
        d.fixes.push(Fix::new(FixAction::AddExemption {
            file: plan_file,
            obligation: obligation.id().to_string(),
        }));
    } else {
        d.set_help(Msg::HelpImplement {});
    }
    d
}
