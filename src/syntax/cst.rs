//! The concrete syntax tree: every byte of a file, as tokens in nodes.
//!
//! A file is split into tokens (words, strings, braces, `;`, and the
//! trivia: blanks, newlines, comments), and the tokens are grouped into
//! nodes: statements (`keyword argument… { … }`), blocks, and error nodes
//! for what could not be read as a statement. **Invariant:** the tokens of
//! the tree, in order, are the text: nothing is dropped, so the formatter
//! can rewrite a file without losing a comment, and every error has a
//! place. The shape follows rust-analyzer's lossless trees, kept simple
//! and flat: one vector of tokens (spans into the text, trivia included)
//! and one of nodes in pre-order, each node a run of tokens ([`Tree`]).
//!
//! Parsing never fails: it gives the tree and its errors. It recovers at
//! statement and block boundaries: a bad token costs the rest of its line,
//! a string stops at the end of its line, and a missing `}` or `{` is
//! found by indentation (see [`parse`]), so that one mistake gives one
//! error and what follows is still read. Lowering
//! ([`crate::syntax::lower`]) reads the [`Statement`]s of the tree.

use std::borrow::Cow;

use smallvec::SmallVec;

use crate::i18n::{Id, Msg, Text};
use crate::source::Span;
use crate::syntax::MAX_ERRORS_PER_FILE;

/// Blocks nest at most this deep; deeper input gets a diagnostic instead of
/// a stack overflow.
pub const MAX_DEPTH: usize = 32;

/// Lines longer than this many bytes are refused. The longest line of the
/// real cascade is under 1 KB; 16 KB holds a paragraph of 5,000 Chinese
/// characters. Without a limit, every diagnostic on a line of megabytes
/// would print the whole line again.
pub const MAX_LINE_BYTES: usize = 16 * 1024;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Blanks within a line: spaces, tabs, the ideographic space, `\r`,
    /// a byte order mark, any other Unicode space.
    Whitespace,
    Newline,
    /// `#` to the end of the line.
    Comment,
    /// A keyword or a bare argument: a run of other characters.
    Word,
    /// A `"…"` literal, closed or not (then it ends at the end of its line).
    String,
    LBrace,
    RBrace,
    Semicolon,
    /// A full-width `；`, `｛`, `｝` or `：` where the language wants ASCII
    /// (or, for `：`, nothing). It has its error; the parser then reads it
    /// as the ASCII one, and skips the colon.
    FullWidth,
    /// Text that is not read: a line over [`MAX_LINE_BYTES`], or the rest
    /// of a file after [`MAX_ERRORS_PER_FILE`] errors.
    Skipped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

impl Token {
    pub fn text(self, source: &str) -> &str {
        &source[self.span.start..self.span.end]
    }
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// The whole file: statements and the trivia between them.
    File,
    /// A keyword, its arguments and the blanks between them, and its block
    /// if it has one. The blanks and comment after it belong to the parent.
    Statement,
    /// `{`, statements and trivia, and `}` unless it is missing.
    Block,
    /// Tokens that could not be read as a statement, with their error.
    Error,
}

/// The tree of one file, flat: every token in the order of the text, and
/// the nodes in pre-order, each covering a run of tokens. One allocation
/// per vector however large the file, which keeps parsing as fast as the
/// lossy parser it replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    tokens: Vec<Token>,
    nodes: Vec<NodeData>,
}

#[derive(Debug, Clone, PartialEq)]
struct NodeData {
    kind: NodeKind,
    span: Span,
    /// The node's tokens are `tokens[first..last]`.
    first: usize,
    last: usize,
    /// The index of the first node after this node's descendants.
    next: usize,
}

impl Tree {
    /// The whole file.
    pub fn root(&self) -> Node<'_> {
        Node {
            tree: self,
            index: 0,
        }
    }

    /// Every token, in the order of the text: concatenated, they are the
    /// text.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }
}

/// A node of a [`Tree`].
#[derive(Debug, Clone, Copy)]
pub struct Node<'t> {
    tree: &'t Tree,
    index: usize,
}

/// A child of a node: a token, or a node.
#[derive(Debug, Clone, Copy)]
pub enum Element<'t> {
    Token(Token),
    Node(Node<'t>),
}

