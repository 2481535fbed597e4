//! `unstated-quantity`: a plan carries out an obligation whose figure
//! passes down to it, but states no figure for it.
//!
//! - **What it checks**: for each owed obligation with a target that passes
//!   down (as a floor or a population share, or a qualitative target), at
//!   least one provision covering it states a target of the same metric.
//!   Silent where nothing is owed (`passes none`, a share of zero) and where
//!   nothing covers the obligation (that is an omission).
//! - **Why it matters**: "we will train the public" without a number cannot
//!   be held to the city's 30万人次 a year.
//! - **How to fix**: add `target <metric> { … }` to the implementing item.

use crate::check::figures::{Owed, format_figure, owed};
use crate::check::{Context, Provision};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Figures, FixAction, Severity};
use crate::i18n::{self, Figure, Id, Msg, OwedWhat};

pub const CODE: CodeInfo = CodeInfo {
    code: "unstated-quantity",
    severity: Severity::Warning,
    summary: "an item implements a quantified obligation but states no figure for it",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    ctx.each_plan(out, |plan, out| {
        for (o, advisory) in plan.owed() {
            let covering = plan.covering(o);
            let Some(&first) = covering.iter().min() else {
                continue;
            };
            for target in &ctx.model.obligation(o).decl.targets {
                let Owed::Figure(requirement) = owed(ctx, plan.doc, o, target) else {
                    continue;
                };
                let stated = covering.iter().any(|&p| {
                    ctx.provision_targets(p)
                        .iter()
                        .any(|t| t.metric.value == target.metric.value)
                });
                if stated {
                    continue;
                }
                let owed_msg = i18n::Owed {
                    what: match (requirement.value, &requirement.text) {
                        (Some(value), _) => OwedWhat::Figure(Figure {
                            value,
                            unit: requirement.unit.clone(),
                            per_year: requirement.per_year,
                        }),
                        (None, Some(text)) => OwedWhat::Words(text.clone()),
                        (None, None) => OwedWhat::AnyFigure,
                    },
                    by: requirement.deadline.map(|y| y.to_string()),
                };
                let owed_text = match (requirement.value, &requirement.text) {
                    (Some(v), _) => {
                        format_figure(v, requirement.unit.as_deref(), requirement.per_year)
                    }
                    (None, Some(text)) => format!("「{text}」"),
                    (None, None) => "a figure".to_string(),
                };
                let deadline = requirement
                    .deadline
                    .map(|y| format!(" by {y}"))
                    .unwrap_or_default();
                let mut d = ctx
                    .finding(
                        CODE.code,
                        ctx.severity(CODE.severity, advisory),
                        Msg::UnstatedQuantity {
                            item: ctx.provision_cite(first),
                            obligation: ctx.cite(o),
                            metric: Id::new(&target.metric.value),
                            owed: owed_msg.clone(),
                        },
                        ctx.provision_label(first, Msg::LabelNoFigure {}),
                        plan.doc,
                        Some(o),
                    )
                    .with_related(ctx.obligation_label(
                        o,
                        Msg::LabelAsks {
                            owed: owed_msg.clone(),
                        },
                    ))
                    .with_help(Msg::HelpStateFigure { owed: owed_msg });
                let (file, header) = ctx.provision_place(first);
                let at_least = match requirement.value {
                    Some(v) => format_figure(v, requirement.unit.as_deref(), false),
                    None => "…".to_string(),
                };
                d = d.with_fix(FixAction::AddTarget {
                    file,
                    after: header,
                    item: ctx.provision_id(first).to_string(),
                    metric: target.metric.value.clone(),
                    at_least: if requirement.per_year {
                        format!("{at_least}; per year")
                    } else {
                        at_least
                    },
                });
                if let Provision::Item(i) = first {
                    d.item = Some(ctx.model.item_ref(i));
                }
                d.figures = Some(Figures {
                    metric: target.metric.value.clone(),
                    expected: format!("{owed_text}{deadline}"),
                    actual: "not stated".into(),
                });
                out.push(d);
            }
        }
    });
}
