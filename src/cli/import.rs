//! `planlint import FILE`: reads the drafter's document (bounded), the
//! rules, hands both to the library and writes the draft: to stdout, or
//! to `-o FILE` atomically, never over an existing file without `--force`.
//! Exit 0 when written; 2 on a file it cannot read or write.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;

use planlint::import::{self, Options};
use planlint::workspace::{self, Settings, Workspace};

use crate::cli::lang::text;
use crate::cli::{files, today, write};
use planlint::i18n::{Id, Msg};

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The document: `.txt` (UTF-8, UTF-16, GBK/GB18030), `.docx`, or
    /// `.html` as saved from a government website.
    pub file: PathBuf,
    /// Where to write the draft; stdout when absent.
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
    /// The documents it carries out (repeatable); default: those it cites
    /// that the rules hold.
    #[arg(long, value_name = "DOCUMENT")]
    pub carries_out: Vec<String>,
    /// What to write: a plan's items, or a higher document's obligations.
    #[arg(long = "as", value_enum, default_value = "plan")]
    pub as_: ImportAs,
    #[arg(long, value_enum, default_value = "plan")]
    pub format: ImportFormat,
    #[arg(long, default_value = "rules")]
    pub rules: PathBuf,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportAs {
    Plan,
    Rules,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// The plan language.
    Plan,
    /// What was extracted (docs/json.md).
    Json,
}

/// The largest document read, in bytes.
const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

pub fn run(args: ImportArgs) -> ExitCode {
    let name = files::display(&args.file);
    if let Some(out) = &args.out
        && out.exists()
        && !args.force
    {
        return fail(Msg::ImportOutExists {
            path: Id::new(files::display(out)),
        });
    }
    let (text, outside) = match read_document(&args.file) {
        Ok(text) => text,
        Err(message) => {
            return fail(Msg::ImportCannotRead {
                code: "read-error".to_string(),
                name: Id::new(&name),
                reason: message,
            });
        }
    };
    let mut errors = Vec::new();
    let mut collected = files::Collected::default();
    if args.rules.exists() {
        files::collect(&args.rules, &mut collected, &mut errors);
    }
    let texts = files::read_all(&collected.paths, &mut errors)
        .into_iter()
        .map(|(n, f)| (n, f.text))
        .collect();
    for e in &errors {
        crate::cli::lang::cannot_read("read-error", &e.path, &e.message);
    }
    if !errors.is_empty() {
        return ExitCode::from(2);
    }
    // The rules through the library's one entry point, no plan checked:
    // the import needs their model, not findings.
    let workspace = Workspace {
        texts,
        selected: Some(Vec::new()),
        ..Workspace::default()
    };
    let settings = Settings {
        policy: None,
        options: planlint::check::Options { as_of: today() },
        lang: Some(crate::cli::lang::get()),
        owed: false,
        coverage: false,
    };
    let model = workspace::run(workspace, &settings, None).outcome.model;
    let options = Options {
        carries_out: &args.carries_out,
        as_rules: args.as_ == ImportAs::Rules,
        outside: &outside,
    };
    let imported = match import::import(&text, &model, options) {
        Ok(i) => i,
        Err(e) => {
            return fail(Msg::ImportFailed {
                name: Id::new(&name),
                reason: Box::new(e.message()),
                help: Box::new(e.help()),
            });
        }
    };
    let output = match (args.format, args.as_) {
        (ImportFormat::Json, _) => match serde_json::to_string_pretty(&imported.json()) {
            Ok(json) => json + "\n",
            Err(e) => {
                return fail(Msg::CliCannotWriteJson {
                    reason: e.to_string(),
                });
            }
        },
        (ImportFormat::Plan, ImportAs::Plan) => {
            import::draft_in(&imported, &model, &name, crate::cli::lang::get())
        }
        (ImportFormat::Plan, ImportAs::Rules) => import::rules_in(
            &imported,
            &name,
            &prefix(&args.file),
            crate::cli::lang::get(),
        ),
    };
    match &args.out {
        None => match crate::cli::output::write(None, output.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("planlint: {e}");
                ExitCode::from(2)
            }
        },
        Some(out) => match write::write_atomically(out, output.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                crate::cli::lang::cannot_write(
                    &files::display(out),
                    &crate::cli::lang::io_reason(&e),
                );
                ExitCode::from(2)
            }
        },
    }
}

/// The id prefix of imported obligations: the file's stem, as an id.
fn prefix(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let id = id.trim_matches('-').to_string();
    if id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id
    } else {
        format!("doc-{id}")
    }
}

/// Reads a document's bytes (at most [`MAX_INPUT_BYTES`]) and turns them
/// into text by its kind.
fn read_document(path: &Path) -> Result<(String, Vec<String>), String> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "doc" | "wps" => {
            return Err("legacy Word and WPS files are not read; save it as .docx (Word: 另存为 → Word 文档) or as plain text".into());
        }
        "pdf" => {
            return Err(text(Msg::ImportPdf {}));
        }
        _ => {}
    }
    let file = fs::File::open(path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err(text(Msg::ImportNotRegular {}));
    }
    let too_large = |size: u64| {
        text(Msg::ImportTooLarge {
            size: format!("{:.1}", size as f64 / 1_048_576.0),
            limit: (MAX_INPUT_BYTES / 1_048_576) as usize,
        })
    };
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    match extension.as_str() {
        "docx" => planlint::import::docx::text(&bytes)
            .map(|text| (text, Vec::new()))
            .map_err(|e| {
                text(Msg::ImportBadDocx {
                    reason: Box::new(e.message()),
                })
            }),
        "html" | "htm" => {
            let decoded = planlint::decode::decode(&bytes)
                .map_err(|e| crate::cli::lang::text(e.with_help()))?;
            let page = planlint::import::html::read(&decoded.text);
            Ok((page.text, page.outside))
        }
        _ => {
            let decoded = planlint::decode::decode(&bytes)
                .map_err(|e| crate::cli::lang::text(e.with_help()))?;
            Ok((decoded.text.to_string(), Vec::new()))
        }
    }
}

fn fail(message: Msg) -> ExitCode {
    crate::cli::lang::say(message);
    ExitCode::from(2)
}
