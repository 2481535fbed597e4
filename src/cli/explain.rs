//! `planlint explain CODE` and `planlint codes`.

use std::process::ExitCode;

use planlint::check::registry;

pub fn explain(code: &str) -> ExitCode {
    match registry::explanation(code) {
        Some(text) => {
            println!("{text}");
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
    for info in registry::all_codes() {
        println!(
            "{:<28} {:<8} {}",
            info.code,
            info.severity.as_str(),
            info.summary
        );
    }
    ExitCode::SUCCESS
}
