//! `planlint generate` (hidden): write a synthetic cascade and its manifest
//! of planted defects, for benchmarks and the generator's tests.

use std::path::PathBuf;
use std::process::ExitCode;

use planlint::generate::{self, Options, Rates};

use crate::cli::write::write_atomically;

#[derive(clap::Args)]
pub struct GenerateArgs {
    /// Directory to write `rules/`, `plans/` and `manifest.json` into.
    #[arg(long)]
    pub out: PathBuf,
    /// Number of provinces: 1 for one province, 31 for the country, 310 for ten times it.
    #[arg(long, default_value_t = generate::PROVINCES)]
    pub provinces: usize,
    /// Seed of the generator; the same seed writes the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

pub fn run(args: GenerateArgs) -> ExitCode {
    let cascade = generate::generate(&Options {
        seed: args.seed,
        provinces: args.provinces,
        rates: Rates::default(),
    });
    for file in &cascade.files {
        let path = args.out.join(&file.path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| write_atomically(&path, file.text.as_bytes()));
        if let Err(e) = written {
            crate::cli::lang::cannot_write(
                &path.display().to_string(),
                &crate::cli::lang::io_reason(&e),
            );
            return ExitCode::from(2);
        }
    }
    let manifest = match serde_json::to_string_pretty(&cascade.manifest) {
        Ok(m) => m,
        Err(e) => {
            crate::cli::lang::say(planlint::i18n::Msg::CliCannotWriteManifest {
                reason: e.to_string(),
            });
            return ExitCode::from(2);
        }
    };
    let manifest_path = args.out.join("manifest.json");
    if let Err(e) = write_atomically(&manifest_path, (manifest + "\n").as_bytes()) {
        crate::cli::lang::cannot_write(
            &manifest_path.display().to_string(),
            &crate::cli::lang::io_reason(&e),
        );
        return ExitCode::from(2);
    }
    let m = &cascade.manifest;
    crate::cli::stdout::print(&format!(
        "{} files, {} bytes: {} provinces, {} cities, {} counties; {} planted defects\n",
        m.files,
        m.bytes,
        m.provinces,
        m.cities,
        m.counties,
        m.defects.len()
    ));
    ExitCode::SUCCESS
}
