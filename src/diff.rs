//! What a revision of a plan changes in compliance: the findings it
//! introduces and resolves, the obligations it newly implements or no
//! longer implements, and the targets it raises or lowers.
//!
//! Two checked runs are compared, the old revision's and the new one's.
//! Findings are matched on their identity ([`crate::identity`]), never on
//! lines, so a revision that only moves text changes nothing; obligations
//! by id, per plan; targets by plan, item and metric.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::Outcome;
use crate::check::figures::format_figure;
use crate::check::{Binding, Context, Options};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::catalogue::DiffStatus;
use crate::i18n::{Id, Lang, Msg};
use crate::identity::Identity;
use crate::report::Place;
use crate::source::SourceMap;
use crate::status::Answer;

/// A finding as a diff shows it: self-contained, from either revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    #[serde(flatten)]
    pub identity: Identity,
    pub severity: Severity,
    pub message: String,
    /// `file:line:col`, in the revision it comes from.
    pub location: String,
}

/// An obligation whose status changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObligationChange {
    pub plan: String,
    pub obligation: String,
    /// `None`: not owed in that revision (the plan or its binding changed).
    pub old: Option<Answer>,
    pub new: Option<Answer>,
}

/// A target whose figure changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetChange {
    pub plan: String,
    pub item: String,
    pub metric: String,
    pub old: String,
    pub new: String,
    #[serde(skip)]
    old_value: f64,
    #[serde(skip)]
    new_value: f64,
}

/// The changes between two revisions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    pub introduced: Vec<Finding>,
    pub resolved: Vec<Finding>,
    pub newly_implemented: Vec<ObligationChange>,
    pub no_longer_implemented: Vec<ObligationChange>,
    pub raised: Vec<TargetChange>,
    pub lowered: Vec<TargetChange>,
}

impl Diff {
    /// Whether the revision changes nothing that planlint sees.
    pub fn is_empty(&self) -> bool {
        self.introduced.is_empty()
            && self.resolved.is_empty()
            && self.newly_implemented.is_empty()
            && self.no_longer_implemented.is_empty()
            && self.raised.is_empty()
            && self.lowered.is_empty()
    }
}

/// A figure as it stands in one revision.
#[derive(Debug, Clone)]
struct Figure {
    text: String,
    value: f64,
}

/// What one revision says, for comparing.
struct State {
    findings: Vec<Finding>,
    status: BTreeMap<(String, String), Answer>,
    targets: BTreeMap<(String, String, String), Figure>,
}

/// Compares two checked runs. `old_findings` and `new_findings` are the
/// findings of each after severities are applied (the caller's policy).
pub fn diff(
    old: &Outcome,
    old_findings: &[Diagnostic],
    new: &Outcome,
    new_findings: &[Diagnostic],
    options: Options,
) -> Diff {
    let old = state(old, old_findings, options);
    let new = state(new, new_findings, options);
    let mut d = Diff {
        introduced: unmatched(&new.findings, &old.findings),
        resolved: unmatched(&old.findings, &new.findings),
        ..Diff::default()
    };
    let keys: BTreeSet<&(String, String)> = old.status.keys().chain(new.status.keys()).collect();
    for key in keys {
        let (o, n) = (old.status.get(key).copied(), new.status.get(key).copied());
        let change = || ObligationChange {
            plan: key.0.clone(),
            obligation: key.1.clone(),
            old: o,
            new: n,
        };
        let was = o == Some(Answer::Implemented);
        let is = n == Some(Answer::Implemented);
        if is && !was {
            d.newly_implemented.push(change());
        } else if was && !is {
            d.no_longer_implemented.push(change());
        }
    }
    for (key, o) in &old.targets {
        let Some(n) = new.targets.get(key) else {
            continue;
        };
        if n.value == o.value {
            continue;
        }
        let change = TargetChange {
            plan: key.0.clone(),
            item: key.1.clone(),
            metric: key.2.clone(),
            old: o.text.clone(),
            new: n.text.clone(),
            old_value: o.value,
            new_value: n.value,
        };
        if change.new_value > change.old_value {
            d.raised.push(change);
        } else {
            d.lowered.push(change);
        }
    }
    d
}

