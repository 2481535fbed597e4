//! The one entry point of a run: a workspace of files (read from disk by
//! the command line, or held in an editor's buffers by the server) and
//! the settings of the run, with an optional baseline, give the outcome —
//! the model, the findings after the plans' `suppress` statements, the
//! severities in force and the baseline — and the run's summary.
//!
//! No IO here: the caller reads the files (and says which could not be
//! read or were converted), finds where each one sits in the project (for
//! the plan globs of `planlint.toml`), and prints what comes back.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::baseline::{self, Baseline};
use crate::check::{Context, Options};
use crate::config::Policy;
use crate::coverage;
use crate::decode::{self, SourceEncoding};
use crate::diagnostic::Diagnostic;
use crate::i18n::{Lang, Text};
use crate::report::RunSummary;
use crate::source::{SourceFile, SourceMap};
use crate::{Outcome, Selection};

/// The files of a run.
#[derive(Debug, Default)]
pub struct Workspace {
    /// Every file read, by name (as the diagnostics show it) → its text.
    pub texts: Vec<(String, Arc<str>)>,
    /// The names of the files whose documents are checked; `None`: every
    /// plan.
    pub selected: Option<Vec<String>>,
    /// The files that could not be read: their path and why. Each becomes
    /// a `read-error`, and the run has input errors.
    pub unread: Vec<Unread>,
    /// The files that were not UTF-8, and what they were read as: each
    /// gets a note.
    pub converted: Vec<(String, SourceEncoding)>,
    /// Where a file sits in the project (relative to the directory of
    /// `planlint.toml`, with `/`), for the configuration's plan globs; a
    /// file not listed is matched by its name.
    pub project_paths: BTreeMap<String, String>,
}

/// A file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unread {
    pub path: String,
    pub message: String,
}

/// The settings of a run.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The severities in force (flags over `planlint.toml`); `None`: each
    /// finding keeps the severity its check gave (the reviewers' report).
    pub policy: Option<Policy>,
    pub options: Options,
    /// The language of the messages; `None`: as the checks wrote them.
    pub lang: Option<Lang>,
    /// Whether the summary works out what each plan owes
    /// ([`RunSummary::of`]); `junit` shows it, the other outputs do not.
    pub owed: bool,
    /// Whether the summary holds each plan's coverage counts
    /// ([`RunSummary::coverage`]); `check --format json` shows them.
    pub coverage: bool,
}

/// A baseline file that reads: its name, its text and what it holds.
#[derive(Debug, Clone)]
pub struct BaselineFile {
    name: String,
    text: String,
    baseline: Baseline,
}

impl BaselineFile {
    /// The name of the file, as the diagnostics show it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Reads the text of a baseline file named `name`.
    pub fn parse(name: String, text: String) -> Result<BaselineFile, BaselineError> {
        match Baseline::parse(&text) {
            Ok(baseline) => Ok(BaselineFile {
                name,
                text,
                baseline,
            }),
            Err(e) => {
                let (line, column) = SourceFile::new(name.clone(), text).line_col(e.span.start);
                Err(BaselineError {
                    name,
                    line,
                    column,
                    message: e.message,
                })
            }
        }
    }
}

/// A baseline that does not read, with where.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineError {
    pub name: String,
    pub line: usize,
    pub column: usize,
    pub message: Text,
}

/// The outcome of a run and its summary. The findings the plans' `suppress`
/// statements and the baseline took out are in `summary.suppressed`.
#[derive(Debug)]
pub struct Run {
    pub outcome: Outcome,
    pub summary: RunSummary,
    pub options: Options,
}

/// Checks the workspace with the settings, then applies the baseline (its
/// file is added to the model's sources, so that stale entries point at
/// their line). Input errors are in the outcome (`input_errors`).
pub fn run(workspace: Workspace, settings: &Settings, baseline: Option<BaselineFile>) -> Run {
    let Workspace {
        texts,
        selected,
        unread,
        converted,
        project_paths,
    } = workspace;
    let selection = match &selected {
        None => Selection::All,
        Some(names) => Selection::Files(names),
    };
    let options = settings.options;
    let mut outcome = crate::check(texts, selection, options);
    for e in &unread {
        outcome.add_read_error(&e.path, &e.message);
    }
    // Notes on how files were read come right after the read errors.
    let notes: Vec<_> = converted
        .iter()
        .filter_map(|(name, encoding)| {
            let (id, _) = outcome
                .model
                .sources
                .iter()
                .find(|(_, f)| f.name == *name)?;
            Some(decode::note(id, *encoding))
        })
        .collect();
    let after_read_errors = outcome
        .diagnostics
        .iter()
        .take_while(|d| d.code == "read-error")
        .count();
    outcome
        .diagnostics
        .splice(after_read_errors..after_read_errors, notes);
    let apply = |diagnostics: Vec<Diagnostic>, sources: &SourceMap| match &settings.policy {
        Some(policy) => severities(policy, &project_paths, diagnostics, sources),
        None => diagnostics,
    };
    outcome.diagnostics = apply(
        std::mem::take(&mut outcome.diagnostics),
        &outcome.model.sources,
    );
    let base = if settings.owed {
        RunSummary::of(&outcome, options)
    } else {
        RunSummary::without_owed(&outcome)
    };
    let mut summary = RunSummary {
        suppressed: std::mem::take(&mut outcome.suppressed),
        ..base
    };
    if let Some(BaselineFile {
        name,
        text,
        baseline,
    }) = baseline
    {
        let file = outcome.model.sources.add(SourceFile::new(name, text));
        let applied = baseline::apply(
            &baseline,
            file,
            &summary.plans,
            std::mem::take(&mut outcome.diagnostics),
            &outcome.model.sources,
        );
        outcome.diagnostics = apply(applied.kept, &outcome.model.sources);
        summary.suppressed.extend(applied.suppressed);
    }
    if let Some(lang) = settings.lang {
        summary.lang = lang;
        for d in &mut outcome.diagnostics {
            d.localize(lang);
        }
        for s in &mut summary.suppressed {
            s.diagnostic.localize(lang);
        }
    }
    if settings.coverage {
        let ctx = Context::new(&outcome.model, options, outcome.plans.iter().copied());
        summary.coverage = coverage::summaries(&ctx, &outcome.diagnostics);
    }
    Run {
        outcome,
        summary,
        options,
    }
}

