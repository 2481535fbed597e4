//! The figures a Chinese sentence asks for: `每年培训社会公众不少于30万人次`
//! is at least 300000 人次 a year; `到2025年…比例达到28%左右` is about 28%
//! by 2025.
//!
//! A number is a figure when it is a share (`30%`, `百分之三十`), when a
//! comparator stands by it (不少于/不低于/达到/以上 → at least, 超过 → more
//! than, 不超过/以内 → at most, 左右/约 → about), when it is approximate
//! (`200余家`), or when an Arabic count closes its phrase (`工作室8000个、`;
//! with no word the comparator is at least). Numbers that ask for nothing
//! are left out: counts that qualify a noun (`实施5项提升行动`,
//! `52家成员单位`), Chinese numerals without a comparator (`四项`, `一支`),
//! ordinals (`第一次`), years, months and days, document numbers, and the
//! figures of a sentence that reports a past year (`2020年…达到24.07%`).
//!
//! A sentence's deadline is `到2025年`, `2025年底前`, `2025年前` or a
//! five-year period (`"十四五"时期` → 2025); 每年/年均 make a figure yearly,
//! 累计 cumulative, 力争/争取 soft.

use std::ops::Range;

use super::numeral::{self, Number};
use super::{is_space, normalize_char};
use crate::syntax::ast::Comparator;

/// A figure a sentence asks for.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The value, magnitudes applied (`30万` = 300000; `30%` = 30).
    pub value: f64,
    /// `%` for shares, else the measure word as written (`人次`, `个`).
    pub unit: String,
    pub comparator: Comparator,
    /// The year it is due, from its sentence or the caller's context.
    pub year: Option<i32>,
    /// 每年, 年均: a yearly quantity.
    pub per_year: bool,
    /// 累计: a total over the period.
    pub cumulative: bool,
    /// 力争, 争取: a target to strive for, not a floor.
    pub soft: bool,
    /// What is measured: the words before the figure in its clause,
    /// without the comparator, the deadline and 每年.
    pub metric: String,
    /// Bytes of the number and its unit in the text.
    pub span: Range<usize>,
    /// Bytes of its sentence in the text.
    pub sentence: Range<usize>,
}

/// Measure words that make a number a count.
const UNITS: &[&str] = &[
    "万人次",
    "人次",
    "人天",
    "万人",
    "平方米",
    "平方公里",
    "公里",
    "千米",
    "小时",
    "课时",
    "学时",
    "万元",
    "亿元",
    "元",
    "个",
    "家",
    "所",
    "项",
    "名",
    "人",
    "场次",
    "场",
    "次",
    "部",
    "件",
    "种",
    "支",
    "座",
    "处",
    "篇",
    "期",
    "批",
    "门",
    "节",
    "套",
    "台",
    "间",
    "条",
    "本",
    "册",
    "集",
    "档",
    "栏",
    "户",
    "位",
    "份",
    "类",
    "届",
    "天",
    "册",
    "余人",
];

/// Words after a number that make it a date or a name, never a figure.
const NOT_UNITS: &[&str] = &[
    "年", "月", "日", "号", "周", "岁", "时", "点", "级", "环", "届",
];

const BEFORE: &[(&str, Comparator)] = &[
    // The negated forms first: `不少于` also ends with `少于`.
    ("不超过", Comparator::AtMost),
    ("不高于", Comparator::AtMost),
    ("不多于", Comparator::AtMost),
    ("不大于", Comparator::AtMost),
    ("不少于", Comparator::AtLeast),
    ("不低于", Comparator::AtLeast),
    ("不小于", Comparator::AtLeast),
    ("控制在", Comparator::AtMost),
    ("低于", Comparator::AtMost),
    ("少于", Comparator::AtMost),
    ("至少", Comparator::AtLeast),
    ("提高到", Comparator::AtLeast),
    ("提高至", Comparator::AtLeast),
    ("提升到", Comparator::AtLeast),
    ("提升至", Comparator::AtLeast),
    ("增加到", Comparator::AtLeast),
    ("增至", Comparator::AtLeast),
    ("达到", Comparator::AtLeast),
    ("达", Comparator::AtLeast),
    ("超过", Comparator::MoreThan),
    ("高于", Comparator::MoreThan),
    ("多于", Comparator::MoreThan),
    ("突破", Comparator::MoreThan),
    ("大约", Comparator::About),
    ("约", Comparator::About),
];