/// The findings of `a` that `b` does not have, matching identities as a
/// multiset.
fn unmatched(a: &[Finding], b: &[Finding]) -> Vec<Finding> {
    let mut left: BTreeMap<&Identity, usize> = BTreeMap::new();
    for f in b {
        *left.entry(&f.identity).or_default() += 1;
    }
    a.iter()
        .filter(|f| match left.get_mut(&f.identity) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

fn state(outcome: &Outcome, findings: &[Diagnostic], options: Options) -> State {
    let model = &outcome.model;
    let findings = findings
        .iter()
        .map(|d| finding(d, &model.sources))
        .collect();
    let ctx = Context::new(model, options, outcome.plans.iter().copied());
    let mut status = BTreeMap::new();
    let mut targets = BTreeMap::new();
    for view in &ctx.plans {
        let plan = model.document(view.doc);
        for &(o, binding) in &view.bindings {
            if !matches!(binding, Binding::Owed { .. }) {
                continue;
            }
            let s = if !view.covering(o).is_empty() {
                Answer::Implemented
            } else if view.exemptions_in_force.contains_key(&o) {
                Answer::Exempted
            } else {
                Answer::Open
            };
            status.insert(
                (plan.id().to_string(), model.obligation(o).id().to_string()),
                s,
            );
        }
        for &i in &plan.items {
            let item = model.item(i);
            for t in &item.decl.targets {
                let Some(f) = &t.figure else { continue };
                let text = format!(
                    "{} {}",
                    f.comparator.as_str(),
                    format_figure(f.value, f.unit.as_deref(), t.per_year)
                );
                targets.insert(
                    (
                        plan.id().to_string(),
                        item.id().to_string(),
                        t.metric.value.clone(),
                    ),
                    Figure {
                        text,
                        value: f.value,
                    },
                );
            }
        }
    }
    State {
        findings,
        status,
        targets,
    }
}

fn finding(d: &Diagnostic, sources: &SourceMap) -> Finding {
    let place = Place::of(sources, d.primary.file, d.primary.span);
    Finding {
        identity: Identity::of(d, sources),
        severity: d.severity,
        message: d.message.clone(),
        location: format!("{}:{}:{}", place.file, place.line, place.column),
    }
}

/// The diff as text in `lang`, one section per kind of change, empty ones
/// left out.
pub fn render(diff: &Diff, old_name: &str, new_name: &str, lang: Lang) -> String {
    let mut out = format!("planlint diff {old_name} → {new_name}\n");
    if diff.is_empty() {
        out.push_str(&format!("\n{}\n", Msg::DiffNoChange {}.render(lang)));
        return out;
    }
    let mut section = |title: Msg, lines: Vec<String>| {
        if lines.is_empty() {
            return;
        }
        let head = Msg::DiffSection {
            title: Box::new(title),
            count: lines.len(),
        };
        out.push_str(&format!("\n{}\n", head.render(lang)));
        for l in lines {
            out.push_str(&format!("  {l}\n"));
        }
    };
    let finding_line = |f: &Finding| {
        format!(
            "{}: {} {} {}",
            f.location,
            f.severity.as_str(),
            f.identity.code,
            f.message
        )
    };
    section(
        Msg::DiffIntroduced {},
        diff.introduced.iter().map(finding_line).collect(),
    );
    section(
        Msg::DiffResolved {},
        diff.resolved.iter().map(finding_line).collect(),
    );
    section(
        Msg::DiffNoLongerImplemented {},
        diff.no_longer_implemented
            .iter()
            .map(|c| {
                Msg::DiffNow {
                    obligation: Id::new(&c.obligation),
                    plan: Id::new(&c.plan),
                    status: DiffStatus(c.new),
                }
                .render(lang)
            })
            .collect(),
    );
    section(
        Msg::DiffNewlyImplemented {},
        diff.newly_implemented
            .iter()
            .map(|c| {
                Msg::DiffWas {
                    obligation: Id::new(&c.obligation),
                    plan: Id::new(&c.plan),
                    status: DiffStatus(c.old),
                }
                .render(lang)
            })
            .collect(),
    );
    let target_line = |t: &TargetChange| {
        Msg::DiffTarget {
            metric: Id::new(&t.metric),
            item: Id::new(&t.item),
            plan: Id::new(&t.plan),
            old: t.old.to_string(),
            new: t.new.to_string(),
        }
        .render(lang)
    };
    section(
        Msg::DiffLowered {},
        diff.lowered.iter().map(target_line).collect(),
    );
    section(
        Msg::DiffRaised {},
        diff.raised.iter().map(target_line).collect(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(code: &str, about: &str) -> Finding {
        Finding {
            identity: Identity {
                plan: Some("p".into()),
                code: code.into(),
                about: about.into(),
                item: None,
                metric: None,
            },
            severity: Severity::Error,
            message: String::new(),
            location: String::new(),
        }
    }

    #[test]
    fn findings_are_matched_as_a_multiset() {
        let old = [f("a", "x"), f("a", "x"), f("b", "y")];
        let new = [f("a", "x"), f("c", "z")];
        assert_eq!(unmatched(&new, &old), vec![f("c", "z")]);
        assert_eq!(unmatched(&old, &new), vec![f("a", "x"), f("b", "y")]);
    }

    #[test]
    fn an_empty_diff_says_so() {
        assert!(
            render(&Diff::default(), "a", "b", Lang::En).ends_with("no change in compliance\n")
        );
        assert!(render(&Diff::default(), "a", "b", Lang::Zh).ends_with("落实情况没有变化\n"));
    }
}
