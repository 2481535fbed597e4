//! `roll-up-shortfall` and `roll-up-incomplete`: when the sibling plans of
//! a higher document are checked together (all the districts of a city),
//! the figures they promise for a shared quantity must add up to the
//! higher total.
//!
//! - **What it checks**: for each `passes share` target, the jurisdictions
//!   of one rank below the issuer to which it applies. If each has a plan in
//!   the run, the figures they state must sum to at least the total
//!   (`roll-up-shortfall`). If only some have, the roll-up cannot be judged
//!   yet, and the finding names those missing (`roll-up-incomplete`).
//! - **Why it matters**: each district can be close to its share and the
//!   city still fall short; only the sum shows it.
//! - **Which plans**: the plans carrying out the document are grouped by
//!   period, and each period rolls up on its own (an annual plan is not
//!   added to a long-term one). Of two plans of one jurisdiction in one
//!   period, the one `duplicate-plan` names as counted is added.
//! - **How to fix**: raise the figures of the plans that state less than
//!   their share (their `undercut-target` findings say which).

use std::collections::BTreeMap;

use crate::check::figures::format_figure;
use crate::check::{Binding, Context, PlanView, duplicate_plan};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Figures, Severity};
use crate::i18n::{Figure, Id, Msg, SomeNames};
use crate::model::{JurId, OblId};
use crate::syntax::ast::{Passes, TargetDecl};

pub const SHORTFALL: CodeInfo = CodeInfo {
    code: "roll-up-shortfall",
    severity: Severity::Error,
    summary: "the sibling plans' figures for a shared quantity sum to less than the higher total",
};

pub const INCOMPLETE: CodeInfo = CodeInfo {
    code: "roll-up-incomplete",
    severity: Severity::Info,
    summary: "a shared quantity's roll-up cannot be judged: some sibling plans are not in the run",
};

/// How many missing jurisdictions a message names before "and N more".
const NAMED: usize = 5;

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // The plans carrying out each higher document, in plan order, gathered
    // in one pass (a filter per document was quadratic in the country).
    for (higher, plans) in duplicate_plan::carrying_out(ctx) {
        let Some(issuer_j) = ctx.model.document(higher).jurisdiction else {
            continue;
        };
        let shared = ctx.model.document(higher).obligations.iter().any(|&o| {
            ctx.model
                .obligation(o)
                .decl
                .targets
                .iter()
                .any(|t| t.passes == Passes::Share && t.figure.is_some())
        });
        if !shared {
            continue;
        }
        // One roll-up per period, of the plan that counts per jurisdiction.
        let groups = duplicate_plan::groups(ctx, &plans);
        for (&period, by_jurisdiction) in &groups {
            let counted: Vec<&PlanView> = by_jurisdiction.values().map(|g| g.counted).collect();
            // Jurisdictions whose plans in the run are for other periods.
            let elsewhere = |j: JurId| {
                groups
                    .iter()
                    .any(|(&p, by_j)| p != period && by_j.contains_key(&j))
            };
            let run = RollUp {
                issuer_j,
                plans: &counted,
                period,
                elsewhere: &elsewhere,
            };
            for &o in &ctx.model.document(higher).obligations {
                for target in &ctx.model.obligation(o).decl.targets {
                    if target.passes != Passes::Share || target.figure.is_none() {
                        continue;
                    }
                    roll_up(ctx, o, target, &run, out);
                }
            }
        }
    }
}

/// One roll-up: the plans of one period carrying out a document.
struct RollUp<'a> {
    issuer_j: JurId,
    /// The plan that counts for each jurisdiction.
    plans: &'a [&'a PlanView],
    period: duplicate_plan::PeriodKey,
    /// Whether a jurisdiction has a plan in the run for another period.
    elsewhere: &'a dyn Fn(JurId) -> bool,
}

