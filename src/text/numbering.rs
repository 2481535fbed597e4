//! The numbering that opens a heading or an item of a Chinese document:
//! `第一章`, `一、`, `（一）`, `1.` `1．` `1、`, `（1）`, `①` and `——`
//! bullets, in full- and half-width forms mixed (`（一)`, `(1）`).

use super::numeral::{arabic, chinese};
use super::{is_space, normalize_char};

/// The kinds of numbering, from the outermost as Chinese documents nest
/// them: 第一章 › 一、 › （一） › 1. › （1） › ① › ——.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `第一章`, `第一部分`.
    Chapter,
    /// `一、`.
    Section,
    /// `（一）` or `(一)`.
    Paren,
    /// `1.`, `1．`, `1、`.
    Arabic,
    /// `（1）` or `(1)`.
    ArabicParen,
    /// `①` … `⑳`.
    Circled,
    /// `——` (a bullet; its ordinal is 0).
    Dash,
}

/// A numbering at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbering {
    pub kind: Kind,
    /// 1 for `一、`, `（一）`, `1.`, `①`; 0 for a `——` bullet.
    pub ordinal: u32,
    /// Bytes the numbering takes, with the white space around it.
    pub len: usize,
}

/// Ordinals above this are not numbering (`2025、` is a year in a list).
const MAX_ORDINAL: u32 = 199;

/// The numbering that opens `line`, if any.
pub fn numbering(line: &str) -> Option<Numbering> {
    let lead = line.len() - line.trim_start_matches(is_space).len();
    let rest = &line[lead..];
    let (kind, ordinal, used) = dash(rest)
        .or_else(|| circled(rest))
        .or_else(|| paren(rest))
        .or_else(|| chapter(rest))
        .or_else(|| section(rest))
        .or_else(|| arabic_item(rest))?;
    if kind != Kind::Dash && !(1..=MAX_ORDINAL).contains(&ordinal) {
        return None;
    }
    let after = &rest[used..];
    let trail = after.len() - after.trim_start_matches(is_space).len();
    Some(Numbering {
        kind,
        ordinal,
        len: lead + used + trail,
    })
}

/// Where numbering runs on inside a paragraph (`…。（1）…（2）…`,
/// `…：1.…；2.…`, `①…，②…`): the byte offsets at which each inner numbered
/// part starts, in order. A marker counts only after 。 ： ； ！ ？ (or
/// ， for ①), and only in a run of one kind numbered 1, 2, 3… (going on
/// from the paragraph's own numbering when it opens with that kind) of
/// at least two markers: a lone `（1）` in a citation, a year `2025.` or
/// `1.5万` splits nothing.
pub fn inline(text: &str) -> Vec<usize> {
    let own = numbering(text);
    let mut candidates: Vec<(usize, Kind, u32)> = Vec::new();
    let mut before: Option<char> = None;
    for (at, c) in text.char_indices() {
        if at > 0
            && let Some(prev) = before
            && let Some(n) = numbering(&text[at..])
        {
            let after_stop = matches!(
                normalize_char(prev),
                '。' | ':' | ';' | '!' | '?' | '：' | '；'
            );
            let circled_after_comma =
                n.kind == Kind::Circled && matches!(normalize_char(prev), ',' | '，' | '、');
            if matches!(
                n.kind,
                Kind::Paren | Kind::Arabic | Kind::ArabicParen | Kind::Circled
            ) && (after_stop || circled_after_comma)
            {
                candidates.push((at, n.kind, n.ordinal));
            }
        }
        if !is_space(c) {
            before = Some(c);
        }
    }
    let mut out = Vec::new();
    for kind in [Kind::Paren, Kind::Arabic, Kind::ArabicParen, Kind::Circled] {
        let opens = own.filter(|n| n.kind == kind).map(|n| n.ordinal);
        let mut expected = opens.map_or(1, |o| o + 1);
        let mut run = Vec::new();
        for &(at, k, ordinal) in &candidates {
            if k == kind && ordinal == expected {
                run.push(at);
                expected += 1;
            }
        }
        if run.len() + usize::from(opens.is_some()) >= 2 {
            out.extend(run);
        }
    }
    out.sort_unstable();
    out
}

fn dash(text: &str) -> Option<(Kind, u32, usize)> {
    ["——", "――", "──", "－－"]
        .iter()
        .find(|d| text.starts_with(**d))
        .map(|d| (Kind::Dash, 0, d.len()))
}

fn circled(text: &str) -> Option<(Kind, u32, usize)> {
    let c = text.chars().next()?;
    let n = match c {
        '\u{2460}'..='\u{2473}' => c as u32 - 0x2460 + 1,
        _ => return None,
    };
    Some((Kind::Circled, n, c.len_utf8()))
}

fn integer(text: &str) -> Option<(u32, usize, bool)> {
    if let Some(n) = arabic(text) {
        if n.value.fract() != 0.0 || n.value > 9999.0 {
            return None;
        }
        return Some((n.value as u32, n.len, false));
    }
    let n = chinese(text)?;
    if n.value.fract() != 0.0 || n.value > 9999.0 {
        return None;
    }
    Some((n.value as u32, n.len, true))
}

fn paren(text: &str) -> Option<(Kind, u32, usize)> {
    let open = text.chars().next()?;
    if normalize_char(open) != '(' {
        return None;
    }
    let inner = &text[open.len_utf8()..];
    let inner = inner.trim_start_matches(is_space);
    let (n, len, chinese) = integer(inner)?;
    let after = inner[len..].trim_start_matches(is_space);
    let close = after.chars().next()?;
    if normalize_char(close) != ')' {
        return None;
    }
    let used = text.len() - after.len() + close.len_utf8();
    let kind = if chinese {
        Kind::Paren
    } else {
        Kind::ArabicParen
    };
    Some((kind, n, used))
}

