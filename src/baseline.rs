//! Baselines: today's findings, written down so that a plan adopting
//! planlint starts from them and only new findings fail the run.
//!
//! An entry is a finding's identity ([`crate::identity`]: plan, code,
//! obligation or what a roll-up is about, item, metric; never a line) and
//! how many findings share it. `check --baseline` takes up to that many
//! findings of each identity out of the verdict (they are shown as
//! suppressed) and reports each entry that no longer occurs as
//! `stale-baseline-entry`, so the baseline only ever shrinks.
//!
//! The file is JSON with one entry per line, so that a review shows which
//! entries a revision removed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Label};
use crate::i18n::{Msg, Text};
use crate::identity::Identity;
use crate::source::{FileId, SourceMap, Span};
use crate::suppress::{Suppressed, Suppression, SuppressionKind};

pub const VERSION: u32 = 1;

/// `stale-baseline-entry`: an entry no current finding matches.
pub use crate::codes::STALE_BASELINE_ENTRY as STALE;

/// A baseline file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

/// How many findings of one identity the baseline accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    #[serde(flatten)]
    pub identity: Identity,
    pub count: usize,
}

/// A baseline that does not read.
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineError {
    /// Boxed in a [`Text`] to keep the error small.
    pub message: Text,
    pub span: Span,
}

impl Baseline {
    /// The baseline of these findings (input errors left out).
    pub fn of(diagnostics: &[Diagnostic], sources: &SourceMap) -> Baseline {
        let mut counts: BTreeMap<Identity, usize> = BTreeMap::new();
        for d in diagnostics.iter().filter(|d| !is_input(d)) {
            *counts.entry(Identity::of(d, sources)).or_default() += 1;
        }
        Baseline {
            version: VERSION,
            entries: counts
                .into_iter()
                .map(|(identity, count)| Entry { identity, count })
                .collect(),
        }
    }

    /// The file's text: one entry per line.
    pub fn to_text(&self) -> String {
        let mut out = format!("{{\n  \"version\": {},\n  \"entries\": [", self.version);
        for (i, e) in self.entries.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            out.push_str(&serde_json::to_string(e).unwrap_or_default());
        }
        if !self.entries.is_empty() {
            out.push_str("\n  ");
        }
        out.push_str("]\n}\n");
        out
    }

    /// Reads a baseline file.
    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        let baseline: Baseline = serde_json::from_str(text).map_err(|e| {
            let offset = offset_of(text, e.line(), e.column());
            BaselineError {
                message: Msg::BaselineNotABaseline {
                    reason: e.to_string(),
                }
                .into(),
                span: Span::point(offset),
            }
        })?;
        if baseline.version != VERSION {
            return Err(BaselineError {
                message: Msg::BaselineVersion {
                    version: baseline.version.to_string(),
                    supported: VERSION.to_string(),
                }
                .into(),
                span: Span::point(0),
            });
        }
        Ok(baseline)
    }
}

/// Findings after a baseline.
#[derive(Debug, Clone, Default)]
pub struct Applied {
    /// Findings not in the baseline, and a `stale-baseline-entry` for each
    /// entry no longer matched, sorted.
    pub kept: Vec<Diagnostic>,
    pub suppressed: Vec<Suppressed>,
}

/// Applies a baseline read from `file` (added to `sources` by the caller,
/// so stale entries can point at their line). Entries about plans not in
/// `plans` are neither matched nor stale: the run did not look at them.
pub fn apply(
    baseline: &Baseline,
    file: FileId,
    plans: &[String],
    diagnostics: Vec<Diagnostic>,
    sources: &SourceMap,
) -> Applied {
    let mut left: BTreeMap<&Identity, usize> = BTreeMap::new();
    for e in &baseline.entries {
        *left.entry(&e.identity).or_default() += e.count;
    }
    let name = &sources.get(file).name;
    let mut applied = Applied::default();
    for d in diagnostics {
        let identity = Identity::of(&d, sources);
        match left.get_mut(&identity).filter(|n| **n > 0 && !is_input(&d)) {
            Some(n) => {
                *n -= 1;
                applied.suppressed.push(Suppressed {
                    diagnostic: d,
                    by: Suppression {
                        kind: SuppressionKind::Baseline,
                        reason: format!("in the baseline `{name}`"),
                        at: None,
                    },
                });
            }
            None => applied.kept.push(d),
        }
    }
    let text = &sources.get(file).text;
    for e in &baseline.entries {
        let in_run = e.identity.plan.as_ref().is_none_or(|p| plans.contains(p));
        let missing = left.get(&e.identity).copied().unwrap_or(0).min(e.count);
        if !in_run || missing == 0 {
            continue;
        }
        if let Some(n) = left.get_mut(&e.identity) {
            *n -= missing;
        }
        let line = serde_json::to_string(e).unwrap_or_default();
        let span = text
            .find(&line)
            .map(|at| Span::new(at, at + line.len()))
            .unwrap_or(Span::point(0));
        let entry = e.identity.describe();
        let message = if e.count > 1 {
            Msg::StaleEntrySome {
                entry,
                missing,
                count: e.count,
            }
        } else {
            Msg::StaleEntry { entry }
        };
        applied.kept.push(
            Diagnostic::new(
                STALE.code,
                STALE.severity,
                message,
                Label::new(file, span, Msg::LabelStale {}),
            )
            .with_help(Msg::HelpRewriteBaseline {}),
        );
    }
    crate::check::sort(&mut applied.kept);
    applied
}

fn is_input(d: &Diagnostic) -> bool {
    crate::codes::INPUT_CODES.iter().any(|c| c.code == d.code)
}

/// The byte offset of a 1-based line and column (serde_json counts the
/// column in bytes), clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    crate::source::floor_char_boundary(text, start + column.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_one_entry_per_line() {
        let baseline = Baseline {
            version: VERSION,
            entries: vec![Entry {
                identity: Identity {
                    plan: Some("xc.plan".into()),
                    code: "omitted-obligation".into(),
                    about: "bj.3.1.2".into(),
                    item: None,
                    metric: None,
                },
                count: 2,
            }],
        };
        let text = baseline.to_text();
        assert_eq!(text.lines().count(), 6);
        assert_eq!(Baseline::parse(&text), Ok(baseline));
        let empty = Baseline {
            version: VERSION,
            entries: Vec::new(),
        };
        assert_eq!(Baseline::parse(&empty.to_text()), Ok(empty));
        let old = Baseline::parse(&Baseline::default().to_text());
        assert!(old.is_err_and(|e| {
            e.message.render(crate::i18n::Lang::En)
                == "baseline version 0 is not supported (this planlint writes version 1)"
                && e.message.render(crate::i18n::Lang::Zh)
                    == "不支持第 0 版基线（本工具写出的是第 1 版）"
        }));
    }

    #[test]
    fn a_malformed_baseline_points_at_the_error() {
        let text = "{\n  \"version\": 1,\n  \"entries\": [x]\n}\n";
        let e = Baseline::parse(text).err().unwrap_or(BaselineError {
            message: Msg::LabelHere {}.into(),
            span: Span::point(0),
        });
        assert_eq!(&text[e.span.start..e.span.start + 1], "x");
    }
}
