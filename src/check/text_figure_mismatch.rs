//! `text-figure-mismatch`: an item's `target` says one figure and the
//! item's own text another, or the text has no figure for it at all.
//!
//! - **What it checks**: for each item of a checked plan with a `text`, each
//!   target with a figure is looked for among the figures the text states
//!   (read with the library's one reader of Chinese figures,
//!   `text::figures`): a text figure in the same unit with the same value
//!   agrees; one in the same unit with another value, or with another
//!   comparator where the text states one, disagrees; no text figure in the
//!   unit means the target has no trace in the text.
//! - **Why it matters**: the target is what planlint compares with the
//!   higher plan, the text is what the plan's readers promise: when they
//!   differ, one of them is wrong, and a check of the target says nothing
//!   of the text.
//! - **How to fix**: make the target say what the text says (or correct the
//!   text).
//!
//! The reader's default comparator is "at least" (an Arabic count with no
//! word, `工作室8000个`), so an "at least" in the text is not compared with
//! the target's comparator: only one the text certainly states (超过, 不超过,
//! 左右 …). A target without a unit is not looked for.

use crate::check::registry::CodeInfo;
use crate::check::{Context, PlanView};
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::{Id, Msg, Quote};
use crate::model::ItemId;
use crate::syntax::ast::{Comparator, Figure as TargetFigure, TargetDecl};
use crate::text::figures::{self, Figure};

pub const CODE: CodeInfo = CodeInfo {
    code: "text-figure-mismatch",
    severity: Severity::Warning,
    summary: "an item's target and its text state different figures, or the text states none",
};

/// How a target stands to its item's text.
#[derive(Debug, PartialEq)]
enum Mismatch {
    /// Text figures in the target's unit, none equal to it.
    Value(Figure),
    /// The value agrees, the stated comparator does not.
    Comparator(Figure),
    /// No figure of the text is in the target's unit.
    NoTrace,
}

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    ctx.each_plan(out, |plan, out| plan_findings(ctx, plan, out));
}

fn plan_findings(ctx: &Context, plan: &PlanView, out: &mut Vec<Diagnostic>) {
    for &i in &ctx.model.document(plan.doc).items {
        let item = ctx.model.item(i);
        let Some(text) = item.decl.text.as_deref() else {
            continue;
        };
        if item.decl.targets.iter().all(|t| t.figure.is_none()) {
            continue;
        }
        let stated = figures::values(text, None);
        for target in &item.decl.targets {
            let Some(figure) = &target.figure else {
                continue;
            };
            if let Some(m) = mismatch(figure, &stated) {
                out.push(diagnostic(ctx, plan.doc, i, target, figure, text, &m));
            }
        }
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn mismatch(target: &TargetFigure, stated: &[Figure]) -> Option<Mismatch> {
    let unit = target.unit.as_deref()?;
    let in_unit: Vec<&Figure> = stated.iter().filter(|f| f.unit == unit).collect();
    let Some(&first) = in_unit.first() else {
        return Some(Mismatch::NoTrace);
    };
    let equal: Vec<&Figure> = in_unit
        .iter()
        .copied()
        .filter(|f| same(f.value, target.value))
        .collect();
    if equal.is_empty() {
        return Some(Mismatch::Value(first.clone()));
    }
    let stated_comparator = |f: &&Figure| f.comparator != Comparator::AtLeast;
    match equal
        .iter()
        .find(|f| !stated_comparator(f) || f.comparator == target.comparator)
    {
        Some(_) => None,
        None => Some(Mismatch::Comparator(equal[0].clone())),
    }
}

/// `at_least 400 人次`, as a target is written.
fn written(comparator: Comparator, value: f64, unit: &str) -> String {
    let space = if unit == "%" { "" } else { " " };
    format!("{} {value}{space}{unit}", comparator.as_str())
}

fn diagnostic(
    ctx: &Context,
    plan: crate::model::DocId,
    i: ItemId,
    target: &TargetDecl,
    figure: &TargetFigure,
    text: &str,
    m: &Mismatch,
) -> Diagnostic {
    let item = ctx.model.item(i);
    let unit = figure.unit.as_deref().unwrap_or("");
    let promised = written(figure.comparator, figure.value, unit);
    let provision = crate::i18n::Provision(ctx.cite_item(i));
    let metric = Id::new(&target.metric.value);
    let (message, label, stated) = match m {
        Mismatch::Value(f) | Mismatch::Comparator(f) => {
            let quoted = Quote(text[f.span.clone()].to_string());
            let stated = written(f.comparator, f.value, &f.unit);
            (
                Msg::TextFigureMismatch {
                    item: provision,
                    metric,
                    promised: Id::new(&promised),
                    quoted: quoted.clone(),
                    stated: Id::new(&stated),
                },
                Msg::LabelTextSays { quoted },
                stated,
            )
        }
        Mismatch::NoTrace => (
            Msg::TextFigureNoTrace {
                item: provision,
                metric,
                promised: Id::new(&promised),
                unit: unit.to_string(),
            },
            Msg::LabelNotInText {},
            "none".to_string(),
        ),
    };
    let mut d = ctx
        .finding(
            CODE.code,
            CODE.severity,
            message,
            Label::new(item.file, figure.span, label),
            plan,
            None,
        )
        .with_help(Msg::HelpSameFigure {});
    d.item = Some(ctx.model.item_ref(i));
    // What the text states is what the plan's readers are promised.
    d.figures = Some(crate::diagnostic::Figures {
        metric: target.metric.value.clone(),
        expected: stated,
        actual: promised,
    });
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn target(comparator: Comparator, value: f64, unit: &str) -> TargetFigure {
        TargetFigure {
            comparator,
            value,
            unit: Some(unit.into()),
            span: Span::point(0),
        }
    }

    fn judge(t: TargetFigure, text: &str) -> Option<String> {
        mismatch(&t, &figures::values(text, None)).map(|m| match m {
            Mismatch::Value(f) => format!("value {}", f.value),
            Mismatch::Comparator(f) => format!("comparator {}", f.comparator.as_str()),
            Mismatch::NoTrace => "no trace".into(),
        })
    }

    #[test]
    fn value_unit_and_comparator() {
        use Comparator::*;
        let text = "每年培训社会公众不少于300人次";
        assert_eq!(
            judge(target(AtLeast, 400.0, "人次"), text).as_deref(),
            Some("value 300")
        );
        assert_eq!(judge(target(AtLeast, 300.0, "人次"), text), None);
        assert_eq!(
            judge(
                target(AtLeast, 30000.0, "人次"),
                "每年培训社会公众不少于3万人次"
            ),
            None,
            "magnitudes are applied"
        );
        assert_eq!(
            judge(target(AtLeast, 300.0, "个"), text).as_deref(),
            Some("no trace"),
            "another unit is no trace"
        );
        assert_eq!(
            judge(target(AtLeast, 30.0, "%"), "比例达到30%左右").as_deref(),
            Some("comparator about"),
            "左右 is stated"
        );
        assert_eq!(
            judge(target(Exactly, 8000.0, "个"), "建设职工创新工作室8000个"),
            None,
            "the reader's default at least is not compared"
        );
        assert_eq!(
            judge(target(AtLeast, 1.0, "家"), "建设科普基地").as_deref(),
            Some("no trace")
        );
    }
}
