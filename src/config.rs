//! `planlint.toml`: where the rules and plans are, severity overrides per
//! code and per plan, and the fail level; and the policy that applies them.
//!
//! ```toml
//! rules = "rules"
//! plans = "plans"
//! fail-level = "error"          # error | warning | info
//! docs-url = "https://example.org/planlint/diagnostics"   # optional
//! lang = "zh"                   # zh | en; else the locale, else English
//!
//! [severity]
//! dropped-element = "warning"   # error | warning | info | allow
//!
//! [[overrides]]
//! plans = ["plans/xicheng*.plan"]
//! severity = { missing-responsible-unit = "allow" }
//! ```
//!
//! Precedence, strongest first: a command-line flag (`--deny`, `--warn`,
//! `--allow`), a matching `[[overrides]]` entry (the last that matches),
//! `[severity]`, the obligation's own `severity`, the check's default.
//! Input errors (syntax, model) cannot be overridden: they always stop the
//! run. Parsing is text in, values or errors with spans out; finding and
//! reading the file is the binary's business.

use std::collections::BTreeMap;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::check::registry;
use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Id, Lang, Msg, Text};
use crate::source::Span;

/// The file name searched for from the working directory upward.
pub const FILE_NAME: &str = "planlint.toml";

/// What a code is set to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Not reported at all.
    Allow,
    Report(Severity),
}

impl Level {
    pub fn parse(word: &str) -> Option<Level> {
        match word {
            "allow" | "off" => Some(Level::Allow),
            "warn" => Some(Level::Report(Severity::Warning)),
            "deny" => Some(Level::Report(Severity::Error)),
            _ => Severity::parse(word).map(Level::Report),
        }
    }
}

/// A problem in the configuration file or the flags.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    pub message: Text,
    /// Where in the file, when the error is in the file.
    pub span: Option<Span>,
    pub help: Option<Text>,
}

/// The configuration file, read.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub rules: Option<String>,
    pub plans: Option<String>,
    pub fail_level: Option<Severity>,
    pub docs_url: Option<String>,
    /// The language of messages (`lang`); the flag `--lang` wins over it.
    pub lang: Option<Lang>,
    pub severity: BTreeMap<String, Level>,
    pub overrides: Vec<Override>,
}

/// Severities for the plans whose files match some glob.
#[derive(Debug, Clone)]
pub struct Override {
    pub globs: GlobSet,
    pub severity: BTreeMap<String, Level>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    rules: Option<String>,
    plans: Option<String>,
    fail_level: Option<Spanned<String>>,
    docs_url: Option<Spanned<String>>,
    lang: Option<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    overrides: Vec<RawOverride>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    plans: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
}

impl Config {
    /// Reads the text of a `planlint.toml`; every error found is returned.
    pub fn parse(text: &str) -> Result<Config, Vec<ConfigError>> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            vec![ConfigError {
                message: Msg::ConfigUnparsable {
                    detail: e.message().trim().to_string(),
                }
                .into(),
                span: e.span().map(|r| Span::new(r.start, r.end)),
                help: Some(Msg::HelpConfigKeys {}.into()),
            }]
        })?;
        let mut errors = Vec::new();
        let fail_level = raw.fail_level.and_then(|f| {
            let span = f.span();
            match fail_level(f.get_ref()) {
                Ok(s) => Some(s),
                Err(mut e) => {
                    e.span = Some(Span::new(span.start, span.end));
                    errors.push(e);
                    None
                }
            }
        });
        let docs_url = raw.docs_url.and_then(|u| {
            let span = u.span();
            match docs_url(u.get_ref()) {
                Ok(()) => Some(u.into_inner()),
                Err(mut e) => {
                    e.span = Some(Span::new(span.start, span.end));
                    errors.push(e);
                    None
                }
            }
        });
        let lang = raw.lang.and_then(|l| {
            let parsed = Lang::parse(l.get_ref());
            if parsed.is_none() {
                errors.push(ConfigError {
                    message: Msg::UnknownLanguage {
                        word: Id::new(l.get_ref()),
                    }
                    .into(),
                    span: Some(Span::new(l.span().start, l.span().end)),
                    help: Some(Msg::HelpLanguages {}.into()),
                });
            }
            parsed
        });
        let severity = levels(&raw.severity, &mut errors);
        let mut overrides = Vec::new();
        for o in &raw.overrides {
            let mut builder = GlobSetBuilder::new();
            for g in &o.plans {
                match Glob::new(g.get_ref()) {
                    Ok(glob) => {
                        builder.add(glob);
                    }
                    Err(e) => errors.push(ConfigError {
                        message: Msg::NotAGlob {
                            glob: Id::new(g.get_ref()),
                            reason: e.kind().to_string(),
                        }
                        .into(),
                        span: Some(Span::new(g.span().start, g.span().end)),
                        help: Some(Msg::HelpGlob {}.into()),
                    }),
                }
            }
            let severity = levels(&o.severity, &mut errors);
            if let Ok(globs) = builder.build() {
                overrides.push(Override { globs, severity });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Config {
            rules: raw.rules,
            plans: raw.plans,
            fail_level,
            docs_url,
            lang,
            severity,
            overrides,
        })
    }
}

