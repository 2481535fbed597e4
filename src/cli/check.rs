//! `planlint check`: read the files, run the library, print, pick the exit status.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use planlint::check::Options;
use planlint::report::RunSummary;
use planlint::{Selection, check};

use crate::cli::files;
use crate::cli::output::Render;
use crate::cli::settings::Settings;
use crate::cli::{CheckArgs, today};

pub fn run(args: CheckArgs) -> ExitCode {
    let settings = match Settings::load(&args.policy) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let config = &settings.policy.config;
    let rules = settings.path(args.rules.as_ref(), config.rules.as_deref(), "rules");
    let plans = settings.path(args.plans.as_ref(), config.plans.as_deref(), "plans");
    let mut read_errors = Vec::new();
    let mut paths = Vec::new();
    let selected: Vec<PathBuf> = if args.paths.is_empty() {
        if !rules.exists() && !plans.exists() {
            eprintln!(
                "planlint: neither `{}` nor `{}` exists here; run from a project directory or name the files to check",
                files::display(&rules),
                files::display(&plans)
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
    if rules.exists() || !args.paths.is_empty() {
        files::collect(&rules, &mut paths, &mut read_errors);
    }
    if args.paths.is_empty() && plans.exists() {
        files::collect(&plans, &mut paths, &mut read_errors);
    }
    for p in &selected {
        if !paths.iter().any(|q| same_file(q, p)) {
            paths.push(p.clone());
        }
    }
    let mut texts = Vec::new();
    for p in &paths {
        match files::read(p) {
            Ok(text) => texts.push((files::display(p), text)),
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
    outcome.diagnostics = settings.apply(
        std::mem::take(&mut outcome.diagnostics),
        &outcome.model.sources,
    );
    let summary = RunSummary {
        files: outcome.model.sources.len(),
        plans: outcome
            .plans
            .iter()
            .map(|&d| outcome.model.document(d).id().to_string())
            .collect(),
        suppressed: std::mem::take(&mut outcome.suppressed),
        owed: planlint::owed(&outcome, options),
    };
    let render = Render {
        diagnostics: &outcome.diagnostics,
        sources: &outcome.model.sources,
        summary: &summary,
        width: args.width,
        docs_url: config.docs_url.as_deref(),
    };
    let write_errors = render.emit(args.format, &args.output_file);
    for e in &write_errors {
        eprintln!(
            "planlint: error[write-error]: cannot write `{}`: {}",
            e.path, e.message
        );
    }
    for e in &read_errors {
        eprintln!(
            "planlint: error[read-error]: cannot read `{}`: {}",
            e.path, e.message
        );
    }
    settings.exit(
        !read_errors.is_empty() || !write_errors.is_empty() || outcome.input_errors,
        &outcome.diagnostics,
    )
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
