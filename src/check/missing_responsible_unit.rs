//! `missing-responsible-unit`: an item names no responsible unit (责任单位)
//! where its plan's document or an obligation it implements requires one.
//!
//! - **What it checks**: items of documents with `requires_units yes`, and
//!   items implementing an obligation with `requires_units yes`, have
//!   `units`. An item that only implements targets (kind `target`) or
//!   guiding ideas and working principles (kind `principle`) is a statement
//!   of goals or direction, not a task, and needs none.
//! - **Why it matters**: a task nobody is responsible for is not carried out.
//! - **How to fix**: add `units "区科协" …` to the item.

use crate::check::{Binding, Context};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Id, Msg, Provision};
use crate::syntax::ast::ObligationKind;

pub const CODE: CodeInfo = CodeInfo {
    code: "missing-responsible-unit",
    severity: Severity::Warning,
    summary: "an item names no responsible unit where one is required",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    ctx.each_plan(out, |plan, out| {
        let document = ctx.model.document(plan.doc);
        for &i in &document.items {
            let item = ctx.model.item(i);
            // A statement of targets (发展目标) or principles (指导思想,
            // 工作原则) carries out no task, so names no unit.
            let states_targets_only = !item.implements.is_empty()
                && item.implements.iter().all(|&o| {
                    matches!(
                        ctx.model.obligation(o).decl.kind,
                        ObligationKind::Target | ObligationKind::Principle
                    )
                });
            if !item.decl.units.is_empty() || states_targets_only {
                continue;
            }
            let requiring = item.implements.iter().copied().find(|&o| {
                ctx.model.obligation(o).decl.requires_units
                    && matches!(plan.binding(o), Binding::Owed { .. })
            });
            if !document.decl.requires_units && requiring.is_none() {
                continue;
            }
            let item_cite = Provision(ctx.cite_item(i));
            let message = match requiring {
                Some(o) => Msg::MissingUnitByObligation {
                    item: item_cite,
                    obligation: ctx.cite(o),
                },
                None => Msg::MissingUnitByDocument {
                    item: item_cite,
                    document: Id::new(document.id()),
                },
            };
            let mut d = ctx.finding(
                CODE.code,
                CODE.severity,
                message,
                ctx.provision_label(crate::check::Provision::Item(i), Msg::LabelNoUnits {}),
                plan.doc,
                requiring,
            );
            if let Some(o) = requiring {
                d = d.with_related(ctx.obligation_label(o, Msg::LabelRequiresUnit {}));
            }
            d.item = Some(ctx.model.item_ref(i));
            d.set_help(Msg::HelpNameUnits {});
            out.push(d);
        }
    });
}
