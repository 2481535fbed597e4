//! Where a run's report goes: the format on standard output, each
//! `--output-file FORMAT=PATH`, and the GitHub job summary.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use planlint::diagnostic::Diagnostic;
use planlint::report::{self, RunSummary, human};
use planlint::source::SourceMap;

use crate::cli::{Format, files, stdout};

/// One requested output: a format and, for a file, its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub format: Format,
    pub path: PathBuf,
}

/// Parses `FORMAT=PATH`.
pub fn parse_output_file(s: &str) -> Result<OutputFile, String> {
    let Some((format, path)) = s.split_once('=') else {
        return Err(format!(
            "expected FORMAT=PATH, e.g. `sarif=planlint.sarif`, not `{s}`"
        ));
    };
    let format = <Format as clap::ValueEnum>::from_str(format.trim(), true).map_err(|_| {
        format!(
            "unknown format `{format}`; the formats are {}",
            Format::NAMES.join(", ")
        )
    })?;
    if path.is_empty() {
        return Err("the path after `=` is empty".into());
    }
    Ok(OutputFile {
        format,
        path: PathBuf::from(path),
    })
}

/// What a renderer needs besides the format.
pub struct Render<'a> {
    pub diagnostics: &'a [Diagnostic],
    pub sources: &'a SourceMap,
    pub summary: &'a RunSummary,
    pub width: usize,
    pub docs_url: Option<&'a str>,
    /// List advisory findings one by one in `human` and `plain`.
    pub show_advisory: bool,
}

impl Render<'_> {
    /// The report in one format; `color` only matters for `human`.
    pub fn text(&self, format: Format, color: bool) -> String {
        let (d, s, sum) = (self.diagnostics, self.sources, self.summary);
        match format {
            Format::Human => self.drafter(human::Style::Graphical { color }),
            Format::Plain => self.drafter(human::Style::Plain),
            Format::Concise => report::concise::render(d, s, sum),
            Format::Json => report::json::render(d, s, sum),
            Format::JsonLines => report::json_lines::render(d, s, sum),
            Format::Sarif => report::sarif::render(d, s, sum, self.docs_url),
            Format::Github => report::github::render(d, s, sum),
            Format::Gitlab => report::gitlab::render(d, s, sum),
            Format::Junit => report::junit::render(d, s, sum),
        }
    }

    /// The drafter's view: grouped by plan, advisories folded.
    fn drafter(&self, style: human::Style) -> String {
        let options = report::drafter::Options {
            style,
            width: self.width,
            show_advisory: self.show_advisory,
        };
        report::drafter::render(self.diagnostics, self.sources, self.summary, options)
    }

    /// Prints the report on standard output, writes each output file and,
    /// for `github` under GitHub Actions, appends the job summary.
    /// Returns the files that could not be written.
    pub fn emit(&self, format: Option<Format>, outputs: &[OutputFile]) -> Vec<files::ReadError> {
        let stdout = std::io::stdout();
        let terminal = stdout.is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let format = format.unwrap_or(if terminal && !no_color {
            Format::Human
        } else {
            Format::Plain
        });
        stdout::print(&self.text(format, terminal && !no_color));
        let mut errors = Vec::new();
        for o in outputs {
            if let Err(e) = files::write_atomic(&o.path, &self.text(o.format, false)) {
                errors.push(e);
            }
        }
        let github = std::iter::once(format)
            .chain(outputs.iter().map(|o| o.format))
            .any(|f| f == Format::Github);
        if github
            && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
        {
            let text = report::github::summary(self.diagnostics, self.sources, self.summary);
            if let Err(e) = append(Path::new(&path), &text) {
                errors.push(e);
            }
        }
        errors
    }
}

/// Appends to a file (GitHub collects the job summary this way).
fn append(path: &Path, text: &str) -> Result<(), files::ReadError> {
    let result = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    result.map_err(|e| files::ReadError {
        path: files::display(path),
        message: crate::cli::lang::io_reason(&e),
    })
}