fn roll_up(ctx: &Context, o: OblId, target: &TargetDecl, run: &RollUp, out: &mut Vec<Diagnostic>) {
    let Some(total) = target.figure.as_ref() else {
        return;
    };
    let (issuer_j, plans) = (run.issuer_j, run.plans);
    let mut by_rank: BTreeMap<_, Vec<&PlanView>> = BTreeMap::new();
    for &plan in plans {
        let Some(j) = ctx.model.document(plan.doc).jurisdiction else {
            continue;
        };
        if matches!(plan.binding(o), Binding::Owed { .. })
            && ctx.model.jurisdiction_descends(j, issuer_j)
        {
            by_rank
                .entry(ctx.model.jurisdiction(j).rank())
                .or_default()
                .push(plan);
        }
    }
    for (rank, plans) in by_rank {
        let group = ctx.shares.siblings(ctx.model, o, rank);
        let siblings = &group.members;
        let plan_of = |j: JurId| {
            plans
                .iter()
                .find(|p| ctx.model.document(p.doc).jurisdiction == Some(j))
        };
        let missing: Vec<JurId> = siblings
            .iter()
            .copied()
            .filter(|&j| plan_of(j).is_none())
            .collect();
        let unit = total.unit.as_deref();
        let total_text = format_figure(total.value, unit, target.per_year);
        let figure = |value: f64| Figure {
            value,
            unit: unit.map(str::to_string),
            per_year: target.per_year,
        };
        if !missing.is_empty() {
            let names = SomeNames {
                names: missing
                    .iter()
                    .take(NAMED)
                    .map(|&j| ctx.model.jurisdiction(j).display_name().to_string())
                    .collect(),
                total: missing.len(),
            };
            let (metric, total, obligation) = (
                Id::new(&target.metric.value),
                figure(total.value),
                ctx.cite(o),
            );
            let message = match missing.len() {
                1 => Msg::RollUpIncompleteOne {
                    metric,
                    total,
                    obligation,
                    siblings: siblings.len(),
                    rank,
                    names,
                },
                n => Msg::RollUpIncomplete {
                    metric,
                    total,
                    obligation,
                    missing: n,
                    siblings: siblings.len(),
                    rank,
                    names,
                },
            };
            // Said only when it is so: a plan for another period does not
            // count in this period's sum.
            let message = match run.period {
                Some((from, to)) if missing.iter().any(|&j| (run.elsewhere)(j)) => {
                    Msg::RollUpForPeriod {
                        message: Box::new(message),
                        period: if from == to {
                            from.to_string()
                        } else {
                            format!("{from}–{to}")
                        },
                    }
                }
                _ => message,
            };
            let mut d = Diagnostic::new(
                INCOMPLETE.code,
                INCOMPLETE.severity,
                message,
                ctx.obligation_label(o, Msg::LabelSharedAmong {}),
            )
            .with_help(Msg::HelpCheckSiblings {});
            d.obligation = Some(ctx.model.obligation_ref(o));
            out.push(d);
            continue;
        }
        let mut sum = 0.0;
        for &j in siblings {
            let Some(plan) = plan_of(j) else { continue };
            sum += plan
                .covering(o)
                .iter()
                .flat_map(|&p| ctx.provision_targets(p))
                .filter(|t| t.metric.value == target.metric.value && t.per_year == target.per_year)
                .filter_map(|t| t.figure.as_ref())
                .filter(|f| f.unit.is_none() || unit.is_none() || f.unit.as_deref() == unit)
                .map(|f| f.value)
                .fold(0.0, f64::max);
        }
        if sum >= total.value {
            continue;
        }
        let sum_text = format_figure(sum, unit, target.per_year);
        let mut d = Diagnostic::new(
            SHORTFALL.code,
            SHORTFALL.severity,
            Msg::RollUpShortfall {
                plans: siblings.len(),
                rank,
                sum: figure(sum),
                metric: Id::new(&target.metric.value),
                total: figure(total.value),
                obligation: ctx.cite(o),
            },
            ctx.obligation_label(
                o,
                Msg::LabelAsksFigure {
                    total: figure(total.value),
                },
            ),
        )
        .with_help(Msg::HelpRaiseSiblings {});
        d.obligation = Some(ctx.model.obligation_ref(o));
        d.figures = Some(Figures {
            metric: target.metric.value.clone(),
            expected: total_text,
            actual: sum_text,
        });
        out.push(d);
    }
}
