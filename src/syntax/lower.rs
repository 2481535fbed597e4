//! Lowering: from statements to the typed tree of one file.
//!
//! Each construct has a fixed set of keywords. An unknown keyword gets a
//! "did you mean" from that set, a value that does not read gets the
//! reason and the form to write, and a missing required property is
//! reported at the construct's header. Lowering never stops early: what it
//! could read is kept, so later stages still run on the rest.

use crate::diagnostic::Severity;
use crate::i18n::{Id, Ids, Msg, Quote};
use crate::source::{Span, Spanned};
use crate::syntax::MAX_ERRORS_PER_FILE;
use crate::syntax::ast::*;
use crate::syntax::cst::{Arg, ArgKind, Statement, SyntaxError};
use crate::syntax::value::{self, ValueError};

const TOP: &[&str] = &[
    "jurisdiction",
    "document",
    "obligation",
    "item",
    "exempt",
    "observe",
    "suppress",
    "strength",
];
const JURISDICTION: &[&str] = &[
    "name",
    "name_en",
    "rank",
    "parent",
    "population",
    "attr",
    "source",
];
const DOCUMENT: &[&str] = &[
    "title",
    "title_en",
    "issuer",
    "number",
    "issued",
    "period",
    "rank",
    "jurisdiction",
    "carries_out",
    "supersedes",
    "requires_units",
    "source_text",
];
const OBLIGATION: &[&str] = &[
    "kind",
    "title",
    "title_en",
    "source",
    "text",
    "binds",
    "applies_if",
    "severity",
    "exemptible",
    "refines",
    "elements",
    "requires_units",
    "why",
    "target",
    "obligation",
];
const TARGET: &[&str] = &[
    "metric",
    "at_least",
    "more_than",
    "at_most",
    "about",
    "exactly",
    "text",
    "by",
    "per",
    "passes",
    "why",
];
const ITEM: &[&str] = &["title", "source", "text", "implements", "units", "target"];
const EXEMPT: &[&str] = &["reason", "basis", "approved_by", "expires"];
const OBSERVE: &[&str] = &["jurisdiction", "year", "value", "source"];
const SUPPRESS: &[&str] = &["reason"];
const STRENGTH: &[&str] = &[
    "verbs", "joins", "scope", "periodic", "nouns", "negation", "omitted",
];

/// The keywords a construct takes: `construct` is the keyword that opens
/// the block (`item`, `target`, …), or `None` at the top of a file. An
/// editor completes them.
pub fn keywords(construct: Option<&str>) -> &'static [&'static str] {
    match construct {
        None => TOP,
        Some("jurisdiction") => JURISDICTION,
        Some("document") => DOCUMENT,
        Some("obligation") => OBLIGATION,
        Some("target") => TARGET,
        Some("item") => ITEM,
        Some("exempt") => EXEMPT,
        Some("observe") => OBSERVE,
        Some("suppress") => SUPPRESS,
        Some("strength") => STRENGTH,
        Some(_) => &[],
    }
}

/// `more` after what `list` holds: the vector itself when `list` is empty
/// (a property is usually written once), saving a copy of each id.
fn append<T>(list: &mut Vec<T>, mut more: Vec<T>) {
    if list.is_empty() {
        *list = more;
    } else {
        list.append(&mut more);
    }
}

/// Turns the statements of one file into its typed tree.
pub fn lower(statements: &[Statement]) -> (FileAst, Vec<SyntaxError>) {
    let mut lowerer = Lowerer {
        errors: Vec::new(),
        dropped: 0,
        first_dropped: None,
    };
    let mut file = FileAst::default();
    // Sized once: a national run grew these vectors a hundred thousand times.
    let count = |keyword: &str| statements.iter().filter(|s| s.keyword == keyword).count();
    file.obligations.reserve(count("obligation"));
    file.items.reserve(count("item"));
    for statement in statements {
        match statement.keyword {
            "jurisdiction" => {
                if let Some(j) = lowerer.jurisdiction(statement) {
                    file.jurisdictions.push(j);
                }
            }
            "document" => {
                let Some(document) = lowerer.document(statement) else {
                    continue;
                };
                if let Some(first) = &file.document {
                    lowerer.error_msg(
                        "duplicate-document",
                        statement.keyword_span.cover(document.id.span),
                        Msg::SyntaxSecondDocument {
                            id: Id::new(&document.id.value),
                        },
                        Msg::LabelSecondDocument {},
                        Msg::HelpOneDocumentPerFile {
                            first: Id::new(&first.id.value),
                        },
                    );
                } else if !(file.obligations.is_empty()
                    && file.items.is_empty()
                    && file.exemptions.is_empty())
                {
                    lowerer.error_msg(
                        "misplaced-statement",
                        statement.keyword_span,
                        Msg::SyntaxDocumentTooLate {},
                        Msg::LabelDeclaredTooLate {},
                        Msg::HelpDocumentFirst {},
                    );
                    file.document = Some(document);
                } else {
                    file.document = Some(document);
                }
            }
            "obligation" => {
                if let Some(o) = lowerer.obligation(statement) {
                    file.obligations.push(o);
                }
            }
            "item" => {
                if let Some(i) = lowerer.item(statement) {
                    file.items.push(i);
                }
            }
            "exempt" => {
                if let Some(e) = lowerer.exemption(statement) {
                    file.exemptions.push(e);
                }
            }
            "observe" => {
                if let Some(o) = lowerer.observation(statement) {
                    file.observations.push(o);
                }
            }
            "suppress" => {
                if let Some(s) = lowerer.suppression(statement) {
                    file.suppressions.push(s);
                }
            }
            "strength" => {
                if let Some(s) = lowerer.strength(statement) {
                    file.strengths.push(s);
                }
            }
            _ => lowerer.unknown_keyword(statement, Msg::PlaceTopLevel {}, TOP),
        }
    }
    let first_without_document = file
        .obligations
        .iter()
        .map(|o| ("obligation", o.header))
        .chain(file.items.iter().map(|i| ("item", i.header)))
        .chain(file.exemptions.iter().map(|e| ("exempt", e.header)))
        .chain(file.suppressions.iter().map(|s| ("suppress", s.header)))
        .min_by_key(|(_, span)| span.start);
    if let Some(issued) = file.document.as_ref().and_then(|d| d.issued.as_ref()) {
        let mut targets: Vec<&TargetDecl> = file.items.iter().flat_map(|i| &i.targets).collect();
        let mut obligations: Vec<&ObligationDecl> = file.obligations.iter().collect();
        while let Some(o) = obligations.pop() {
            targets.extend(&o.targets);
            obligations.extend(&o.children);
        }
        targets.sort_by_key(|t| t.span.start);
        for deadline in targets.iter().filter_map(|t| t.deadline.as_ref()) {
            if deadline.value < issued.value.year {
                lowerer.error_msg(
                    "invalid-value",
                    deadline.span,
                    Msg::SyntaxDeadlineBeforeIssue {
                        deadline: deadline.value.to_string(),
                        issued: issued.value.to_string(),
                    },
                    Msg::LabelPastWhenIssued {},
                    Msg::HelpCheckDeadlineYear {},
                );
            }
        }
    }
    if file.document.is_none()
        && let Some((what, span)) = first_without_document
    {
        lowerer.error_msg(
            "missing-document",
            span,
            Msg::SyntaxNoDocument {
                what: what.to_string(),
                keyword: Id::new(what),
            },
            Msg::LabelNoDocumentAbove {},
            Msg::HelpStartWithDocument {},
        );
    }
    (file, lowerer.finish())
}

