//! Stage 3, checks: the model → findings.
//!
//! [`Context`] works out, once per plan, which obligations bind it (owed,
//! advisory because the higher document came later, not applicable, or not
//! binding at all) and which of the plan's provisions cover each one: its
//! items through `implements`, its own obligations through `refines`, and
//! transitively whatever those refine. Each check is its own module, named
//! after the defect it finds, and reads only the context.
//!
//! Invariant: checks never read files or know a real place, document or
//! number; everything comes from the model.

pub mod figures;
pub mod registry;
pub mod strength;

mod contradictory_exemption;
mod dropped_element;
mod duplicate_plan;
mod exemption_without_reason;
mod expired_exemption;
mod incomparable_units;
mod missing_responsible_unit;
mod non_exemptible_obligation;
mod omitted_obligation;
mod roll_up;
mod superseded_basis;
mod text_figure_mismatch;
mod unapportionable_quantity;
mod undercut_target;
mod unstated_quantity;
mod unused_exemption;
mod weakened_commitment;

#[cfg(test)]
mod tests;

use foldhash::HashMap;

use std::sync::OnceLock;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::{Cite, Numbering, Text};
use crate::model::{DocId, ExId, Exemption, ItemId, Model, OblId};
use crate::source::{FileId, Span};
use crate::syntax::ast::{AttrValue, Binds, CompareOp, Condition, TargetDecl};
use crate::syntax::value::Date;

/// Settings of a check run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The date expiry is judged against.
    pub as_of: Date,
}

/// How an obligation stands towards one plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// The plan must carry it out; `advisory` when the higher document was
    /// issued after the plan (what a revision must add).
    Owed { advisory: bool },
    /// It binds the plan's rank, but its `applies_if` is false here.
    NotApplicable,
    /// It binds only the issuer, another rank, or another year.
    NotBound,
}

/// Something in a plan that carries out an obligation: an item, or one of
/// the plan's own obligations that refines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Provision {
    Item(ItemId),
    Obligation(OblId),
}

/// What one plan owes and what covers it.
#[derive(Debug, Clone)]
pub struct PlanView {
    pub doc: DocId,
    /// Its place in [`Context::plans`].
    slot: usize,
    /// Every obligation of every document the plan carries out, with its binding.
    pub bindings: Vec<(OblId, Binding)>,
    binding_of: HashMap<OblId, Binding>,
    /// The obligations the plan's provisions cover, directly or through
    /// refinement, sorted, each once for each provision that covers it;
    /// [`PlanView::covering`] reads them. Two flat vectors rather than a
    /// map of lists: one list per obligation and plan was a quarter of a
    /// million allocations on the national cascade.
    covered: Vec<OblId>,
    /// The provision of each entry of `covered`, in the plan's order
    /// (items, then its own obligations) within one obligation.
    covering: Vec<Provision>,
    /// Exemptions in force (not expired), by the obligation they name.
    pub exemptions_in_force: HashMap<OblId, ExId>,
}

impl PlanView {
    pub fn binding(&self, o: OblId) -> Binding {
        self.binding_of
            .get(&o)
            .copied()
            .unwrap_or(Binding::NotBound)
    }

    pub fn owed(&self) -> impl Iterator<Item = (OblId, bool)> + '_ {
        self.bindings.iter().filter_map(|&(o, b)| match b {
            Binding::Owed { advisory } => Some((o, advisory)),
            _ => None,
        })
    }

    /// The provisions that cover `o`, directly or through refinement, in
    /// the plan's order.
    pub fn covering(&self, o: OblId) -> &[Provision] {
        let start = self.covered.partition_point(|&c| c < o);
        let end = start + self.covered[start..].partition_point(|&c| c == o);
        &self.covering[start..end]
    }

    /// Every obligation the plan covers, ascending, with its provisions.
    pub fn covered(&self) -> impl Iterator<Item = (OblId, &[Provision])> + '_ {
        let mut start = 0;
        std::iter::from_fn(move || {
            let &o = self.covered.get(start)?;
            let end = start + self.covered[start..].partition_point(|&c| c == o);
            let provisions = &self.covering[start..end];
            start = end;
            Some((o, provisions))
        })
    }
}

