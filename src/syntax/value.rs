//! Reading words as values: numbers with Chinese magnitudes and units,
//! dates, periods, citations, ids and booleans.
//!
//! Drafters paste from Word, so full-width digits, `％` and `．` are read as
//! their ASCII forms; a thousands separator is refused with a hint, because
//! `1,000` and `1，000` are ambiguous in a list.

use crate::i18n::{Id, Msg, Text};
use nom::{
    IResult, Parser,
    bytes::complete::{take_while, take_while1},
    character::complete::{char, satisfy},
    combinator::{opt, recognize},
    sequence::pair,
};
use std::fmt;

/// A calendar date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// The date of a number of days since 1970-01-01 (Howard Hinnant's
    /// civil-from-days algorithm), for "today" without a date crate.
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

/// A period of validity, inclusive years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

impl Period {
    pub fn is_annual(&self) -> bool {
        self.from == self.to
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_annual() {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}–{}", self.from, self.to)
        }
    }
}

/// A number read from a word, with the unit written after it (if any).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub unit: Option<String>,
}

/// Why a word is not the value that was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueError {
    pub message: Text,
    pub help: Option<Text>,
}

impl ValueError {
    fn new(message: Msg, help: Option<Msg>) -> Self {
        ValueError {
            message: message.into(),
            help: help.map(Text::from),
        }
    }
}

/// Maps the full-width forms of ASCII (`３０％`, `２０２２－０３－１１`,
/// `ｂｊ．３`) and the ideographic space to ASCII; leaves everything else.
pub fn normalize_width(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            other => other,
        })
        .collect()
}

/// The argument of a message that names the word read.
fn w(word: &str) -> Id {
    Id::new(word)
}

fn digits(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit())(input)
}

fn decimal(input: &str) -> IResult<&str, &str> {
    recognize(pair(digits, opt(pair(char('.'), digits)))).parse(input)
}

fn magnitude(input: &str) -> IResult<&str, char> {
    satisfy(|c| matches!(c, '万' | '亿' | '千' | '百')).parse(input)
}

/// Reads `30万`, `28%`, `27.68`, `30万人次`, `8000个`.
pub fn quantity(word: &str) -> Result<Quantity, ValueError> {
    let normal = normalize_width(word);
    let parsed: IResult<&str, (&str, Option<char>)> = pair(decimal, opt(magnitude)).parse(&normal);
    let Ok((unit, (number, magnitude))) = parsed else {
        if let Some(rest) = normal.strip_prefix('-')
            && rest.starts_with(|c: char| c.is_ascii_digit())
        {
            return Err(ValueError::new(
                Msg::ValueNegative { word: w(word) },
                Some(Msg::HelpNoNegative {}),
            ));
        }
        return Err(ValueError::new(
            Msg::ValueExpectedNumber { word: w(word) },
            Some(Msg::HelpWriteDigits {}),
        ));
    };
    let mut after = unit.chars();
    if matches!(after.next(), Some(',' | '、' | '٬'))
        && after.next().is_some_and(|c| c.is_ascii_digit())
    {
        let joined: String = normal
            .chars()
            .filter(|c| !matches!(c, ',' | '、' | '٬'))
            .collect();
        return Err(ValueError::new(
            Msg::ValueThousandsSeparators { word: w(word) },
            Some(Msg::HelpNoSeparators { joined: w(&joined) }),
        ));
    }
    if let Some(exponent) = exponent(unit) {
        let help = format!("{number}e{exponent}")
            .parse::<f64>()
            .ok()
            .filter(|v| v.fract() == 0.0 && *v <= 1e15)
            .map(|v| Msg::HelpNumberInFull {
                full: Id::new(v.to_string()),
                wan: "万".into(),
                yi: "亿".into(),
            })
            .unwrap_or(Msg::HelpNumberWithMagnitude {
                wan: "万".into(),
                yi: "亿".into(),
            });
        return Err(ValueError::new(
            Msg::ValueScientific { word: w(word) },
            Some(help),
        ));
    }
    if matches!(after_decimal(unit), Some('。' | '·')) {
        return Err(ValueError::new(
            Msg::ValueChineseDecimalPoint { word: w(word) },
            Some(Msg::HelpDecimalPoint {}),
        ));
    }
    let mut value: f64 = number
        .parse()
        .map_err(|_| ValueError::new(Msg::ValueNotANumber { word: w(word) }, None))?;
    value *= match magnitude {
        Some('万') => 1e4,
        Some('亿') => 1e8,
        Some('千') => 1e3,
        Some('百') => 1e2,
        _ => 1.0,
    };
    if !value.is_finite() || value > 1e15 {
        return Err(ValueError::new(
            Msg::ValueTooLarge { word: w(word) },
            Some(Msg::HelpFigureLimit {}),
        ));
    }
    let unit = (!unit.is_empty()).then(|| unit.to_string());
    Ok(Quantity { value, unit })
}