fn levels(
    raw: &BTreeMap<Spanned<String>, Spanned<String>>,
    errors: &mut Vec<ConfigError>,
) -> BTreeMap<String, Level> {
    let mut out = BTreeMap::new();
    for (code, level) in raw {
        if let Err(mut e) = overridable(code.get_ref()) {
            e.span = Some(Span::new(code.span().start, code.span().end));
            errors.push(e);
            continue;
        }
        match Level::parse(level.get_ref()) {
            Some(l) => {
                out.insert(code.get_ref().clone(), l);
            }
            None => errors.push(ConfigError {
                message: Msg::UnknownSeverity {
                    word: Id::new(level.get_ref()),
                }
                .into(),
                span: Some(Span::new(level.span().start, level.span().end)),
                help: Some(Msg::HelpSeverities {}.into()),
            }),
        }
    }
    out
}

/// Reads a fail level: `error`, `warning` or `info`.
pub fn fail_level(word: &str) -> Result<Severity, ConfigError> {
    Severity::parse(word).ok_or_else(|| ConfigError {
        message: Msg::UnknownFailLevel {
            word: Id::new(word),
        }
        .into(),
        span: None,
        help: Some(Msg::HelpFailLevels {}.into()),
    })
}

/// Checks `docs-url`: SARIF viewers make it a link (`helpUri`), so only a
/// web address is taken, never `javascript:`, `file:` or text with spaces
/// or control characters.
pub fn docs_url(url: &str) -> Result<(), ConfigError> {
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    let host_ok = rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty()
    });
    if host_ok && !url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Ok(());
    }
    Err(ConfigError {
        message: Msg::DocsUrlNotWeb {
            url: Id::new(crate::report::printable::printable(url)),
        }
        .into(),
        span: None,
        help: Some(Msg::HelpDocsUrl {}.into()),
    })
}

/// Whether a code exists and can have its severity changed.
pub fn overridable(code: &str) -> Result<(), ConfigError> {
    if registry::INPUT_CODES.iter().any(|c| c.code == code) {
        return Err(ConfigError {
            message: Msg::NotOverridable {
                code: Id::new(code),
            }
            .into(),
            span: None,
            help: Some(Msg::HelpInputErrorsStop {}.into()),
        });
    }
    if registry::lookup(code).is_none() {
        let help =
            match crate::syntax::lower::did_you_mean(code, registry::all_codes().map(|c| c.code)) {
                Some(s) => Msg::HelpCodesListDidYouMean {
                    suggestion: Id::new(s),
                },
                None => Msg::HelpCodesList {},
            };
        return Err(ConfigError {
            message: Msg::UnknownCodeSetting {
                code: Id::new(code),
            }
            .into(),
            span: None,
            help: Some(help.into()),
        });
    }
    Ok(())
}

/// The severities in force for a run: flags over the file over the
/// diagnostics' own.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// `--deny`, `--warn`, `--allow`.
    pub flags: BTreeMap<String, Level>,
    pub config: Config,
}

impl Policy {
    /// The level of a finding with `code` in a plan whose file, relative to
    /// the configuration file's directory, is `plan_path`.
    pub fn level(&self, code: &str, plan_path: Option<&str>, own: Severity) -> Level {
        if let Some(&l) = self.flags.get(code) {
            return l;
        }
        if let Some(path) = plan_path
            && let Some(&l) = self
                .config
                .overrides
                .iter()
                .rev()
                .filter(|o| o.globs.is_match(path))
                .find_map(|o| o.severity.get(code))
        {
            return l;
        }
        self.config
            .severity
            .get(code)
            .copied()
            .unwrap_or(Level::Report(own))
    }

