//! The formatter: one canonical layout of the plan language, printed from
//! the lossless tree, so that comments and blank lines survive.
//!
//! The layout: two spaces of indentation per block; one space between a
//! keyword and each argument and before `{`; one statement per line inside
//! a block written over several lines; a block written on one line (`target
//! x { at_least 30%; by 2025 }`) stays on one line, its statements joined
//! by `; `; a comment stays on its line, after one space if it follows a
//! statement; runs of blank lines become one, none at the start or end of a
//! block or file; the file ends with one newline. Strings and words are
//! kept exactly as written, however long: nothing depends on the width of
//! characters, so nothing is aligned or wrapped. CRLF files stay CRLF, and a
//! byte order mark stays.
//!
//! Only a file without syntax errors is formatted: where the tree has an
//! error, the text around it cannot be laid out without guessing.

use crate::syntax::SyntaxError;
use crate::syntax::cst::{self, Element, Node, NodeKind, TokenKind};

const INDENT: &str = "  ";

/// Formats `text`, or gives its syntax errors if it has any.
pub fn format(text: &str) -> Result<String, Vec<SyntaxError>> {
    let cst::Parsed { tree, errors, .. } = cst::parse(text);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut printer = Printer {
        text,
        out: String::with_capacity(text.len()),
    };
    if text.starts_with('\u{feff}') {
        printer.out.push('\u{feff}');
    }
    printer.body(tree.root(), 0, false);
    if !printer.out.trim_start_matches('\u{feff}').is_empty() {
        printer.out.push('\n');
    }
    if text.contains("\r\n") {
        printer.out = printer.out.replace('\n', "\r\n");
    }
    Ok(printer.out)
}

struct Printer<'a> {
    text: &'a str,
    out: String,
}

impl Printer<'_> {
    /// Prints the statements and comments of a file (`in_block` false) or
    /// of a block written over several lines, at `depth`. Every line but
    /// the first of a file starts with its newline.
    fn body(&mut self, node: Node, depth: usize, in_block: bool) {
        // Newlines read since the last line printed.
        let mut newlines = 0usize;
        // Whether the last thing printed is on the line being read, so
        // that a comment after it stays beside it (after a `{` too).
        let mut same_line = in_block;
        let mut first = true;
        for element in node.children() {
            match element {
                Element::Token(t) => match t.kind {
                    TokenKind::Newline => {
                        newlines += 1;
                        same_line = false;
                    }
                    TokenKind::Comment => {
                        let comment = t.text(self.text).trim_end();
                        if same_line {
                            self.out.push(' ');
                        } else {
                            self.start_line(depth, newlines, first, in_block);
                            first = false;
                        }
                        self.out.push_str(comment);
                        newlines = 0;
                    }
                    _ => {}
                },
                Element::Node(n) if n.kind() == NodeKind::Statement => {
                    self.start_line(depth, newlines, first, in_block);
                    first = false;
                    self.statement(n, depth);
                    newlines = 0;
                    same_line = true;
                }
                Element::Node(_) => {}
            }
        }
    }

    /// Starts a line: its newline (none for the first line of a file), a
    /// blank line where the text had at least one, and the indentation.
    fn start_line(&mut self, depth: usize, newlines: usize, first: bool, in_block: bool) {
        if !first || in_block {
            self.out.push('\n');
        }
        if !first && newlines >= 2 {
            self.out.push('\n');
        }
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
    }

    fn statement(&mut self, node: Node, depth: usize) {
        let mut words = 0;
        for child in node.children() {
            match child {
                Element::Token(t) if matches!(t.kind, TokenKind::Word | TokenKind::String) => {
                    if words > 0 {
                        self.out.push(' ');
                    }
                    words += 1;
                    self.out.push_str(t.text(self.text));
                }
                Element::Node(block) if block.kind() == NodeKind::Block => {
                    self.out.push(' ');
                    if block.tokens().iter().any(|t| t.kind == TokenKind::Newline) {
                        self.out.push('{');
                        self.body(block, depth + 1, true);
                        self.out.push('\n');
                        for _ in 0..depth {
                            self.out.push_str(INDENT);
                        }
                        self.out.push('}');
                    } else {
                        self.one_line_block(block);
                    }
                }
                _ => {}
            }
        }
    }

    /// A block written on one line: `{ a 1; b 2 }`, or `{}`.
    fn one_line_block(&mut self, block: Node) {
        let statements: Vec<Node> = block.statements().collect();
        if statements.is_empty() {
            self.out.push_str("{}");
            return;
        }
        self.out.push_str("{ ");
        for (i, statement) in statements.into_iter().enumerate() {
            if i > 0 {
                self.out.push_str("; ");
            }
            self.statement(statement, 0);
        }
        self.out.push_str(" }");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn formatted(text: &str) -> String {
        format(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn a_messy_file_gets_the_canonical_layout() {
        let text = "\n\n# head\n\n\n\ndocument  d   {   # the document\n\ttitle\u{3000}\"t  x\"\n  rank county \"区\";issued 2022-01-01\n\n\n\n  # a group\n    carries_out a b   \n\n}\nitem i { target t {at_least 30%;by 2025;} ; implements a }  # one line\nitem j {\n  target t { at_least 1 }}\n\n\n";
        let expected = "# head\n\ndocument d { # the document\n  title \"t  x\"\n  rank county \"区\"\n  issued 2022-01-01\n\n  # a group\n  carries_out a b\n}\nitem i { target t { at_least 30%; by 2025 }; implements a } # one line\nitem j {\n  target t { at_least 1 }\n}\n";
        assert_eq!(formatted(text), expected);
        assert_eq!(formatted(expected), expected);
    }

    #[test]
    fn crlf_bom_and_empty_blocks_are_kept() {
        assert_eq!(
            formatted("\u{feff}a {}\r\nb {\r\n}\r\n"),
            "\u{feff}a {}\r\nb {\r\n}\r\n"
        );
        assert_eq!(formatted(""), "");
        assert_eq!(formatted("\n\n  \n"), "");
        assert_eq!(formatted("# only"), "# only\n");
    }

    #[test]
    fn a_file_with_a_syntax_error_is_refused() {
        let errors = format("item a {\n  title \"x\n}\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(
            errors[0].message.render(crate::i18n::Lang::En),
            "unterminated string"
        );
    }

    /// The statements of a text without their spans: what lowering reads.
    fn shape(text: &str) -> String {
        fn walk(statements: &[cst::Statement], out: &mut String) {
            for s in statements {
                out.push_str(s.keyword);
                for arg in &s.args {
                    out.push_str(&format!(" {:?}", arg.kind));
                }
                if let Some(block) = &s.block {
                    out.push_str(" {");
                    walk(block, out);
                    out.push('}');
                }
                out.push(';');
            }
        }
        let mut out = String::new();
        walk(&cst::parse(text).statements, &mut out);
        out
    }

    proptest::proptest! {
        #[test]
        fn formatting_keeps_the_statements_and_is_idempotent(
            text in "([a-z_]{1,5}|[0-9%]{1,3}|\"[a-z 万]{0,3}\"|[ \t\n;{}]|# [a-z]{0,3}\n|\u{3000}|\r\n){0,60}"
        ) {
            if let Ok(once) = format(&text) {
                proptest::prop_assert_eq!(shape(&once), shape(&text));
                proptest::prop_assert_eq!(format(&once), Ok(once.clone()));
            }
        }
    }
}
