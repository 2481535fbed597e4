//! The imported document in the plan language: a draft plan (`item`s with
//! `source`, `title`, `text`, `units`, ranked `implements` and targets), or
//! with `--as rules` the obligations of a higher document. Everything not
//! placed stays as a comment with its line in the source; a figure that
//! is not matched to an owed target stays as a comment, never guessed.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{Imported, ImportedItem};
use crate::check::figures::format_figure;
use crate::i18n::{Lang, Msg, Quote};
use crate::model::Model;
use crate::owed::quote;
use crate::text::figures::Figure;

/// The draft plan of an imported document named `source`, its comments
/// in English.
pub fn draft(imported: &Imported, model: &Model, source: &str) -> String {
    draft_in(imported, model, source, Lang::En)
}

/// The draft plan, its comments for the drafter in `lang`.
pub fn draft_in(imported: &Imported, model: &Model, source: &str, lang: Lang) -> String {
    let h = &imported.header;
    let short = short_name(imported);
    let mut out = String::new();
    let head = Msg::ImportHead {
        source: source.to_string(),
    };
    let _ = writeln!(out, "# {}", head.render(lang));
    let _ = writeln!(out, "{}\n", Msg::ImportHowTo {}.render(lang));
    let _ = writeln!(out, "document {short}.plan {{");
    if let Some(t) = &h.title {
        let _ = writeln!(out, "  title {}", quote(t));
    }
    if let Some(i) = &h.issuer {
        let _ = writeln!(out, "  issuer {}", quote(i));
    }
    if let Some(n) = &h.number {
        let _ = writeln!(out, "  number {}", quote(n));
    }
    match &h.issued {
        Some(d) => {
            let _ = writeln!(out, "  issued {d}");
        }
        None => {
            let why = Msg::ImportNoDate {}.render(lang);
            let _ = writeln!(out, "  # issued YYYY-MM-DD   # {why}");
        }
    }
    if let Some([from, to]) = h.period {
        let inherited = if h.period_inherited {
            format!("   # {}", Msg::ImportInherited {}.render(lang))
        } else {
            String::new()
        };
        let _ = writeln!(out, "  period {}{inherited}", period(from, to));
    }
    if let Some(level) = h.level {
        let _ = writeln!(out, "  rank {level}");
    }
    match &h.jurisdiction {
        Some(j) => match &j.id {
            Some(id) => {
                let _ = writeln!(out, "  jurisdiction {id}");
            }
            None => {
                let why = Msg::ImportUnknownJurisdiction {
                    name: Quote(j.name.clone()),
                };
                let _ = writeln!(out, "  # jurisdiction ?   # {}", why.render(lang));
            }
        },
        None => {
            let why = Msg::ImportNoJurisdiction {}.render(lang);
            let _ = writeln!(out, "  # jurisdiction ?   # {why}");
        }
    }
    for c in &imported.carries_out {
        let _ = writeln!(out, "  carries_out {c}");
    }
    if imported.carries_out.is_empty() {
        for c in &h.cites {
            let title = c.title.clone();
            let cites = match &c.number {
                Some(number) => Msg::ImportCitesNumbered {
                    title,
                    number: number.clone(),
                },
                None => Msg::ImportCites { title },
            };
            let _ = writeln!(out, "  # {}", cites.render(lang));
        }
    }
    if imported.items.iter().any(|i| !i.item.units.is_empty()) {
        out.push_str("  requires_units yes\n");
    }
    let _ = writeln!(out, "  source_text {}", quote(source));
    out.push_str("}\n");
    // Text and items in the order of the source.
    enum Piece<'a> {
        Comment(usize, String),
        Item(&'a ImportedItem),
    }
    let mut pieces: Vec<(usize, Piece)> = Vec::new();
    for u in &imported.unplaced {
        pieces.push((u.line, Piece::Comment(u.line, u.text.clone())));
    }
    for d in &imported.dropped {
        pieces.push((
            d.line,
            Piece::Comment(d.line, dropped(d.why, &d.text, lang)),
        ));
    }
    for i in &imported.items {
        pieces.push((i.item.line, Piece::Item(i)));
    }
    pieces.sort_by_key(|(line, _)| *line);
    let mut ids = BTreeSet::new();
    for (_, piece) in pieces {
        match piece {
            Piece::Comment(0, text) => {
                let _ = writeln!(out, "\n# {}", one_line(&text));
            }
            Piece::Comment(line, text) => {
                let line = Msg::ImportLine {
                    line,
                    text: one_line(&text),
                };
                let _ = writeln!(out, "\n# {}", line.render(lang));
            }
            Piece::Item(i) => {
                out.push('\n');
                item(&mut out, &short, i, model, &mut ids, lang);
            }
        }
    }
    out
}

