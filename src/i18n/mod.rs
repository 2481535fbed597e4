//! The language planlint speaks, and its one catalogue of messages.
//!
//! Every sentence planlint shows a person (a diagnostic's message, label and
//! help, a summary line, an error of the command line) is an entry of
//! [`catalogue`]: an id, typed arguments, and its English and Chinese
//! templates side by side. Code builds a [`Msg`] value and never assembles
//! sentences itself; a renderer turns it into text with [`Msg::render`].
//!
//! Why a Rust table and not Fluent files: the arguments are typed (an
//! obligation citation renders as `4.3.4` in English and 四、(三)第4项 in
//! Chinese), and `format!` checks at compile time that every placeholder of
//! both templates names an argument of its entry, so a typo cannot reach a
//! user; Fluent would find it at run time. Plural rules, Fluent's main
//! strength, matter little here: Chinese has none and English messages say
//! "1 error"/"2 errors" through two entries or a count argument.
//!
//! How a message is added: `docs/messages.md`.

pub mod catalogue;
pub mod explain;

use std::fmt;

use serde::Serialize;

pub use catalogue::{ENTRIES, Entry, Msg};

/// The language of everything planlint prints. The documents' own text is
/// never translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    /// `zh` or `en`.
    pub fn parse(word: &str) -> Option<Lang> {
        match word {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language of a POSIX locale value: `zh_CN.UTF-8`, `zh_TW`, `zh`
    /// are Chinese; anything else is English.
    pub fn of_locale(value: &str) -> Lang {
        if value.starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The one rule every command follows: the `--lang` flag, else `lang`
    /// of `planlint.toml`, else the locale (the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty, as POSIX reads
    /// them), else English. `env` looks a variable up; the library reads
    /// no environment itself.
    pub fn resolve(
        flag: Option<Lang>,
        config: Option<Lang>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        flag.or(config)
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .iter()
                    .find_map(|name| env(name).filter(|v| !v.is_empty()))
                    .map(|v| Lang::of_locale(&v))
            })
            .unwrap_or(Lang::En)
    }
}

/// What a diagnostic's message, help or label is made from: a catalogue
/// entry, rendered in either language.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Msg(Box<Msg>),
    /// Not yet in the catalogue: shown as written, in every language.
    /// Only for code that predates the catalogue; new messages are entries.
    Untranslated(String),
}

impl Text {
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Msg(m) => m.render(lang),
            Text::Untranslated(s) => s.clone(),
        }
    }
}

impl From<Msg> for Text {
    fn from(m: Msg) -> Text {
        Text::Msg(Box::new(m))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Untranslated(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Untranslated(s.to_string())
    }
}

/// A typed argument of a message: how it is written in each language.
pub trait Arg {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// An argument shown in one language, for `format!`.
pub struct In<'a, T: ?Sized>(pub Lang, pub &'a T);

impl<T: Arg + ?Sized> fmt::Display for In<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.1.write(self.0, f)
    }
}

/// Text written as it is in both languages: a number with its unit, a
/// path, a date, a message of another program.
impl Arg for String {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Arg for usize {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

impl<T: Arg> Arg for Box<T> {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).write(lang, f)
    }
}

/// An id, code, keyword or file name: in backticks in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Id(pub String);

impl Id {
    pub fn new(s: impl Into<String>) -> Id {
        Id(s.into())
    }
}

impl Arg for Id {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
}

/// Text quoted from a document: in 「」 in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote(pub String);

impl Arg for Quote {
    fn write(&self, _: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "「{}」", self.0)
    }
}

/// Several ids: `` `a`, `b` `` in English, `` `a`、`b` `` in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ids(pub Vec<String>);

impl Arg for Ids {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sep = match lang {
            Lang::En => ", ",
            Lang::Zh => "、",
        };
        for (i, id) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(sep)?;
            }
            write!(f, "`{id}`")?;
        }
        Ok(())
    }
}

/// Several names shown as they are: `a, b` in English, `a、b` in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names(pub Vec<String>);

impl Arg for Names {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sep = match lang {
            Lang::En => ", ",
            Lang::Zh => "、",
        };
        f.write_str(&self.0.join(sep))
    }
}

