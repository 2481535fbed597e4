//! A plan's counts and its verdict: the one definition that the report's
//! verdict box, its summary table and the 对照表, `check`'s JSON summary and
//! the editor's hover share (`docs/report.md` defines every count).

use std::collections::HashMap;

use serde::Serialize;

use crate::check::Context;
use crate::coverage::{DROPPED_CODE, UNSTATED_CODE, WEAKENED_CODE};
use crate::diagnostic::{Counts, Diagnostic, Severity};
use crate::i18n::Msg;
use crate::status::Status;

/// A plan's counts: the one definition that the report's verdict, its
/// summary table, the 对照表 and the exports share (`docs/report.md`
/// defines them). A count is of cells (one obligation of a higher document
/// in one plan; a bullet and each of its clauses count once each) unless
/// it says findings.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlanSummary {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<String>,
    pub carries_out: Vec<String>,
    /// Every obligation the plan owes: `binding + advisory`.
    pub owed: usize,
    /// Owed obligations of a higher document issued after the plan: what a
    /// revision must add. They count here only, in none of the statuses.
    pub advisory: usize,
    /// Owed obligations of a higher document issued before the plan:
    /// `implemented + partial + undercut + exempted + omitted`.
    pub binding: usize,
    /// Binding cells carried out in full.
    pub implemented: usize,
    /// Binding cells carried out in part: a heading some of whose clauses
    /// are omitted, or items that drop an element, state no figure for a
    /// quantity or promise less firmly than asked ([`PARTIAL_CODES`](crate::coverage::PARTIAL_CODES)).
    pub partial: usize,
    pub exempted: usize,
    pub omitted: usize,
    /// Of the omitted cells, those whose omission is an error: 须补充.
    pub must_add: usize,
    pub undercut: usize,
    /// Cells that bind the plan's rank but whose condition is false; not owed.
    pub not_applicable: usize,
    /// Binding cells with an `unstated-quantity` finding.
    pub unstated: usize,
    /// `dropped-element` findings in binding cells (one per element left out).
    pub dropped: usize,
    /// `weakened-commitment` findings in binding cells.
    pub weakened: usize,
    /// (implemented + exempted) ÷ binding, in percent; none when nothing binds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compliance: Option<f64>,
    /// The plan's findings of every kind, by severity.
    pub findings: Counts,
}

impl PlanSummary {
    /// The verdict at the top of the report, built from the counts above.
    pub fn verdict(&self) -> Msg {
        Msg::ReportVerdict {
            binding: self.binding,
            implemented: self.implemented,
            partial: self.partial,
            undercut: self.undercut,
            exempted: self.exempted,
            omitted: self.omitted,
            must_add: self.must_add,
            unstated: self.unstated,
            dropped: self.dropped,
            weakened: self.weakened,
        }
    }

    /// The advisory count as a sentence, when there is any.
    pub fn advisory_verdict(&self) -> Option<Msg> {
        (self.advisory > 0).then_some(Msg::ReportVerdictAdvisory {
            advisory: self.advisory,
        })
    }
}

/// Every plan's counts, added up cell by cell ([`Tally::cell`]) and then
/// over the findings ([`Tally::finish`]): the one place each count is
/// computed, whether the cells come from the whole model or from
/// [`super::summaries`].
pub(super) struct Tally<'d> {
    out: Vec<PlanSummary>,
    diagnostics: &'d [Diagnostic],
}

impl<'d> Tally<'d> {
    pub(super) fn new(ctx: &Context, diagnostics: &'d [Diagnostic]) -> Tally<'d> {
        let model = ctx.model;
        let out = ctx
            .plans
            .iter()
            .map(|plan| {
                let doc = model.document(plan.doc);
                PlanSummary {
                    id: doc.id().to_string(),
                    title: doc.decl.title.clone().unwrap_or_default(),
                    jurisdiction: super::jurisdiction_name(model, plan.doc),
                    carries_out: super::carried_out_ids(model, plan.doc),
                    ..PlanSummary::default()
                }
            })
            .collect();
        Tally { out, diagnostics }
    }

    /// Counts one cell of plan `column`: its row's omission `severity`,
    /// its status, whether it is advisory, and its findings (indices into
    /// the diagnostics).
    pub(super) fn cell(
        &mut self,
        column: usize,
        severity: Severity,
        status: Status,
        advisory: bool,
        findings: &[usize],
    ) {
        let s = &mut self.out[column];
        if status == Status::NotApplicable {
            s.not_applicable += 1;
        }
        if !status.is_owed() {
            return;
        }
        s.owed += 1;
        if advisory {
            s.advisory += 1;
            return;
        }
        s.binding += 1;
        match status {
            Status::Implemented => s.implemented += 1,
            Status::Partial => s.partial += 1,
            Status::Exempted => s.exempted += 1,
            Status::Omitted => {
                s.omitted += 1;
                s.must_add += usize::from(severity == Severity::Error);
            }
            Status::Undercut => s.undercut += 1,
            Status::NotApplicable | Status::NotOwed => {}
        }
        let diagnostics = self.diagnostics;
        let codes = || {
            findings
                .iter()
                .filter_map(|&i| diagnostics.get(i))
                .map(|d| d.code)
        };
        s.unstated += usize::from(codes().any(|c| c == UNSTATED_CODE));
        s.dropped += codes().filter(|&c| c == DROPPED_CODE).count();
        s.weakened += codes().filter(|&c| c == WEAKENED_CODE).count();
    }

    /// The plans' findings by severity, and the compliance.
    pub(super) fn finish(self) -> Vec<PlanSummary> {
        let Tally {
            mut out,
            diagnostics,
        } = self;
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        for (column, s) in out.iter().enumerate() {
            by_id.entry(s.id.clone()).or_default().push(column);
        }
        for d in diagnostics {
            let Some(columns) = d.plan.as_ref().and_then(|p| by_id.get(&p.id)) else {
                continue;
            };
            for &column in columns {
                let counts = &mut out[column].findings;
                match d.severity {
                    Severity::Error => counts.errors += 1,
                    Severity::Warning => counts.warnings += 1,
                    Severity::Info => counts.infos += 1,
                }
            }
        }
        for s in &mut out {
            s.compliance = (s.binding > 0)
                .then(|| 100.0 * (s.implemented + s.exempted) as f64 / s.binding as f64);
        }
        out
    }
}