fn item(
    out: &mut String,
    short: &str,
    i: &ImportedItem,
    model: &Model,
    ids: &mut BTreeSet<String>,
    lang: Lang,
) {
    let it = &i.item;
    let mut id = format!("{short}.{}", it.source.replace('¶', "p"));
    let base = id.clone();
    let mut n = 2;
    while !ids.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let line = Msg::ImportLineOnly { line: it.line };
    let _ = writeln!(out, "# {}", line.render(lang));
    let _ = writeln!(out, "item {id} {{");
    let _ = writeln!(out, "  title {}", quote(&it.title));
    let _ = writeln!(out, "  source {}", it.source);
    let _ = writeln!(out, "  text {}", quote(&it.text));
    let accepted: Vec<&str> = i
        .links
        .iter()
        .filter(|l| l.accepted)
        .map(|l| l.obligation.as_str())
        .collect();
    for l in &i.links {
        if l.accepted {
            let score = Msg::ImportScore {
                score: format!("{:.3}", l.score),
            };
            let _ = writeln!(
                out,
                "  implements {}   # {}",
                l.obligation,
                score.render(lang)
            );
        } else {
            let title = model
                .obligation_by_id(&l.obligation)
                .map(|o| model.obligation(o).title().to_string())
                .unwrap_or_default();
            let candidate = Msg::ImportCandidate {
                score: format!("{:.3}", l.score),
                title,
            };
            let _ = writeln!(
                out,
                "  # implements {}   # {}",
                l.obligation,
                candidate.render(lang)
            );
        }
    }
    if !it.units.is_empty() {
        let units: Vec<String> = it.units.iter().map(|u| quote(u)).collect();
        let _ = writeln!(out, "  units {}", units.join(" "));
    }
    for f in &i.figures {
        match owed_metric(model, &accepted, f) {
            Some(metric) => {
                let _ = writeln!(out, "  target {metric} {{ {} }}", target_body(f));
            }
            None => {
                let unmatched = Msg::ImportFigureUnmatched {
                    figure: target_body(f),
                };
                let _ = writeln!(out, "  # {}", unmatched.render(lang));
            }
        }
    }
    for g in super::goals::goals(&it.text, it.context_year) {
        let body = goal_body(&g);
        match owed_goal(model, &accepted) {
            Some(metric) => {
                let _ = writeln!(out, "  target {metric} {{ {body} }}");
            }
            None => {
                let unlinked = Msg::ImportGoalUnlinked { body };
                let _ = writeln!(out, "  # {}", unlinked.render(lang));
            }
        }
    }
    out.push_str("}\n");
}

/// `text "…"; by 2035`.
fn goal_body(g: &super::goals::Goal) -> String {
    let mut out = format!("text {}", quote(&g.text));
    if let Some(y) = g.year {
        let _ = write!(out, "; by {y}");
    }
    out
}

/// The id of the one qualitative target (a `text`, no figure) of the
/// accepted links' obligations and their clauses.
fn owed_goal(model: &Model, accepted: &[&str]) -> Option<String> {
    let mut candidates: Vec<String> = Vec::new();
    for id in accepted {
        let Some(o) = model.obligation_by_id(id) else {
            continue;
        };
        let bullet = model.obligation(o).parent.unwrap_or(o);
        let family =
            std::iter::once(bullet).chain(model.obligation(bullet).children.iter().copied());
        for x in family {
            for t in &model.obligation(x).decl.targets {
                if t.figure.is_none() && t.text.is_some() && !candidates.contains(&t.metric.value) {
                    candidates.push(t.metric.value.clone());
                }
            }
        }
    }
    match candidates.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// The id of the target, among those of the accepted links' obligations
/// (and their clauses), that measures the figure in its unit.
fn owed_metric(model: &Model, accepted: &[&str], f: &Figure) -> Option<String> {
    let mut candidates = Vec::new();
    for id in accepted {
        let Some(o) = model.obligation_by_id(id) else {
            continue;
        };
        let bullet = model.obligation(o).parent.unwrap_or(o);
        let family =
            std::iter::once(bullet).chain(model.obligation(bullet).children.iter().copied());
        for x in family {
            for t in &model.obligation(x).decl.targets {
                let unit = t
                    .figure
                    .as_ref()
                    .and_then(|g| g.unit.as_deref())
                    .unwrap_or("");
                if t.figure.is_some() && unit == f.unit && t.per_year == f.per_year {
                    candidates.push(t.metric.value.clone());
                }
            }
        }
    }
    candidates.dedup();
    match candidates.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    }
}