/// The model, the options and one [`PlanView`] per plan.
pub struct Context<'m> {
    pub model: &'m Model,
    pub options: Options,
    pub plans: Vec<PlanView>,
    /// Who each shared figure is divided among.
    pub shares: figures::ShareIndex,
    /// The rules' strength lexicon (empty when they declare none).
    pub lexicon: strength::Lexicon,
    /// Each plan's stated targets compared with what it owes, worked out
    /// once for the checks that read them ([`Context::comparisons`]).
    comparisons: Vec<OnceLock<Vec<figures::Comparisons<'m>>>>,
    /// Where each plan's view is in `plans`.
    plan_slots: HashMap<DocId, usize>,
}

impl<'m> Context<'m> {
    pub fn new(model: &'m Model, options: Options, plans: impl IntoIterator<Item = DocId>) -> Self {
        let plans: Vec<DocId> = plans.into_iter().collect();
        let plans: Vec<PlanView> = plans
            .par_iter()
            .enumerate()
            .map(|(slot, &d)| plan_view(model, options, d, slot))
            .collect();
        let shares = figures::ShareIndex::new(model, &plans);
        let comparisons = plans.iter().map(|_| OnceLock::new()).collect();
        let plan_slots = plans.iter().map(|p| (p.doc, p.slot)).collect();
        Context {
            model,
            options,
            plans,
            shares,
            lexicon: strength::Lexicon::from_model(model),
            comparisons,
            plan_slots,
        }
    }

    /// Runs `find` on every checked plan, on every core, and appends what
    /// it finds in the order of the plans: the way of the checks that look
    /// at one plan at a time.
    pub fn each_plan(
        &self,
        out: &mut Vec<Diagnostic>,
        find: impl Fn(&PlanView, &mut Vec<Diagnostic>) + Sync,
    ) {
        let found: Vec<Vec<Diagnostic>> = self
            .plans
            .par_iter()
            .map(|plan| {
                let mut found = Vec::new();
                find(plan, &mut found);
                found
            })
            .collect();
        out.extend(found.into_iter().flatten());
    }

    /// Every stated target of the plan compared with what it owes
    /// ([`figures::comparisons`]), worked out on first use.
    pub fn comparisons(&self, plan: &PlanView) -> &[figures::Comparisons<'m>] {
        self.comparisons[plan.slot].get_or_init(|| figures::comparisons(self, plan))
    }

