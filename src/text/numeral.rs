//! Numbers at the start of a text: Arabic digits (ASCII or full-width, with
//! a decimal point `.` or `．`) and Chinese numerals (`三十`, `一百二十`,
//! `两千`, `三十万`, `二〇二二`).

use super::normalize_char;

/// A number read at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Bytes of the text the number takes.
    pub len: usize,
    /// Whether it was written in Chinese numerals.
    pub chinese: bool,
}

/// The value of one Chinese digit (`〇` and `零` are 0, `两` is 2).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of one Chinese unit (`十`, `百` …).
fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// An ASCII or full-width digit's value.
pub fn arabic_digit(c: char) -> Option<u32> {
    normalize_char(c).to_digit(10)
}

/// Reads Arabic digits with an optional decimal part: `30`, `27.68`,
/// `１．５`. A point not followed by a digit is not taken (`1.` is a
/// numbering). Runs longer than 15 digits are refused.
pub fn arabic(text: &str) -> Option<Number> {
    // At most 15 digits, a point and 8 more: read into a buffer on the
    // stack (this runs at every digit of every text the figures scan).
    let mut buf = [0u8; 24];
    let mut count = 0;
    let mut len = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        let Some(d) = arabic_digit(c) else { break };
        if let Some(b) = buf.get_mut(count).filter(|_| count < 15) {
            *b = b'0' + d as u8;
        }
        count += 1;
        len = i + c.len_utf8();
        chars.next();
    }
    if count == 0 || count > 15 {
        return None;
    }
    let mut n = count;
    if let Some(&(i, c)) = chars.peek()
        && matches!(c, '.' | '．')
    {
        chars.next();
        let mut fraction = 0;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            match arabic_digit(d) {
                Some(d) if fraction < 8 => {
                    buf[n + 1 + fraction] = b'0' + d as u8;
                    fraction += 1;
                    end = j + normalize_len(text, j);
                    chars.next();
                }
                _ => break,
            }
        }
        if fraction > 0 {
            buf[n] = b'.';
            n += 1 + fraction;
            len = end;
        }
    }
    let value = std::str::from_utf8(&buf[..n]).ok()?.parse().ok()?;
    Some(Number {
        value,
        len,
        chinese: false,
    })
}

fn normalize_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}

/// Reads Chinese numerals: `三十` = 30, `一百二十` = 120, `十五` = 15,
/// `三十万` = 300000, `二〇二二` = 2022 (digits alone in a row are read
/// place by place, as years are written). A number does not start with
/// `万` or `亿`.
pub fn chinese(text: &str) -> Option<Number> {
    let run: Vec<(usize, char)> = text
        .char_indices()
        .take_while(|&(_, c)| chinese_digit(c).is_some() || chinese_unit(c).is_some())
        .take(24)
        .collect();
    let first = run.first()?.1;
    if matches!(chinese_unit(first), Some(u) if u >= 10_000) {
        return None;
    }
    let end = |k: usize| run[k].0 + run[k].1.len_utf8();
    if run.iter().all(|&(_, c)| chinese_digit(c).is_some()) {
        let mut value: u64 = 0;
        for &(_, c) in &run {
            value = value.checked_mul(10)? + u64::from(chinese_digit(c)?);
        }
        return Some(Number {
            value: value as f64,
            len: end(run.len() - 1),
            chinese: true,
        });
    }
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut current: Option<u64> = None;
    let mut len = 0;
    for (k, &(_, c)) in run.iter().enumerate() {
        if let Some(d) = chinese_digit(c) {
            if current.is_some() {
                break;
            }
            current = Some(u64::from(d));
        } else if let Some(unit) = chinese_unit(c) {
            if unit >= 10_000 {
                let group = section + current.take().unwrap_or(0);
                if group == 0 && total == 0 {
                    break;
                }
                total = if unit == 100_000_000 {
                    (total + group).checked_mul(unit)?
                } else {
                    total.checked_add(group.checked_mul(unit)?)?
                };
                section = 0;
            } else {
                let digit = current.take().unwrap_or(1);
                section = section.checked_add(digit.checked_mul(unit)?)?;
            }
        }
        len = end(k);
    }
    let value = total + section + current.unwrap_or(0);
    Some(Number {
        value: value as f64,
        len,
        chinese: true,
    })
}

