//! The 对照表 (side-by-side comparison table) rows: 上位要求 | 本方案条款 |
//! 差异 | 建议, one per plan and owed obligation. Shared by the HTML report
//! (which lists the rows with a difference) and the xlsx and csv exports
//! (which list them all).

use serde::Serialize;

use crate::report::coverage::{Coverage, Status};
use crate::report::lang::Lang;

/// One line of the comparison table.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonRow {
    pub plan: String,
    pub status: Status,
    pub advisory: bool,
    /// The higher requirement, cited: `bj.outline 3.1.3「title」：text`.
    pub higher: String,
    /// The plan's items that carry it out, cited, or a placeholder.
    pub clause: String,
    pub difference: String,
    pub suggestion: String,
    /// The matrix row it belongs to.
    pub anchor: String,
    /// How many findings the cell has.
    pub findings: usize,
}

impl ComparisonRow {
    /// Whether the row shows a difference (anything but a clean implementation).
    pub fn differs(&self) -> bool {
        self.status != Status::Implemented || self.findings > 0
    }
}

/// The column headings, in the report's language.
pub fn headings(lang: Lang) -> [&'static str; 6] {
    let w = lang.words();
    [
        w.plan,
        w.verdict,
        w.higher_requirement,
        w.plan_clause,
        w.difference,
        w.suggestion,
    ]
}

/// The cells of a row, in the order of [`headings`].
pub fn cells(row: &ComparisonRow, lang: Lang) -> [String; 6] {
    let mut status = lang.status(row.status).to_string();
    if row.advisory {
        status.push_str(match lang {
            Lang::Zh => "（参考性）",
            Lang::En => " (advisory)",
        });
    }
    [
        row.plan.clone(),
        status,
        row.higher.clone(),
        row.clause.clone(),
        row.difference.clone(),
        row.suggestion.clone(),
    ]
}

/// Every owed obligation of every plan, plan by plan, in matrix order,
/// a plan's advisory rows after its binding ones.
pub fn rows(coverage: &Coverage, lang: Lang) -> Vec<ComparisonRow> {
    let words = lang.words();
    let mut out = Vec::new();
    // Each plan's cells, found by group: (group, the plan's place in its columns).
    let mut by_plan: Vec<Vec<(usize, usize)>> = vec![Vec::new(); coverage.plans.len()];
    for (g, group) in coverage.groups.iter().enumerate() {
        for (k, &column) in group.columns.iter().enumerate() {
            if let Some(list) = by_plan.get_mut(column) {
                list.push((g, k));
            }
        }
    }
    for (plan, groups) in coverage.plans.iter().zip(&by_plan) {
        let start = out.len();
        let cells = groups.iter().flat_map(|&(g, k)| {
            coverage.groups[g]
                .rows
                .iter()
                .filter_map(move |row| Some((row, row.cells.get(k)?)))
        });
        for (row, cell) in cells {
            if !cell.status.is_owed() {
                continue;
            }
            let mut higher = format!("{} {}「{}」", row.document, row.citation, row.title);
            if let Some(text) = &row.text {
                higher.push('：');
                higher.push_str(text);
            }
            let clause = if cell.provisions.is_empty() {
                words.no_clause.to_string()
            } else {
                cell.provisions
                    .iter()
                    .map(|p| format!("{} {}「{}」", p.id, p.citation, p.title))
                    .collect::<Vec<_>>()
                    .join("；")
            };
            let findings: Vec<_> = cell
                .findings
                .iter()
                .filter_map(|&i| coverage.findings.get(i))
                .collect();
            // The status has its own column; the difference says what else.
            let mut differences: Vec<String> = Vec::new();
            if let Some(reason) = &cell.reason {
                differences.push(format!("{}: {reason}", words.exempted_reason));
            }
            differences.extend(findings.iter().map(|f| f.message.clone()));
            let mut suggestions: Vec<String> = Vec::new();
            for f in &findings {
                if let Some(help) = &f.help
                    && !suggestions.contains(help)
                {
                    suggestions.push(help.clone());
                }
            }
            out.push(ComparisonRow {
                plan: plan.id.clone(),
                status: cell.status,
                advisory: cell.advisory,
                higher,
                clause,
                difference: if differences.is_empty() {
                    words.no_difference.to_string()
                } else {
                    differences.join("；")
                },
                suggestion: suggestions.join("；"),
                anchor: row.anchor.clone(),
                findings: findings.len(),
            });
        }
        // The plan's own rows first, then the advisory ones (a higher
        // document issued after the plan); the sort is stable.
        out[start..].sort_by_key(|r| r.advisory);
    }
    out
}
