//! The coverage model behind the reviewers' report: for every plan of a
//! run, what it owes, covers, exempts, omits, undercuts and what does not
//! apply, with the findings tied to each cell. Built once from the check
//! [`Context`] and the diagnostics; every renderer (HTML, Markdown, the
//! 对照表 exports, the graph labels) reads this model and computes nothing
//! of its own. It serializes, so a front end can also take it as JSON.

pub mod headings;
mod summary;

use std::collections::HashMap;

use serde::Serialize;

use crate::check::figures::{self, Owed, Verdict};
use crate::check::{Binding, Context, PlanView, Provision};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{DocId, Model, OblId};
pub use crate::status::Status;
use crate::syntax::ast::{Comparator, Figure, Passes, TargetDecl};
use headings::SectionTitles;
pub use summary::PlanSummary;
use summary::Tally;

/// The code of the check whose findings turn a cell into [`Status::Undercut`].
pub const UNDERCUT_CODE: &str = "undercut-target";
/// The code of a finding that the items leave out an element the obligation names.
pub const DROPPED_CODE: &str = "dropped-element";
/// The code of a finding that the items state no figure for a quantity owed.
pub const UNSTATED_CODE: &str = "unstated-quantity";
/// The code of a finding that the items promise less firmly than asked.
pub const WEAKENED_CODE: &str = "weakened-commitment";
/// The codes whose findings turn an implemented cell into
/// [`Status::Partial`]: carried out, but not all of what is asked.
pub const PARTIAL_CODES: [&str; 3] = [DROPPED_CODE, UNSTATED_CODE, WEAKENED_CODE];

/// Above this many plans a report is paged: the summary, then one section
/// per plan with its differences, without the obligations × plans matrix,
/// the national view and the targets table (each a column per plan).
pub const PAGED_PLANS: usize = 50;

/// How many refinements a national row lists; a chain of thousands of
/// `refines` made the page grow with their square (286 MB for 3,000).
pub const MAX_REFINEMENTS: usize = 50;

/// How many source lines a finding's excerpt shows at most.
const EXCERPT_LINES: usize = 4;

/// Everything a report shows.
#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub as_of: String,
    pub documents: Vec<DocumentInfo>,
    /// The plans checked: the matrix's columns, in this order everywhere.
    pub plans: Vec<PlanSummary>,
    /// The matrix rows, grouped by higher document and section.
    pub groups: Vec<Group>,
    pub national: Vec<NationalRow>,
    pub targets: Vec<TargetRow>,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub title: String,
    pub number: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<String>,
    pub jurisdiction: Option<String>,
    pub carries_out: Vec<String>,
    /// Whether it is one of the plans checked.
    pub checked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub document: String,
    pub document_title: String,
    /// The section citation (`3.1`), empty for a document without sections.
    pub section: String,
    /// `三、(一) 青少年科学素质提升行动`, or the numbering alone.
    pub heading: String,
    /// The plans (indices into [`Coverage::plans`], ascending) that carry
    /// out the document, or cover or have a finding about one of its
    /// obligations: the only ones its rows have cells for. Every other
    /// plan's cell is [`Cell::NOT_OWED`], so the model grows with what the
    /// plans owe and cover, not with obligations × plans.
    pub columns: Vec<usize>,
    pub rows: Vec<Row>,
}

impl Group {
    /// Whether every owed cell of the group is advisory (and there is one):
    /// a document issued after every plan that owes it.
    pub fn advisory_only(&self) -> bool {
        let mut owed = self
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.status.is_owed())
            .peekable();
        owed.peek().is_some() && owed.all(|c| c.advisory)
    }

    /// The cell of a row of this group for the plan in `column`.
    pub fn cell<'a>(&self, row: &'a Row, column: usize) -> &'a Cell {
        match self.columns.binary_search(&column) {
            Ok(k) => row.cells.get(k).unwrap_or(&NOT_OWED_CELL),
            Err(_) => &NOT_OWED_CELL,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The HTML anchor of the row.
    pub anchor: String,
    pub obligation: String,
    pub document: String,
    pub citation: String,
    pub title: String,
    pub text: Option<String>,
    /// 0 for a bullet, 1 for its clause, …
    pub depth: usize,
    pub severity: Severity,
    /// One per plan of the group's [`Group::columns`], in that order.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub status: Status,
    pub advisory: bool,
    /// What carries it out.
    pub provisions: Vec<ProvisionInfo>,
    /// The exemption's reason.
    pub reason: Option<String>,
    /// Indices into [`Coverage::findings`] about this plan and obligation.
    pub findings: Vec<usize>,
}

static NOT_OWED_CELL: Cell = Cell::NOT_OWED;
static NOT_OWED_TARGET: TargetCell = TargetCell::NOT_OWED;

