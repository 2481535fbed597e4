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
use crate::i18n::{Id, Msg};

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
            Msg::ExpiredExemption {
                obligation: Id::new(&exemption.decl.obligation.value),
                date: expires.value.to_string(),
            },
            Label::new(
                exemption.file,
                expires.span,
                Msg::LabelExpired {
                    as_of: ctx.options.as_of.to_string(),
                },
            ),
            plan.doc,
            exemption.obligation,
        );
        if let Some(o) = exemption.obligation {
            d = d.with_related(ctx.obligation_label(o, Msg::LabelNoLongerExempted {}));
        }
        d.set_help(Msg::HelpRenew {});
        out.push(d);
    }
}
