//! The reviewers' report as one self-contained HTML page: summary,
//! coverage matrix, national view, targets, 对照表, findings and the
//! cascade graph, with inline CSS and an inline SVG. No script, no
//! external asset; a Content-Security-Policy forbids both, so the page
//! opens from a USB stick and injected markup could not run. Every piece
//! of document text passes through [`esc`].

use std::collections::HashMap;
use std::fmt::Write;

use crate::coverage::{Coverage, Finding, Group, PAGED_PLANS, Status};
use crate::diagnostic::Severity;
use crate::report::lang::Lang;
use crate::report::markdown::{more, observation_text, target_cell_text};
use crate::report::printable::stand_in;
use crate::report::table;

/// Above this many matrix rows, the matrix sections start collapsed.
pub const COLLAPSE_ROWS: usize = 400;
/// Above this many findings, excerpts are left out (the message, help and
/// location stay), to keep the page a reasonable size.
pub const EXCERPT_FINDINGS: usize = 400;

/// Renders the page; `graph_svg` is the cascade picture (an SVG document).
pub fn render(coverage: &Coverage, lang: Lang, graph_svg: Option<&str>) -> String {
    let w = lang.words();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        w.html_lang,
        esc(w.report_title),
        CSS
    );
    header(&mut out, coverage, lang);
    summary(&mut out, coverage, lang);
    if coverage.paged() {
        let _ = writeln!(
            out,
            "<p class=\"muted\" id=\"paged\">{}</p>",
            esc(&lang
                .words()
                .paged_note
                .replace("{}", &PAGED_PLANS.to_string()))
        );
    } else {
        matrix(&mut out, coverage, lang);
        national(&mut out, coverage, lang);
        targets(&mut out, coverage, lang);
    }
    comparison(&mut out, coverage, lang);
    findings(&mut out, coverage, lang);
    graph(&mut out, lang, graph_svg);
    out.push_str("</body>\n</html>\n");
    out
}

/// Escapes a message and shows its `backticked` names as code.
fn message(text: &str) -> String {
    let escaped = esc(text);
    if !escaped.matches('`').count().is_multiple_of(2) {
        return escaped;
    }
    escaped
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{part}</code>")
            } else {
                part.to_string()
            }
        })
        .collect()
}

/// The colon after a name, in the language's punctuation.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => match stand_in(c) {
                Some(s) => out.push_str(&s),
                None => out.push(c),
            },
        }
    }
    out
}

