//! The text of a Word `.docx`: paragraphs in order, with Word's automatic
//! numbering written out as a drafter sees it (`一、`, `（一）`, `1.`, `①`,
//! from `numbering.xml`), tables (a table with a 责任单位 column becomes
//! one item per row, `n. 任务（责任单位：…）`; other rows one line each),
//! footnote marks dropped and footnote texts appended as `¹ …` lines, as
//! in a text copy. Bounded: at most [`MAX_PART_BYTES`] are inflated from
//! any part and [`MAX_ENTRIES`] entries are listed, so a zip bomb is
//! refused, not unpacked.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::i18n::{Id, Lang, Msg};

/// The most bytes read from one part of the package once inflated.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// The most entries a package may list.
pub const MAX_ENTRIES: usize = 10_000;

/// Why a `.docx` cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    NotZip(String),
    NoDocument,
    TooLarge { part: String },
    TooManyEntries(usize),
    Xml { part: String, message: String },
}

impl DocxError {
    /// What went wrong, as a catalogue message.
    pub fn message(&self) -> Msg {
        match self {
            DocxError::NotZip(reason) => Msg::DocxNotZip {
                reason: reason.clone(),
            },
            DocxError::NoDocument => Msg::DocxNoDocument {},
            DocxError::TooLarge { part } => Msg::DocxTooLarge {
                part: Id::new(part),
                mb: (MAX_PART_BYTES / 1_048_576) as usize,
            },
            DocxError::TooManyEntries(count) => Msg::DocxTooManyEntries { count: *count },
            DocxError::Xml { part, message } => Msg::DocxBadXml {
                part: Id::new(part),
                message: message.clone(),
            },
        }
    }
}

/// The message in English; `import` renders [`DocxError::message`] in the
/// run's language.
impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for DocxError {}

/// The document's text, one paragraph a line.
pub fn text(bytes: &[u8]) -> Result<String, DocxError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(DocxError::TooManyEntries(zip.len()));
    }
    let document = part(&mut zip, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    let numbering = match part(&mut zip, "word/numbering.xml")? {
        Some(xml) => Numbering::read(&xml)?,
        None => Numbering::default(),
    };
    let footnotes = match part(&mut zip, "word/footnotes.xml")? {
        Some(xml) => footnotes(&xml)?,
        None => Vec::new(),
    };
    let mut out = body(&document, &numbering)?;
    for (k, note) in footnotes.iter().enumerate() {
        out.push_str(&superscript(k + 1));
        out.push(' ');
        out.push_str(note);
        out.push('\n');
    }
    Ok(out)
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, DocxError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(DocxError::NotZip(e.to_string())),
    };
    let mut bytes = Vec::new();
    file.take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| DocxError::NotZip(e.to_string()))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(DocxError::TooLarge { part: name.into() });
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| DocxError::Xml {
            part: name.into(),
            message: e.to_string(),
        })
}

fn xml_error(part: &str, e: impl std::fmt::Display) -> DocxError {
    DocxError::Xml {
        part: part.into(),
        message: e.to_string(),
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// A level of an automatic numbering: its format and its text (`%1、`).
#[derive(Debug, Clone, Default)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// `numbering.xml`: each `numId`'s levels, through its abstract numbering.
#[derive(Debug, Default)]
pub struct Numbering {
    levels: HashMap<String, Vec<Level>>,
}

impl Numbering {
    fn read(xml: &str) -> Result<Numbering, DocxError> {
        let mut reader = Reader::from_str(xml);
        let mut abstracts: HashMap<String, Vec<Level>> = HashMap::new();
        let mut nums: HashMap<String, String> = HashMap::new();
        let mut current_abstract: Option<String> = None;
        let mut current_num: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            match reader
                .read_event()
                .map_err(|e| xml_error("word/numbering.xml", e))?
            {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "abstractNum" => current_abstract = attr(&e, "w:abstractNumId"),
                    "lvl" => {
                        let ilvl = attr(&e, "w:ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                        level = Some((
                            ilvl,
                            Level {
                                start: 1,
                                ..Level::default()
                            },
                        ));
                    }
                    "start" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.start = attr(&e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(1);
                        }
                    }
                    "numFmt" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.format = attr(&e, "w:val").unwrap_or_default();
                        }
                    }
                    "lvlText" => {
                        if let Some((_, l)) = level.as_mut() {
                            l.text = attr(&e, "w:val").unwrap_or_default();
                        }
                    }
                    "num" => current_num = attr(&e, "w:numId"),
                    "abstractNumId" => {
                        if let (Some(n), Some(a)) = (&current_num, attr(&e, "w:val")) {
                            nums.insert(n.clone(), a);
                        }
                    }
                    _ => {}
                },
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        if let (Some(a), Some((ilvl, l))) = (&current_abstract, level.take()) {
                            let levels = abstracts.entry(a.clone()).or_default();
                            if ilvl < 9 {
                                if levels.len() <= ilvl {
                                    levels.resize(ilvl + 1, Level::default());
                                }
                                levels[ilvl] = l;
                            }
                        }
                    }
                    "abstractNum" => current_abstract = None,
                    "num" => current_num = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        let levels = nums
            .into_iter()
            .filter_map(|(n, a)| abstracts.get(&a).map(|l| (n, l.clone())))
            .collect();
        Ok(Numbering { levels })
    }

    /// The label of a paragraph numbered `num_id` at `ilvl`, counting.
    fn label(
        &self,
        counters: &mut HashMap<String, [u32; 9]>,
        num_id: &str,
        ilvl: usize,
    ) -> Option<String> {
        let levels = self.levels.get(num_id)?;
        let ilvl = ilvl.min(8);
        let level = levels.get(ilvl)?;
        let count = counters.entry(num_id.to_string()).or_insert([0; 9]);
        count[ilvl] = if count[ilvl] == 0 {
            level.start.max(1)
        } else {
            count[ilvl] + 1
        };
        for deeper in count.iter_mut().skip(ilvl + 1) {
            *deeper = 0;
        }
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let mut text = level.text.clone();
        for (k, l) in levels.iter().enumerate().take(ilvl + 1) {
            let value = if k == ilvl {
                count[k]
            } else {
                count[k].max(l.start.max(1))
            };
            text = text.replace(&format!("%{}", k + 1), &format_number(value, &l.format));
        }
        Some(text)
    }
}

