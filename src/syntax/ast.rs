//! The typed syntax tree of one file: what each statement declares, with
//! the spans of the text it came from. References between declarations are
//! still plain ids here; the model resolves them.

pub use crate::rank::Rank;
use crate::severity::Severity;
use crate::source::{Span, Spanned};
use crate::syntax::value::{Date, Period};

/// Everything one file declares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileAst {
    pub document: Option<DocumentDecl>,
    pub jurisdictions: Vec<JurisdictionDecl>,
    pub obligations: Vec<ObligationDecl>,
    pub items: Vec<ItemDecl>,
    pub exemptions: Vec<ExemptionDecl>,
    pub observations: Vec<ObservationDecl>,
    pub suppressions: Vec<SuppressionDecl>,
    pub strengths: Vec<StrengthDecl>,
}

impl FileAst {
    /// Whether the file declares nothing at all.
    pub fn is_empty(&self) -> bool {
        self.document.is_none()
            && self.jurisdictions.is_empty()
            && self.obligations.is_empty()
            && self.items.is_empty()
            && self.exemptions.is_empty()
            && self.observations.is_empty()
            && self.strengths.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct JurisdictionDecl {
    pub id: Spanned<String>,
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub rank: Option<Spanned<Rank>>,
    pub rank_name: Option<String>,
    pub parent: Option<Spanned<String>>,
    pub population: Option<u64>,
    pub attrs: Vec<(String, AttrValue)>,
    pub source: Option<String>,
}

/// The value of a jurisdiction attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum AttrValue {
    Bool(bool),
    Number(f64),
    Text(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocumentDecl {
    pub id: Spanned<String>,
    pub title: Option<String>,
    pub title_en: Option<String>,
    pub issuer: Option<String>,
    pub number: Option<String>,
    pub issued: Option<Spanned<Date>>,
    pub period: Option<Spanned<Period>>,
    pub rank: Option<Spanned<Rank>>,
    pub rank_name: Option<String>,
    pub jurisdiction: Option<Spanned<String>>,
    pub carries_out: Vec<Spanned<String>>,
    /// The documents it replaces (`supersedes <id>…`): a plan naming one of
    /// them as its basis is out of date.
    pub supersedes: Vec<Spanned<String>>,
    pub requires_units: bool,
    pub source_text: Option<Spanned<String>>,
    /// The `document <id>` header, where findings about a missing thing point.
    pub header: Span,
}

/// What kind of thing an obligation asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObligationKind {
    Action,
    Target,
    Quantity,
    Mechanism,
    /// A guiding idea or working principle: a direction, not a task.
    Principle,
}

impl ObligationKind {
    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "action" => Some(Self::Action),
            "target" => Some(Self::Target),
            "quantity" => Some(Self::Quantity),
            "mechanism" => Some(Self::Mechanism),
            "principle" => Some(Self::Principle),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Action => "action",
            Self::Target => "target",
            Self::Quantity => "quantity",
            Self::Mechanism => "mechanism",
            Self::Principle => "principle",
        }
    }
}

/// Which plans an obligation binds.
#[derive(Debug, Clone, PartialEq)]
pub enum Binds {
    /// Every rank below the issuing document's.
    Lower,
    /// Only the issuing jurisdiction itself: no lower plan owes it.
    Issuer,
    Ranks(Vec<Rank>),
}

/// `applies_if` on a jurisdiction attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    Truthy {
        attr: String,
        negated: bool,
    },
    Compare {
        attr: String,
        op: CompareOp,
        value: AttrValue,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Eq,
    Ne,
    Ge,
    Le,
    Gt,
    Lt,
}

impl CompareOp {
    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "=" | "==" => Some(Self::Eq),
            "!=" => Some(Self::Ne),
            ">=" => Some(Self::Ge),
            "<=" => Some(Self::Le),
            ">" => Some(Self::Gt),
            "<" => Some(Self::Lt),
            _ => None,
        }
    }
}

/// An element an implementing item must mention; any alternative counts.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub alternatives: Vec<String>,
}

