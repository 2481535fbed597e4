//! Where a report or a graph goes: to stdout, or to `--out FILE` through
//! [`crate::cli::write::write_atomically`], so that a reader never sees half
//! a report and a failed run leaves the old file in place.

use std::path::Path;

use planlint::i18n::{Id, Msg};

/// Writes `bytes` to `path` (through a temporary file and a rename), or to
/// stdout when there is no path. The error says what failed, for stderr.
pub fn write(path: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    let Some(path) = path else {
        return crate::cli::stdout::write(bytes).map_err(|e| {
            crate::cli::lang::text(Msg::CliCannotWriteStdout {
                reason: crate::cli::lang::io_reason(&e),
            })
        });
    };
    crate::cli::write::write_atomically(path, bytes).map_err(|e| {
        crate::cli::lang::text(Msg::CliCannotWrite {
            code: "write-error".to_string(),
            path: Id::new(crate::cli::files::display(path)),
            reason: crate::cli::lang::io_reason(&e),
        })
    })
}