/// A number in a Word numbering format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographTraditional"
        | "taiwaneseCountingThousand" => chinese(n),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap_or(c))
            .collect(),
        _ => n.to_string(),
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99).
fn chinese(n: u32) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n as usize].to_string(),
        10..=19 => format!(
            "十{}",
            if n == 10 {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        20..=99 => format!(
            "{}十{}",
            DIGITS[(n / 10) as usize],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        ),
        _ => n.to_string(),
    }
}

fn superscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or(d),
        })
        .collect()
}

/// Paragraph and table text of `document.xml`.
fn body(xml: &str, numbering: &Numbering) -> Result<String, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut counters: HashMap<String, [u32; 9]> = HashMap::new();
    let mut para = String::new();
    let mut num: (Option<String>, usize) = (None, 0);
    let mut in_text = false;
    // Tables: rows of cells of text, nested tables flattened.
    let mut table_depth = 0usize;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell = String::new();
    loop {
        match reader
            .read_event()
            .map_err(|e| xml_error("word/document.xml", e))?
        {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "p" => {
                    para.clear();
                    num = (None, 0);
                }
                "t" => in_text = true,
                "tab" => para.push(' '),
                "br" | "cr" => para.push(' '),
                "ilvl" => num.1 = attr(&e, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0),
                "numId" => num.0 = attr(&e, "w:val"),
                "tbl" => {
                    table_depth += 1;
                    if table_depth == 1 {
                        rows.clear();
                    }
                }
                "tr" if table_depth == 1 => rows.push(Vec::new()),
                "tc" if table_depth == 1 => cell.clear(),
                _ => {}
            },
            Event::Text(t) if in_text => para.push_str(&t.into_inner()),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    para.push(c);
                } else {
                    para.push_str(match r.into_inner().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    let label = num
                        .0
                        .as_deref()
                        .filter(|id| *id != "0")
                        .and_then(|id| numbering.label(&mut counters, id, num.1));
                    let line = format!("{}{}", label.unwrap_or_default(), para.trim());
                    if table_depth > 0 {
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(line.trim());
                    } else if !line.trim().is_empty() {
                        out.push_str(&line);
                        out.push('\n');
                    }
                    para.clear();
                }
                "tc" if table_depth == 1 => {
                    if let Some(row) = rows.last_mut() {
                        row.push(std::mem::take(&mut cell));
                    }
                }
                "tbl" => {
                    table_depth = table_depth.saturating_sub(1);
                    if table_depth == 0 {
                        out.push_str(&table(&rows));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// A table as lines: with a 责任单位 column, each row an item
/// `n. 任务（责任单位：…）`; otherwise each row its cells joined.
fn table(rows: &[Vec<String>]) -> String {
    const UNITS: &[&str] = &["责任单位", "牵头单位", "责任部门", "牵头部门", "責任單位"];
    let mut out = String::new();
    let units_col = rows.first().and_then(|head| {
        head.iter()
            .position(|c| UNITS.iter().any(|u| c.contains(u)))
    });
    let Some(units_col) = units_col else {
        for row in rows {
            let line = row
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join("　");
            if !line.is_empty() {
                out.push_str(&line);
                out.push('\n');
            }
        }
        return out;
    };
    let lead = rows[0][units_col].trim().to_string();
    let lead = UNITS
        .iter()
        .find(|u| lead.contains(**u))
        .copied()
        .unwrap_or("责任单位");
    for (k, row) in rows.iter().enumerate().skip(1) {
        let numbered = row
            .first()
            .is_some_and(|c| !c.is_empty() && c.trim().chars().all(|ch| ch.is_ascii_digit()));
        let task: Vec<&str> = row
            .iter()
            .enumerate()
            .filter(|&(i, c)| i != units_col && !(i == 0 && numbered) && !c.trim().is_empty())
            .map(|(_, c)| c.trim())
            .collect();
        let n = if numbered {
            row[0].trim().to_string()
        } else {
            k.to_string()
        };
        let mut line = format!("{n}. {}", task.join(""));
        if let Some(units) = row
            .get(units_col)
            .map(|u| u.trim())
            .filter(|u| !u.is_empty())
        {
            line.push_str(&format!("（{lead}：{units}）"));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The footnotes' texts, in order (Word's separator notes, ids -1 and 0,
/// left out).
fn footnotes(xml: &str) -> Result<Vec<String>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let mut in_text = false;
    loop {
        match reader
            .read_event()
            .map_err(|e| xml_error("word/footnotes.xml", e))?
        {
            Event::Start(e) if e.local_name().as_ref() == "footnote" => {
                let id: i64 = attr(&e, "w:id").and_then(|v| v.parse().ok()).unwrap_or(0);
                current = (id > 0).then(String::new);
            }
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) if e.local_name().as_ref() == "t" => in_text = false,
            Event::Text(t) if in_text => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t.into_inner());
                }
            }
            Event::End(e) if e.local_name().as_ref() == "footnote" => {
                if let Some(c) = current.take() {
                    out.push(c.trim().to_string());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}
