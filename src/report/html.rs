//! The reviewers' report as one self-contained HTML page: summary,
//! coverage matrix, national view, targets, 对照表, findings and the
//! cascade graph, with inline CSS, an inline SVG and one inline script
//! (the 对照表's filter, sort and search). No external asset; a
//! Content-Security-Policy allows that one script by its hash and nothing
//! else, so the page opens from a USB stick and injected markup could not
//! run. Without the script the page shows every row. Every piece of
//! document text passes through [`esc`].

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::coverage::headings;
use crate::coverage::{
    Cell, Coverage, Finding, Group, PAGED_PLANS, PlanSummary, ProvisionInfo, Row, Status,
    TargetCell,
};
use crate::diagnostic::Severity;
use crate::i18n::{In, Msg, Numbered, Numbering};
use crate::report::lang::Lang;
use crate::report::markdown::{more, observation_text, verdict_text};
use crate::report::printable::stand_in;
use crate::report::table;

/// Above this many matrix rows, the matrix sections start collapsed.
pub const COLLAPSE_ROWS: usize = 400;
/// Above this many findings, the quotes of the item and the requirement
/// are left out (the message and help stay), to keep the page a
/// reasonable size.
pub const QUOTED_FINDINGS: usize = 400;

/// Renders the page; `graph_svg` is the cascade picture (an SVG document).
pub fn render(coverage: &Coverage, lang: Lang, graph_svg: Option<&str>) -> String {
    let w = lang.words();
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '{}'\">\n\
<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        w.html_lang,
        script_hash(),
        esc(w.report_title),
        CSS
    );
    let lookup = Lookup::new(coverage);
    header(&mut out, coverage, lang);
    summary(&mut out, coverage, &lookup, lang);
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
        national(&mut out, coverage, &lookup, lang);
        targets(&mut out, coverage, lang);
    }
    comparison(&mut out, coverage, &lookup, lang);
    findings(&mut out, coverage, &lookup, lang);
    graph(&mut out, lang, graph_svg);
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// The script's hash as a Content-Security-Policy source: `sha256-…`.
fn script_hash() -> String {
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()))
    )
}

/// The 对照表's filter, sort and search. It shows the filter bar (hidden
/// without script), selects the rows with a difference, and hides the
/// rows that do not match; a click on a column heading sorts its table.
const SCRIPT: &str = r#"(function(){
var bar=document.getElementById('filters');if(!bar)return;bar.hidden=false;
var rows=[].slice.call(document.querySelectorAll('table.cmp tbody tr'));
var v=document.getElementById('f-v'),ch=document.getElementById('f-ch'),u=document.getElementById('f-u'),q=document.getElementById('f-q'),n=document.getElementById('f-n');
function apply(){var k=0,t=q.value.trim().toLowerCase();rows.forEach(function(r){var d=r.dataset;
var ok=(v.value==='all'||(v.value==='p'?d.p==='1':d.v===v.value))&&(!ch.value||d.ch===ch.value)&&(!u.value||('|'+d.u+'|').indexOf('|'+u.value+'|')>=0)&&(!t||r.textContent.toLowerCase().indexOf(t)>=0);
r.hidden=!ok;if(ok)k++;});n.textContent=k+' / '+rows.length;}
[v,ch,u].forEach(function(e){e.addEventListener('change',apply);});q.addEventListener('input',apply);
[].forEach.call(document.querySelectorAll('table.cmp thead th'),function(th){th.addEventListener('click',function(){
var body=th.closest('table').tBodies[0],i=th.cellIndex,up=th.getAttribute('aria-sort')!=='ascending';
th.setAttribute('aria-sort',up?'ascending':'descending');
[].slice.call(body.rows).sort(function(a,b){var x=a.cells[i].textContent.localeCompare(b.cells[i].textContent,'zh');return up?x:-x;}).forEach(function(r){body.appendChild(r);});});});
v.value='p';apply();
})();"#;

/// What the sections look up in the coverage model: a matrix row by its
/// anchor, a plan's column by its id, a provision by its id, a document's
/// title by its id.
struct Lookup<'c> {
    rows: HashMap<&'c str, (&'c Group, &'c Row)>,
    columns: HashMap<&'c str, usize>,
    provisions: HashMap<&'c str, &'c ProvisionInfo>,
    titles: HashMap<&'c str, &'c str>,
}

