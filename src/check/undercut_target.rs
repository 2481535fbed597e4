//! `undercut-target`: a plan promises less than it owes: a lower figure (a
//! higher one for an "at most" target), a smaller yearly quantity than its
//! population share, or a later deadline.
//!
//! - **What it checks**: every target a plan states, against the same
//!   metric of every owed obligation the stating provision covers. Where
//!   two documents bind the plan (a city refinement of a national
//!   obligation), the strictest figure is owed and both are cited.
//! - **Why it matters**: a target that looks present but is weaker passes a
//!   reading that only looks for the topic.
//! - **How to fix**: raise the figure, or bring the deadline forward, to
//!   what the message says is owed.

use crate::check::figures::{self, Verdict, format_figure};
use crate::check::{Context, Provision};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Figures, Severity};
use crate::i18n::{Figure, Id, Msg};
use crate::syntax::ast::Comparator;

pub const CODE: CodeInfo = CodeInfo {
    code: "undercut-target",
    severity: Severity::Error,
    summary: "a target lower, a deadline later or a yearly quantity smaller than the plan owes",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    ctx.each_plan(out, |plan, out| {
        for group in ctx.comparisons(plan) {
            if let Some(d) = lower_figure(ctx, group) {
                out.push(d);
            }
            if let Some(d) = later_deadline(ctx, group) {
                out.push(d);
            }
        }
    });
}

fn lower_figure(ctx: &Context, group: &figures::Comparisons) -> Option<Diagnostic> {
    let failing: Vec<_> = group
        .entries
        .iter()
        .filter_map(|e| {
            e.verdicts.iter().find_map(|v| match v {
                Verdict::LowerFigure { expected, actual } => Some((e, *expected, *actual)),
                _ => None,
            })
        })
        .collect();
    let ceiling = failing.first()?.0.requirement.comparator.is_ceiling();
    let &(strictest, expected, actual) = failing.iter().max_by(|a, b| {
        if ceiling {
            b.1.total_cmp(&a.1)
        } else {
            a.1.total_cmp(&b.1)
        }
    })?;
    let req = &strictest.requirement;
    let unit = req
        .unit
        .as_deref()
        .or(group.stated.figure.as_ref().and_then(|f| f.unit.as_deref()));
    let expected_text = format_figure(expected, unit, req.per_year);
    let actual_text = format_figure(actual, unit, req.per_year);
    let figure = |value: f64, per_year: bool| Figure {
        value,
        unit: unit.map(str::to_string),
        per_year,
    };
    let (item, metric) = (
        ctx.provision_cite(group.provision),
        Id::new(&group.stated.metric.value),
    );
    let (actual_figure, expected_figure) =
        (figure(actual, req.per_year), figure(expected, req.per_year));
    let obligation = ctx.cite(req.obligation);
    let mut message = if ceiling {
        Msg::UndercutMore {
            item,
            actual: actual_figure.clone(),
            metric,
            expected: expected_figure.clone(),
            obligation,
        }
    } else if req.comparator == Comparator::MoreThan {
        Msg::UndercutNotMore {
            item,
            actual: actual_figure.clone(),
            metric,
            expected: expected_figure.clone(),
            obligation,
        }
    } else {
        Msg::UndercutLess {
            item,
            actual: actual_figure.clone(),
            metric,
            expected: expected_figure.clone(),
            obligation,
        }
    };
    let advisory = failing.iter().all(|(e, _, _)| e.advisory);
    if advisory {
        message = Msg::AdvisoryLater {
            message: Box::new(message),
        };
    }
    let mut d = ctx.finding(
        CODE.code,
        ctx.severity(CODE.severity, advisory),
        message,
        ctx.provision_label(
            group.provision,
            Msg::LabelPromises {
                figure: actual_figure,
            },
        ),
        group.plan,
        Some(req.obligation),
    );
    if let Provision::Item(i) = group.provision {
        d.item = Some(ctx.model.item_ref(i));
    }
    if let Some(figure) = &group.stated.figure {
        d.primary.span = figure.span;
    }
    // Every requirement of the metric is cited, met or not: the reader sees
    // which source sets the figure that wins.
    for e in &group.entries {
        if let Some(owed) = e.requirement.value {
            d = d.with_related(ctx.obligation_label(
                e.requirement.obligation,
                Msg::LabelOwes {
                    figure: figure(owed, e.requirement.per_year),
                },
            ));
        }
    }
    d.set_help(match req.share {
        _ if ceiling => Msg::HelpLower {
            expected: expected_figure,
        },
        Some(s) => Msg::HelpRaiseShare {
            total: figure(s.total, req.per_year),
            jurisdictions: s.jurisdictions,
            formula: format!("⌈{} × {} / {}⌉", s.total, s.population, s.among),
            expected: expected_figure,
        },
        None => Msg::HelpRaise {
            expected: expected_figure,
        },
    });
    d.figures = Some(Figures {
        metric: group.stated.metric.value.clone(),
        expected: expected_text,
        actual: actual_text,
    });
    Some(d)
}

fn later_deadline(ctx: &Context, group: &figures::Comparisons) -> Option<Diagnostic> {
    let failing: Vec<_> = group
        .entries
        .iter()
        .filter_map(|e| {
            e.verdicts.iter().find_map(|v| match v {
                Verdict::LaterDeadline { expected, actual } => Some((e, *expected, *actual)),
                _ => None,
            })
        })
        .collect();
    let &(strictest, expected, actual) = failing.iter().min_by_key(|f| f.1)?;
    let advisory = failing.iter().all(|(e, _, _)| e.advisory);
    let mut d = ctx.finding(
        CODE.code,
        ctx.severity(CODE.severity, advisory),
        Msg::UndercutLater {
            item: ctx.provision_cite(group.provision),
            metric: Id::new(&group.stated.metric.value),
            actual: actual.to_string(),
            expected: expected.to_string(),
            obligation: ctx.cite(strictest.requirement.obligation),
        },
        ctx.provision_label(
            group.provision,
            Msg::LabelBy {
                year: actual.to_string(),
            },
        ),
        group.plan,
        Some(strictest.requirement.obligation),
    );
    if let Some(deadline) = &group.stated.deadline {
        d.primary.span = deadline.span;
    }
    if let Provision::Item(i) = group.provision {
        d.item = Some(ctx.model.item_ref(i));
    }
    for e in &group.entries {
        if let Some(due) = e.requirement.deadline {
            d = d.with_related(ctx.obligation_label(
                e.requirement.obligation,
                Msg::LabelDueBy {
                    year: due.to_string(),
                },
            ));
        }
    }
    d.set_help(Msg::HelpEarlier {
        year: expected.to_string(),
    });
    d.figures = Some(Figures {
        metric: group.stated.metric.value.clone(),
        expected: format!("by {expected}"),
        actual: format!("by {actual}"),
    });
    Some(d)
}