impl<'t> Node<'t> {
    fn data(&self) -> &'t NodeData {
        &self.tree.nodes[self.index]
    }

    pub fn kind(&self) -> NodeKind {
        self.data().kind
    }

    pub fn span(&self) -> Span {
        self.data().span
    }

    /// Every token under this node, in the order of the text.
    pub fn tokens(&self) -> &'t [Token] {
        let data = self.data();
        &self.tree.tokens[data.first..data.last]
    }

    /// The node's tokens and nodes, in the order of the text.
    pub fn children(&self) -> impl Iterator<Item = Element<'t>> + 't {
        let tree = self.tree;
        let data = self.data();
        let mut token = data.first;
        let mut child = self.index + 1;
        std::iter::from_fn(move || {
            if token >= data.last {
                return None;
            }
            if let Some(c) = tree.nodes.get(child).filter(|_| child < data.next)
                && c.first == token
            {
                let node = Node { tree, index: child };
                token = c.last;
                child = c.next;
                return Some(Element::Node(node));
            }
            token += 1;
            Some(Element::Token(tree.tokens[token - 1]))
        })
    }

    /// The statement nodes among the children.
    pub fn statements(&self) -> impl Iterator<Item = Node<'t>> + 't {
        self.children().filter_map(|c| match c {
            Element::Node(n) if n.kind() == NodeKind::Statement => Some(n),
            _ => None,
        })
    }
}

/// One statement as lowering reads it: a keyword, its arguments and an
/// optional block. Text is borrowed from the file, so that reading a file
/// allocates little.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement<'a> {
    pub keyword: &'a str,
    pub keyword_span: Span,
    /// Kept in the statement when there is one (most statements): a
    /// vector each was a third of the allocations of reading a plan.
    pub args: SmallVec<[Arg<'a>; 1]>,
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
    pub message: Text,
    pub label: Text,
    pub help: Option<Text>,
}

/// Parses `text` into its lossless tree, collecting every syntax error.
///
/// A file whose braces do not balance (a block open at its end, or a `}`
/// that closes none) is read again with the help of indentation: when an
/// open block's statements are indented deeper than its header (or it
/// began on the header's line), a statement at or left of the header's
/// indentation (such as the next `item` at the start of a line), or a `}`
/// left of it, ends that block, and the one error is its unclosed `{`; a
/// statement without a block whose next line is indented deeper opens one,
/// and the one error is the missing `{`. A file whose braces balance is
/// read in one pass: indentation never changes how it reads.
pub fn parse(text: &str) -> Parsed<'_> {
    parse_with(text, true)
}

/// Parses `text` like [`parse`], but without its tree: only the statements
/// lowering reads and the errors, which are those of [`parse`]. The model
/// needs no tree, and not building one saves a token (24 bytes) for every
/// 6 bytes of text.
pub fn statements(text: &str) -> (Vec<Statement<'_>>, Vec<SyntaxError>) {
    let parsed = parse_with(text, false);
    (parsed.statements, parsed.errors)
}

fn parse_with(text: &str, tree: bool) -> Parsed<'_> {
    let (parsed, unbalanced) = Parser::new(text, false, tree).file();
    if !unbalanced {
        return parsed;
    }
    Parser::new(text, true, tree).file().0
}

/// A parsed file: its lossless tree, its statements as lowering reads
/// them (built in the same pass), and its syntax errors.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    pub tree: Tree,
    pub statements: Vec<Statement<'a>>,
    pub errors: Vec<SyntaxError>,
}

/// Whether a word is a keyword: an ASCII letter, then ASCII letters,
/// digits and `_`.
fn is_keyword(word: &str) -> bool {
    let mut bytes = word.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The length in bytes of the blanks at the start of `text`.
fn blank_run(text: &str) -> usize {
    run_length(
        text,
        |b| matches!(b, b' ' | b'\t' | b'\r' | 0x0b | 0x0c),
        is_blank,
    )
}

/// The length in bytes of the word at the start of `text`.
fn word_run(text: &str) -> usize {
    run_length(text, |b| !ENDS_WORD[usize::from(b)], is_word_char)
}

/// The ASCII characters that end a word: blanks, line ends, quotes,
/// braces, `;` and `#`. A table: every byte of every id and figure of a
/// plan is tested.
const ENDS_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let ends = *b" \t\r\x0b\x0c\n\"{};#";
    let mut i = 0;
    while i < ends.len() {
        table[ends[i] as usize] = true;
        i += 1;
    }
    table
};

/// The length in bytes of the run of characters at the start of `text`
/// that `keep` accepts (`keep_ascii` for ASCII characters, most of a plan
/// outside its strings, tested byte by byte without decoding).
#[inline(always)]
fn run_length(text: &str, keep_ascii: impl Fn(u8) -> bool, keep: impl Fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !keep_ascii(b) {
                return i;
            }
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            if !keep(c) {
                return i;
            }
            i += c.len_utf8();
        }
    }
    i
}