impl<'c> Lookup<'c> {
    fn new(c: &'c Coverage) -> Self {
        let mut rows = HashMap::new();
        let mut provisions = HashMap::new();
        for g in &c.groups {
            for row in &g.rows {
                rows.insert(row.anchor.as_str(), (g, row));
                for p in row.cells.iter().flat_map(|cell| &cell.provisions) {
                    provisions.entry(p.id.as_str()).or_insert(p);
                }
            }
        }
        Lookup {
            rows,
            columns: c
                .plans
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), i))
                .collect(),
            provisions,
            titles: c
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d.title.as_str()))
                .collect(),
        }
    }

    /// The cell of a comparison row's plan and obligation.
    fn cell(&self, anchor: &str, plan: &str) -> Option<(&'c Group, &'c Row, &'c Cell)> {
        let (g, row) = self.rows.get(anchor)?;
        let column = self.columns.get(plan)?;
        Some((g, row, g.cell(row, *column)))
    }

    /// A requirement as the document numbers it: 《title》三、(一)第1项「title」.
    fn requirement(&self, row: &Row, lang: Lang) -> String {
        let title = self
            .titles
            .get(row.document.as_str())
            .copied()
            .filter(|t| !t.is_empty())
            .unwrap_or(&row.document);
        let numbered = Numbered {
            citation: row.citation.clone(),
            numbering: Numbering::Counted,
        };
        match lang {
            Lang::Zh => format!("《{title}》{}「{}」", In(lang, &numbered), row.title),
            Lang::En => format!("《{title}》 {} 「{}」", In(lang, &numbered), row.title),
        }
    }
}

/// A plan's name in the page: its jurisdiction (西城区), else its title.
fn plan_name(p: &PlanSummary) -> &str {
    p.jurisdiction.as_deref().unwrap_or(&p.title)
}

/// An item of a plan by its number and title: 二、(一)1「…」.
fn provision_name(p: &ProvisionInfo, lang: Lang) -> String {
    let numbered = Numbered {
        citation: p.citation.clone(),
        numbering: Numbering::Numbered,
    };
    match lang {
        Lang::Zh => format!("{}「{}」", In(lang, &numbered), p.title),
        Lang::En => format!("item {} 「{}」", In(lang, &numbered), p.title),
    }
}

