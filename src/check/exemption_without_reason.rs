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
use crate::i18n::{Id, Msg};

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
            Msg::ExemptionWithoutReason {
                obligation: Id::new(&exemption.decl.obligation.value),
            },
            Label::new(exemption.file, exemption.decl.header, Msg::LabelNoReason {}),
            plan.doc,
            exemption.obligation,
        );
        if let Some(o) = exemption.obligation {
            d = d.with_related(ctx.obligation_label(o, Msg::LabelExemptedObligation {}));
        }
        d.set_help(Msg::HelpGiveReason {});
        out.push(d);
    }
}
