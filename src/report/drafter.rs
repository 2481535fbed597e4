//! The drafter's terminal: `human` and `plain` output of `check`, ordered
//! for the person who revises a plan. Findings are grouped by plan, the
//! plans with errors first; within a plan errors, then warnings, then
//! infos; advisory findings (a higher document issued after the plan) are
//! folded into one line per code and document unless asked for. Under an
//! omission stands what the higher document asks, in its words and by its
//! own numbering, instead of the plan's `document … {` line.
//!
//! Machine formats (json, sarif, …) keep the stable order of
//! [`crate::check::sort`].

use std::collections::BTreeMap;

use foldhash::HashMap;
use rayon::prelude::*;

use crate::diagnostic::Counts;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::catalogue::{Count, Noun};
use crate::i18n::{Id, Lang, Msg, Quote};
use crate::report::human::{self, Style};
use crate::report::{RunSummary, plain};
use crate::source::SourceMap;

/// What the drafter's view shows.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub style: Style,
    pub width: usize,
    /// List advisory findings one by one instead of folding them.
    pub show_advisory: bool,
}

/// Renders the findings grouped by plan, and the summary line.
pub fn render(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    summary: &RunSummary,
    options: Options,
) -> String {
    let lang = summary.lang;
    // Input errors and notes about files (no plan) come first, as they
    // are; then each plan; then findings about several plans (roll-ups).
    let mut inputs = Vec::new();
    let mut plans: Vec<(String, Vec<&Diagnostic>)> = Vec::new();
    let mut plan_index: HashMap<&str, usize> = HashMap::default();
    let mut others = Vec::new();
    for d in diagnostics {
        match &d.plan {
            Some(p) => match plan_index.get(p.id.as_str()) {
                Some(&i) => plans[i].1.push(d),
                None => {
                    plan_index.insert(&p.id, plans.len());
                    plans.push((p.id.clone(), vec![d]));
                }
            },
            None if d.obligation.is_some() => others.push(d),
            None => inputs.push(d),
        }
    }
    // Plans with errors first, then warnings, then the rest; stable.
    plans.sort_by_key(|(_, list)| {
        std::cmp::Reverse(
            list.iter()
                .filter(|d| !d.advisory)
                .map(|d| d.severity)
                .max(),
        )
    });
    let mut out = String::new();
    for d in &inputs {
        push_block(&mut out, &one(d, sources, lang, options));
    }
    // Each plan's section is written on its own, on every core, and the
    // sections are joined in order.
    let sections: Vec<String> = plans
        .par_iter()
        .map(|(plan, list)| {
            let mut out = String::new();
            let file = list
                .first()
                .and_then(|d| d.plan.as_ref())
                .map(|p| sources.get(p.file).name.clone())
                .unwrap_or_default();
            let count = |s: Severity| list.iter().filter(|d| d.severity == s).count();
            let counts = Counts {
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                infos: count(Severity::Info),
            };
            out.push_str(&crate::report::printable::printable(
                &Msg::PlanHeading {
                    plan: Id::new(plan),
                    file,
                    errors: Count(counts.errors, Noun::Error),
                    warnings: Count(counts.warnings, Noun::Warning),
                    infos: Count(counts.infos, Noun::Info),
                }
                .render(lang),
            ));
            out.push_str("\n\n");
            let mut shown: Vec<&Diagnostic> = list
                .iter()
                .copied()
                .filter(|d| options.show_advisory || !d.advisory)
                .collect();
            shown.sort_by_key(|d| std::cmp::Reverse(d.severity));
            for d in &shown {
                push_block(&mut out, &one(d, sources, lang, options));
            }
            if !options.show_advisory {
                let mut folded: BTreeMap<(&str, &str), usize> = BTreeMap::new();
                for d in list.iter().filter(|d| d.advisory) {
                    let document = d.obligation.as_ref().map(|o| o.document.as_str());
                    *folded.entry((d.code, document.unwrap_or(""))).or_default() += 1;
                }
                for ((code, document), count) in folded {
                    out.push_str(
                        &Msg::AdvisoryFolded {
                            count,
                            code: code.to_string(),
                            document: Id::new(document),
                        }
                        .render(lang),
                    );
                    out.push('\n');
                }
                if list.iter().any(|d| d.advisory) {
                    out.push('\n');
                }
            }
            out
        })
        .collect();
    for section in &sections {
        out.push_str(section);
    }
    if !others.is_empty() {
        out.push_str(&Msg::OtherHeading {}.render(lang));
        out.push_str("\n\n");
        for d in &others {
            push_block(&mut out, &one(d, sources, lang, options));
        }
    }
    out.push_str(&human::summary_line(diagnostics, summary));
    out.push('\n');
    out
}

fn push_block(out: &mut String, text: &str) {
    out.push_str(text);
    if !text.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
}

/// One finding: miette's drawing for `human`, narratable lines for
/// `plain`; an omission in lines either way, with what is asked.
fn one(d: &Diagnostic, sources: &SourceMap, lang: Lang, options: Options) -> String {
    let omission = d.plan.as_ref().is_some_and(|p| p.file == d.primary.file)
        && d.obligation.as_ref().is_some_and(|o| !o.text.is_empty())
        && d.item.is_none()
        && d.figures.is_none();
    if options.style != Style::Plain && !omission {
        return human::render_one(d, sources, options.style, options.width, lang);
    }
    let mut out = Msg::Headline {
        severity: d.severity,
        code: d.code.to_string(),
        message: d.message.clone(),
    }
    .render(lang);
    out.push('\n');
    let line = |out: &mut String, m: Msg| {
        out.push_str("  ");
        out.push_str(&m.render(lang));
        out.push('\n');
    };
    match (&d.obligation, omission) {
        (Some(o), true) => line(
            &mut out,
            Msg::Asks {
                text: Quote(o.text.clone()),
            },
        ),
        _ => {
            line(
                &mut out,
                Msg::At {
                    place: plain::place(&d.primary, sources),
                },
            );
            let excerpt = plain::excerpt(&d.primary, sources);
            if !excerpt.is_empty() {
                out.push_str(&format!("  | {excerpt}\n"));
            }
        }
    }
    for label in &d.related {
        line(
            &mut out,
            Msg::Note {
                place: plain::place(label, sources),
            },
        );
    }
    if let Some(help) = &d.help {
        line(&mut out, Msg::HelpLine { help: help.clone() });
    }
    for fix in &d.fixes {
        line(
            &mut out,
            Msg::FixLine {
                fix: fix.description.clone(),
            },
        );
    }
    // Control characters from the documents are shown, never obeyed.
    crate::report::printable::printable(&out).into_owned()
}
