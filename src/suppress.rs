//! Findings taken out of the verdict on purpose, by an inline `suppress`
//! statement in a plan or by a baseline, and why. They are counted and
//! shown as suppressed by the machine formats, never dropped silently.

use std::collections::HashMap;

use crate::check::registry;
use crate::diagnostic::{Diagnostic, Label};
use crate::i18n::{Id, Msg};
use crate::model::{DocId, Model};
use crate::source::FileId;
use crate::syntax::ast::SuppressionDecl;

/// What took a finding out of the verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// A `suppress` statement in the plan.
    Inline,
    /// An entry of the baseline file.
    Baseline,
}

impl SuppressionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::Inline => "inline",
            SuppressionKind::Baseline => "baseline",
        }
    }
}

/// How and why a finding was suppressed.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub reason: String,
    /// The `suppress` statement, for inline suppressions.
    pub at: Option<Label>,
}

/// A finding and what suppressed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    pub by: Suppression,
}

/// `unused-suppression`: a `suppress` statement that suppresses nothing.
pub use crate::codes::UNUSED_SUPPRESSION as UNUSED;

/// The findings of a run after the plans' `suppress` statements.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// The findings left, with an `unused-suppression` for each statement
    /// that suppressed nothing, sorted.
    pub kept: Vec<Diagnostic>,
    pub suppressed: Vec<Suppressed>,
}

/// What one `suppress` statement names.
struct Target<'a> {
    code: Option<&'a str>,
    obligation: Option<&'a str>,
}

/// Applies the `suppress` statements of the checked plans. A statement
/// naming a code takes that code's findings about the plan; one naming an
/// obligation takes the findings about it and about its clauses; one naming
/// both takes their intersection. Input errors are never suppressed.
pub fn apply(model: &Model, plans: &[DocId], diagnostics: Vec<Diagnostic>) -> Applied {
    let mut used: Vec<Vec<bool>> = plans
        .iter()
        .map(|&p| vec![false; model.document(p).suppressions.len()])
        .collect();
    let index = PlanIndex::new(model, plans);
    let mut applied = Applied::default();
    for d in diagnostics {
        let found = if registry::INPUT_CODES.iter().any(|c| c.code == d.code) {
            None
        } else {
            find(model, plans, &index, &d)
        };
        match found {
            Some((p, s)) => {
                used[p][s] = true;
                let doc = model.document(plans[p]);
                let decl = &doc.suppressions[s];
                applied.suppressed.push(Suppressed {
                    diagnostic: d,
                    by: Suppression {
                        kind: SuppressionKind::Inline,
                        reason: decl
                            .reason
                            .as_ref()
                            .map(|r| r.value.clone())
                            .unwrap_or_default(),
                        at: Some(Label::new(
                            doc.file,
                            decl.header,
                            Msg::LabelSuppressedHere {},
                        )),
                    },
                });
            }
            None => applied.kept.push(d),
        }
    }
    for (p, flags) in used.iter().enumerate() {
        let doc = model.document(plans[p]);
        for (s, _) in flags.iter().enumerate().filter(|(_, used)| !**used) {
            let decl = &doc.suppressions[s];
            if has_reason(decl) {
                applied.kept.push(unused(model, plans[p], decl));
            }
        }
    }
    crate::check::sort(&mut applied.kept);
    applied
}

/// A suppression without a reason is an input error (`missing-property`)
/// and suppresses nothing.
fn has_reason(decl: &SuppressionDecl) -> bool {
    decl.reason
        .as_ref()
        .is_some_and(|r| !r.value.trim().is_empty())
}

fn target<'a>(decl: &'a SuppressionDecl) -> Target<'a> {
    let words: Vec<&str> = decl.targets.iter().map(|t| t.value.as_str()).collect();
    let is_code = |w: &str| registry::lookup(w).is_some();
    match words.as_slice() {
        [one] if is_code(one) => Target {
            code: Some(one),
            obligation: None,
        },
        [one] => Target {
            code: None,
            obligation: Some(one),
        },
        [code, obligation, ..] => Target {
            code: Some(code),
            obligation: Some(obligation),
        },
        [] => Target {
            code: None,
            obligation: None,
        },
    }
}

/// Where each checked plan is in `plans`, by its id and by its file, so
/// that a finding is matched against its own plan's statements only.
struct PlanIndex<'m> {
    by_id: HashMap<&'m str, Vec<usize>>,
    by_file: HashMap<FileId, Vec<usize>>,
}

impl<'m> PlanIndex<'m> {
    fn new(model: &'m Model, plans: &[DocId]) -> Self {
        let mut index = PlanIndex {
            by_id: HashMap::with_capacity(plans.len()),
            by_file: HashMap::with_capacity(plans.len()),
        };
        for (p, &plan) in plans.iter().enumerate() {
            let doc = model.document(plan);
            index.by_id.entry(doc.id()).or_default().push(p);
            index.by_file.entry(doc.file).or_default().push(p);
        }
        index
    }

    /// The plans a finding is about, in the order of `plans`: the one it
    /// names, or those declared in its file.
    fn plans_of(&self, d: &Diagnostic) -> &[usize] {
        let found = match &d.plan {
            Some(r) => self.by_id.get(r.id.as_str()),
            None => self.by_file.get(&d.primary.file),
        };
        found.map_or(&[], Vec::as_slice)
    }
}

