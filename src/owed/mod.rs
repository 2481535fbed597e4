//! What a jurisdiction owes before it writes a line: every obligation of
//! the documents it would carry out that binds it, with each owed figure
//! (its population share where the figure is shared), worked out by the
//! same code as `check` ([`crate::check::Context`] and
//! [`crate::check::figures::owed`]) on a plan that carries out those
//! documents and implements nothing. Also the starter plan a drafter
//! fills in (`planlint owed --format plan`).

mod render;

pub use render::{starter_plan, text};

use std::fmt::Write as _;

use std::collections::HashMap;

use serde::Serialize;
use std::sync::Arc;

use crate::check::figures::{self, Owed as OwedFigure, ShareBasis};
use crate::check::{Binding, Context, Options, effective_binds};
use crate::coverage::{self, PlanSummary};
use crate::i18n::catalogue::Ranks;
use crate::i18n::{Id, Lang, Msg};
use crate::model::{DocId, JurId, Model};
use crate::status::Status;
use crate::syntax::ast::{AttrValue, Binds, CompareOp, Condition, Rank};
use crate::syntax::value::Date;
use crate::workspace::{self, Settings, Workspace};

/// What `owed` is asked about.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// A jurisdiction's id (`cn.bj.dongcheng`) or Chinese name (`东城区`,
    /// `东城`), with the documents it would carry out (empty: every
    /// document issued for one of its ancestors whose obligations bind its
    /// rank, annual documents excepted).
    Jurisdiction {
        name: &'a str,
        carries_out: &'a [String],
    },
    /// The plan declared in the file of this name, as it stands.
    Plan { file: &'a str },
}

/// Why `owed` has no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OwedError {
    UnknownJurisdiction {
        given: String,
        /// The closest jurisdiction's id and name.
        suggestion: Option<(String, Option<String>)>,
    },
    UnknownDocument {
        given: String,
        suggestion: Option<String>,
    },
    NoPlan {
        file: String,
    },
    NothingBinds {
        jurisdiction: String,
    },
}

impl OwedError {
    /// What went wrong, as a catalogue message.
    pub fn message(&self) -> Msg {
        match self {
            OwedError::UnknownJurisdiction { given, .. } => Msg::UnknownJurisdictionGiven {
                given: Id::new(given),
            },
            OwedError::UnknownDocument { given, .. } => Msg::UnknownDocumentGiven {
                given: Id::new(given),
            },
            OwedError::NoPlan { file } => Msg::OwedNoPlan {
                file: Id::new(file),
            },
            OwedError::NothingBinds { jurisdiction } => Msg::OwedNothingBinds {
                jurisdiction: Id::new(jurisdiction),
            },
        }
    }

    /// What to do about it.
    pub fn help(&self) -> Msg {
        match self {
            OwedError::UnknownJurisdiction { suggestion, .. } => match suggestion {
                Some((id, Some(name))) => Msg::HelpDidYouMeanNamed {
                    suggestion: Id::new(id),
                    name: name.clone(),
                },
                Some((id, None)) => Msg::HelpDidYouMean {
                    suggestion: Id::new(id),
                },
                None => Msg::HelpNameJurisdiction {},
            },
            OwedError::UnknownDocument { suggestion, .. } => match suggestion {
                Some(s) => Msg::HelpDidYouMean {
                    suggestion: Id::new(s),
                },
                None => Msg::HelpNameDocument {},
            },
            OwedError::NoPlan { .. } => Msg::HelpNamePlanFile {},
            OwedError::NothingBinds { .. } => Msg::HelpNameCarriedOut {},
        }
    }
}

/// The message in English; the command line renders
/// [`OwedError::message`] in the run's language.
impl std::fmt::Display for OwedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(Lang::En))
    }
}

impl std::error::Error for OwedError {}

