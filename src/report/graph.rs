//! The cascade graph: documents (and, on demand, obligations and items)
//! with what carries out, refines and implements what, exported as DOT,
//! Mermaid or an SVG picture drawn in Rust by layout-rs (no Graphviz at run
//! time). Edges are labelled with a plan's compliance when a coverage model
//! is at hand.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::geometry::{Point, get_size_for_str};
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use crate::coverage::{Coverage, Status};
use crate::i18n::{Lang, Msg};
use crate::model::{DocId, Model};
use crate::report::printable::printable;

/// How much of the cascade to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Documents and their carries-out links.
    Documents,
    /// Documents, the obligations of the checked plans' higher documents,
    /// and the plans' items, with refines and implements links.
    Obligations,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A document no checked plan is.
    Document,
    /// A checked plan.
    Plan,
    Obligation,
    Item,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: String,
    /// Lines of the label.
    pub label: Vec<String>,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    CarriesOut,
    Refines,
    Implements,
}

/// An edge from the lower thing to the higher one.
#[derive(Debug, Clone)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub label: String,
}

#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// The most boxes [`to_svg`] lays out. layout-rs grows worse than
/// linearly (about n³ on the generated cascades: 0.3 s of CPU for 124
/// boxes, 5.6 s for 389, 47 s for 801); a larger graph is refused at once.
pub const MAX_LAYOUT_NODES: usize = 300;

/// Why no picture was drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LayoutError {
    /// layout-rs panicked on this graph.
    Failed,
    TooLarge(usize),
}

impl LayoutError {
    /// What went wrong, as a catalogue message.
    pub fn message(&self) -> Msg {
        match *self {
            LayoutError::Failed => Msg::LayoutFailed {},
            LayoutError::TooLarge(boxes) => Msg::LayoutTooLarge {
                boxes,
                max: MAX_LAYOUT_NODES,
            },
        }
    }
}

/// The message in English; `graph` renders [`LayoutError::message`] in the
/// run's language.
impl std::fmt::Display for LayoutError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for LayoutError {}

/// Columns per label line before wrapping (a Chinese character takes two).
const WRAP: usize = 30;
/// Label lines of a title at most.
const TITLE_LINES: usize = 3;

/// Builds the graph of the model's documents.
pub fn build(model: &Model, coverage: Option<&Coverage>, detail: Detail) -> Graph {
    let mut g = Graph::default();
    let plan_ids: HashSet<&str> = coverage
        .map(|c| c.plans.iter().map(|p| p.id.as_str()).collect())
        .unwrap_or_default();
    let checked = |d: DocId| plan_ids.contains(model.document(d).id());
    let compliance = coverage.map(Compliance::of).unwrap_or_default();
    let mut doc_node = Vec::new();
    for (i, doc) in model.documents.iter().enumerate() {
        let mut label = wrap(doc.decl.title.as_deref().unwrap_or(doc.id()));
        label.push(doc.id().to_string());
        doc_node.push(g.nodes.len());
        g.nodes.push(Node {
            id: doc.id().to_string(),
            label,
            kind: if checked(DocId(i as u32)) {
                NodeKind::Plan
            } else {
                NodeKind::Document
            },
        });
    }
    for (i, doc) in model.documents.iter().enumerate() {
        for &parent in &doc.parents {
            g.edges.push(Edge {
                from: doc_node[i],
                to: doc_node[parent.index()],
                kind: EdgeKind::CarriesOut,
                label: compliance
                    .label(doc.id(), model.document(parent).id())
                    .unwrap_or_default(),
            });
        }
    }
    if detail == Detail::Obligations {
        add_obligations(model, &mut g, &doc_node);
    }
    g
}

/// How many of each higher document's owed obligations each plan
/// implements or exempts, counted in one pass over the matrix.
#[derive(Debug, Default)]
struct Compliance<'c> {
    /// (plan, higher document) → (done, owed).
    counts: HashMap<(&'c str, &'c str), (usize, usize)>,
}

impl<'c> Compliance<'c> {
    fn of(coverage: &'c Coverage) -> Self {
        let mut counts: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        for group in &coverage.groups {
            for row in &group.rows {
                for (&column, cell) in group.columns.iter().zip(&row.cells) {
                    let Some(plan) = coverage.plans.get(column) else {
                        continue;
                    };
                    if cell.status.is_owed() {
                        let entry = counts
                            .entry((plan.id.as_str(), row.document.as_str()))
                            .or_default();
                        entry.1 += 1;
                        if matches!(cell.status, Status::Implemented | Status::Exempted) {
                            entry.0 += 1;
                        }
                    }
                }
            }
        }
        Compliance { counts }
    }