/// Suggests the closest of `candidates` to `word`, if any is close, or
/// the one candidate that `word` begins (a keyword cut off at the end of a
/// file or half typed: `imple` → `implements`).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    let closest = candidates
        .iter()
        .map(|c| (strsim::normalized_damerau_levenshtein(word, c), *c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c);
    closest.or_else(|| {
        let mut begun = candidates
            .iter()
            .filter(|c| word.chars().count() >= 3 && c.starts_with(word));
        match (begun.next(), begun.next()) {
            (Some(only), None) => Some(*only),
            _ => None,
        }
    })
}

struct Lowerer {
    errors: Vec<SyntaxError>,
    /// Errors past [`MAX_ERRORS_PER_FILE`], counted but not kept, and
    /// where the first of them is.
    dropped: usize,
    first_dropped: Option<Span>,
}

impl Lowerer {
    /// Keeps an error, or counts it once [`MAX_ERRORS_PER_FILE`] are kept.
    fn push(&mut self, error: SyntaxError) {
        if self.errors.len() < MAX_ERRORS_PER_FILE {
            self.errors.push(error);
        } else {
            self.dropped += 1;
            self.first_dropped.get_or_insert(error.span);
        }
    }

    /// The errors kept, and one that counts those dropped.
    fn finish(mut self) -> Vec<SyntaxError> {
        if let Some(span) = self.first_dropped {
            self.errors.push(SyntaxError {
                code: "invalid-value",
                span,
                message: Msg::SyntaxMoreNotShown {
                    count: self.dropped,
                }
                .into(),
                label: Msg::LabelMoreErrors {}.into(),
                help: Some(
                    Msg::HelpErrorsCap {
                        max: MAX_ERRORS_PER_FILE,
                    }
                    .into(),
                ),
            });
        }
        self.errors
    }

    /// An error whose three texts are catalogue entries.
    fn error_msg(&mut self, code: &'static str, span: Span, message: Msg, label: Msg, help: Msg) {
        self.push(SyntaxError {
            code,
            span,
            message: message.into(),
            label: label.into(),
            help: Some(help.into()),
        });
    }

    fn value_error(&mut self, span: Span, error: ValueError) {
        self.push(SyntaxError {
            code: "invalid-value",
            span,
            message: error.message,
            label: Msg::LabelHere {}.into(),
            help: error.help,
        });
    }

    /// Reports an id named twice in the links of one construct (`refines
    /// c.1 c.1`): harmless to the model, but a slip that hides which link
    /// was meant.
    fn repeated_ids(&mut self, ids: &[Spanned<String>], keyword: &str) {
        for (i, id) in ids.iter().enumerate() {
            if ids[..i].iter().any(|earlier| earlier.value == id.value) {
                self.error_msg(
                    "invalid-value",
                    id.span,
                    Msg::SyntaxNamedTwice {
                        id: Id::new(&id.value),
                        keyword: Id::new(keyword),
                    },
                    Msg::LabelNamedAgain {},
                    Msg::HelpRemoveRepetition {},
                );
            }
        }
    }

    fn unknown_keyword(&mut self, statement: &Statement, place: Msg, allowed: &[&str]) {
        let help = match did_you_mean(statement.keyword, allowed.iter().copied()) {
            Some(s) => Msg::HelpDidYouMean {
                suggestion: Id::new(s),
            },
            None => Msg::HelpExpectedOneOf {
                keywords: Ids(allowed.iter().map(|k| k.to_string()).collect()),
            },
        };
        self.error_msg(
            "unknown-keyword",
            statement.keyword_span,
            Msg::SyntaxUnknownKeyword {
                keyword: Id::new(statement.keyword),
                place: Box::new(place),
            },
            Msg::LabelUnknownKeyword {},
            help,
        );
    }

