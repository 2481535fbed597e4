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
                format!("{} is exempted, but `{}` implements it", ctx.describe(o), ctx.provision_id(first)),
                Label::new(exemption.file, exemption.decl.header, "exempted here"),
                plan.doc,
                Some(o),
            )
            .with_related(ctx.provision_label(first, "implemented here"))
            .with_help("remove the exemption if the plan carries the obligation out, or the `implements` link if it does not"),
        );
    }
}
