//! `planlint import`: a plan as its drafter has it (text, or the text of
//! a .docx or a saved web page) → a draft in the plan language, or the
//! obligations of a higher document (`--as rules`), or what was extracted
//! as JSON (`docs/json.md`).
//!
//! Steps: [`lines`] (paragraphs, page furniture out), [`header`] (title,
//! 文号, issuer, date, period, level, jurisdiction, cited documents),
//! [`structure`] (numbering → items with their source path), [`units`]
//! (责任单位), [`crate::text::figures`] (figures), [`links`] (ranked
//! obligations), [`render`] (the draft). The library reads no file: the
//! caller hands it the decoded text.

pub mod docx;
pub mod goals;
pub mod header;
pub mod html;
pub mod infer;
pub mod lines;
pub mod links;
pub mod render;
pub mod structure;
pub mod units;

use serde::Serialize;

use crate::i18n::{Id, Lang, Msg};
use crate::model::{DocId, Model};
use crate::text::figures::{self, Figure};

pub use render::{draft, draft_in, rules, rules_in};

/// What to import as.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The documents the plan carries out; empty: those its title and text
    /// cite that the rules hold.
    pub carries_out: &'a [String],
    /// Read a higher document: obligations rather than items.
    pub as_rules: bool,
    /// Text of the source outside the document (a web page's navigation,
    /// metadata and footers, [`html::Page::outside`]), kept as comments.
    pub outside: &'a [String],
}

/// Why a text cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    UnknownDocument {
        given: String,
        suggestion: Option<String>,
    },
}

