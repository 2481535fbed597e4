//! `planlint check`: read the files, run the library, print, pick the exit status.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use planlint::check::Options;
use planlint::decode;
use planlint::diagnostic::Severity;
use planlint::report::{self, RunSummary, human};
use planlint::{Selection, check};

use crate::cli::files;
use crate::cli::{CheckArgs, Format, today};

pub fn run(args: CheckArgs) -> ExitCode {
    let mut read_errors = Vec::new();
    let mut paths = Vec::new();
    let selected: Vec<PathBuf> = if args.paths.is_empty() {
        if !args.rules.exists() && !args.plans.exists() {
            eprintln!(
                "planlint: neither `{}` nor `{}` exists here; run from a project directory or name the files to check",
                files::display(&args.rules),
                files::display(&args.plans)
            );
            return ExitCode::from(2);
        }
        Vec::new()
    } else {
        let mut selected = Vec::new();
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
    for p in &selected {
        if !paths.iter().any(|q| same_file(q, p)) {
            paths.push(p.clone());
        }
    }
    let mut texts = Vec::new();
    let mut converted = Vec::new();
    for p in &paths {
        match files::read(p) {
            Ok(file) => {
                if file.encoding.is_converted() {
                    converted.push((files::display(p), file.encoding));
                }
                texts.push((files::display(p), file.text));
            }
            Err(e) => read_errors.push(e),
        }
    }
    let selected_names: Vec<String> = paths
        .iter()
        .filter(|p| selected.iter().any(|s| same_file(s, p)))
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
    let mut outcome = check(texts, selection, options);
    for e in &read_errors {
        outcome.add_read_error(&e.path, &e.message);
    }
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
    // Notes on how files were read come right after the read errors.
    let after_read_errors = outcome
        .diagnostics
        .iter()
        .take_while(|d| d.code == "read-error")
        .count();
    outcome
        .diagnostics
        .splice(after_read_errors..after_read_errors, notes);
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
    for e in &read_errors {
        eprintln!(
            "planlint: error[read-error]: cannot read `{}`: {}",
            e.path, e.message
        );
    }
    if outcome.input_errors {
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

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