const AFTER: &[(&str, Comparator)] = &[
    ("以上", Comparator::AtLeast),
    ("以内", Comparator::AtMost),
    ("以下", Comparator::AtMost),
    ("左右", Comparator::About),
];

/// The figures of `text`, in order. `context_year` is the deadline of the
/// section around the text (a heading's `"十四五"时期`), used where a
/// sentence names none.
///
/// Traditional characters are read as Simplified (`不少於500場`); spans
/// then refer to the text as given, as both forms take three bytes in
/// UTF-8 (where they would not, the text is read as written).
pub fn figures(text: &str, context_year: Option<i32>) -> Vec<Figure> {
    read(text, context_year, Reading::Full)
}

/// The figures of `text` as [`figures`] reads them, but without what each
/// one measures (`metric` is left empty): for callers that compare values,
/// units and comparators only. Working out the metric is about a fifth of
/// the reading.
pub fn values(text: &str, context_year: Option<i32>) -> Vec<Figure> {
    read(text, context_year, Reading::Values)
}

/// How much of each figure [`read`] works out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Full,
    Values,
}

fn read(text: &str, context_year: Option<i32>, reading: Reading) -> Vec<Figure> {
    let simple = super::simplified_cow(text);
    let text = if simple.len() == text.len() {
        &simple
    } else {
        text
    };
    let mut out = Vec::new();
    for sentence in sentences(text) {
        scan_sentence(text, sentence, context_year, reading, &mut out);
    }
    out
}

/// The deadline a text names: `到2025年`, `2025年底前`, `2025年前`,
/// `"十四五"时期`. Years reported as past (`截至2023年`) are no deadline.
pub fn deadline(text: &str) -> Option<i32> {
    text.char_indices()
        .filter(|&(_, c)| may_start_deadline(c))
        .find_map(|(i, _)| deadline_at(text, i))
}

/// Whether a deadline or a year can start with `c`: `到`, `至`, a blank
/// or the first character of a number (`十` of `十四五` among them). A
/// cheap test before [`deadline_at`] and [`year_at`], which would fail at
/// every other position.
#[inline]
fn may_start_deadline(c: char) -> bool {
    match c {
        // No ideograph is a blank: the common case, tested first.
        '\u{4E00}'..='\u{9FFF}' => matches!(c, '到' | '至') || numeral::starts_number(c),
        _ => may_start_year(c),
    }
}

/// Whether [`year_at`] can read a year starting with `c`.
#[inline]
fn may_start_year(c: char) -> bool {
    is_space(c) || numeral::starts_number(c)
}