/// `at_least 30000 人次; per year; by 2025`.
fn target_body(f: &Figure) -> String {
    let value = format_figure(f.value, Some(&f.unit), false);
    let mut out = format!("{} {value}", f.comparator.as_str());
    if f.per_year {
        out.push_str("; per year");
    }
    if let Some(y) = f.year {
        let _ = write!(out, "; by {y}");
    }
    out
}

/// `2021-2025`, or `2024` for an annual document.
fn period(from: i32, to: i32) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}-{to}")
    }
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

/// The id stem of the draft: the jurisdiction id's last part.
fn short_name(imported: &Imported) -> String {
    imported
        .header
        .jurisdiction
        .as_ref()
        .and_then(|j| j.id.as_deref())
        .and_then(|id| id.rsplit('.').next())
        .unwrap_or("draft")
        .to_string()
}

/// A higher document's obligations: one per numbered item and "——" bullet
/// (clauses split at 。 ； and ; as `/2`, `/3`…), its figures as owed
/// targets with their direction.
pub fn rules(imported: &Imported, source: &str, prefix: &str) -> String {
    rules_in(imported, source, prefix, Lang::En)
}

/// [`rules`], its comments in `lang`.
pub fn rules_in(imported: &Imported, source: &str, prefix: &str, lang: Lang) -> String {
    let h = &imported.header;
    let mut out = String::new();
    let head = Msg::ImportRulesHead {
        source: source.to_string(),
    };
    let _ = writeln!(out, "# {}\n", head.render(lang));
    let _ = writeln!(out, "document {prefix}.doc {{");
    if let Some(t) = &h.title {
        let _ = writeln!(out, "  title {}", quote(t));
    }
    if let Some(i) = &h.issuer {
        let _ = writeln!(out, "  issuer {}", quote(i));
    }
    if let Some(n) = &h.number {
        let _ = writeln!(out, "  number {}", quote(n));
    }
    if let Some(d) = &h.issued {
        let _ = writeln!(out, "  issued {d}");
    }
    if let Some([from, to]) = h.period {
        let _ = writeln!(out, "  period {}", period(from, to));
    }
    if let Some(level) = h.level {
        let _ = writeln!(out, "  rank {level}");
    }
    if let Some(id) = h.jurisdiction.as_ref().and_then(|j| j.id.as_deref()) {
        let _ = writeln!(out, "  jurisdiction {id}");
    }
    for c in &imported.carries_out {
        let _ = writeln!(out, "  carries_out {c}");
    }
    let _ = writeln!(out, "  source_text {}", quote(source));
    out.push_str("}\n");
    let mut figure_no = 0;
    let mut ids = BTreeSet::new();
    for u in &imported.unplaced {
        let line = Msg::ImportLine {
            line: u.line,
            text: one_line(&u.text),
        };
        let _ = writeln!(out, "\n# {}", line.render(lang));
        for t in super::Target::of(&u.text, u.line, u.context_year) {
            figure_no += 1;
            let figure = Msg::ImportRulesFigure {
                no: figure_no,
                body: target_body(&t.figure),
                metric: t.figure.metric.clone(),
            };
            let _ = writeln!(out, "# {}", figure.render(lang));
        }
    }
    for i in &imported.items {
        let it = &i.item;
        let id = format!("{prefix}.{}", it.source.replace('¶', "p"));
        if !ids.insert(id.clone()) {
            continue;
        }
        let clauses = clauses(&it.text);
        let line = Msg::ImportLineOnly { line: it.line };
        let _ = writeln!(out, "\n# {}", line.render(lang));
        let _ = writeln!(out, "obligation {id} {{");
        let _ = writeln!(out, "  title {}", quote(&it.title));
        let _ = writeln!(out, "  source {}", it.source);
        let _ = writeln!(
            out,
            "  text {}",
            quote(clauses.first().map_or("", String::as_str))
        );
        inferred(
            &mut out,
            clauses.first().map_or("", String::as_str),
            "  ",
            lang,
        );
        let mut write_targets = |out: &mut String, text: &str| {
            for f in crate::text::figures::figures(text, it.context_year) {
                figure_no += 1;
                let _ = writeln!(out, "  target figure-{figure_no} {{");
                let _ = writeln!(out, "    metric {}", quote(&f.metric));
                let value = format_figure(f.value, Some(&f.unit), false);
                let _ = writeln!(out, "    {} {value}", f.comparator.as_str());
                if f.per_year {
                    let _ = writeln!(out, "    per year");
                }
                if let Some(y) = f.year {
                    let _ = writeln!(out, "    by {y}");
                }
                // A rate passes down as a floor, a yearly quantity as each
                // jurisdiction's share; a total is for the drafter to say
                // (shared, or conferred by the issuer and passed as none).
                if f.unit == "%" {
                    out.push_str("    passes floor\n");
                } else if f.per_year {
                    out.push_str("    passes share\n");
                } else {
                    out.push_str("    # passes share | none\n");
                }
                out.push_str("  }\n");
            }
            // Qualitative goals, as `text` targets.
            for g in super::goals::goals(text, it.context_year) {
                figure_no += 1;
                let _ = writeln!(out, "  target goal-{figure_no} {{");
                let _ = writeln!(out, "    metric {}", quote(&g.metric));
                let _ = writeln!(out, "    {}", goal_body(&g).replace("; ", "\n    "));
                out.push_str("  }\n");
            }
        };
        if let Some(first) = clauses.first() {
            write_targets(&mut out, first);
        }
        for (k, clause) in clauses.iter().enumerate().skip(1) {
            let _ = writeln!(out, "  obligation {id}/{} {{", k + 1);
            let _ = writeln!(
                out,
                "    title {}",
                quote(&super::structure::lead(clause).0)
            );
            let _ = writeln!(out, "    source {}/{}", it.source, k + 1);
            let _ = writeln!(out, "    text {}", quote(clause));
            inferred(&mut out, clause, "    ", lang);
            let mut inner = String::new();
            write_targets(&mut inner, clause);
            for line in inner.lines() {
                let _ = writeln!(out, "  {line}");
            }
            out.push_str("  }\n");
        }
        out.push_str("}\n");
    }
    for d in &imported.dropped {
        let line = match why_words(d.why) {
            Some(why) => Msg::ImportLineDropped {
                line: d.line,
                why: Box::new(why),
                text: one_line(&d.text),
            },
            None => Msg::ImportLine {
                line: d.line,
                text: format!("({}) {}", d.why, one_line(&d.text)),
            },
        };
        let _ = writeln!(out, "\n# {}", line.render(lang));
    }
    out
}

