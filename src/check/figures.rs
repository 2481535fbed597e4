//! What figure an obligation's target asks of one plan, and whether a
//! stated figure meets it. Shared by the checks that compare figures.

use std::borrow::Cow;
use std::cmp::Ordering;

use foldhash::HashMap;

use crate::check::{Binding, Context, PlanView, Provision, applies};
use crate::i18n::{Id, Ids, Msg};
use crate::model::{DocId, JurId, Model, OblId};
use crate::syntax::ast::{Comparator, Passes, Rank, TargetDecl};

/// One target a plan states, with every requirement of the same metric
/// among the owed obligations its provision covers.
#[derive(Debug, Clone)]
pub struct Comparisons<'m> {
    pub plan: DocId,
    pub provision: Provision,
    pub stated: &'m TargetDecl,
    pub entries: Vec<Comparison>,
}

/// One requirement and how the stated target measures up to it.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub requirement: Requirement,
    pub advisory: bool,
    pub verdicts: Vec<Verdict>,
}

/// The owed obligations the plan's provisions cover, as `(provision,
/// obligation, advisory)` in the order of provisions, then obligations;
/// only the provisions `keep` accepts. One sorted vector rather than a
/// map of lists: this runs for every plan, twice.
pub fn covered_obligations(
    plan: &PlanView,
    keep: impl Fn(Provision) -> bool,
) -> Vec<(Provision, OblId, bool)> {
    let mut out = Vec::new();
    for (o, provisions) in plan.covered() {
        if let Binding::Owed { advisory } = plan.binding(o) {
            out.extend(
                provisions
                    .iter()
                    .filter(|&&p| keep(p))
                    .map(|&p| (p, o, advisory)),
            );
        }
    }
    out.sort_unstable();
    out
}

/// Every stated target of the plan compared with what it owes.
pub fn comparisons<'m>(ctx: &Context<'m>, plan: &PlanView) -> Vec<Comparisons<'m>> {
    let mut out = Vec::new();
    // Only provisions that state a target are compared.
    let covered = covered_obligations(plan, |p| !ctx.provision_targets(p).is_empty());
    for group in covered.chunk_by(|a, b| a.0 == b.0) {
        let provision = group[0].0;
        for stated in ctx.provision_targets(provision) {
            let mut entries = Vec::new();
            for &(_, o, advisory) in group {
                for target in &ctx.model.obligation(o).decl.targets {
                    if target.metric.value != stated.metric.value
                        || !same_milestone(ctx, plan, o, target, stated)
                    {
                        continue;
                    }
                    if let Owed::Figure(requirement) = owed(ctx, plan.doc, o, target) {
                        let verdicts = compare(&requirement, stated);
                        entries.push(Comparison {
                            requirement,
                            advisory,
                            verdicts,
                        });
                    }
                }
            }
            if !entries.is_empty() {
                out.push(Comparisons {
                    plan: plan.doc,
                    provision,
                    stated,
                    entries,
                });
            }
        }
    }
    out
}

/// Whether the plan's `stated` target is held to the owed milestone
/// `target` (same metric) of obligation `o`. A milestone is a (metric,
/// year): it is compared with the plan's figure for that year, among the
/// figures of the metric stated by every provision covering `o`. Without
/// a figure for that year, the plan's latest figure for an earlier year is
/// held to it (an earlier deadline is no weaker); without one either, its
/// earliest figure for a later year (a later deadline). Figures for other
/// years are not compared with it: 65.5% by 2025 is not held to a 66.6%
/// owed by 2030. A target without a year is compared with every one.
fn same_milestone(
    ctx: &Context,
    plan: &PlanView,
    o: OblId,
    target: &TargetDecl,
    stated: &TargetDecl,
) -> bool {
    let (Some(owed), Some(year)) = (&target.deadline, &stated.deadline) else {
        return true;
    };
    let (owed, year) = (owed.value, year.value);
    if year == owed {
        return true;
    }
    let years = plan
        .covering(o)
        .iter()
        .flat_map(|&p| ctx.provision_targets(p))
        .filter(|t| t.metric.value == target.metric.value)
        .filter_map(|t| t.deadline.as_ref().map(|d| d.value));
    let (mut earlier, mut later): (Option<i32>, Option<i32>) = (None, None);
    for y in years {
        if y == owed {
            return false;
        }
        if y < owed {
            earlier = earlier.max(Some(y));
        } else {
            later = Some(later.map_or(y, |l: i32| l.min(y)));
        }
    }
    Some(year) == earlier.or(later)
}