/// The exponent of `e5`, `E-3` or `e+2` after a number's digits: read as a
/// unit, `1e5` would silently mean 1 of the unit `e5`.
fn exponent(unit: &str) -> Option<&str> {
    let rest = unit.strip_prefix(['e', 'E'])?;
    let sign = usize::from(rest.starts_with(['+', '-']));
    let digits = rest[sign..]
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len() - sign);
    (digits > 0).then(|| &rest[..sign + digits])
}

/// The first character after the digits of a number, if it could be a
/// mistaken decimal point followed by digits.
fn after_decimal(unit: &str) -> Option<char> {
    let mut chars = unit.chars();
    let first = chars.next()?;
    chars.next().filter(char::is_ascii_digit).map(|_| first)
}

fn fixed_digits(input: &str, n: usize) -> IResult<&str, u32> {
    let (rest, d) = take_while(|c: char| c.is_ascii_digit())(input)?;
    if d.len() != n {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, d.parse().unwrap_or(0)))
}

/// Reads a year such as `2025`.
pub fn year(word: &str) -> Result<i32, ValueError> {
    let normal = normalize_width(word);
    match fixed_digits(&normal, 4) {
        Ok(("", y)) if (1900..=2200).contains(&y) => Ok(y as i32),
        Ok(("", _)) => Err(ValueError::new(
            Msg::ValueImpossibleYear { word: w(word) },
            Some(Msg::HelpYearRange {}),
        )),
        _ => Err(ValueError::new(
            Msg::ValueExpectedYear { word: w(word) },
            Some(Msg::HelpFourDigits {}),
        )),
    }
}

/// Reads a date `2022-03-11`.
pub fn date(word: &str) -> Result<Date, ValueError> {
    let normal = normalize_width(word);
    let parsed: IResult<&str, (u32, char, u32, char, u32)> = (
        |i| fixed_digits(i, 4),
        char('-'),
        |i| fixed_digits(i, 2),
        char('-'),
        |i| fixed_digits(i, 2),
    )
        .parse(&normal);
    match parsed {
        Ok(("", (y, _, m, _, d))) => {
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            if !(1900..=2200).contains(&y) {
                return Err(ValueError::new(
                    Msg::ValueImpossibleYearInDate {
                        year: y.to_string(),
                        word: w(word),
                    },
                    Some(Msg::HelpDateYears {}),
                ));
            }
            if m == 0 || m > 12 || d == 0 || d > days[(m - 1) as usize] {
                return Err(ValueError::new(
                    Msg::ValueImpossibleDate { word: w(word) },
                    Some(Msg::HelpRealDate {}),
                ));
            }
            Ok(Date {
                year: y as i32,
                month: m,
                day: d,
            })
        }
        _ => Err(ValueError::new(
            Msg::ValueExpectedDate { word: w(word) },
            Some(Msg::HelpDateForm {}),
        )),
    }
}

/// Reads a period `2021-2035` (also `2021..2035` or with `—`/`–`) or a single year.
pub fn period(word: &str) -> Result<Period, ValueError> {
    let normal = normalize_width(word);
    for separator in ["..", "-", "—", "–"] {
        if let Some((a, b)) = normal.split_once(separator) {
            let (from, to) = (year(a)?, year(b)?);
            if to < from {
                return Err(ValueError::new(
                    Msg::ValuePeriodBackwards { word: w(word) },
                    None,
                ));
            }
            return Ok(Period { from, to });
        }
    }
    let y = year(&normal).map_err(|_| {
        ValueError::new(
            Msg::ValueExpectedPeriod { word: w(word) },
            Some(Msg::HelpPeriodForm {}),
        )
    })?;
    Ok(Period { from: y, to: y })
}