/// A figure with its unit, yearly or not: `506 人次 a year`, 每年 506 人次.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub unit: Option<String>,
    pub per_year: bool,
}

impl Arg for Figure {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let number = if self.value.fract() == 0.0 {
            format!("{:.0}", self.value)
        } else {
            format!("{}", self.value)
        };
        let unit = match self.unit.as_deref() {
            Some("%") => "%".to_string(),
            Some(u) => format!(" {u}"),
            None => String::new(),
        };
        match (lang, self.per_year) {
            (Lang::En, true) => write!(f, "{number}{unit} a year"),
            (Lang::Zh, true) => write!(f, "每年 {number}{unit}"),
            (_, false) => write!(f, "{number}{unit}"),
        }
    }
}

/// What an obligation owes: a figure, its words when it has no number, or
/// just "a figure"; by a year or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Owed {
    pub what: OwedWhat,
    pub by: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum OwedWhat {
    Figure(Figure),
    Words(String),
    AnyFigure,
}

impl Arg for Owed {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Lang::Zh, Some(year)) = (lang, &self.by) {
            write!(f, "{year} 年前 ")?;
        }
        match &self.what {
            OwedWhat::Figure(figure) => figure.write(lang, f)?,
            OwedWhat::Words(text) => write!(f, "「{text}」")?,
            OwedWhat::AnyFigure => f.write_str(match lang {
                Lang::En => "a figure",
                Lang::Zh => "一个数量",
            })?,
        }
        match (lang, &self.by) {
            (Lang::En, Some(year)) => write!(f, " by {year}"),
            _ => Ok(()),
        }
    }
}

/// How a document numbers the part a citation points to. A plan's items
/// are numbered (`1.`, `2.`): 二、(一)1. A higher document's obligations
/// may be unnumbered "——" bullets, counted: 三、(一)第2项.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// Numbered items: the third part is the item's own number.
    Numbered,
    /// Unnumbered bullets: the third part is counted (第n项).
    Counted,
}

/// A provision named by its id, its citation and its title:
/// `` `bj.4.3.4` (4.3.4 「实施科幻产业发展扶持计划」) `` in English,
/// `四、(三)第4项「实施科幻产业发展扶持计划」（`bj.4.3.4`）` in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    pub id: String,
    pub citation: String,
    pub title: String,
    pub numbering: Numbering,
}

impl Arg for Cite {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lang {
            Lang::En if self.title.is_empty() => write!(f, "`{}` ({})", self.id, self.citation),
            Lang::En => write!(f, "`{}` ({} 「{}」)", self.id, self.citation, self.title),
            Lang::Zh => {
                f.write_str(&chinese_citation(&self.citation, self.numbering))?;
                if !self.title.is_empty() {
                    write!(f, "「{}」", self.title)?;
                }
                write!(f, "（`{}`）", self.id)
            }
        }
    }
}

/// A plan's item (or own obligation) as a finding names it: its id in
/// English, `` `xc.2.2.2` ``; its numbering, title and id in Chinese,
/// 二、(二)2「…」（`xc.2.2.2`）.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision(pub Cite);

impl Arg for Provision {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lang {
            Lang::En => write!(f, "`{}`", self.0.id),
            Lang::Zh if self.0.citation.is_empty() => write!(f, "`{}`", self.0.id),
            Lang::Zh => self.0.write(lang, f),
        }
    }
}

/// Only the citation of a provision, in the document's own numbering:
/// `4.3.4` in English, 四、(三)第4项 in Chinese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    pub citation: String,
    pub numbering: Numbering,
}

impl Arg for Numbered {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match lang {
            Lang::En => f.write_str(&self.citation),
            Lang::Zh => f.write_str(&chinese_citation(&self.citation, self.numbering)),
        }
    }
}