    /// `82% (41/50)`: the share of the higher document's owed obligations
    /// the plan implements or exempts.
    fn label(&self, plan: &str, higher: &str) -> Option<String> {
        let &(done, owed) = self.counts.get(&(plan, higher))?;
        (owed > 0).then(|| format!("{:.0}% ({done}/{owed})", 100.0 * done as f64 / owed as f64))
    }
}

fn add_obligations(model: &Model, g: &mut Graph, doc_node: &[usize]) {
    let mut seen = HashSet::new();
    let mut obligation_node = vec![None; model.obligations.len()];
    let higher: Vec<usize> = {
        let mut h: Vec<usize> = model
            .documents
            .iter()
            .flat_map(|d| d.parents.iter().map(|p| p.index()))
            .collect();
        h.sort_unstable();
        h.dedup();
        h
    };
    for &d in &higher {
        for &o in &model.documents[d].obligations {
            let ob = model.obligation(o);
            if ob.parent.is_some() {
                continue;
            }
            obligation_node[o.index()] = Some(g.nodes.len());
            let mut label = wrap(ob.title());
            label.push(format!("{} {}", ob.id(), ob.citation()));
            g.nodes.push(Node {
                id: ob.id().to_string(),
                label,
                kind: NodeKind::Obligation,
            });
        }
    }
    // A clause is drawn as its bullet.
    let node_of = |o: crate::model::OblId| {
        let top = model.ancestors(o).last().unwrap_or(o);
        obligation_node[top.index()]
    };
    for (i, ob) in model.obligations.iter().enumerate() {
        let Some(from) = node_of(crate::model::OblId(i as u32)) else {
            continue;
        };
        for &r in &ob.refines {
            if let Some(to) = node_of(r)
                && from != to
            {
                push_unique(g, &mut seen, from, to, EdgeKind::Refines);
            }
        }
    }
    for item in &model.items {
        let from = g.nodes.len();
        let mut label = wrap(item.decl.title.as_deref().unwrap_or(item.id()));
        label.push(format!("{} {}", item.id(), item.citation()));
        g.nodes.push(Node {
            id: item.id().to_string(),
            label,
            kind: NodeKind::Item,
        });
        for &o in &item.implements {
            if let Some(to) = node_of(o) {
                push_unique(g, &mut seen, from, to, EdgeKind::Implements);
            }
        }
        if item.implements.is_empty() {
            push_unique(
                g,
                &mut seen,
                from,
                doc_node[item.document.index()],
                EdgeKind::Implements,
            );
        }
    }
}

fn push_unique(
    g: &mut Graph,
    seen: &mut HashSet<(usize, usize, EdgeKind)>,
    from: usize,
    to: usize,
    kind: EdgeKind,
) {
    if seen.insert((from, to, kind)) {
        g.edges.push(Edge {
            from,
            to,
            kind,
            label: String::new(),
        });
    }
}

/// Wraps a title into lines of at most `WRAP` columns (a Chinese
/// character takes two, a Latin letter one; Latin words stay whole), at
/// most `TITLE_LINES` lines, the last ending in `…` when cut. Control
/// characters become visible ([`printable`]): a form feed or vertical tab
/// (Word's page and line breaks) is not allowed in the XML of an SVG.
pub fn wrap(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    for c in printable(text).chars() {
        let joins = c.is_ascii() && !c.is_ascii_whitespace();
        match tokens.last_mut() {
            Some(last)
                if joins
                    && last
                        .chars()
                        .all(|l| l.is_ascii() && !l.is_ascii_whitespace()) =>
            {
                last.push(c)
            }
            _ => tokens.push(c.to_string()),
        }
    }
    let width = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let mut lines: Vec<String> = vec![String::new()];
    for token in tokens {
        let Some(line) = lines.last_mut() else { break };
        if !line.is_empty() && width(line) + width(&token) > WRAP {
            let next = token.trim_start().to_string();
            if next.is_empty() {
                continue;
            }
            lines.push(next);
        } else {
            line.push_str(&token);
        }
    }
    let cut = lines.len() > TITLE_LINES;
    lines.truncate(TITLE_LINES);
    if cut && let Some(last) = lines.last_mut() {
        *last = last.trim_end().to_string();
        last.push('…');
    }
    lines.iter().map(|l| l.trim_end().to_string()).collect()
}

