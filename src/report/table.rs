//! The 对照表 (side-by-side comparison table) rows: 上位要求 | 本方案条款 |
//! 差异 | 建议, one per plan and owed obligation. Shared by the HTML report
//! (which lists the rows with a difference) and the xlsx and csv exports
//! (which list them all).

use serde::Serialize;

use crate::coverage::{
    Cell, Coverage, DROPPED_CODE, Finding, PARTIAL_CODES, ProvisionInfo, Status, UNDERCUT_CODE,
    UNSTATED_CODE, WEAKENED_CODE,
};
use crate::i18n::{In, Msg, Numbered, Numbering, Quote, Text};
use crate::report::lang::Lang;

/// The code of the finding that an obligation is omitted: its row says so
/// in a memo's words instead.
const OMITTED_CODE: &str = "omitted-obligation";
/// The code of the finding that an item's text and figure disagree.
const TEXT_FIGURE_CODE: &str = "text-figure-mismatch";

/// A requirement as a memo names it: the plan, the higher document's
/// title, the requirement's numbering and title.
struct Requirement {
    plan: String,
    document: String,
    requirement: Numbered,
    title: Quote,
}

impl Requirement {
    fn omitted(self) -> Msg {
        Msg::MemoOmitted {
            plan: self.plan,
            document: self.document,
            requirement: self.requirement,
            title: self.title,
        }
    }

    fn some_clauses(self) -> Msg {
        Msg::MemoSomeClauses {
            plan: self.plan,
            document: self.document,
            requirement: self.requirement,
            title: self.title,
        }
    }
}

/// The message inside the advisory wrappers.
fn inner(m: &Msg) -> &Msg {
    match m {
        Msg::Advisory { message, .. } | Msg::AdvisoryLater { message } => inner(message),
        m => m,
    }
}

/// The 差异 and 建议 of a finding about a row's figures or words, in a
/// review memo's words: what the plan's item leaves out or falls short of,
/// and what to do,
/// without ids or the plan language. None for other findings, which keep
/// their message and help.
fn memo(f: &Finding, plan: &str, cell: &Cell, lang: Lang) -> Option<(String, String)> {
    let citation = match &f.item {
        Some((_, citation)) => citation,
        None => &cell.provisions.first()?.citation,
    };
    let item = Numbered {
        citation: citation.clone(),
        numbering: Numbering::Numbered,
    };
    let plan = plan.to_string();
    let message = match &f.text {
        Text::Msg(m) => Some(inner(m)),
        Text::Untranslated(_) => None,
    };
    let (difference, suggestion) = match (f.code, message) {
        (
            DROPPED_CODE,
            Some(Msg::DroppedElement { element, .. } | Msg::DroppedElementSeveral { element, .. }),
        ) => (
            Msg::MemoDropped {
                plan,
                item,
                element: element.clone(),
            },
            Msg::MemoSuggestElement {
                element: element.clone(),
            },
        ),
        (UNSTATED_CODE, Some(Msg::UnstatedQuantity { owed, .. })) => {
            let owed = In(lang, owed).to_string();
            (
                Msg::MemoUnstated {
                    plan,
                    item,
                    owed: owed.clone(),
                },
                Msg::MemoSuggestFigure { owed },
            )
        }
        (WEAKENED_CODE, _) => (Msg::MemoWeakened { plan, item }, Msg::MemoSuggestFirm {}),
        (
            UNDERCUT_CODE,
            Some(
                Msg::UndercutLess {
                    actual, expected, ..
                }
                | Msg::UndercutNotMore {
                    actual, expected, ..
                },
            ),
        ) => (
            Msg::MemoUndercut {
                plan,
                item,
                actual: actual.clone(),
                expected: expected.clone(),
            },
            Msg::MemoSuggestRaise {
                expected: expected.clone(),
            },
        ),
        (
            UNDERCUT_CODE,
            Some(Msg::UndercutMore {
                actual, expected, ..
            }),
        ) => (
            Msg::MemoAboveCeiling {
                plan,
                item,
                actual: actual.clone(),
                expected: expected.clone(),
            },
            Msg::MemoSuggestLower {
                expected: expected.clone(),
            },
        ),
        (
            UNDERCUT_CODE,
            Some(Msg::UndercutLater {
                actual, expected, ..
            }),
        ) => (
            Msg::MemoLater {
                plan,
                item,
                actual: actual.clone(),
                expected: expected.clone(),
            },
            Msg::MemoSuggestEarlier {
                expected: expected.clone(),
            },
        ),
        (TEXT_FIGURE_CODE, Some(Msg::TextFigureMismatch { quoted, .. })) => (
            Msg::MemoTextFigure {
                plan,
                item,
                quoted: quoted.clone(),
            },
            Msg::MemoSuggestAlign {},
        ),
        (TEXT_FIGURE_CODE, Some(Msg::TextFigureNoTrace { .. })) => (
            Msg::MemoFigureNotInText { plan, item },
            Msg::MemoSuggestAlign {},
        ),
        _ => return None,
    };
    Some((difference.render(lang), suggestion.render(lang)))
}

