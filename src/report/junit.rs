//! `junit`: JUnit XML for CI test dashboards, one test case per obligation
//! × plan (`classname` the plan, `name` the obligation).
//!
//! A case fails when a finding about it has error severity; findings of
//! lower severity go to its `system-out`; a case whose only findings are
//! suppressed is `skipped` with the reason. Findings about no owed
//! obligation (roll-ups, unused exemptions, input errors) get a case of
//! their own, named by code and subject.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::diagnostic::{Diagnostic, Severity};
use crate::identity::Identity;
use crate::report::{RunSummary, concise};
use crate::source::SourceMap;

/// The suite of findings that are about no plan.
const NO_PLAN: &str = "planlint";

#[derive(Default)]
struct Case<'a> {
    file: Option<String>,
    findings: Vec<&'a Diagnostic>,
    suppressed: Vec<(&'a Diagnostic, &'a str)>,
}

/// Renders the JUnit report.
pub fn render(diagnostics: &[Diagnostic], sources: &SourceMap, summary: &RunSummary) -> String {
    // suite (plan id) → case name → case, in a stable order.
    let mut suites: BTreeMap<String, BTreeMap<String, Case>> = BTreeMap::new();
    for owed in &summary.owed {
        let suite = suites.entry(owed.plan.clone()).or_default();
        for o in &owed.obligations {
            suite.entry(o.clone()).or_default().file = Some(owed.file.clone());
        }
    }
    let mut place = |d: &Diagnostic| -> (String, String) {
        let plan = d.plan.as_ref().map(|p| p.id.clone());
        let suite_name = plan.clone().unwrap_or_else(|| NO_PLAN.to_string());
        let suite = suites.entry(suite_name.clone()).or_default();
        let name = match &d.obligation {
            Some(o) if suite.contains_key(&o.id) => o.id.clone(),
            _ => {
                let identity = Identity::of(d, sources);
                format!("{} {}", identity.code, identity.about)
            }
        };
        (suite_name, name)
    };
    let mut placed = Vec::new();
    for d in diagnostics {
        placed.push((place(d), d, None));
    }
    for s in &summary.suppressed {
        placed.push((
            place(&s.diagnostic),
            &s.diagnostic,
            Some(s.by.reason.as_str()),
        ));
    }
    for ((suite, name), d, reason) in placed {
        let case = suites.entry(suite).or_default().entry(name).or_default();
        if case.file.is_none() {
            case.file = Some(sources.get(d.primary.file).name.clone());
        }
        match reason {
            Some(r) => case.suppressed.push((d, r)),
            None => case.findings.push(d),
        }
    }

    let failed = |c: &Case| c.findings.iter().any(|d| d.severity == Severity::Error);
    let skipped = |c: &Case| c.findings.is_empty() && !c.suppressed.is_empty();
    let count = |f: &dyn Fn(&Case) -> bool| -> usize {
        suites
            .values()
            .flat_map(|s| s.values())
            .filter(|c| f(c))
            .count()
    };
    let tests = count(&|_| true);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"planlint\" tests=\"{tests}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
        count(&failed),
        count(&skipped)
    );
    for (suite, cases) in &suites {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
            escape(suite),
            cases.len(),
            cases.values().filter(|c| failed(c)).count(),
            cases.values().filter(|c| skipped(c)).count()
        );
        for (name, case) in cases {
            let file = case
                .file
                .as_deref()
                .map(|f| format!(" file=\"{}\"", escape(f)))
                .unwrap_or_default();
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\"{file}",
                escape(name),
                escape(suite)
            );
            if case.findings.is_empty() && case.suppressed.is_empty() {
                out.push_str("/>\n");
                continue;
            }
            out.push_str(">\n");
            let errors: Vec<_> = case
                .findings
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            if let Some(first) = errors.first() {
                let body: Vec<String> = errors.iter().map(|d| detail(d, sources)).collect();
                let _ = writeln!(
                    out,
                    "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    escape(first.code),
                    escape(&concise::one_line(&first.message)),
                    escape(&body.join("\n"))
                );
            } else if skipped(case) {
                let reasons: Vec<&str> = case.suppressed.iter().map(|(_, r)| *r).collect();
                let _ = writeln!(
                    out,
                    "      <skipped message=\"suppressed: {}\"/>",
                    escape(&reasons.join("; "))
                );
            }
            let notes: Vec<String> = case
                .findings
                .iter()
                .filter(|d| d.severity != Severity::Error)
                .map(|d| detail(d, sources))
                .chain(
                    case.suppressed
                        .iter()
                        .map(|(d, r)| format!("{} (suppressed: {r})", concise::line(d, sources))),
                )
                .collect();
            if !notes.is_empty() {
                let _ = writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    escape(&notes.join("\n"))
                );
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// Text escaped for XML, without the control characters XML 1.0 forbids
/// (a plan's text could hold one; the report must stay well-formed).
fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    quick_xml::escape::escape(allowed.as_str()).into_owned()
}

/// A finding's concise line and its help.
fn detail(d: &Diagnostic, sources: &SourceMap) -> String {
    let mut text = concise::line(d, sources);
    if let Some(help) = &d.help {
        text.push_str("\n  help: ");
        text.push_str(&concise::one_line(help));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_is_well_formed_xml() {
        assert_eq!(escape("a<b & \"c\"\u{1}\n"), "a&lt;b &amp; &quot;c&quot;\n");
    }
}
