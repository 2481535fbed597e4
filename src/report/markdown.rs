//! The reviewers' report as Markdown, for a pull-request comment: the
//! same sections as the HTML report, as tables, without the graph picture.
//! Every piece of document text is escaped, so a title cannot open a link,
//! a table cell or an HTML tag; a table cell is plain text, with no code
//! span and no backslash but the one before a `|` ([`cell`]). A report
//! longer than a GitHub comment ([`COMMENT_LIMIT`]) gives way to its short
//! form: the summary and the rows with a problem, and where the rest is.

use std::fmt::Write;

use crate::i18n::Msg;

use crate::coverage::{Coverage, FigureInfo, PAGED_PLANS, Status, TargetCell, TargetVerdict};
use crate::report::lang::Lang;
use crate::report::printable::stand_in;
use crate::report::table;

/// GitHub's limit on the length of a comment, in characters.
pub const COMMENT_LIMIT: usize = 65_536;

/// Where the comment goes, as the notes of the short form name it.
const SITE: &str = "GitHub";

/// The command that writes the HTML report, as the notes of the short
/// form name it.
const HTML_COMMAND: &str = "planlint report --format html";

/// Renders the report: in full when it fits a GitHub comment, else its
/// short form.
pub fn render(coverage: &Coverage, lang: Lang) -> String {
    let full = full(coverage, lang);
    if full.chars().count() <= COMMENT_LIMIT {
        return full;
    }
    short(coverage, lang)
}

/// The title and date, and the summary.
fn head(coverage: &Coverage, lang: Lang) -> String {
    let w = lang.words();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", w.report_title);
    let _ = writeln!(out, "{}: {}\n", w.generated, esc(&coverage.as_of));
    summary(&mut out, coverage, lang);
    out
}

/// Every section.
fn full(coverage: &Coverage, lang: Lang) -> String {
    let w = lang.words();
    let mut out = head(coverage, lang);
    if coverage.paged() {
        let _ = writeln!(
            out,
            "{}\n",
            esc(&w.paged_note.replace("{}", &PAGED_PLANS.to_string()))
        );
    } else {
        legend(&mut out, lang);
        matrix(&mut out, coverage, lang);
        national(&mut out, coverage, lang);
        targets(&mut out, coverage, lang);
    }
    comparison(&mut out, coverage, lang);
    findings(&mut out, coverage, lang);
    out
}

/// The summary, the rows of the 对照表 with a problem and the findings
/// outside it, with a note that the rest is in the HTML report; cut at a
/// line, with a note of how many lines are left out, to stay within
/// [`COMMENT_LIMIT`] whatever the number of plans and rows.
fn short(coverage: &Coverage, lang: Lang) -> String {
    let mut out = head(coverage, lang);
    let limit = COMMENT_LIMIT;
    let _ = writeln!(
        out,
        "{}\n",
        esc(&Msg::TablesShortComment {
            site: SITE.to_string(),
            limit,
            command: HTML_COMMAND.to_string(),
        }
        .render(lang))
    );
    comparison(&mut out, coverage, lang);
    findings(&mut out, coverage, lang);
    if out.chars().count() <= limit {
        return out;
    }
    let lines: Vec<&str> = out.lines().collect();
    let note = |left: usize| {
        format!(
            "\n\n{}\n",
            esc(&Msg::TablesCut {
                site: SITE.to_string(),
                lines: left,
                command: HTML_COMMAND.to_string(),
            }
            .render(lang))
        )
    };
    // Room for the note with the most lines it can name.
    let room = limit - note(lines.len()).chars().count();
    let mut kept = String::new();
    let mut used = 0;
    let mut shown = 0;
    for line in &lines {
        let length = line.chars().count() + 1;
        if used + length > room {
            break;
        }
        kept.push_str(line);
        kept.push('\n');
        used += length;
        shown += 1;
    }
    let left = lines[shown..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .count();
    kept.truncate(kept.trim_end().len());
    kept.push_str(&note(left));
    kept
}

/// `… and 12 more` after a list cut at
/// [`MAX_REFINEMENTS`](crate::coverage::MAX_REFINEMENTS).
pub fn more(count: usize, lang: Lang) -> Option<String> {
    (count > 0).then(|| match lang {
        Lang::Zh => format!("……另 {count} 项"),
        Lang::En => format!("… and {count} more"),
    })
}

/// Escapes text for a Markdown table cell or paragraph.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => match stand_in(c) {
                Some(s) => out.push_str(&s),
                None => out.push(c),
            },
        }
    }
    out
}