    /// Every exemption a checked plan declares, with the plan: where the
    /// five exemption checks start.
    pub fn exemptions(&self) -> impl Iterator<Item = (&PlanView, &'m Exemption)> + '_ {
        self.plans.iter().flat_map(move |plan| {
            self.model
                .document(plan.doc)
                .exemptions
                .iter()
                .map(move |&e| (plan, self.model.exemption(e)))
        })
    }

    /// The severity of a finding about an obligation: `base`, or `info`
    /// where the obligation is advisory for this plan.
    pub fn severity(&self, base: Severity, advisory: bool) -> Severity {
        if advisory { Severity::Info } else { base }
    }

    /// The severity of omitting `o`, and the commitment that set it: the
    /// `severity` written in the rules wins; otherwise the lexicon's
    /// `omitted` rule for the ask's strongest commitment (its text, and its
    /// title where it is a bullet, whose title is the source's own words);
    /// otherwise `error`.
    pub fn omission_severity(&self, o: OblId) -> (Severity, Option<strength::Commitment<'m>>) {
        let obligation = self.model.obligation(o);
        if let Some(severity) = obligation.decl.severity {
            return (severity, None);
        }
        let title = obligation
            .parent
            .is_none()
            .then_some(obligation.decl.title.as_deref())
            .flatten();
        let strongest = [obligation.decl.text.as_deref(), title]
            .into_iter()
            .flatten()
            .filter_map(|t| self.lexicon.strongest(t))
            .max_by_key(|c| c.rank);
        match strongest {
            Some(c) => match c.rank.and_then(|r| self.lexicon.omission_severity(r)) {
                Some(severity) if severity != Severity::Error => (severity, Some(c)),
                _ => (Severity::Error, None),
            },
            None => (Severity::Error, None),
        }
    }

    /// Whether a finding is about an obligation that is advisory for its plan.
    pub fn is_advisory(&self, d: &Diagnostic) -> bool {
        let (Some(plan), Some(obligation)) = (&d.plan, &d.obligation) else {
            return false;
        };
        let (Some(doc), Some(o)) = (
            self.model.document_by_id(&plan.id),
            self.model.obligation_by_id(&obligation.id),
        ) else {
            return false;
        };
        self.plan_slots
            .get(&doc)
            .is_some_and(|&slot| self.plans[slot].binding(o) == Binding::Owed { advisory: true })
    }

    /// Whether the obligation (and each bullet above it) applies to the
    /// jurisdiction. Without a jurisdiction everything applies.
    pub fn applies(&self, o: OblId, jurisdiction: Option<crate::model::JurId>) -> bool {
        applies(self.model, o, jurisdiction)
    }

    pub fn provision_label(&self, p: Provision, message: impl Into<Text>) -> Label {
        let (file, span) = self.provision_place(p);
        Label::new(file, span, message)
    }

    pub fn provision_place(&self, p: Provision) -> (FileId, Span) {
        match p {
            Provision::Item(i) => {
                let i = self.model.item(i);
                (i.file, i.decl.header)
            }
            Provision::Obligation(o) => {
                let o = self.model.obligation(o);
                (o.file, o.decl.header)
            }
        }
    }

    pub fn provision_id(&self, p: Provision) -> &str {
        match p {
            Provision::Item(i) => self.model.item(i).id(),
            Provision::Obligation(o) => self.model.obligation(o).id(),
        }
    }

    pub fn provision_text(&self, p: Provision) -> String {
        match p {
            Provision::Item(i) => self.model.item(i).searchable_text(),
            Provision::Obligation(o) => {
                let d = &self.model.obligation(o).decl;
                [d.title.as_deref(), d.text.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        }
    }

    pub fn provision_targets(&self, p: Provision) -> &'m [TargetDecl] {
        match p {
            Provision::Item(i) => &self.model.item(i).decl.targets,
            Provision::Obligation(o) => &self.model.obligation(o).decl.targets,
        }
    }

    /// A label at the obligation in its rules file.
    pub fn obligation_label(&self, o: OblId, message: impl Into<Text>) -> Label {
        let o = self.model.obligation(o);
        Label::new(o.file, o.decl.header, message)
    }

    /// A label at the plan's `document` header, for what is missing.
    pub fn plan_header(&self, plan: DocId, message: impl Into<Text>) -> Label {
        let d = self.model.document(plan);
        Label::new(d.file, d.decl.header, message)
    }

    /// An obligation as a message argument: id, citation and title.
    pub fn cite(&self, o: OblId) -> Cite {
        let o = self.model.obligation(o);
        Cite {
            id: o.id().to_string(),
            citation: o.citation().to_string(),
            title: o.title().to_string(),
            numbering: Numbering::Counted,
        }
    }

    /// A provision (an item, or a plan's own obligation) as a message
    /// argument.
    pub fn provision_cite(&self, p: Provision) -> crate::i18n::Provision {
        crate::i18n::Provision(match p {
            Provision::Item(i) => self.cite_item(i),
            Provision::Obligation(o) => Cite {
                numbering: Numbering::Numbered,
                ..self.cite(o)
            },
        })
    }

    /// An item as a message argument: id, citation and title.
    pub fn cite_item(&self, i: ItemId) -> Cite {
        let i = self.model.item(i);
        Cite {
            id: i.id().to_string(),
            citation: i.citation().to_string(),
            title: i.decl.title.clone().unwrap_or_default(),
            numbering: Numbering::Numbered,
        }
    }

    /// A finding about an obligation in a plan, with the structured refs filled in.
    pub fn finding(
        &self,
        code: &'static str,
        severity: Severity,
        message: impl Into<Text>,
        primary: Label,
        plan: DocId,
        o: Option<OblId>,
    ) -> Diagnostic {
        let mut d = Diagnostic::new(code, severity, message, primary);
        d.plan = Some(self.model.plan_ref(plan));
        d.obligation = o.map(|o| self.model.obligation_ref(o));
        d
    }
}

/// Runs every check on the given plans and returns the findings in the
/// stable order of [`sort`].
pub fn run(
    model: &Model,
    options: Options,
    plans: impl IntoIterator<Item = DocId>,
) -> Vec<Diagnostic> {
    let ctx = Context::new(model, options, plans);
    // The checks run on every core; their findings are joined in registry
    // order and sorted stably, so the output is the same on one core.
    let found: Vec<Vec<Diagnostic>> = registry::CHECKS
        .par_iter()
        .filter_map(|check| check.run)
        .map(|run| {
            let mut out = Vec::new();
            run(&ctx, &mut out);
            out
        })
        .collect();
    let mut out = found.concat();
    out.par_iter_mut()
        .for_each(|d| d.advisory = ctx.is_advisory(d));
    sort(&mut out);
    ctx.free();
    out
}

impl Context<'_> {
    /// Frees the plans' views and their comparisons on every core: freeing
    /// a national run's one by one took as long as some checks.
    fn free(self) {
        let Context {
            plans, comparisons, ..
        } = self;
        rayon::join(
            || plans.into_par_iter().for_each(drop),
            || comparisons.into_par_iter().for_each(drop),
        );
    }
}

/// Sorts diagnostics: those about a plan first, grouped by the plan's
/// file, then those about no single plan (roll-ups); within a group by
/// file, position, code and message.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_cached_key(|d| {
        (
            d.plan.is_none(),
            d.plan.as_ref().map(|p| p.file),
            d.primary.file,
            d.primary.span.start,
            d.code,
            d.message.clone(),
        )
    });
}

