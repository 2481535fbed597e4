//! `unused-exemption`: an exemption of an obligation that does not bind the
//! plan anyway.
//!
//! - **What it checks**: every exempted obligation is owed by the plan: it
//!   binds the plan's rank, is not reserved to the issuer, applies to the
//!   plan's jurisdiction, and (for an annual document) the plan's year.
//! - **Why it matters**: an exemption that excuses nothing is noise that
//!   hides the ones that matter, and often a sign of a wrong id.
//! - **How to fix**: remove the exemption.

use crate::check::{Binding, Context};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::Msg;

pub const CODE: CodeInfo = CodeInfo {
    code: "unused-exemption",
    severity: Severity::Warning,
    summary: "an exemption of an obligation that does not bind the plan",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (plan, exemption) in ctx.exemptions() {
        let Some(o) = exemption.obligation else {
            continue;
        };
        let obligation = ctx.cite(o);
        let message = match plan.binding(o) {
            Binding::Owed { .. } => continue,
            Binding::NotApplicable => Msg::UnusedExemptionNotApplicable { obligation },
            Binding::NotBound => Msg::UnusedExemptionNotBound { obligation },
        };
        out.push(
            ctx.finding(
                CODE.code,
                CODE.severity,
                message,
                Label::new(
                    exemption.file,
                    exemption.decl.header,
                    Msg::LabelUnusedExemption {},
                ),
                plan.doc,
                Some(o),
            )
            .with_related(ctx.obligation_label(o, Msg::LabelTheObligation {}))
            .with_help(Msg::HelpNothingOwed {}),
        );
    }
}