/// Text for a Markdown table cell, plain: a `|` is escaped as `\|` (the
/// escape GitHub's table syntax defines, which holds inside code spans
/// too); `<`, `>` and `&` become entities; the other characters that could
/// start markup (`` \ ` * _ [ ] ~ $ ``) become numeric character
/// references, which GitHub shows as the characters themselves, so that
/// no backslash shows in the raw text; line breaks become spaces.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '$' => {
                let _ = write!(out, "&#{};", u32::from(c));
            }
            '\n' | '\r' => out.push(' '),
            _ => match stand_in(c) {
                Some(s) => out.push_str(&s),
                None => out.push(c),
            },
        }
    }
    out
}

/// A message in a table cell: its `backticked` names as plain text.
fn message_cell(text: &str) -> String {
    cell(&text.replace('`', ""))
}

/// Escapes a message and keeps its `backticked` names as code spans, so
/// that a table shows `ta.5`, not \`ta.5\`. A name cannot close its span
/// or a table cell: bars and line breaks inside are dropped.
pub fn message(text: &str) -> String {
    if !text.matches('`').count().is_multiple_of(2) {
        return esc(text);
    }
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                let name: String = part
                    .chars()
                    .filter(|c| !matches!(c, '|' | '\n' | '\r'))
                    .collect();
                if name.trim().is_empty() {
                    String::new()
                } else {
                    format!("`{name}`")
                }
            } else {
                esc(part)
            }
        })
        .collect()
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.1}%"))
}

