//! The concrete syntax: statements, arguments and blocks, with spans.
//!
//! This layer knows nothing of documents or obligations; it only splits a
//! file into `keyword argument… { … }` statements. Tokens are read with nom;
//! the statement loop around them is ours, because nom stops at the first
//! error and a drafter wants every error of a file at once: after an error
//! the loop skips to the end of the line (or the block) and goes on.

use nom::{
    IResult, Parser,
    bytes::complete::{take_till, take_while, take_while1},
    character::complete::{char, satisfy},
    combinator::recognize,
    sequence::pair,
};

use std::borrow::Cow;

use crate::source::Span;
use crate::syntax::MAX_ERRORS_PER_FILE;

/// Blocks nest at most this deep; deeper input gets a diagnostic instead of
/// a stack overflow.
pub const MAX_DEPTH: usize = 32;

/// One statement: a keyword, its arguments and an optional block. Text is
/// borrowed from the file, so that splitting a file allocates little.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement<'a> {
    pub keyword: &'a str,
    pub keyword_span: Span,
    pub args: Vec<Arg<'a>>,
    pub block: Option<Vec<Statement<'a>>>,
    /// From the keyword to the last argument or the closing brace.
    pub span: Span,
}

/// A string literal or a bare word.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg<'a> {
    pub kind: ArgKind<'a>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ArgKind<'a> {
    /// A `"…"` literal, escapes resolved (borrowed when it has none).
    Str(Cow<'a, str>),
    /// Any other run of non-blank characters.
    Word(&'a str),
}

impl Arg<'_> {
    pub fn text(&self) -> &str {
        match &self.kind {
            ArgKind::Str(s) => s,
            ArgKind::Word(w) => w,
        }
    }
}

/// A syntax error: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// The diagnostic code, e.g. `syntax-error` or `unknown-keyword`.
    pub code: &'static str,
    pub span: Span,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

/// Lines longer than this many bytes are refused. The longest line of the
/// real cascade is under 1 KB; 16 KB holds a paragraph of 5,000 Chinese
/// characters. Without a limit, every diagnostic on a line of megabytes
/// would print the whole line again.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

/// Splits `text` into statements, collecting every syntax error. Callers
/// blank over-long lines first ([`blank_long_lines`]).
pub fn parse_statements(text: &str) -> (Vec<Statement<'_>>, Vec<SyntaxError>) {
    let mut parser = StatementParser {
        text,
        pos: 0,
        errors: Vec::new(),
        stopped: false,
    };
    let statements = parser.block_body(0, None);
    (statements, parser.errors)
}

/// Reports every line longer than [`MAX_LINE_BYTES`] and, if there is
/// one, returns a copy of `text` where such lines are spaces, so that the
/// statement parser skips them while every byte offset stays the same.
pub fn blank_long_lines(text: &str) -> (Option<String>, Vec<SyntaxError>) {
    let mut errors = Vec::new();
    let mut blanked: Option<Vec<u8>> = None;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        if content.len() > MAX_LINE_BYTES {
            let shown = crate::source::floor_char_boundary(content, 40);
            errors.push(SyntaxError {
                code: "syntax-error",
                span: Span::new(start, start + shown),
                message: format!(
                    "a line of {} bytes is longer than the limit of {MAX_LINE_BYTES}; it is skipped",
                    content.len()
                ),
                label: "this line is too long".into(),
                help: Some(
                    "break the line after a statement; a string cannot run past its line, so quote a shorter excerpt".into(),
                ),
            });
            let bytes = blanked.get_or_insert_with(|| text.as_bytes().to_vec());
            bytes[start..start + content.len()].fill(b' ');
        }
        start += line.len();
    }
    // Replacing whole lines by ASCII spaces keeps the text UTF-8.
    let blanked = blanked.map(|b| String::from_utf8(b).unwrap_or_default());
    (blanked, errors)
}

fn is_blank(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}' || c == '\r' || c == '\u{feff}'
}

fn is_word_char(c: char) -> bool {
    !(c.is_whitespace() || c == '\u{feff}' || matches!(c, '"' | '{' | '}' | ';' | '#'))
}

/// The ASCII form of a full-width brace or semicolon standing alone as
/// an argument, where the drafter meant the ASCII one.
pub fn full_width_punctuation(token: &str) -> Option<char> {
    match token {
        "｛" => Some('{'),
        "｝" => Some('}'),
        "；" => Some(';'),
        _ => None,
    }
}

