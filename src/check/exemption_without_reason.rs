//! `exemption-without-reason`: an exemption gives no reason.
//!
//! - **What it checks**: every `exempt` has a non-empty `reason`.
//! - **Why it matters**: an exemption is a claim that an obligation does
//!   not fit; a reviewer must be able to weigh it.
//! - **How to fix**: add `reason "…"`, citing the plan's own text where it
//!   gives one.

use crate::check::Context;
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Label, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "exemption-without-reason",
    severity: Severity::Error,
    summary: "an exemption gives no reason",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (plan, exemption) in ctx.exemptions() {
        if exemption
            .decl
            .reason
            .as_ref()
            .is_some_and(|r| !r.value.trim().is_empty())
        {
            continue;
        }
        let mut d = ctx.finding(
            CODE.code,
            CODE.severity,
            format!(
                "the exemption of `{}` gives no reason",
                exemption.decl.obligation.value
            ),
            Label::new(exemption.file, exemption.decl.header, "no `reason`"),
            plan.doc,
            exemption.obligation,
        );
        if let Some(o) = exemption.obligation {
            d = d.with_related(ctx.obligation_label(o, "the exempted obligation"));
        }
        d.help = Some("add `reason \"…\"` saying why the plan leaves this obligation out".into());
        out.push(d);
    }
}