fn summary(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = writeln!(out, "## {}\n", w.summary);
    for p in &c.plans {
        let _ = write!(
            out,
            "- **{}** {}{}{}",
            esc(p.jurisdiction.as_deref().unwrap_or(&p.title)),
            esc(&p.id),
            match lang {
                Lang::Zh => "：",
                Lang::En => ": ",
            },
            esc(&p.verdict().render(lang))
        );
        if let Some(advisory) = p.advisory_verdict() {
            let _ = write!(
                out,
                "{}{}",
                match lang {
                    Lang::Zh => "；",
                    Lang::En => "; ",
                },
                esc(&advisory.render(lang))
            );
        }
        out.push('\n');
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
        w.plan,
        w.jurisdiction,
        w.carries_out,
        w.owed,
        w.advisory,
        lang.status(Status::Implemented),
        lang.status(Status::Partial),
        lang.status(Status::Exempted),
        lang.status(Status::Omitted),
        lang.status(Status::Undercut),
        lang.status(Status::NotApplicable),
        w.compliance,
        w.findings
    );
    let _ = writeln!(out, "|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
    for p in &c.plans {
        let _ = writeln!(
            out,
            "| {} {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} {}, {} {}, {} {} |",
            cell(&p.id),
            cell(&p.title),
            cell(p.jurisdiction.as_deref().unwrap_or("")),
            cell(&p.carries_out.join(", ")),
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
            w.errors,
            p.findings.warnings,
            w.warnings,
            p.findings.infos,
            w.infos
        );
    }
    let _ = writeln!(out, "\n{}\n\n{}\n", w.compliance_note, w.advisory_note);
}

fn legend(out: &mut String, lang: Lang) {
    let _ = writeln!(out, "{}:\n", lang.words().legend);
    for s in Status::ALL {
        let _ = writeln!(
            out,
            "- {} {}: {}",
            esc(s.symbol()),
            lang.status(s),
            lang.status_help(s)
        );
    }
    let _ = writeln!(out, "- † {}\n", lang.words().advisory_note);
}

fn matrix(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = writeln!(out, "## {}\n\n{}\n", w.matrix, w.matrix_note);
    // The columns are the plans, by name (西城区), as in the exports.
    let names = table::plan_names(c);
    let mut document = "";
    for g in &c.groups {
        if g.document != document {
            document = &g.document;
            let _ = writeln!(out, "### {} {}\n", esc(&g.document), esc(&g.document_title));
        }
        if !g.heading.is_empty() {
            let _ = writeln!(out, "#### {}\n", esc(&g.heading));
        }
        let _ = write!(out, "| {} | {} |", w.citation, w.obligation);
        for name in &names {
            let _ = write!(out, " {} |", cell(name));
        }
        let _ = write!(out, "\n|---|---|");
        for _ in &c.plans {
            let _ = write!(out, ":-:|");
        }
        out.push('\n');
        for row in &g.rows {
            let indent = "　".repeat(row.depth);
            let _ = write!(
                out,
                "| {} | {indent}{} {} |",
                cell(&row.citation),
                cell(&row.title),
                cell(&row.obligation)
            );
            for column in 0..c.plans.len() {
                let status = g.cell(row, column);
                let mut mark = cell(status.status.symbol());
                if status.advisory {
                    mark.push('†');
                }
                if let Some(reason) = &status.reason {
                    let _ = write!(mark, " ({})", cell(reason));
                }
                let _ = write!(out, " {mark} |");
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

fn national(out: &mut String, c: &Coverage, lang: Lang) {
    if c.national.is_empty() {
        return;
    }
    let w = lang.words();
    let _ = writeln!(out, "## {}\n\n{}\n", w.national, w.national_note);
    let _ = write!(out, "| {} | {} | {} |", w.article, w.title, w.refined_by);
    for name in table::plan_names(c) {
        let _ = write!(out, " {} |", cell(&name));
    }
    let _ = write!(out, "\n|---|---|---|");
    for _ in &c.plans {
        let _ = write!(out, ":-:|");
    }
    out.push('\n');
    for row in &c.national {
        let refinements = if row.refinements.is_empty() {
            w.none.to_string()
        } else {
            row.refinements
                .iter()
                .map(|r| cell(&r.id))
                .chain(more(row.more_refinements, lang).map(|m| cell(&m)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = write!(
            out,
            "| {} {} | {}{} | {refinements} |",
            cell(&row.document),
            cell(&row.citation),
            "　".repeat(row.depth),
            cell(&row.title)
        );
        for column in 0..c.plans.len() {
            let reached = row.reached(column);
            let _ = write!(out, " {} |", if reached.is_empty() { "○" } else { "●" });
        }
        out.push('\n');
    }
    let _ = writeln!(out, "\n● {} · ○ {}\n", w.reached, w.not_reached);
}

/// `owed ≥ 15159 人次 每年 · stated ≥ 16000 人次 每年 · meets`.
pub fn target_cell_text(cell: &TargetCell, lang: Lang) -> String {
    let w = lang.words();
    let mut parts = Vec::new();
    if let Some(owed) = &cell.owed {
        let mut text = format!("{} {}", w.owed_figure, owed.display(lang));
        if let Some((population, among)) = cell.share {
            let _ = write!(text, " ({} {population}/{among})", w.share_of);
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

/// The name of a target verdict.
pub fn verdict_text(verdict: TargetVerdict, lang: Lang) -> &'static str {
    let w = lang.words();
    match verdict {
        TargetVerdict::Meets => w.meets,
        TargetVerdict::Lower => w.lower,
        TargetVerdict::Later => w.later,
        TargetVerdict::Incomparable => w.incomparable,
        TargetVerdict::Unstated => w.unstated,
        TargetVerdict::NothingOwed => w.nothing_owed,
        TargetVerdict::Exempted => lang.status(Status::Exempted),
        TargetVerdict::Omitted => lang.status(Status::Omitted),
        TargetVerdict::NotOwed => lang.status(Status::NotOwed),
    }
}

/// `北京市 2023: 27.68% (98.9% of the target)`.
pub fn observation_text(
    o: &crate::coverage::ObservationInfo,
    target: &FigureInfo,
    lang: Lang,
) -> String {
    let w = lang.words();
    let mut text = format!(
        "{} {}: {}",
        o.jurisdiction,
        o.year.map(|y| y.to_string()).unwrap_or_default(),
        crate::check::figures::format_figure(o.value, o.unit.as_deref(), false)
    );
    if let (Some(p), Some(_)) = (o.progress, target.value) {
        let _ = match lang {
            Lang::Zh => write!(text, "（{} {p:.1}%）", w.of_target),
            Lang::En => write!(text, " ({p:.1}% {})", w.of_target),
        };
    }
    text
}

fn targets(out: &mut String, c: &Coverage, lang: Lang) {
    if c.targets.is_empty() {
        return;
    }
    let w = lang.words();
    let _ = writeln!(out, "## {}\n\n{}\n", w.targets, w.targets_note);
    let _ = write!(
        out,
        "| {} | {} | {} |",
        w.obligation, w.metric, w.higher_figure
    );
    for name in table::plan_names(c) {
        let _ = write!(out, " {} |", cell(&name));
    }
    let _ = write!(out, " {} |\n|---|---|---|", w.observations);
    for _ in &c.plans {
        let _ = write!(out, "---|");
    }
    out.push_str("---|\n");
    for t in &c.targets {
        let _ = write!(
            out,
            "| {} {} {} | {} | {} |",
            cell(&t.document),
            cell(&t.citation),
            cell(&t.title),
            cell(&t.metric_label),
            cell(&t.higher.display(lang))
        );
        for column in 0..c.plans.len() {
            let figure = t.cell(column);
            let _ = write!(out, " {} |", cell(&target_cell_text(figure, lang)));
        }
        let observed: Vec<String> = t
            .observations
            .iter()
            .map(|o| cell(&observation_text(o, &t.higher, lang)))
            .collect();
        let _ = writeln!(out, " {} |", observed.join("; "));
    }
    out.push('\n');
}

fn comparison(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = writeln!(out, "## {}\n\n{}\n", w.comparison, w.comparison_note);
    // Advisory differences (the higher document came later) are counted,
    // not listed: they say what a revision must add, and a pull-request
    // comment has to stay short. The HTML report and the exports list them.
    let all: Vec<_> = table::rows(c, lang)
        .into_iter()
        .filter(|r| r.differs())
        .collect();
    let advisory = all.iter().filter(|r| r.advisory).count();
    let rows: Vec<_> = all.into_iter().filter(|r| !r.advisory).collect();
    if rows.is_empty() {
        let _ = writeln!(out, "{}\n", w.no_findings);
    } else {
        let _ = writeln!(out, "| {} |", table::headings(lang).join(" | "));
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for row in &rows {
            let [_, status, _, _, difference, suggestion] = table::cells(row, lang);
            let cells = [
                cell(&row.plan_name),
                cell(&status),
                cell(&row.requirement),
                cell(&table::items(row, lang, false)),
                message_cell(&difference),
                message_cell(&suggestion),
            ];
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
    }
    if advisory > 0 {
        let _ = writeln!(
            out,
            "{}\n",
            w.advisory_not_listed.replace("{}", &advisory.to_string())
        );
    }
}

fn findings(out: &mut String, c: &Coverage, lang: Lang) {
    let w = lang.words();
    let _ = writeln!(out, "## {}\n", w.findings);
    if c.findings.is_empty() {
        let _ = writeln!(out, "{}", w.no_findings);
        return;
    }
    // Findings about an owed obligation of a plan are in the 对照表 already
    // (差异 and 建议), or counted there when advisory; list the others, so
    // that the comment stays short.
    let mut in_table = vec![false; c.findings.len()];
    let mut shown = 0;
    for row in c.rows() {
        for cell in row.cells.iter().filter(|cell| cell.status.is_owed()) {
            for &i in &cell.findings {
                if let Some(seen) = in_table.get_mut(i)
                    && !*seen
                {
                    *seen = true;
                    shown += usize::from(!cell.advisory);
                }
            }
        }
    }
    if shown > 0 {
        let _ = writeln!(
            out,
            "{}
",
            w.findings_in_table.replace("{}", &shown.to_string())
        );
    }
    for (f, _) in c.findings.iter().zip(&in_table).filter(|(_, seen)| !**seen) {
        let _ = writeln!(
            out,
            "- **{}** `{}` {}: {}",
            f.severity.as_str(),
            f.code,
            esc(&f.location),
            message(&f.message)
        );
        if let Some(help) = &f.help {
            let _ = writeln!(out, "  - {}: {}", w.help, message(help));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_cell_is_plain_and_cannot_break_its_table() {
        assert_eq!(cell("西城区 a|b"), "西城区 a\\|b");
        assert_eq!(
            cell("*x* `y` _z_ [l](u) ~s~ $m$ \\"),
            "&#42;x&#42; &#96;y&#96; &#95;z&#95; &#91;l&#93;(u) &#126;s&#126; &#36;m&#36; &#92;"
        );
        assert_eq!(cell("<b>&\n下一行"), "&lt;b&gt;&amp; 下一行");
        assert_eq!(message_cell("`ta.3` 承诺 `trained`"), "ta.3 承诺 trained");
    }

    #[test]
    fn names_stay_code_and_cannot_break_a_table() {
        assert_eq!(message("`ta.5` promises *x*"), "`ta.5` promises \\*x\\*");
        assert_eq!(message("a `x|y` b"), "a `xy` b");
        assert_eq!(message("odd ` tick"), "odd \\` tick");
        assert_eq!(message("<`a`>"), "&lt;`a`&gt;");
    }
}
