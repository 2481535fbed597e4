//! `planlint check`: read the files, run the library, apply the baseline,
//! print, pick the exit status.

use std::process::ExitCode;

use planlint::baseline::{self, Baseline};
use planlint::source::SourceFile;

use crate::cli::CheckArgs;
use crate::cli::emit::Render;
use crate::cli::files;
use crate::cli::run::check_paths;

pub fn run(args: CheckArgs) -> ExitCode {
    if args.watch {
        return super::watch::run(&args);
    }
    once(&args)
}

/// One check: read, check, print; the exit status.
pub fn once(args: &CheckArgs) -> ExitCode {
    let mut checked = match check_paths(&args.input, &args.paths) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let junit = std::iter::once(args.format)
        .chain(args.output_file.iter().map(|o| Some(o.format)))
        .any(|f| f == Some(crate::cli::Format::Junit));
    let mut summary = checked.summary(junit);
    if let Some(path) = &args.baseline {
        let text = match files::read(path) {
            Ok(f) => f.text,
            Err(e) => {
                crate::cli::lang::cannot_read("invalid-baseline", &e.path, &e.message);
                return ExitCode::from(2);
            }
        };
        let parsed = Baseline::parse(&text);
        let outcome = &mut checked.outcome;
        let file = outcome
            .model
            .sources
            .add(SourceFile::new(files::display(path), text));
        match parsed {
            Ok(b) => {
                let applied = baseline::apply(
                    &b,
                    file,
                    &summary.plans,
                    std::mem::take(&mut outcome.diagnostics),
                    &outcome.model.sources,
                );
                outcome.diagnostics = checked.settings.apply(applied.kept, &outcome.model.sources);
                summary.suppressed.extend(applied.suppressed);
            }
            Err(e) => {
                let location = outcome.model.sources.get(file).line_col(e.span.start);
                crate::cli::lang::say(planlint::i18n::Msg::CliInvalidBaseline {
                    code: "invalid-baseline".to_string(),
                    place: format!("{}:{}:{}", files::display(path), location.0, location.1),
                    reason: e.message.clone(),
                });
                return ExitCode::from(2);
            }
        }
    }
    let lang = crate::cli::lang::get();
    summary.lang = lang;
    for d in &mut checked.outcome.diagnostics {
        d.localize(lang);
    }
    for s in &mut summary.suppressed {
        s.diagnostic.localize(lang);
    }
    let outcome = &checked.outcome;
    let config = &checked.settings.policy.config;
    let render = Render {
        diagnostics: &outcome.diagnostics,
        sources: &outcome.model.sources,
        summary: &summary,
        width: args.width,
        docs_url: config.docs_url.as_deref(),
        show_advisory: args.show_advisory,
    };
    let write_errors = render.emit(args.format, &args.output_file);
    for e in &write_errors {
        crate::cli::lang::cannot_write(&e.path, &e.message);
    }
    checked.report_read_errors();
    let status = checked.settings.exit(
        !checked.read_errors.is_empty() || !write_errors.is_empty() || outcome.input_errors,
        &outcome.diagnostics,
    );
    // A single check ends the process here: freeing a national model
    // piece by piece takes a noticeable share of the run
    // (docs/performance.md); the OS reclaims it. A watch frees it.
    if !args.watch {
        std::mem::forget(checked);
    }
    status
}
