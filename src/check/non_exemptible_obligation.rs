//! `non-exemptible-obligation`: an exemption of an obligation the rules
//! mark `exemptible no`.
//!
//! - **What it checks**: no exemption names an obligation, or a clause of a
//!   bullet, that may not be exempted.
//! - **Why it matters**: some requirements (a target, a funding line) bind
//!   every plan whatever its circumstances.
//! - **How to fix**: remove the exemption and carry the obligation out.

use crate::check::Context;
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, FixAction, Label, Severity};
use crate::i18n::Msg;

pub const CODE: CodeInfo = CodeInfo {
    code: "non-exemptible-obligation",
    severity: Severity::Error,
    summary: "an exemption of an obligation that may not be exempted",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (plan, exemption) in ctx.exemptions() {
        let Some(o) = exemption.obligation else {
            continue;
        };
        if ctx.model.obligation(o).decl.exemptible {
            continue;
        }
        out.push(
            ctx.finding(
                CODE.code,
                CODE.severity,
                Msg::NonExemptible {
                    obligation: ctx.cite(o),
                },
                Label::new(
                    exemption.file,
                    exemption.decl.header,
                    Msg::LabelExemptionNotAllowed {},
                ),
                plan.doc,
                Some(o),
            )
            .with_related(ctx.obligation_label(o, Msg::LabelNotExemptible {}))
            .with_help(Msg::HelpImplementInstead {})
            .with_fix(FixAction::AddItem {
                file: ctx.model.document(plan.doc).file,
                obligation: ctx.model.obligation(o).id().to_string(),
            }),
        );
    }
}