/// The first suppression (plan index, statement index) that takes `d`.
fn find(
    model: &Model,
    plans: &[DocId],
    index: &PlanIndex,
    d: &Diagnostic,
) -> Option<(usize, usize)> {
    index.plans_of(d).iter().find_map(|&p| {
        #[cfg(test)]
        tests::EXAMINED.with(|e| e.set(e.get() + 1));
        let doc = model.document(plans[p]);
        doc.suppressions
            .iter()
            .position(|decl| {
                if !has_reason(decl) {
                    return false;
                }
                let t = target(decl);
                if t.code.is_none() && t.obligation.is_none() {
                    return false;
                }
                let code_ok = t.code.is_none_or(|c| c == d.code);
                let obligation_ok = t.obligation.is_none_or(|o| {
                    d.obligation.as_ref().is_some_and(|r| {
                        r.id == o
                            || model.obligation_by_id(&r.id).is_some_and(|id| {
                                model.ancestors(id).any(|a| model.obligation(a).id() == o)
                            })
                    })
                });
                code_ok && obligation_ok
            })
            .map(|s| (p, s))
    })
}

fn unused(model: &Model, plan: DocId, decl: &SuppressionDecl) -> Diagnostic {
    let doc = model.document(plan);
    let t = target(decl);
    let named = decl
        .targets
        .iter()
        .map(|t| t.value.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let unknown = match (t.code, t.obligation) {
        (Some(c), _) if registry::INPUT_CODES.iter().any(|i| i.code == c) => {
            Some(Msg::HelpSuppressInputError { code: Id::new(c) })
        }
        (_, Some(o)) if model.obligation_by_id(o).is_none() => {
            let hint = crate::syntax::lower::did_you_mean(
                o,
                registry::all_codes()
                    .map(|c| c.code)
                    .chain(model.obligations.iter().map(|x| x.id())),
            );
            Some(match hint {
                Some(s) => Msg::HelpSuppressUnknownDidYouMean {
                    name: Id::new(o),
                    suggestion: Id::new(s),
                },
                None => Msg::HelpSuppressUnknown { name: Id::new(o) },
            })
        }
        _ => None,
    };
    let mut d = Diagnostic::new(
        UNUSED.code,
        UNUSED.severity,
        Msg::UnusedSuppression {
            named,
            plan: Id::new(doc.id()),
        },
        Label::new(doc.file, decl.header, Msg::LabelSuppressesNothing {}),
    );
    d.set_help(unknown.unwrap_or(Msg::HelpRemoveSuppression {}));
    d.plan = Some(model.plan_ref(plan));
    d
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    #[cfg(feature = "generate")]
    use crate::generate::{self, Rates};
    use crate::syntax::parse;

    thread_local! {
        /// How many plans `apply` looked at, over all findings.
        pub(super) static EXAMINED: Cell<usize> = const { Cell::new(0) };
    }

    /// Each finding is matched against its own plan's statements only: the
    /// work grows with the findings, not with findings × plans (once 24%
    /// of a national check).
    #[cfg(feature = "generate")]
    #[test]
    fn each_finding_looks_at_one_plan() {
        let cascade = generate::generate(&generate::Options {
            seed: 1,
            provinces: 1,
            rates: Rates {
                omission: 0.05,
                exemption: 0.0,
                undercut: 0.1,
                unstated: 0.1,
            },
        });
        let loaded = crate::model::load(cascade.files.into_iter().map(|f| (f.path, f.text)));
        let plans: Vec<_> = loaded.model.plans().collect();
        let as_of = crate::check::Options {
            as_of: crate::syntax::value::date(generate::AS_OF).expect("a valid date"),
        };
        let findings = crate::check::run(&loaded.model, as_of, plans.iter().copied());
        let count = findings.len();
        assert!(
            count > 100 && plans.len() > 100,
            "{count} findings, {} plans",
            plans.len()
        );
        EXAMINED.with(|e| e.set(0));
        let applied = super::apply(&loaded.model, &plans, findings);
        assert_eq!(applied.kept.len(), count);
        let examined = EXAMINED.with(|e| e.get());
        assert!(
            examined <= count,
            "{examined} plans looked at for {count} findings"
        );
    }

    #[test]
    fn the_statement_reads_one_or_two_names_and_a_reason() {
        let p = parse("document d {\n}\nsuppress undercut-target a.1 {\n  reason \"因为\"\n}\n");
        // Only the document's own missing properties.
        assert!(p.errors.iter().all(|e| e.span.end <= 10), "{:?}", p.errors);
        let s = &p.file.suppressions[0];
        let names: Vec<&str> = s.targets.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(names, ["undercut-target", "a.1"]);
        assert_eq!(s.reason.as_ref().map(|r| r.value.as_str()), Some("因为"));
    }

    #[test]
    fn malformed_statements_are_errors_not_panics() {
        for (text, code) in [
            (
                "document d {\n}\nsuppress {\n  reason \"x\"\n}\n",
                "syntax-error",
            ),
            (
                "document d {\n}\nsuppress a b c { reason \"x\" }\n",
                "syntax-error",
            ),
            (
                "document d {\n}\nsuppress a { reason \"x\"; reason \"y\" }\n",
                "duplicate-property",
            ),
            (
                "document d {\n}\nsuppress a { why \"x\" }\n",
                "unknown-keyword",
            ),
            (
                "document d {\n}\nsuppress \"a\" { reason \"x\" }\n",
                "invalid-value",
            ),
            ("suppress a { reason \"x\" }\n", "missing-document"),
        ] {
            let p = parse(text);
            assert!(
                p.errors.iter().any(|e| e.code == code),
                "{text:?}: expected {code}, got {:?}",
                p.errors
            );
        }
    }
}
