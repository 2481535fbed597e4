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
use crate::diagnostic::{Diagnostic, Label, Severity};

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
                format!("{} may not be exempted", ctx.describe(o)),
                Label::new(
                    exemption.file,
                    exemption.decl.header,
                    "exemption not allowed",
                ),
                plan.doc,
                Some(o),
            )
            .with_related(ctx.obligation_label(o, "marked `exemptible no`"))
            .with_help(format!(
                "remove the exemption and add an item with `implements {}`",
                ctx.model.obligation(o).id()
            )),
        );
    }
}