impl Cell {
    /// The cell of a plan that does not carry out the obligation's document.
    pub const NOT_OWED: Cell = Cell {
        status: Status::NotOwed,
        advisory: false,
        provisions: Vec::new(),
        reason: None,
        findings: Vec::new(),
    };
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvisionInfo {
    pub id: String,
    pub citation: String,
    pub title: String,
    /// The provision's own text, as the document words it.
    pub text: Option<String>,
    /// An item's 责任单位; none for an obligation.
    pub units: Vec<String>,
}

/// An article of a top document (one that carries out nothing), how the
/// documents below refine it and which plans reach it.
#[derive(Debug, Clone, Serialize)]
pub struct NationalRow {
    pub document: String,
    pub obligation: String,
    pub anchor: String,
    pub citation: String,
    pub title: String,
    pub depth: usize,
    /// The first [`MAX_REFINEMENTS`] obligations that refine it, directly
    /// or not, in declaration order.
    pub refinements: Vec<ProvisionInfo>,
    /// How many more refine it.
    pub more_refinements: usize,
    /// The plans (indices into [`Coverage::plans`], ascending) that cover
    /// the article, directly or through a refinement, and what in them does.
    pub reached_by: Vec<(usize, Vec<ProvisionInfo>)>,
}

impl NationalRow {
    /// What in the plan in `column` covers the article; empty when nothing.
    pub fn reached(&self, column: usize) -> &[ProvisionInfo] {
        match self.reached_by.binary_search_by_key(&column, |r| r.0) {
            Ok(k) => &self.reached_by[k].1,
            Err(_) => &[],
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureInfo {
    pub comparator: Option<Comparator>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub per_year: bool,
    pub deadline: Option<i32>,
    pub text: Option<String>,
}

impl Serialize for Comparator {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What a target asks of a plan, and what the plan says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetVerdict {
    Meets,
    Lower,
    Later,
    Incomparable,
    /// Implemented, but no figure stated.
    Unstated,
    NothingOwed,
    Exempted,
    Omitted,
    NotOwed,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetCell {
    pub owed: Option<FigureInfo>,
    /// Population share: the plan's population and the population shared among.
    pub share: Option<(u64, u64)>,
    pub stated: Option<FigureInfo>,
    pub verdict: TargetVerdict,
    pub detail: Option<String>,
}

impl TargetCell {
    /// The cell of a plan that does not carry out the target's document.
    pub const NOT_OWED: TargetCell = TargetCell {
        owed: None,
        share: None,
        stated: None,
        verdict: TargetVerdict::NotOwed,
        detail: None,
    };
}

#[derive(Debug, Clone, Serialize)]
pub struct ObservationInfo {
    pub jurisdiction: String,
    pub year: Option<i32>,
    pub value: f64,
    pub unit: Option<String>,
    /// Observed ÷ target figure, in percent.
    pub progress: Option<f64>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    pub anchor: String,
    pub obligation: String,
    pub document: String,
    pub citation: String,
    pub title: String,
    pub metric: String,
    pub metric_label: String,
    pub higher: FigureInfo,
    pub passes: &'static str,
    /// The plans (indices into [`Coverage::plans`], ascending) that may
    /// owe it, as [`Group::columns`].
    pub columns: Vec<usize>,
    /// One per plan of `columns`, in that order.
    pub cells: Vec<TargetCell>,
    pub observations: Vec<ObservationInfo>,
}

impl TargetRow {
    /// The cell of the plan in `column`.
    pub fn cell(&self, column: usize) -> &TargetCell {
        match self.columns.binary_search(&column) {
            Ok(k) => self.cells.get(k).unwrap_or(&NOT_OWED_TARGET),
            Err(_) => &NOT_OWED_TARGET,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ExcerptLine {
    pub number: usize,
    pub text: String,
    pub marked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub anchor: String,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// `file:line:column`, the column in characters.
    pub location: String,
    pub plan: Option<String>,
    pub obligation: Option<String>,
    /// The plan's item it is about, if any: its id and citation.
    pub item: Option<(String, String)>,
    /// The message as data, for the 对照表's plain wording.
    #[serde(skip)]
    pub text: crate::i18n::Text,
    /// The matrix row of the obligation, where it has one.
    pub row: Option<String>,
    pub excerpt: Vec<ExcerptLine>,
    pub obligation_text: Option<String>,
}

/// Indices of the diagnostics about each plan and obligation.
type FindingsByCell = HashMap<(DocId, OblId), Vec<usize>>;

/// The section titles of higher documents, by document id, read from their
/// source texts by the caller (the library does no IO).
pub type Headings = HashMap<String, SectionTitles>;

/// Builds the coverage model of the plans in `ctx` from the diagnostics of
/// the same run.
pub fn build(ctx: &Context, diagnostics: &[Diagnostic], headings: &Headings) -> Coverage {
    let Cells {
        higher,
        carriers,
        groups,
        row_of,
    } = cells(ctx, diagnostics, headings);
    let mut tally = Tally::new(ctx, diagnostics);
    for group in &groups {
        for row in &group.rows {
            for (&column, cell) in group.columns.iter().zip(&row.cells) {
                tally.cell(
                    column,
                    row.severity,
                    cell.status,
                    cell.advisory,
                    &cell.findings,
                );
            }
        }
    }
    let plans = tally.finish();
    Coverage {
        as_of: ctx.options.as_of.to_string(),
        documents: documents(ctx),
        plans,
        national: national(ctx, &row_of),
        targets: targets(ctx, &higher, &carriers),
        findings: findings(ctx.model, diagnostics, &row_of),
        groups,
    }
}

/// Every plan's counts and nothing else of the model (for `check`'s
/// summary, `owed` and the editor): the same cells as [`build`], judged by
/// the same code and counted by the same `Tally`, without what only the
/// report shows (the items' texts, headings, targets, findings), which
/// would double the memory of a national run.
pub fn summaries(ctx: &Context, diagnostics: &[Diagnostic]) -> Vec<PlanSummary> {
    let model = ctx.model;
    let by_cell = findings_by_cell(ctx, diagnostics);
    let carriers = carriers(ctx, &by_cell);
    let mut tally = Tally::new(ctx, diagnostics);
    for h in higher_documents(ctx) {
        let Some(columns) = carriers.get(&h) else {
            continue;
        };
        for &o in &model.document(h).obligations {
            let severity = ctx.omission_severity(o).0;
            for &column in columns {
                let (status, advisory, findings) =
                    judge(ctx, &ctx.plans[column], o, &by_cell, diagnostics);
                tally.cell(column, severity, status, advisory, &findings);
            }
        }
    }
    tally.finish()
}

/// The findings of each cell (plan, obligation), as indices into the
/// diagnostics.
fn findings_by_cell(ctx: &Context, diagnostics: &[Diagnostic]) -> FindingsByCell {
    let model = ctx.model;
    let mut by_cell: FindingsByCell = HashMap::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if let (Some(p), Some(o)) = (&d.plan, &d.obligation)
            && let (Some(p), Some(o)) = (model.document_by_id(&p.id), model.obligation_by_id(&o.id))
        {
            by_cell.entry((p, o)).or_default().push(i);
        }
    }
    by_cell
}

/// The cells of the matrix, grouped, and what the rest of the model is
/// built from.
struct Cells {
    /// The documents the plans carry out, in order.
    higher: Vec<DocId>,
    /// The columns (plans) each higher document has.
    carriers: HashMap<DocId, Vec<usize>>,
    groups: Vec<Group>,
    /// The anchor of each obligation's row.
    row_of: HashMap<OblId, String>,
}

fn cells(ctx: &Context, diagnostics: &[Diagnostic], headings: &Headings) -> Cells {
    let model = ctx.model;
    let by_cell = findings_by_cell(ctx, diagnostics);
    let higher = higher_documents(ctx);
    let carriers = carriers(ctx, &by_cell);
    let mut groups: Vec<Group> = Vec::new();
    let mut row_of: HashMap<OblId, String> = HashMap::new();
    for &h in &higher {
        let doc = model.document(h);
        let titles = headings.get(doc.id());
        let columns = carriers.get(&h).cloned().unwrap_or_default();
        for &o in &doc.obligations {
            let obligation = model.obligation(o);
            let top = model.ancestors(o).last().unwrap_or(o);
            let section = headings::section_of(model.obligation(top).citation());
            if groups
                .last()
                .is_none_or(|g| g.document != doc.id() || g.section != section)
            {
                groups.push(Group {
                    document: doc.id().to_string(),
                    document_title: doc.decl.title.clone().unwrap_or_default(),
                    heading: section_heading(&section, titles),
                    section,
                    columns: columns.clone(),
                    rows: Vec::new(),
                });
            }
            let cells = columns
                .iter()
                .map(|&c| cell(ctx, &ctx.plans[c], o, &by_cell, diagnostics))
                .collect();
            let anchor = anchor("o", obligation.id());
            row_of.insert(o, anchor.clone());
            if let Some(group) = groups.last_mut() {
                group.rows.push(Row {
                    anchor,
                    obligation: obligation.id().to_string(),
                    document: doc.id().to_string(),
                    citation: obligation.citation().to_string(),
                    title: obligation.title().to_string(),
                    text: obligation.decl.text.clone(),
                    depth: model.ancestors(o).count(),
                    severity: ctx.omission_severity(o).0,
                    cells,
                });
            }
        }
    }
    // The plans' own requirements first; a document issued after every
    // plan that owes it (advisory only) after them, its sections together.
    // The sort is stable.
    let mut advisory_docs: HashMap<String, bool> = HashMap::new();
    for g in &groups {
        let owed = g
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .any(|c| c.status.is_owed());
        if owed {
            let entry = advisory_docs.entry(g.document.clone()).or_insert(true);
            *entry &= g.advisory_only();
        }
    }
    groups.sort_by_key(|g| advisory_docs.get(&g.document).copied().unwrap_or(false));
    Cells {
        higher,
        carriers,
        groups,
        row_of,
    }
}

impl Coverage {
    /// Whether the report is paged ([`PAGED_PLANS`]).
    pub fn paged(&self) -> bool {
        self.plans.len() > PAGED_PLANS
    }

    /// Every matrix row, in order.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|g| g.rows.iter())
    }
}

impl FigureInfo {
    fn of_target(t: &TargetDecl) -> FigureInfo {
        FigureInfo {
            comparator: t.figure.as_ref().map(|f| f.comparator),
            value: t.figure.as_ref().map(|f| f.value),
            unit: t.figure.as_ref().and_then(|f| f.unit.clone()),
            per_year: t.per_year,
            deadline: t.deadline.as_ref().map(|d| d.value),
            text: t.text.clone(),
        }
    }
}

/// An HTML id for a thing: `o-bj.3.1.3-2f2` for `bj.3.1.3/2`; characters
/// other than ASCII letters, digits, `.` and `_` become `-` and their hex code.
pub fn anchor(prefix: &str, id: &str) -> String {
    let mut out = format!("{prefix}-");
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '.' || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!("-{:x}", c as u32));
        }
    }
    out
}

fn section_heading(section: &str, titles: Option<&SectionTitles>) -> String {
    if section.is_empty() {
        return String::new();
    }
    let numbering = headings::chinese_numbering(section);
    let title = |key: &str| titles.and_then(|t| t.get(key)).cloned();
    let top = section.split('.').next().unwrap_or("");
    let mut heading = numbering;
    let names: Vec<String> = [
        title(top),
        (top != section).then(|| title(section)).flatten(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !names.is_empty() {
        if !heading.ends_with('、') {
            heading.push(' ');
        }
        heading.push_str(&names.join(" › "));
    }
    heading
}

/// The documents the checked plans carry out, in declaration order.
fn higher_documents(ctx: &Context) -> Vec<DocId> {
    let mut higher: Vec<DocId> = ctx
        .plans
        .iter()
        .flat_map(|p| ctx.model.document(p.doc).parents.iter().copied())
        .collect();
    higher.sort();
    higher.dedup();
    higher
}

fn provision_info(ctx: &Context, p: Provision) -> ProvisionInfo {
    match p {
        Provision::Item(i) => {
            let i = ctx.model.item(i);
            ProvisionInfo {
                id: ctx.provision_id(p).to_string(),
                citation: i.citation().to_string(),
                title: i.decl.title.clone().unwrap_or_default(),
                text: i.decl.text.clone(),
                units: i.decl.units.iter().map(|u| u.value.clone()).collect(),
            }
        }
        Provision::Obligation(o) => obligation_info(ctx.model, o),
    }
}

fn obligation_info(model: &Model, o: OblId) -> ProvisionInfo {
    let ob = model.obligation(o);
    ProvisionInfo {
        id: ob.id().to_string(),
        citation: ob.citation().to_string(),
        title: ob.title().to_string(),
        text: ob.decl.text.clone(),
        units: Vec::new(),
    }
}

/// The exemption in force on `o` or the nearest bullet above it.
fn exemption_reason(ctx: &Context, plan: &PlanView, o: OblId) -> Option<Option<String>> {
    std::iter::once(o)
        .chain(ctx.model.ancestors(o))
        .find_map(|x| plan.exemptions_in_force.get(&x))
        .map(|&e| {
            ctx.model
                .exemption(e)
                .decl
                .reason
                .as_ref()
                .map(|r| r.value.clone())
        })
}

fn status(ctx: &Context, plan: &PlanView, o: OblId, undercut: bool) -> Status {
    match plan.binding(o) {
        Binding::NotBound => return Status::NotOwed,
        Binding::NotApplicable => return Status::NotApplicable,
        Binding::Owed { .. } => {}
    }
    if exemption_reason(ctx, plan, o).is_some() {
        return Status::Exempted;
    }
    if undercut {
        return Status::Undercut;
    }
    if !plan.covering(o).is_empty() {
        return Status::Implemented;
    }
    // As `omitted-obligation` reads a bullet: one with text of its own must
    // be covered itself; one without is the heading of its clauses, carried
    // out (in part) through them.
    let obligation = ctx.model.obligation(o);
    if obligation.decl.text.is_some() || obligation.children.is_empty() {
        return Status::Omitted;
    }
    let child_statuses: Vec<Status> = obligation
        .children
        .iter()
        .map(|&c| status(ctx, plan, c, false))
        .collect();
    let touched = child_statuses.iter().any(|s| {
        matches!(
            s,
            Status::Implemented | Status::Partial | Status::Exempted | Status::Undercut
        )
    });
    if !touched {
        Status::Omitted
    } else if child_statuses
        .iter()
        .any(|s| matches!(s, Status::Omitted | Status::Partial))
    {
        Status::Partial
    } else {
        Status::Implemented
    }
}

/// A cell's status, whether it is advisory, and its findings: all that
/// its counts read.
fn judge(
    ctx: &Context,
    plan: &PlanView,
    o: OblId,
    by_cell: &FindingsByCell,
    diagnostics: &[Diagnostic],
) -> (Status, bool, Vec<usize>) {
    let model = ctx.model;
    let mut findings = by_cell.get(&(plan.doc, o)).cloned().unwrap_or_default();
    let undercut = findings
        .iter()
        .any(|&i| diagnostics.get(i).is_some_and(|d| d.code == UNDERCUT_CODE));
    let mut status = status(ctx, plan, o, undercut);
    if status == Status::Implemented
        && findings.iter().any(|&i| {
            diagnostics
                .get(i)
                .is_some_and(|d| PARTIAL_CODES.contains(&d.code))
        })
    {
        status = Status::Partial;
    }
    // A clause of an omitted bullet is reported once, at the bullet: the
    // clause's cell shows that finding.
    if findings.is_empty() && status == Status::Omitted {
        findings = model
            .ancestors(o)
            .find_map(|a| by_cell.get(&(plan.doc, a)))
            .cloned()
            .unwrap_or_default();
    }
    let advisory = matches!(plan.binding(o), Binding::Owed { advisory: true });
    (status, advisory, findings)
}

fn cell(
    ctx: &Context,
    plan: &PlanView,
    o: OblId,
    by_cell: &FindingsByCell,
    diagnostics: &[Diagnostic],
) -> Cell {
    let model = ctx.model;
    let (status, advisory, findings) = judge(ctx, plan, o, by_cell, diagnostics);
    // A bullet carried out through its clauses shows what carries those out.
    let mut covering: Vec<Provision> = plan.covering(o).to_vec();
    if covering.is_empty() && matches!(status, Status::Partial | Status::Implemented) {
        let mut stack = model.obligation(o).children.clone();
        while let Some(c) = stack.pop() {
            for &p in plan.covering(c) {
                if !covering.contains(&p) {
                    covering.push(p);
                }
            }
            stack.extend(model.obligation(c).children.iter().copied());
        }
        covering.sort();
    }
    Cell {
        status,
        advisory,
        provisions: covering.iter().map(|&p| provision_info(ctx, p)).collect(),
        reason: match status {
            Status::Exempted => exemption_reason(ctx, plan, o).flatten(),
            _ => None,
        },
        findings,
    }
}

/// For each document, the plans (indices into `ctx.plans`, ascending)
/// whose cells of its obligations can hold anything: those that carry it
/// out, those that cover one of its obligations (through a refinement),
/// and those with a finding about one.
fn carriers(ctx: &Context, by_cell: &FindingsByCell) -> HashMap<DocId, Vec<usize>> {
    let model = ctx.model;
    let mut carriers: HashMap<DocId, Vec<usize>> = HashMap::new();
    let column_of: HashMap<DocId, usize> = ctx
        .plans
        .iter()
        .enumerate()
        .map(|(column, plan)| (plan.doc, column))
        .collect();
    for (column, plan) in ctx.plans.iter().enumerate() {
        for &parent in &model.document(plan.doc).parents {
            carriers.entry(parent).or_default().push(column);
        }
        for (o, _) in plan.covered() {
            carriers
                .entry(model.obligation(o).document)
                .or_default()
                .push(column);
        }
    }
    for &(plan, o) in by_cell.keys() {
        if let Some(&column) = column_of.get(&plan) {
            carriers
                .entry(model.obligation(o).document)
                .or_default()
                .push(column);
        }
    }
    for list in carriers.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    carriers
}

/// The name of a document's jurisdiction (西城区), as the report shows it.
fn jurisdiction_name(model: &Model, d: DocId) -> Option<String> {
    model
        .document(d)
        .jurisdiction
        .map(|j| model.jurisdiction(j).display_name().to_string())
}

/// The ids of the documents a document carries out.
fn carried_out_ids(model: &Model, d: DocId) -> Vec<String> {
    model
        .document(d)
        .parents
        .iter()
        .map(|&p| model.document(p).id().to_string())
        .collect()
}

fn documents(ctx: &Context) -> Vec<DocumentInfo> {
    let model = ctx.model;
    let checked: std::collections::HashSet<DocId> = ctx.plans.iter().map(|p| p.doc).collect();
    (0..model.documents.len() as u32)
        .map(DocId)
        .map(|d| {
            let doc = model.document(d);
            DocumentInfo {
                id: doc.id().to_string(),
                title: doc.decl.title.clone().unwrap_or_default(),
                number: doc.decl.number.clone(),
                issuer: doc.decl.issuer.clone(),
                issued: doc.decl.issued.as_ref().map(|i| i.value.to_string()),
                jurisdiction: jurisdiction_name(model, d),
                carries_out: carried_out_ids(model, d),
                checked: checked.contains(&d),
            }
        })
        .collect()
}

/// Top documents (which carry out nothing) at least two levels above a
/// checked plan: their obligations, how the documents between refine them,
/// and which plans reach them. A top document that only some plan's
/// direct parent is already has its rows in the matrix.
fn national(ctx: &Context, row_of: &HashMap<OblId, String>) -> Vec<NationalRow> {
    let model = ctx.model;
    let mut tops: Vec<DocId> = Vec::new();
    for plan in &ctx.plans {
        let direct = &model.document(plan.doc).parents;
        let mut stack: Vec<DocId> = direct.clone();
        let mut seen: Vec<DocId> = Vec::new();
        while let Some(d) = stack.pop() {
            if seen.contains(&d) {
                continue;
            }
            seen.push(d);
            let parents = &model.document(d).parents;
            if parents.is_empty() && !direct.contains(&d) && !tops.contains(&d) {
                tops.push(d);
            }
            stack.extend(parents.iter().copied());
        }
    }
    tops.sort();
    let mut refined_by: HashMap<OblId, Vec<OblId>> = HashMap::new();
    for index in 0..model.obligations.len() as u32 {
        let x = OblId(index);
        for r in model.refinement_closure(x).into_iter().skip(1) {
            refined_by.entry(r).or_default().push(x);
        }
    }
    let mut rows = Vec::new();
    for d in tops {
        for &o in &model.document(d).obligations {
            let ob = model.obligation(o);
            rows.push(NationalRow {
                document: model.document(d).id().to_string(),
                obligation: ob.id().to_string(),
                anchor: row_of
                    .get(&o)
                    .cloned()
                    .unwrap_or_else(|| anchor("o", ob.id())),
                citation: ob.citation().to_string(),
                title: ob.title().to_string(),
                depth: model.ancestors(o).count(),
                refinements: refined_by
                    .get(&o)
                    .map(|list| {
                        list.iter()
                            .take(MAX_REFINEMENTS)
                            .map(|&x| obligation_info(model, x))
                            .collect()
                    })
                    .unwrap_or_default(),
                more_refinements: refined_by
                    .get(&o)
                    .map_or(0, |list| list.len().saturating_sub(MAX_REFINEMENTS)),
                reached_by: ctx
                    .plans
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| !p.covering(o).is_empty())
                    .map(|(column, p)| {
                        let what = p
                            .covering(o)
                            .iter()
                            .map(|&q| provision_info(ctx, q))
                            .collect();
                        (column, what)
                    })
                    .collect(),
            });
        }
    }
    rows
}

fn targets(
    ctx: &Context,
    higher: &[DocId],
    carriers: &HashMap<DocId, Vec<usize>>,
) -> Vec<TargetRow> {
    let model = ctx.model;
    let mut rows = Vec::new();
    for &h in higher {
        let doc = model.document(h);
        let columns = carriers.get(&h).cloned().unwrap_or_default();
        for &o in &doc.obligations {
            let ob = model.obligation(o);
            for target in &ob.decl.targets {
                let higher_figure = FigureInfo::of_target(target);
                let observations = observations(ctx, doc.jurisdiction, target);
                rows.push(TargetRow {
                    anchor: anchor("o", ob.id()),
                    obligation: ob.id().to_string(),
                    document: doc.id().to_string(),
                    citation: ob.citation().to_string(),
                    title: ob.title().to_string(),
                    metric: target.metric.value.clone(),
                    metric_label: target
                        .label
                        .clone()
                        .unwrap_or_else(|| target.metric.value.clone()),
                    higher: higher_figure,
                    passes: match target.passes {
                        Passes::Floor => "floor",
                        Passes::Share => "share",
                        Passes::None => "none",
                    },
                    cells: columns
                        .iter()
                        .map(|&c| target_cell(ctx, &ctx.plans[c], o, target))
                        .collect(),
                    columns: columns.clone(),
                    observations,
                });
            }
        }
    }
    rows
}

fn target_cell(ctx: &Context, plan: &PlanView, o: OblId, target: &TargetDecl) -> TargetCell {
    let mut cell = TargetCell {
        owed: None,
        share: None,
        stated: None,
        verdict: TargetVerdict::NotOwed,
        detail: None,
    };
    if !matches!(plan.binding(o), Binding::Owed { .. }) {
        return cell;
    }
    let stated = plan
        .covering(o)
        .iter()
        .flat_map(|&p| ctx.provision_targets(p))
        .find(|t| t.metric.value == target.metric.value);
    cell.stated = stated.map(FigureInfo::of_target);
    let requirement = match figures::owed(ctx, plan.doc, o, target) {
        Owed::Nothing => {
            cell.verdict = TargetVerdict::NothingOwed;
            return cell;
        }
        Owed::Unapportionable(why) => {
            cell.verdict = TargetVerdict::Incomparable;
            cell.detail = Some(why.render(crate::i18n::Lang::En));
            return cell;
        }
        Owed::Figure(r) => r,
    };
    cell.owed = Some(FigureInfo {
        comparator: Some(match requirement.comparator {
            Comparator::About => Comparator::AtLeast,
            c => c,
        }),
        value: requirement.value,
        unit: requirement.unit.clone(),
        per_year: requirement.per_year,
        deadline: requirement.deadline,
        text: requirement.text.clone(),
    });
    cell.share = requirement.share.map(|s| (s.population, s.among));
    cell.verdict = if exemption_reason(ctx, plan, o).is_some() {
        TargetVerdict::Exempted
    } else if let Some(stated) = stated {
        let verdicts = figures::compare(&requirement, stated);
        match verdicts.into_iter().find(|v| *v != Verdict::Meets) {
            None => TargetVerdict::Meets,
            Some(Verdict::LowerFigure { .. }) => TargetVerdict::Lower,
            Some(Verdict::LaterDeadline { .. }) => TargetVerdict::Later,
            Some(Verdict::Incomparable(why)) => {
                cell.detail = Some(why.render(crate::i18n::Lang::En));
                TargetVerdict::Incomparable
            }
            Some(Verdict::Meets) => TargetVerdict::Meets,
        }
    } else if plan.covering(o).is_empty() {
        TargetVerdict::Omitted
    } else {
        TargetVerdict::Unstated
    };
    cell
}

/// Observations of the target's metric in the issuer's jurisdiction or
/// below it, with progress against the target's figure.
fn observations(
    ctx: &Context,
    issuer: Option<crate::model::JurId>,
    target: &TargetDecl,
) -> Vec<ObservationInfo> {
    let model = ctx.model;
    model
        .observations
        .iter()
        .filter(|obs| obs.decl.metric.value == target.metric.value)
        .filter_map(|obs| {
            let j = obs.jurisdiction?;
            let inside = match issuer {
                Some(i) => i == j || model.jurisdiction_descends(j, i),
                None => true,
            };
            let value: &Figure = obs.decl.value.as_ref()?;
            inside.then(|| ObservationInfo {
                jurisdiction: model.jurisdiction(j).display_name().to_string(),
                year: obs.decl.year,
                value: value.value,
                unit: value.unit.clone(),
                progress: target
                    .figure
                    .as_ref()
                    .filter(|f| f.value > 0.0 && f.unit == value.unit)
                    .map(|f| 100.0 * value.value / f.value),
                source: obs.decl.source.clone(),
            })
        })
        .collect()
}

fn findings(
    model: &Model,
    diagnostics: &[Diagnostic],
    row_of: &HashMap<OblId, String>,
) -> Vec<Finding> {
    diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let file = model.sources.get(d.primary.file);
            let (line, column) = file.line_col(d.primary.span.start);
            let obligation = d
                .obligation
                .as_ref()
                .and_then(|o| model.obligation_by_id(&o.id));
            // A finding about something missing points at the plan's
            // header, which tells a reader nothing: no excerpt then.
            let at_header = d.plan.as_ref().is_some_and(|p| {
                model.document_by_id(&p.id).is_some_and(|doc| {
                    let doc = model.document(doc);
                    doc.file == d.primary.file && doc.decl.header == d.primary.span
                })
            });
            Finding {
                anchor: format!("f-{i}"),
                code: d.code,
                severity: d.severity,
                message: d.message.clone(),
                help: d.help.clone(),
                location: format!("{}:{line}:{column}", file.name),
                plan: d.plan.as_ref().map(|p| p.id.clone()),
                obligation: d.obligation.as_ref().map(|o| o.id.clone()),
                item: d.item.as_ref().map(|i| (i.id.clone(), i.citation.clone())),
                text: d.text.clone(),
                row: obligation.and_then(|o| row_of.get(&o).cloned()),
                excerpt: if at_header {
                    Vec::new()
                } else {
                    excerpt(file, d.primary.span)
                },
                obligation_text: obligation.map(|o| {
                    let o = model.obligation(o);
                    [o.decl.title.as_deref(), o.decl.text.as_deref()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("：")
                }),
            }
        })
        .collect()
}

/// The lines of a span, with the non-blank line before it, at most
/// [`EXCERPT_LINES`] in all.
fn excerpt(file: &crate::source::SourceFile, span: crate::source::Span) -> Vec<ExcerptLine> {
    let (line, _) = file.line_col(span.start);
    let (end_line, _) = file.line_col(span.end);
    let first = line.saturating_sub(1).max(1);
    let last = end_line.max(line).min(line + EXCERPT_LINES - 1);
    (first..=last)
        .filter_map(|n| {
            let start = file.line_start(n - 1)?;
            let end = file.line_start(n).unwrap_or(file.text.len());
            let text = file
                .slice(crate::source::Span::new(start, end))
                .trim_end()
                .to_string();
            let marked = n >= line && n <= end_line.max(line);
            (marked || !text.trim().is_empty()).then_some(ExcerptLine {
                number: n,
                text,
                marked,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Options;
    use crate::syntax::value::Date;

    /// The fixture cascade of `tests/fixtures/report`: a city outline, a
    /// later notice (declared first here, to test the order of groups) and
    /// districts A and B.
    fn fixture() -> (crate::Outcome, Options) {
        let files = [
            (
                "places.plan",
                include_str!("../../tests/fixtures/report/rules/places.plan"),
            ),
            (
                "national.plan",
                include_str!("../../tests/fixtures/report/rules/national.plan"),
            ),
            (
                "later.plan",
                include_str!("../../tests/fixtures/report/rules/later.plan"),
            ),
            (
                "city.plan",
                include_str!("../../tests/fixtures/report/rules/city.plan"),
            ),
            (
                "strength.plan",
                include_str!("../../tests/fixtures/report/rules/strength.plan"),
            ),
            (
                "a.plan",
                include_str!("../../tests/fixtures/report/plans/a.plan"),
            ),
            (
                "b.plan",
                include_str!("../../tests/fixtures/report/plans/b.plan"),
            ),
        ];
        let options = Options {
            as_of: Date {
                year: 2026,
                month: 1,
                day: 1,
            },
        };
        let outcome = crate::check(files, crate::Selection::All, options);
        assert!(!outcome.input_errors, "{:?}", outcome.diagnostics);
        (outcome, options)
    }

    fn cell<'c>(c: &'c Coverage, obligation: &str, plan: &str) -> &'c Cell {
        let column = c
            .plans
            .iter()
            .position(|p| p.id == plan)
            .unwrap_or(usize::MAX);
        c.groups
            .iter()
            .find_map(|g| {
                let row = g.rows.iter().find(|r| r.obligation == obligation)?;
                (column < c.plans.len()).then(|| g.cell(row, column))
            })
            .unwrap_or_else(|| panic!("no cell {obligation} × {plan}"))
    }

    #[test]
    fn statuses_of_the_fixture() {
        let (outcome, options) = fixture();
        let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
        let c = build(&ctx, &outcome.diagnostics, &Headings::new());
        assert_eq!(cell(&c, "tc.1.1.1", "t.a").status, Status::Implemented);
        assert_eq!(cell(&c, "tc.1.1.1", "t.b").status, Status::Omitted);
        // A bullet with text of its own must be covered itself; a heading
        // without text is carried out in part through its clauses.
        assert_eq!(cell(&c, "tc.2.1.1", "t.a").status, Status::Omitted);
        assert_eq!(cell(&c, "tc.2.1.1/1", "t.a").status, Status::Implemented);
        assert_eq!(cell(&c, "tc.2.3.1", "t.a").status, Status::Partial);
        assert_eq!(cell(&c, "tc.2.3.1", "t.b").status, Status::Omitted);
        assert_eq!(cell(&c, "tc.2.3.1/2", "t.b").status, Status::Omitted);
        assert_eq!(cell(&c, "tc.2.1.2", "t.a").status, Status::Undercut);
        assert_eq!(cell(&c, "tc.2.2.1", "t.a").status, Status::NotApplicable);
        assert_eq!(cell(&c, "tc.3.1.1", "t.a").status, Status::NotOwed);
        let exempted = cell(&c, "tc.3.1.2", "t.a");
        assert_eq!(exempted.status, Status::Exempted);
        assert_eq!(exempted.reason.as_deref(), Some("由市里统一编制"));
        // The undercut cell links to the undercut finding.
        let undercut = cell(&c, "tc.2.1.2", "t.a");
        assert!(
            undercut
                .findings
                .iter()
                .any(|&i| c.findings[i].code == UNDERCUT_CODE)
        );
        // A's share of the training: 10000 × 50000 / 100000.
        let training = c
            .targets
            .iter()
            .find(|t| t.obligation == "tc.2.1.2")
            .expect("a target row");
        let a = training.cell(1);
        assert_eq!(a.verdict, TargetVerdict::Lower);
        assert_eq!(a.owed.as_ref().and_then(|f| f.value), Some(5000.0));
        assert_eq!(a.share, Some((50000, 100000)));
    }

    #[test]
    fn partial_findings_make_a_cell_partly_carried_out() {
        let (outcome, options) = fixture();
        let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
        let c = build(&ctx, &outcome.diagnostics, &Headings::new());
        // An item without the figure owed, and one that drops an element
        // and weakens the verb: both carried out, neither in full.
        assert_eq!(cell(&c, "tc.2.4.1", "t.a").status, Status::Partial);
        assert_eq!(cell(&c, "tc.2.4.2", "t.a").status, Status::Partial);
        assert_eq!(cell(&c, "tc.2.4.1", "t.b").status, Status::Omitted);
        // A document issued after the plan: advisory, outside the statuses.
        let later = cell(&c, "tl.1", "t.b");
        assert!(later.advisory && later.status == Status::Omitted);
        let a = &c.plans[1];
        assert_eq!(a.id, "t.a");
        assert_eq!((a.unstated, a.dropped, a.weakened), (1, 3, 1));
        let b = &c.plans[2];
        assert_eq!((b.advisory, b.binding, b.owed), (1, b.owed - 1, b.owed));
        // The later notice's rows come after the city's, though declared
        // before them in the run's files.
        let order: Vec<&str> = c.groups.iter().map(|g| g.document.as_str()).collect();
        let later = order.iter().position(|&d| d == "t.later");
        assert!(
            later.is_some_and(|l| order[..l].contains(&"t.city")),
            "{order:?}"
        );
        assert!(c.groups.iter().any(Group::advisory_only));
    }

    /// The light path of `check`'s summary counts what the whole model counts.
    #[test]
    fn summaries_are_those_of_the_whole_model() {
        let (outcome, options) = fixture();
        let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
        let c = build(&ctx, &outcome.diagnostics, &Headings::new());
        assert_eq!(summaries(&ctx, &outcome.diagnostics), c.plans);
        assert!(c.plans.iter().any(|p| p.partial > 0 && p.omitted > 0));
    }

    #[test]
    fn the_model_serializes() {
        let (outcome, options) = fixture();
        let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
        let c = build(&ctx, &outcome.diagnostics, &Headings::new());
        let json = serde_json::to_string(&c).unwrap_or_default();
        assert!(json.contains("\"status\":\"undercut\""), "{json}");
        assert!(json.contains("\"comparator\":\"about\""), "{json}");
    }

    #[test]
    fn anchors_are_unique_and_safe() {
        assert_eq!(anchor("o", "bj.3.1.3/2"), "o-bj.3.1.3-2f2");
        assert_ne!(anchor("o", "a/1"), anchor("o", "a_1"));
        assert_eq!(anchor("o", "x\"<"), "o-x-22-3c");
    }
}
