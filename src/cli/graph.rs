//! `planlint graph`: the cascade as DOT, Mermaid or SVG (drawn in Rust, no
//! Graphviz needed). Exit 0 when written; 2 on bad input or an unwritable
//! path.

use std::process::ExitCode;

use planlint::report::graph::{self, Detail};

use crate::cli::{GraphArgs, GraphDetail, GraphFormat, input, output};

pub fn run(args: GraphArgs) -> ExitCode {
    let Ok(checked) = input::load(&args.project) else {
        return ExitCode::from(2);
    };
    let detail = match args.detail {
        GraphDetail::Documents => Detail::Documents,
        GraphDetail::Obligations => Detail::Obligations,
    };
    let g = graph::build(&checked.outcome.model, Some(&checked.coverage), detail);
    let text = match args.format {
        GraphFormat::Dot => graph::to_dot(&g),
        GraphFormat::Mermaid => graph::to_mermaid(&g),
        GraphFormat::Svg => match graph::to_svg(&g) {
            Ok(svg) => svg,
            Err(e) => {
                crate::cli::lang::say(planlint::i18n::Msg::CliCannotDrawSvg {
                    reason: Box::new(e.message()),
                });
                return ExitCode::from(2);
            }
        },
    };
    match output::write(args.out.as_deref(), text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("planlint: {e}");
            ExitCode::from(2)
        }
    }
}