fn blanks(input: &str) -> IResult<&str, &str> {
    take_while(is_blank)(input)
}

fn comment(input: &str) -> IResult<&str, &str> {
    recognize(pair(char('#'), take_till(|c| c == '\n'))).parse(input)
}

fn keyword(input: &str) -> IResult<&str, &str> {
    recognize(pair(
        satisfy(|c| c.is_ascii_alphabetic()),
        take_while(|c: char| c.is_ascii_alphanumeric() || c == '_'),
    ))
    .parse(input)
}

fn word(input: &str) -> IResult<&str, &str> {
    take_while1(is_word_char)(input)
}

/// Outcome of reading a string literal starting at `"`. Both outcomes keep
/// the text read, so that a broken string still counts as the statement's
/// argument and lowering does not report it missing as well. The value is
/// borrowed from the file when the literal has no escapes.
enum StringLit<'a> {
    /// Closed by `"`; `bad_escape` is the first unknown escape (offset and
    /// length), kept in the value as written.
    Closed {
        value: Cow<'a, str>,
        len: usize,
        bad_escape: Option<(usize, usize)>,
    },
    Unterminated {
        value: Cow<'a, str>,
        len: usize,
    },
}

fn string_literal(input: &str) -> StringLit<'_> {
    // The delimiters are ASCII, so byte positions found by memchr are
    // character boundaries; runs between escapes are copied whole.
    let bytes = input.as_bytes();
    let mut escaped: Option<String> = None;
    let mut bad_escape = None;
    let mut run_start = 1.min(input.len());
    let mut i = run_start;
    // The text read so far, up to byte `end`.
    let read = |escaped: Option<String>, run_start: usize, end: usize| match escaped {
        Some(mut v) => {
            v.push_str(&input[run_start..end]);
            Cow::Owned(v)
        }
        None => Cow::Borrowed(&input[run_start..end]),
    };
    while let Some(found) = memchr::memchr3(b'"', b'\\', b'\n', &bytes[i..]) {
        i += found;
        match bytes[i] {
            b'"' => {
                return StringLit::Closed {
                    value: read(escaped, run_start, i),
                    len: i + 1,
                    bad_escape,
                };
            }
            b'\n' => {
                return StringLit::Unterminated {
                    value: read(escaped, run_start, i),
                    len: i,
                };
            }
            _ => {
                let value = escaped.get_or_insert_with(String::new);
                value.push_str(&input[run_start..i]);
                let next = input[i + 1..].chars().next();
                match next {
                    Some('"') => value.push('"'),
                    Some('\\') => value.push('\\'),
                    Some('n') => value.push('\n'),
                    Some('t') => value.push('\t'),
                    Some(other) if other != '\n' => {
                        bad_escape.get_or_insert((i, 1 + other.len_utf8()));
                        value.push('\\');
                        value.push(other);
                    }
                    _ => {
                        return StringLit::Unterminated {
                            value: read(escaped, i, i),
                            len: i + 1,
                        };
                    }
                }
                i += 1 + next.map_or(0, char::len_utf8);
                run_start = i;
            }
        }
    }
    StringLit::Unterminated {
        value: read(escaped, run_start, input.len()),
        len: input.len(),
    }
}

struct StatementParser<'a> {
    text: &'a str,
    pos: usize,
    errors: Vec<SyntaxError>,
    /// Set once [`MAX_ERRORS_PER_FILE`] errors were found: reading stops.
    stopped: bool,
}