/// The `binds` an obligation has, inherited from the bullets above it.
pub fn effective_binds(model: &Model, o: OblId) -> Binds {
    std::iter::once(o)
        .chain(model.ancestors(o))
        .find_map(|x| model.obligation(x).decl.binds.clone())
        .unwrap_or(Binds::Lower)
}

pub(crate) fn applies(model: &Model, o: OblId, jurisdiction: Option<crate::model::JurId>) -> bool {
    let Some(j) = jurisdiction else { return true };
    let j = model.jurisdiction(j);
    std::iter::once(o).chain(model.ancestors(o)).all(|x| {
        match &model.obligation(x).decl.applies_if {
            None => true,
            Some(c) => condition_holds(&c.value, |name| j.attr(name)),
        }
    })
}

/// Evaluates a condition; an attribute the jurisdiction lacks makes it false.
pub fn condition_holds(condition: &Condition, attr: impl Fn(&str) -> Option<AttrValue>) -> bool {
    match condition {
        Condition::Truthy {
            attr: name,
            negated,
        } => {
            let truthy = match attr(name) {
                Some(AttrValue::Bool(b)) => b,
                Some(AttrValue::Number(n)) => n != 0.0,
                Some(AttrValue::Text(t)) => !t.is_empty(),
                None => false,
            };
            truthy != *negated
        }
        Condition::Compare {
            attr: name,
            op,
            value,
        } => {
            let Some(actual) = attr(name) else {
                return false;
            };
            let ordering = match (&actual, value) {
                (AttrValue::Number(a), AttrValue::Number(b)) => a.partial_cmp(b),
                (AttrValue::Bool(a), AttrValue::Bool(b)) => Some(a.cmp(b)),
                (AttrValue::Text(a), AttrValue::Text(b)) => Some(a.cmp(b)),
                _ => None,
            };
            let Some(ordering) = ordering else {
                return false;
            };
            use std::cmp::Ordering::*;
            match op {
                CompareOp::Eq => ordering == Equal,
                CompareOp::Ne => ordering != Equal,
                CompareOp::Ge => ordering != Less,
                CompareOp::Le => ordering != Greater,
                CompareOp::Gt => ordering == Greater,
                CompareOp::Lt => ordering == Less,
            }
        }
    }
}