/// Applies the severities; a plan's file is matched against the plan
/// globs by its place in the project.
fn severities(
    policy: &Policy,
    project_paths: &BTreeMap<String, String>,
    diagnostics: Vec<Diagnostic>,
    sources: &SourceMap,
) -> Vec<Diagnostic> {
    let relative: Vec<String> = sources
        .iter()
        .map(|(_, f)| {
            project_paths
                .get(&f.name)
                .cloned()
                .unwrap_or_else(|| f.name.clone())
        })
        .collect();
    policy.apply(diagnostics, |d| {
        let file = d.plan.as_ref().map(|p| p.file).unwrap_or(d.primary.file);
        relative.get(file.0 as usize).cloned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::diagnostic::Severity;
    use crate::syntax::value::date;

    const DIR: &str = "tests/fixtures/checks/omitted-obligation/fail";

    /// The omitted-obligation fixture: the east district omits `c.2`.
    fn workspace() -> Workspace {
        let files = [
            (
                "city.plan",
                include_str!("../tests/fixtures/checks/omitted-obligation/fail/city.plan"),
            ),
            (
                "east.plan",
                include_str!("../tests/fixtures/checks/omitted-obligation/fail/east.plan"),
            ),
            (
                "jurisdictions.plan",
                include_str!("../tests/fixtures/checks/omitted-obligation/fail/jurisdictions.plan"),
            ),
        ];
        Workspace {
            texts: files
                .into_iter()
                .map(|(name, text)| (format!("{DIR}/{name}"), Arc::from(text)))
                .collect(),
            ..Workspace::default()
        }
    }

    fn settings(config: Option<&str>) -> Settings {
        Settings {
            policy: config.map(|text| Policy {
                flags: BTreeMap::new(),
                config: Config::parse(text).expect("a valid configuration"),
            }),
            options: Options {
                as_of: date("2026-11-23").expect("a valid date"),
            },
            lang: None,
            owed: false,
            coverage: false,
        }
    }

    fn omissions(run: &Run) -> Vec<Severity> {
        run.outcome
            .diagnostics
            .iter()
            .filter(|d| d.code == "omitted-obligation")
            .map(|d| d.severity)
            .collect()
    }

    #[test]
    fn the_severities_apply_only_with_a_policy() {
        let config = "[severity]\nomitted-obligation = \"info\"\n";
        let plain = run(workspace(), &settings(None), None);
        assert_eq!(omissions(&plain), [Severity::Error]);
        let relevelled = run(workspace(), &settings(Some(config)), None);
        assert_eq!(omissions(&relevelled), [Severity::Info]);
    }

    #[test]
    fn a_plan_glob_matches_the_file_by_its_place_in_the_project() {
        let config = "[[overrides]]\nplans = [\"plans/east.plan\"]\nseverity = { omitted-obligation = \"allow\" }\n";
        let by_name = run(workspace(), &settings(Some(config)), None);
        assert_eq!(omissions(&by_name), [Severity::Error]);
        let mut placed = workspace();
        placed
            .project_paths
            .insert(format!("{DIR}/east.plan"), "plans/east.plan".into());
        let placed = run(placed, &settings(Some(config)), None);
        assert!(omissions(&placed).is_empty());
    }

    #[test]
    fn a_baseline_takes_its_findings_out_and_counts_them_suppressed() {
        let first = run(workspace(), &settings(Some("")), None);
        let findings = first.outcome.diagnostics.len();
        assert!(findings > 0);
        let text = Baseline::of(&first.outcome.diagnostics, &first.outcome.model.sources).to_text();
        let file = BaselineFile::parse("planlint-baseline.json".into(), text).expect("it reads");
        let second = run(workspace(), &settings(Some("")), Some(file));
        assert!(
            second.outcome.diagnostics.is_empty(),
            "{:?}",
            second.outcome.diagnostics
        );
        assert_eq!(second.summary.suppressed.len(), findings);
        // The summary counts the files checked, not the baseline.
        assert_eq!(second.summary.files, 3);
    }

    #[test]
    fn a_baseline_that_does_not_read_says_where() {
        let e = BaselineFile::parse("b.json".into(), "{\n  \"version\": x\n}".into())
            .expect_err("not a baseline");
        assert_eq!((e.name.as_str(), e.line), ("b.json", 2));
    }

    #[test]
    fn an_unread_file_is_an_input_error_first() {
        let mut w = workspace();
        w.unread.push(Unread {
            path: "plans/gone.plan".into(),
            message: "permission denied".into(),
        });
        let r = run(w, &settings(Some("")), None);
        assert!(r.outcome.input_errors);
        assert_eq!(r.outcome.diagnostics[0].code, "read-error");
    }
}
