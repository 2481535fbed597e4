//! `incomparable-units`: a plan states a figure for an owed metric in a
//! unit, or over a period, that cannot be compared with what it owes.
//!
//! - **What it checks**: a stated target whose unit differs from the
//!   obligation's (`家` against `个`), or that is yearly where the
//!   obligation counts a total (or the reverse).
//! - **Why it matters**: planlint cannot tell whether such a figure
//!   undercuts; a reviewer cannot either without asking.
//! - **How to fix**: state the figure in the obligation's unit and period.

use crate::check::figures::{self, Verdict};
use crate::check::{Context, Provision};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Id, Msg};

pub const CODE: CodeInfo = CodeInfo {
    code: "incomparable-units",
    severity: Severity::Warning,
    summary: "a stated figure's unit or period cannot be compared with the owed one",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    ctx.each_plan(out, |plan, out| {
        for group in ctx.comparisons(plan) {
            for entry in &group.entries {
                for verdict in &entry.verdicts {
                    let Verdict::Incomparable(why) = verdict else {
                        continue;
                    };
                    let o = entry.requirement.obligation;
                    let mut d = ctx
                        .finding(
                            CODE.code,
                            ctx.severity(CODE.severity, entry.advisory),
                            Msg::Incomparable {
                                item: ctx.provision_cite(group.provision),
                                obligation: ctx.cite(o),
                                why: why.clone(),
                            },
                            ctx.provision_label(group.provision, Msg::LabelStatedHere {}),
                            plan.doc,
                            Some(o),
                        )
                        .with_related(ctx.obligation_label(o, Msg::LabelOwedHere {}))
                        .with_help(help(&entry.requirement));
                    if let Some(f) = &group.stated.figure {
                        d.primary.span = f.span;
                    }
                    if let Provision::Item(i) = group.provision {
                        d.item = Some(ctx.model.item_ref(i));
                    }
                    out.push(d);
                }
            }
        }
    });
}

/// State the figure in the owed unit, yearly or as a total.
fn help(requirement: &figures::Requirement) -> Msg {
    let metric = Id::new(&requirement.metric);
    match (requirement.unit.clone(), requirement.per_year) {
        (Some(unit), true) => Msg::HelpSameUnitYearly { metric, unit },
        (Some(unit), false) => Msg::HelpSameUnitTotal { metric, unit },
        (None, true) => Msg::HelpObligationUnitYearly { metric },
        (None, false) => Msg::HelpObligationUnitTotal { metric },
    }
}
