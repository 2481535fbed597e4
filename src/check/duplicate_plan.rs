//! `duplicate-plan`: two plans of one jurisdiction carry out the same
//! document for the same period, so a roll-up must choose whose figures
//! it adds.
//!
//! - **What it checks**: the plans of a run are grouped by (jurisdiction,
//!   document carried out, period). An annual plan beside a long-term plan
//!   of the same district is legitimate (two periods, two groups); two
//!   plans in one group are reported, naming both files.
//! - **Why it matters**: a roll-up adds one figure per jurisdiction. Before
//!   this check it silently took the first plan by file name, so renaming
//!   a file decided whether `roll-up-shortfall` appeared.
//! - **Which counts**: the plan issued last (a revision supersedes what it
//!   revises); of plans issued the same day, the first by file name.
//! - **How to fix**: leave the superseded plan out of the run, or give
//!   each plan the period it covers.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use crate::check::{Context, PlanView};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Id, Msg};
use crate::model::{DocId, JurId};

pub const CODE: CodeInfo = CodeInfo {
    code: "duplicate-plan",
    severity: Severity::Warning,
    summary: "two plans of one jurisdiction carry out the same document for the same period",
};

/// A period as inclusive years; `None` for a plan that states none.
pub type PeriodKey = Option<(i32, i32)>;

/// The plans of one (jurisdiction, document carried out, period).
pub struct Group<'c> {
    /// The plan whose figures roll-ups add.
    pub counted: &'c PlanView,
    /// The other plans of the group, in file order.
    pub others: Vec<&'c PlanView>,
}

/// The checked plans carrying out each higher document, in plan order.
pub fn carrying_out<'c>(ctx: &'c Context) -> BTreeMap<DocId, Vec<&'c PlanView>> {
    let mut map: BTreeMap<DocId, Vec<&PlanView>> = BTreeMap::new();
    for plan in &ctx.plans {
        // Loading lists each parent once.
        for &parent in &ctx.model.document(plan.doc).parents {
            map.entry(parent).or_default().push(plan);
        }
    }
    map
}

/// `plans` (all carrying out one document) grouped by period and then by
/// jurisdiction, each group with the plan that counts. Plans without a
/// jurisdiction are left out: nothing is shared with them.
pub fn groups<'c>(
    ctx: &Context,
    plans: &[&'c PlanView],
) -> BTreeMap<PeriodKey, BTreeMap<JurId, Group<'c>>> {
    let mut by_key: BTreeMap<(PeriodKey, JurId), Vec<&PlanView>> = BTreeMap::new();
    for &plan in plans {
        let doc = ctx.model.document(plan.doc);
        let Some(j) = doc.jurisdiction else {
            continue;
        };
        let period = doc.decl.period.as_ref().map(|p| (p.value.from, p.value.to));
        by_key.entry((period, j)).or_default().push(plan);
    }
    let mut out: BTreeMap<PeriodKey, BTreeMap<JurId, Group>> = BTreeMap::new();
    for ((period, j), mut members) in by_key {
        // Issued last first; then by file name, then by id.
        members.sort_by_key(|p| {
            let doc = ctx.model.document(p.doc);
            (
                Reverse(doc.decl.issued.as_ref().map(|d| d.value)),
                ctx.model.sources.get(doc.file).name.clone(),
                doc.id().to_string(),
            )
        });
        let counted = members.remove(0);
        out.entry(period).or_default().insert(
            j,
            Group {
                counted,
                others: members,
            },
        );
    }
    out
}

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (higher, plans) in carrying_out(ctx) {
        for (period, by_jurisdiction) in groups(ctx, &plans) {
            for (j, group) in by_jurisdiction {
                for other in &group.others {
                    out.push(diagnostic(ctx, higher, period, j, &group, other));
                }
            }
        }
    }
}

fn diagnostic(
    ctx: &Context,
    higher: DocId,
    period: PeriodKey,
    j: JurId,
    group: &Group,
    other: &PlanView,
) -> Diagnostic {
    let model = ctx.model;
    let file = |p: &PlanView| model.sources.get(model.document(p.doc).file).name.clone();
    let issued = |p: &PlanView| model.document(p.doc).decl.issued.as_ref().map(|d| d.value);
    let why = if issued(group.counted) != issued(other) {
        Msg::WhyIssuedLater {}
    } else {
        Msg::WhyFirstByFileName {}
    };
    let period = match period {
        Some((from, to)) => Msg::PlanPeriod {
            from: from.to_string(),
            to: to.to_string(),
        },
        None => Msg::NoPlanPeriod {},
    };
    let mut d = ctx
        .finding(
            CODE.code,
            CODE.severity,
            Msg::DuplicatePlan {
                counted: Id::new(file(group.counted)),
                other: Id::new(file(other)),
                higher: Id::new(model.document(higher).id()),
                jurisdiction: model.jurisdiction(j).display_name().to_string(),
                period: Box::new(period),
                why: Box::new(why),
            },
            ctx.plan_header(other.doc, Msg::LabelNotCounted {}),
            other.doc,
            None,
        )
        .with_related(ctx.plan_header(group.counted.doc, Msg::LabelCounted {}));
    d.set_help(Msg::HelpLeaveOutSuperseded {});
    d
}