/// Reads a citation: dotted numbers, an optional `/n` clause and an
/// optional `¶n` paragraph, e.g. `3.1.3`, `3.3.1/2`, `5.3¶4`, `12`.
pub fn citation(word: &str) -> Result<String, ValueError> {
    // Nearly every citation is ASCII digits and points (`2.3.1`), read
    // here without the width normalisation and the parser: a national run
    // has a quarter of a million of them.
    if is_ascii_citation(word) {
        return Ok(word.to_string());
    }
    parsed_citation(word)
}

/// [`citation`] by its parser, for any width and the paragraph mark.
fn parsed_citation(word: &str) -> Result<String, ValueError> {
    let normal = normalize_width(word);
    let parsed: IResult<&str, &str> = recognize((
        digits,
        nom::multi::many0(pair(char('.'), digits)),
        opt(pair(char('¶'), digits)),
        opt(pair(char('/'), digits)),
    ))
    .parse(&normal);
    match parsed {
        Ok(("", c)) => Ok(c.to_string()),
        _ => Err(ValueError::new(
            Msg::ValueExpectedCitation { word: w(word) },
            Some(Msg::HelpCitationForm {}),
        )),
    }
}

/// Whether `word` is a citation in ASCII without a paragraph: digits, then
/// `.digits` any number of times, then `/digits` at most once. Whatever
/// this accepts, [`citation`]'s parser accepts as it is.
fn is_ascii_citation(word: &str) -> bool {
    let (main, clause) = match word.split_once('/') {
        Some((main, clause)) => (main, Some(clause)),
        None => (word, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    main.split('.').all(digits) && clause.is_none_or(digits)
}

/// Reads an id: letters, digits, `_`, `-`, `.`, `/`, starting with a letter.
pub fn id(word: &str) -> Result<String, ValueError> {
    // Every character of an id is ASCII, so its bytes are tested: a byte
    // of any other character fails the same tests.
    let is_id = |word: &str| {
        let mut bytes = word.bytes();
        bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
            && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'/'))
    };
    if is_id(word) {
        return Ok(word.to_string());
    }
    let normal = normalize_width(word);
    let help = if is_id(&normal) {
        // `is_id(word)` failed, so the ASCII form differs.
        Msg::HelpIdInAscii { normal: w(&normal) }
    } else if normal.contains(['(', ')']) {
        // A numbering copied from the text: 3.1（2） is item (2) of 3.1.
        let dotted = normal.replace('(', ".").replace(')', "").replace("..", ".");
        if is_id(&dotted) {
            Msg::HelpIdNoParentheses { dotted: w(&dotted) }
        } else {
            Msg::HelpIdNoParenthesesAtAll {}
        }
    } else {
        Msg::HelpIdCharacters {}
    };
    Err(ValueError::new(
        Msg::ValueNotAnId { word: w(word) },
        Some(help),
    ))
}

