//! `planlint fmt`: rewrites plan files in the canonical layout of
//! [`planlint::syntax::format`], or with `--check` lists those that would
//! change. The layout is the library's; this file reads, writes and exits.

use std::path::PathBuf;
use std::process::ExitCode;

use planlint::decode::SourceEncoding;
use planlint::source::SourceFile;
use planlint::syntax::format;

use crate::cli::files::{self, Collected};
use crate::cli::lang::say;
use crate::cli::write::write_atomically;
use planlint::i18n::{Id, Msg};

#[derive(clap::Args)]
pub struct FmtArgs {
    /// Plan files or directories (default: `rules` and `plans`).
    pub paths: Vec<PathBuf>,
    /// Change nothing: list the files that would change, and exit 1 if any.
    #[arg(long)]
    pub check: bool,
}

/// Exit 0 when every file is (or, with `--check`, already was) formatted;
/// 1 with `--check` when a file would change; 2 when a file cannot be
/// read, written or parsed (such a file is left unchanged).
pub fn run(args: FmtArgs) -> ExitCode {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("rules"), PathBuf::from("plans")]
    } else {
        args.paths
    };
    let mut collected = Collected::default();
    let mut errors = Vec::new();
    for path in &paths {
        files::collect(path, &mut collected, &mut errors);
    }
    let mut failed = !errors.is_empty();
    for e in &errors {
        crate::cli::lang::cannot_read("read-error", &e.path, &e.message);
    }
    let mut changed = 0;
    for path in &collected.paths {
        let name = files::display(path);
        let file = match files::read(path) {
            Ok(file) => file,
            Err(e) => {
                crate::cli::lang::cannot_read("read-error", &e.path, &e.message);
                failed = true;
                continue;
            }
        };
        if file.encoding.is_converted() {
            say(Msg::FmtNotUtf8 {
                name: Id::new(&name),
                encoding: file.encoding.name().to_string(),
            });
            failed = true;
            continue;
        }
        let formatted = match format::format(&file.text) {
            Ok(formatted) => formatted,
            Err(syntax_errors) => {
                let source = SourceFile::new(name.clone(), &*file.text);
                for e in &syntax_errors {
                    let (line, column) = source.line_col(e.span.start);
                    let headline = crate::cli::lang::text(Msg::Headline {
                        severity: planlint::diagnostic::Severity::Error,
                        code: e.code.to_string(),
                        message: crate::cli::lang::text_of(&e.message),
                    });
                    eprintln!("{name}:{line}:{column}: {headline}");
                }
                say(Msg::FmtSyntaxErrors {
                    name: Id::new(&name),
                });
                failed = true;
                continue;
            }
        };
        if *formatted == *file.text {
            continue;
        }
        changed += 1;
        if args.check {
            println!("{name}");
            continue;
        }
        let mut bytes = Vec::with_capacity(formatted.len() + 3);
        if file.encoding == SourceEncoding::Utf8Bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(formatted.as_bytes());
        if let Err(e) = write_atomically(path, &bytes) {
            crate::cli::lang::cannot_write(&name, &crate::cli::lang::io_reason(&e));
            failed = true;
        }
    }
    let total = collected.paths.len();
    if args.check {
        say(Msg::FmtWouldReformat { changed, total });
    } else {
        say(Msg::FmtReformatted { changed, total });
    }
    if failed {
        ExitCode::from(2)
    } else if args.check && changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