/// The bytes of each sentence: text between `。`, `；`, `;`, `！`, `？` and
/// line ends.
pub fn sentences(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let mut ends = text
        .char_indices()
        .filter(|&(_, c)| matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n'))
        .map(|(i, c)| (i, i + c.len_utf8()))
        .chain(std::iter::once((text.len(), text.len())));
    std::iter::from_fn(move || {
        loop {
            let (end, next) = ends.next()?;
            let range = start..end;
            start = next;
            if !text[range.clone()].trim_matches(is_space).is_empty() {
                return Some(range);
            }
        }
    })
}

fn scan_sentence(
    text: &str,
    sentence: Range<usize>,
    context: Option<i32>,
    reading: Reading,
    out: &mut Vec<Figure>,
) {
    let s = &text[sentence.clone()];
    // The sentence is decoded once: the three readings below look only at
    // the places where a number, a year or a deadline can start.
    let starts: Vec<(usize, char)> = s
        .char_indices()
        .filter(|&(_, c)| may_start_deadline(c))
        .collect();
    // The numbers are found first: most sentences state none, and then
    // their deadline and past years need no reading.
    let mut found = Vec::new();
    let mut skip_to = 0;
    for &(i, c) in &starts {
        if i < skip_to {
            continue;
        }
        if let Some(f) = figure_at(s, i, c) {
            skip_to = f.end;
            found.push(f);
        }
    }
    if found.is_empty() {
        return;
    }
    let own_deadline = starts.iter().find_map(|&(i, _)| deadline_at(s, i));
    if own_deadline.is_none() && reports_past_year(s, &starts) {
        return;
    }
    let mut previous_end = 0;
    for found in found {
        let before = &s[..found.number_start];
        let per_year = ["每年", "年均", "每年度"]
            .iter()
            .any(|w| before.contains(w));
        let metric = match reading {
            Reading::Full => figure_metric(s, previous_end, &found),
            Reading::Values => String::new(),
        };
        previous_end = found.end;
        out.push(Figure {
            value: found.value,
            unit: found.unit,
            comparator: found.comparator,
            // A yearly quantity runs every year: the section's period is no
            // deadline for it, only its own sentence's.
            year: if per_year {
                own_deadline
            } else {
                own_deadline.or(context)
            },
            per_year,
            cumulative: before.contains("累计"),
            soft: before.contains("力争") || before.contains("争取"),
            metric,
            span: sentence.start + found.number_start..sentence.start + found.end,
            sentence: sentence.clone(),
        });
    }
}

/// What the figure `found` of sentence `s` measures: the words of its
/// clause since the figure before (which ended at `previous_end`), or the
/// words after it when a count qualifies what follows.
fn figure_metric(s: &str, previous_end: usize, found: &Found) -> String {
    let metric = metric(&s[previous_end..found.number_start]);
    if metric.chars().count() <= 2 {
        // `加强200余家…学校建设`: the count qualifies what follows.
        let after: String = s[found.end..]
            .chars()
            .take_while(|c| !matches!(c, '，' | ',' | '、' | '。' | '；' | ';' | '：'))
            .collect();
        if after.chars().count() >= 2 {
            return after;
        }
    }
    metric
}

struct Found {
    value: f64,
    unit: String,
    comparator: Comparator,
    number_start: usize,
    end: usize,
}

fn figure_at(s: &str, i: usize, c: char) -> Option<Found> {
    let rest = &s[i..];
    let (number, after_number, percent_word) = if c == '百' {
        let tail = rest.strip_prefix("百分之")?;
        let n = numeral::number(tail)?;
        (n, i + "百分之".len() + n.len, true)
    } else {
        // Most characters start no number: turned away by one test.
        if !numeral::starts_number(c)
            || numeral::arabic_digit(c).is_none()
                && numeral::chinese_digit(c).is_none()
                && c != '十'
        {
            return None;
        }
        let prev = s[..i].chars().next_back();
        if prev.is_some_and(|p| {
            numeral::arabic_digit(p).is_some()
                || numeral::chinese_digit(p).is_some()
                || matches!(
                    normalize_char(p),
                    '.' | '第' | '〔' | '[' | '﹝' | '-' | '—' | '~' | '～'
                )
                || p.is_alphabetic() && p.is_ascii()
                || matches!(p, '十' | '百' | '千' | '万' | '亿')
        }) {
            return None;
        }
        let n = numeral::number(rest)?;
        (n, i + n.len, false)
    };
    let Number {
        mut value, chinese, ..
    } = number;
    let mut j = skip_spaces(s, after_number);
    if !chinese && let Some(m) = s[j..].chars().next() {
        let factor = match m {
            '万' => Some(1e4),
            '亿' => Some(1e8),
            '千' => Some(1e3),
            _ => None,
        };
        if let Some(f) = factor {
            value *= f;
            j += m.len_utf8();
        }
    }
    let mut approximate = false;
    for word in ["余", "多"] {
        if let Some(tail) = s[j..].strip_prefix(word) {
            if !tail.starts_with(['年', '月', '日']) {
                approximate = true;
                j += word.len();
            }
            break;
        }
    }
    j = skip_spaces(s, j);
    let unit = if percent_word {
        "%".to_string()
    } else if let Some(p) = s[j..].chars().next().filter(|p| matches!(p, '%' | '％')) {
        j += p.len_utf8();
        "%".to_string()
    } else {
        if NOT_UNITS.iter().any(|u| s[j..].starts_with(u)) {
            return None;
        }
        let unit = UNITS
            .iter()
            .filter(|u| s[j..].starts_with(**u))
            .max_by_key(|u| u.len())?;
        j += unit.len();
        unit.to_string()
    };
    let before_number = s[..i].trim_end_matches(is_space);
    let before = BEFORE
        .iter()
        .find(|(w, _)| before_number.ends_with(w))
        .map(|&(_, c)| c);
    let after_rest = &s[skip_spaces(s, j)..];
    let after = AFTER
        .iter()
        .find(|(w, _)| after_rest.starts_with(w))
        .map(|&(w, c)| (w, c));
    if let Some((w, _)) = after {
        j = skip_spaces(s, j) + w.len();
    }
    let comparator = match (before, after) {
        (_, Some((_, Comparator::About))) => Comparator::About,
        (Some(b), _) => b,
        (None, Some((_, a))) => a,
        (None, None) => Comparator::AtLeast,
    };
    let explicit = before.is_some() || after.is_some() || approximate;
    let percent = unit == "%";
    let accepted = if percent || explicit {
        true
    } else {
        !chinese && closes_phrase(&s[j..])
    };
    if !accepted || !value.is_finite() {
        return None;
    }
    Some(Found {
        value,
        unit,
        comparator,
        number_start: i,
        end: j,
    })
}

fn skip_spaces(s: &str, at: usize) -> usize {
    at + (s[at..].len() - s[at..].trim_start_matches(is_space).len())
}

/// Whether a count ends its phrase (`工作室8000个、`), rather than
/// qualifying the noun after it (`52家成员单位`).
fn closes_phrase(after: &str) -> bool {
    match after.trim_start_matches(is_space).chars().next() {
        None => true,
        Some(c) => {
            let c = normalize_char(c);
            !(c.is_alphanumeric() || matches!(c, '“' | '‘' | '"' | '《' | '('))
                || matches!(c, '和' | '及' | '与' | '以' | '的')
        }
    }
}

fn deadline_at(s: &str, i: usize) -> Option<i32> {
    let rest = &s[i..];
    // Each five-year period starts with `十`: most places are not one.
    if rest.starts_with('十') {
        for five in ["十一五", "十二五", "十三五", "十四五", "十五五", "十六五"] {
            if let Some(tail) = rest.strip_prefix(five) {
                let tail = tail.trim_start_matches(['”', '"', '’', '」', '』']);
                if ["时期", "期间", "末", "规划期"]
                    .iter()
                    .any(|w| tail.starts_with(w))
                {
                    let n = numeral::chinese(&five[3..five.len() - 3])?.value as i32;
                    return Some(2005 + 5 * n);
                }
            }
        }
    }
    let lead = ["到", "至"].iter().find_map(|w| rest.strip_prefix(w));
    let (year, tail) = year_at(lead.unwrap_or(rest))?;
    if lead.is_some() && !s[..i].ends_with('截') {
        return Some(year);
    }
    let tail = tail.trim_start_matches(is_space);
    let tail = tail.strip_prefix(['底', '末']).unwrap_or(tail);
    ["前", "以前", "之前"]
        .iter()
        .any(|w| tail.starts_with(w))
        .then_some(year)
}

/// A year and the text after its `年`: `2025年`, `2025 年`, `二〇二五年`.
fn year_at(s: &str) -> Option<(i32, &str)> {
    let s = s.trim_start_matches(is_space);
    // A year is a number followed by `年`: looked for before the number is
    // read (and converted), which at every digit of a text was most of the
    // cost of reading its figures. The number takes no character outside
    // this run, so the test turns away nothing the reading would accept.
    let after_run =
        s.trim_start_matches(|c: char| numeral::starts_number(c) || c == '.' || c == '．');
    if after_run.len() == s.len() || !after_run.trim_start_matches(is_space).starts_with('年') {
        return None;
    }
    let n = numeral::number(s)?;
    let year = n.value;
    if year.fract() != 0.0 || !(1900.0..=2199.0).contains(&year) {
        return None;
    }
    let tail = s[n.len..].trim_start_matches(is_space).strip_prefix('年')?;
    Some((year as i32, tail))
}

/// Whether a sentence with no deadline reports a past year: `2020年本市…
/// 达到24.07%`, `截至2023年底`, `由2020年的…`.
///
/// `starts`: the places of `s` where a deadline may start (a superset of
/// those of a year), as [`deadline`] finds them.
fn reports_past_year(s: &str, starts: &[(usize, char)]) -> bool {
    starts.iter().any(|&(i, c)| {
        if !may_start_year(c) {
            return false;
        }
        let prev = s[..i].chars().next_back();
        if prev.is_some_and(|p| {
            numeral::arabic_digit(p).is_some() || numeral::chinese_digit(p).is_some()
        }) {
            return false;
        }
        let Some((_, tail)) = year_at(&s[i..]) else {
            return false;
        };
        // A period (`2021—2035年`) or a date of the calendar is no report.
        !tail.starts_with(['度', '起']) && !s[..i].ends_with(['—', '-', '～', '~', '至', '到'])
    })
}

/// The words before a figure in its clause, without the comparator, the
/// deadline or 每年; the clause before when nothing is left.
fn metric(before: &str) -> String {
    let clauses: Vec<&str> = before
        .split(['，', ',', '：', ':'])
        .map(|c| c.trim_matches(is_space))
        .collect();
    for clause in clauses.iter().rev() {
        let mut m = clause.to_string();
        for (w, _) in BEFORE {
            if let Some(t) = m.strip_suffix(w) {
                m = t.trim_end_matches(is_space).to_string();
                break;
            }
        }
        for lead in ["力争", "争取", "累计", "每年度", "每年", "年均"] {
            if m.contains(lead) {
                m = m.replace(lead, "");
            }
        }
        if let Some(year) = m.find('年')
            && deadline(&m[..year + '年'.len_utf8()]).is_some()
        {
            m = m[year + '年'.len_utf8()..].to_string();
        }
        let m = m.trim_matches(|c: char| is_space(c) || "，,、".contains(c));
        // An item's own numbering is no part of what it measures.
        let m = match super::numbering::numbering(m) {
            Some(n) if n.len < m.len() => &m[n.len..],
            _ => m,
        };
        if m.chars().count() >= 2 {
            return m.to_string();
        }
    }
    String::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Figure {
        let found = figures(text, None);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn reads_comparators_units_and_magnitudes() {
        let f = one("每年培训社会公众不少于30万人次");
        assert_eq!((f.value, f.unit.as_str()), (300_000.0, "人次"));
        assert_eq!(f.comparator, Comparator::AtLeast);
        assert!(f.per_year && !f.cumulative && !f.soft);
        assert_eq!(f.metric, "培训社会公众");
        let f = one("到2025年,北京市公民具备科学素质的比例达到28%左右");
        assert_eq!(
            (f.value, f.comparator, f.year),
            (28.0, Comparator::About, Some(2025))
        );
        assert_eq!(f.metric, "北京市公民具备科学素质的比例");
        let f = one("到2025年，公民具备科学素质的比例超过15%");
        assert_eq!(f.comparator, Comparator::MoreThan);
        let f = one("每年开展大型活动不超过3场");
        assert_eq!((f.value, f.comparator), (3.0, Comparator::AtMost));
        let f = one("年度支出控制在1.5万元以内");
        assert_eq!((f.value, f.comparator), (15_000.0, Comparator::AtMost));
        let f = one("力争累计培训三十万人次以上");
        assert_eq!((f.value, f.comparator), (300_000.0, Comparator::AtLeast));
        assert!(f.soft && f.cumulative && !f.per_year);
        let f = one("科普经费占比达到百分之三十");
        assert_eq!((f.value, f.unit.as_str()), (30.0, "%"));
        let f = one("建设职工创新工作室８０００个");
        assert_eq!((f.value, f.comparator), (8000.0, Comparator::AtLeast));
        let f = one("加强200余家北京市中小学科技教育示范学校建设");
        assert_eq!((f.value, f.unit.as_str()), (200.0, "家"));
        assert_eq!(f.metric, "北京市中小学科技教育示范学校建设");
        let found = figures(
            "建设职工创新工作室8000个、北京优秀青年工程师创新工作室100个",
            Some(2025),
        );
        assert_eq!(found[1].metric, "北京优秀青年工程师创新工作室");
        assert_eq!((found[0].year, found[1].year), (Some(2025), Some(2025)));
        assert_eq!(figures("每年培训不少于1万人次", Some(2025))[0].year, None);
        let f = one("每年开展科普活动不少于500场次");
        assert_eq!((f.value, f.unit.as_str()), (500.0, "场次"));
        let f = one("每年参与各项活动约 1000 人次");
        assert_eq!((f.value, f.comparator), (1000.0, Comparator::About));
    }

    #[test]
    fn reads_traditional_characters() {
        let f = one("每年開展科技活動不少於500場");
        assert_eq!((f.value, f.unit.as_str(), f.per_year), (500.0, "场", true));
    }

    #[test]
    fn reads_deadlines() {
        assert_eq!(deadline("到2025年，"), Some(2025));
        assert_eq!(deadline("到 2035 年，"), Some(2035));
        assert_eq!(deadline("2025年底前建成"), Some(2025));
        assert_eq!(deadline("二〇二五年前完成"), Some(2025));
        assert_eq!(deadline("在“十四五”时期实施"), Some(2025));
        assert_eq!(deadline("\"十三五\"期间"), Some(2020));
        assert_eq!(deadline("截至2023年底"), None);
        assert_eq!(deadline("2020年本市"), None);
        let f = one("建设工作室100个。");
        assert_eq!(f.year, None);
        assert_eq!(figures("建设工作室100个", Some(2025))[0].year, Some(2025));
    }

    #[test]
    fn numbers_that_ask_for_nothing_are_no_figures() {
        for text in [
            "在“十四五”时期实施5项提升行动",
            "由52家成员单位组成",
            "实施四项重点提升行动",
            "建设一支高素质队伍",
            "第一次全国科技工作者日",
            "2020年本市公民具备科学素质的比例达到24.07%",
            "西政办发〔2022〕6号",
            "每年 5 月第三周",
            "自 2011 年起举办",
            "开展“应急宣传进万家”活动",
            "科普三个一",
            "二环路沿线",
            "新华 1949 园区",
            "（2021—2035年）",
        ] {
            assert_eq!(figures(text, None), vec![], "{text}");
        }
    }

    /// The figures of the real texts: exactly those the hand encoding
    /// records, and none among the numbers `rules/not-encoded/` lists.
    #[test]
    fn real_texts_give_the_encoded_figures_and_nothing_not_encoded() {
        let root = env!("CARGO_MANIFEST_DIR");
        for (file, expected) in [
            (
                "004_dbb92a8177a5e85b.txt",
                vec![
                    (30.0, "%", false),
                    (1000.0, "人次", true),
                    (30_000.0, "人次", true),
                ],
            ),
            (
                "001_a6909fc97aaaeaf2.txt",
                vec![
                    (28.0, "%", false),
                    (200.0, "家", false),
                    (10_000.0, "人次", true),
                    (8000.0, "个", false),
                    (100.0, "个", false),
                    (10_000.0, "人次", true),
                    (10_000.0, "人次", true),
                    (300_000.0, "人次", true),
                ],
            ),
        ] {
            let text = std::fs::read_to_string(format!("{root}/rules/sources/{file}")).unwrap();
            let found = figures(&text, None);
            let got: Vec<(f64, &str, bool)> = found
                .iter()
                .map(|f| (f.value, f.unit.as_str(), f.per_year))
                .collect();
            assert_eq!(got, expected, "{file}");
            let oracle =
                std::fs::read_to_string(format!("{root}/rules/not-encoded/{file}")).unwrap();
            for line in oracle.lines() {
                let token = line.split('\t').next().unwrap_or("").trim();
                if token.is_empty() {
                    continue;
                }
                for (at, _) in text.match_indices(token) {
                    let inside = at..at + token.len();
                    for f in &found {
                        assert!(
                            !(inside.start <= f.span.start && f.span.end <= inside.end),
                            "{file}: `{token}` is listed as asking for nothing, read as {f:?}"
                        );
                    }
                }
            }
        }
    }
}
