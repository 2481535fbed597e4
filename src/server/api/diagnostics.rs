//! The library's diagnostics as LSP diagnostics, published per file: each
//! finding on the file it is about, with its severity, its code (linked to
//! its documentation when `planlint.toml` names `docs-url`) and its
//! related places, which point into the rules.

use std::collections::{BTreeMap, BTreeSet};

use lsp_server::{Connection, Notification};
use lsp_types::notification::{Notification as _, PublishDiagnostics};
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams,
};

use planlint::diagnostic::{Diagnostic, Severity};
use planlint::i18n::{Lang, Msg};
use planlint::source::SourceMap;

use crate::server::edit::{self, PositionEncoding};
use crate::server::session::Session;

/// What was last published, per file name, so that only files whose
/// diagnostics changed are published again, and the files the editor
/// changed since, which are published whatever.
#[derive(Default)]
pub struct Published {
    last: BTreeMap<String, Vec<lsp_types::Diagnostic>>,
    touched: BTreeSet<String>,
}

impl Published {
    /// Publishes the diagnostics of the touched files and of every file
    /// whose diagnostics changed (an empty list clears a file's).
    pub fn publish(&mut self, connection: &Connection, session: &Session) {
        let Some(analysis) = session.analysis() else {
            return;
        };
        let sources = &analysis.outcome.model.sources;
        let docs_url = session.settings.config.docs_url.as_deref();
        let mut now: BTreeMap<String, Vec<lsp_types::Diagnostic>> = BTreeMap::new();
        for (_, f) in sources.iter() {
            now.entry(f.name.clone()).or_default();
        }
        for name in session.open_names() {
            now.entry(name.to_string()).or_default();
        }
        for d in &analysis.outcome.diagnostics {
            let name = &sources.get(d.primary.file).name;
            let converted = convert(d, sources, session, docs_url, analysis.lang);
            now.entry(name.clone()).or_default().extend(converted);
        }
        for name in self.last.keys() {
            now.entry(name.clone()).or_default();
        }
        for (name, diagnostics) in now {
            let unchanged = self.last.get(&name) == Some(&diagnostics);
            if unchanged && !self.touched.contains(&name) {
                continue;
            }
            let Some(uri) = session.uri(&name) else {
                continue;
            };
            let version = session.document(&name).map(|d| d.version);
            let params = PublishDiagnosticsParams {
                uri,
                diagnostics: diagnostics.clone(),
                version,
            };
            let notification = Notification::new(PublishDiagnostics::METHOD.into(), params);
            let _ = connection.sender.send(notification.into());
            self.last.insert(name, diagnostics);
        }
        self.touched.clear();
    }

    /// Marks a file the editor changed: its diagnostics are published
    /// after the next check even if they are the same.
    pub fn touch(&mut self, name: String) {
        self.touched.insert(name);
    }
}

fn convert(
    d: &Diagnostic,
    sources: &SourceMap,
    session: &Session,
    docs_url: Option<&str>,
    lang: Lang,
) -> Option<lsp_types::Diagnostic> {
    let encoding = session.encoding;
    let file = sources.get(d.primary.file);
    let related = d
        .related
        .iter()
        .filter_map(|label| {
            Some(DiagnosticRelatedInformation {
                location: location(session, sources, label.file, label.span, encoding)?,
                message: label.message.clone(),
            })
        })
        .collect::<Vec<_>>();
    let message = match &d.help {
        Some(help) => format!(
            "{}\n{}",
            d.message,
            Msg::HelpLine { help: help.clone() }.render(lang)
        ),
        None => d.message.clone(),
    };
    Some(lsp_types::Diagnostic {
        range: edit::range(file, d.primary.span, encoding),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.into())),
        code_description: docs_url
            .and_then(|url| format!("{url}#{}", d.code).parse().ok())
            .map(|href| CodeDescription { href }),
        source: Some("planlint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    })
}

/// The LSP location of a span of a file of the model.
pub fn location(
    session: &Session,
    sources: &SourceMap,
    file: planlint::source::FileId,
    span: planlint::source::Span,
    encoding: PositionEncoding,
) -> Option<Location> {
    let file = sources.get(file);
    Some(Location::new(
        session.uri(&file.name)?,
        edit::range(file, span, encoding),
    ))
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
