//! Validation of the loaded graph: cycles and links that reach outside
//! what a plan carries out.

use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::visit::{EdgeFiltered, EdgeRef, NodeFiltered};

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
    let Some(suspects) = on_or_after_cycles(&model.graph, kind) else {
        return;
    };
    let filtered = EdgeFiltered::from_fn(&model.graph, |e| *e.weight() == kind);
    let filtered = NodeFiltered::from_fn(&filtered, |n| suspects[n.index()]);
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

/// The nodes that lie on a cycle of `kind` edges or downstream of one, or
/// `None` when there are none (by node index): what is left after taking away, again and
/// again, every node no remaining `kind` edge enters (Kahn's peeling). A
/// node on a cycle is never taken away, so the components are looked for
/// among these only: one pass over the edges where a whole cascade has no
/// cycle, where Kosaraju's algorithm walked every node twice.
fn on_or_after_cycles(graph: &DiGraph<Node, Edge>, kind: Edge) -> Option<Vec<bool>> {
    let mut entering = vec![0u32; graph.node_count()];
    for edge in graph.raw_edges().iter().filter(|e| e.weight == kind) {
        entering[edge.target().index()] += 1;
    }
    let mut peeled: Vec<NodeIndex> = graph
        .node_indices()
        .filter(|n| entering[n.index()] == 0)
        .collect();
    let mut left = graph.node_count() - peeled.len();
    while let Some(n) = peeled.pop() {
        for edge in graph.edges_directed(n, Direction::Outgoing) {
            if *edge.weight() != kind {
                continue;
            }
            let target = edge.target().index();
            entering[target] -= 1;
            if entering[target] == 0 {
                peeled.push(edge.target());
                left -= 1;
            }
        }
    }
    (left > 0).then(|| entering.iter().map(|&count| count > 0).collect())
}

/// An item may implement, and an exemption exempt, only obligations of the
/// documents its own document carries out.
fn foreign_links(model: &Model, out: &mut Vec<Diagnostic>) {
    // Where the link is written is looked up only for a foreign one.
    let implements_span = |i: &Item, o: OblId| {
        i.decl
            .implements
            .iter()
            .find(|r| r.value == model.obligation(o).id())
            .map(|r| r.span)
            .unwrap_or(i.decl.header)
    };
    let links = model
        .items
        .iter()
        .flat_map(|i| {
            i.implements
                .iter()
                .map(move |&o| (i.document, o, Link::Implements(i)))
        })
        .chain(
            model
                .exemptions
                .iter()
                .filter_map(|e| e.obligation.map(|o| (e.document, o, Link::Exempts(e)))),
        );
    for (doc, obligation, link) in links {
        let owner = model.obligation(obligation).document;
        let document = model.document(doc);
        if document.parents.contains(&owner) {
            continue;
        }
        let (file, span, verb) = match link {
            Link::Implements(i) => (i.file, implements_span(i, obligation), "implements"),
            Link::Exempts(e) => (e.file, e.decl.obligation.span, "exempts"),
        };
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

/// What links a plan's declaration to an obligation.
enum Link<'m> {
    Implements(&'m Item),
    Exempts(&'m Exemption),
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = r#"
document city.outline {
  title "纲要"
  period 2021-2035
  rank province "市"
}
obligation c.upstream {
  title "上游"
  refines c.1
}
obligation c.1 {
  title "一"
  refines c.2 c.downstream
}
obligation c.2 {
  title "二"
  refines c.1
}
obligation c.downstream {
  title "下游"
}
obligation c.self {
  title "自身"
  refines c.self
}
"#;

    fn cycle_messages(rules: &str) -> Vec<String> {
        let loaded = crate::model::load([("city.rules", rules)]);
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.code == "cycle")
            .map(|d| d.message.to_string())
            .collect()
    }

    #[test]
    fn only_the_nodes_on_a_cycle_are_named() {
        let messages = cycle_messages(RULES);
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages.iter().any(|m| m.contains("`c.1` → `c.2`")
                && !m.contains("c.upstream")
                && !m.contains("c.downstream")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("c.self")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_cascade_without_cycles_has_nothing_to_look_at() {
        let loaded = crate::model::load([("city.rules", RULES)]);
        assert!(on_or_after_cycles(&loaded.model.graph, Edge::Refines).is_some());
        assert!(on_or_after_cycles(&loaded.model.graph, Edge::CarriesOut).is_none());
        let acyclic = RULES.replace(
            "refines c.1\n}\nobligation c.downstream",
            "\n}\nobligation c.downstream",
        );
        let acyclic = acyclic.replace("refines c.self", "");
        assert_eq!(cycle_messages(&acyclic), Vec::<String>::new());
        let loaded = crate::model::load([("city.rules", acyclic.as_str())]);
        assert!(on_or_after_cycles(&loaded.model.graph, Edge::Refines).is_none());
    }
}