/// What the words of an obligation's text say beyond it
/// ([`super::infer`]): `kind` from its figures, `binds`, `applies_if`,
/// `elements`.
fn inferred(out: &mut String, text: &str, indent: &str, lang: Lang) {
    if let Some(f) = crate::text::figures::figures(text, None).first() {
        let kind = if f.unit == "%" { "target" } else { "quantity" };
        let _ = writeln!(out, "{indent}kind {kind}");
    }
    if let Some(b) = super::infer::binds(text) {
        let _ = writeln!(out, "{indent}binds {b}");
    }
    if let Some(a) = super::infer::applies_if(text) {
        let _ = writeln!(out, "{indent}applies_if {a}");
    } else if let Some(w) = super::infer::unstated_condition(text) {
        let why = Msg::ImportConditionUnstated {
            words: w.to_string(),
        };
        let _ = writeln!(out, "{indent}# applies_if ?   # {}", why.render(lang));
    }
    let elements: Vec<String> = super::infer::elements(text)
        .iter()
        .map(|e| quote(e))
        .collect();
    if !elements.is_empty() {
        let _ = writeln!(out, "{indent}elements {}", elements.join(" "));
    }
}

/// A line left out of the text, and why: `(page number) 12`.
fn dropped(why: &str, text: &str, lang: Lang) -> String {
    match why_words(why) {
        Some(why) => Msg::ImportDropped {
            why: Box::new(why),
            text: one_line(text),
        }
        .render(lang),
        None => format!("({why}) {}", one_line(text)),
    }
}

/// Why a line was taken out, in the catalogue's words (`None` for a
/// reason it does not know, shown as it is).
fn why_words(why: &str) -> Option<Msg> {
    Some(match why {
        "after the distribution list" => Msg::ImportDroppedAfterDistribution {},
        "distribution list" => Msg::ImportDroppedDistribution {},
        "page number" => Msg::ImportDroppedPageNumber {},
        "footnote" => Msg::ImportDroppedFootnote {},
        "running head" => Msg::ImportDroppedRunningHead {},
        "site navigation" => Msg::ImportDroppedNavigation {},
        "outside the article" => Msg::ImportDroppedOutside {},
        _ => return None,
    })
}

/// The clauses of an obligation's text, split at 。 ； and ;.
pub fn clauses(text: &str) -> Vec<String> {
    text.split(['。', '；', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}
