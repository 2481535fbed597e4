//! `planlint check`: read the files and the baseline, run the library,
//! print, pick the exit status.

use std::process::ExitCode;

use planlint::workspace::BaselineFile;

use crate::cli::CheckArgs;
use crate::cli::emit::Render;
use crate::cli::files;
use crate::cli::run::{check_texts, read_files};
use crate::cli::settings::Settings;

/// One check: read, check, print; the exit status.
pub fn once(args: &CheckArgs) -> ExitCode {
    let settings = match Settings::load(&args.input.policy) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let files = match read_files(&args.input, &settings, &args.paths) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let baseline = match &args.baseline {
        None => None,
        Some(path) => match files::read(path) {
            Ok(f) => match BaselineFile::parse(files::display(path), f.text.to_string()) {
                Ok(b) => Some(b),
                Err(e) => {
                    crate::cli::lang::say(planlint::i18n::Msg::CliInvalidBaseline {
                        code: "invalid-baseline".to_string(),
                        place: format!("{}:{}:{}", e.name, e.line, e.column),
                        reason: crate::cli::lang::text_of(&e.message),
                    });
                    return ExitCode::from(2);
                }
            },
            Err(e) => {
                crate::cli::lang::cannot_read("invalid-baseline", &e.path, &e.message);
                return ExitCode::from(2);
            }
        },
    };
    let lang = crate::cli::lang::get();
    // What each plan owes, and its coverage counts, are worked out only
    // for the outputs that show them.
    let shown = |format| {
        std::iter::once(args.format)
            .chain(args.output_file.iter().map(|o| Some(o.format)))
            .any(|f| f == Some(format))
    };
    let owed = shown(crate::cli::Format::Junit);
    let coverage = shown(crate::cli::Format::Json);
    let checked = check_texts(
        &args.input,
        settings,
        files,
        baseline,
        Some(lang),
        owed,
        coverage,
    );
    let summary = &checked.summary;
    let outcome = &checked.outcome;
    let config = &checked.settings.policy.config;
    let render = Render {
        diagnostics: &outcome.diagnostics,
        sources: &outcome.model.sources,
        summary,
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