/// A dotted section or item path in Chinese numbering: `3.1` → 三、(一);
/// `3.1.2` → 三、(一)2, or 三、(一)第2项 for bullets (`Numbering::Counted`).
/// Parts beyond the second, or above ninety-nine, stay as digits.
pub fn chinese_section(path: &str, numbering: Numbering) -> String {
    let mut out = String::new();
    for (depth, part) in path.split('.').enumerate() {
        let numeral = part.parse::<u32>().ok().and_then(numeral);
        match (depth, numeral) {
            (0, Some(n)) => {
                out.push_str(&n);
                out.push('、');
            }
            (1, Some(n)) => {
                out.push('(');
                out.push_str(&n);
                out.push(')');
            }
            (2, Some(_)) if numbering == Numbering::Counted => {
                out.push_str(&format!("第{part}项"));
            }
            _ => {
                if !out.is_empty() && !out.ends_with(['、', ')', '项']) {
                    out.push('.');
                }
                out.push_str(part);
            }
        }
    }
    out
}

/// A citation in a Chinese document's own numbering (`docs/messages.md`):
///
/// - `3.1.2` → 三、(一)2 (numbered items) or 三、(一)第2项 (bullets);
/// - `3.3.2/4` → 三、(三)第2项第4句 (the 4th sentence or clause of a bullet);
/// - `5.1¶2` → 五、(一)第2段 (the 2nd paragraph of a section without items);
/// - `5¶2` → 五、第2段;
/// - a bare article number `7` → (七), as the national opinions number
///   their thirty articles continuously; a plan's bare item number → 第7项.
///
/// Parts it cannot read stay as written.
pub fn chinese_citation(citation: &str, numbering: Numbering) -> String {
    let (path, clause) = match citation.split_once('/') {
        Some((p, c)) => (p, Some(c)),
        None => (citation, None),
    };
    let (path, paragraph) = match path.split_once('¶') {
        Some((p, n)) => (p, Some(n)),
        None => (path, None),
    };
    let parts: Vec<&str> = path.split('.').collect();
    let mut out = String::new();
    if parts.len() == 1 && paragraph.is_none() && parts[0].parse::<u32>().is_ok() {
        match numbering {
            Numbering::Counted => {
                let n = parts[0].parse::<u32>().ok().and_then(numeral);
                out.push_str(&format!("({})", n.as_deref().unwrap_or(parts[0])));
            }
            Numbering::Numbered => out.push_str(&format!("第{}项", parts[0])),
        }
    } else {
        out.push_str(&chinese_section(path, numbering));
    }
    if let Some(n) = paragraph {
        out.push_str(&format!("第{n}段"));
    }
    if let Some(k) = clause {
        out.push_str(&format!("第{k}句"));
    }
    out
}

const DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// 1 → 一, 12 → 十二, 30 → 三十, 99 → 九十九; none from a hundred.
pub fn numeral(n: u32) -> Option<String> {
    let digit = |d: u32| DIGITS[d as usize - 1];
    match n {
        1..=10 => Some(digit(n).to_string()),
        11..=19 => Some(format!("十{}", digit(n - 10))),
        20..=99 => {
            let mut s = format!("{}十", digit(n / 10));
            if !n.is_multiple_of(10) {
                s.push(digit(n % 10));
            }
            Some(s)
        }
        _ => None,
    }
}

/// A rank of jurisdictions: `county` / 区县级; `unranked` / 未定级.
impl Arg for Option<crate::rank::Rank> {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::rank::Rank;
        f.write_str(match (lang, self) {
            (Lang::En, Some(r)) => r.as_str(),
            (Lang::En, None) => "unranked",
            (Lang::Zh, Some(Rank::National)) => "国家级",
            (Lang::Zh, Some(Rank::Province)) => "省级",
            (Lang::Zh, Some(Rank::Prefecture)) => "地市级",
            (Lang::Zh, Some(Rank::County)) => "区县级",
            (Lang::Zh, None) => "未定级",
        })
    }
}

/// Names, the first few of many: `a, b and 3 more`; a、b 等 5 个.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SomeNames {
    pub names: Vec<String>,
    pub total: usize,
}

impl Arg for SomeNames {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Names(self.names.clone()).write(lang, f)?;
        let more = self.total.saturating_sub(self.names.len());
        match (lang, more) {
            (_, 0) => Ok(()),
            (Lang::En, n) => write!(f, ", and {n} more"),
            (Lang::Zh, _) => write!(f, "等 {} 个", self.total),
        }
    }
}