/// The figure one plan owes for one target of one obligation.
#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub obligation: OblId,
    pub metric: String,
    pub comparator: Comparator,
    /// The owed value: the higher figure, or the plan's share of it.
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub per_year: bool,
    pub deadline: Option<i32>,
    /// A qualitative target's text.
    pub text: Option<String>,
    /// For a population share: the higher total, the plan's population and
    /// the population it is shared among.
    pub share: Option<ShareBasis>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShareBasis {
    pub total: f64,
    pub population: u64,
    pub among: u64,
    pub jurisdictions: usize,
}

/// What a target asks of a plan.
#[derive(Debug, Clone, PartialEq)]
pub enum Owed {
    /// A figure (or a qualitative text, or a deadline) is owed.
    Figure(Requirement),
    /// Nothing passes down (`passes none`, or a share that rounds to zero).
    Nothing,
    /// A share is owed but cannot be computed: names what is missing.
    Unapportionable(Box<Msg>),
}

/// Works out what `target` of obligation `o` asks of `plan`.
pub fn owed(ctx: &Context, plan: DocId, o: OblId, target: &TargetDecl) -> Owed {
    if target.passes == Passes::None {
        return Owed::Nothing;
    }
    let mut requirement = Requirement {
        obligation: o,
        metric: target.metric.value.clone(),
        comparator: target
            .figure
            .as_ref()
            .map(|f| f.comparator)
            .unwrap_or(Comparator::AtLeast),
        value: target.figure.as_ref().map(|f| f.value),
        unit: target.figure.as_ref().and_then(|f| f.unit.clone()),
        per_year: target.per_year,
        deadline: target.deadline.as_ref().map(|d| d.value),
        text: target.text.clone(),
        share: None,
    };
    if target.passes == Passes::Share
        && let Some(total) = requirement.value
    {
        match share(ctx, plan, o, total) {
            Ok(basis) => {
                // Shown rounded up; compared exactly (`compare`).
                let owed = apportion(total, basis.population, basis.among);
                if owed <= 0.0 {
                    return Owed::Nothing;
                }
                requirement.value = Some(owed);
                requirement.share = Some(basis);
            }
            Err(missing) => return Owed::Unapportionable(missing),
        }
    }
    Owed::Figure(requirement)
}

/// ⌈total × population / among⌉, exact for whole numbers.
pub fn apportion(total: f64, population: u64, among: u64) -> f64 {
    if among == 0 {
        return 0.0;
    }
    if total.fract() == 0.0 && (0.0..1e18).contains(&total) {
        let numerator = total as u128 * population as u128;
        numerator.div_ceil(among as u128) as f64
    } else {
        (total * population as f64 / among as f64).ceil()
    }
}

/// The jurisdictions a shared figure is divided among: those of one rank
/// below the obligation's issuer to which the obligation applies, in id
/// order, with the population of those that state one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Siblings {
    pub members: Vec<JurId>,
    /// The population of the members that have one.
    pub among: u64,
    pub counted: usize,
    /// Members without a population.
    pub missing: Vec<JurId>,
    /// Whether the populations add up to more than a 64-bit count holds
    /// (`among` is then meaningless and no share is computed).
    pub overflow: bool,
}

/// [`Siblings`] per obligation and rank, worked out once per run for every
/// obligation a checked plan may owe a share of, so that neither a share
/// nor a roll-up walks every jurisdiction again.
#[derive(Debug, Default)]
pub struct ShareIndex {
    groups: HashMap<(OblId, Option<Rank>), Siblings>,
    below: Vec<Vec<JurId>>,
}

