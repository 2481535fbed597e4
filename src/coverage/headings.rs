//! Section headings of a higher document, for grouping the coverage matrix:
//! read from the document's source text (`一、前言`, `(一)指导思想`) and
//! written in the document's own numbering (`三、(一)`) where no text is
//! at hand.

use std::collections::BTreeMap;

/// Section titles by section citation (`"3"`, `"3.1"`).
pub type SectionTitles = BTreeMap<String, String>;

/// Reads the numbered headings of a Chinese policy text: `三、提升行动`
/// opens section `3`, `(一)青少年科学素质提升行动` (half- or full-width
/// brackets) opens `3.1`. Lines longer than a heading are skipped, so a
/// paragraph that starts with `(一)` is not mistaken for one.
pub fn from_text(text: &str) -> SectionTitles {
    let mut titles = SectionTitles::new();
    let mut top: Option<u32> = None;
    for line in text.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if line.chars().count() > 40 {
            continue;
        }
        if let Some((n, rest)) = top_heading(line) {
            top = Some(n);
            titles.insert(n.to_string(), rest.to_string());
        } else if let (Some(t), Some((n, rest))) = (top, sub_heading(line)) {
            titles.insert(format!("{t}.{n}"), rest.to_string());
        }
    }
    titles
}

/// The section an obligation's citation falls in: `3.1.3` → `3.1`,
/// `4.5.3/2` → `4.5`, `5.1¶2` → `5.1`; a bare article number has none.
pub fn section_of(citation: &str) -> String {
    let citation = citation.split('/').next().unwrap_or("");
    if let Some((section, _)) = citation.split_once('¶') {
        return section.to_string();
    }
    match citation.rsplit_once('.') {
        Some((section, _)) => section.to_string(),
        None => String::new(),
    }
}

/// A section citation in Chinese numbering: `3.1` → `三、(一)`, by the
/// one writer of it, [`crate::i18n::chinese_section`].
pub fn chinese_numbering(section: &str) -> String {
    crate::i18n::chinese_section(section, crate::i18n::Numbering::Numbered)
}

fn value_of(numeral: &str) -> Option<u32> {
    (1..=99).find(|&n| crate::i18n::numeral(n).as_deref() == Some(numeral))
}

fn top_heading(line: &str) -> Option<(u32, &str)> {
    let (number, rest) = line.split_once('、')?;
    let n = value_of(number)?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some((n, rest))
}

fn sub_heading(line: &str) -> Option<(u32, &str)> {
    let rest = line.strip_prefix('(').or_else(|| line.strip_prefix('（'))?;
    let close = rest.find([')', '）'])?;
    let n = value_of(&rest[..close])?;
    let mut after = rest[close..].chars();
    after.next();
    let title = after.as_str().trim();
    (!title.is_empty()).then_some((n, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_levels_with_either_bracket() {
        let text = "一、前言\n正文。\n三、提升行动\n(一)青少年科学素质提升行动\n（二）农民科学素质提升行动\n";
        let titles = from_text(text);
        assert_eq!(titles.get("1").map(String::as_str), Some("前言"));
        assert_eq!(
            titles.get("3.1").map(String::as_str),
            Some("青少年科学素质提升行动")
        );
        assert_eq!(
            titles.get("3.2").map(String::as_str),
            Some("农民科学素质提升行动")
        );
    }

    #[test]
    fn long_lines_are_paragraphs_not_headings() {
        let text = "一、总则\n(一)这一段很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。\n";
        assert_eq!(from_text(text).get("1.1"), None);
    }

    #[test]
    fn sections_and_numbering() {
        assert_eq!(section_of("3.1.3"), "3.1");
        assert_eq!(section_of("4.5.3/2"), "4.5");
        assert_eq!(section_of("5.1¶2"), "5.1");
        assert_eq!(section_of("4"), "");
        assert_eq!(chinese_numbering("3.1"), "三、(一)");
        assert_eq!(chinese_numbering("12"), "十二、");
        assert_eq!(chinese_numbering("2.3.4"), "二、(三)4");
        assert_eq!(chinese_numbering("x"), "x");
    }
}