/// One line of the comparison table.
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonRow {
    pub plan: String,
    /// The plan as a reader names it ([`plan_names`]): 西城区.
    pub plan_name: String,
    pub status: Status,
    pub advisory: bool,
    /// The higher requirement, cited: `bj.outline 3.1.3「title」：text`.
    pub higher: String,
    /// The higher requirement in its document's own numbering, quoted,
    /// with its text: 《北京市…纲要》三、(一)第1项「title」：text.
    pub requirement: String,
    /// The plan's items that carry it out, cited, or a placeholder.
    pub clause: String,
    /// The plan's items that carry it out, as they are.
    pub items: Vec<ProvisionInfo>,
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

/// The column headings of the exports (xlsx, csv): those of [`headings`]
/// and the items' 责任单位.
pub fn export_headings(lang: Lang) -> [String; 7] {
    let [plan, verdict, higher, clause, difference, suggestion] = headings(lang);
    [
        plan.to_string(),
        verdict.to_string(),
        higher.to_string(),
        clause.to_string(),
        difference.to_string(),
        suggestion.to_string(),
        Msg::TablesUnits {}.render(lang),
    ]
}

/// The cells of a row for the exports, in the order of [`export_headings`]:
/// the plan's name, the requirement and the items in their documents' own
/// numbering with their texts, and no markup: the backticks that mark
/// names in the 差异 and 建议 of findings are dropped.
pub fn export_cells(row: &ComparisonRow, lang: Lang) -> [String; 7] {
    let [_, status, _, _, difference, suggestion] = cells(row, lang);
    [
        row.plan_name.clone(),
        status,
        row.requirement.clone(),
        items(row, lang, true),
        difference.replace('`', ""),
        suggestion.replace('`', ""),
        units(row, lang),
    ]
}

/// The plan's items of a row in their own numbering, quoted, or a
/// placeholder: with their texts, one a line, when `with_text`
/// (二、(一)1「title」：text); else on one line.
pub fn items(row: &ComparisonRow, lang: Lang, with_text: bool) -> String {
    if row.items.is_empty() {
        return lang.words().no_clause.to_string();
    }
    let (colon, separator) = match (lang, with_text) {
        (Lang::Zh, true) => ("：", "\n"),
        (Lang::En, true) => (": ", "\n"),
        (Lang::Zh, false) => ("：", "；"),
        (Lang::En, false) => (": ", "; "),
    };
    row.items
        .iter()
        .map(|p| {
            let mut text = Msg::TablesItem {
                item: Numbered {
                    citation: p.citation.clone(),
                    numbering: Numbering::Numbered,
                },
                title: Quote(p.title.clone()),
            }
            .render(lang);
            if with_text && let Some(body) = p.text.as_deref().filter(|t| !t.is_empty()) {
                text.push_str(colon);
                text.push_str(body);
            }
            text
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// The 责任单位 of a row's items, each once, in their order.
pub fn units(row: &ComparisonRow, lang: Lang) -> String {
    let mut units: Vec<&str> = Vec::new();
    for unit in row.items.iter().flat_map(|p| &p.units) {
        if !units.contains(&unit.as_str()) {
            units.push(unit);
        }
    }
    units.join(match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    })
}

/// Each plan's name for a reader, by its place in `coverage.plans`: its
/// jurisdiction's name (西城区), else its title; a name that two plans
/// share is followed by the plan's title, then by its id.
pub fn plan_names(coverage: &Coverage) -> Vec<String> {
    let short: Vec<&str> = coverage
        .plans
        .iter()
        .map(|p| p.jurisdiction.as_deref().unwrap_or(&p.title))
        .collect();
    let shared = |name: &str| short.iter().filter(|n| **n == name).count() > 1;
    let long: Vec<String> = coverage
        .plans
        .iter()
        .zip(&short)
        .map(|(p, name)| {
            if shared(name) && *name != p.title {
                format!("{name}（{}）", p.title)
            } else {
                name.to_string()
            }
        })
        .collect();
    long.iter()
        .zip(&coverage.plans)
        .map(|(name, p)| {
            if long.iter().filter(|n| *n == name).count() > 1 {
                format!("{name}（{}）", p.id)
            } else {
                name.clone()
            }
        })
        .collect()
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
    let separator = match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    let names = plan_names(coverage);
    let colon = match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    };
    for ((plan, groups), plan_name) in coverage.plans.iter().zip(&by_plan).zip(&names) {
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
            // The status has its own column; the difference says what else,
            // in a review memo's words where there are some for it.
            let mut differences: Vec<String> = Vec::new();
            let mut suggestions: Vec<String> = Vec::new();
            let add = |list: &mut Vec<String>, text: String| {
                if !list.contains(&text) {
                    list.push(text);
                }
            };
            if let Some(reason) = &cell.reason {
                differences.push(format!("{}{reason}", words.exempted_reason));
            }
            let document = coverage
                .documents
                .iter()
                .find(|d| d.id == row.document)
                .map_or_else(|| row.document.clone(), |d| d.title.clone());
            let cited = Numbered {
                citation: row.citation.clone(),
                numbering: Numbering::Counted,
            };
            let mut requirement_text = Msg::TablesRequirement {
                document: document.clone(),
                requirement: cited.clone(),
                title: Quote(row.title.clone()),
            }
            .render(lang);
            if let Some(text) = row.text.as_deref().filter(|t| !t.is_empty()) {
                requirement_text.push_str(colon);
                requirement_text.push_str(text);
            }
            let requirement = || Requirement {
                plan: plan_name.clone(),
                document: document.clone(),
                requirement: cited.clone(),
                title: Quote(row.title.clone()),
            };
            let partial_finding = findings.iter().any(|f| PARTIAL_CODES.contains(&f.code));
            match cell.status {
                Status::Omitted => {
                    add(&mut differences, requirement().omitted().render(lang));
                    add(&mut suggestions, Msg::MemoSuggestAdd {}.render(lang));
                }
                Status::Partial if !partial_finding => {
                    add(&mut differences, requirement().some_clauses().render(lang));
                    add(&mut suggestions, Msg::MemoSuggestAdd {}.render(lang));
                }
                _ => {}
            }
            for f in &findings {
                if cell.status == Status::Omitted && f.code == OMITTED_CODE {
                    continue;
                }
                match memo(f, plan_name, cell, lang) {
                    Some((difference, suggestion)) => {
                        add(&mut differences, difference);
                        add(&mut suggestions, suggestion);
                    }
                    None => {
                        add(&mut differences, f.message.clone());
                        if let Some(help) = &f.help {
                            add(&mut suggestions, help.clone());
                        }
                    }
                }
            }
            out.push(ComparisonRow {
                plan: plan.id.clone(),
                plan_name: plan_name.clone(),
                status: cell.status,
                advisory: cell.advisory,
                higher,
                requirement: requirement_text,
                clause,
                items: cell.provisions.clone(),
                difference: if differences.is_empty() {
                    words.no_difference.to_string()
                } else {
                    differences.join(separator)
                },
                suggestion: suggestions.join(separator),
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
