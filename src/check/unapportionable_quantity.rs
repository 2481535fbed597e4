//! `unapportionable-quantity`: a plan owes a population share of a figure,
//! but the share cannot be computed.
//!
//! - **What it checks**: every owed `passes share` target has what
//!   apportionment needs: a jurisdiction for the plan and the issuer, and a
//!   population for every jurisdiction the figure is shared among.
//! - **Why it matters**: without it the plan's figure cannot be judged, and
//!   saying nothing would hide that.
//! - **How to fix**: add the missing `population` or `jurisdiction`.

use crate::check::Context;
use crate::check::figures::{Owed, owed};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Id, Msg};

pub const CODE: CodeInfo = CodeInfo {
    code: "unapportionable-quantity",
    severity: Severity::Warning,
    summary: "a population share is owed but cannot be computed",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &ctx.plans {
        for (o, advisory) in plan.owed() {
            for target in &ctx.model.obligation(o).decl.targets {
                let Owed::Unapportionable(missing) = owed(ctx, plan.doc, o, target) else {
                    continue;
                };
                out.push(
                    ctx.finding(
                        CODE.code,
                        ctx.severity(CODE.severity, advisory),
                        Msg::Unapportionable {
                            metric: Id::new(&target.metric.value),
                            obligation: ctx.cite(o),
                            missing: missing.clone(),
                        },
                        ctx.plan_header(plan.doc, Msg::LabelShareUnknown {}),
                        plan.doc,
                        Some(o),
                    )
                    .with_related(ctx.obligation_label(o, Msg::LabelSharedByPopulation {}))
                    .with_help(Msg::HelpGivePopulation {}),
                );
            }
        }
    }
}
