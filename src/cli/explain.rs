//! `planlint explain CODE` and `planlint codes`.

use std::process::ExitCode;

use planlint::check::registry;

use crate::cli::stdout;

pub fn explain(code: &str) -> ExitCode {
    match registry::explanation(code) {
        Some(text) => {
            stdout::print(&format!("{text}\n"));
            ExitCode::SUCCESS
        }
        None => {
            let codes = registry::all_codes().map(|c| c.code);
            let hint = planlint::syntax::lower::did_you_mean(code, codes)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default();
            eprintln!("planlint: unknown code `{code}`{hint} (`planlint codes` lists them)");
            ExitCode::from(2)
        }
    }
}

pub fn codes() -> ExitCode {
    let mut text = String::new();
    for info in registry::all_codes() {
        text.push_str(&format!(
            "{:<28} {:<8} {}\n",
            info.code,
            info.severity.as_str(),
            info.summary
        ));
    }
    stdout::print(&text);
    ExitCode::SUCCESS
}