/// What one jurisdiction owes.
#[derive(Debug, Clone, Serialize)]
pub struct Owed {
    pub jurisdiction: JurisdictionRef,
    /// The documents carried out, in the order given or loaded.
    pub documents: Vec<DocumentRef>,
    /// The period of the documents carried out, when they share one.
    pub period: Option<[i32; 2]>,
    pub owed: Vec<Entry>,
    pub not_owed: Vec<NotOwed>,
    /// For a plan as it stands: what it already carries out, counted by the
    /// coverage model as the report's verdict and `check`'s summary count
    /// it (the checks run for it); absent for a jurisdiction, whose plan is
    /// not written yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coverage: Option<PlanSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct JurisdictionRef {
    pub id: String,
    pub name: Option<String>,
    pub rank: Option<&'static str>,
    pub population: Option<u64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentRef {
    pub id: String,
    pub title: Option<String>,
    pub number: Option<String>,
}

/// One owed obligation.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub document: String,
    pub obligation: String,
    pub citation: String,
    pub title: String,
    pub text: Option<String>,
    pub severity: &'static str,
    /// `advisory` when the higher document was issued after the plan.
    pub advisory: bool,
    pub requires_units: bool,
    pub figures: Vec<Figure>,
    /// For a plan as it stands: how it stands towards the obligation, the
    /// status of its cell in the coverage model (the 对照表's 结论).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// One owed figure of an obligation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The target's id, which an item's target must repeat.
    pub target: String,
    pub metric: String,
    pub comparator: &'static str,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub per_year: bool,
    pub deadline: Option<i32>,
    /// A qualitative target's text.
    pub text: Option<String>,
    /// How a population share was computed: ⌈total × population / among⌉.
    pub share: Option<Share>,
    /// Why the share cannot be computed (in English).
    pub unapportionable: Option<String>,
    /// The same, to be shown in the run's language.
    #[serde(skip)]
    pub unapportionable_why: Option<Box<Msg>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Share {
    pub total: f64,
    pub population: u64,
    pub among: u64,
    pub jurisdictions: usize,
}

impl Figure {
    /// The figure as the catalogue's messages show it.
    pub fn as_arg(&self) -> crate::i18n::catalogue::OwedFigure {
        crate::i18n::catalogue::OwedFigure {
            comparator: self.comparator,
            value: self.value,
            unit: self.unit.clone(),
            per_year: self.per_year,
            deadline: self.deadline,
            text: self.text.clone(),
            share: self
                .share
                .as_ref()
                .map(|s| crate::i18n::catalogue::OwedShare {
                    total: s.total,
                    population: s.population,
                    among: s.among,
                    jurisdictions: s.jurisdictions,
                }),
            unapportionable_why: self.unapportionable_why.clone(),
        }
    }
}

/// An obligation of the documents carried out that this jurisdiction does
/// not owe, and why.
#[derive(Debug, Clone, Serialize)]
pub struct NotOwed {
    pub document: String,
    pub obligation: String,
    pub citation: String,
    pub title: String,
    /// `issuer`, `rank` or `not-applicable`.
    pub reason: &'static str,
    /// The reason in words (in English).
    pub detail: String,
    /// The same, to be shown in the run's language.
    #[serde(skip)]
    pub why: Msg,
}

/// The file name under which the in-memory plan of a jurisdiction is loaded.
const DRAFT_FILE: &str = "<owed>";

/// Works out what `subject` owes, through the library's one entry point
/// ([`workspace::run`]): `workspace` holds the rules (and, for
/// [`Subject::Plan`], the plan's file) as `check` reads them, `settings`
/// the run's date, severities and language. Its `selected` is ignored:
/// only the subject's plan is checked.
pub fn owed(
    workspace: Workspace,
    settings: &Settings,
    subject: Subject,
) -> Result<Owed, OwedError> {
    let as_of = settings.options.as_of;
    let checking = |texts: Vec<(String, Arc<str>)>, file: &str| {
        let workspace = Workspace {
            texts,
            selected: Some(vec![file.to_string()]),
            ..Workspace::default()
        };
        workspace::run(workspace, settings, None)
    };
    match subject {
        Subject::Plan { file } => {
            let run = checking(workspace.texts, file);
            let model = &run.outcome.model;
            let plan = model
                .plans()
                .find(|&d| model.sources.get(model.document(d).file).name == file)
                .ok_or_else(|| OwedError::NoPlan { file: file.into() })?;
            let mut owed = compute(model, plan, as_of);
            carried_out(&mut owed, &run, plan);
            Ok(owed)
        }
        Subject::Jurisdiction { name, carries_out } => {
            // The rules alone, no plan checked: to find the jurisdiction
            // and the documents it carries out.
            let rules = checking(workspace.texts.clone(), "");
            let j = find_jurisdiction(&rules.outcome.model, name)?;
            let parents = documents_for(&rules.outcome.model, j, carries_out)?;
            let text = draft_header(&rules.outcome.model, j, &parents, "owed.draft");
            let mut texts = workspace.texts;
            texts.push((DRAFT_FILE.into(), text.into()));
            let run = checking(texts, DRAFT_FILE);
            let model = &run.outcome.model;
            let plan = model
                .plans()
                .find(|&d| model.sources.get(model.document(d).file).name == DRAFT_FILE)
                .ok_or_else(|| OwedError::NothingBinds {
                    jurisdiction: name.into(),
                })?;
            Ok(compute(model, plan, as_of))
        }
    }
}

/// What the checked plan already carries out: its column of the coverage
/// model, from the run's findings, gives each entry's status and the
/// counts. `owed` itself stays with the model alone (binding and figures):
/// what is owed does not depend on what the plan wrote.
fn carried_out(owed: &mut Owed, run: &workspace::Run, plan: DocId) {
    let outcome = &run.outcome;
    let ctx = Context::new(&outcome.model, run.options, outcome.plans.iter().copied());
    let model = coverage::build(&ctx, &outcome.diagnostics, &coverage::Headings::new());
    let id = outcome.model.document(plan).id();
    let Some(column) = model.plans.iter().position(|p| p.id == id) else {
        return;
    };
    let status: HashMap<&str, Status> = model
        .groups
        .iter()
        .filter_map(|g| Some((g, g.columns.iter().position(|&c| c == column)?)))
        .flat_map(|(g, i)| {
            g.rows
                .iter()
                .map(move |r| (r.obligation.as_str(), r.cells[i].status))
        })
        .collect();
    for entry in &mut owed.owed {
        entry.status = status.get(entry.obligation.as_str()).copied();
    }
    owed.coverage = model.plans.into_iter().nth(column);
}

fn compute(model: &Model, plan: DocId, as_of: Date) -> Owed {
    let ctx = Context::new(model, Options { as_of }, [plan]);
    let view = &ctx.plans[0];
    let doc = model.document(plan);
    let j = doc.jurisdiction;
    let mut out = Owed {
        jurisdiction: match j {
            Some(j) => jurisdiction_ref(model, j),
            None => JurisdictionRef {
                id: String::new(),
                name: None,
                rank: doc.rank().map(Rank::as_str),
                population: None,
            },
        },
        documents: doc
            .parents
            .iter()
            .map(|&p| {
                let d = model.document(p);
                DocumentRef {
                    id: d.id().into(),
                    title: d.decl.title.clone(),
                    number: d.decl.number.clone(),
                }
            })
            .collect(),
        period: shared_period(model, &doc.parents),
        owed: Vec::new(),
        not_owed: Vec::new(),
        coverage: None,
    };
    for &(o, binding) in &view.bindings {
        let obligation = model.obligation(o);
        let document = model.document(obligation.document).id().to_string();
        let citation = obligation.citation().to_string();
        let title = obligation.title().to_string();
        match binding {
            Binding::Owed { advisory } => {
                let figures = obligation
                    .decl
                    .targets
                    .iter()
                    .filter_map(|t| {
                        let mut f = Figure {
                            target: t.metric.value.clone(),
                            metric: t.label.clone().unwrap_or_default(),
                            comparator: "at_least",
                            value: None,
                            unit: None,
                            per_year: t.per_year,
                            deadline: t.deadline.as_ref().map(|d| d.value),
                            text: t.text.clone(),
                            share: None,
                            unapportionable: None,
                            unapportionable_why: None,
                        };
                        match figures::owed(&ctx, plan, o, t) {
                            OwedFigure::Nothing => return None,
                            OwedFigure::Unapportionable(why) => {
                                f.value = t.figure.as_ref().map(|x| x.value);
                                f.unit = t.figure.as_ref().and_then(|x| x.unit.clone());
                                f.unapportionable = Some(why.render(Lang::En));
                                f.unapportionable_why = Some(why);
                            }
                            OwedFigure::Figure(r) => {
                                f.comparator = r.comparator.as_str();
                                f.value = r.value;
                                f.unit = r.unit;
                                f.per_year = r.per_year;
                                f.deadline = r.deadline;
                                f.text = r.text;
                                f.share = r.share.map(share);
                            }
                        }
                        Some(f)
                    })
                    .collect();
                out.owed.push(Entry {
                    document,
                    obligation: obligation.id().into(),
                    citation,
                    title,
                    text: obligation.decl.text.clone(),
                    severity: ctx.omission_severity(o).0.as_str(),
                    advisory,
                    requires_units: obligation.decl.requires_units
                        || model.document(obligation.document).decl.requires_units,
                    figures,
                    status: None,
                });
            }
            Binding::NotApplicable => {
                let why = not_applicable(model, o, j);
                out.not_owed.push(NotOwed {
                    document,
                    obligation: obligation.id().into(),
                    citation,
                    title,
                    reason: "not-applicable",
                    detail: why.render(Lang::En),
                    why,
                });
            }
            Binding::NotBound => {
                let (reason, why) = match effective_binds(model, o) {
                    Binds::Issuer => ("issuer", Msg::NotOwedIssuer {}),
                    Binds::Ranks(ranks) => (
                        "rank",
                        Msg::NotOwedRanks {
                            ranks: Ranks(ranks.clone()),
                        },
                    ),
                    Binds::Lower => ("rank", Msg::NotOwedOther {}),
                };
                out.not_owed.push(NotOwed {
                    document,
                    obligation: obligation.id().into(),
                    citation,
                    title,
                    reason,
                    detail: why.render(Lang::En),
                    why,
                });
            }
        }
    }
    out
}

fn share(b: ShareBasis) -> Share {
    Share {
        total: b.total,
        population: b.population,
        among: b.among,
        jurisdictions: b.jurisdictions,
    }
}

fn jurisdiction_ref(model: &Model, j: JurId) -> JurisdictionRef {
    let jur = model.jurisdiction(j);
    JurisdictionRef {
        id: jur.id().into(),
        name: jur.decl.name.clone(),
        rank: jur.rank().map(Rank::as_str),
        population: jur.decl.population,
    }
}

fn shared_period(model: &Model, docs: &[DocId]) -> Option<[i32; 2]> {
    let mut periods = docs
        .iter()
        .filter_map(|&d| model.document(d).decl.period.as_ref().map(|p| p.value));
    let first = periods.next()?;
    periods
        .all(|p| p == first)
        .then_some([first.from, first.to])
}

/// Why an obligation's condition (or a bullet's above it) fails here.
fn not_applicable(model: &Model, o: crate::model::OblId, j: Option<JurId>) -> Msg {
    let name = j
        .map(|j| model.jurisdiction(j).display_name().to_string())
        .unwrap_or_default();
    std::iter::once(o)
        .chain(model.ancestors(o))
        .find_map(|x| {
            let c = model.obligation(x).decl.applies_if.as_ref()?;
            let holds = j.is_none_or(|j| {
                let jur = model.jurisdiction(j);
                crate::check::condition_holds(&c.value, |n| jur.attr(n))
            });
            (!holds).then(|| Msg::NotOwedCondition {
                condition: Id::new(format!("applies_if {}", condition(&c.value))),
                name: name.clone(),
            })
        })
        .unwrap_or(Msg::NotOwedNoApply {})
}

fn condition(c: &Condition) -> String {
    match c {
        Condition::Truthy { attr, negated } => {
            format!("{}{attr}", if *negated { "not " } else { "" })
        }
        Condition::Compare { attr, op, value } => {
            let op = match op {
                CompareOp::Eq => "=",
                CompareOp::Ne => "!=",
                CompareOp::Ge => ">=",
                CompareOp::Le => "<=",
                CompareOp::Gt => ">",
                CompareOp::Lt => "<",
            };
            let value = match value {
                AttrValue::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
                AttrValue::Number(n) => n.to_string(),
                AttrValue::Text(t) => format!("\"{t}\""),
            };
            format!("{attr} {op} {value}")
        }
    }
}

/// Finds a jurisdiction by id, by Chinese name, or by its name without the
/// rank's suffix (`东城` for `东城区`); otherwise the error suggests the
/// closest id or name.
pub fn find_jurisdiction(model: &Model, given: &str) -> Result<JurId, OwedError> {
    let given = given.trim();
    if let Some(j) = model.jurisdiction_by_id(given) {
        return Ok(j);
    }
    let by_name: Vec<JurId> = (0..model.jurisdictions.len())
        .map(|i| JurId(i as u32))
        .filter(|&j| {
            let name = model.jurisdiction(j).decl.name.as_deref().unwrap_or("");
            !name.is_empty() && (name == given || strip_suffix(name) == given)
        })
        .collect();
    if let [only] = by_name.as_slice() {
        return Ok(*only);
    }
    let mut candidates: Vec<(String, String)> = Vec::new();
    for j in &model.jurisdictions {
        candidates.push((j.id().into(), j.id().into()));
        if let Some(last) = j.id().rsplit('.').next() {
            candidates.push((last.into(), j.id().into()));
        }
        if let Some(name) = &j.decl.name {
            candidates.push((name.clone(), j.id().into()));
        }
    }
    let words = candidates.iter().map(|(w, _)| w.as_str());
    let suggestion = crate::syntax::lower::did_you_mean(given, words)
        .or_else(|| {
            // A name written with another suffix or part of it (`东城市`).
            let stem = strip_suffix(given);
            let mut hits = candidates
                .iter()
                .filter(|(w, _)| !stem.is_empty() && stem.chars().count() >= 2 && w.contains(stem));
            match (hits.next(), hits.next()) {
                (Some((w, _)), None) => Some(w.as_str()),
                _ => None,
            }
        })
        .and_then(|w| candidates.iter().find(|(c, _)| c == w))
        .map(|(_, id)| {
            let name = model
                .jurisdiction_by_id(id)
                .and_then(|j| model.jurisdiction(j).decl.name.clone());
            (id.clone(), name)
        });
    Err(OwedError::UnknownJurisdiction {
        given: given.into(),
        suggestion,
    })
}

fn strip_suffix(name: &str) -> &str {
    for suffix in [
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "省",
        "市",
        "区",
        "县",
        "州",
        "旗",
        "盟",
    ] {
        if let Some(stem) = name.strip_suffix(suffix)
            && stem.chars().count() >= 2
        {
            return stem;
        }
    }
    name
}

fn documents_for(model: &Model, j: JurId, given: &[String]) -> Result<Vec<DocId>, OwedError> {
    if !given.is_empty() {
        return given
            .iter()
            .map(|g| {
                model
                    .document_or_suggestion(g)
                    .map_err(|suggestion| OwedError::UnknownDocument {
                        given: g.clone(),
                        suggestion,
                    })
            })
            .collect();
    }
    let rank = model.jurisdiction(j).rank();
    let docs: Vec<DocId> = (0..model.documents.len())
        .map(|i| DocId(i as u32))
        .filter(|&d| {
            let doc = model.document(d);
            let annual = doc
                .decl
                .period
                .as_ref()
                .is_some_and(|p| p.value.is_annual());
            let ancestor = doc
                .jurisdiction
                .is_some_and(|dj| dj != j && model.jurisdiction_descends(j, dj));
            let binds = doc
                .obligations
                .iter()
                .any(|&o| match effective_binds(model, o) {
                    Binds::Issuer => false,
                    Binds::Lower => match (rank, doc.rank()) {
                        (Some(r), Some(h)) => r > h,
                        _ => true,
                    },
                    Binds::Ranks(ranks) => rank.is_none_or(|r| ranks.contains(&r)),
                });
            !annual && ancestor && binds
        })
        .collect();
    if docs.is_empty() {
        return Err(OwedError::NothingBinds {
            jurisdiction: model.jurisdiction(j).id().into(),
        });
    }
    Ok(docs)
}

/// The `document` statement of a plan for `j` carrying out `parents`.
fn draft_header(model: &Model, j: JurId, parents: &[DocId], id: &str) -> String {
    let jur = model.jurisdiction(j);
    let mut out = format!("document {id} {{\n");
    let name = jur.decl.name.as_deref().unwrap_or(jur.id());
    let parent_title = parents
        .first()
        .and_then(|&p| model.document(p).decl.title.clone())
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  title {}",
        quote(&format!("{name}落实《{parent_title}》实施方案"))
    );
    if let Some(rank) = jur.rank() {
        let _ = writeln!(out, "  rank {}", rank.as_str());
    }
    let _ = writeln!(out, "  jurisdiction {}", jur.id());
    for &p in parents {
        let _ = writeln!(out, "  carries_out {}", model.document(p).id());
    }
    if let Some([from, to]) = shared_period(model, parents) {
        let _ = writeln!(
            out,
            "  period {}",
            if from == to {
                from.to_string()
            } else {
                format!("{from}-{to}")
            }
        );
    }
    out.push_str("}\n");
    out
}

/// A string in the plan language.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