    /// The statement's block, or an error if it has none.
    fn block<'s, 'a>(&mut self, statement: &'s Statement<'a>) -> &'s [Statement<'a>] {
        match &statement.block {
            Some(b) => b,
            None => {
                self.error_msg(
                    "syntax-error",
                    statement.span,
                    Msg::SyntaxNeedsBlock {
                        keyword: Id::new(statement.keyword),
                    },
                    Msg::LabelNoBlock {},
                    Msg::HelpWriteBlock {
                        keyword: statement.keyword.to_string(),
                    },
                );
                &[]
            }
        }
    }

    fn no_block(&mut self, statement: &Statement) {
        if statement.block.is_some() {
            self.error_msg(
                "syntax-error",
                statement.keyword_span,
                Msg::SyntaxTakesNoBlock {
                    keyword: Id::new(statement.keyword),
                },
                Msg::LabelUnexpectedBlock {},
                Msg::HelpRemoveBlock {},
            );
        }
    }

    /// Checks the number of arguments; `form` (what to write instead) is
    /// only worked out for an error, as this runs for every statement.
    fn arity(
        &mut self,
        statement: &Statement,
        min: usize,
        max: usize,
        form: impl FnOnce() -> String,
    ) -> bool {
        let n = statement.args.len();
        if n < min || n > max {
            let span = if n > max {
                statement.args[max].span.cover(statement.span)
            } else {
                statement.span
            };
            self.error_msg(
                "syntax-error",
                span,
                takes_arguments(Id::new(statement.keyword), min, max),
                Msg::LabelGiven { n },
                Msg::HelpWriteForm { form: form() },
            );
            return false;
        }
        true
    }

    /// The single id argument of a block header such as `obligation <id> {`.
    fn header_id(&mut self, statement: &Statement) -> Option<Spanned<String>> {
        if statement.args.is_empty() {
            self.error_msg(
                "syntax-error",
                statement.keyword_span,
                Msg::SyntaxNeedsId {
                    keyword: Id::new(statement.keyword),
                },
                Msg::LabelNoId {},
                Msg::HelpWriteHeader {
                    keyword: statement.keyword.to_string(),
                },
            );
            return None;
        }
        let args = &statement.args;
        if args.len() > 1 && args.iter().all(|a| matches!(a.kind, ArgKind::Word(_))) {
            // `item xc.2.1 .2 {`: an id broken by a space; read it joined.
            let joined: String = args.iter().map(Arg::text).collect();
            let span = args[0].span.cover(args[args.len() - 1].span);
            self.error_msg(
                "syntax-error",
                span,
                Msg::SyntaxIdWithSpaces {
                    keyword: Id::new(statement.keyword),
                },
                Msg::LabelWords { count: args.len() },
                Msg::HelpWriteJoined {
                    keyword: statement.keyword.to_string(),
                    joined: joined.clone(),
                },
            );
            return value::id(&joined).ok().map(|id| Spanned::new(id, span));
        }
        self.arity(statement, 1, 1, || format!("{} <id> {{", statement.keyword));
        self.id_arg(&args[0])
    }

    fn id_arg(&mut self, arg: &Arg) -> Option<Spanned<String>> {
        match &arg.kind {
            ArgKind::Word(w) => match value::id(w) {
                Ok(id) => Some(Spanned::new(id, arg.span)),
                Err(e) => {
                    self.value_error(arg.span, e);
                    None
                }
            },
            ArgKind::Str(_) => {
                self.error_msg(
                    "invalid-value",
                    arg.span,
                    Msg::SyntaxQuotedId {},
                    Msg::LabelQuotedId {},
                    Msg::HelpRemoveQuotes {},
                );
                None
            }
        }
    }

    fn ids(&mut self, statement: &Statement) -> Vec<Spanned<String>> {
        self.no_block(statement);
        if statement.args.is_empty() {
            self.arity(statement, 1, usize::MAX, || {
                format!("{} <id> …", statement.keyword)
            });
        }
        statement
            .args
            .iter()
            .filter_map(|a| self.id_arg(a))
            .collect()
    }

    fn string(&mut self, statement: &Statement) -> Option<Spanned<String>> {
        self.no_block(statement);
        if !self.arity(statement, 1, usize::MAX, || {
            format!("{} \"…\"", statement.keyword)
        }) {
            return None;
        }
        let mut text = String::new();
        for arg in &statement.args {
            match &arg.kind {
                ArgKind::Str(s) => text.push_str(s),
                ArgKind::Word(w) => {
                    // Text pasted from Word comes in curly or full-width
                    // quotes; the hint shows the ASCII ones.
                    let inner = w
                        .trim_start_matches(['“', '＂', '「', '『'])
                        .trim_end_matches(['”', '＂', '」', '』']);
                    self.error_msg(
                        "invalid-value",
                        arg.span,
                        Msg::SyntaxTakesQuotedText {
                            keyword: Id::new(statement.keyword),
                        },
                        Msg::LabelNotQuoted {},
                        Msg::HelpAsciiQuotes {
                            keyword: statement.keyword.to_string(),
                            text: inner.to_string(),
                        },
                    );
                    return None;
                }
            }
        }
        let span = statement.args[0]
            .span
            .cover(statement.args[statement.args.len() - 1].span);
        Some(Spanned::new(text, span))
    }

    fn strings(&mut self, statement: &Statement) -> Vec<Spanned<String>> {
        self.no_block(statement);
        self.arity(statement, 1, usize::MAX, || {
            format!("{} \"…\" \"…\"", statement.keyword)
        });
        let mut out = Vec::with_capacity(statement.args.len());
        for arg in &statement.args {
            match &arg.kind {
                ArgKind::Str(s) => out.push(Spanned::new(s.to_string(), arg.span)),
                ArgKind::Word(w) => self.error_msg(
                    "invalid-value",
                    arg.span,
                    Msg::SyntaxTakesQuotedText {
                        keyword: Id::new(statement.keyword),
                    },
                    Msg::LabelNotQuoted {},
                    Msg::HelpQuoteWord {
                        word: w.to_string(),
                    },
                ),
            }
        }
        out
    }

    /// The single word argument, read with `read`.
    fn word<T>(
        &mut self,
        statement: &Statement,
        form: &str,
        read: impl Fn(&str) -> Result<T, ValueError>,
    ) -> Option<Spanned<T>> {
        self.no_block(statement);
        if !self.arity(statement, 1, 1, || form.to_string()) {
            return None;
        }
        let arg = &statement.args[0];
        match read(arg.text()) {
            Ok(v) => Some(Spanned::new(v, arg.span)),
            Err(e) => {
                self.value_error(arg.span, e);
                None
            }
        }
    }

    fn duplicate<T>(&mut self, slot: &Option<T>, statement: &Statement) {
        if slot.is_some() {
            self.error_msg(
                "duplicate-property",
                statement.keyword_span,
                Msg::SyntaxGivenTwice {
                    keyword: Id::new(statement.keyword),
                },
                Msg::LabelSecondValue {},
                Msg::HelpKeepOne {},
            );
        }
    }

    fn rank(&mut self, statement: &Statement) -> Option<(Spanned<Rank>, Option<String>)> {
        self.no_block(statement);
        if !self.arity(statement, 1, 2, || {
            "rank <national|province|prefecture|county> \"display name\"".into()
        }) {
            return None;
        }
        let arg = &statement.args[0];
        let Some(rank) = Rank::parse(arg.text()) else {
            let help = match did_you_mean(arg.text(), Rank::ALL.iter().map(|r| r.as_str())) {
                Some(s) => Msg::HelpDidYouMean {
                    suggestion: Id::new(s),
                },
                None => Msg::HelpRanks {},
            };
            self.error_msg(
                "invalid-value",
                arg.span,
                Msg::SyntaxUnknownRank {
                    rank: Id::new(arg.text()),
                },
                Msg::LabelNotARank {},
                help,
            );
            return None;
        };
        let name = statement.args.get(1).map(|a| a.text().to_string());
        Some((Spanned::new(rank, arg.span), name))
    }

    fn jurisdiction(&mut self, statement: &Statement) -> Option<JurisdictionDecl> {
        let id = self.header_id(statement);
        let mut decl = JurisdictionDecl {
            id: id
                .clone()
                .unwrap_or_else(|| Spanned::new(String::new(), statement.keyword_span)),
            name: None,
            name_en: None,
            rank: None,
            rank_name: None,
            parent: None,
            population: None,
            attrs: Vec::new(),
            source: None,
        };
        for s in self.block(statement) {
            match s.keyword {
                "name" => {
                    self.duplicate(&decl.name, s);
                    decl.name = self.string(s).map(|v| v.value);
                }
                "name_en" => decl.name_en = self.string(s).map(|v| v.value),
                "rank" => {
                    if let Some((r, n)) = self.rank(s) {
                        decl.rank = Some(r);
                        decl.rank_name = n;
                    }
                }
                "parent" => decl.parent = self.word(s, "parent <id>", value::id),
                "population" => {
                    let q = self.word(s, "population <number>", value::quantity);
                    let span = q.as_ref().map(|q| q.span);
                    decl.population =
                        q.and_then(|q| self.whole_number(q, Msg::SyntaxPopulationNotWhole {}));
                    // A census population is never 0; a share computed from
                    // it would be 0, and any figure would pass.
                    if let (Some(0), Some(span)) = (decl.population, span) {
                        self.error_msg(
                            "invalid-value",
                            span,
                            Msg::SyntaxZeroPopulation {},
                            Msg::LabelHere {},
                            Msg::HelpCensusPopulation {},
                        );
                        decl.population = None;
                    }
                }
                "attr" => {
                    self.no_block(s);
                    if self.arity(s, 2, 2, || "attr <name> <yes|no|number|\"text\">".into()) {
                        let name = s.args[0].text().to_string();
                        let v = attr_value(&s.args[1]);
                        decl.attrs.retain(|(n, _)| *n != name);
                        decl.attrs.push((name, v));
                    }
                }
                "source" => decl.source = self.string(s).map(|v| v.value),
                _ => self.unknown_keyword(s, Msg::PlaceJurisdiction {}, JURISDICTION),
            }
        }
        if decl.rank.is_none() {
            self.missing(statement, "rank", "rank county \"区\"");
        }
        id.map(|_| decl)
    }

    fn whole_number(&mut self, q: Spanned<value::Quantity>, message: Msg) -> Option<u64> {
        if q.value.unit.is_some() || q.value.value.fract() != 0.0 || q.value.value < 0.0 {
            self.push(SyntaxError {
                code: "invalid-value",
                span: q.span,
                message: message.into(),
                label: Msg::LabelHere {}.into(),
                help: None,
            });
            return None;
        }
        Some(q.value.value as u64)
    }

    /// Reports a required property that is absent. A property that is
    /// written but did not read, or a construct without a block, has its
    /// own error already; a second one would only repeat it.
    fn missing(&mut self, statement: &Statement, property: &str, example: &str) {
        let Some(block) = &statement.block else {
            return;
        };
        if block.iter().any(|s| s.keyword == property) {
            return;
        }
        self.error_msg(
            "missing-property",
            statement.keyword_span.cover(
                statement
                    .args
                    .first()
                    .map(|a| a.span)
                    .unwrap_or(statement.keyword_span),
            ),
            Msg::SyntaxMissingProperty {
                keyword: Id::new(statement.keyword),
                property: Id::new(property),
            },
            Msg::LabelPropertyMissing {
                property: Id::new(property),
            },
            Msg::HelpAddInsideBlock {
                example: example.to_string(),
            },
        );
    }

    fn document(&mut self, statement: &Statement) -> Option<DocumentDecl> {
        let id = self.header_id(statement)?;
        let header = statement.keyword_span.cover(id.span);
        let mut d = DocumentDecl {
            id,
            title: None,
            title_en: None,
            issuer: None,
            number: None,
            issued: None,
            period: None,
            rank: None,
            rank_name: None,
            jurisdiction: None,
            carries_out: Vec::new(),
            supersedes: Vec::new(),
            requires_units: false,
            source_text: None,
            header,
        };
        for s in self.block(statement) {
            match s.keyword {
                "title" => {
                    self.duplicate(&d.title, s);
                    d.title = self.string(s).map(|v| v.value);
                }
                "title_en" => d.title_en = self.string(s).map(|v| v.value),
                "issuer" => d.issuer = self.string(s).map(|v| v.value),
                "number" => d.number = self.string(s).map(|v| v.value),
                "issued" => d.issued = self.word(s, "issued 2022-03-11", value::date),
                "period" => d.period = self.word(s, "period 2021-2035", value::period),
                "rank" => {
                    if let Some((r, n)) = self.rank(s) {
                        d.rank = Some(r);
                        d.rank_name = n;
                    }
                }
                "jurisdiction" => d.jurisdiction = self.word(s, "jurisdiction <id>", value::id),
                "carries_out" => append(&mut d.carries_out, self.ids(s)),
                "supersedes" => append(&mut d.supersedes, self.ids(s)),
                "requires_units" => {
                    d.requires_units = self
                        .word(s, "requires_units yes", value::boolean)
                        .is_some_and(|b| b.value)
                }
                "source_text" => d.source_text = self.string(s),
                _ => self.unknown_keyword(s, Msg::PlaceDocument {}, DOCUMENT),
            }
        }
        for (present, property, example) in [
            (d.title.is_some(), "title", "title \"…\""),
            (d.issued.is_some(), "issued", "issued 2022-03-11"),
            (d.rank.is_some(), "rank", "rank county \"区\""),
            (
                d.jurisdiction.is_some(),
                "jurisdiction",
                "jurisdiction <id>",
            ),
        ] {
            if !present {
                self.missing(statement, property, example);
            }
        }
        if let (Some(issued), Some(period)) = (&d.issued, &d.period)
            && issued.value.year > period.value.to
        {
            self.error_msg(
                "invalid-value",
                issued.span,
                Msg::SyntaxIssuedAfterPeriod {
                    year: issued.value.year.to_string(),
                    period: period.value.to_string(),
                },
                Msg::LabelIssueDate {},
                Msg::HelpCheckIssueAndPeriod {},
            );
        }
        self.repeated_ids(&d.carries_out, "carries_out");
        self.repeated_ids(&d.supersedes, "supersedes");
        Some(d)
    }

    fn obligation(&mut self, statement: &Statement) -> Option<ObligationDecl> {
        let id = self.header_id(statement)?;
        let header = statement.keyword_span.cover(id.span);
        let mut o = ObligationDecl {
            id,
            kind: ObligationKind::Action,
            title: None,
            title_en: None,
            source: None,
            text: None,
            binds: None,
            applies_if: None,
            severity: None,
            exemptible: true,
            refines: Vec::new(),
            elements: Vec::new(),
            requires_units: false,
            why: None,
            targets: Vec::new(),
            children: Vec::new(),
            header,
        };
        for s in self.block(statement) {
            match s.keyword {
                "kind" => {
                    if let Some(k) = self.word(s, "kind action", |w| {
                        ObligationKind::parse(w).ok_or_else(|| ValueError {
                            message: Msg::ValueUnknownKind { word: Id::new(w) }.into(),
                            help: Some(Msg::HelpKinds {}.into()),
                        })
                    }) {
                        o.kind = k.value;
                    }
                }
                "title" => {
                    self.duplicate(&o.title, s);
                    o.title = self.string(s).map(|v| v.value);
                }
                "title_en" => o.title_en = self.string(s).map(|v| v.value),
                "source" => {
                    self.duplicate(&o.source, s);
                    o.source = self.word(s, "source 3.1.3", value::citation);
                }
                "text" => o.text = self.string(s).map(|v| v.value),
                "binds" => {
                    if let Some(b) = self.binds(s) {
                        o.binds = Some(b);
                    }
                }
                "applies_if" => o.applies_if = self.condition(s),
                "severity" => {
                    if let Some(v) = self.word(s, "severity error", |w| {
                        Severity::parse(w).ok_or_else(|| ValueError {
                            message: Msg::SyntaxUnknownSeverity { word: Id::new(w) }.into(),
                            help: Some(Msg::HelpLexiconSeverities {}.into()),
                        })
                    }) {
                        o.severity = Some(v.value);
                    }
                }
                "exemptible" => {
                    if let Some(b) = self.word(s, "exemptible no", value::boolean) {
                        o.exemptible = b.value;
                    }
                }
                "refines" => append(&mut o.refines, self.ids(s)),
                "elements" => {
                    for e in self.strings(s) {
                        let alternatives: Vec<String> = e
                            .value
                            .split('|')
                            .map(str::trim)
                            .filter(|a| !a.is_empty())
                            .map(str::to_string)
                            .collect();
                        if alternatives.is_empty() {
                            self.error_msg(
                                "invalid-value",
                                e.span,
                                Msg::SyntaxEmptyElement {},
                                Msg::LabelEmpty {},
                                Msg::HelpNameElement {},
                            );
                        } else {
                            o.elements
                                .push(Spanned::new(Element { alternatives }, e.span));
                        }
                    }
                }
                "requires_units" => {
                    o.requires_units = self
                        .word(s, "requires_units yes", value::boolean)
                        .is_some_and(|b| b.value)
                }
                "why" => o.why = self.string(s).map(|v| v.value),
                "target" => {
                    if let Some(t) = self.target(s) {
                        o.targets.push(t);
                    }
                }
                "obligation" => {
                    if let Some(child) = self.obligation(s) {
                        o.children.push(child);
                    }
                }
                _ => self.unknown_keyword(s, Msg::PlaceObligation {}, OBLIGATION),
            }
        }
        if o.title.is_none() {
            self.missing(statement, "title", "title \"…\"");
        }
        if o.source.is_none() {
            self.missing(statement, "source", "source 3.1.3");
        }
        self.repeated_ids(&o.refines, "refines");
        Some(o)
    }

    /// `strength <id> { verbs 3 "建立" …; scope 0 "逐步"; omitted 1 warning … }`.
    fn strength(&mut self, statement: &Statement) -> Option<StrengthDecl> {
        let id = self.header_id(statement)?;
        let header = statement.keyword_span.cover(id.span);
        let mut d = StrengthDecl {
            id,
            verbs: Vec::new(),
            joins: Vec::new(),
            scopes: Vec::new(),
            periodic: Vec::new(),
            nouns: Vec::new(),
            negations: Vec::new(),
            omitted: Vec::new(),
            header,
        };
        for s in self.block(statement) {
            match s.keyword {
                "verbs" | "scope" => {
                    let Some(rank) = self.strength_rank(s) else {
                        continue;
                    };
                    let words = self.words_after_rank(s);
                    let list = if s.keyword == "verbs" {
                        &mut d.verbs
                    } else {
                        &mut d.scopes
                    };
                    list.extend(words.into_iter().map(|w| (rank, w)));
                }
                "joins" => d.joins.extend(self.lexicon_words(s)),
                "periodic" => d.periodic.extend(self.lexicon_words(s)),
                "nouns" => d.nouns.extend(self.lexicon_words(s)),
                "negation" => d.negations.extend(self.lexicon_words(s)),
                "omitted" => {
                    self.no_block(s);
                    if !self.arity(s, 2, 2, || "omitted 1 warning".into()) {
                        continue;
                    }
                    let Some(rank) = self.strength_rank(s) else {
                        continue;
                    };
                    let arg = &s.args[1];
                    match Severity::parse(arg.text()) {
                        Some(v) => d.omitted.push((rank, Spanned::new(v, arg.span))),
                        None => self.error_msg(
                            "invalid-value",
                            arg.span,
                            Msg::SyntaxUnknownSeverity {
                                word: Id::new(arg.text()),
                            },
                            Msg::LabelNotASeverity {},
                            Msg::HelpLexiconSeverities {},
                        ),
                    }
                }
                _ => self.unknown_keyword(s, Msg::PlaceStrength {}, STRENGTH),
            }
        }
        // A word in two places would be read two ways: the first place wins
        // and the second is reported.
        let mut seen: Vec<&str> = Vec::new();
        let mut repeated = Vec::new();
        let all = d
            .verbs
            .iter()
            .chain(&d.scopes)
            .map(|(_, w)| w)
            .chain(&d.joins)
            .chain(&d.periodic)
            .chain(&d.nouns)
            .chain(&d.negations);
        for w in all {
            if seen.contains(&w.value.as_str()) {
                repeated.push(w.clone());
            } else {
                seen.push(&w.value);
            }
        }
        for w in repeated {
            self.error_msg(
                "invalid-value",
                w.span,
                Msg::SyntaxLexiconWordTwice {
                    word: Quote(w.value.clone()),
                },
                Msg::LabelWordDeclaredAgain {},
                Msg::HelpOnePlaceOneRank {},
            );
        }
        Some(d)
    }

    /// The rank of `verbs`, `scope` or `omitted`: a whole number from 0 to 9.
    fn strength_rank(&mut self, s: &Statement) -> Option<u8> {
        let Some(arg) = s.args.first() else {
            self.arity(s, 2, usize::MAX, || format!("{} 1 \"…\"", s.keyword));
            return None;
        };
        match arg.text().parse::<u8>() {
            Ok(rank) if rank <= 9 => Some(rank),
            _ => {
                self.error_msg(
                    "invalid-value",
                    arg.span,
                    Msg::SyntaxNotAStrengthRank {
                        word: Id::new(arg.text()),
                    },
                    Msg::LabelNotAStrengthRank {},
                    Msg::HelpStrengthRank {
                        keyword: s.keyword.to_string(),
                    },
                );
                None
            }
        }
    }

    /// The quoted words after a statement's rank.
    fn words_after_rank(&mut self, s: &Statement) -> Vec<Spanned<String>> {
        self.no_block(s);
        if s.args.len() < 2 {
            self.arity(s, 2, usize::MAX, || format!("{} 1 \"…\"", s.keyword));
            return Vec::new();
        }
        self.quoted_words(s, &s.args[1..])
    }

    /// The quoted words of a lexicon statement.
    fn lexicon_words(&mut self, s: &Statement) -> Vec<Spanned<String>> {
        self.no_block(s);
        self.arity(s, 1, usize::MAX, || format!("{} \"…\"", s.keyword));
        self.quoted_words(s, &s.args)
    }

    fn quoted_words(&mut self, s: &Statement, args: &[Arg]) -> Vec<Spanned<String>> {
        let mut out = Vec::new();
        for arg in args {
            match &arg.kind {
                ArgKind::Str(w) if !w.trim().is_empty() => {
                    out.push(Spanned::new(w.trim().to_string(), arg.span))
                }
                ArgKind::Str(_) => self.error_msg(
                    "invalid-value",
                    arg.span,
                    Msg::SyntaxEmptyWord {},
                    Msg::LabelEmpty {},
                    Msg::HelpWriteWord {},
                ),
                ArgKind::Word(w) => self.error_msg(
                    "invalid-value",
                    arg.span,
                    Msg::SyntaxTakesQuotedWords {
                        keyword: Id::new(s.keyword),
                    },
                    Msg::LabelNotQuoted {},
                    Msg::HelpQuoteWord {
                        word: w.to_string(),
                    },
                ),
            }
        }
        out
    }

    fn binds(&mut self, s: &Statement) -> Option<Binds> {
        self.no_block(s);
        if !self.arity(s, 1, 4, || "binds county".into()) {
            return None;
        }
        if s.args.len() == 1 && s.args[0].text() == "issuer" {
            return Some(Binds::Issuer);
        }
        let mut ranks = Vec::new();
        for arg in &s.args {
            match Rank::parse(arg.text()) {
                Some(r) => ranks.push(r),
                None => self.error_msg(
                    "invalid-value",
                    arg.span,
                    Msg::SyntaxNotARank {
                        word: Id::new(arg.text()),
                    },
                    Msg::LabelNotARank {},
                    Msg::HelpBindsRanks {},
                ),
            }
        }
        (!ranks.is_empty()).then_some(Binds::Ranks(ranks))
    }

    fn condition(&mut self, s: &Statement) -> Option<Spanned<Condition>> {
        self.no_block(s);
        if !self.arity(s, 1, 3, || "applies_if agricultural".into()) {
            return None;
        }
        let span = s.args[0].span.cover(s.args[s.args.len() - 1].span);
        let texts: Vec<&str> = s.args.iter().map(Arg::text).collect();
        let condition = match texts.as_slice() {
            [attr] => Condition::Truthy {
                attr: attr.to_string(),
                negated: false,
            },
            ["not", attr] => Condition::Truthy {
                attr: attr.to_string(),
                negated: true,
            },
            [attr, op, _] if CompareOp::parse(op).is_some() => Condition::Compare {
                attr: attr.to_string(),
                op: CompareOp::parse(op)?,
                value: attr_value(&s.args[2]),
            },
            _ => {
                self.error_msg(
                    "invalid-value",
                    span,
                    Msg::SyntaxBadCondition {},
                    Msg::LabelCondition {},
                    Msg::HelpConditionForms {},
                );
                return None;
            }
        };
        Some(Spanned::new(condition, span))
    }

    fn figure(&mut self, s: &Statement, comparator: Comparator) -> Option<Figure> {
        self.no_block(s);
        if !self.arity(s, 1, 2, || format!("{} 30万 人次", s.keyword)) {
            return None;
        }
        let q = match value::quantity(s.args[0].text()) {
            Ok(q) => q,
            Err(e) => {
                self.value_error(s.args[0].span, e);
                return None;
            }
        };
        let mut unit = q.unit;
        if let Some(extra) = s.args.get(1) {
            if unit.is_some() {
                self.error_msg(
                    "invalid-value",
                    extra.span,
                    Msg::SyntaxUnitTwice {},
                    Msg::LabelSecondUnit {},
                    Msg::HelpUnitOnce {},
                );
            } else if matches!(extra.text(), "万" | "亿" | "千" | "百") {
                // `30 万`: a magnitude alone is no unit; it belongs to the
                // number. (`5千 万元` is a figure in the unit 万元.)
                let magnitude = extra.text();
                self.error_msg(
                    "invalid-value",
                    s.args[0].span.cover(extra.span),
                    Msg::SyntaxMagnitudeApart {
                        magnitude: Id::new(magnitude),
                    },
                    Msg::LabelMagnitudeApart {},
                    Msg::HelpWithoutSpace {
                        joined: format!("{}{magnitude}", s.args[0].text()),
                    },
                );
                return None;
            } else {
                unit = Some(value::normalize_width(extra.text()));
            }
        }
        let span = s.args[0].span.cover(s.args[s.args.len() - 1].span);
        if unit.as_deref() == Some("%") && !(0.0..=100.0).contains(&q.value) {
            self.error_msg(
                "invalid-value",
                span,
                Msg::SyntaxBadPercentage {
                    value: q.value.to_string(),
                },
                Msg::LabelOutOfRange {},
                Msg::HelpPercentRange {},
            );
            return None;
        }
        Some(Figure {
            comparator,
            value: q.value,
            unit,
            span,
        })
    }

    fn target(&mut self, statement: &Statement) -> Option<TargetDecl> {
        let metric = self.header_id(statement)?;
        let mut t = TargetDecl {
            metric,
            label: None,
            figure: None,
            text: None,
            deadline: None,
            per_year: false,
            passes: Passes::Floor,
            why: None,
            span: statement.span,
        };
        for s in self.block(statement) {
            match s.keyword {
                "metric" => t.label = self.string(s).map(|v| v.value),
                "text" => t.text = self.string(s).map(|v| v.value),
                "by" => t.deadline = self.word(s, "by 2025", value::year),
                "per" => {
                    if self
                        .word(s, "per year", |w| {
                            if w == "year" {
                                Ok(())
                            } else {
                                Err(ValueError {
                                    message: Msg::ValueNotPerYear {
                                        phrase: Id::new(format!("per {w}")),
                                    }
                                    .into(),
                                    help: Some(Msg::HelpPerYear {}.into()),
                                })
                            }
                        })
                        .is_some()
                    {
                        t.per_year = true;
                    }
                }
                "passes" => {
                    if let Some(p) = self.word(s, "passes floor", |w| {
                        Passes::parse(w).ok_or_else(|| ValueError {
                            message: Msg::ValueUnknownPasses { word: Id::new(w) }.into(),
                            help: Some(Msg::HelpPasses {}.into()),
                        })
                    }) {
                        t.passes = p.value;
                    }
                }
                "why" => t.why = self.string(s).map(|v| v.value),
                keyword => match Comparator::parse(keyword) {
                    Some(c) => {
                        if t.figure.is_some() {
                            self.error_msg(
                                "duplicate-property",
                                s.keyword_span,
                                Msg::SyntaxOneFigure {},
                                Msg::LabelSecondFigure {},
                                Msg::HelpSplitTarget {},
                            );
                        }
                        t.figure = self.figure(s, c);
                    }
                    None => self.unknown_keyword(s, Msg::PlaceTarget {}, TARGET),
                },
            }
        }
        Some(t)
    }

    fn item(&mut self, statement: &Statement) -> Option<ItemDecl> {
        let id = self.header_id(statement)?;
        let header = statement.keyword_span.cover(id.span);
        let mut item = ItemDecl {
            id,
            title: None,
            source: None,
            text: None,
            implements: Vec::new(),
            units: Vec::new(),
            targets: Vec::new(),
            header,
        };
        for s in self.block(statement) {
            match s.keyword {
                "title" => {
                    self.duplicate(&item.title, s);
                    item.title = self.string(s).map(|v| v.value);
                }
                "source" => item.source = self.word(s, "source 2.1.1", value::citation),
                "text" => item.text = self.string(s).map(|v| v.value),
                "implements" => append(&mut item.implements, self.ids(s)),
                "units" => {
                    for unit in self.strings(s) {
                        if unit.value.trim().is_empty() {
                            self.error_msg(
                                "invalid-value",
                                unit.span,
                                Msg::SyntaxEmptyUnit {
                                    term: "责任单位".into(),
                                },
                                Msg::LabelEmpty {},
                                Msg::HelpNameTheUnit {},
                            );
                        } else {
                            item.units.push(unit);
                        }
                    }
                }
                "target" => {
                    if let Some(t) = self.target(s) {
                        item.targets.push(t);
                    }
                }
                _ => self.unknown_keyword(s, Msg::PlaceItem {}, ITEM),
            }
        }
        if item.title.is_none() {
            self.missing(statement, "title", "title \"…\"");
        }
        if item.source.is_none() {
            self.missing(statement, "source", "source 2.1.1");
        }
        self.repeated_ids(&item.implements, "implements");
        Some(item)
    }

    fn exemption(&mut self, statement: &Statement) -> Option<ExemptionDecl> {
        let obligation = self.header_id(statement)?;
        let header = statement.keyword_span.cover(obligation.span);
        let mut e = ExemptionDecl {
            obligation,
            reason: None,
            basis: None,
            approved_by: None,
            expires: None,
            header,
        };
        for s in self.block(statement) {
            match s.keyword {
                "reason" => e.reason = self.string(s),
                "basis" => e.basis = self.string(s).map(|v| v.value),
                "approved_by" => e.approved_by = self.string(s).map(|v| v.value),
                "expires" => e.expires = self.word(s, "expires 2025-12-31", value::date),
                _ => self.unknown_keyword(s, Msg::PlaceExempt {}, EXEMPT),
            }
        }
        Some(e)
    }

    fn suppression(&mut self, statement: &Statement) -> Option<SuppressionDecl> {
        let form = "suppress <code-or-obligation> [<obligation>] {";
        if statement.args.is_empty() {
            self.error_msg(
                "syntax-error",
                statement.keyword_span,
                Msg::SyntaxSuppressNothing {},
                Msg::LabelNothingNamed {},
                Msg::HelpWriteForm {
                    form: form.to_string(),
                },
            );
            return None;
        }
        self.arity(statement, 1, 2, || form.to_string());
        let targets: Vec<Spanned<String>> = statement
            .args
            .iter()
            .take(2)
            .filter_map(|a| self.id_arg(a))
            .collect();
        let last = targets.last()?.span;
        let mut s = SuppressionDecl {
            targets,
            reason: None,
            header: statement.keyword_span.cover(last),
        };
        for b in self.block(statement) {
            match b.keyword {
                "reason" => {
                    self.duplicate(&s.reason, b);
                    s.reason = self.string(b);
                    if let Some(r) = s.reason.as_ref().filter(|r| r.value.trim().is_empty()) {
                        self.error_msg(
                            "invalid-value",
                            r.span,
                            Msg::SyntaxEmptyReason {},
                            Msg::LabelEmpty {},
                            Msg::HelpSayWhy {},
                        );
                    }
                }
                _ => self.unknown_keyword(b, Msg::PlaceSuppress {}, SUPPRESS),
            }
        }
        if s.reason.is_none() && statement.block.is_some() {
            self.missing(statement, "reason", "reason \"…\"");
        }
        Some(s)
    }

    fn observation(&mut self, statement: &Statement) -> Option<ObservationDecl> {
        let metric = self.header_id(statement)?;
        let header = statement.keyword_span.cover(metric.span);
        let mut o = ObservationDecl {
            metric,
            jurisdiction: None,
            year: None,
            value: None,
            source: None,
            header,
        };
        for s in self.block(statement) {
            match s.keyword {
                "jurisdiction" => o.jurisdiction = self.word(s, "jurisdiction <id>", value::id),
                "year" => o.year = self.word(s, "year 2023", value::year).map(|y| y.value),
                "value" => o.value = self.figure(s, Comparator::Exactly),
                "source" => o.source = self.string(s).map(|v| v.value),
                _ => self.unknown_keyword(s, Msg::PlaceObserve {}, OBSERVE),
            }
        }
        for (present, property, example) in [
            (
                o.jurisdiction.is_some(),
                "jurisdiction",
                "jurisdiction <id>",
            ),
            (o.year.is_some(), "year", "year 2023"),
            (o.value.is_some(), "value", "value 27.68%"),
        ] {
            if !present {
                self.missing(statement, property, example);
            }
        }
        Some(o)
    }
}

fn attr_value(arg: &Arg) -> AttrValue {
    match &arg.kind {
        ArgKind::Str(s) => AttrValue::Text(s.to_string()),
        ArgKind::Word(w) => {
            if let Ok(b) = value::boolean(w) {
                AttrValue::Bool(b)
            } else if let Ok(q) = value::quantity(w) {
                AttrValue::Number(q.value)
            } else {
                AttrValue::Text(w.to_string())
            }
        }
    }
}

/// The error of a statement given the wrong number of arguments.
fn takes_arguments(keyword: Id, min: usize, max: usize) -> Msg {
    match (min, max) {
        (1, 1) => Msg::SyntaxTakesOneArgument { keyword },
        (n, m) if n == m => Msg::SyntaxTakesArguments { keyword, n },
        (1, usize::MAX) => Msg::SyntaxTakesAtLeastOneArgument { keyword },
        (n, usize::MAX) => Msg::SyntaxTakesAtLeastArguments { keyword, n },
        (min, max) => Msg::SyntaxTakesArgumentsBetween { keyword, min, max },
    }
}
