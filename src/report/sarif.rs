//! `sarif`: SARIF 2.1.0, the format code-scanning services read (GitHub
//! uploads it with `github/codeql-action/upload-sarif`).
//!
//! - `columnKind` is `unicodeCodePoints`: columns count characters.
//! - Every registered code is a rule, with its summary and its `explain`
//!   page as help, in the run's language, and a help link when the project
//!   says where its documentation is published (`docs-url`).
//! - A finding's locations are where it points in the plan and, when it is
//!   about an obligation in another file, the obligation in the rules;
//!   every label becomes a related location.
//! - Suppressed findings are results with a `suppressions` entry
//!   (`inSource` for a `suppress` statement, `external` for a baseline).
//! - `partialFingerprints` hash the finding's identity, not its line.
//!
//! The tests validate the output against the official schema, vendored in
//! `tests/schemas/sarif-2.1.0.json`.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};

use crate::check::registry;
use crate::diagnostic::{Diagnostic, Severity};
use crate::identity::fingerprints;
use crate::report::{Place, RunSummary};
use crate::source::{FileId, SourceMap, Span};
use crate::suppress::{Suppression, SuppressionKind};

/// The schema a SARIF log names.
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Characters a path keeps unescaped in a URI: unreserved ones and `/`.
const PATH: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// Renders the SARIF log. `docs_url`, when given, is the published
/// `docs/diagnostics.md`; each rule's help link is it with `#code`.
pub fn render(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    summary: &RunSummary,
    docs_url: Option<&str>,
) -> String {
    let rules: Vec<Value> = registry::all_codes()
        .map(|info| {
            let lang = summary.lang;
            let short = crate::i18n::catalogue::code_entry(info.code)
                .map_or(info.summary, |e| e.summary(lang));
            let mut rule = json!({
                "id": info.code,
                "name": info.code,
                "shortDescription": { "text": short },
                "defaultConfiguration": { "level": level(info.severity) },
            });
            if let Some(text) = registry::explanation(info.code, lang) {
                rule["fullDescription"] = json!({ "text": short });
                rule["help"] = json!({ "text": text, "markdown": text });
            }
            if let Some(url) = docs_url {
                rule["helpUri"] = json!(format!("{url}#{}", info.code));
            }
            rule
        })
        .collect();
    let all: Vec<(&Diagnostic, Option<&Suppression>)> = diagnostics
        .iter()
        .map(|d| (d, None))
        .chain(
            summary
                .suppressed
                .iter()
                .map(|s| (&s.diagnostic, Some(&s.by))),
        )
        .collect();
    let prints = fingerprints(&all.iter().map(|(d, _)| *d).collect::<Vec<_>>(), sources);
    let results: Vec<Value> = all
        .iter()
        .zip(prints)
        .map(|((d, suppression), print)| result(d, *suppression, &print, sources))
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "planlint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text = serde_json::to_string_pretty(&log)
        .unwrap_or_else(|e| json!({ "error": e.to_string() }).to_string());
    text.push('\n');
    text
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(
    d: &Diagnostic,
    suppression: Option<&Suppression>,
    fingerprint: &str,
    sources: &SourceMap,
) -> Value {
    let mut locations = vec![location(sources, d.primary.file, d.primary.span, None)];
    if let Some(o) = &d.obligation
        && (o.file, o.span) != (d.primary.file, d.primary.span)
    {
        locations.push(location(
            sources,
            o.file,
            o.span,
            Some(&format!("obligation `{}`", o.id)),
        ));
    }
    let related: Vec<Value> = d
        .related
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut loc = location(sources, l.file, l.span, Some(&l.message));
            loc["id"] = json!(i);
            loc
        })
        .collect();
    let mut text = d.message.clone();
    if let Some(help) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let rule_index = registry::all_codes().position(|c| c.code == d.code);
    let mut r = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": locations,
        "partialFingerprints": { "planlint/v1": fingerprint },
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = json!(i);
    }
    if !related.is_empty() {
        r["relatedLocations"] = json!(related);
    }
    let mut properties = serde_json::Map::new();
    if let Some(p) = &d.plan {
        properties.insert("plan".into(), json!(p.id));
    }
    if let Some(o) = &d.obligation {
        properties.insert("obligation".into(), json!(o.id));
    }
    if let Some(i) = &d.item {
        properties.insert("item".into(), json!(i.id));
    }
    if let Some(f) = &d.figures {
        properties.insert("figures".into(), json!(f));
    }
    if !properties.is_empty() {
        r["properties"] = Value::Object(properties);
    }
    if let Some(s) = suppression {
        let mut entry = json!({
            "kind": match s.kind {
                SuppressionKind::Inline => "inSource",
                SuppressionKind::Baseline => "external",
            },
            "status": "accepted",
            "justification": s.reason,
        });
        if let Some(at) = &s.at {
            entry["location"] = location(sources, at.file, at.span, None);
        }
        r["suppressions"] = json!([entry]);
    }
    r
}

fn location(sources: &SourceMap, file: FileId, span: Span, message: Option<&str>) -> Value {
    let place = Place::of(sources, file, span);
    let mut loc = json!({
        "physicalLocation": {
            "artifactLocation": { "uri": utf8_percent_encode(place.file, PATH).to_string() },
            "region": {
                "startLine": place.line,
                "startColumn": place.column,
                "endLine": place.end_line,
                "endColumn": place.end_column,
            }
        }
    });
    if let Some(m) = message {
        loc["message"] = json!({ "text": m });
    }
    loc
}