fn plan_view(model: &Model, options: Options, doc: DocId, slot: usize) -> PlanView {
    let plan = model.document(doc);
    let plan_rank = plan.rank();
    let plan_period = plan.decl.period.as_ref().map(|p| p.value);
    let plan_issued = plan.decl.issued.as_ref().map(|d| d.value);
    let mut bindings = Vec::new();
    for &parent in &plan.parents {
        let higher = model.document(parent);
        let higher_period = higher.decl.period.as_ref().map(|p| p.value);
        let annual_mismatch = match higher_period {
            Some(p) if p.is_annual() => plan_period != Some(p),
            _ => false,
        };
        let advisory =
            matches!((plan_issued, higher.decl.issued.as_ref()), (Some(p), Some(h)) if h.value > p);
        for &o in &higher.obligations {
            let rank_bound = match effective_binds(model, o) {
                Binds::Issuer => false,
                Binds::Lower => match (plan_rank, higher.rank()) {
                    (Some(p), Some(h)) => p > h,
                    _ => true,
                },
                Binds::Ranks(ranks) => plan_rank.is_none_or(|r| ranks.contains(&r)),
            };
            let binding = if annual_mismatch || !rank_bound {
                Binding::NotBound
            } else if !applies(model, o, plan.jurisdiction) {
                Binding::NotApplicable
            } else {
                Binding::Owed { advisory }
            };
            bindings.push((o, binding));
        }
    }
    let mut binding_of = HashMap::with_capacity_and_hasher(bindings.len(), Default::default());
    for &(o, b) in &bindings {
        binding_of
            .entry(o)
            .and_modify(|existing: &mut Binding| {
                if let (Binding::Owed { advisory: a }, Binding::Owed { advisory: b2 }) =
                    (*existing, b)
                {
                    *existing = Binding::Owed { advisory: a && b2 };
                }
            })
            .or_insert(b);
    }
    let provisions = plan
        .items
        .iter()
        .map(|&i| (Provision::Item(i), model.item(i).implements.as_slice()))
        .chain(plan.obligations.iter().map(|&o| {
            (
                Provision::Obligation(o),
                model.obligation(o).refines.as_slice(),
            )
        }));
    let mut covered: Vec<(OblId, Provision)> = Vec::new();
    for (provision, links) in provisions {
        for &link in links {
            covered.extend(
                model
                    .refinement_closure(link)
                    .into_iter()
                    .map(|o| (o, provision)),
            );
        }
    }
    // Stable: within one obligation the provisions keep the plan's order,
    // and the entries of one provision stay together, so `dedup` leaves
    // each (obligation, provision) once.
    covered.sort_by_key(|&(o, _)| o);
    covered.dedup();
    let (covered, covering) = covered.into_iter().unzip();
    let mut exemptions_in_force = HashMap::default();
    for &e in &plan.exemptions {
        let exemption = model.exemption(e);
        let expired = exemption
            .decl
            .expires
            .as_ref()
            .is_some_and(|d| d.value < options.as_of);
        if let (Some(o), false) = (exemption.obligation, expired) {
            exemptions_in_force.entry(o).or_insert(e);
        }
    }
    PlanView {
        doc,
        slot,
        bindings,
        binding_of,
        covered,
        covering,
        exemptions_in_force,
    }
}
