//! `missing-responsible-unit`: an item names no responsible unit (责任单位)
//! where its plan's document or an obligation it implements requires one.
//!
//! - **What it checks**: items of documents with `requires_units yes`, and
//!   items implementing an obligation with `requires_units yes`, have
//!   `units`.
//! - **Why it matters**: a task nobody is responsible for is not carried out.
//! - **How to fix**: add `units "区科协" …` to the item.

use crate::check::registry::CodeInfo;
use crate::check::{Binding, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CODE: CodeInfo = CodeInfo {
    code: "missing-responsible-unit",
    severity: Severity::Warning,
    summary: "an item names no responsible unit where one is required",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for plan in &ctx.plans {
        let document = ctx.model.document(plan.doc);
        for &i in &document.items {
            let item = ctx.model.item(i);
            if !item.decl.units.is_empty() {
                continue;
            }
            let requiring = item.implements.iter().copied().find(|&o| {
                ctx.model.obligation(o).decl.requires_units
                    && matches!(plan.binding(o), Binding::Owed { .. })
            });
            if !document.decl.requires_units && requiring.is_none() {
                continue;
            }
            let why = match requiring {
                Some(o) => format!("{} requires one", ctx.describe(o)),
                None => format!("document `{}` requires one for every item", document.id()),
            };
            let mut d = ctx.finding(
                CODE.code,
                CODE.severity,
                format!("item `{}` names no responsible unit: {why}", item.id()),
                ctx.provision_label(crate::check::Provision::Item(i), "no `units`"),
                plan.doc,
                requiring,
            );
            if let Some(o) = requiring {
                d = d.with_related(ctx.obligation_label(o, "requires a responsible unit"));
            }
            d.item = Some(ctx.model.item_ref(i));
            d.help =
                Some("add `units \"…\"` naming the 责任单位 as the plan's text lists them".into());
            out.push(d);
        }
    }
}
