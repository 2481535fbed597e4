//! `owed` as text (for the terminal and logs) and as a starter plan in
//! which nothing counts as carried out until the drafter writes it, both
//! in the run's language (the plan language and the documents' text stay
//! as written).

use std::fmt::Write as _;

use super::{Entry, Owed, quote};
use crate::i18n::{Id, Lang, Msg, Numbered, Numbering};
use crate::severity::Severity;
use crate::syntax::value::Date;

/// An owed obligation's line: its citation, id, title and severity.
fn entry_line(e: &Entry, lang: Lang) -> String {
    let citation = Numbered {
        citation: e.citation.clone(),
        numbering: Numbering::Counted,
    };
    let id = Id::new(&e.obligation);
    let title = e.title.clone();
    let severity = Severity::parse(e.severity).unwrap_or(Severity::Error);
    if e.advisory {
        Msg::OwedEntryAdvisory {
            citation,
            id,
            title,
            severity,
        }
    } else {
        Msg::OwedEntry {
            citation,
            id,
            title,
            severity,
        }
    }
    .render(lang)
}

/// What is owed, one obligation a paragraph, for the terminal and logs.
pub fn text(owed: &Owed, lang: Lang) -> String {
    let mut out = String::new();
    let j = &owed.jurisdiction;
    let (jurisdiction, documents) = (Id::new(&j.id), owed.documents.len());
    let (owed_count, not_owed) = (owed.owed.len(), owed.not_owed.len());
    let head = match &j.name {
        Some(name) => Msg::OwedHeadNamed {
            jurisdiction,
            name: name.clone(),
            owed: owed_count,
            documents,
            not_owed,
        },
        None => Msg::OwedHead {
            jurisdiction,
            owed: owed_count,
            documents,
            not_owed,
        },
    };
    let _ = writeln!(out, "{}", head.render(lang));
    for d in &owed.documents {
        let document = Id::new(&d.id);
        let title = d.title.clone().unwrap_or_default();
        let line = match &d.number {
            Some(number) => Msg::OwedCarriesOutNumbered {
                document,
                title,
                number: number.clone(),
            },
            None => Msg::OwedCarriesOut { document, title },
        };
        let _ = writeln!(out, "  {}", line.render(lang));
    }
    let mut document = "";
    for e in &owed.owed {
        if e.document != document {
            document = &e.document;
            let to = Msg::OwedTo {
                document: Id::new(document),
            };
            let _ = writeln!(out, "\n{}", to.render(lang));
        }
        let _ = writeln!(out, "\n  {}", entry_line(e, lang));
        if let Some(t) = &e.text {
            let _ = writeln!(out, "    {t}");
        }
        for f in &e.figures {
            let owes = Msg::OwedOwes { figure: f.as_arg() };
            let _ = writeln!(out, "    {}", owes.render(lang));
        }
    }
    if !owed.not_owed.is_empty() {
        let _ = writeln!(out, "\n{}", Msg::OwedNotOwedHeading {}.render(lang));
        for n in &owed.not_owed {
            let line = Msg::OwedNotOwed {
                citation: Numbered {
                    citation: n.citation.clone(),
                    numbering: Numbering::Counted,
                },
                id: Id::new(&n.obligation),
                title: n.title.clone(),
                why: Box::new(n.why.clone()),
            };
            let _ = writeln!(out, "  {}", line.render(lang));
        }
    }
    out
}

/// A starter plan: the document header filled in, and one commented-out
/// item per owed obligation with its text, its owed figures as targets and
/// its 责任单位 to fill. Comments carry out nothing, so `check` on the
/// untouched file reports every obligation as open.
/// `issued` is the date the draft is dated until the drafter writes the
/// real one.
pub fn starter_plan(owed: &Owed, issued: Date, lang: Lang) -> String {
    let j = &owed.jurisdiction;
    let short = j.id.rsplit('.').next().unwrap_or("plan").to_string();
    let name = j.name.clone().unwrap_or_else(|| j.id.clone());
    let mut out = String::new();
    let head = Msg::StarterHead {
        name: name.clone(),
        id: Id::new(&j.id),
    };
    let _ = writeln!(out, "{}", head.render(lang));
    let _ = writeln!(out, "{}\n", Msg::StarterHowTo {}.render(lang));
    let parent_title = owed
        .documents
        .first()
        .and_then(|d| d.title.clone())
        .unwrap_or_default();
    let _ = writeln!(out, "document {short}.plan {{");
    let _ = writeln!(
        out,
        "  title {}",
        quote(&format!("{name}落实《{parent_title}》实施方案"))
    );
    let _ = writeln!(
        out,
        "  # issuer \"\"      # {}",
        Msg::StarterIssuer {}.render(lang)
    );
    let _ = writeln!(
        out,
        "  # number \"\"      # {}",
        Msg::StarterNumber {}.render(lang)
    );
    let _ = writeln!(
        out,
        "  issued {issued}      # {}",
        Msg::StarterIssued {}.render(lang)
    );
    if let Some([from, to]) = owed.period {
        if from == to {
            let _ = writeln!(out, "  period {from}");
        } else {
            let _ = writeln!(out, "  period {from}-{to}");
        }
    }
    if let Some(rank) = j.rank {
        let _ = writeln!(out, "  rank {rank}");
    }
    let _ = writeln!(out, "  jurisdiction {}", j.id);
    for d in &owed.documents {
        let _ = writeln!(out, "  carries_out {}", d.id);
    }
    out.push_str("}\n");
    for e in &owed.owed {
        out.push('\n');
        starter_item(&mut out, &short, e, lang);
    }
    out
}

fn starter_item(out: &mut String, short: &str, e: &Entry, lang: Lang) {
    let _ = writeln!(out, "# {}", entry_line(e, lang));
    if let Some(t) = &e.text {
        let _ = writeln!(out, "#   {}", t.replace('\n', " "));
    }
    let id: String = e
        .citation
        .chars()
        .map(|c| if c == '¶' { 'p' } else { c })
        .collect();
    let _ = writeln!(out, "# item {short}.{id} {{");
    let _ = writeln!(out, "#   title \"\"");
    let _ = writeln!(
        out,
        "#   source 1        # {}",
        Msg::StarterSource {}.render(lang)
    );
    let _ = writeln!(out, "#   text \"\"");
    let _ = writeln!(out, "#   implements {}", e.obligation);
    let units = if e.requires_units {
        Msg::StarterUnitsRequired {}
    } else {
        Msg::StarterUnitsIfAny {}
    };
    let _ = writeln!(out, "#   units \"\"        # {}", units.render(lang));
    for f in &e.figures {
        if let Some(text) = &f.text {
            let _ = write!(out, "#   target {} {{ text {}", f.target, quote(text));
        } else if let Some(v) = f.value {
            let unit = f.unit.as_deref().map(|u| {
                if u == "%" {
                    "%".to_string()
                } else {
                    format!(" {u}")
                }
            });
            let _ = write!(
                out,
                "#   target {} {{ {} {}{}",
                f.target,
                f.comparator,
                crate::check::figures::format_figure(v, None, false),
                unit.unwrap_or_default()
            );
        } else {
            continue;
        }
        if f.per_year {
            out.push_str("; per year");
        }
        if let Some(y) = f.deadline {
            let _ = write!(out, "; by {y}");
        }
        let owed = Msg::StarterOwed { figure: f.as_arg() };
        let _ = writeln!(out, " }}   # {}", owed.render(lang));
    }
    out.push_str("# }\n");
}