fn chapter(text: &str) -> Option<(Kind, u32, usize)> {
    let inner = text.strip_prefix('第')?;
    let (n, len, _) = integer(inner)?;
    let after = &inner[len..];
    let word = ["章", "部分"].iter().find(|w| after.starts_with(**w))?;
    Some((Kind::Chapter, n, '第'.len_utf8() + len + word.len()))
}

fn section(text: &str) -> Option<(Kind, u32, usize)> {
    let n = chinese(text)?;
    let after = &text[n.len..];
    let sep = after.chars().next()?;
    if !matches!(sep, '、' | '．' | '.') || n.value.fract() != 0.0 {
        return None;
    }
    Some((Kind::Section, n.value as u32, n.len + sep.len_utf8()))
}

fn arabic_item(text: &str) -> Option<(Kind, u32, usize)> {
    let n = arabic(text)?;
    if n.value.fract() != 0.0 {
        return None;
    }
    let after = &text[n.len..];
    let sep = after.chars().next()?;
    if !matches!(sep, '.' | '．' | '、') {
        return None;
    }
    // `1.5万` is a number and `1..` no numbering; `1、2、3` is a list.
    let next = after[sep.len_utf8()..].chars().next();
    if next.is_some_and(|c| super::numeral::arabic_digit(c).is_some() || matches!(c, '.' | '．')) {
        return None;
    }
    Some((Kind::Arabic, n.value as u32, n.len + sep.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(line: &str) -> Option<(Kind, u32, &str)> {
        numbering(line).map(|n| (n.kind, n.ordinal, &line[n.len..]))
    }

    #[test]
    fn reads_every_form_of_numbering() {
        assert_eq!(read("一、指导思想"), Some((Kind::Section, 1, "指导思想")));
        assert_eq!(read("十二、附则"), Some((Kind::Section, 12, "附则")));
        assert_eq!(read("（一）指导思想"), Some((Kind::Paren, 1, "指导思想")));
        assert_eq!(read("(三) 目标"), Some((Kind::Paren, 3, "目标")));
        assert_eq!(read("（二)混合"), Some((Kind::Paren, 2, "混合")));
        assert_eq!(read("1. 加强"), Some((Kind::Arabic, 1, "加强")));
        assert_eq!(read("２．实施"), Some((Kind::Arabic, 2, "实施")));
        assert_eq!(read("3、建立"), Some((Kind::Arabic, 3, "建立")));
        assert_eq!(read("（1）组建"), Some((Kind::ArabicParen, 1, "组建")));
        assert_eq!(read("(12) 组建"), Some((Kind::ArabicParen, 12, "组建")));
        assert_eq!(read("②开展"), Some((Kind::Circled, 2, "开展")));
        assert_eq!(read("——实施"), Some((Kind::Dash, 0, "实施")));
        assert_eq!(read("　　第二章 目标"), Some((Kind::Chapter, 2, "目标")));
    }

    #[test]
    fn numbers_that_open_a_sentence_are_no_numbering() {
        assert_eq!(read("1.5万人次"), None);
        assert_eq!(read("2025年"), None);
        assert_eq!(read("2025、2035年"), None);
        assert_eq!(read("一是加强"), None);
        assert_eq!(read("三下乡"), None);
        assert_eq!(read("（以下简称“领导小组”）"), None);
        assert_eq!(read(""), None);
    }

    fn parts(text: &str) -> Vec<&str> {
        let mut cuts = inline(text);
        cuts.insert(0, 0);
        cuts.push(text.len());
        cuts.windows(2).map(|w| &text[w[0]..w[1]]).collect()
    }

    #[test]
    fn numbering_inside_a_paragraph_splits_it() {
        assert_eq!(
            parts("加强培训。（1）组建队伍；（2）开展活动。"),
            ["加强培训。", "（1）组建队伍；", "（2）开展活动。"]
        );
        assert_eq!(
            parts("主要任务：1.开展培训；2.组织竞赛；3、评选工匠。"),
            [
                "主要任务：",
                "1.开展培训；",
                "2.组织竞赛；",
                "3、评选工匠。"
            ]
        );
        assert_eq!(
            parts("①建设场馆，②培育队伍，③打造品牌。"),
            ["①建设场馆，", "②培育队伍，", "③打造品牌。"]
        );
        assert_eq!(
            parts("（1）组建队伍。（2）开展活动。"),
            ["（1）组建队伍。", "（2）开展活动。"]
        );
        // Nested runs of two kinds.
        assert_eq!(
            parts("内容：（1）场馆：①新建；②改造。（2）队伍。"),
            ["内容：", "（1）场馆：", "①新建；", "②改造。", "（2）队伍。"]
        );
    }

    #[test]
    fn false_numbering_inside_a_paragraph_splits_nothing() {
        // A lone marker, a year, a decimal, a list of numbers, a citation.
        assert!(inline("见《规划》。（1）为附件。").is_empty());
        assert!(inline("到2025年。2025.年底完成。").is_empty());
        assert!(inline("培训1.5万人次。2.5万人次。").is_empty());
        assert!(inline("第1、2、3项").is_empty());
        assert!(inline("依据《条例》（1）和（2）款").is_empty());
        assert!(inline("一是加强；二是推进。").is_empty());
        // Out of order: 2 before 1.
        assert!(inline("内容：2.开展；1.组织。").is_empty());
    }

    #[test]
    fn kinds_nest_in_document_order() {
        assert!(Kind::Section < Kind::Paren && Kind::Paren < Kind::Arabic);
        assert!(Kind::Arabic < Kind::ArabicParen && Kind::Circled < Kind::Dash);
    }
}
