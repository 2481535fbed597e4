//! The body's numbering hierarchy and the items in it: one item per
//! numbered paragraph or "——" bullet that carries text, with its source
//! path (二、(一)1 → `2.1.1`), its title (the lead phrase), its text and
//! its 责任单位; the paragraphs of a section with no numbered items are
//! items of their own (`4.1¶2`); what is neither stays unplaced.

use serde::Serialize;

use super::lines::{Para, is_heading};
use crate::text::numbering::{Kind, numbering};

/// One numbered block of the body: its numbering, its path and its
/// paragraphs (the first is the numbered one).
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Option<Kind>,
    pub path: Vec<u32>,
    pub paras: Vec<Para>,
    pub heading: bool,
}

/// An item read from the body.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// The dotted path of its numbering (`2.1.1`, `4.1¶2`).
    pub source: String,
    pub title: String,
    pub text: String,
    /// 责任单位, in order.
    pub units: Vec<String>,
    /// The line it starts on.
    #[serde(skip)]
    pub line: usize,
    /// The deadline of the headings above it (`"十四五"时期`).
    #[serde(skip)]
    pub context_year: Option<i32>,
    /// Whether it is a "——" bullet (or in one).
    #[serde(skip)]
    pub bullet: bool,
}

/// Text of the body not placed in an item (section introductions,
/// headings), with its line.
#[derive(Debug, Clone)]
pub struct Unplaced {
    pub line: usize,
    pub text: String,
    pub context_year: Option<i32>,
}

/// Splits the body into numbered blocks. Kinds nest in the order they
/// first appear below one another, so a document that puts `1.` above
/// `（一）` is read as written.
pub fn blocks(body: &[Para]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // The open levels: kind and ordinal.
    let mut stack: Vec<(Kind, u32)> = Vec::new();
    for (p, cut) in body.iter().flat_map(run_on) {
        let p = &p;
        match numbering(&p.text) {
            Some(n) => {
                let mut ordinal = n.ordinal;
                if let Some(at) = stack.iter().position(|&(k, _)| k == n.kind) {
                    let previous = stack[at].1;
                    stack.truncate(at);
                    if n.kind == Kind::Dash {
                        ordinal = previous + 1;
                    }
                } else if n.kind == Kind::Dash {
                    ordinal = 1;
                }
                stack.push((n.kind, ordinal));
                out.push(Block {
                    kind: Some(n.kind),
                    path: stack.iter().map(|&(_, o)| o).collect(),
                    paras: vec![p.clone()],
                    heading: !cut && is_heading(&p.text),
                });
            }
            None => match out.last_mut() {
                Some(b) => b.paras.push(p.clone()),
                None => out.push(Block {
                    kind: None,
                    path: Vec::new(),
                    paras: vec![p.clone()],
                    heading: false,
                }),
            },
        }
    }
    out
}

/// A paragraph with numbering run on inside it (`…。（1）…（2）…`), as one
/// paragraph per numbered part (`text::numbering::inline`), on its line;
/// `true` for the parts of a cut paragraph (none of them is a heading: the
/// paragraph's own part is an item over its numbered parts).
fn run_on(p: &Para) -> Vec<(Para, bool)> {
    let cuts = crate::text::numbering::inline(&p.text);
    if cuts.is_empty() {
        return vec![(p.clone(), false)];
    }
    let mut parts: Vec<String> = std::iter::once(0)
        .chain(cuts.iter().copied())
        .zip(cuts.iter().copied().chain(std::iter::once(p.text.len())))
        .map(|(from, to)| p.text[from..to].trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    // The paragraph's trailing 责任单位 are those of its own item, not of
    // its last part.
    if numbering(&p.text).is_some()
        && parts.len() > 1
        && let Some(last) = parts.last()
        && let (units, rest) = super::units::split(last)
        && !units.is_empty()
        && last.starts_with(&rest)
    {
        let suffix = last[rest.len()..].to_string();
        let end = parts.len() - 1;
        parts[end] = rest;
        parts[0].push_str(&suffix);
    }
    parts
        .into_iter()
        .map(|text| (Para { text, line: p.line }, true))
        .collect()
}

/// The items and the unplaced text of the blocks.
pub fn items(blocks: &[Block]) -> (Vec<Item>, Vec<Unplaced>) {
    let mut items = Vec::new();
    let mut unplaced = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        let has_children = blocks[i + 1..]
            .iter()
            .take_while(|n| n.path.len() > b.path.len() && n.path.starts_with(&b.path))
            .next()
            .is_some();
        let context_year = context_year(blocks, i);
        let source = b
            .path
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".");
        let bullet = b.kind == Some(Kind::Dash);
        let Some(first) = b.paras.first() else {
            continue;
        };
        let numbered = numbering(&first.text);
        let rest = &b.paras[1..];
        if b.kind.is_none() || numbered.is_none() {
            unplaced.extend(b.paras.iter().map(|p| Unplaced {
                line: p.line,
                text: p.text.clone(),
                context_year,
            }));
            continue;
        }
        let Some(n) = numbered else {
            continue;
        };
        let own = first.text[n.len..].trim().to_string();
        if b.heading {
            if has_children || rest.is_empty() {
                unplaced.extend(b.paras.iter().map(|p| Unplaced {
                    line: p.line,
                    text: p.text.clone(),
                    context_year,
                }));
                continue;
            }
            // A section with paragraphs and no numbered items: each
            // paragraph is an item under the heading; a signature block
            // (issuer, date) closing the text is none.
            let signed = rest
                .iter()
                .rev()
                .take_while(|p| super::header::is_signature(&p.text))
                .count();
            let (rest, signature) = rest.split_at(rest.len() - signed);
            unplaced.extend(signature.iter().map(|p| Unplaced {
                line: p.line,
                text: p.text.clone(),
                context_year,
            }));
            let several = rest.len() > 1;
            for (k, p) in rest.iter().enumerate() {
                let source = if several {
                    format!("{source}¶{}", k + 1)
                } else {
                    source.clone()
                };
                let (units, text) = super::units::split(&p.text);
                items.push(Item {
                    source,
                    title: own.clone(),
                    text,
                    units,
                    line: p.line,
                    context_year,
                    bullet,
                });
            }
            continue;
        }
        let (units, body) = super::units::split(&own);
        let (title, text) = lead(&body);
        items.push(Item {
            source,
            title,
            text,
            units,
            line: first.line,
            context_year,
            bullet,
        });
        unplaced.extend(rest.iter().map(|p| Unplaced {
            line: p.line,
            text: p.text.clone(),
            context_year,
        }));
    }
    (items, unplaced)
}

