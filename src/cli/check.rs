//! `planlint check`: read the files, run the library, print, pick the exit status.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use rayon::prelude::*;

use planlint::check::Options;
use planlint::diagnostic::Severity;
use planlint::report::{self, RunSummary, human};
use planlint::{Selection, check};

use crate::cli::files;
use crate::cli::{CheckArgs, Format, today};

pub fn run(args: CheckArgs) -> ExitCode {
    let mut read_errors = Vec::new();
    let mut paths = files::Collected::default();
    let selected = if args.paths.is_empty() {
        if !args.rules.exists() && !args.plans.exists() {
            eprintln!(
                "planlint: neither `{}` nor `{}` exists here; run from a project directory or name the files to check",
                files::display(&args.rules),
                files::display(&args.plans)
            );
            return ExitCode::from(2);
        }
        files::Collected::default()
    } else {
        let mut selected = files::Collected::default();
        for p in &args.paths {
            files::collect(p, &mut selected, &mut read_errors);
        }
        selected
    };
    if args.rules.exists() || !args.paths.is_empty() {
        files::collect(&args.rules, &mut paths, &mut read_errors);
    }
    if args.paths.is_empty() && args.plans.exists() {
        files::collect(&args.plans, &mut paths, &mut read_errors);
    }
    for p in &selected.paths {
        paths.push_unique(p.clone());
    }
    // Read on every core; the results keep the order of the paths.
    let read: Vec<_> = paths
        .paths
        .par_iter()
        .map(|p| (p, files::read(p)))
        .collect();
    let mut texts = Vec::with_capacity(read.len());
    for (p, result) in read {
        match result {
            Ok(text) => texts.push((files::display(p), text)),
            Err(e) => read_errors.push(e),
        }
    }
    let selected_names: Vec<String> = paths
        .paths
        .iter()
        .filter(|p| selected.contains(p))
        .map(|p| files::display(p))
        .collect();
    let selection = if args.paths.is_empty() {
        Selection::All
    } else {
        Selection::Files(&selected_names)
    };
    let options = Options {
        as_of: args.as_of.unwrap_or_else(today),
    };
    let outcome = check(texts, selection, options);
    let summary = RunSummary {
        files: outcome.model.sources.len(),
        plans: outcome
            .plans
            .iter()
            .map(|&d| outcome.model.document(d).id().to_string())
            .collect(),
    };

    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let format = args.format.unwrap_or(if terminal && !no_color {
        Format::Human
    } else {
        Format::Plain
    });
    let text = match format {
        Format::Json => {
            report::json::render(&outcome.diagnostics, &outcome.model.sources, &summary)
        }
        Format::Human => human::render(
            &outcome.diagnostics,
            &outcome.model.sources,
            &summary,
            human::Style::Graphical {
                color: terminal && !no_color,
            },
            args.width,
        ),
        Format::Plain => human::render(
            &outcome.diagnostics,
            &outcome.model.sources,
            &summary,
            human::Style::Plain,
            args.width,
        ),
    };
    let mut lock = stdout.lock();
    let _ = lock.write_all(text.as_bytes());
    let _ = lock.flush();
    let status = exit_status(&outcome, &read_errors);
    // The process ends here: freeing a national model piece by piece takes
    // a noticeable share of the run (docs/performance.md); the OS reclaims it.
    std::mem::forget(outcome);
    std::mem::forget(text);
    status
}

fn exit_status(outcome: &planlint::Outcome, read_errors: &[files::ReadError]) -> ExitCode {
    for e in read_errors {
        eprintln!(
            "planlint: error[read-error]: cannot read `{}`: {}",
            e.path, e.message
        );
    }
    if !read_errors.is_empty() || outcome.input_errors {
        ExitCode::from(2)
    } else if outcome
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
