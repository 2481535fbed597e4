//! `contradictory-exemption`: a plan exempts an obligation and implements
//! it anyway.
//!
//! - **What it checks**: no exempted obligation is also covered by an item
//!   or a refinement of the same plan.
//! - **Why it matters**: one of the two is wrong, and a reviewer cannot tell
//!   which the drafters meant.
//! - **How to fix**: remove the exemption, or the `implements` link.

use crate::check::Context;
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::Msg;

pub const CODE: CodeInfo = CodeInfo {
    code: "contradictory-exemption",
    severity: Severity::Warning,
    summary: "an exempted obligation is implemented anyway",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (plan, exemption) in ctx.exemptions() {
        let Some(o) = exemption.obligation else {
            continue;
        };
        let Some(&first) = plan.covering(o).iter().min() else {
            continue;
        };
        out.push(
            ctx.finding(
                CODE.code,
                CODE.severity,
                Msg::Contradictory {
                    obligation: ctx.cite(o),
                    item: ctx.provision_cite(first),
                },
                Label::new(
                    exemption.file,
                    exemption.decl.header,
                    Msg::LabelExemptedHere {},
                ),
                plan.doc,
                Some(o),
            )
            .with_related(ctx.provision_label(first, Msg::LabelImplementedHere {}))
            .with_help(Msg::HelpRemoveOneOfTwo {}),
        );
    }
}
