//! Stage 1, syntax: text → typed tree of one file, plus every error in it.
//!
//! Invariant: parsing never fails and never stops at the first error; it
//! returns what it could read and the list of errors. Nothing here knows
//! about other files, the graph or the checks.

pub mod ast;
pub mod cst;
pub mod format;
pub mod lower;
pub mod value;

pub use ast::FileAst;
pub use cst::SyntaxError;

/// The result of parsing one file: the tree and the errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Parse {
    pub file: FileAst,
    pub errors: Vec<SyntaxError>,
}

/// At most this many syntax errors, and this many errors in what the
/// statements say, are kept for one file: past that, reading stops (syntax)
/// or the rest are counted in one last error. A file of garbage would
/// otherwise print millions of diagnostics and hold them all in memory.
pub const MAX_ERRORS_PER_FILE: usize = 200;

/// Parses the text of one `.plan` file.
pub fn parse(text: &str) -> Parse {
    let (statements, mut errors) = cst::statements(text);
    let (file, lower_errors) = lower::lower(&statements);
    errors.extend(lower_errors);
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    Parse { file, errors }
}
