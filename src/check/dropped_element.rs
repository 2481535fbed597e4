//! `dropped-element`: the rules name the groups, topics or programmes an
//! obligation covers, and the plan's implementing text never mentions one.
//!
//! - **What it checks**: for each owed obligation with `elements`, the text
//!   (title and `text`) of the provisions covering it or its clauses names
//!   every element, or one of its `|` alternatives.
//! - **Why it matters**: a plan that trains the elderly in smartphone use
//!   but drops 防止诈骗 carries out the bullet only in part.
//! - **How to fix**: name the element in the implementing item's text, or
//!   say in an exemption why the plan leaves it out.

use crate::check::{Context, PlanView, Provision};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::catalogue::Provisions;
use crate::i18n::{Msg, Quote};
use crate::model::OblId;

pub const CODE: CodeInfo = CodeInfo {
    code: "dropped-element",
    severity: Severity::Warning,
    summary: "an element the obligation names is not mentioned by the items implementing it",
};

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    ctx.each_plan(out, |plan, out| {
        for (o, advisory) in plan.owed() {
            let obligation = ctx.model.obligation(o);
            if obligation.decl.elements.is_empty() || plan.exemptions_in_force.contains_key(&o) {
                continue;
            }
            let provisions = covering_subtree(ctx, plan, o);
            let Some(&first) = provisions.first() else {
                continue;
            };
            let text: String = provisions
                .iter()
                .map(|&p| ctx.provision_text(p))
                .collect::<Vec<_>>()
                .join("\n");
            for element in &obligation.decl.elements {
                if element
                    .value
                    .alternatives
                    .iter()
                    .any(|a| text.contains(a.as_str()))
                {
                    continue;
                }
                let name = element.value.display();
                let element_quote = Quote(name.to_string());
                let message = match provisions.as_slice() {
                    [only] => Msg::DroppedElement {
                        obligation: ctx.cite(o),
                        element: element_quote.clone(),
                        item: ctx.provision_cite(*only),
                    },
                    several => Msg::DroppedElementSeveral {
                        obligation: ctx.cite(o),
                        element: element_quote.clone(),
                        items: Provisions(several.iter().map(|&p| ctx.provision_cite(p)).collect()),
                    },
                };
                let mut d = ctx
                    .finding(
                        CODE.code,
                        ctx.severity(CODE.severity, advisory),
                        message,
                        ctx.provision_label(
                            first,
                            Msg::LabelNoMention {
                                element: element_quote.clone(),
                            },
                        ),
                        plan.doc,
                        Some(o),
                    )
                    .with_related(crate::diagnostic::Label::new(
                        obligation.file,
                        element.span,
                        Msg::LabelElementNamed {},
                    ))
                    .with_help(Msg::HelpCarryOutElement {
                        element: element_quote,
                    });
                if let Provision::Item(i) = first {
                    d.item = Some(ctx.model.item_ref(i));
                }
                out.push(d);
            }
        }
    });
}

/// The provisions covering the obligation or any of its clauses, sorted.
fn covering_subtree(ctx: &Context, plan: &PlanView, o: OblId) -> Vec<Provision> {
    let mut out: Vec<Provision> = plan.covering(o).to_vec();
    for &child in &ctx.model.obligation(o).children {
        for p in covering_subtree(ctx, plan, child) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