impl Element {
    pub fn display(&self) -> &str {
        self.alternatives.first().map(String::as_str).unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObligationDecl {
    pub id: Spanned<String>,
    pub kind: ObligationKind,
    pub title: Option<String>,
    pub title_en: Option<String>,
    pub source: Option<Spanned<String>>,
    pub text: Option<String>,
    /// `None`: inherited from the parent obligation, or every lower rank.
    pub binds: Option<Binds>,
    pub applies_if: Option<Spanned<Condition>>,
    /// The severity of its omission as written; `None`: it follows the
    /// ask's strength (`check::strength`), `error` by default.
    pub severity: Option<Severity>,
    pub exemptible: bool,
    pub refines: Vec<Spanned<String>>,
    pub elements: Vec<Spanned<Element>>,
    pub requires_units: bool,
    pub why: Option<String>,
    pub targets: Vec<TargetDecl>,
    pub children: Vec<ObligationDecl>,
    /// The `obligation <id>` header.
    pub header: Span,
}

/// How a figure compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    AtLeast,
    MoreThan,
    AtMost,
    About,
    Exactly,
}

impl Comparator {
    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "at_least" => Some(Self::AtLeast),
            "more_than" => Some(Self::MoreThan),
            "at_most" => Some(Self::AtMost),
            "about" => Some(Self::About),
            "exactly" => Some(Self::Exactly),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::AtLeast => "at_least",
            Self::MoreThan => "more_than",
            Self::AtMost => "at_most",
            Self::About => "about",
            Self::Exactly => "exactly",
        }
    }

    /// Whether a bigger figure is the stronger promise.
    pub fn is_ceiling(self) -> bool {
        self == Self::AtMost
    }
}

/// How a figure passes down to lower plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passes {
    Floor,
    Share,
    None,
}

impl Passes {
    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "floor" => Some(Self::Floor),
            "share" => Some(Self::Share),
            "none" => Some(Self::None),
            _ => None,
        }
    }
}

/// A figure: comparator, value and unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub comparator: Comparator,
    pub value: f64,
    pub unit: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TargetDecl {
    pub metric: Spanned<String>,
    pub label: Option<String>,
    pub figure: Option<Figure>,
    pub text: Option<String>,
    pub deadline: Option<Spanned<i32>>,
    pub per_year: bool,
    pub passes: Passes,
    pub why: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ItemDecl {
    pub id: Spanned<String>,
    pub title: Option<String>,
    pub source: Option<Spanned<String>>,
    pub text: Option<String>,
    pub implements: Vec<Spanned<String>>,
    pub units: Vec<Spanned<String>>,
    pub targets: Vec<TargetDecl>,
    pub header: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExemptionDecl {
    pub obligation: Spanned<String>,
    pub reason: Option<Spanned<String>>,
    pub basis: Option<String>,
    pub approved_by: Option<String>,
    pub expires: Option<Spanned<Date>>,
    pub header: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ObservationDecl {
    pub metric: Spanned<String>,
    pub jurisdiction: Option<Spanned<String>>,
    pub year: Option<i32>,
    pub value: Option<Figure>,
    pub source: Option<String>,
    pub header: Span,
}

/// `suppress <code-or-obligation> [<obligation>] { reason "…" }`: findings
/// of the plan taken out of the verdict on purpose. What the words name
/// (a code or an obligation) is decided after the checks, not here.
#[derive(Debug, Clone, PartialEq)]
pub struct SuppressionDecl {
    pub targets: Vec<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    pub header: Span,
}

/// `strength <id> { … }`: the ranked vocabulary of commitment that the
/// checks read an ask's strength with. Ranks are small whole numbers, the
/// higher the stronger; what the words are is the rules' business.
#[derive(Debug, Clone, PartialEq)]
pub struct StrengthDecl {
    pub id: Spanned<String>,
    /// `verbs <rank> "…"…`: commitment verbs and their rank.
    pub verbs: Vec<(u8, Spanned<String>)>,
    /// `joins "…"…`: verbs by which a plan takes part in the higher
    /// jurisdiction's own action (积极参加 a city 行动): as strong as the ask.
    pub joins: Vec<Spanned<String>>,
    /// `scope <rank> "…"…`: qualifiers of a commitment's reach; an
    /// unqualified commitment has rank 1.
    pub scopes: Vec<(u8, Spanned<String>)>,
    /// `periodic "…"…`: words that make an ask recur (每年).
    pub periodic: Vec<Spanned<String>>,
    /// `nouns "…"…`: what a commitment builds (机制, 制度).
    pub nouns: Vec<Spanned<String>>,
    /// `negation "…"…`: words that turn an ask into a prohibition.
    pub negations: Vec<Spanned<String>>,
    /// `omitted <rank> <severity>`: the severity of omitting an ask whose
    /// strength is at most `rank`.
    pub omitted: Vec<(u8, Spanned<Severity>)>,
    pub header: Span,
}