/// The deadline named by the headings and introductions above block `i`
/// (`在"十四五"时期实施5项提升行动`).
fn context_year(blocks: &[Block], i: usize) -> Option<i32> {
    let path = &blocks[i].path;
    blocks[..=i]
        .iter()
        .rev()
        .filter(|b| {
            b.path.len() < path.len() && path.starts_with(&b.path) || std::ptr::eq(*b, &blocks[i])
        })
        .flat_map(|b| b.paras.iter().skip(usize::from(!b.heading)))
        .find_map(|p| {
            crate::text::figures::deadline(&p.text)
                .filter(|_| p.text.contains("时期") || p.text.contains("期间"))
        })
}

/// The lead phrase and the rest: `加强科普。开展…` → (`加强科普`, `开展…`).
pub fn lead(text: &str) -> (String, String) {
    if let Some(at) = text.find('。') {
        let head = &text[..at];
        let tail = text[at + '。'.len_utf8()..].trim();
        if head.chars().count() <= 40 && !tail.is_empty() {
            return (head.trim().to_string(), tail.to_string());
        }
    }
    let title: String = text
        .chars()
        .take_while(|c| !matches!(c, '，' | ',' | '；' | ';' | '。'))
        .collect();
    let title = title.trim_end_matches(['：', ':']).to_string();
    if title.chars().count() <= 40 && !title.is_empty() {
        (title, text.to_string())
    } else {
        (text.chars().take(20).collect(), text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(lines: &[&str]) -> Vec<Para> {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| Para {
                text: t.to_string(),
                line: i + 1,
            })
            .collect()
    }

    #[test]
    fn numbering_paths_follow_the_hierarchy() {
        let body = paras(&[
            "一、提升行动",
            "（一）青少年行动",
            "激发好奇心。",
            "1. 加强教育。开展活动。（责任单位：区教委、区科协）",
            "2. 提升水平。倡导教学。",
            "(二) 工人行动",
            "——实施创新行动。开展竞赛。",
            "——加强培训。构建体系。",
            "二、组织实施",
            "（一）组织保障",
            "成立领导小组。",
            "明确分工。",
        ]);
        let (items, unplaced) = items(&blocks(&body));
        let got: Vec<(&str, &str)> = items
            .iter()
            .map(|i| (i.source.as_str(), i.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("1.1.1", "加强教育"),
                ("1.1.2", "提升水平"),
                ("1.2.1", "实施创新行动"),
                ("1.2.2", "加强培训"),
                ("2.1¶1", "组织保障"),
                ("2.1¶2", "组织保障"),
            ]
        );
        assert_eq!(items[0].units, ["区教委", "区科协"]);
        assert_eq!(items[0].text, "开展活动。");
        let lines: Vec<usize> = unplaced.iter().map(|u| u.line).collect();
        assert_eq!(lines, [1, 2, 3, 6, 9]);
    }

    #[test]
    fn numbering_run_on_in_a_paragraph_makes_sub_items() {
        let body = paras(&[
            "一、重点任务",
            "1. 加强培训。（1）组建讲师队伍；（2）开展进社区活动。",
            "2. 建设场馆。主要包括：①新建科技馆，②改造社区科普活动室。（责任单位：区科协）",
            "3. 完善政策。依据《条例》（1）款执行，到2025.年底完成。",
        ]);
        let (items, _) = items(&blocks(&body));
        let got: Vec<(&str, &str)> = items
            .iter()
            .map(|i| (i.source.as_str(), i.title.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("1.1", "加强培训"),
                ("1.1.1", "组建讲师队伍"),
                ("1.1.2", "开展进社区活动"),
                ("1.2", "建设场馆"),
                ("1.2.1", "新建科技馆"),
                ("1.2.2", "改造社区科普活动室"),
                ("1.3", "完善政策"),
            ]
        );
        assert_eq!(items[3].units, ["区科协"]);
        assert!(items[5].units.is_empty());
        assert!(items.iter().all(|i| i.line > 1));
    }
}