fn edge_name(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::CarriesOut => "carries out",
        EdgeKind::Refines => "refines",
        EdgeKind::Implements => "implements",
    }
}

/// The graph in Graphviz DOT.
pub fn to_dot(g: &Graph) -> String {
    let quote = |s: &str| {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' | '\r' => out.push_str("\\n"),
                _ => out.push(c),
            }
        }
        out.push('"');
        out
    };
    let mut out = String::from(
        "digraph cascade {\n  rankdir=BT;\n  node [shape=box, fontname=\"sans-serif\"];\n",
    );
    for n in &g.nodes {
        let style = match n.kind {
            NodeKind::Plan => ", style=filled, fillcolor=\"#dbeafe\"",
            NodeKind::Document => ", style=filled, fillcolor=\"#f3f4f6\"",
            NodeKind::Obligation => ", shape=note",
            NodeKind::Item => ", shape=ellipse",
        };
        let _ = writeln!(
            out,
            "  {} [label={}{style}];",
            quote(&n.id),
            quote(&n.label.join("\n"))
        );
    }
    for e in &g.edges {
        let (Some(from), Some(to)) = (g.nodes.get(e.from), g.nodes.get(e.to)) else {
            continue;
        };
        let label = if e.label.is_empty() {
            edge_name(e.kind).to_string()
        } else {
            format!("{}: {}", edge_name(e.kind), e.label)
        };
        let _ = writeln!(
            out,
            "  {} -> {} [label={}];",
            quote(&from.id),
            quote(&to.id),
            quote(&label)
        );
    }
    out.push_str("}\n");
    out
}

/// The graph as a Mermaid flowchart.
pub fn to_mermaid(g: &Graph) -> String {
    let text = |s: &str| {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '"' => out.push_str("#quot;"),
                '#' => out.push_str("#35;"),
                '<' => out.push_str("#lt;"),
                '>' => out.push_str("#gt;"),
                '|' => out.push_str("#124;"),
                '&' => out.push_str("#amp;"),
                '\n' | '\r' => out.push(' '),
                _ => out.push(c),
            }
        }
        out
    };
    let mut out = String::from("flowchart BT\n");
    for (i, n) in g.nodes.iter().enumerate() {
        let label = n
            .label
            .iter()
            .map(|l| text(l))
            .collect::<Vec<_>>()
            .join("<br/>");
        let (open, close) = match n.kind {
            NodeKind::Item => ("([", "])"),
            NodeKind::Obligation => ("[/", "/]"),
            _ => ("[", "]"),
        };
        let _ = writeln!(out, "  n{i}{open}\"{label}\"{close}");
    }
    for e in &g.edges {
        let label = if e.label.is_empty() {
            edge_name(e.kind).to_string()
        } else {
            format!("{}: {}", edge_name(e.kind), e.label)
        };
        let arrow = match e.kind {
            EdgeKind::CarriesOut => "-->",
            _ => "-.->",
        };
        let _ = writeln!(out, "  n{} {arrow}|\"{}\"| n{}", e.from, text(&label), e.to);
    }
    out
}

/// The graph drawn as a standalone SVG document, higher documents on top.
pub fn to_svg(g: &Graph) -> Result<String, LayoutError> {
    if g.nodes.is_empty() {
        return Ok(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>\n"
                .to_string(),
        );
    }
    if g.nodes.len() > MAX_LAYOUT_NODES {
        return Err(LayoutError::TooLarge(g.nodes.len()));
    }
    let nodes = g.nodes.clone();
    let edges = g.edges.clone();
    // layout-rs asserts on graphs it cannot place; a failed layout must
    // not take the report down with it.
    let result = std::panic::catch_unwind(move || {
        let mut vg = VisualGraph::new(Orientation::TopToBottom);
        let handles: Vec<_> = nodes
            .iter()
            .map(|n| {
                let text = n.label.join("\n");
                let font = 14;
                let size = get_size_for_str(&text, font).add(Point::new(24.0, 16.0));
                let fill = match n.kind {
                    NodeKind::Plan => 0xdbeafeff,
                    NodeKind::Document => 0xf3f4f6ff,
                    NodeKind::Obligation => 0xfef3c7ff,
                    NodeKind::Item => 0xffffffff,
                };
                let look =
                    StyleAttr::new(Color::new(0x374151ff), 1, Some(Color::new(fill)), 6, font);
                vg.add_node(Element::create(
                    ShapeKind::new_box(&text),
                    look,
                    Orientation::LeftToRight,
                    size,
                ))
            })
            .collect();
        for e in &edges {
            let (Some(&higher), Some(&lower)) = (handles.get(e.to), handles.get(e.from)) else {
                continue;
            };
            let style = match e.kind {
                EdgeKind::CarriesOut => LineStyleKind::Normal,
                _ => LineStyleKind::Dashed,
            };
            let look = StyleAttr::new(Color::new(0x6b7280ff), 1, None, 0, 12);
            let arrow = Arrow::new(
                LineEndKind::Arrow,
                LineEndKind::None,
                style,
                &e.label,
                &look,
                &None,
                &None,
            );
            vg.add_edge(arrow, higher, lower);
        }
        let mut svg = SVGWriter::new();
        vg.do_it(false, false, false, &mut svg);
        svg.finalize()
    });
    result
        .map(|svg| cropped(&sorted_styles(&svg)))
        .map_err(|_| LayoutError::Failed)
}

