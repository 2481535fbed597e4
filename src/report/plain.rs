//! Plain, narratable output: no drawing characters, no colour, one block
//! per diagnostic, every position a line and a character column. For
//! screen readers, logs and pipes.
//!
//! ```text
//! error[omitted-obligation]: no item implements `bj.3.4.3/2` (…)
//!   at plans/xicheng.plan:39:1: omitted from this plan
//!   note: rules/beijing-outline.plan:498:3: required by `bj.outline`
//!   help: add an item with `implements bj.3.4.3/2`, …
//! ```
//!
//! miette's narratable handler measures columns in display width (a Han
//! character counts two), so this format has its own renderer.

use crate::diagnostic::{Diagnostic, Label};
use crate::report::printable::printable;
use crate::source::SourceMap;

/// Renders one diagnostic as plain text, ending with a newline; control
/// characters from the input are made visible ([`printable`]).
pub fn render_one(d: &Diagnostic, sources: &SourceMap) -> String {
    let mut out = format!("{}[{}]: {}\n", d.severity.as_str(), d.code, d.message);
    out.push_str(&format!("  at {}\n", place(&d.primary, sources)));
    let excerpt = excerpt(&d.primary, sources);
    if !excerpt.is_empty() {
        out.push_str(&format!("  | {excerpt}\n"));
    }
    for label in &d.related {
        out.push_str(&format!("  note: {}\n", place(label, sources)));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    for fix in &d.fixes {
        out.push_str(&format!("  fix: {}\n", fix.description));
    }
    printable(&out).into_owned()
}

/// `file:line:column: message`.
pub(crate) fn place(label: &Label, sources: &SourceMap) -> String {
    let file = sources.get(label.file);
    let (line, column) = file.line_col(label.span.start);
    if label.message.is_empty() {
        format!("{}:{line}:{column}", file.name)
    } else {
        format!("{}:{line}:{column}: {}", file.name, label.message)
    }
}

/// The text of the label's first line, trimmed, at most 120 characters.
pub(crate) fn excerpt(label: &Label, sources: &SourceMap) -> String {
    let file = sources.get(label.file);
    let (line, _) = file.line_col(label.span.start);
    let Some(start) = file.line_start(line - 1) else {
        return String::new();
    };
    let end = file
        .line_start(line)
        .map(|e| e.saturating_sub(1))
        .unwrap_or(file.text.len());
    let text = file.slice(crate::source::Span::new(start, end)).trim();
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(120).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::source::{SourceFile, Span};

    #[test]
    fn columns_count_characters() {
        let mut sources = SourceMap::default();
        let file = sources.add(SourceFile::new(
            "a.plan",
            "  elements \"进企业\" \"进社区\"\n",
        ));
        let start = "  elements \"进企业\" ".len();
        let d = Diagnostic::new(
            "dropped-element",
            Severity::Warning,
            "x",
            Label::new(file, Span::new(start, start + "\"进社区\"".len()), "here"),
        );
        let text = render_one(&d, &sources);
        assert!(text.contains("a.plan:1:18: here"), "{text}");
        assert!(
            text.contains("  | elements \"进企业\" \"进社区\""),
            "{text}"
        );
    }
}
