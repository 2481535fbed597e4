//! Validation of the loaded graph: cycles and links that reach outside
//! what a plan carries out.

use petgraph::algo::kosaraju_scc;
use petgraph::visit::EdgeFiltered;

use super::*;
use crate::diagnostic::{Label, Severity};
use crate::i18n::{Id, LinkKind, Msg};

pub fn validate(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    cycles(model, Edge::Refines, LinkKind::Refinement, &mut out);
    cycles(model, Edge::CarriesOut, LinkKind::CarriesOut, &mut out);
    cycles(model, Edge::Parent, LinkKind::Parent, &mut out);
    foreign_links(model, &mut out);
    out
}

/// Reports every cycle along edges of one kind, naming each node on it.
fn cycles(model: &Model, kind: Edge, what: LinkKind, out: &mut Vec<Diagnostic>) {
    let filtered = EdgeFiltered::from_fn(&model.graph, |e| *e.weight() == kind);
    // Kosaraju's algorithm, not Tarjan's: petgraph's Tarjan recurses once per
    // node of a path and overflowed the stack on a refinement cycle of
    // 20,000 obligations; Kosaraju's walks with an explicit stack.
    for mut component in kosaraju_scc(&filtered) {
        let is_cycle = component.len() > 1
            || model
                .graph
                .edges_connecting(component[0], component[0])
                .any(|e| *e.weight() == kind);
        if !is_cycle {
            continue;
        }
        component.sort();
        let places: Vec<(String, FileId, crate::source::Span)> = component
            .iter()
            .map(|&n| match model.graph[n] {
                Node::Obligation(o) => {
                    let o = model.obligation(o);
                    (o.id().to_string(), o.file, o.decl.id.span)
                }
                Node::Document(d) => {
                    let d = model.document(d);
                    (d.id().to_string(), d.file, d.decl.id.span)
                }
                Node::Jurisdiction(j) => {
                    let j = model.jurisdiction(j);
                    (j.id().to_string(), j.file, j.decl.id.span)
                }
                Node::Item(i) => {
                    let i = model.item(i);
                    (i.id().to_string(), i.file, i.decl.id.span)
                }
                Node::Exemption(e) => {
                    let e = model.exemption(e);
                    (e.decl.obligation.value.clone(), e.file, e.decl.header)
                }
            })
            .collect();
        let names: Vec<String> = places.iter().map(|(id, _, _)| format!("`{id}`")).collect();
        let message = if places.len() == 1 {
            Msg::CycleSelf {
                kind: what,
                id: Id::new(places[0].0.to_string()),
            }
        } else {
            // A cycle of thousands of nodes would make a message of
            // hundreds of kilobytes: name the first ones; labels carry all.
            const SHOWN: usize = 10;
            let mut shown = names[..names.len().min(SHOWN)].join(" → ");
            if names.len() > SHOWN {
                shown.push_str(&format!(" → … ({} in all)", names.len()));
            }
            Msg::Cycle {
                kind: what,
                path: shown,
            }
        };
        let (_, file, span) = &places[0];
        let mut d = Diagnostic::new(
            "cycle",
            Severity::Error,
            message,
            Label::new(*file, *span, Msg::LabelOnCycle {}),
        )
        .with_help(Msg::HelpBreakCycle { kind: what });
        for (_, file, span) in &places[1..] {
            d = d.with_related(Label::new(*file, *span, Msg::LabelOnCycle {}));
        }
        out.push(d);
    }
}

/// An item may implement, and an exemption exempt, only obligations of the
/// documents its own document carries out.
fn foreign_links(model: &Model, out: &mut Vec<Diagnostic>) {
    let links = model
        .items
        .iter()
        .flat_map(|i| {
            i.implements.iter().map(move |&o| {
                let span = i
                    .decl
                    .implements
                    .iter()
                    .find(|r| r.value == model.obligation(o).id())
                    .map(|r| r.span)
                    .unwrap_or(i.decl.header);
                (i.document, o, i.file, span, "implements")
            })
        })
        .chain(model.exemptions.iter().filter_map(|e| {
            e.obligation
                .map(|o| (e.document, o, e.file, e.decl.obligation.span, "exempts"))
        }));
    for (doc, obligation, file, span, verb) in links {
        let owner = model.obligation(obligation).document;
        let document = model.document(doc);
        if document.parents.contains(&owner) {
            continue;
        }
        let owner_doc = model.document(owner);
        let help = if owner == doc {
            Msg::HelpOwnObligation {}
        } else {
            Msg::HelpCarryOutDocument {
                document: owner_doc.id().to_string(),
                plan: Id::new(document.id()),
            }
        };
        let o = model.obligation(obligation);
        out.push(
            Diagnostic::new(
                "foreign-link",
                Severity::Error,
                {
                    let (plan, obligation, document) = (
                        Id::new(document.id()),
                        Id::new(o.id()),
                        Id::new(owner_doc.id()),
                    );
                    if verb == "implements" {
                        Msg::ForeignImplements {
                            plan,
                            obligation,
                            document,
                        }
                    } else {
                        Msg::ForeignExempts {
                            plan,
                            obligation,
                            document,
                        }
                    }
                },
                Label::new(file, span, Msg::LabelForeign {}),
            )
            .with_related(Label::new(
                o.file,
                o.decl.header,
                Msg::LabelTheObligation {},
            ))
            .with_help(help),
        );
    }
}
