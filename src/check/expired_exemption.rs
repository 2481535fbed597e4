//! `expired-exemption`: an exemption past its `expires` date.
//!
//! - **What it checks**: every exemption's expiry date lies on or after the
//!   `--as-of` date. An expired exemption excuses nothing, so the obligation
//!   is reported as omitted too.
//! - **Why it matters**: an exemption granted for a while must be renewed
//!   or the obligation carried out.
//! - **How to fix**: carry the obligation out, or renew the exemption with
//!   a new date and whoever approved it.

use crate::check::Context;
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Label, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "expired-exemption",
    severity: Severity::Warning,
    summary: "an exemption past its expiry date",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for (plan, exemption) in ctx.exemptions() {
        let Some(expires) = &exemption.decl.expires else {
            continue;
        };
        if expires.value >= ctx.options.as_of {
            continue;
        }
        let mut d = ctx.finding(
            CODE.code,
            CODE.severity,
            format!(
                "the exemption of `{}` expired on {}",
                exemption.decl.obligation.value, expires.value
            ),
            Label::new(
                exemption.file,
                expires.span,
                format!("expired (as of {})", ctx.options.as_of),
            ),
            plan.doc,
            exemption.obligation,
        );
        if let Some(o) = exemption.obligation {
            d = d.with_related(ctx.obligation_label(o, "no longer exempted"));
        }
        d.help =
            Some("carry the obligation out, or renew the exemption with a later `expires`".into());
        out.push(d);
    }
}
