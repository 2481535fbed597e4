//! Readers of Chinese policy text shared by `import`, the checks and the
//! report: numbering, numerals, figures and a similarity ranker.
//!
//! - [`numeral`]: Arabic, full-width and Chinese numerals (`三十万`,
//!   `二〇二二`, `１．５`);
//! - [`date`]: dates at the start of a text (`2022年9月5日`, `2022-09-05`);
//! - [`numbering`]: the heading and item numbering of Chinese documents
//!   (`一、`, `（一）`, `1.`, `(1)`, `①`, `——`), full- and half-width mixed;
//! - [`figures`]: the figures a sentence asks for (value, unit, comparator,
//!   deadline, per year or cumulative, soft), and the numbers that ask for
//!   nothing left out;
//! - [`rank`]: character-bigram BM25, ranking obligations by their
//!   likeness to a text;
//! - [`simplified`]: Traditional characters read as Simplified, for
//!   matching only ([`traditional`]: which characters it may change, so
//!   that a text with none is not copied);
//! - [`normalize_char`]: one character form for matching (full-width ASCII to
//!   ASCII, the ideographic space to a space).
//!
//! Everything here works on `&str` and byte offsets that always fall on
//! character boundaries; nothing panics on any input.

pub mod date;
pub mod figures;
pub mod numbering;
pub mod numeral;
pub mod rank;
pub mod traditional;

/// Maps full-width ASCII forms (`３０％`, `（一）`) and the ideographic space
/// to ASCII, one character for one, so that byte lengths may change but the
/// character count does not.
#[inline]
pub fn normalize_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        other => other,
    }
}

/// Simplified characters for matching (`科學` → `科学`), by the `fast2s`
/// tables; what the user wrote is never rewritten with it.
pub fn simplified(text: &str) -> String {
    fast2s::convert(text)
}

/// [`simplified`], borrowing `text` when it has no character to convert
/// (most texts, which are written in Simplified characters already), or
/// when those it has stay as they are where they stand (`覆` of `覆盖`).
pub fn simplified_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if traditional::is_simplified(text) || traditional::converts_to_itself(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(simplified(text))
    }
}

/// Whether a character is white space as Chinese texts write it (including
/// the ideographic space and the no-break space).
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}'
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::{figures, numbering, numeral, rank};

    /// Text drawn from the characters these readers look at, mixed with
    /// any character at all.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "一",
            "十",
            "百",
            "万",
            "亿",
            "〇",
            "两",
            "、",
            "（",
            "(",
            "）",
            ")",
            "1",
            "３",
            ".",
            "．",
            "%",
            "％",
            "年",
            "到",
            "底前",
            "不少于",
            "超过",
            "左右",
            "以上",
            "余",
            "人次",
            "个",
            "家",
            "每年",
            "累计",
            "力争",
            "十四五",
            "”时期",
            "——",
            "①",
            "第",
            "章",
            "，",
            "。",
            "；",
            " ",
            "\u{3000}",
            "\n",
            "百分之",
            "2025",
            "9999999999999999999",
        ]);
        prop::collection::vec(
            prop_oneof![
                pieces.prop_map(str::to_string),
                any::<char>().prop_map(String::from)
            ],
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn readers_never_panic_and_cut_on_char_boundaries(s in text()) {
            for f in figures::figures(&s, Some(2025)) {
                prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
                prop_assert!(f.sentence.start <= f.span.start && f.span.end <= f.sentence.end);
                prop_assert!(f.value.is_finite() && f.value >= 0.0);
            }
            let _ = figures::deadline(&s);
            if let Some(n) = numbering::numbering(&s) {
                prop_assert!(s.is_char_boundary(n.len) && n.len <= s.len());
            }
            if let Some(n) = numeral::number(&s) {
                prop_assert!(s.is_char_boundary(n.len) && n.len > 0);
            }
            let ranker = rank::Ranker::new([s.as_str(), "科普教育"]);
            for scored in ranker.rank(&s) {
                prop_assert!(scored.score.is_finite() && scored.score > 0.0);
            }
        }
    }
}
