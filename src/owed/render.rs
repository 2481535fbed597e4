//! `owed` as text (for the terminal and logs) and as a starter plan in
//! which nothing counts as carried out until the drafter writes it.

use std::fmt::Write as _;

use super::{Entry, Figure, Owed, quote};
use crate::syntax::value::Date;

/// The figure in words: `at least 9712 人次 a year by 2025`.
pub fn figure_words(f: &Figure) -> String {
    let mut out = String::new();
    if let Some(text) = &f.text {
        let _ = write!(out, "「{text}」");
    } else if let Some(value) = f.value {
        let comparator = f.comparator.replace('_', " ");
        let _ = write!(
            out,
            "{comparator} {}",
            crate::check::figures::format_figure(value, f.unit.as_deref(), f.per_year)
        );
    }
    if let Some(year) = f.deadline {
        let _ = write!(out, " by {year}");
    }
    if let Some(s) = &f.share {
        let _ = write!(
            out,
            " (share of {}: ⌈{} × {} / {}⌉, population among {} jurisdictions)",
            number(s.total),
            number(s.total),
            s.population,
            s.among,
            s.jurisdictions
        );
    }
    if let Some(why) = &f.unapportionable {
        let _ = write!(out, " (share not computed: {why})");
    }
    out.trim().to_string()
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

/// What is owed, one obligation a paragraph, for the terminal and logs.
pub fn text(owed: &Owed) -> String {
    let mut out = String::new();
    let j = &owed.jurisdiction;
    let name = j
        .name
        .as_deref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "`{}`{name} owes {} obligations of {} document(s); {} are not owed",
        j.id,
        owed.owed.len(),
        owed.documents.len(),
        owed.not_owed.len()
    );
    for d in &owed.documents {
        let _ = writeln!(
            out,
            "  carries out `{}` {}{}",
            d.id,
            d.title.as_deref().unwrap_or(""),
            d.number
                .as_deref()
                .map(|n| format!(" {n}"))
                .unwrap_or_default()
        );
    }
    let mut document = "";
    for e in &owed.owed {
        if e.document != document {
            document = &e.document;
            let _ = writeln!(out, "\nowed to `{document}`:");
        }
        let advisory = if e.advisory { ", advisory" } else { "" };
        let _ = writeln!(
            out,
            "\n  {} `{}` {} [{}{advisory}]",
            e.citation, e.obligation, e.title, e.severity
        );
        if let Some(t) = &e.text {
            let _ = writeln!(out, "    {t}");
        }
        for f in &e.figures {
            let _ = writeln!(out, "    owes: {}", figure_words(f));
        }
    }
    if !owed.not_owed.is_empty() {
        let _ = writeln!(out, "\nnot owed:");
        for n in &owed.not_owed {
            let _ = writeln!(
                out,
                "  {} `{}` {}: {}",
                n.citation, n.obligation, n.title, n.detail
            );
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
pub fn starter_plan(owed: &Owed, issued: Date) -> String {
    let j = &owed.jurisdiction;
    let short = j.id.rsplit('.').next().unwrap_or("plan").to_string();
    let name = j.name.clone().unwrap_or_else(|| j.id.clone());
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Starter plan for {name} (`{}`), written by `planlint owed --format plan`.",
        j.id
    );
    out.push_str(
        "# Each owed obligation below is a commented-out item: write the plan's own\n\
         # text, its 责任单位 and its figures, then remove the `# ` before its lines.\n\
         # Until then nothing here carries anything out, and `planlint check`\n\
         # reports every obligation as open.\n\n",
    );
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
        "  # issuer \"\"      # who issues it, e.g. the district government's office"
    );
    let _ = writeln!(out, "  # number \"\"      # its 文号");
    let _ = writeln!(
        out,
        "  issued {issued}      # the draft's date: write the date of issue"
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
        starter_item(&mut out, &short, e);
    }
    out
}

fn starter_item(out: &mut String, short: &str, e: &Entry) {
    let _ = writeln!(
        out,
        "# {} `{}` {} [{}]",
        e.citation, e.obligation, e.title, e.severity
    );
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
        "#   source 1        # its numbering in your plan: 二、(一)1 is 2.1.1"
    );
    let _ = writeln!(out, "#   text \"\"");
    let _ = writeln!(out, "#   implements {}", e.obligation);
    let required = if e.requires_units {
        "required"
    } else {
        "if any"
    };
    let _ = writeln!(
        out,
        "#   units \"\"        # 责任单位, one quoted name each ({required})"
    );
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
        let _ = writeln!(out, " }}   # owed: {}", super::render::figure_words(f));
    }
    out.push_str("# }\n");
}