impl ShareIndex {
    pub fn new(model: &Model, plans: &[PlanView]) -> Self {
        let mut below = vec![Vec::new(); model.jurisdictions.len()];
        for (index, j) in model.jurisdictions.iter().enumerate() {
            if let Some(parent) = j.parent {
                below[parent.index()].push(JurId(index as u32));
            }
        }
        let mut index = ShareIndex {
            groups: HashMap::default(),
            below,
        };
        for plan in plans {
            let doc = model.document(plan.doc);
            let rank = doc.jurisdiction.and_then(|j| model.jurisdiction(j).rank());
            for &parent in &doc.parents {
                for &o in &model.document(parent).obligations {
                    let shared = model
                        .obligation(o)
                        .decl
                        .targets
                        .iter()
                        .any(|t| t.passes == Passes::Share);
                    if shared && !index.groups.contains_key(&(o, rank)) {
                        let siblings = index.compute(model, o, rank);
                        index.groups.insert((o, rank), siblings);
                    }
                }
            }
        }
        index
    }

    /// The siblings among which `o` is shared for plans of `rank`.
    pub fn siblings(&self, model: &Model, o: OblId, rank: Option<Rank>) -> Cow<'_, Siblings> {
        match self.groups.get(&(o, rank)) {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(self.compute(model, o, rank)),
        }
    }

    fn compute(&self, model: &Model, o: OblId, rank: Option<Rank>) -> Siblings {
        let mut siblings = Siblings::default();
        let issuer = model.document(model.obligation(o).document);
        let Some(issuer_j) = issuer.jurisdiction else {
            return siblings;
        };
        let mut seen = vec![false; model.jurisdictions.len()];
        let mut stack = self.below[issuer_j.index()].clone();
        while let Some(j) = stack.pop() {
            if std::mem::replace(&mut seen[j.index()], true) {
                continue;
            }
            stack.extend_from_slice(&self.below[j.index()]);
            if model.jurisdiction(j).rank() == rank && applies(model, o, Some(j)) {
                siblings.members.push(j);
            }
        }
        siblings.members.sort();
        for &j in &siblings.members {
            match model.jurisdiction(j).decl.population {
                Some(p) => {
                    match siblings.among.checked_add(p) {
                        Some(sum) => siblings.among = sum,
                        None => siblings.overflow = true,
                    }
                    siblings.counted += 1;
                }
                None => siblings.missing.push(j),
            }
        }
        siblings
    }
}

/// The population basis of a share: the plan's jurisdiction among the
/// jurisdictions of its rank below the obligation's issuer, where the
/// obligation applies.
fn share(ctx: &Context, plan: DocId, o: OblId, total: f64) -> Result<ShareBasis, Box<Msg>> {
    let model = ctx.model;
    let plan_doc = model.document(plan);
    let Some(plan_j) = plan_doc.jurisdiction else {
        return Err(Box::new(Msg::WhyPlanNoJurisdiction {
            plan: Id::new(plan_doc.id()),
        }));
    };
    let issuer = model.document(model.obligation(o).document);
    let Some(issuer_j) = issuer.jurisdiction else {
        return Err(Box::new(Msg::WhyDocumentNoJurisdiction {
            document: Id::new(issuer.id()),
        }));
    };
    let rank = model.jurisdiction(plan_j).rank();
    let siblings = ctx.shares.siblings(model, o, rank);
    let Some(population) = model.jurisdiction(plan_j).decl.population else {
        return Err(Box::new(Msg::WhyNoPopulation {
            jurisdiction: Id::new(model.jurisdiction(plan_j).id()),
        }));
    };
    if !siblings.missing.is_empty() {
        let missing: Vec<String> = siblings
            .missing
            .iter()
            .map(|&j| model.jurisdiction(j).id().to_string())
            .collect();
        return Err(Box::new(Msg::WhyNoPopulationFor {
            jurisdictions: Ids(missing),
        }));
    }
    if siblings.overflow {
        return Err(Box::new(Msg::WhyPopulationsOverflow {
            count: siblings.counted,
            max: u64::MAX.to_string(),
        }));
    }
    if siblings.among == 0 {
        return Err(Box::new(Msg::WhyNobodyToShare {}));
    }
    if !model.jurisdiction_descends(plan_j, issuer_j) {
        return Err(Box::new(Msg::WhyNotBelow {
            jurisdiction: Id::new(model.jurisdiction(plan_j).id()),
            issuer: Id::new(model.jurisdiction(issuer_j).id()),
        }));
    }
    Ok(ShareBasis {
        total,
        population,
        among: siblings.among,
        jurisdictions: siblings.counted,
    })
}

