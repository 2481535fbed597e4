//! What a finding is about, independent of where it stands in a file: the
//! key of baselines, suppressions, revision diffs and the fingerprints of
//! machine formats.
//!
//! A finding's identity is its plan, its code and what it is about (the
//! obligation; for a finding with no obligation, the item; failing both,
//! the text it points at), plus the item and metric where it has them.
//! Line numbers never enter it, so it survives edits that move text.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;

/// How many characters of pointed-at text an identity keeps.
const ABOUT_CHARS: usize = 80;

/// The line-independent identity of a finding.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Identity {
    /// The id of the plan the finding is about, if it is about one plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    pub code: String,
    /// The obligation id, else the item id, else the text pointed at.
    pub about: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
}

impl Identity {
    /// The identity of one diagnostic.
    pub fn of(d: &Diagnostic, sources: &SourceMap) -> Identity {
        let item = d.item.as_ref().map(|i| i.id.clone());
        let about = match (&d.obligation, &item) {
            (Some(o), _) => o.id.clone(),
            (None, Some(i)) => i.clone(),
            (None, None) => {
                let file = sources.get(d.primary.file);
                let text: String = file
                    .slice(d.primary.span)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .chars()
                    .take(ABOUT_CHARS)
                    .collect();
                if text.is_empty() {
                    file.name.clone()
                } else {
                    text
                }
            }
        };
        Identity {
            plan: d.plan.as_ref().map(|p| p.id.clone()),
            code: d.code.to_string(),
            about,
            item: if d.obligation.is_some() { item } else { None },
            metric: d.figures.as_ref().map(|f| f.metric.clone()),
        }
    }

    /// `plan: code about (item, metric)`, for messages.
    pub fn describe(&self) -> String {
        let mut text = format!("`{}` about `{}`", self.code, self.about);
        if let Some(plan) = &self.plan {
            text = format!("{text} in `{plan}`");
        }
        if let Some(item) = &self.item {
            text.push_str(&format!(", item `{item}`"));
        }
        if let Some(metric) = &self.metric {
            text.push_str(&format!(", metric `{metric}`"));
        }
        text
    }
}

/// A fingerprint per diagnostic: a hash of its identity and of how many
/// earlier diagnostics share that identity, so that it is unique within a
/// run and stays the same when lines move.
pub fn fingerprints(diagnostics: &[&Diagnostic], sources: &SourceMap) -> Vec<String> {
    let mut seen: std::collections::HashMap<Identity, usize> = std::collections::HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let identity = Identity::of(d, sources);
            let n = seen.entry(identity.clone()).or_default();
            let occurrence = *n;
            *n += 1;
            let mut hasher = Sha256::new();
            for part in [
                identity.plan.as_deref().unwrap_or(""),
                &identity.code,
                &identity.about,
                identity.item.as_deref().unwrap_or(""),
                identity.metric.as_deref().unwrap_or(""),
                &occurrence.to_string(),
            ] {
                hasher.update(part.as_bytes());
                hasher.update([0]);
            }
            hasher
                .finalize()
                .iter()
                .take(16)
                .map(|b| format!("{b:02x}"))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Label, ObligationRef, Severity};
    use crate::source::{SourceFile, Span};

    fn finding(sources: &mut SourceMap, text: &str, at: &str) -> Diagnostic {
        let file = sources.add(SourceFile::new("p.plan", text.to_string()));
        let start = text.find(at).unwrap_or(0);
        let mut d = Diagnostic::new(
            "omitted-obligation",
            Severity::Error,
            "m",
            Label::new(file, Span::new(start, start + at.len()), "here"),
        );
        d.obligation = Some(ObligationRef {
            id: "a.1".into(),
            document: "a".into(),
            citation: "1".into(),
            text: String::new(),
            file,
            span: Span::new(start, start + at.len()),
        });
        d
    }

    #[test]
    fn identity_and_fingerprint_survive_moved_lines() {
        let mut sources = SourceMap::default();
        let a = finding(&mut sources, "document p\nitem x", "item x");
        let b = finding(&mut sources, "document p\n\n\n# moved\nitem x", "item x");
        assert_eq!(Identity::of(&a, &sources), Identity::of(&b, &sources));
        assert_eq!(fingerprints(&[&a], &sources), fingerprints(&[&b], &sources));
    }

    #[test]
    fn equal_identities_get_distinct_fingerprints() {
        let mut sources = SourceMap::default();
        let a = finding(&mut sources, "document p\nitem x", "item x");
        let prints = fingerprints(&[&a, &a], &sources);
        assert_ne!(prints[0], prints[1]);
    }

    #[test]
    fn without_obligation_the_pointed_text_is_the_subject() {
        let mut sources = SourceMap::default();
        let mut d = finding(&mut sources, "document p\nexempt  西城.1", "exempt  西城.1");
        d.obligation = None;
        assert_eq!(Identity::of(&d, &sources).about, "exempt 西城.1");
    }
}
