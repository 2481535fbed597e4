//! `planlint explain CODE` and `planlint codes`, in the run's language.

use std::process::ExitCode;

use planlint::check::registry;
use planlint::i18n::catalogue::code_entry;
use planlint::i18n::{Id, Lang, Msg};

use crate::cli::lang;

use crate::cli::stdout;

pub fn explain(code: &str) -> ExitCode {
    match registry::explanation(code, lang::get()) {
        Some(page) => {
            stdout::print(&format!("{page}\n"));
            ExitCode::SUCCESS
        }
        None => {
            let codes = registry::all_codes().map(|c| c.code);
            lang::say(match planlint::syntax::lower::did_you_mean(code, codes) {
                Some(s) => Msg::CliUnknownCodeDidYouMean {
                    code: Id::new(code),
                    suggestion: Id::new(s),
                },
                None => Msg::CliUnknownCode {
                    code: Id::new(code),
                },
            });
            ExitCode::from(2)
        }
    }
}

pub fn codes() -> ExitCode {
    let lang = lang::get();
    let mut text = String::new();
    for info in registry::all_codes() {
        let summary = code_entry(info.code)
            .map(|e| e.summary(lang))
            .unwrap_or(info.summary);
        let severity = Msg::SeverityWord {
            severity: info.severity,
        }
        .render(lang);
        // Pad by characters: a Chinese severity word is two wide.
        let pad =
            8usize.saturating_sub(severity.chars().count() * if lang == Lang::Zh { 2 } else { 1 });
        text.push_str(&format!(
            "{:<28} {severity}{} {summary}\n",
            info.code,
            " ".repeat(pad)
        ));
    }
    stdout::print(&text);
    ExitCode::SUCCESS
}