const CSS: &str = r#"
:root{--ok:#009e73;--part:#e69f00;--ex:#0072b2;--om:#d55e00;--un:#cc79a7;--na:#9ca3af;--ink:#1f2937;--line:#d1d5db}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",system-ui,sans-serif;color:var(--ink);margin:0 auto;max-width:1600px;padding:1rem 1.5rem;line-height:1.5;font-size:14px}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}
nav ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding-left:1.2rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}
th,td{border:1px solid var(--line);padding:.2rem .45rem;vertical-align:top;text-align:left}
thead th{background:#f3f4f6;position:sticky;top:0;z-index:1}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#6b7280}.small{font-size:.85em}
.bar{display:inline-block;width:7rem;height:.7rem;background:#fde2d2;border:1px solid var(--line);vertical-align:middle;margin-right:.3rem}
.bar span{display:block;height:100%;background:var(--ok)}
td.c{text-align:center;font-weight:700;min-width:2.4rem;white-space:nowrap}
td.c a{color:inherit;text-decoration:none}
.s-ok{background:#d1f2e6;color:#00573f}.s-part{background:#fcebc4;color:#7a5200}.s-ex{background:#d6e7f5;color:#004170}
.s-om{background:#f9d9c7;color:#8a3a00}.s-un{background:#f3dcea;color:#7a2e5c}.s-na{background:#f3f4f6;color:#6b7280;font-weight:400}.s-no{color:#9ca3af;font-weight:400}
td.adv{background-image:repeating-linear-gradient(135deg,transparent 0 6px,rgba(0,0,0,.07) 6px 8px)}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;padding:0;list-style:none}
.legend li{display:flex;align-items:center;gap:.35rem}
.legend .c{display:inline-block;border:1px solid var(--line);min-width:2rem;text-align:center;font-weight:700;padding:0 .2rem}
details.sec{margin:.3rem 0}details.sec>summary{cursor:pointer;font-weight:600;padding:.2rem 0}
table.m{width:100%;table-layout:fixed}table.m th{overflow-wrap:anywhere}table.m td.cit{white-space:nowrap}
tr.d1 td.t{padding-left:1.6rem}tr.d2 td.t{padding-left:2.8rem}
tr:target td,div.f:target{outline:3px solid #2563eb;outline-offset:-2px}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.9em;background:#f3f4f6;padding:0 .2rem}
div.f{border-left:4px solid var(--na);padding:.3rem .7rem;margin:.6rem 0;background:#fafafa}
div.f.error{border-color:var(--om)}div.f.warning{border-color:var(--part)}div.f.info{border-color:var(--ex)}
div.f p{margin:.15rem 0}pre.ex{background:#fff;border:1px solid var(--line);padding:.3rem .5rem;overflow-x:auto;margin:.3rem 0;font-size:.85em;white-space:pre-wrap}
pre.ex .m{background:#fff3c4;display:block}pre.ex .ln{color:#9ca3af;user-select:none}
blockquote{margin:.3rem 0;padding:.2rem .6rem;border-left:3px solid var(--line);color:#374151}
.sev{font-weight:700;text-transform:uppercase;font-size:.8em}
.sev.error{color:var(--om)}.sev.warning{color:#9a6700}.sev.info{color:var(--ex)}
#graph svg{max-width:100%;height:auto}#graph svg text{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif}
.scroll{overflow-x:auto;max-width:100%}
td.v{white-space:nowrap;min-width:5.5em}table.cmp td.small{min-width:8em}
p.verdict{border-left:4px solid var(--ex);background:#f8fafc;padding:.4rem .7rem;margin:.4rem 0;font-size:1.05em}
@media (max-width:600px){body{padding:.5rem .6rem}nav ol{padding-left:1rem}}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none;padding:0}thead th{position:static}thead{display:table-header-group}tr{break-inside:avoid}details.sec{display:block}.scroll{overflow:visible}}
"#;

fn header(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let plans: Vec<String> = c
        .plans
        .iter()
        .map(|p| format!("<code>{}</code>", esc(&p.id)))
        .collect();
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"muted\">{}: {} · {} {}</p>\
<nav><b>{}</b><ol><li><a href=\"#summary\">{}</a></li>{}<li><a href=\"#comparison\">{}</a></li>\
<li><a href=\"#findings\">{}</a></li><li><a href=\"#graph\">{}</a></li></ol></nav></header>",
        esc(w.report_title),
        esc(w.generated),
        esc(&c.as_of),
        esc(w.plans),
        plans.join(", "),
        esc(w.contents),
        esc(w.summary),
        if c.paged() {
            String::new()
        } else {
            format!(
                "<li><a href=\"#matrix\">{}</a></li><li><a href=\"#national\">{}</a></li><li><a href=\"#targets\">{}</a></li>",
                esc(w.matrix),
                esc(w.national),
                esc(w.targets)
            )
        },
        esc(w.comparison),
        esc(w.findings),
        esc(w.graph),
    );
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.1}%"))
}

fn summary(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = write!(out, "<section id=\"summary\"><h2>{}</h2>", esc(w.summary));
    for p in &c.plans {
        let _ = write!(
            out,
            "<p class=\"verdict\"><b>{}</b> <code>{}</code>{}{}",
            esc(p.jurisdiction.as_deref().unwrap_or(&p.title)),
            esc(&p.id),
            colon(lang),
            esc(&p.verdict().render(lang))
        );
        if let Some(advisory) = p.advisory_verdict() {
            let _ = write!(
                out,
                "<br><span class=\"muted\">{}</span>",
                esc(&advisory.render(lang))
            );
        }
        out.push_str("</p>\n");
    }
    let _ = write!(
        out,
        "<div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        esc(w.plan),
        esc(w.jurisdiction),
        esc(w.carries_out),
        esc(w.owed),
        esc(w.advisory)
    );
    for s in Status::ALL.into_iter().filter(|&s| s != Status::NotOwed) {
        let _ = write!(
            out,
            "<th><span class=\"{}\">{}</span> {}</th>",
            s.class(),
            esc(s.symbol()),
            esc(lang.status(s))
        );
    }
    let _ = write!(
        out,
        "<th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(w.compliance),
        esc(w.findings)
    );
    for p in &c.plans {
        let width = p.compliance.unwrap_or(0.0).clamp(0.0, 100.0);
        let _ = write!(
            out,
            "<tr><td><code>{}</code><br>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
<td><span class=\"bar\"><span style=\"width:{width:.1}%\"></span></span>{}</td><td>{} {}, {} {}, {} {}</td></tr>",
            esc(&p.id),
            esc(&p.title),
            esc(p.jurisdiction.as_deref().unwrap_or("")),
            p.carries_out
                .iter()
                .map(|d| format!("<code>{}</code>", esc(d)))
                .collect::<Vec<_>>()
                .join(" "),
            p.binding,
            p.advisory,
            p.implemented,
            p.partial,
            p.exempted,
            p.omitted,
            p.undercut,
            p.not_applicable,
            percent(p.compliance),
            p.findings.errors,
            esc(w.errors),
            p.findings.warnings,
            esc(w.warnings),
            p.findings.infos,
            esc(w.infos)
        );
    }
    let _ = writeln!(
        out,
        "</tbody></table></div><p class=\"small muted\">{}<br>{}</p></section>",
        esc(w.compliance_note),
        esc(w.advisory_note)
    );
}

fn legend(out: &mut String, lang: Lang) {
    let _ = write!(
        out,
        "<p><b>{}</b></p><ul class=\"legend\">",
        esc(lang.words().legend)
    );
    for s in Status::ALL {
        let _ = write!(
            out,
            "<li><span class=\"c {}\">{}</span>{} <span class=\"muted small\">({})</span></li>",
            s.class(),
            esc(s.symbol()),
            esc(lang.status(s)),
            esc(lang.status_help(s))
        );
    }
    let _ = write!(
        out,
        "<li><span class=\"c s-om adv\" style=\"background-color:#f9d9c7\">✗</span><span class=\"muted small\">{}</span></li></ul>",
        esc(lang.words().advisory_note)
    );
}

fn matrix(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let total: usize = c.groups.iter().map(|g| g.rows.len()).sum();
    let collapsed = total > COLLAPSE_ROWS;
    let _ = write!(
        out,
        "<section id=\"matrix\"><h2>{}</h2><p class=\"muted\">{} ({} {})</p>",
        esc(w.matrix),
        esc(w.matrix_note),
        total,
        esc(w.obligations)
    );
    legend(out, lang);
    if collapsed {
        let _ = write!(out, "<p class=\"muted\">{}</p>", esc(w.collapsed_note));
    }
    let mut document = "";
    for g in &c.groups {
        if g.document != document {
            document = &g.document;
            let _ = write!(
                out,
                "<h3><code>{}</code> {}</h3>",
                esc(&g.document),
                esc(&g.document_title)
            );
        }
        group(out, c, g, lang, collapsed);
    }
    out.push_str("</section>\n");
}

fn group(out: &mut String, c: &Coverage, g: &Group, lang: Lang, collapsed: bool) {
    let w = lang.words();
    let omitted = g
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        .filter(|cell| matches!(cell.status, Status::Omitted | Status::Undercut))
        .count();
    let heading = if g.heading.is_empty() {
        esc(&g.document_title)
    } else {
        esc(&g.heading)
    };
    let _ = write!(
        out,
        "<details class=\"sec\"{}><summary>{heading} <span class=\"muted small\">({} {}; {} {} / {})</span></summary>\
<div class=\"scroll\"><table class=\"m\">{}<thead><tr><th>{}</th><th>{}</th>",
        if collapsed { "" } else { " open" },
        g.rows.len(),
        esc(w.obligations),
        omitted,
        esc(lang.status(Status::Omitted)),
        esc(lang.status(Status::Undercut)),
        colgroup(c.plans.len()),
        esc(w.citation),
        esc(w.obligation),
    );
    for p in &c.plans {
        let _ = write!(
            out,
            "<th title=\"{}\">{}</th>",
            esc(&p.title),
            esc(p.jurisdiction.as_deref().unwrap_or(&p.id))
        );
    }
    out.push_str("</tr></thead><tbody>");
    for row in &g.rows {
        let _ = write!(
            out,
            "<tr class=\"obl d{}\" id=\"{}\"><td class=\"cit\">{}</td><td class=\"t\"{}>{} <code class=\"small\">{}</code></td>",
            row.depth.min(2),
            esc(&row.anchor),
            esc(&row.citation),
            row.text
                .as_deref()
                .map(|t| format!(" title=\"{}\"", esc(t)))
                .unwrap_or_default(),
            esc(&row.title),
            esc(&row.obligation)
        );
        for (column, plan) in c.plans.iter().enumerate() {
            let cell = g.cell(row, column);
            let mut tip = format!("{}: {}", plan.id, lang.status(cell.status));
            if cell.advisory {
                tip.push_str(match lang {
                    Lang::Zh => "（参考性）",
                    Lang::En => " (advisory)",
                });
            }
            if let Some(reason) = &cell.reason {
                let _ = write!(tip, "\n{}: {reason}", w.exempted_reason);
            }
            if !cell.provisions.is_empty() {
                let ids: Vec<&str> = cell.provisions.iter().map(|p| p.id.as_str()).collect();
                let _ = write!(tip, "\n{}: {}", w.via, ids.join(", "));
            }
            let symbol = esc(cell.status.symbol());
            let inner = match cell.findings.first() {
                Some(f) => format!("<a href=\"#f-{f}\">{symbol}</a>"),
                None => symbol,
            };
            let _ = write!(
                out,
                "<td class=\"c {}{}\" title=\"{}\">{inner}</td>",
                cell.status.class(),
                if cell.advisory { " adv" } else { "" },
                esc(&tip)
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></details>\n");
}

/// Fixed column widths, so that the tables of every section line up.
fn colgroup(plans: usize) -> String {
    format!(
        "<colgroup><col style=\"width:7rem\"><col>{}</colgroup>",
        "<col style=\"width:4.2rem\">".repeat(plans)
    )
}

fn national(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = write!(
        out,
        "<section id=\"national\"><h2>{}</h2><p class=\"muted\">{}</p>",
        esc(w.national),
        esc(w.national_note)
    );
    if c.national.is_empty() {
        let _ = writeln!(out, "<p>{}</p></section>", esc(w.none));
        return;
    }
    let _ = write!(
        out,
        "<details class=\"sec\"{}><summary>{} ({})</summary><div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th>",
        if c.national.len() > COLLAPSE_ROWS {
            ""
        } else {
            " open"
        },
        esc(w.national),
        c.national.len(),
        esc(w.article),
        esc(w.title),
        esc(w.refined_by)
    );
    for p in &c.plans {
        let _ = write!(
            out,
            "<th>{}</th>",
            esc(p.jurisdiction.as_deref().unwrap_or(&p.id))
        );
    }
    out.push_str("</tr></thead><tbody>");
    for row in &c.national {
        let refinements = if row.refinements.is_empty() {
            format!("<span class=\"muted\">{}</span>", esc(w.none))
        } else {
            row.refinements
                .iter()
                .map(|r| {
                    format!(
                        "<a href=\"#{}\" title=\"{}\"><code>{}</code></a>",
                        esc(&crate::coverage::anchor("o", &r.id)),
                        esc(&r.title),
                        esc(&r.id)
                    )
                })
                .chain(more(row.more_refinements, lang).map(|m| esc(&m)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let _ = write!(
            out,
            "<tr class=\"d{}\"><td class=\"cit\"><a href=\"#{}\">{} {}</a></td><td class=\"t\">{}</td><td>{refinements}</td>",
            row.depth.min(2),
            esc(&row.anchor),
            esc(&row.document),
            esc(&row.citation),
            esc(&row.title)
        );
        for (column, plan) in c.plans.iter().enumerate() {
            let reached = row.reached(column);
            let ids: Vec<&str> = reached.iter().map(|p| p.id.as_str()).collect();
            let (class, symbol, word) = if reached.is_empty() {
                ("s-no", "○", w.not_reached)
            } else {
                ("s-ok", "●", w.reached)
            };
            let _ = write!(
                out,
                "<td class=\"c {class}\" title=\"{}\">{symbol}</td>",
                esc(&format!("{}: {word} {}", plan.id, ids.join(", ")))
            );
        }
        out.push_str("</tr>");
    }
    let _ = writeln!(
        out,
        "</tbody></table></div></details><p class=\"small muted\">● {} · ○ {}</p></section>",
        esc(w.reached),
        esc(w.not_reached)
    );
}

fn targets(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = write!(
        out,
        "<section id=\"targets\"><h2>{}</h2><p class=\"muted\">{}</p>",
        esc(w.targets),
        esc(w.targets_note)
    );
    if c.targets.is_empty() {
        let _ = writeln!(out, "<p>{}</p></section>", esc(w.none));
        return;
    }
    let _ = write!(
        out,
        "<div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th>",
        esc(w.obligation),
        esc(w.metric),
        esc(w.higher_figure)
    );
    for p in &c.plans {
        let _ = write!(
            out,
            "<th>{}</th>",
            esc(p.jurisdiction.as_deref().unwrap_or(&p.id))
        );
    }
    let _ = write!(out, "<th>{}</th></tr></thead><tbody>", esc(w.observations));
    for t in &c.targets {
        let _ = write!(
            out,
            "<tr><td><a href=\"#{}\">{} {}</a><br>{}</td><td>{}<br><code class=\"small\">{}</code></td><td>{} <span class=\"muted small\">({})</span></td>",
            esc(&t.anchor),
            esc(&t.document),
            esc(&t.citation),
            esc(&t.title),
            esc(&t.metric_label),
            esc(&t.metric),
            esc(&t.higher.display(lang)),
            esc(t.passes)
        );
        for cell in (0..c.plans.len()).map(|column| t.cell(column)) {
            let class = match cell.verdict {
                crate::coverage::TargetVerdict::Meets => "s-ok",
                crate::coverage::TargetVerdict::Lower
                | crate::coverage::TargetVerdict::Later
                | crate::coverage::TargetVerdict::Omitted => "s-om",
                crate::coverage::TargetVerdict::Unstated
                | crate::coverage::TargetVerdict::Incomparable => "s-part",
                crate::coverage::TargetVerdict::Exempted => "s-ex",
                _ => "s-no",
            };
            let _ = write!(
                out,
                "<td class=\"{class} small\">{}</td>",
                esc(&target_cell_text(cell, lang))
            );
        }
        let observed: Vec<String> = t
            .observations
            .iter()
            .map(|o| {
                let width = o.progress.unwrap_or(0.0).clamp(0.0, 100.0);
                format!(
                    "<span class=\"bar\"><span style=\"width:{width:.1}%\"></span></span>{}",
                    esc(&observation_text(o, &t.higher, lang))
                )
            })
            .collect();
        let _ = write!(
            out,
            "<td class=\"small\">{}</td></tr>",
            observed.join("<br>")
        );
    }
    out.push_str("</tbody></table></div></section>\n");
}

fn comparison(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = write!(
        out,
        "<section id=\"comparison\"><h2>{}</h2><p class=\"muted\">{}</p>",
        esc(w.comparison),
        esc(w.comparison_note)
    );
    let rows = table::rows(c, lang);
    let headings = table::headings(lang);
    let open = rows.iter().filter(|r| r.differs()).count() <= COLLAPSE_ROWS;
    let mut by_plan: HashMap<&str, Vec<&table::ComparisonRow>> = HashMap::new();
    for r in rows.iter().filter(|r| r.differs()) {
        by_plan.entry(r.plan.as_str()).or_default().push(r);
    }
    for plan in &c.plans {
        let mine = by_plan.remove(plan.id.as_str()).unwrap_or_default();
        let _ = write!(
            out,
            "<details class=\"sec\"{}><summary><code>{}</code> {} <span class=\"muted small\">({})</span></summary>",
            if open { " open" } else { "" },
            esc(&plan.id),
            esc(&plan.title),
            mine.len()
        );
        if mine.is_empty() {
            let _ = write!(out, "<p>{}</p></details>", esc(w.no_findings));
            continue;
        }
        // The plan's own rows first; those of a higher document issued
        // after it (what a revision must add) in their own table after them.
        let (binding, advisory): (Vec<_>, Vec<_>) = mine.into_iter().partition(|r| !r.advisory);
        comparison_table(out, &binding, &headings, lang);
        if !advisory.is_empty() {
            let _ = write!(
                out,
                "<h4>{} <span class=\"muted small\">({})</span></h4><p class=\"small muted\">{}</p>",
                esc(w.advisory_rows),
                advisory.len(),
                esc(w.advisory_note)
            );
            comparison_table(out, &advisory, &headings, lang);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

/// A table of comparison rows, without the plan column.
fn comparison_table(
    out: &mut String,
    rows: &[&table::ComparisonRow],
    headings: &[&str; 6],
    lang: Lang,
) {
    if rows.is_empty() {
        return;
    }
    out.push_str("<div class=\"scroll\"><table class=\"cmp\"><thead><tr>");
    for h in &headings[1..] {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        let cells = table::cells(r, lang);
        let _ = write!(
            out,
            "<tr><td class=\"v {}\"><a href=\"#{}\">{}</a></td>",
            r.status.class(),
            esc(&r.anchor),
            esc(&cells[1])
        );
        for text in &cells[2..] {
            let _ = write!(out, "<td class=\"small\">{}</td>", message(text));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

fn findings(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = write!(
        out,
        "<section id=\"findings\"><h2>{} ({})</h2>",
        esc(w.findings),
        c.findings.len()
    );
    if c.findings.is_empty() {
        let _ = writeln!(out, "<p>{}</p></section>", esc(w.no_findings));
        return;
    }
    let excerpts = c.findings.len() <= EXCERPT_FINDINGS;
    let mut groups: Vec<(Option<&str>, Vec<&Finding>)> = c
        .plans
        .iter()
        .map(|p| (Some(p.id.as_str()), Vec::new()))
        .collect();
    groups.push((None, Vec::new()));
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    for (i, p) in c.plans.iter().enumerate() {
        index_of.entry(p.id.as_str()).or_insert(i);
    }
    for f in &c.findings {
        let index = f
            .plan
            .as_deref()
            .and_then(|p| index_of.get(p).copied())
            .unwrap_or(groups.len() - 1);
        groups[index].1.push(f);
    }
    for (plan, mut list) in groups {
        if list.is_empty() {
            continue;
        }
        // Errors first; the sort is stable, so file order stays within a severity.
        list.sort_by_key(|f| std::cmp::Reverse(f.severity));
        let counts = |s: Severity| list.iter().filter(|f| f.severity == s).count();
        let (errors, warnings, infos) = (
            counts(Severity::Error),
            counts(Severity::Warning),
            counts(Severity::Info),
        );
        let open = errors + warnings > 0 && list.len() <= COLLAPSE_ROWS / 2;
        let title = match plan {
            Some(id) => format!("<code>{}</code>", esc(id)),
            None => esc(w.other_findings),
        };
        let _ = write!(
            out,
            "<details class=\"sec\"{}><summary>{title} <span class=\"muted small\">({errors} {}, {warnings} {}, {infos} {})</span></summary>",
            if open { " open" } else { "" },
            esc(w.errors),
            esc(w.warnings),
            esc(w.infos)
        );
        for f in list {
            finding(out, f, lang, excerpts);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

fn finding(out: &mut String, f: &Finding, lang: Lang, excerpts: bool) {
    let w = lang.words();
    let sev = f.severity.as_str();
    let _ = write!(
        out,
        "<div class=\"f {sev}\" id=\"{}\"><p><span class=\"sev {sev}\">{sev}</span> <code>{}</code> <span class=\"muted small\">{}</span></p><p>{}</p>",
        esc(&f.anchor),
        esc(f.code),
        esc(&f.location),
        message(&f.message)
    );
    if let Some(help) = &f.help {
        let _ = write!(
            out,
            "<p class=\"small\"><b>{}:</b> {}</p>",
            esc(w.help),
            message(help)
        );
    }
    if excerpts && !f.excerpt.is_empty() {
        out.push_str("<pre class=\"ex\">");
        for line in &f.excerpt {
            let _ = writeln!(
                out,
                "<span{}><span class=\"ln\">{:>4} │ </span>{}</span>",
                if line.marked { " class=\"m\"" } else { "" },
                line.number,
                esc(&line.text)
            );
        }
        out.push_str("</pre>");
    }
    if excerpts && let Some(text) = &f.obligation_text {
        let _ = write!(
            out,
            "<blockquote class=\"small\"><b>{}</b>: {}</blockquote>",
            esc(w.obligation_text),
            esc(text)
        );
    }
    if let Some(row) = &f.row {
        let _ = write!(
            out,
            "<p class=\"small\"><a href=\"#{}\">{} →</a></p>",
            esc(row),
            esc(w.in_matrix)
        );
    }
    out.push_str("</div>\n");
}

fn graph(out: &mut String, lang: Lang, svg: Option<&str>) {
    let w = lang.words();
    let _ = write!(
        out,
        "<section id=\"graph\"><h2>{}</h2><p class=\"muted\">{}</p>",
        esc(w.graph),
        esc(w.graph_note)
    );
    match svg {
        Some(svg) => out.push_str(crate::report::graph::inline_svg(svg)),
        None => {
            let _ = write!(out, "<p>{}</p>", message(w.graph_not_drawn));
        }
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backticks_become_code_after_escaping() {
        assert_eq!(
            message("no item implements `a<b>` here"),
            "no item implements <code>a&lt;b&gt;</code> here"
        );
        assert_eq!(message("odd ` tick"), "odd ` tick");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }
}
