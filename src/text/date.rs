//! Dates as Chinese documents write them: `2022年9月5日`,
//! `二〇二二年九月五日`, `2022-09-05`, `2022.9.5`; shared by the reader of
//! a document's header and the line joiner that keeps a date line whole.

use crate::text::numeral;

/// A date at the start of a text.
pub fn date(t: &str) -> Option<(i32, u32, u32)> {
    let y = numeral::number(t)?;
    let rest = &t[y.len..];
    let (sep_y, sep_m, sep_d): (&[char], &[char], bool) = if rest.starts_with('年') {
        (&['年'], &['月'], true)
    } else if rest.starts_with(['-', '.', '/']) {
        (&['-', '.', '/'], &['-', '.', '/'], false)
    } else {
        return None;
    };
    let rest = rest.strip_prefix(sep_y)?;
    let m = numeral::number(rest)?;
    let rest = rest[m.len..].strip_prefix(sep_m)?;
    let d = numeral::number(rest)?;
    let rest = &rest[d.len..];
    if sep_d && !rest.starts_with('日') {
        return None;
    }
    let (y, m, d) = (y.value as i32, m.value as u32, d.value as u32);
    ((1949..=2199).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then_some((y, m, d))
}