/// How a stated target measures up to a requirement.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Meets,
    /// The figure is weaker: lower, or higher for a ceiling.
    LowerFigure {
        expected: f64,
        actual: f64,
    },
    /// The deadline is later.
    LaterDeadline {
        expected: i32,
        actual: i32,
    },
    /// Units, or yearly against total, cannot be compared.
    Incomparable(Box<Msg>),
}

/// Compares a stated target with a requirement of the same metric. The
/// deadline is judged after the figure.
pub fn compare(requirement: &Requirement, stated: &TargetDecl) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    if let (Some(expected), Some(figure)) = (requirement.value, stated.figure.as_ref()) {
        let units_differ = match (&requirement.unit, &figure.unit) {
            (Some(a), Some(b)) => a != b,
            _ => false,
        };
        if units_differ {
            verdicts.push(Verdict::Incomparable(Box::new(Msg::WhyOtherUnit {
                metric: Id::new(requirement.metric.as_str()),
                unit: figure.unit.clone().unwrap_or_default(),
                owed: requirement.unit.clone().unwrap_or_default(),
            })));
        } else if requirement.per_year != stated.per_year {
            let metric = Id::new(requirement.metric.as_str());
            verdicts.push(Verdict::Incomparable(Box::new(if stated.per_year {
                Msg::WhyYearlyAgainstTotal { metric }
            } else {
                Msg::WhyTotalAgainstYearly { metric }
            })));
        } else if !match requirement
            .share
            .as_ref()
            .and_then(|b| cmp_share(figure.value, b))
        {
            Some(order) => meets_share(requirement.comparator, order, figure.comparator),
            // A figure too precise for the exact comparison (more than
            // 38 digits in all) is held to the share rounded up.
            None => meets(
                requirement.comparator,
                expected,
                figure.comparator,
                figure.value,
            ),
        } {
            verdicts.push(Verdict::LowerFigure {
                expected,
                actual: figure.value,
            });
        }
    }
    if let (Some(expected), Some(actual)) = (requirement.deadline, stated.deadline.as_ref())
        && actual.value > expected
    {
        verdicts.push(Verdict::LaterDeadline {
            expected,
            actual: actual.value,
        });
    }
    if verdicts.is_empty() {
        verdicts.push(Verdict::Meets);
    }
    verdicts
}

/// Whether a stated figure meets an exact share, given how the figure
/// compares with it: `at_least` is met by a figure ≥ the share, `more_than`
/// by a figure > it (or a `more_than` figure ≥ it), a ceiling by a figure
/// ≤ it.
fn meets_share(owed: Comparator, order: Ordering, stated: Comparator) -> bool {
    if owed.is_ceiling() {
        return order != Ordering::Greater;
    }
    if owed == Comparator::MoreThan && stated != Comparator::MoreThan {
        return order == Ordering::Greater;
    }
    order != Ordering::Less
}

/// How `actual` compares with the exact share total × population / among,
/// in whole numbers: `None` when a figure has too many digits to compare
/// exactly (the products are checked, never wrapped).
pub fn cmp_share(actual: f64, basis: &ShareBasis) -> Option<Ordering> {
    let (a, a_scale) = decimal(actual)?;
    let (t, t_scale) = decimal(basis.total)?;
    // actual / 10^a_scale  vs  t × population / (10^t_scale × among)
    let lhs = a
        .checked_mul(10u128.checked_pow(t_scale)?)?
        .checked_mul(u128::from(basis.among))?;
    let rhs = t
        .checked_mul(u128::from(basis.population))?
        .checked_mul(10u128.checked_pow(a_scale)?)?;
    Some(lhs.cmp(&rhs))
}

