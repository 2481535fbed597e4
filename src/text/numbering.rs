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

    #[test]
    fn kinds_nest_in_document_order() {
        assert!(Kind::Section < Kind::Paren && Kind::Paren < Kind::Arabic);
        assert!(Kind::Arabic < Kind::ArabicParen && Kind::Circled < Kind::Dash);
    }
}