/// An item of a plan as a reviewer reads it: its number, title, text and
/// 责任单位.
fn provision_text(p: &ProvisionInfo, lang: Lang) -> String {
    let mut text = provision_name(p, lang);
    if let Some(body) = p.text.as_deref().filter(|t| *t != p.title) {
        text.push_str(colon(lang));
        text.push_str(body);
    }
    if !p.units.is_empty() {
        let units = Msg::ReportUnits {
            units: p.units.join("、"),
        };
        let _ = match lang {
            Lang::Zh => write!(text, "（{}）", units.render(lang)),
            Lang::En => write!(text, " ({})", units.render(lang)),
        };
    }
    text
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
*{box-sizing:border-box}[hidden]{display:none!important}
body{overflow-wrap:break-word;font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",system-ui,sans-serif;color:var(--ink);margin:0 auto;max-width:1600px;padding:1rem 1.5rem;line-height:1.5;font-size:14px}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:2px solid var(--ink);padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}
nav ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding-left:1.2rem}
table{border-collapse:collapse;margin:.4rem 0 1rem}
th,td{border:1px solid var(--line);padding:.2rem .45rem;vertical-align:top;text-align:left;min-width:calc(2.2em + 1rem)}
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
.legend .nm{white-space:nowrap}.legend .c{display:inline-block;border:1px solid var(--line);min-width:2rem;text-align:center;font-weight:700;padding:0 .2rem}
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
td.v{white-space:nowrap;min-width:5.5em}table.cmp td.small{min-width:8em}table.cmp td.small:nth-child(2),table.cmp td.small:nth-child(3){min-width:14em}
table.cmp th{cursor:pointer;white-space:nowrap}table.cmp th[aria-sort=ascending]::after{content:" ▲"}table.cmp th[aria-sort=descending]::after{content:" ▼"}
table.sum th,table.sum td{white-space:nowrap}table.sum td.plan{white-space:normal;min-width:12em}
#filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;position:sticky;top:0;z-index:2;background:#fff;padding:.35rem 0;border-bottom:1px solid var(--line)}
#filters select,#filters input{font:inherit;max-width:min(100%,22em)}#filters label{max-width:100%}
blockquote b{font-weight:600}
p.verdict{border-left:4px solid var(--ex);background:#f8fafc;padding:.4rem .7rem;margin:.4rem 0;font-size:1.05em}
@media (max-width:600px){body{padding:.5rem .6rem}nav ol{padding-left:1rem}}
@page{size:A4;margin:14mm 12mm}
@media print{body{max-width:none;padding:0;font-size:11px}thead th{position:static}thead{display:table-header-group}tr{break-inside:avoid}details.sec{display:block}.scroll{overflow:visible}#filters{display:none!important}#graph svg{max-height:250mm;width:100%}section:last-of-type{break-after:avoid}}
"#;

fn header(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let plans: Vec<String> = c.plans.iter().map(|p| esc(plan_name(p))).collect();
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p class=\"muted\">{}: {} · {} {}</p>\
<nav><b>{}</b><ol><li><a href=\"#summary\">{}</a></li>{}<li><a href=\"#comparison\">{}</a></li>\
<li><a href=\"#findings\">{}</a></li><li><a href=\"#graph\">{}</a></li></ol></nav></header>",
        esc(w.report_title),
        esc(w.generated),
        esc(&c.as_of),
        esc(w.plans),
        plans.join(match lang {
            Lang::Zh => "、",
            Lang::En => ", ",
        }),
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

fn summary(out: &mut String, c: &Coverage, lookup: &Lookup, lang: Lang) {
    let w = lang.words();
    let _ = write!(out, "<section id=\"summary\"><h2>{}</h2>", esc(w.summary));
    for p in &c.plans {
        let _ = write!(
            out,
            "<p class=\"verdict\"><b>{}</b>{}{}",
            esc(plan_name(p)),
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
        "<div class=\"scroll\"><table class=\"sum\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
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
            "<tr><td class=\"plan\">{}</td><td>{}</td><td class=\"plan\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
<td><span class=\"bar\"><span style=\"width:{width:.1}%\"></span></span>{}</td><td>{} {}, {} {}, {} {}</td></tr>",
            esc(&p.title),
            esc(p.jurisdiction.as_deref().unwrap_or("")),
            p.carries_out
                .iter()
                .map(|d| esc(lookup.titles.get(d.as_str()).copied().unwrap_or(d)))
                .collect::<Vec<_>>()
                .join("<br>"),
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
            "<li><span class=\"c {}\">{}</span><span class=\"nm\">{}</span> <span class=\"muted small\">({})</span></li>",
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

/// The top documents whose rows the national view shows, with each
/// plan's status: the matrix leaves them out, so that no requirement is
/// printed twice.
fn national_documents(c: &Coverage) -> HashSet<&str> {
    c.national.iter().map(|r| r.document.as_str()).collect()
}

fn matrix(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let national = national_documents(c);
    let total: usize = c
        .groups
        .iter()
        .filter(|g| !national.contains(g.document.as_str()))
        .map(|g| g.rows.len())
        .sum();
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
    for g in c
        .groups
        .iter()
        .filter(|g| !national.contains(g.document.as_str()))
    {
        if g.document != document {
            document = &g.document;
            let _ = write!(out, "<h3>{}</h3>", esc(&g.document_title));
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
<div class=\"scroll\"><table class=\"m\" style=\"min-width:{:.1}rem\">{}<thead><tr><th>{}</th><th>{}</th>",
        if collapsed { "" } else { " open" },
        g.rows.len(),
        esc(w.obligations),
        omitted,
        esc(lang.status(Status::Omitted)),
        esc(lang.status(Status::Undercut)),
        19.0 + 4.2 * c.plans.len() as f64,
        colgroup(c.plans.len()),
        esc(w.citation),
        esc(w.obligation),
    );
    for p in &c.plans {
        let _ = write!(
            out,
            "<th title=\"{}\">{}</th>",
            esc(&p.title),
            esc(plan_name(p))
        );
    }
    out.push_str("</tr></thead><tbody>");
    for row in &g.rows {
        let _ = write!(
            out,
            "<tr class=\"obl d{}\" id=\"{}\"><td class=\"cit\">{}</td><td class=\"t\"{}>{}</td>",
            row.depth.min(2),
            esc(&row.anchor),
            esc(&chinese_or_plain(&row.citation, lang)),
            row.text
                .as_deref()
                .map(|t| format!(" title=\"{}\"", esc(t)))
                .unwrap_or_default(),
            esc(&row.title),
        );
        for (column, plan) in c.plans.iter().enumerate() {
            status_cell(out, g.cell(row, column), plan, lang);
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div></details>\n");
}

/// A citation in the document's own numbering (三、(一)第1项) in Chinese.
fn chinese_or_plain(citation: &str, lang: Lang) -> String {
    In(
        lang,
        &Numbered {
            citation: citation.to_string(),
            numbering: Numbering::Counted,
        },
    )
    .to_string()
}

/// A matrix cell: the status's symbol, linked to its first finding, with
/// what carries it out and an exemption's reason on hover.
fn status_cell(out: &mut String, cell: &Cell, plan: &PlanSummary, lang: Lang) {
    let w = lang.words();
    let mut tip = format!("{}: {}", plan_name(plan), lang.status(cell.status));
    if cell.advisory {
        tip.push_str(match lang {
            Lang::Zh => "（参考性）",
            Lang::En => " (advisory)",
        });
    }
    if let Some(reason) = &cell.reason {
        let _ = write!(tip, "\n{}{reason}", w.exempted_reason);
    }
    if !cell.provisions.is_empty() {
        let items: Vec<String> = cell
            .provisions
            .iter()
            .map(|p| provision_name(p, lang))
            .collect();
        let _ = write!(tip, "\n{}: {}", w.via, items.join("；"));
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

/// Fixed column widths, so that the tables of every section line up.
fn colgroup(plans: usize) -> String {
    format!(
        "<colgroup><col style=\"width:7rem\"><col>{}</colgroup>",
        "<col style=\"width:4.2rem\">".repeat(plans)
    )
}

/// The articles of the top documents, once: a plan that carries one out
/// directly shows its status, as in the matrix; another shows whether it
/// reaches the article through the documents between.
fn national(out: &mut String, c: &Coverage, lookup: &Lookup, lang: Lang) {
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
        let _ = write!(out, "<th>{}</th>", esc(plan_name(p)));
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
                        "<a href=\"#{}\" title=\"{}\">{}</a>",
                        esc(&crate::coverage::anchor("o", &r.id)),
                        esc(&r.title),
                        esc(&chinese_or_plain(&r.citation, lang))
                    )
                })
                .chain(more(row.more_refinements, lang).map(|m| esc(&m)))
                .collect::<Vec<_>>()
                .join(match lang {
                    Lang::Zh => "、",
                    Lang::En => ", ",
                })
        };
        let _ = write!(
            out,
            "<tr class=\"obl d{}\" id=\"{}\"><td class=\"cit\">{}</td><td class=\"t\">{}</td><td class=\"small\">{refinements}</td>",
            row.depth.min(2),
            esc(&row.anchor),
            esc(&chinese_or_plain(&row.citation, lang)),
            esc(&row.title)
        );
        let direct = lookup.rows.get(row.anchor.as_str());
        for (column, plan) in c.plans.iter().enumerate() {
            if let Some((g, matrix_row)) = direct {
                let cell = g.cell(matrix_row, column);
                if cell.status.is_owed() {
                    status_cell(out, cell, plan, lang);
                    continue;
                }
            }
            let reached = row.reached(column);
            let ids: Vec<String> = reached.iter().map(|p| provision_name(p, lang)).collect();
            let (class, symbol, word) = if reached.is_empty() {
                ("s-no", "○", w.not_reached)
            } else {
                ("s-ok", "●", w.reached)
            };
            let _ = write!(
                out,
                "<td class=\"c {class}\" title=\"{}\">{symbol}</td>",
                esc(&format!("{}: {word} {}", plan_name(plan), ids.join("；")))
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
        let _ = write!(out, "<th>{}</th>", esc(plan_name(p)));
    }
    let _ = write!(out, "<th>{}</th></tr></thead><tbody>", esc(w.observations));
    // Observations of the jurisdictions of the report: its plans' and
    // those of the documents they carry out.
    let places: HashSet<&str> = c
        .plans
        .iter()
        .filter_map(|p| p.jurisdiction.as_deref())
        .chain(
            c.documents
                .iter()
                .filter(|d| c.plans.iter().any(|p| p.carries_out.contains(&d.id)))
                .filter_map(|d| d.jurisdiction.as_deref()),
        )
        .collect();
    for t in &c.targets {
        let _ = write!(
            out,
            "<tr><td><a href=\"#{}\">{}</a><br>{}</td><td>{}</td><td>{} <span class=\"muted small\">({})</span></td>",
            esc(&t.anchor),
            esc(&chinese_or_plain(&t.citation, lang)),
            esc(&t.title),
            esc(&t.metric_label),
            esc(&t.higher.display(lang)),
            esc(&match t.passes {
                "floor" => Msg::ReportPassesFloor {},
                "share" => Msg::ReportPassesShare {},
                _ => Msg::ReportPassesNone {},
            }
            .render(lang))
        );
        for (cell, plan) in (0..c.plans.len())
            .map(|column| t.cell(column))
            .zip(&c.plans)
        {
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
                esc(&target_cell_text(cell, &t.higher, plan, lang))
            );
        }
        let observed: Vec<String> = t
            .observations
            .iter()
            .filter(|o| places.contains(o.jurisdiction.as_str()))
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

/// What a target asks of a plan and what the plan says; a share of a
/// higher figure with its rule: `应承担 ≥ 405 个（≈ 8000 个 × 西城区常住人口占比 5.05%）`.
fn target_cell_text(
    cell: &TargetCell,
    higher: &crate::coverage::FigureInfo,
    plan: &PlanSummary,
    lang: Lang,
) -> String {
    let w = lang.words();
    let mut parts = Vec::new();
    if let Some(owed) = &cell.owed {
        let mut text = format!("{} {}", w.owed_figure, owed.display(lang));
        if let (Some((population, among)), Some(total)) = (cell.share, higher.value)
            && among > 0
        {
            let total = crate::check::figures::format_figure(total, higher.unit.as_deref(), false);
            let rule = Msg::ReportShareRule {
                total,
                jurisdiction: plan_name(plan).to_string(),
                share: format!("{:.2}%", 100.0 * population as f64 / among as f64),
            };
            let _ = match lang {
                Lang::Zh => write!(text, "（{}）", rule.render(lang)),
                Lang::En => write!(text, " ({})", rule.render(lang)),
            };
        }
        parts.push(text);
    }
    if let Some(stated) = &cell.stated {
        parts.push(format!("{} {}", w.stated_figure, stated.display(lang)));
    }
    parts.push(verdict_text(cell.verdict, lang).to_string());
    if let Some(detail) = &cell.detail {
        parts.push(detail.clone());
    }
    parts.join(" · ")
}

fn comparison(out: &mut String, c: &Coverage, lookup: &Lookup, lang: Lang) {
    let w = lang.words();
    let _ = write!(
        out,
        "<section id=\"comparison\"><h2>{}</h2><p class=\"muted\">{}</p>",
        esc(w.comparison),
        if c.paged() {
            esc(w.comparison_note)
        } else {
            message(&Msg::ReportComparisonNote {}.render(lang))
        }
    );
    // Every row, the script showing those with a difference; a paged
    // report (thousands of plans) has those only, to stay small.
    let mut rows = table::rows(c, lang);
    if c.paged() {
        rows.retain(table::ComparisonRow::differs);
    }
    let open = rows.iter().filter(|r| r.differs()).count() <= COLLAPSE_ROWS;
    let mut by_plan: HashMap<&str, Vec<&table::ComparisonRow>> = HashMap::new();
    // Chapters in the documents' order, 责任单位 in the plans' order.
    let mut chapters: Vec<String> = Vec::new();
    let mut units: Vec<&str> = Vec::new();
    for r in &rows {
        by_plan.entry(r.plan.as_str()).or_default().push(r);
        if let Some((g, _, cell)) = lookup.cell(&r.anchor, &r.plan) {
            let ch = chapter(g);
            if !chapters.contains(&ch) {
                chapters.push(ch);
            }
            for u in cell.provisions.iter().flat_map(|p| p.units.iter()) {
                if !units.contains(&u.as_str()) {
                    units.push(u);
                }
            }
        }
    }
    filters(out, &chapters, &units, lang);
    for plan in &c.plans {
        let mine = by_plan.remove(plan.id.as_str()).unwrap_or_default();
        let differ = mine.iter().filter(|r| r.differs()).count();
        let _ = write!(
            out,
            "<details class=\"sec\"{}><summary>{} <span class=\"muted small\">({differ} / {})</span></summary>",
            if open { " open" } else { "" },
            esc(plan_name(plan)),
            mine.len()
        );
        if differ == 0 {
            let _ = write!(out, "<p>{}</p>", esc(w.no_findings));
        }
        // The plan's own rows first; those of a higher document issued
        // after it (what a revision must add) in their own table after them.
        let (binding, advisory): (Vec<_>, Vec<_>) = mine.into_iter().partition(|r| !r.advisory);
        comparison_table(out, &binding, lookup, lang);
        if !advisory.is_empty() {
            let _ = write!(
                out,
                "<h4>{} <span class=\"muted small\">({})</span></h4><p class=\"small muted\">{}</p>",
                esc(w.advisory_rows),
                advisory.len(),
                esc(w.advisory_note)
            );
            comparison_table(out, &advisory, lookup, lang);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

/// The chapter of a group, for the filter: `三、提升行动`, or the
/// document's title for a document without sections.
fn chapter(g: &Group) -> String {
    let top = g.section.split('.').next().unwrap_or("");
    if top.is_empty() || g.heading.is_empty() {
        return g.document_title.clone();
    }
    let first = g.heading.split(" › ").next().unwrap_or("");
    let name = first
        .strip_prefix(headings::chinese_numbering(&g.section).as_str())
        .unwrap_or(first)
        .trim();
    format!("{}{name}", headings::chinese_numbering(top))
}

/// The filter bar of the 对照表: hidden until the script shows it, so
/// that without script nothing offers what cannot work.
fn filters(out: &mut String, chapters: &[String], units: &[&str], lang: Lang) {
    let label = |m: Msg| esc(&m.render(lang));
    let _ = write!(
        out,
        "<div id=\"filters\" hidden><label>{} <select id=\"f-v\"><option value=\"all\">{}</option><option value=\"p\">{}</option>",
        label(Msg::ReportFilterVerdict {}),
        label(Msg::ReportFilterAll {}),
        label(Msg::ReportFilterProblems {}),
    );
    for s in Status::ALL.into_iter().filter(|s| s.is_owed()) {
        let _ = write!(
            out,
            "<option value=\"{}\">{}</option>",
            s.class(),
            esc(lang.status(s))
        );
    }
    let _ = write!(
        out,
        "</select></label> <label>{} <select id=\"f-ch\"><option value=\"\">{}</option>",
        label(Msg::ReportFilterChapter {}),
        label(Msg::ReportFilterAll {}),
    );
    for ch in chapters {
        let _ = write!(out, "<option>{}</option>", esc(ch));
    }
    let _ = write!(
        out,
        "</select></label> <label>{} <select id=\"f-u\"><option value=\"\">{}</option>",
        label(Msg::ReportFilterUnit {}),
        label(Msg::ReportFilterAll {}),
    );
    for u in units {
        let _ = write!(out, "<option>{}</option>", esc(u));
    }
    let _ = write!(
        out,
        "</select></label> <label>{} <input id=\"f-q\" type=\"search\"></label> <span class=\"muted small\"><span id=\"f-n\"></span> {}</span></div>",
        label(Msg::ReportFilterSearch {}),
        label(Msg::ReportFilterShown {}),
    );
}

/// A table of comparison rows, without the plan column. Each row carries
/// what the filter reads: whether it differs, its status, chapter and
/// 责任单位.
fn comparison_table(out: &mut String, rows: &[&table::ComparisonRow], lookup: &Lookup, lang: Lang) {
    if rows.is_empty() {
        return;
    }
    let w = lang.words();
    out.push_str("<div class=\"scroll\"><table class=\"cmp\"><thead><tr>");
    for h in &table::headings(lang)[1..] {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        let cells = table::cells(r, lang);
        let found = lookup.cell(&r.anchor, &r.plan);
        let (chapter, units, higher, clause) = match found {
            Some((g, row, cell)) => {
                let mut higher = lookup.requirement(row, lang);
                if let Some(text) = row.text.as_deref().filter(|t| *t != row.title) {
                    higher.push_str(colon(lang));
                    higher.push_str(text);
                }
                let clause = if cell.provisions.is_empty() {
                    w.no_clause.to_string()
                } else {
                    cell.provisions
                        .iter()
                        .map(|p| provision_text(p, lang))
                        .collect::<Vec<_>>()
                        .join("\n")
                };
                let units: BTreeSet<&str> = cell
                    .provisions
                    .iter()
                    .flat_map(|p| p.units.iter().map(String::as_str))
                    .collect();
                (
                    chapter(g),
                    units.into_iter().collect::<Vec<_>>().join("|"),
                    higher,
                    clause,
                )
            }
            None => (
                String::new(),
                String::new(),
                cells[2].clone(),
                cells[3].clone(),
            ),
        };
        let _ = write!(
            out,
            "<tr data-p=\"{}\" data-v=\"{}\" data-ch=\"{}\" data-u=\"{}\"><td class=\"v {}\"><a href=\"#{}\">{}</a></td><td class=\"small\">{}</td><td class=\"small\">{}</td>",
            u8::from(r.differs()),
            r.status.class(),
            esc(&chapter),
            esc(&units),
            r.status.class(),
            esc(&r.anchor),
            esc(&cells[1]),
            esc(&higher),
            esc(&clause).replace('\n', "<br>"),
        );
        for text in &cells[4..] {
            let _ = write!(out, "<td class=\"small\">{}</td>", message(text));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

fn findings(out: &mut String, c: &Coverage, lookup: &Lookup, lang: Lang) {
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
    let quotes = c.findings.len() <= QUOTED_FINDINGS;
    let mut groups: Vec<(Option<&str>, Vec<&Finding>)> = c
        .plans
        .iter()
        .map(|p| (Some(plan_name(p)), Vec::new()))
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
        let title = esc(plan.unwrap_or(w.other_findings));
        let _ = write!(
            out,
            "<details class=\"sec\"{}><summary>{title} <span class=\"muted small\">({errors} {}, {warnings} {}, {infos} {})</span></summary>",
            if open { " open" } else { "" },
            esc(w.errors),
            esc(w.warnings),
            esc(w.infos)
        );
        for f in list {
            finding(out, f, lookup, lang, quotes);
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

/// A finding: its message and help, then what it is about as the
/// documents number and word it (the plan's item, the higher
/// requirement), never as lines of the files that encode them; those are
/// in the tooltip of its code, for the drafter.
fn finding(out: &mut String, f: &Finding, lookup: &Lookup, lang: Lang, quotes: bool) {
    let w = lang.words();
    let sev = f.severity.as_str();
    // The class is the code's word; the reader sees it in the report's language.
    let shown = Msg::SeverityWord {
        severity: f.severity,
    }
    .render(lang);
    let _ = write!(
        out,
        "<div class=\"f {sev}\" id=\"{}\"><p><span class=\"sev {sev}\">{}</span> <code title=\"{}\">{}</code></p><p>{}</p>",
        esc(&f.anchor),
        esc(&shown),
        esc(&f.location),
        esc(f.code),
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
    let item = f
        .item
        .as_ref()
        .and_then(|(id, _)| lookup.provisions.get(id.as_str()));
    if quotes && let Some(item) = item {
        let _ = write!(
            out,
            "<blockquote class=\"small\"><b>{}</b>{}{}</blockquote>",
            esc(w.plan_clause),
            colon(lang),
            esc(&provision_text(item, lang))
        );
    }
    let row = f.row.as_deref().and_then(|a| lookup.rows.get(a));
    if quotes && let Some((_, row)) = row {
        let mut text = lookup.requirement(row, lang);
        if let Some(body) = row.text.as_deref().filter(|t| *t != row.title) {
            text.push_str(colon(lang));
            text.push_str(body);
        }
        let _ = write!(
            out,
            "<blockquote class=\"small\"><b>{}</b>{}{}</blockquote>",
            esc(w.higher_requirement),
            colon(lang),
            esc(&text)
        );
    } else if quotes && let Some(text) = &f.obligation_text {
        let _ = write!(
            out,
            "<blockquote class=\"small\"><b>{}</b>{}{}</blockquote>",
            esc(w.obligation_text),
            colon(lang),
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
