//! Standard output for every command: when the reader goes away
//! (`planlint codes | head -1`), the process ends at once and quietly, as
//! `cat` would, instead of panicking on the broken pipe.

use std::io::{self, Write};

/// The exit status when standard output is a pipe nobody reads any more:
/// 128 + SIGPIPE, the status a shell shows for a Unix tool the signal ended.
pub const BROKEN_PIPE_STATUS: i32 = 141;

/// Writes `bytes` to standard output and flushes it. A closed reader ends
/// the process with [`BROKEN_PIPE_STATUS`] and nothing on stderr; any other
/// error is returned.
pub fn write(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => std::process::exit(BROKEN_PIPE_STATUS),
        result => result,
    }
}

/// [`write`] for text, reporting any other error on stderr: there is
/// nowhere else to say it.
pub fn print(text: &str) {
    if let Err(e) = write(text.as_bytes()) {
        crate::cli::lang::say(planlint::i18n::Msg::CliCannotWriteStdout {
            reason: crate::cli::lang::io_reason(&e),
        });
    }
}
