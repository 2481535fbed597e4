//! The document header read from the text: title, 文号, issuer, date of
//! issue, period, level, jurisdiction, and the documents it cites.

use serde::Serialize;

use super::lines::Para;
use crate::model::{DocId, JurId, Model};
use crate::syntax::ast::Rank;
use crate::text::date::date;
use crate::text::numbering::{Kind, numbering};
use crate::text::{numeral, simplified};

/// What the header says, as written, with what it matched in the rules.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Header {
    pub title: Option<String>,
    pub number: Option<String>,
    pub issuer: Option<String>,
    /// `YYYY-MM-DD`.
    pub issued: Option<String>,
    pub period: Option<[i32; 2]>,
    /// The period's years are only those of the document carried out (in
    /// 《》 in the title).
    pub period_inherited: bool,
    /// `national`, `province`, `prefecture` or `county`.
    pub level: Option<&'static str>,
    pub jurisdiction: Option<JurisdictionName>,
    pub cites: Vec<Cite>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JurisdictionName {
    /// As written.
    pub name: String,
    /// The rules' id, when matched.
    pub id: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cite {
    pub title: String,
    pub number: Option<String>,
    /// The rules' document, when matched.
    pub document: Option<String>,
}

/// Words that end a plan's title.
const TITLE_ENDS: &[&str] = &[
    "方案", "规划", "纲要", "意见", "计划", "办法", "要点", "措施", "规定", "细则", "行动",
];

/// Reads the header from the paragraphs before the body (`front`) and
/// the whole text (for cited documents).
/// `published` are the site's metadata lines (`发布时间：2022-03-01`),
/// read for the date when the text itself names none.
pub fn read(front: &[Para], all: &[Para], published: &[&str], model: &Model) -> Header {
    let mut h = Header {
        title: title(front),
        ..Header::default()
    };
    h.number = front
        .iter()
        .find_map(|p| doc_number(&p.text).map(|(n, _)| n));
    let printed = h.title.as_deref().and_then(|t| printed(front, t));
    h.issued = front
        .iter()
        .chain(all.iter().rev().take(6))
        .find_map(|p| date_line(&p.text))
        .or(printed.as_ref().map(|p| p.0))
        .or_else(|| published.iter().find_map(|line| published_date(line)))
        .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    h.issuer = issuer(front)
        .or_else(|| signature(all))
        .or(printed.map(|p| p.1));
    if let Some(t) = &h.title {
        let (period, inherited) = period(t);
        h.period = period;
        h.period_inherited = inherited;
    }
    h.cites = cites(all, model);
    let national = || {
        let words = h.issuer.as_deref().or(h.title.as_deref()).unwrap_or("");
        let mut root = (0..model.jurisdictions.len())
            .map(|i| JurId(i as u32))
            .filter(|&j| model.jurisdiction(j).rank() == Some(Rank::National));
        match (level_from_words(words), root.next(), root.next()) {
            (Some("national"), Some(only), None) => Some(only),
            _ => None,
        }
    };
    let jur = jurisdiction(&h, model).or_else(national);
    h.level = jur
        .and_then(|j| model.jurisdiction(j).rank())
        .map(Rank::as_str)
        .or_else(|| level_from_words(h.issuer.as_deref().or(h.title.as_deref()).unwrap_or("")));
    h.jurisdiction = jur
        .map(|j| JurisdictionName {
            name: model.jurisdiction(j).display_name().to_string(),
            id: Some(model.jurisdiction(j).id().to_string()),
        })
        .or_else(|| {
            place_name(h.issuer.as_deref().or(h.title.as_deref()).unwrap_or(""))
                .map(|name| JurisdictionName { name, id: None })
        });
    h
}

/// The plan's own title: the last title-like line before the body that is
/// not the covering notice; else the notice's 关于印发…的通知 without its
/// frame.
fn title(front: &[Para]) -> Option<String> {
    let own = front.iter().rev().find(|p| {
        let t = simplified(&p.text);
        let core = strip_period(&t);
        t.chars().count() <= 90
            && !t.contains('。')
            && !t.contains("关于印发")
            && !t.ends_with("通知")
            && TITLE_ENDS.iter().any(|e| core.ends_with(e))
            && numbering(&t).is_none()
    });
    if let Some(p) = own {
        return Some(p.text.clone());
    }
    front.iter().find_map(|p| {
        let t = simplified(&p.text);
        let at = t.find("关于印发")? + "关于印发".len();
        let end = t.rfind("的通知")?;
        // Simplified and Traditional characters are as long in UTF-8, so
        // the original text is cut where the simplified one is.
        let inner = if t.len() == p.text.len() {
            p.text.get(at..end)?
        } else {
            t.get(at..end)?
        };
        let inner =
            if inner.starts_with('《') && inner.ends_with('》') && inner.matches('《').count() == 1
            {
                &inner['《'.len_utf8()..inner.len() - '》'.len_utf8()]
            } else {
                inner
            };
        Some(inner.to_string())
    })
}

/// A title without a trailing period in brackets: `…方案（2021—2025年）`.
fn strip_period(title: &str) -> &str {
    let t = title.trim_end();
    if t.ends_with(['）', ')'])
        && let Some(open) = t.rfind(['（', '('])
        && years(&t[open..]).is_some()
    {
        return t[..open].trim_end();
    }
    t
}

/// A 文号 in the text (`西政办发〔2022〕6号`, with 〔〕﹝﹞[]［］() and spaces),
/// normalized to 〔〕 without spaces, and where it ends.
pub fn doc_number(text: &str) -> Option<(String, usize)> {
    for (i, c) in text.char_indices() {
        if !matches!(c, '〔' | '﹝' | '[' | '［' | '(' | '（' | '【') {
            continue;
        }
        let after = text[i + c.len_utf8()..].trim_start();
        let year = numeral::arabic(after)?;
        if !(1949.0..=2199.0).contains(&year.value) || year.len != 4 {
            continue;
        }
        let after_year = after[year.len..].trim_start();
        let Some(close) = after_year
            .chars()
            .next()
            .filter(|c| matches!(c, '〕' | '﹞' | ']' | '］' | ')' | '）' | '】'))
        else {
            continue;
        };
        let rest = after_year[close.len_utf8()..].trim_start();
        let Some(n) = numeral::arabic(rest) else {
            continue;
        };
        let after_n = rest[n.len..].trim_start();
        let Some(hao) = after_n.chars().next().filter(|c| matches!(c, '号' | '號')) else {
            continue;
        };
        // The issuer's abbreviation: the Chinese characters right before.
        let prefix: String = text[..i]
            .trim_end()
            .chars()
            .rev()
            .take_while(|c| {
                !c.is_ascii()
                    && !matches!(
                        c,
                        '（' | '(' | '《' | '》' | '，' | '、' | '：' | ' ' | '　'
                    )
            })
            .take(10)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if prefix.is_empty() {
            continue;
        }
        let end = text.len() - after_n.len() + hao.len_utf8();
        return Some((
            format!("{prefix}〔{:.0}〕{:.0}{hao}", year.value, n.value),
            end,
        ));
    }
    None
}

/// A line that is a date of issue: `2022年9月5日`, `二〇二二年九月五日`,
/// `2022-09-05`.
fn date_line(text: &str) -> Option<(i32, u32, u32)> {
    let t = text.trim();
    if t.chars().count() > 16 {
        return None;
    }
    date(t)
}

/// The date and issuer of a sentence that says the document was issued:
/// `2024年3月29日全民科学素质纲要实施工作办公室印发《2024年…工作要点》`
/// (as a site's news of a document without its covering notice puts it),
/// when the 《》 is the document's own title.
fn printed(front: &[Para], title: &str) -> Option<((i32, u32, u32), String)> {
    let own = simplified(title);
    front.iter().find_map(|p| {
        let s = simplified(&p.text);
        if s.len() != p.text.len() {
            return None;
        }
        let at = s.find("印发《")?;
        let cited = s[at + "印发《".len()..].split('》').next()?;
        if cited != own {
            return None;
        }
        let before = &s[..at];
        let (start, ymd) = before
            .char_indices()
            .rev()
            .find_map(|(i, _)| date(&before[i..]).map(|d| (i, d)))?;
        let end = start + before[start..].find('日')? + '日'.len_utf8();
        let issuer = p.text[end..at].trim();
        (issuer.chars().count() <= 30 && is_org(issuer)).then(|| (ymd, issuer.to_string()))
    })
}

/// The date after 发布时间/发布日期/成文日期 in a site's metadata line.
fn published_date(line: &str) -> Option<(i32, u32, u32)> {
    let s = simplified(line);
    ["成文日期", "发布日期", "发布时间", "印发日期"]
        .iter()
        .find_map(|w| {
            let at = s.find(w)? + w.len();
            let rest = s[at..].trim_start_matches([':', '：', ' ', '\u{3000}']);
            date(rest)
        })
}

/// The words an issuing body's name ends with.
const ORGS: &[&str] = &[
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "办公厅",
    "办公室",
    "委员会",
    "政府",
    "厅",
    "局",
    "委",
    "部",
    "协会",
    "科协",
];

fn is_org(t: &str) -> bool {
    let t = simplified(t);
    !t.is_empty() && ORGS.iter().any(|o| t.ends_with(o))
}

fn issuer(front: &[Para]) -> Option<String> {
    for p in front {
        let t = p.text.trim();
        let s = simplified(t);
        if s.ends_with("文件") {
            let stem = t[..t.len() - "文件".len()].trim();
            if is_org(stem) {
                return Some(stem.to_string());
            }
        }
        // `…关于印发…的通知`, or an opinion's own title `教育部关于…的实施意见`.
        if let Some(at) = s.find("关于").filter(|_| s.len() == t.len()) {
            let before = t[..at].trim();
            if is_org(before) && before.chars().count() <= 30 {
                return Some(before.to_string());
            }
        }
    }
    front.iter().find_map(|p| {
        let t = p.text.trim();
        (t.chars().count() <= 30 && !t.contains(['。', '，', '《', '：', ':']) && is_org(t))
            .then(|| t.to_string())
    })
}

/// A line of a signature block: an issuing body's name or a date of
/// issue, alone on its line.
pub fn is_signature(text: &str) -> bool {
    let t = text.trim();
    date_line(t).is_some()
        || (t.chars().count() <= 30 && !t.contains(['。', '，', '《', '：', ':']) && is_org(t))
}

/// The issuer signed above the date at the end of the text.
fn signature(all: &[Para]) -> Option<String> {
    let at = all.iter().rposition(|p| date_line(&p.text).is_some())?;
    let t = all.get(at.checked_sub(1)?)?.text.trim();
    (date_line(t).is_none() && is_signature(t)).then(|| t.to_string())
}

/// The period of a title, and whether its years stand only inside 《》
/// (those of the document carried out).
fn period(title: &str) -> (Option<[i32; 2]>, bool) {
    let mut outside = String::new();
    let mut depth = 0;
    for c in title.chars() {
        match c {
            '《' | '〈' => depth += 1,
            '》' | '〉' => depth -= 1,
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    match years(&outside) {
        Some(p) => (Some(p), false),
        None => match years(title) {
            Some(p) => (Some(p), true),
            None => (annual(&outside).map(|y| [y, y]), false),
        },
    }
}

/// The year of an annual document's title: `2024年全民科学素质行动工作要点`,
/// `2023年度工作计划` (a title opening with its year).
fn annual(title: &str) -> Option<i32> {
    let t = title.trim_start();
    let y = numeral::arabic(t)?;
    let rest = &t[y.len..];
    (y.len == 4 && (1949.0..=2199.0).contains(&y.value) && rest.starts_with('年'))
        .then_some(y.value as i32)
}

/// `2021—2035年`, `2021-2025`, `2021年—2025年`, `2021至2025年`.
pub fn years(text: &str) -> Option<[i32; 2]> {
    for (i, _) in text.char_indices() {
        let Some(a) = numeral::arabic(&text[i..]) else {
            continue;
        };
        if a.len != 4 || !(1949.0..=2199.0).contains(&a.value) {
            continue;
        }
        if i > 0
            && text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let rest = text[i + a.len..]
            .trim_start()
            .trim_start_matches('年')
            .trim_start();
        let Some(sep) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '—' | '-' | '–' | '－' | '~' | '～' | '至' | '到'))
        else {
            continue;
        };
        let rest = rest[sep.len_utf8()..]
            .trim_start_matches(['—', '-'])
            .trim_start();
        let Some(b) = numeral::arabic(rest) else {
            continue;
        };
        if b.len == 4 && b.value >= a.value {
            return Some([a.value as i32, b.value as i32]);
        }
    }
    None
}

/// The deepest jurisdiction of the rules whose Chinese name the issuer or
/// the title names (Traditional characters read as Simplified).
fn jurisdiction(h: &Header, model: &Model) -> Option<JurId> {
    let words = simplified(&format!(
        "{} {}",
        h.issuer.as_deref().unwrap_or(""),
        h.title.as_deref().map(outside_quotes).unwrap_or_default()
    ));
    (0..model.jurisdictions.len())
        .map(|i| JurId(i as u32))
        .filter(|&j| {
            model
                .jurisdiction(j)
                .decl
                .name
                .as_deref()
                .is_some_and(|n| n.chars().count() >= 2 && words.contains(&simplified(n)))
        })
        .max_by_key(|&j| (model.jurisdiction(j).rank(), std::cmp::Reverse(j)))
}

fn outside_quotes(title: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in title.chars() {
        match c {
            '《' | '〈' => depth += 1,
            '》' | '〉' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The rank words of an issuer or title say.
fn level_from_words(text: &str) -> Option<&'static str> {
    let t = simplified(text);
    if t.contains("国务院") || t.contains("中共中央") || t.starts_with("国家") {
        return Some("national");
    }
    // The deepest place the words name decides; the four municipalities
    // directly under the central government are province-level.
    match place_name(&t) {
        Some(n) if MUNICIPALITIES.contains(&n.as_str()) => Some("province"),
        Some(n) if n.ends_with("自治区") || n.ends_with('省') => Some("province"),
        Some(n) if n.ends_with(['区', '县', '旗']) => Some("county"),
        Some(n) if n.ends_with(['市', '州', '盟']) => Some("prefecture"),
        Some(_) => None,
        // A body that names no place (教育部, 中国科协, 全民科学素质纲要实施
        // 工作办公室) is a national one: a local body's name carries its
        // place, or opens with 省/市/区/县 when shortened (市科委).
        None if is_org(&t) && !t.starts_with(['省', '市', '区', '县', '州', '旗']) => {
            Some("national")
        }
        None => None,
    }
}

/// 直辖市: province-level cities.
const MUNICIPALITIES: &[&str] = &["北京市", "上海市", "天津市", "重庆市"];

/// A place name at the start of an issuer (`某某市某某区人民政府` → the
/// deepest `…区`), kept as written.
fn place_name(text: &str) -> Option<String> {
    let mut best = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '省' | '市' | '区' | '县' | '旗' | '州' | '盟') {
            let name = &text[start..i + c.len_utf8()];
            if name.chars().count() >= 2 && !name.contains(['《', '》', '关', '于']) {
                best = Some(name.to_string());
            }
            start = i + c.len_utf8();
        }
        if matches!(c, '人' | '政' | '党' | '委' | '办' | '关' | '落' | '《') {
            break;
        }
    }
    best
}

/// Every 《…》 the text names, with the 文号 after it in brackets, each once,
/// matched by title to the rules' documents.
fn cites(all: &[Para], model: &Model) -> Vec<Cite> {
    let mut out: Vec<Cite> = Vec::new();
    for p in all {
        let t = &p.text;
        let mut rest = t.as_str();
        while let Some(open) = rest.find('《') {
            let after = &rest[open + '《'.len_utf8()..];
            let mut depth = 1;
            let mut end = None;
            for (i, c) in after.char_indices() {
                match c {
                    '《' => depth += 1,
                    '》' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(i);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            let Some(end) = end else { break };
            let title = after[..end].to_string();
            let tail = &after[end + '》'.len_utf8()..];
            let number = tail
                .strip_prefix(['（', '('])
                .and_then(|t| doc_number(t).filter(|(_, e)| *e <= 40).map(|(n, _)| n));
            rest = tail;
            if title.chars().count() < 4 || out.iter().any(|c| c.title == title) {
                continue;
            }
            let document = match_document(&title, number.as_deref(), model)
                .map(|d| model.document(d).id().to_string());
            out.push(Cite {
                title,
                number,
                document,
            });
        }
    }
    out
}

/// The rules' document a cited title (or 文号) names.
pub fn match_document(title: &str, number: Option<&str>, model: &Model) -> Option<DocId> {
    let key = |t: &str| -> String {
        simplified(t)
            .chars()
            .map(crate::text::normalize_char)
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let wanted = key(title);
    (0..model.documents.len())
        .map(|i| DocId(i as u32))
        .find(|&d| {
            let doc = model.document(d);
            number.is_some_and(|n| doc.decl.number.as_deref() == Some(n))
                || doc
                    .decl
                    .title
                    .as_deref()
                    .is_some_and(|t| !wanted.is_empty() && key(t) == wanted)
        })
}

/// Whether a paragraph opens the body: a 一、 or 第一章 heading.
pub fn opens_body(text: &str) -> bool {
    numbering(text)
        .is_some_and(|n| matches!(n.kind, Kind::Chapter | Kind::Section) && n.ordinal == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_document_numbers_in_every_bracket() {
        assert_eq!(
            doc_number("西政办发〔2022〕6号").map(|x| x.0).as_deref(),
            Some("西政办发〔2022〕6号")
        );
        assert_eq!(
            doc_number("京政办发[2022] 7号").map(|x| x.0).as_deref(),
            Some("京政办发〔2022〕7号")
        );
        assert_eq!(
            doc_number("某府发﹝2021﹞ 12 号").map(|x| x.0).as_deref(),
            Some("某府发〔2021〕12号")
        );
        assert_eq!(doc_number("（2021—2035年）"), None);
        assert_eq!(
            doc_number("某政发 [2022] 3 号").map(|x| x.0).as_deref(),
            Some("某政发〔2022〕3号")
        );
        assert_eq!(
            doc_number("某政辦發〔2021〕15號").map(|x| x.0).as_deref(),
            Some("某政辦發〔2021〕15號")
        );
    }

    #[test]
    fn reads_dates_and_periods() {
        assert_eq!(date("2022年9月5日"), Some((2022, 9, 5)));
        assert_eq!(date("二〇二二年九月五日"), Some((2022, 9, 5)));
        assert_eq!(date("2022-09-05"), Some((2022, 9, 5)));
        assert_eq!(date("2022年13月5日"), None);
        assert_eq!(years("规划（2021—2035年）"), Some([2021, 2035]));
        assert_eq!(years("2021-2025"), Some([2021, 2025]));
        assert_eq!(years("2021年—2025年"), Some([2021, 2025]));
        assert_eq!(
            period("西城区落实《纲要（2021—2035年）》实施方案"),
            (Some([2021, 2035]), true)
        );
        assert_eq!(
            period("某省科学素质行动实施方案（2021—2025年）"),
            (Some([2021, 2025]), false)
        );
    }

    #[test]
    fn reads_levels_and_place_names() {
        assert_eq!(
            level_from_words("某某市某某区人民政府办公室"),
            Some("county")
        );
        assert_eq!(level_from_words("某某省人民政府"), Some("province"));
        assert_eq!(level_from_words("某某市人民政府"), Some("prefecture"));
        assert_eq!(level_from_words("國務院辦公廳"), Some("national"));
        assert_eq!(level_from_words("某某自治区人民政府"), Some("province"));
        assert_eq!(level_from_words("某某省某某市人民政府"), Some("prefecture"));
        // 直辖市 are province-level, their districts counties.
        assert_eq!(level_from_words("上海市人民政府办公厅"), Some("province"));
        assert_eq!(level_from_words("重庆市人民政府"), Some("province"));
        assert_eq!(level_from_words("天津市某某区人民政府"), Some("county"));
        // A body that names no place is national; a shortened local one is not.
        assert_eq!(level_from_words("教育部"), Some("national"));
        assert_eq!(level_from_words("中国科学技术协会"), Some("national"));
        assert_eq!(
            level_from_words("全民科学素质纲要实施工作办公室"),
            Some("national")
        );
        assert_eq!(level_from_words("市科委"), None);
        assert_eq!(level_from_words("全民科学素质行动实施方案"), None);
        assert_eq!(
            place_name("某某市某某区人民政府办公室").as_deref(),
            Some("某某区")
        );
    }
}