/// A figure as an exact decimal `digits / 10^scale`, from the shortest
/// text that reads back as the same `f64`: the figure as the plan wrote it
/// (`27.5` → (275, 1)).
fn decimal(value: f64) -> Option<(u128, u32)> {
    if !value.is_finite() || value < 0.0 {
        return None;
    }
    // `Display` of an f64 never uses an exponent.
    let text = value.to_string();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let digits: u128 = format!("{whole}{fraction}").parse().ok()?;
    Some((digits, u32::try_from(fraction.len()).ok()?))
}

fn meets(owed: Comparator, expected: f64, stated: Comparator, actual: f64) -> bool {
    if owed.is_ceiling() {
        return actual <= expected;
    }
    if owed == Comparator::MoreThan && stated != Comparator::MoreThan {
        return actual > expected;
    }
    actual >= expected
}

/// Formats a figure for a message: `15159 人次 a year`, `28%`.
pub fn format_figure(value: f64, unit: Option<&str>, per_year: bool) -> String {
    let number = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value}")
    };
    let unit = match unit {
        Some("%") => "%".to_string(),
        Some(u) => format!(" {u}"),
        None => String::new(),
    };
    format!("{number}{unit}{}", if per_year { " a year" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportioning_rounds_up_exactly() {
        assert_eq!(apportion(300_000.0, 1_106_214, 21_893_095), 15_159.0);
        assert_eq!(apportion(100.0, 1, 4), 25.0);
        assert_eq!(apportion(100.0, 1, 3), 34.0);
        assert_eq!(apportion(5.0, 1, 0), 0.0);
    }

    #[test]
    fn shares_compare_exactly() {
        // 100 × 1 / 3 = 33.33…: shown as 34, met by 34 and, for
        // `more_than`, exceeded by 34 too (not only by 35).
        let basis = ShareBasis {
            total: 100.0,
            population: 1,
            among: 3,
            jurisdictions: 3,
        };
        assert_eq!(cmp_share(34.0, &basis), Some(Ordering::Greater));
        assert_eq!(cmp_share(33.0, &basis), Some(Ordering::Less));
        assert_eq!(cmp_share(33.4, &basis), Some(Ordering::Greater));
        assert_eq!(cmp_share(33.3, &basis), Some(Ordering::Less));
        assert!(meets_share(
            Comparator::MoreThan,
            Ordering::Greater,
            Comparator::AtLeast
        ));
        assert!(!meets_share(
            Comparator::MoreThan,
            Ordering::Equal,
            Comparator::AtLeast
        ));
        assert!(meets_share(
            Comparator::AtLeast,
            Ordering::Equal,
            Comparator::AtLeast
        ));
        // An exact share: 100 × 1 / 4 = 25.
        let quarter = ShareBasis { among: 4, ..basis };
        assert_eq!(cmp_share(25.0, &quarter), Some(Ordering::Equal));
        // Decimal totals: 27.5% × 2 / 5 = 11%.
        let percent = ShareBasis {
            total: 27.5,
            population: 2,
            among: 5,
            jurisdictions: 2,
        };
        assert_eq!(cmp_share(11.0, &percent), Some(Ordering::Equal));
        assert_eq!(decimal(0.1), Some((1, 1)));
        assert_eq!(decimal(1e15), Some((1_000_000_000_000_000, 0)));
    }

    #[test]
    fn comparators() {
        assert!(meets(Comparator::About, 28.0, Comparator::AtLeast, 30.0));
        assert!(!meets(Comparator::About, 28.0, Comparator::AtLeast, 27.0));
        assert!(!meets(
            Comparator::MoreThan,
            15.0,
            Comparator::AtLeast,
            15.0
        ));
        assert!(meets(
            Comparator::MoreThan,
            15.0,
            Comparator::MoreThan,
            15.0
        ));
        assert!(meets(Comparator::AtMost, 10.0, Comparator::AtMost, 8.0));
        assert!(!meets(Comparator::AtMost, 10.0, Comparator::AtMost, 12.0));
    }
}