impl ImportError {
    /// What went wrong, as a catalogue message.
    pub fn message(&self) -> Msg {
        match self {
            ImportError::Empty => Msg::ImportEmpty {},
            ImportError::UnknownDocument { given, .. } => Msg::UnknownDocumentGiven {
                given: Id::new(given),
            },
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Msg {
        match self {
            ImportError::Empty => Msg::HelpImportText {},
            ImportError::UnknownDocument {
                suggestion: Some(s),
                ..
            } => Msg::HelpDidYouMean {
                suggestion: Id::new(s),
            },
            ImportError::UnknownDocument { .. } => Msg::HelpNameDocument {},
        }
    }
}

/// The message in English; the command line renders
/// [`ImportError::message`] in the run's language.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// Everything read from a document.
#[derive(Debug, Clone)]
pub struct Imported {
    pub header: header::Header,
    /// The documents it carries out (rules ids).
    pub carries_out: Vec<String>,
    pub items: Vec<ImportedItem>,
    /// Every figure the text sets, wherever it stands, in text order.
    pub targets: Vec<Target>,
    /// Text before the body and text of the body in no item, with lines.
    pub unplaced: Vec<structure::Unplaced>,
    /// Lines taken out (page numbers, footnotes, site chrome, 抄送).
    pub dropped: Vec<lines::Dropped>,
}

/// A figure with its sentence and line.
#[derive(Debug, Clone)]
pub struct Target {
    pub figure: Figure,
    pub sentence: String,
    pub line: usize,
}

impl Target {
    fn of(text: &str, line: usize, context_year: Option<i32>) -> Vec<Target> {
        figures::figures(text, context_year)
            .into_iter()
            .map(|figure| Target {
                sentence: text
                    .get(figure.sentence.clone())
                    .unwrap_or("")
                    .trim()
                    .to_string(),
                figure,
                line,
            })
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct ImportedItem {
    pub item: structure::Item,
    pub figures: Vec<Figure>,
    pub links: Vec<links::Link>,
}

/// Reads `text` against the rules in `model`.
pub fn import(text: &str, model: &Model, options: Options) -> Result<Imported, ImportError> {
    let read = lines::read(text);
    if read.paras.is_empty() {
        return Err(ImportError::Empty);
    }
    let start = read
        .paras
        .iter()
        .position(|p| header::opens_body(&p.text))
        .or_else(|| {
            read.paras
                .iter()
                .position(|p| crate::text::numbering::numbering(&p.text).is_some())
        })
        .unwrap_or(0);
    let (front, body) = read.paras.split_at(start);
    let published: Vec<&str> = read
        .dropped
        .iter()
        .filter(|d| d.why == "site navigation")
        .map(|d| d.text.as_str())
        .collect();
    let header = header::read(front, &read.paras, &published, model);
    let parents = parents(&header, model, options.carries_out)?;
    let index = links::Index::new(model, &parents);
    let (items, body_unplaced) = structure::items(&structure::blocks(body));
    let items = items
        .into_iter()
        .map(|item| {
            let figures = figures::figures(&item.text, item.context_year);
            let links = if options.as_rules {
                Vec::new()
            } else {
                index.links(model, &format!("{} {}", item.title, item.text))
            };
            ImportedItem {
                item,
                figures,
                links,
            }
        })
        .collect::<Vec<_>>();
    let mut unplaced: Vec<structure::Unplaced> = front
        .iter()
        .map(|p| structure::Unplaced {
            line: p.line,
            text: p.text.clone(),
            context_year: None,
        })
        .collect();
    // Every figure of the body, in text order: the items' and the
    // introductions' (headline targets stand in either).
    let mut targets: Vec<Target> = items
        .iter()
        .flat_map(|i| Target::of(&i.item.text, i.item.line, i.item.context_year))
        .collect();
    targets.extend(
        body_unplaced
            .iter()
            .flat_map(|u| Target::of(&u.text, u.line, u.context_year)),
    );
    targets.sort_by_key(|t| t.line);
    unplaced.extend(body_unplaced);
    let mut dropped = read.dropped;
    dropped.extend(options.outside.iter().map(|t| lines::Dropped {
        line: 0,
        text: t.clone(),
        why: "outside the article",
    }));
    Ok(Imported {
        header,
        carries_out: parents
            .iter()
            .map(|&d| model.document(d).id().to_string())
            .collect(),
        items,
        targets,
        unplaced,
        dropped,
    })
}

fn parents(h: &header::Header, model: &Model, given: &[String]) -> Result<Vec<DocId>, ImportError> {
    if !given.is_empty() {
        return given
            .iter()
            .map(|g| {
                model
                    .document_or_suggestion(g)
                    .map_err(|suggestion| ImportError::UnknownDocument {
                        given: g.clone(),
                        suggestion,
                    })
            })
            .collect();
    }
    // The document itself, when the rules hold it already (its covering
    // notice cites its own title), is none of them.
    let own = h
        .title
        .as_deref()
        .and_then(|t| header::match_document(t, h.number.as_deref(), model));
    // The documents the title names first, then those the text cites.
    let in_title: Vec<DocId> = h
        .title
        .as_deref()
        .map(|t| {
            h.cites
                .iter()
                .filter(|c| {
                    t.contains(&c.title)
                        || crate::text::simplified(t).contains(&crate::text::simplified(&c.title))
                })
                .filter_map(|c| c.document.as_deref().and_then(|d| model.document_by_id(d)))
                .filter(|&d| Some(d) != own)
                .collect()
        })
        .unwrap_or_default();
    if !in_title.is_empty() {
        return Ok(in_title);
    }
    // A document that another supersedes is cited as history, never as
    // what a new plan carries out (`superseded-basis` would flag it).
    let superseded = |d: DocId| {
        model
            .documents
            .iter()
            .any(|doc| doc.supersedes.contains(&d))
    };
    let mut out: Vec<DocId> = Vec::new();
    for c in &h.cites {
        if let Some(d) = c.document.as_deref().and_then(|d| model.document_by_id(d))
            && !out.contains(&d)
            && Some(d) != own
            && !superseded(d)
        {
            out.push(d);
        }
    }
    Ok(out)
}

/// What `--format json` prints (`docs/json.md`).
#[derive(Debug, Serialize)]
pub struct Json<'a> {
    pub title: Option<&'a str>,
    pub number: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub issued: Option<&'a str>,
    pub period: Option<[i32; 2]>,
    pub period_inherited: bool,
    pub level: Option<&'static str>,
    pub jurisdiction: Option<&'a header::JurisdictionName>,
    pub cites: &'a [header::Cite],
    pub carries_out: &'a [String],
    pub targets: Vec<JsonFigure>,
    pub items: Vec<JsonItem<'a>>,
    pub unplaced: Vec<JsonLine<'a>>,
    pub dropped: Vec<JsonDropped<'a>>,
}

#[derive(Debug, Serialize)]
pub struct JsonFigure {
    pub metric: String,
    pub value: f64,
    pub unit: String,
    pub comparator: &'static str,
    pub year: Option<i32>,
    pub per_year: bool,
    pub cumulative: bool,
    pub soft: bool,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct JsonItem<'a> {
    pub source: &'a str,
    pub title: &'a str,
    pub text: &'a str,
    pub units: &'a [String],
    pub line: usize,
    pub figures: Vec<JsonFigure>,
    pub links: &'a [links::Link],
}

#[derive(Debug, Serialize)]
pub struct JsonLine<'a> {
    pub line: usize,
    pub text: &'a str,
}

#[derive(Debug, Serialize)]
pub struct JsonDropped<'a> {
    pub line: usize,
    pub text: &'a str,
    pub why: &'static str,
}

impl Imported {
    /// The JSON view.
    pub fn json(&self) -> Json<'_> {
        let h = &self.header;
        let figure = |f: &Figure, text: &str| JsonFigure {
            metric: f.metric.clone(),
            value: f.value,
            unit: f.unit.clone(),
            comparator: f.comparator.as_str(),
            year: f.year,
            per_year: f.per_year,
            cumulative: f.cumulative,
            soft: f.soft,
            text: text.trim().to_string(),
        };
        Json {
            title: h.title.as_deref(),
            number: h.number.as_deref(),
            issuer: h.issuer.as_deref(),
            issued: h.issued.as_deref(),
            period: h.period,
            period_inherited: h.period_inherited,
            level: h.level,
            jurisdiction: h.jurisdiction.as_ref(),
            cites: &h.cites,
            carries_out: &self.carries_out,
            targets: self
                .targets
                .iter()
                .map(|t| figure(&t.figure, &t.sentence))
                .collect(),
            items: self
                .items
                .iter()
                .map(|i| JsonItem {
                    source: &i.item.source,
                    title: &i.item.title,
                    text: &i.item.text,
                    units: &i.item.units,
                    line: i.item.line,
                    figures: i
                        .figures
                        .iter()
                        .map(|f| figure(f, i.item.text.get(f.sentence.clone()).unwrap_or("")))
                        .collect(),
                    links: &i.links,
                })
                .collect(),
            unplaced: self
                .unplaced
                .iter()
                .map(|u| JsonLine {
                    line: u.line,
                    text: &u.text,
                })
                .collect(),
            dropped: self
                .dropped
                .iter()
                .map(|d| JsonDropped {
                    line: d.line,
                    text: &d.text,
                    why: d.why,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use super::{Options, docx, html, import};

    /// Text made of the pieces the readers look at, in any order.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "一、",
            "（一）",
            "(二)",
            "1.",
            "2、",
            "（1）",
            "①",
            "——",
            "\n",
            "\n\n",
            "。",
            "，",
            "；",
            "（责任单位：",
            "区教委、",
            "）",
            ")",
            "《",
            "》",
            "〈",
            "〉",
            "〔2022〕",
            "6号",
            "关于印发",
            "的通知",
            "实施方案",
            "到2025年",
            "不少于",
            "30万人次",
            "28%左右",
            "¹",
            "抄送：",
            "- 3 -",
            "首页",
            "人民政府办公室",
            "二〇二二年九月五日",
            "2021—2035年",
            " ",
            "\u{3000}",
            "科普",
            "區",
        ]);
        prop::collection::vec(
            prop_oneof![
                pieces.prop_map(str::to_string),
                any::<char>().prop_map(String::from)
            ],
            0..60,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn import_never_panics(s in text()) {
            let model = crate::model::load(Vec::<(String, String)>::new()).model;
            for as_rules in [false, true] {
                if let Ok(imported) = import(&s, &model, Options { as_rules, ..Options::default() }) {
                    let _ = super::draft(&imported, &model, "x.txt");
                    let _ = super::rules(&imported, "x.txt", "x");
                    let _ = serde_json::to_string(&imported.json());
                }
            }
        }

        #[test]
        fn web_pages_and_packages_never_panic(s in text(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
            let _ = html::read(&format!("<html><body><div><p>{s}</p></div></body></html>"));
            let _ = html::read(&s);
            let _ = docx::text(&bytes);
        }
    }
}
