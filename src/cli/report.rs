//! `planlint report`: check the plans and write the reviewers' report as
//! HTML, Markdown, xlsx or csv. Exit 0 when the file is written, whatever
//! the findings; 2 when it could not be (bad input, unwritable path).

use std::process::ExitCode;

use planlint::i18n::Msg;
use planlint::report::graph::{self, Detail};
use planlint::report::{csv, html, markdown, xlsx};

use crate::cli::{ReportArgs, ReportFormat, input, output};

pub fn run(args: ReportArgs) -> ExitCode {
    if args.format == ReportFormat::Xlsx && args.out.is_none() {
        crate::cli::lang::say(planlint::i18n::Msg::CliXlsxNeedsOut {});
        return ExitCode::from(2);
    }
    let Ok(checked) = input::load(&args.project) else {
        return ExitCode::from(2);
    };
    let coverage = &checked.coverage;
    let lang = crate::cli::lang::get();
    let bytes = match args.format {
        ReportFormat::Html => {
            let g = graph::build(&checked.outcome.model, Some(coverage), Detail::Documents);
            let svg = match graph::to_svg(&g) {
                Ok(svg) => Some(svg),
                Err(e) => {
                    crate::cli::lang::say(Msg::CliNoGraphPicture {
                        reason: e.to_string(),
                    });
                    None
                }
            };
            html::render(coverage, lang, svg.as_deref()).into_bytes()
        }
        ReportFormat::Markdown => markdown::render(coverage, lang).into_bytes(),
        ReportFormat::Xlsx => match xlsx::render(coverage, lang) {
            Ok(b) => b,
            Err(e) => {
                crate::cli::lang::say(Msg::CliCannotBuildWorkbook {
                    reason: e.to_string(),
                });
                return ExitCode::from(2);
            }
        },
        ReportFormat::Csv => match csv::render(coverage, lang) {
            Ok(b) => b,
            Err(e) => {
                crate::cli::lang::say(Msg::CliCannotBuildCsv {
                    reason: e.to_string(),
                });
                return ExitCode::from(2);
            }
        },
    };
    match output::write(args.out.as_deref(), &bytes) {
        Ok(()) => {
            if let Some(out) = &args.out {
                crate::cli::lang::say(planlint::i18n::Msg::CliReportWritten {
                    path: planlint::i18n::Id::new(crate::cli::files::display(out)),
                    plans: coverage.plans.len(),
                    obligations: coverage.rows().count(),
                    findings: coverage.findings.len(),
                });
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("planlint: {e}");
            ExitCode::from(2)
        }
    }
}