/// Reads `yes`/`no`/`true`/`false`.
pub fn boolean(word: &str) -> Result<bool, ValueError> {
    match normalize_width(word).as_str() {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        _ => Err(ValueError::new(
            Msg::ValueExpectedYesNo { word: w(word) },
            None,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_magnitudes_and_units() {
        assert_eq!(
            quantity("30万").unwrap(),
            Quantity {
                value: 300_000.0,
                unit: None
            }
        );
        assert_eq!(
            quantity("30万人次").unwrap(),
            Quantity {
                value: 300_000.0,
                unit: Some("人次".into())
            }
        );
        assert_eq!(
            quantity("28%").unwrap(),
            Quantity {
                value: 28.0,
                unit: Some("%".into())
            }
        );
        assert_eq!(quantity("27.68").unwrap().value, 27.68);
        assert_eq!(quantity("1万").unwrap().value, 10_000.0);
    }

    #[test]
    fn full_width_forms_are_read() {
        assert_eq!(
            quantity("３０％").unwrap(),
            Quantity {
                value: 30.0,
                unit: Some("%".into())
            }
        );
        assert_eq!(quantity("30％").unwrap().unit.as_deref(), Some("%"));
        assert_eq!(year("２０２５").unwrap(), 2025);
    }

    #[test]
    fn separators_and_garbage_are_refused_with_a_hint() {
        let err = quantity("1，000").unwrap_err();
        assert!(
            err.message
                .render(crate::i18n::Lang::En)
                .contains("thousands separators"),
            "{err:?}"
        );
        assert!(quantity("1,000").is_err());
        assert!(quantity("many").unwrap_err().help.is_some());
        assert!(quantity("9999999999999999999999").is_err());
        let err = quantity("1e5").unwrap_err();
        assert!(
            err.message
                .render(crate::i18n::Lang::En)
                .contains("scientific notation"),
            "{err:?}"
        );
        assert!(
            err.help
                .unwrap()
                .render(crate::i18n::Lang::En)
                .contains("`100000`")
        );
        let err = quantity("2.5E-3").unwrap_err();
        assert!(
            !err.help
                .unwrap()
                .render(crate::i18n::Lang::En)
                .contains("`0.0025`")
        );
        let err = quantity("3e4人次").unwrap_err();
        assert!(
            err.help
                .unwrap()
                .render(crate::i18n::Lang::En)
                .contains("`30000`")
        );
        assert_eq!(quantity("3ea").unwrap().unit.as_deref(), Some("ea"));
    }

    #[test]
    fn dates_periods_and_years() {
        assert_eq!(
            date("2022-03-11").unwrap(),
            Date {
                year: 2022,
                month: 3,
                day: 11
            }
        );
        assert!(date("2022-02-30").is_err());
        assert!(year("20255").is_err());
        assert!(year("0001").is_err());
        assert_eq!(
            period("2021-2035").unwrap(),
            Period {
                from: 2021,
                to: 2035
            }
        );
        assert_eq!(
            period("2024").unwrap(),
            Period {
                from: 2024,
                to: 2024
            }
        );
        assert!(period("2035-2021").is_err());
    }

    #[test]
    fn citations() {
        for ok in ["12", "3.1.3", "3.3.1/2", "5.3¶4", "5.1¶2/1"] {
            assert_eq!(citation(ok).unwrap(), ok);
        }
        for bad in ["3.", "a.1", "3//2", ""] {
            assert!(citation(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_ascii_shortcut_reads_citations_as_the_parser_does() {
        // Every word of up to five of these characters.
        let alphabet = ['1', '9', '.', '/', 'a', '¶'];
        let mut words = vec![String::new()];
        let mut longest = words.clone();
        for _ in 0..5 {
            longest = longest
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longest.iter().cloned());
        }
        let mut accepted = 0;
        for w in &words {
            assert_eq!(citation(w).ok(), parsed_citation(w).ok(), "{w}");
            accepted += usize::from(is_ascii_citation(w));
        }
        assert!(accepted > 100, "{accepted}");
    }

    #[test]
    fn unix_days_to_date() {
        assert_eq!(
            Date::from_unix_days(0),
            Date {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Date::from_unix_days(20_415),
            Date {
                year: 2025,
                month: 11,
                day: 23
            }
        );
    }

    #[test]
    fn value_errors_are_catalogue_entries_in_both_languages() {
        use crate::i18n::Lang;
        let err = date("2022-02-30").unwrap_err();
        assert_eq!(err.message.render(Lang::En), "impossible date `2022-02-30`");
        assert_eq!(err.message.render(Lang::Zh), "`2022-02-30` 不是有效日期");
        let help = quantity("3e4").unwrap_err().help.unwrap();
        assert_eq!(
            help.render(Lang::Zh),
            "请写出完整数值 `30000`，或使用万、亿等数量级（`3e5` 写作 `30万`）"
        );
        let help = id("ｂｊ．３").unwrap_err().help.unwrap();
        assert_eq!(help.render(Lang::En), "write the id in ASCII: `bj.3`");
    }

    #[test]
    fn an_id_with_parentheses_gets_the_dotted_form() {
        let help = |w: &str| {
            id(w)
                .unwrap_err()
                .help
                .map(|h| h.render(crate::i18n::Lang::En))
                .unwrap_or_default()
        };
        assert_eq!(
            help("bj.3.1（2）"),
            "an id has no parentheses: write `bj.3.1.2`"
        );
        assert_eq!(
            help("bj.3.1(2)"),
            "an id has no parentheses: write `bj.3.1.2`"
        );
        assert!(help("（一）").starts_with("an id has no parentheses: write the numbering"));
    }
}