/// Whether [`number`] can read a number starting with `c`: an Arabic or
/// a Chinese digit, or a Chinese unit (`十`). Most characters of a text
/// are not, so callers scanning every position test this first.
///
/// Every character of a text whose figures are read is tested here,
/// several times: one bit per CJK ideograph answers for the Chinese
/// digits and units (all in U+4E00..=U+9FFF but `〇`).
#[inline]
pub fn starts_number(c: char) -> bool {
    match c {
        '0'..='9' | '０'..='９' | '〇' => true,
        '\u{4E00}'..='\u{9FFF}' => {
            let k = c as usize - 0x4E00;
            NUMERAL_BITS[k / 64] & (1 << (k % 64)) != 0
        }
        _ => false,
    }
}

/// The Chinese digits and units but `〇`, which precedes the block.
const IDEOGRAPH_NUMERALS: [char; 32] = [
    '零', '一', '壹', '二', '两', '兩', '贰', '三', '叁', '四', '肆', '五', '伍', '六', '陆', '陸',
    '七', '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰', '千', '仟', '万', '萬', '亿', '億',
];

/// One bit per code point of U+4E00..=U+9FFF, set for
/// [`IDEOGRAPH_NUMERALS`].
static NUMERAL_BITS: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < IDEOGRAPH_NUMERALS.len() {
        let k = IDEOGRAPH_NUMERALS[i] as usize - 0x4E00;
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

/// Reads an Arabic or a Chinese number, whichever starts the text.
pub fn number(text: &str) -> Option<Number> {
    arabic(text).or_else(|| chinese(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<f64> {
        number(text).map(|n| n.value)
    }

    #[test]
    fn the_quick_refusals_refuse_no_numeral() {
        let digits = "零〇一壹二两兩贰三叁四肆五伍六陆陸七柒八捌九玖";
        let units = "十拾百佰千仟万萬亿億";
        for c in (0..=0x2FFFF).filter_map(char::from_u32) {
            assert_eq!(chinese_digit(c).is_some(), digits.contains(c), "{c}");
            assert_eq!(chinese_unit(c).is_some(), units.contains(c), "{c}");
            let arabic = c.is_ascii_digit() || ('０'..='９').contains(&c);
            assert_eq!(arabic_digit(c).is_some(), arabic, "{c}");
            assert_eq!(
                starts_number(c),
                arabic || digits.contains(c) || units.contains(c),
                "{c}"
            );
        }
    }

    #[test]
    fn reads_arabic_and_full_width_digits() {
        assert_eq!(value("30万"), Some(30.0));
        assert_eq!(value("27.68%"), Some(27.68));
        assert_eq!(value("１．５万"), Some(1.5));
        assert_eq!(arabic("1. 加强").map(|n| n.len), Some(1));
        assert_eq!(value("2025年"), Some(2025.0));
        // The limits: 15 digits, 8 after the point.
        assert_eq!(value("123456789012345"), Some(123456789012345.0));
        assert_eq!(value("1234567890123456"), None);
        assert_eq!(
            arabic("1.123456789").map(|n| (n.value, n.len)),
            Some((1.12345678, 10))
        );
        assert_eq!(
            arabic("１２．５０").map(|n| (n.value, n.len)),
            Some((12.5, 15))
        );
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(value("三十"), Some(30.0));
        assert_eq!(value("十五"), Some(15.0));
        assert_eq!(value("一百二十人"), Some(120.0));
        assert_eq!(value("两千"), Some(2000.0));
        assert_eq!(value("三十万人次"), Some(300_000.0));
        assert_eq!(value("一万五千"), Some(15_000.0));
        assert_eq!(value("二〇二二年"), Some(2022.0));
        assert_eq!(value("一亿"), Some(1e8));
        assert_eq!(value("万家"), None);
        assert_eq!(value("百分"), Some(100.0));
    }

    #[test]
    fn lengths_fall_on_character_boundaries() {
        let n = chinese("三十万人次").unwrap();
        assert_eq!(&"三十万人次"[n.len..], "人次");
    }
}