impl<'a> StatementParser<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn advance_to(&mut self, rest: &'a str) {
        self.pos = self.text.len() - rest.len();
    }

    fn error(
        &mut self,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
        help: Option<String>,
    ) {
        if self.errors.len() >= MAX_ERRORS_PER_FILE {
            // Stop reading: a file this broken is not a plan, and every
            // further error would cost memory and screen space.
            if !self.stopped {
                self.errors.push(SyntaxError {
                    code: "syntax-error",
                    span,
                    message: format!(
                        "more than {MAX_ERRORS_PER_FILE} syntax errors: the rest of the file is not read"
                    ),
                    label: "reading stopped here".into(),
                    help: Some("fix the errors above and run again".into()),
                });
            }
            self.stopped = true;
            self.pos = self.text.len();
            return;
        }
        self.errors.push(SyntaxError {
            code: "syntax-error",
            span,
            message: message.into(),
            label: label.into(),
            help,
        });
    }

    /// Skips blanks, newlines, `;` and comments between statements.
    fn skip_trivia(&mut self) {
        loop {
            let before = self.pos;
            if let Ok((rest, _)) = blanks(self.rest()) {
                self.advance_to(rest);
            }
            if let Ok((rest, _)) = comment(self.rest()) {
                self.advance_to(rest);
            }
            if self.rest().starts_with('\n') || self.rest().starts_with(';') {
                self.pos += 1;
            }
            if self.pos == before {
                return;
            }
        }
    }

    /// Skips to the end of the current line, for recovery.
    fn skip_line(&mut self) {
        if let Ok((rest, _)) =
            take_till::<_, _, nom::error::Error<&str>>(|c| c == '\n')(self.rest())
        {
            self.advance_to(rest);
        }
    }

    /// Reads statements until the end of input or, inside a block, the
    /// closing brace. `open` is the span of the opening brace, if any.
    fn block_body(&mut self, depth: usize, open: Option<Span>) -> Vec<Statement<'a>> {
        let mut statements = Vec::new();
        loop {
            self.skip_trivia();
            let rest = self.rest();
            let Some(c) = rest.chars().next() else {
                if let Some(open) = open {
                    self.error(
                        open,
                        "unterminated block",
                        "this `{` is never closed",
                        Some("add a `}` on its own line after the block's last statement".into()),
                    );
                }
                return statements;
            };
            if c == '}' {
                let span = Span::new(self.pos, self.pos + 1);
                self.pos += 1;
                if open.is_some() {
                    return statements;
                }
                self.error(
                    span,
                    "unexpected `}`",
                    "no block is open here",
                    Some("remove this brace".into()),
                );
                continue;
            }
            match keyword(rest) {
                Ok((after, kw)) if after.chars().next().is_none_or(|c| !is_word_char(c)) => {
                    let start = self.pos;
                    self.advance_to(after);
                    statements.push(self.statement(kw, Span::new(start, self.pos), depth));
                }
                _ => {
                    let (_, token) = word(rest).unwrap_or((rest, &rest[..c.len_utf8()]));
                    let span = Span::new(self.pos, self.pos + token.len());
                    let token = if c == '"' { "\"" } else { token };
                    let ascii = crate::syntax::value::normalize_width(token);
                    let help = if c == '"' {
                        "a statement starts with a keyword, such as `title \"…\"`".to_string()
                    } else if ascii != token
                        && keyword(&ascii).is_ok_and(|(rest, _)| rest.is_empty())
                    {
                        format!("write the keyword in ASCII: `{ascii}`")
                    } else if token == "｝" {
                        "a block closes with the ASCII `}`".to_string()
                    } else {
                        "statements start with an ASCII keyword such as `obligation`, `item` or `title`".to_string()
                    };
                    self.error(
                        span,
                        format!("expected a keyword, found `{token}`"),
                        "not a keyword",
                        Some(help),
                    );
                    self.skip_line();
                }
            }
        }
    }

    fn statement(&mut self, kw: &'a str, keyword_span: Span, depth: usize) -> Statement<'a> {
        let mut args = Vec::new();
        let mut block = None;
        let mut end = keyword_span.end;
        loop {
            if let Ok((rest, _)) = blanks(self.rest()) {
                self.advance_to(rest);
            }
            let rest = self.rest();
            let Some(c) = rest.chars().next() else { break };
            match c {
                '\n' | ';' | '#' | '}' => break,
                '"' => {
                    let start = self.pos;
                    match string_literal(rest) {
                        StringLit::Closed {
                            value,
                            len,
                            bad_escape,
                        } => {
                            self.pos += len;
                            end = self.pos;
                            args.push(Arg {
                                kind: ArgKind::Str(value),
                                span: Span::new(start, self.pos),
                            });
                            if let Some((at, len)) = bad_escape {
                                self.error(
                                    Span::new(start + at, start + at + len),
                                    "unknown escape in string",
                                    "not an escape",
                                    Some("the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`".into()),
                                );
                            }
                        }
                        StringLit::Unterminated { value, len } => {
                            self.pos += len;
                            end = self.pos;
                            args.push(Arg {
                                kind: ArgKind::Str(value),
                                span: Span::new(start, self.pos),
                            });
                            self.error(
                                Span::new(start, self.pos),
                                "unterminated string",
                                "this string has no closing `\"`",
                                Some("close the string on the same line; write `\\\"` for a quote inside it".into()),
                            );
                            break;
                        }
                    }
                }
                '{' => {
                    let open = Span::new(self.pos, self.pos + 1);
                    self.pos += 1;
                    if depth + 1 > MAX_DEPTH {
                        self.error(
                            open,
                            "blocks nested too deeply",
                            format!("more than {MAX_DEPTH} levels"),
                            Some("no construct of the language nests this deep; check for missing `}`".into()),
                        );
                        self.skip_nested_block();
                    } else {
                        block = Some(self.block_body(depth + 1, Some(open)));
                    }
                    end = self.pos;
                    break;
                }
                _ => {
                    let (after, token) =
                        word(rest).unwrap_or((&rest[c.len_utf8()..], &rest[..c.len_utf8()]));
                    let start = self.pos;
                    self.advance_to(after);
                    end = self.pos;
                    if let Some(ascii) = full_width_punctuation(token) {
                        self.error(
                            Span::new(start, self.pos),
                            format!("full-width `{token}` where `{ascii}` is meant"),
                            "full-width punctuation",
                            Some(format!("write the ASCII `{ascii}`")),
                        );
                    }
                    args.push(Arg {
                        kind: ArgKind::Word(token),
                        span: Span::new(start, self.pos),
                    });
                }
            }
        }
        Statement {
            keyword: kw,
            keyword_span,
            args,
            block,
            span: Span::new(keyword_span.start, end),
        }
    }

    /// Skips a block that is too deep without recursing: counts braces
    /// outside strings and comments.
    fn skip_nested_block(&mut self) {
        let mut level = 1usize;
        while let Some(c) = self.rest().chars().next() {
            match c {
                '"' => {
                    let len = match string_literal(self.rest()) {
                        StringLit::Closed { len, .. } | StringLit::Unterminated { len, .. } => {
                            len.max(1)
                        }
                    };
                    self.pos += len;
                    continue;
                }
                '#' => {
                    self.skip_line();
                    continue;
                }
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.pos += c.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(s: &'a Statement<'a>) -> Vec<&'a str> {
        s.args.iter().map(Arg::text).collect()
    }

    #[test]
    fn statements_arguments_and_blocks() {
        let (statements, errors) = parse_statements(
            "# comment\nobligation bj.3.1.1 {\n  title \"加强科学精神\" # trailing\n  target x { at_least 30万 人次; per year }\n}\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(statements.len(), 1);
        let obligation = &statements[0];
        assert_eq!(obligation.keyword, "obligation");
        assert_eq!(words(obligation), ["bj.3.1.1"]);
        let body = obligation.block.as_ref().unwrap();
        assert_eq!(body[0].keyword, "title");
        assert_eq!(body[0].args[0].kind, ArgKind::Str("加强科学精神".into()));
        let target = body[1].block.as_ref().unwrap();
        assert_eq!(words(&target[0]), ["30万", "人次"]);
        assert_eq!(target[1].keyword, "per");
    }

    #[test]
    fn escapes_and_ideographic_space() {
        let (statements, errors) = parse_statements("text\u{3000}\"a \\\"b\\\" \\\\ c\"\n");
        assert!(errors.is_empty());
        assert_eq!(
            statements[0].args[0].kind,
            ArgKind::Str("a \"b\" \\ c".into())
        );
    }

    #[test]
    fn every_error_is_reported_and_parsing_goes_on() {
        let text = "a {\n  title \"open\n}\nb {\n  \"no keyword\"\n}\nc {\n  x 1 }\n}\n";
        let (statements, errors) = parse_statements(text);
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "unterminated string",
                "expected a keyword, found `\"`",
                "unexpected `}`"
            ]
        );
        assert_eq!(
            statements.iter().map(|s| s.keyword).collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn unterminated_block_points_at_its_brace() {
        let (_, errors) = parse_statements("document d {\n  title \"t\"\n");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "unterminated block");
        assert_eq!(errors[0].span, Span::new(11, 12));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = "a {\n".repeat(10_000);
        let (_, errors) = parse_statements(&text);
        assert!(
            errors
                .iter()
                .any(|e| e.message == "blocks nested too deeply")
        );
    }
}