fn is_blank(c: char) -> bool {
    c != '\n' && (c.is_whitespace() || c == '\u{feff}')
}

/// The ASCII character a full-width one stands for, where the language
/// reads punctuation; `：` stands for nothing (a space separates a keyword
/// from its value).
pub fn full_width(c: char) -> Option<&'static str> {
    match c {
        '；' => Some(";"),
        '｛' => Some("{"),
        '｝' => Some("}"),
        '：' => Some(""),
        _ => None,
    }
}

fn is_word_char(c: char) -> bool {
    !(is_blank(c) || matches!(c, '\n' | '"' | '{' | '}' | ';' | '#') || full_width(c).is_some())
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

/// An open block, as the recovering pass sees it.
#[derive(Clone, Copy)]
struct Open {
    brace: Span,
    /// The indentation of the line of the block's header.
    header_indent: usize,
    /// Whether the block's first statement is indented deeper than its
    /// header; `None` before the first statement.
    indented: Option<bool>,
    /// A block whose `{` is missing, found by indentation: the error is
    /// that `{`, so its end is not reported as well.
    implicit: bool,
}

struct Parser<'a> {
    text: &'a str,
    /// Where the next token starts.
    pos: usize,
    peeked: Option<Token>,
    /// Whether the next token starts a line (its length is checked then).
    line_start: bool,
    errors: Vec<SyntaxError>,
    /// Set once [`MAX_ERRORS_PER_FILE`] errors were found: reading stops.
    stopped: bool,
    /// Whether indentation may end an unclosed block (the second pass).
    recover: bool,
    /// Whether a block was still open at the end of the file, or a `}`
    /// closed none: then the file is read again, with indentation.
    unbalanced: bool,
    /// Whether the tree is built; without it, `tokens` and `nodes` stay
    /// empty and the statements are read all the same.
    tree: bool,
    /// The tree being built: every token read, and the nodes so far.
    tokens: Vec<Token>,
    nodes: Vec<NodeData>,
    /// Where the last token read ends, and the span of the last one that
    /// is not a blank: a statement's span, with or without the tree.
    last_end: usize,
    last_solid: Span,
    /// The value of the last string literal lexed, escapes resolved.
    string_value: Option<Cow<'a, str>>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, recover: bool, tree: bool) -> Self {
        // About one token per 6 bytes and one node per 40 in the bundled
        // files.
        let (tokens, nodes) = if tree {
            (text.len() / 6, text.len() / 40)
        } else {
            (0, 0)
        };
        Parser {
            text,
            pos: 0,
            peeked: None,
            line_start: true,
            errors: Vec::new(),
            stopped: false,
            recover,
            unbalanced: false,
            tree,
            tokens: Vec::with_capacity(tokens),
            nodes: Vec::with_capacity(nodes),
            last_end: 0,
            last_solid: Span::default(),
            string_value: None,
        }
    }

    fn file(mut self) -> (Parsed<'a>, bool) {
        let root = self.start_node(NodeKind::File, 0);
        let statements = self.body(0, None);
        self.finish_node(root);
        if let Some(root) = self.nodes.get_mut(root) {
            root.span = Span::new(0, self.text.len());
        }
        let tree = Tree {
            tokens: self.tokens,
            nodes: self.nodes,
        };
        let parsed = Parsed {
            tree,
            statements,
            errors: self.errors,
        };
        (parsed, self.unbalanced)
    }

    /// Opens a node whose first token is `tokens[first]`; its children
    /// follow, then [`Parser::finish_node`].
    fn start_node(&mut self, kind: NodeKind, first: usize) -> usize {
        if !self.tree {
            return 0;
        }
        self.nodes.push(NodeData {
            kind,
            span: Span::default(),
            first,
            last: first,
            next: 0,
        });
        self.nodes.len() - 1
    }

    /// Closes a node after the last token read.
    fn finish_node(&mut self, index: usize) {
        self.finish_node_at(index, self.tokens.len());
    }

    fn finish_node_at(&mut self, index: usize, last: usize) {
        if !self.tree {
            return;
        }
        let next = self.nodes.len();
        let node = &mut self.nodes[index];
        node.last = last;
        node.next = next;
        let start = self
            .tokens
            .get(node.first)
            .map_or(self.pos, |t| t.span.start);
        let end = if last > node.first {
            self.tokens[last - 1].span.end
        } else {
            start
        };
        node.span = Span::new(start, end);
    }

    fn error(
        &mut self,
        span: Span,
        message: impl Into<Text>,
        label: impl Into<Text>,
        help: impl Into<Text>,
    ) {
        if self.stopped {
            return;
        }
        if self.errors.len() >= MAX_ERRORS_PER_FILE {
            // Stop reading: a file this broken is not a plan, and every
            // further error would cost memory and screen space.
            self.errors.push(SyntaxError {
                code: "syntax-error",
                span,
                message: Msg::SyntaxTooMany {
                    max: MAX_ERRORS_PER_FILE,
                }
                .into(),
                label: Msg::LabelReadingStopped {}.into(),
                help: Some(Msg::HelpFixAbove {}.into()),
            });
            self.stopped = true;
            return;
        }
        self.errors.push(SyntaxError {
            code: "syntax-error",
            span,
            message: message.into(),
            label: label.into(),
            help: Some(help.into()),
        });
    }

    // The lexer.

    #[inline]
    fn peek(&mut self) -> Option<Token> {
        if self.peeked.is_none() {
            self.peeked = self.lex();
        }
        self.peeked
    }

    /// Takes the next token into the tree.
    fn bump(&mut self) -> Option<Token> {
        let token = self.peek();
        self.peeked = None;
        if let Some(t) = token {
            if self.tree {
                self.tokens.push(t);
            }
            self.last_end = t.span.end;
            if t.kind != TokenKind::Whitespace {
                self.last_solid = t.span;
            }
        }
        token
    }

    fn token(&mut self, kind: TokenKind, len: usize) -> Option<Token> {
        let span = Span::new(self.pos, self.pos + len);
        self.pos += len;
        Some(Token { kind, span })
    }

    #[inline(never)]
    fn lex(&mut self) -> Option<Token> {
        let rest = &self.text[self.pos..];
        if rest.is_empty() {
            return None;
        }
        if self.stopped {
            return self.token(TokenKind::Skipped, rest.len());
        }
        // Only a line with more than the limit still to read can be too long.
        if self.line_start && rest.len() > MAX_LINE_BYTES {
            self.line_start = false;
            let line = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
            if line > MAX_LINE_BYTES {
                let shown = crate::source::floor_char_boundary(rest, 40);
                self.error(
                    Span::new(self.pos, self.pos + shown),
                    Msg::SyntaxLongLine {
                        line,
                        max: MAX_LINE_BYTES,
                    },
                    Msg::LabelLineTooLong {},
                    Msg::HelpBreakLine {},
                );
                return self.token(TokenKind::Skipped, line);
            }
        }
        let c = rest.chars().next()?;
        match c {
            '\n' => {
                self.line_start = true;
                self.token(TokenKind::Newline, 1)
            }
            '#' => {
                let len = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
                self.token(TokenKind::Comment, len)
            }
            '"' => {
                let start = self.pos;
                let len = match string_literal(rest) {
                    StringLit::Closed {
                        value,
                        len,
                        bad_escape,
                    } => {
                        self.string_value = Some(value);
                        if let Some((at, n)) = bad_escape {
                            self.error(
                                Span::new(start + at, start + at + n),
                                Msg::SyntaxUnknownEscape {},
                                Msg::LabelNotAnEscape {},
                                Msg::HelpEscapes {},
                            );
                        }
                        len
                    }
                    StringLit::Unterminated { value, len } => {
                        self.string_value = Some(value);
                        self.error(
                            Span::new(start, start + len),
                            Msg::SyntaxUnterminatedString {},
                            Msg::LabelNoClosingQuote {},
                            Msg::HelpCloseString {},
                        );
                        len
                    }
                };
                self.token(TokenKind::String, len)
            }
            '{' => self.token(TokenKind::LBrace, 1),
            '}' => self.token(TokenKind::RBrace, 1),
            ';' => self.token(TokenKind::Semicolon, 1),
            c if is_blank(c) => {
                let len = blank_run(rest);
                if !self.tree {
                    // Without the tree nothing reads a blank: the parser
                    // would only skip it, one token at a time.
                    self.pos += len;
                    self.last_end = self.pos;
                    return self.lex();
                }
                self.token(TokenKind::Whitespace, len)
            }
            c => {
                if let Some(ascii) = full_width(c) {
                    let span = Span::new(self.pos, self.pos + c.len_utf8());
                    if ascii.is_empty() {
                        self.error(
                            span,
                            Msg::SyntaxFullWidthColon {
                                c: Id(c.to_string()),
                            },
                            Msg::LabelNoColon {},
                            Msg::HelpRemoveColon {},
                        );
                    } else {
                        self.error(
                            span,
                            Msg::SyntaxFullWidth {
                                c: Id(c.to_string()),
                                ascii: Id::new(ascii),
                            },
                            Msg::LabelFullWidth {},
                            Msg::HelpWriteAscii {
                                ascii: Id::new(ascii),
                            },
                        );
                    }
                    return self.token(TokenKind::FullWidth, c.len_utf8());
                }
                let len = word_run(rest);
                self.token(TokenKind::Word, len)
            }
        }
    }

    /// The meaning of a token for the structure: a full-width brace or
    /// semicolon reads as the ASCII one, and `：` as a blank.
    fn role(&self, token: Token) -> TokenKind {
        if token.kind != TokenKind::FullWidth {
            return token.kind;
        }
        match token.text(self.text) {
            "；" => TokenKind::Semicolon,
            "｛" => TokenKind::LBrace,
            "｝" => TokenKind::RBrace,
            _ => TokenKind::Whitespace,
        }
    }

    // Indentation, for the recovering pass only.

    /// The width of the blanks at the start of the line holding `pos`.
    fn indent_of(&self, pos: usize) -> usize {
        let start = memchr::memrchr(b'\n', &self.text.as_bytes()[..pos]).map_or(0, |i| i + 1);
        self.text[start..]
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count()
    }

    /// The column of `pos` if only blanks come before it on its line.
    fn line_column(&self, pos: usize) -> Option<usize> {
        let indent = self.indent_of(pos);
        let start = memchr::memrchr(b'\n', &self.text.as_bytes()[..pos]).map_or(0, |i| i + 1);
        (start + indent == pos).then_some(indent)
    }

    // The parser.

    /// Reads statements and trivia until the end of the input or, inside
    /// a block, its closing brace (or, in the recovering pass, the first
    /// statement or `}` that indentation puts outside it).
    fn body(&mut self, depth: usize, mut open: Option<Open>) -> Vec<Statement<'a>> {
        // Sized for the generated and bundled plans: a top-level statement
        // per 256 bytes or more, and six properties in an item's block.
        let mut statements = Vec::with_capacity(if depth == 0 { self.text.len() / 256 } else { 6 });
        loop {
            let Some(token) = self.peek() else {
                if let Some(open) = open {
                    self.unbalanced |= !self.stopped;
                    self.unclosed_block(open);
                }
                return statements;
            };
            match self.role(token) {
                TokenKind::Whitespace
                | TokenKind::Newline
                | TokenKind::Comment
                | TokenKind::Skipped
                | TokenKind::Semicolon => {
                    self.bump();
                }
                TokenKind::RBrace => {
                    if let Some(o) = open {
                        if self.recover
                            && o.indented == Some(true)
                            && self
                                .line_column(token.span.start)
                                .is_some_and(|column| column < o.header_indent)
                        {
                            self.unclosed_block(o);
                            return statements;
                        }
                        self.bump();
                        return statements;
                    }
                    let node = self.start_node(NodeKind::Error, self.tokens.len());
                    self.bump();
                    self.finish_node(node);
                    self.unbalanced |= !self.stopped;
                    self.error(
                        token.span,
                        Msg::SyntaxUnexpectedBrace {},
                        Msg::LabelNoBlockOpen {},
                        Msg::HelpRemoveBrace {},
                    );
                }
                TokenKind::Word if is_keyword(token.text(self.text)) => {
                    if self.recover
                        && let Some(o) = open.as_mut()
                    {
                        match self.line_column(token.span.start) {
                            Some(column) => {
                                if o.indented == Some(true) && column <= o.header_indent {
                                    let o = *o;
                                    self.unclosed_block(o);
                                    return statements;
                                }
                                o.indented.get_or_insert(column > o.header_indent);
                            }
                            None => {
                                // After `;` or on the line of the `{`: a
                                // one-line block, whose next lines are
                                // outside it if at the header's indentation.
                                let between = &self.text[o.brace.end..token.span.start];
                                if !between.contains('\n') {
                                    o.indented.get_or_insert(true);
                                }
                            }
                        }
                    }
                    statements.push(self.statement(token, depth));
                }
                _ => self.stray(token, depth),
            }
        }
    }

    fn unclosed_block(&mut self, open: Open) {
        if open.implicit {
            return;
        }
        self.error(
            open.brace,
            Msg::SyntaxUnterminatedBlock {},
            Msg::LabelNeverClosed {},
            Msg::HelpAddClosingBrace {},
        );
    }

    /// A token that cannot begin a statement: one error, and the rest of
    /// its line is skipped (a block on that line is read, so that its `}`
    /// does not stray as well).
    fn stray(&mut self, token: Token, depth: usize) {
        let text = token.text(self.text);
        let shown = if token.kind == TokenKind::String {
            "\""
        } else {
            text
        };
        let ascii = crate::syntax::value::normalize_width(shown);
        let help = if token.kind == TokenKind::String {
            Msg::HelpStatementKeyword {}
        } else if shown.starts_with(['“', '「', '＂', '『']) {
            Msg::HelpTextKeyword {}
        } else if ascii != shown && is_keyword(&ascii) {
            Msg::HelpKeywordAscii {
                ascii: Id::new(ascii),
            }
        } else {
            Msg::HelpAsciiKeyword {}
        };
        self.error(
            Span::new(token.span.start, token.span.start + shown.len()),
            Msg::SyntaxExpectedKeyword {
                found: Id::new(shown),
            },
            Msg::LabelNotAKeyword {},
            help,
        );
        let node = self.start_node(NodeKind::Error, self.tokens.len());
        let mut first = true;
        while let Some(t) = self.peek() {
            match self.role(t) {
                TokenKind::Newline | TokenKind::RBrace if !first => break,
                TokenKind::LBrace => {
                    self.bump();
                    // What the block holds is not read: its line is not.
                    self.open_block(t.span, depth);
                    break;
                }
                _ => {
                    self.bump();
                }
            }
            first = false;
        }
        self.finish_node(node);
    }

    /// Reads one statement, from its `keyword` (the token just peeked) to
    /// the end of its line, `;`, comment or block. The blanks after it go
    /// to its parent.
    fn statement(&mut self, keyword: Token, depth: usize) -> Statement<'a> {
        let node = self.start_node(NodeKind::Statement, self.tokens.len());
        self.bump();
        let mut args = SmallVec::new();
        let mut block = None;
        let mut has_block = false;
        while let Some(t) = self.peek() {
            match self.role(t) {
                TokenKind::Whitespace => {
                    self.bump();
                }
                TokenKind::Word => {
                    self.bump();
                    args.push(Arg {
                        kind: ArgKind::Word(t.text(self.text)),
                        span: t.span,
                    });
                }
                TokenKind::String => {
                    let value = self.string_value.take().unwrap_or_default();
                    self.bump();
                    args.push(Arg {
                        kind: ArgKind::Str(value),
                        span: t.span,
                    });
                }
                TokenKind::LBrace => {
                    self.bump();
                    block = self.open_block(t.span, depth);
                    has_block = true;
                    break;
                }
                _ => break,
            }
        }
        // Without a block, the statement ends at its last token that is
        // not a blank (the keyword at least).
        let mut end = self.last_end;
        if !has_block {
            let header = self.last_solid;
            end = header.end;
            if self.recover {
                block = self.implicit_block(keyword, header, depth);
                if block.is_some() {
                    end = self.last_end;
                }
            }
        }
        if self.tree {
            let first = self.nodes[node].first;
            let mut last = self.tokens.len();
            if !has_block && block.is_none() {
                while last > first + 1 && self.tokens[last - 1].kind == TokenKind::Whitespace {
                    last -= 1;
                }
            }
            self.finish_node_at(node, last);
        }
        Statement {
            keyword: keyword.text(self.text),
            keyword_span: keyword.span,
            args,
            block,
            span: Span::new(keyword.span.start, end),
        }
    }

    /// In the recovering pass, a statement without a block whose next line
    /// is a statement indented deeper was meant to open one: one error for
    /// the missing `{` after `header` (the statement's last token), and the
    /// indented lines are read as its block.
    fn implicit_block(
        &mut self,
        keyword: Token,
        header: Span,
        depth: usize,
    ) -> Option<Vec<Statement<'a>>> {
        let newline = self.peek().filter(|t| t.kind == TokenKind::Newline)?;
        let header_indent = self.indent_of(keyword.span.start);
        let next = &self.text[newline.span.end..];
        let indent = next
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        if indent <= header_indent
            || !next[indent..].starts_with(|c: char| c.is_ascii_alphabetic())
            || depth + 1 > MAX_DEPTH
        {
            return None;
        }
        self.error(
            header,
            Msg::SyntaxMissingBrace {},
            Msg::LabelNoOpeningBrace {},
            Msg::HelpOpenBlock {},
        );
        let open = Open {
            brace: header,
            header_indent,
            indented: Some(true),
            implicit: true,
        };
        let node = self.start_node(NodeKind::Block, self.tokens.len());
        let statements = self.body(depth + 1, Some(open));
        self.finish_node(node);
        Some(statements)
    }

    /// Reads a block whose `{` (at `brace`) was just read, opened at
    /// `depth`; `None` when it nests too deep to be read.
    fn open_block(&mut self, brace: Span, depth: usize) -> Option<Vec<Statement<'a>>> {
        if depth + 1 > MAX_DEPTH {
            self.error(
                brace,
                Msg::SyntaxNestedTooDeep {},
                Msg::LabelMoreLevels { max: MAX_DEPTH },
                Msg::HelpCheckBraces {},
            );
            self.skip_nested_block();
            return None;
        }
        let open = Open {
            brace,
            header_indent: if self.recover {
                self.indent_of(brace.start)
            } else {
                0
            },
            indented: None,
            implicit: false,
        };
        let node = self.start_node(NodeKind::Block, self.tokens.len().saturating_sub(1));
        let statements = self.body(depth + 1, Some(open));
        self.finish_node(node);
        Some(statements)
    }

    /// Skips a block that is too deep without recursing: counts braces.
    fn skip_nested_block(&mut self) {
        let node = self.start_node(NodeKind::Error, self.tokens.len().saturating_sub(1));
        let mut level = 1usize;
        while let Some(t) = self.bump() {
            match self.role(t) {
                TokenKind::LBrace => level += 1,
                TokenKind::RBrace => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
        self.finish_node(node);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_statements(text: &str) -> (Vec<Statement<'_>>, Vec<SyntaxError>) {
        let parsed = parse(text);
        (parsed.statements, parsed.errors)
    }

    fn words<'s>(s: &'s Statement<'_>) -> Vec<&'s str> {
        s.args.iter().map(Arg::text).collect()
    }

    #[test]
    fn syntax_errors_are_catalogue_messages_in_both_languages() {
        use crate::i18n::Lang;
        let parsed = parse("item a {\n  title \"x\n}\n");
        let e = &parsed.errors[0];
        assert_eq!(e.message.render(Lang::En), "unterminated string");
        assert_eq!(e.message.render(Lang::Zh), "字符串没有结束");
        assert_eq!(e.label.render(Lang::Zh), "此字符串缺少结尾的 `\"`");
        let parsed = parse("item a {\n  title：\"x\"\n}\n");
        assert_eq!(
            parsed.errors[0].message.render(Lang::Zh),
            "语句中有全角的 `：`"
        );
    }

    fn messages(errors: &[SyntaxError]) -> Vec<String> {
        errors
            .iter()
            .map(|e| e.message.render(crate::i18n::Lang::En))
            .collect()
    }

    /// The invariant of the tree: its tokens, in order, are the text.
    fn assert_lossless(text: &str) {
        let tree = parse(text).tree;
        let mut joined = String::new();
        let mut end = 0;
        assert_eq!(tree.root().tokens(), tree.tokens());
        for &token in tree.root().tokens() {
            assert_eq!(token.span.start, end, "a gap or overlap before {token:?}");
            joined.push_str(token.text(text));
            end = token.span.end;
        }
        assert_eq!(joined, text);
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
        assert_eq!(
            messages(&errors),
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
        assert_eq!(messages(&errors), ["unterminated block"]);
        assert_eq!(errors[0].span, Span::new(11, 12));
    }

    #[test]
    fn a_missing_brace_is_found_by_indentation_and_what_follows_is_read() {
        let text = "item a {\n  title \"x\"\n\n# next\nitem b {\n  title \"y\"\n}\n";
        let (statements, errors) = parse_statements(text);
        assert_eq!(messages(&errors), ["unterminated block"]);
        assert_eq!(errors[0].span, Span::new(7, 8));
        let keywords: Vec<_> = statements.iter().map(|s| s.keyword).collect();
        assert_eq!(keywords, ["item", "item"]);
        assert_eq!(statements[0].block.as_ref().map(Vec::len), Some(1));
        assert_lossless(text);
    }

    #[test]
    fn a_nested_block_missing_its_brace_is_closed_by_the_dedent() {
        let text = "obligation p {\n  obligation c {\n    title \"y\"\n  obligation d {\n    title \"z\"\n  }\n}\nobligation q {\n}\n";
        let (statements, errors) = parse_statements(text);
        assert_eq!(messages(&errors), ["unterminated block"]);
        assert_eq!(errors[0].span.start, text.find("c {").unwrap() + 2);
        let p = statements[0].block.as_ref().unwrap();
        assert_eq!(
            p.iter().map(|s| words(s)[0]).collect::<Vec<_>>(),
            ["c", "d"]
        );
        assert_eq!(statements[1].args[0].text(), "q");

        let last = "item a {\n  target t {\n    at_least 3\n}\nitem b {\n}\n";
        let (statements, errors) = parse_statements(last);
        assert_eq!(messages(&errors), ["unterminated block"]);
        assert_eq!(errors[0].span.start, last.find("t {").unwrap() + 2);
        assert_eq!(statements.len(), 2);
    }

    #[test]
    fn a_missing_opening_brace_is_found_by_indentation() {
        let text = "item a\n  title \"x\"\n  units \"y\"\n}\n\nitem b {\n  title \"z\"\n}\n";
        let (statements, errors) = parse_statements(text);
        assert_eq!(messages(&errors), ["missing `{`"]);
        assert_eq!(errors[0].span, Span::new(5, 6));
        assert_eq!(statements.len(), 2);
        let a = statements[0].block.as_ref().expect("a block");
        assert_eq!(
            a.iter().map(|s| s.keyword).collect::<Vec<_>>(),
            ["title", "units"]
        );
        assert_lossless(text);
    }

    #[test]
    fn indentation_never_changes_a_well_formed_file() {
        let text = "obligation p {\n  obligation c {\n    x 1\n}\n}\nitem a {\nitem b\n  }\n";
        let (statements, errors) = parse_statements(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[1].block.as_ref().map(Vec::len), Some(1));
    }

    #[test]
    fn full_width_punctuation_gets_one_error_and_reads_as_ascii() {
        let (statements, errors) = parse_statements("target x ｛ at_least 30%；by 2025 ｝\n");
        assert_eq!(
            messages(&errors),
            [
                "full-width `｛` where `{` is meant",
                "full-width `；` where `;` is meant",
                "full-width `｝` where `}` is meant",
            ]
        );
        let block = statements[0].block.as_ref().unwrap();
        assert_eq!(words(&block[0]), ["30%"]);
        assert_eq!(block[1].keyword, "by");
        assert_eq!(words(&block[1]), ["2025"]);

        let (statements, errors) = parse_statements("title：\"加强\"\n");
        assert_eq!(messages(&errors), ["full-width `：` in a statement"]);
        assert_eq!(statements[0].keyword, "title");
        assert_eq!(words(&statements[0]), ["加强"]);
    }

    #[test]
    fn a_stray_token_skips_its_line_but_not_a_brace() {
        let text = "item a {\n  \"x\" y { z 1 }\n  title \"t\" }\nitem b {\n}\n";
        let (statements, errors) = parse_statements(text);
        assert_eq!(messages(&errors), ["expected a keyword, found `\"`"]);
        assert_eq!(statements.len(), 2);
        assert_eq!(statements[0].block.as_ref().unwrap()[0].keyword, "title");
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        for text in ["a {\n".repeat(10_000), "\"x\" {\n".repeat(10_000)] {
            let (_, errors) = parse_statements(&text);
            assert!(
                errors
                    .iter()
                    .any(|e| e.message.render(crate::i18n::Lang::En) == "blocks nested too deeply"),
                "{:?}",
                messages(&errors)
            );
            assert_lossless(&text);
        }
    }

    #[test]
    fn long_lines_and_the_error_limit_keep_every_byte() {
        let long = format!("title \"{}\"\nitem a {{\n}}\n", "长".repeat(MAX_LINE_BYTES));
        let (statements, errors) = parse_statements(&long);
        assert_eq!(errors.len(), 1);
        assert_eq!(statements.len(), 1);
        assert_lossless(&long);
        let garbage = "\"\n".repeat(MAX_ERRORS_PER_FILE * 2);
        let (_, errors) = parse_statements(&garbage);
        assert_eq!(errors.len(), MAX_ERRORS_PER_FILE + 1);
        assert_lossless(&garbage);
    }

    #[test]
    fn the_ascii_fast_paths_agree_with_the_character_tests() {
        for b in 0u8..128 {
            let c = b as char;
            let text = c.to_string();
            assert_eq!(blank_run(&text) == 1, is_blank(c), "{b:#x}");
            assert_eq!(word_run(&text) == 1, is_word_char(c), "{b:#x}");
        }
    }

    #[test]
    fn every_byte_is_kept() {
        for text in [
            "",
            "\u{feff}# c\r\ndocument d {\r\n  title \"t\\\"\" # x\r\n}\r\n",
            "a{b}}};;\"\n\"\\q\" ｛：｝；\u{a0}\u{3000}\t#",
            "item a {\n  target t { at_least 3; by 2025\n}\n",
        ] {
            assert_lossless(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_tokens_are_the_text(text in "\\PC*") {
            assert_lossless(&text);
        }

        #[test]
        fn the_tokens_are_the_text_of_plan_like_input(
            text in "([a-z_]{1,6}|[ \t\n;{}#\"\\\\]|；|：|｛|｝|\u{3000}|万|\r){0,80}"
        ) {
            assert_lossless(&text);
        }
    }
}
