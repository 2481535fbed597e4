//! The one registry of diagnostic codes: every code, its default severity,
//! a one-line summary, and the function that runs its check. `planlint
//! explain CODE` prints the code's page of `src/i18n/explain.rs`, from
//! which `docs/diagnostics.md` is generated, so the documentation and the
//! tool cannot drift apart (a test checks every code has its page).

use crate::check::*;
pub use crate::codes::{CodeInfo, INPUT_CODES};
use crate::codes::{STALE_BASELINE_ENTRY, UNUSED_SUPPRESSION};
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, explain};

/// A check: its codes and its entry point. Input errors (syntax and
/// model) have codes but no entry point: loading reports them.
#[derive(Clone, Copy)]
pub struct Check {
    pub codes: &'static [CodeInfo],
    pub run: Option<fn(&Context, &mut Vec<Diagnostic>)>,
}

/// Notes and warnings about the input that do not change the exit status.
pub const INPUT_NOTES: &[CodeInfo] = &[
    CodeInfo {
        code: crate::decode::CONVERTED_ENCODING,
        severity: Severity::Info,
        summary: "a file was read in GBK/GB18030 or UTF-16 and converted to UTF-8",
    },
    CodeInfo {
        code: crate::model::EMPTY_FILE,
        severity: Severity::Warning,
        summary: "a file is empty or holds only comments",
    },
];

/// Every check, in the order they run.
pub const CHECKS: &[Check] = &[
    Check {
        codes: &[omitted_obligation::CODE],
        run: Some(omitted_obligation::run),
    },
    Check {
        codes: &[undercut_target::CODE],
        run: Some(undercut_target::run),
    },
    Check {
        codes: &[unstated_quantity::CODE],
        run: Some(unstated_quantity::run),
    },
    Check {
        codes: &[incomparable_units::CODE],
        run: Some(incomparable_units::run),
    },
    Check {
        codes: &[unapportionable_quantity::CODE],
        run: Some(unapportionable_quantity::run),
    },
    Check {
        codes: &[dropped_element::CODE],
        run: Some(dropped_element::run),
    },
    Check {
        codes: &[superseded_basis::CODE],
        run: Some(superseded_basis::run),
    },
    Check {
        codes: &[text_figure_mismatch::CODE],
        run: Some(text_figure_mismatch::run),
    },
    Check {
        codes: &[weakened_commitment::CODE],
        run: Some(weakened_commitment::run),
    },
    Check {
        codes: &[missing_responsible_unit::CODE],
        run: Some(missing_responsible_unit::run),
    },
    Check {
        codes: &[exemption_without_reason::CODE],
        run: Some(exemption_without_reason::run),
    },
    Check {
        codes: &[non_exemptible_obligation::CODE],
        run: Some(non_exemptible_obligation::run),
    },
    Check {
        codes: &[contradictory_exemption::CODE],
        run: Some(contradictory_exemption::run),
    },
    Check {
        codes: &[unused_exemption::CODE],
        run: Some(unused_exemption::run),
    },
    Check {
        codes: &[expired_exemption::CODE],
        run: Some(expired_exemption::run),
    },
    Check {
        codes: &[duplicate_plan::CODE],
        run: Some(duplicate_plan::run),
    },
    Check {
        codes: &[roll_up::SHORTFALL, roll_up::INCOMPLETE],
        run: Some(roll_up::run),
    },
    // Reported after the checks, when the plans' `suppress` statements are applied.
    Check {
        codes: &[UNUSED_SUPPRESSION],
        run: None,
    },
    // Reported by `check --baseline`.
    Check {
        codes: &[STALE_BASELINE_ENTRY],
        run: None,
    },
];

/// Every code, input errors first.
pub fn all_codes() -> impl Iterator<Item = &'static CodeInfo> {
    INPUT_CODES
        .iter()
        .chain(INPUT_NOTES)
        .chain(CHECKS.iter().flat_map(|c| c.codes.iter()))
}

pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    all_codes().find(|c| c.code == code)
}

/// The code's `explain` page in `lang`, from `src/i18n/explain.rs`.
pub fn explanation(code: &str, lang: Lang) -> Option<String> {
    explain::page(code).map(|p| p.render(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue;

    #[test]
    fn every_code_is_documented_once() {
        let mut seen = std::collections::HashSet::new();
        for info in all_codes() {
            assert!(
                seen.insert(info.code),
                "code {} registered twice",
                info.code
            );
            let text = explanation(info.code, Lang::En)
                .unwrap_or_else(|| panic!("{} has no explain page", info.code));
            assert!(text.len() > 40, "section for {} is too short", info.code);
        }
    }

    #[test]
    fn every_code_has_its_summary_in_both_languages() {
        for info in all_codes() {
            let entry = catalogue::code_entry(info.code)
                .unwrap_or_else(|| panic!("{} has no catalogue summary", info.code));
            assert_eq!(entry.en, info.summary, "{}", info.code);
            let own = catalogue::own_words(entry.zh);
            assert!(
                !own.chars().any(|c| c.is_ascii_alphabetic()),
                "the Chinese summary of {} has English words: {own:?}",
                info.code
            );
        }
        assert_eq!(catalogue::CODES.len(), all_codes().count());
    }

    #[test]
    fn every_code_has_one_page_and_every_page_a_code() {
        let codes: Vec<&str> = all_codes().map(|c| c.code).collect();
        for code in &codes {
            let n = explain::PAGES.iter().filter(|p| p.code == *code).count();
            assert_eq!(n, 1, "{code} has {n} pages");
        }
        for p in explain::PAGES {
            assert!(codes.contains(&p.code), "page {} has no code", p.code);
        }
    }
}