/// The margin kept around what the picture draws, in its units.
const CROP_MARGIN: f64 = 30.0;

/// The picture cut to what it draws: layout-rs can size its canvas well
/// beyond its boxes (1465 units high for boxes that end at 416), which
/// printed as a blank page. The width and height shrink to the lowest and
/// rightmost box, text or line plus [`CROP_MARGIN`]; they never grow.
fn cropped(svg: &str) -> String {
    let number = |tag: &str, name: &str| -> Option<f64> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        tag[at..].split('"').next()?.trim().parse().ok()
    };
    let (mut right, mut bottom) = (0.0f64, 0.0f64);
    for tag in svg
        .split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(""))
    {
        let tag = tag.replace('\n', " ");
        let name = tag.split_whitespace().next().unwrap_or("");
        match name {
            "rect" | "text" => {
                let (x, y) = (number(&tag, "x"), number(&tag, "y"));
                let (w, h) = (number(&tag, "width"), number(&tag, "height"));
                // Text is centred on its point: half a line below it.
                let h = h.unwrap_or(if name == "text" { 10.0 } else { 0.0 });
                right = right.max(x.unwrap_or(0.0) + w.unwrap_or(0.0));
                bottom = bottom.max(y.unwrap_or(0.0) + h);
            }
            "path" | "polygon" if !tag.contains("fill=\"context-stroke\"") => {
                let points = tag
                    .find(" d=\"")
                    .or_else(|| tag.find(" points=\""))
                    .and_then(|at| tag[at..].split('"').nth(1));
                let numbers: Vec<f64> = points
                    .unwrap_or("")
                    .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
                    .filter_map(|n| n.parse().ok())
                    .collect();
                for pair in numbers.chunks_exact(2) {
                    right = right.max(pair[0]);
                    bottom = bottom.max(pair[1]);
                }
            }
            _ => {}
        }
    }
    let Some(head_end) = svg
        .find("<svg")
        .and_then(|at| svg[at..].find('>').map(|e| at + e))
    else {
        return svg.to_string();
    };
    let head = &svg[..head_end];
    let (Some(width), Some(height)) = (number(head, "width"), number(head, "height")) else {
        return svg.to_string();
    };
    let (w, h) = (
        width.min(right + CROP_MARGIN),
        height.min(bottom + CROP_MARGIN),
    );
    if right <= 0.0 || bottom <= 0.0 || (w == width && h == height) {
        return svg.to_string();
    }
    let head = head
        .replacen(
            &format!(" width=\"{width}\""),
            &format!(" width=\"{w}\""),
            1,
        )
        .replacen(
            &format!(" height=\"{height}\""),
            &format!(" height=\"{h}\""),
            1,
        )
        .replacen(
            &format!(" viewBox=\"0 0 {width} {height}\""),
            &format!(" viewBox=\"0 0 {w} {h}\""),
            1,
        );
    format!("{head}{}", &svg[head_end..])
}

/// layout-rs writes its font classes from a hash map, in an order that
/// changes from run to run; sorting them makes the picture reproducible
/// (the committed example report is compared byte for byte).
fn sorted_styles(svg: &str) -> String {
    let (Some(start), Some(end)) = (svg.find("<style>\n"), svg.find("</style>")) else {
        return svg.to_string();
    };
    let body = start + "<style>\n".len();
    if end < body {
        return svg.to_string();
    }
    let mut lines: Vec<&str> = svg[body..end].lines().collect();
    lines.sort_unstable();
    let mut out = String::with_capacity(svg.len());
    out.push_str(&svg[..body]);
    for line in lines {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&svg[end..]);
    out
}