    /// Applies the levels: allowed findings are dropped, the others take
    /// their severity. Input errors are left as they are.
    pub fn apply(
        &self,
        diagnostics: Vec<Diagnostic>,
        plan_path: impl Fn(&Diagnostic) -> Option<String>,
    ) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter_map(|mut d| {
                if registry::INPUT_CODES.iter().any(|c| c.code == d.code) {
                    return Some(d);
                }
                match self.level(d.code, plan_path(&d).as_deref(), d.severity) {
                    Level::Allow => None,
                    Level::Report(s) => {
                        // What a later document asks stays advice: settings
                        // may silence it, not make it fail a run.
                        d.severity = if d.advisory { Severity::Info } else { s };
                        Some(d)
                    }
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let config = Config::parse(
            "rules = \"r\"\nfail-level = \"warning\"\n[severity]\ndropped-element = \"allow\"\n[[overrides]]\nplans = [\"plans/x*.plan\"]\nseverity = { undercut-target = \"warning\" }\n",
        )
        .unwrap_or_default();
        assert_eq!(config.rules.as_deref(), Some("r"));
        assert_eq!(config.fail_level, Some(Severity::Warning));
        assert_eq!(config.severity.get("dropped-element"), Some(&Level::Allow));
        assert_eq!(config.overrides.len(), 1);
    }

    #[test]
    fn docs_url_is_a_web_address() {
        for good in [
            "https://example.org/planlint/diagnostics",
            "HTTP://intranet.gov.cn/docs",
        ] {
            let text = format!("docs-url = {good:?}\n");
            let config = Config::parse(&text).unwrap_or_default();
            assert_eq!(config.docs_url.as_deref(), Some(good));
        }
        let escape = "docs-url = \"https://a\\u001b]8;;x\"\n";
        let errors = Config::parse(escape).err().unwrap_or_default();
        assert!(
            errors[0].message.render(Lang::En).contains("a␛]8;;x"),
            "{errors:?}"
        );
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "https://a b",
            "data:text/html,<b>",
            "example.org",
        ] {
            let text = format!("docs-url = {bad:?}\n");
            let errors = Config::parse(&text).err().unwrap_or_default();
            assert_eq!(errors.len(), 1, "{bad}");
            let span = errors[0].span.unwrap_or_default();
            assert!(text[span.start..span.end].starts_with('"'), "{bad}");
            assert!(
                errors[0]
                    .message
                    .render(Lang::En)
                    .contains("not a web address"),
                "{bad}"
            );
            assert!(!errors[0].message.render(Lang::En).contains('\u{1b}'));
        }
    }

    #[test]
    fn errors_carry_spans_and_hints() {
        let text = "[severity]\nomited-obligation = \"error\"\nundercut-target = \"loud\"\n";
        let errors = Config::parse(text).err().unwrap_or_default();
        assert_eq!(errors.len(), 2);
        let span = errors[0].span.unwrap_or_default();
        assert_eq!(&text[span.start..span.end], "omited-obligation");
        assert!(errors[0].help.as_ref().is_some_and(|h| {
            h.render(Lang::En)
                .contains("did you mean `omitted-obligation`")
        }));
        assert!(
            errors[1]
                .message
                .render(Lang::En)
                .contains("unknown severity `loud`")
        );
    }

    #[test]
    fn reads_the_language() {
        let zh = Config::parse("lang = \"zh\"\n").unwrap_or_default();
        assert_eq!(zh.lang, Some(Lang::Zh));
        assert_eq!(Config::default().lang, None);
        let errors = Config::parse("lang = \"fr\"\n").err().unwrap_or_default();
        assert!(
            errors[0]
                .message
                .render(Lang::En)
                .contains("unknown language `fr`")
        );
    }

    #[test]
    fn unknown_keys_and_input_codes_are_refused() {
        assert!(Config::parse("rule = \"r\"\n").is_err());
        assert!(Config::parse("[severity]\nsyntax-error = \"allow\"\n").is_err());
    }

    #[test]
    fn flags_beat_overrides_beat_the_file_beat_the_finding() {
        let mut policy = Policy {
            config: Config::parse(
                "[severity]\nundercut-target = \"info\"\n[[overrides]]\nplans = [\"plans/x*.plan\"]\nseverity = { undercut-target = \"warning\" }\n",
            )
            .unwrap_or_default(),
            ..Policy::default()
        };
        let level = |p: &Policy, path| p.level("undercut-target", path, Severity::Error);
        assert_eq!(
            level(&policy, Some("plans/y.plan")),
            Level::Report(Severity::Info)
        );
        assert_eq!(
            level(&policy, Some("plans/xc.plan")),
            Level::Report(Severity::Warning)
        );
        policy.flags.insert("undercut-target".into(), Level::Allow);
        assert_eq!(level(&policy, Some("plans/xc.plan")), Level::Allow);
        assert_eq!(
            Policy::default().level("undercut-target", None, Severity::Warning),
            Level::Report(Severity::Warning)
        );
    }
}