/// What a declaration is: `obligation` / 要求, `item` / 条目, …
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Thing {
    Jurisdiction,
    Document,
    Obligation,
    Item,
}

impl Thing {
    /// The thing named by its English word, as the model names it.
    pub fn of(word: &str) -> Thing {
        match word {
            "jurisdiction" => Thing::Jurisdiction,
            "document" => Thing::Document,
            "item" => Thing::Item,
            _ => Thing::Obligation,
        }
    }
}

impl Arg for Thing {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match (lang, self) {
            (Lang::En, Thing::Jurisdiction) => "jurisdiction",
            (Lang::En, Thing::Document) => "document",
            (Lang::En, Thing::Obligation) => "obligation",
            (Lang::En, Thing::Item) => "item",
            (Lang::Zh, Thing::Jurisdiction) => "地区",
            (Lang::Zh, Thing::Document) => "文件",
            (Lang::Zh, Thing::Obligation) => "要求",
            (Lang::Zh, Thing::Item) => "条目",
        })
    }
}

/// Which links form a cycle: refinement / 细化, carries-out / 落实,
/// jurisdiction parent / 地区隶属.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    Refinement,
    CarriesOut,
    Parent,
}

impl Arg for LinkKind {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match (lang, self) {
            (Lang::En, LinkKind::Refinement) => "refinement",
            (Lang::En, LinkKind::CarriesOut) => "carries-out",
            (Lang::En, LinkKind::Parent) => "jurisdiction parent",
            (Lang::Zh, LinkKind::Refinement) => "细化",
            (Lang::Zh, LinkKind::CarriesOut) => "落实",
            (Lang::Zh, LinkKind::Parent) => "地区隶属",
        })
    }
}

/// A severity in words: `error`/错误, `warning`/警告, `info`/提示.
impl Arg for crate::severity::Severity {
    fn write(&self, lang: Lang, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::severity::Severity::*;
        f.write_str(match (lang, self) {
            (Lang::En, s) => s.as_str(),
            (Lang::Zh, Error) => "错误",
            (Lang::Zh, Warning) => "警告",
            (Lang::Zh, Info) => "提示",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn flag_beats_config_beats_locale_beats_english() {
        let zh = [("LANG", "zh_CN.UTF-8")];
        assert_eq!(Lang::resolve(None, None, env(&[])), Lang::En);
        assert_eq!(Lang::resolve(None, None, env(&zh)), Lang::Zh);
        assert_eq!(Lang::resolve(None, Some(Lang::En), env(&zh)), Lang::En);
        assert_eq!(
            Lang::resolve(Some(Lang::Zh), Some(Lang::En), env(&[])),
            Lang::Zh
        );
        assert_eq!(
            Lang::resolve(Some(Lang::En), Some(Lang::Zh), env(&zh)),
            Lang::En
        );
    }

    #[test]
    fn the_first_locale_variable_set_decides() {
        let c_over_zh = [("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(Lang::resolve(None, None, env(&c_over_zh)), Lang::En);
        let empty_skipped = [("LC_ALL", ""), ("LC_MESSAGES", "zh_TW.UTF-8")];
        assert_eq!(Lang::resolve(None, None, env(&empty_skipped)), Lang::Zh);
    }

    #[test]
    fn citations_in_the_documents_own_numbering() {
        use Numbering::*;
        assert_eq!(chinese_citation("2.1.1", Numbered), "二、(一)1");
        assert_eq!(chinese_citation("3.1.2", Counted), "三、(一)第2项");
        assert_eq!(chinese_citation("3.3.2/4", Counted), "三、(三)第2项第4句");
        assert_eq!(chinese_citation("5.1¶2", Counted), "五、(一)第2段");
        assert_eq!(chinese_citation("4.1¶1", Numbered), "四、(一)第1段");
        assert_eq!(chinese_citation("5¶2", Counted), "五、第2段");
        assert_eq!(chinese_citation("7", Counted), "(七)");
        assert_eq!(chinese_citation("28/2", Counted), "(二十八)第2句");
        assert_eq!(chinese_citation("3", Numbered), "第3项");
        assert_eq!(chinese_citation("2.3", Counted), "二、(三)");
        assert_eq!(chinese_citation("x.y", Counted), "x.y");
    }
}