/// The SVG without its XML declaration, to place inside an HTML page.
pub fn inline_svg(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(start) => &svg[start..],
        None => svg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Graph {
        Graph {
            nodes: vec![
                Node {
                    id: "a\"b".into(),
                    label: vec!["北京市<纲要>".into(), "a\"b".into()],
                    kind: NodeKind::Document,
                },
                Node {
                    id: "xc".into(),
                    label: vec!["西城区 | 方案 #1".into()],
                    kind: NodeKind::Plan,
                },
            ],
            edges: vec![Edge {
                from: 1,
                to: 0,
                kind: EdgeKind::CarriesOut,
                label: "50% (1/2)".into(),
            }],
        }
    }

    #[test]
    fn a_graph_too_large_to_draw_is_refused_in_both_languages() {
        let node = sample().nodes[1].clone();
        let g = Graph {
            nodes: vec![node; MAX_LAYOUT_NODES + 1],
            edges: Vec::new(),
        };
        let e = to_svg(&g).err().map(|e| e.message());
        let render = |lang| e.as_ref().map(|m| m.render(lang)).unwrap_or_default();
        assert_eq!(
            render(Lang::En),
            "the graph has 301 boxes, more than the 300 that are drawn"
        );
        assert_eq!(render(Lang::Zh), "该图有 301 个框，超过可绘制的 300 个");
    }

    #[test]
    fn dot_quotes_labels() {
        let dot = to_dot(&sample());
        assert!(dot.contains("\"a\\\"b\" [label=\"北京市<纲要>\\na\\\"b\""));
        assert!(dot.contains("\"xc\" -> \"a\\\"b\" [label=\"carries out: 50% (1/2)\"]"));
    }

    #[test]
    fn mermaid_escapes_what_would_break_the_syntax() {
        let m = to_mermaid(&sample());
        assert!(m.contains("n0[\"北京市#lt;纲要#gt;<br/>a#quot;b\"]"));
        assert!(m.contains("n1[\"西城区 #124; 方案 #35;1\"]"));
        assert!(m.contains("n1 -->|\"carries out: 50% (1/2)\"| n0"));
    }

    #[test]
    fn svg_draws_chinese_labels_escaped() {
        let svg = to_svg(&sample()).map_err(|e| e.to_string());
        let svg = svg.as_deref().unwrap_or("");
        assert!(svg.contains("北京市&lt;纲要&gt;"));
        assert!(!svg.contains("<纲要>"));
        assert!(svg.contains("西城区"));
    }

    #[test]
    fn svg_is_the_same_every_time() {
        let first = to_svg(&sample()).map_err(|e| e.to_string());
        for _ in 0..8 {
            assert_eq!(to_svg(&sample()).map_err(|e| e.to_string()), first);
        }
    }

    #[test]
    fn the_picture_is_cut_to_what_it_draws() {
        let svg = "<svg width=\"500\" height=\"1465\" viewBox=\"0 0 500 1465\" xmlns=\"http://www.w3.org/2000/svg\">\
<rect x=\"10\" y=\"20\" width=\"100\" height=\"50\" /><text x=\"60\" y=\"45\">a</text>\
<path d=\"M 60 70 C 60 90, 60 100, 60 120 \" /></svg>";
        let cut = cropped(svg);
        assert!(
            cut.starts_with("<svg width=\"140\" height=\"150\" viewBox=\"0 0 140 150\""),
            "{cut}"
        );
        // A canvas as small as its drawing stays as it is.
        assert_eq!(cropped(&cut), cut);
        // The real picture: no blank space under the boxes.
        let real = to_svg(&sample()).unwrap_or_default();
        let height: f64 = real
            .split("height=\"")
            .nth(1)
            .and_then(|h| h.split('"').next())
            .and_then(|h| h.parse().ok())
            .unwrap_or(f64::MAX);
        assert!(height < 400.0, "{real}");
    }

    #[test]
    fn wrapping_cuts_long_titles() {
        let long = "一".repeat(100);
        let lines = wrap(&long);
        assert_eq!(lines.len(), TITLE_LINES);
        assert!(lines[2].ends_with('…'));
        assert_eq!(lines[0].chars().count(), 15);
        assert_eq!(wrap("短"), vec!["短".to_string()]);
        assert_eq!(
            wrap("Opinions on Further Strengthening the Popularization"),
            vec!["Opinions on Further", "Strengthening the", "Popularization"]
        );
    }
}
