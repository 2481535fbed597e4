//! Stage 2, model: every file of a run in one graph, resolved and validated.
//!
//! Documents, jurisdictions, obligations, plan items and exemptions become
//! nodes of a petgraph graph; `carries-out`, `refines`, `implements`,
//! `exempts`, `contains` and `parent` become edges. Loading resolves every
//! id, reports duplicates, unknown references (with a suggestion) and
//! cycles, and links that reach outside what a plan carries out. The
//! graph is built even when some of this fails, so the checks still run on
//! what is sound.
//!
//! Invariant: this module does no IO; it is handed names and texts.

mod load;
mod validate;

use foldhash::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::diagnostic::{Diagnostic, ItemRef, ObligationRef, PlanRef};
use crate::source::{FileId, SourceMap};
use crate::syntax::ast::*;

pub use load::{EMPTY_FILE, load, load_with};

macro_rules! index_type {
    ($($(#[$doc:meta])* $name:ident),*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}

index_type!(
    /// Index into [`Model::documents`].
    DocId,
    /// Index into [`Model::jurisdictions`].
    JurId,
    /// Index into [`Model::obligations`].
    OblId,
    /// Index into [`Model::items`].
    ItemId,
    /// Index into [`Model::exemptions`].
    ExId
);

/// A node of the cascade graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Node {
    Document(DocId),
    Jurisdiction(JurId),
    Obligation(OblId),
    Item(ItemId),
    Exemption(ExId),
}

/// An edge of the cascade graph, pointing from the lower thing to the
/// higher one (a plan to what it carries out, an item to what it
/// implements), except `Contains`, which points from a document or bullet
/// to what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    CarriesOut,
    Refines,
    Implements,
    Exempts,
    Contains,
    Parent,
    Governs,
}

#[derive(Debug, Clone)]
pub struct Document {
    pub decl: DocumentDecl,
    pub file: FileId,
    pub node: NodeIndex,
    pub parents: Vec<DocId>,
    /// The documents it supersedes (`supersedes`), resolved.
    pub supersedes: Vec<DocId>,
    pub jurisdiction: Option<JurId>,
    /// Every obligation of the document, bullets and their clauses, in file order.
    pub obligations: Vec<OblId>,
    pub items: Vec<ItemId>,
    pub exemptions: Vec<ExId>,
    /// The `suppress` statements of the document's file.
    pub suppressions: Vec<SuppressionDecl>,
}

impl Document {
    pub fn id(&self) -> &str {
        &self.decl.id.value
    }

    pub fn rank(&self) -> Option<Rank> {
        self.decl.rank.as_ref().map(|r| r.value)
    }
}

#[derive(Debug, Clone)]
pub struct Jurisdiction {
    pub decl: JurisdictionDecl,
    pub file: FileId,
    pub node: NodeIndex,
    pub parent: Option<JurId>,
}

impl Jurisdiction {
    pub fn id(&self) -> &str {
        &self.decl.id.value
    }

    pub fn rank(&self) -> Option<Rank> {
        self.decl.rank.as_ref().map(|r| r.value)
    }

    /// The attribute an `applies_if` reads; `population` is one too.
    pub fn attr(&self, name: &str) -> Option<AttrValue> {
        if name == "population" {
            return self.decl.population.map(|p| AttrValue::Number(p as f64));
        }
        self.decl
            .attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }

    pub fn display_name(&self) -> &str {
        self.decl.name.as_deref().unwrap_or(self.id())
    }
}

#[derive(Debug, Clone)]
pub struct Obligation {
    /// The declaration; its `children` are moved out into [`Obligation::children`].
    pub decl: ObligationDecl,
    pub file: FileId,
    pub node: NodeIndex,
    pub document: DocId,
    pub parent: Option<OblId>,
    pub children: Vec<OblId>,
    pub refines: Vec<OblId>,
}

impl Obligation {
    pub fn id(&self) -> &str {
        &self.decl.id.value
    }

    pub fn citation(&self) -> &str {
        self.decl
            .source
            .as_ref()
            .map(|s| s.value.as_str())
            .unwrap_or("")
    }

    pub fn title(&self) -> &str {
        self.decl.title.as_deref().unwrap_or("")
    }
}

#[derive(Debug, Clone)]
pub struct Item {
    pub decl: ItemDecl,
    pub file: FileId,
    pub node: NodeIndex,
    pub document: DocId,
    pub implements: Vec<OblId>,
}

impl Item {
    pub fn id(&self) -> &str {
        &self.decl.id.value
    }

    pub fn citation(&self) -> &str {
        self.decl
            .source
            .as_ref()
            .map(|s| s.value.as_str())
            .unwrap_or("")
    }

    /// The text an element must appear in: the title and the item's own text.
    pub fn searchable_text(&self) -> String {
        [self.decl.title.as_deref(), self.decl.text.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[derive(Debug, Clone)]
pub struct Exemption {
    pub decl: ExemptionDecl,
    pub file: FileId,
    pub node: NodeIndex,
    pub document: DocId,
    pub obligation: Option<OblId>,
}

/// A strength lexicon (`strength <id> { … }`) and where it was declared.
#[derive(Debug, Clone)]
pub struct Strength {
    pub decl: StrengthDecl,
    pub file: FileId,
}

#[derive(Debug, Clone)]
pub struct Observation {
    pub decl: ObservationDecl,
    pub file: FileId,
    pub jurisdiction: Option<JurId>,
}

/// Everything loaded in one run.
#[derive(Debug, Clone, Default)]
pub struct Model {
    pub sources: SourceMap,
    pub graph: DiGraph<Node, Edge>,
    pub documents: Vec<Document>,
    pub jurisdictions: Vec<Jurisdiction>,
    pub obligations: Vec<Obligation>,
    pub items: Vec<Item>,
    pub exemptions: Vec<Exemption>,
    pub observations: Vec<Observation>,
    /// The strength lexicons of the run, in file order.
    pub strengths: Vec<Strength>,
    document_ids: HashMap<String, DocId>,
    jurisdiction_ids: HashMap<String, JurId>,
    obligation_ids: HashMap<String, OblId>,
}

/// The model and the diagnostics of loading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub model: Model,
    /// Syntax and model errors; any of them makes the run exit 2.
    pub diagnostics: Vec<Diagnostic>,
}

impl Model {
    pub fn document(&self, id: DocId) -> &Document {
        &self.documents[id.index()]
    }

    pub fn jurisdiction(&self, id: JurId) -> &Jurisdiction {
        &self.jurisdictions[id.index()]
    }

    pub fn obligation(&self, id: OblId) -> &Obligation {
        &self.obligations[id.index()]
    }

    pub fn item(&self, id: ItemId) -> &Item {
        &self.items[id.index()]
    }

    pub fn exemption(&self, id: ExId) -> &Exemption {
        &self.exemptions[id.index()]
    }

    pub fn document_by_id(&self, id: &str) -> Option<DocId> {
        self.document_ids.get(id).copied()
    }

    /// The document `id`, or the nearest known id to suggest in its place.
    pub fn document_or_suggestion(&self, id: &str) -> Result<DocId, Option<String>> {
        self.document_by_id(id).ok_or_else(|| {
            crate::syntax::lower::did_you_mean(id, self.documents.iter().map(|d| d.id()))
                .map(str::to_string)
        })
    }

    pub fn obligation_by_id(&self, id: &str) -> Option<OblId> {
        self.obligation_ids.get(id).copied()
    }

    pub fn jurisdiction_by_id(&self, id: &str) -> Option<JurId> {
        self.jurisdiction_ids.get(id).copied()
    }

    /// Documents that carry out at least one other: the plans `check` checks.
    pub fn plans(&self) -> impl Iterator<Item = DocId> + '_ {
        (0..self.documents.len() as u32)
            .map(DocId)
            .filter(|&d| !self.document(d).parents.is_empty())
    }

    /// The obligation and every obligation it refines, transitively, each once.
    pub fn refinement_closure(&self, start: OblId) -> Vec<OblId> {
        /// Past this many, what was seen is looked up in a set: a scan of
        /// the list made a chain of n refinements cost n³.
        const SCAN: usize = 16;
        let mut seen = Vec::with_capacity(SCAN);
        seen.push(start);
        let mut set: Option<foldhash::HashSet<OblId>> = None;
        let mut next = 0;
        while next < seen.len() {
            for &r in &self.obligation(seen[next]).refines {
                let new = match &mut set {
                    Some(set) => set.insert(r),
                    None => !seen.contains(&r),
                };
                if new {
                    seen.push(r);
                    if set.is_none() && seen.len() > SCAN {
                        set = Some(seen.iter().copied().collect());
                    }
                }
            }
            next += 1;
        }
        seen
    }

    /// The obligation's ancestors (bullet above clause), nearest first.
    pub fn ancestors(&self, id: OblId) -> impl Iterator<Item = OblId> + '_ {
        std::iter::successors(self.obligation(id).parent, move |&p| {
            self.obligation(p).parent
        })
    }

    /// Whether `descendant` lies below `ancestor` in the jurisdiction tree.
    pub fn jurisdiction_descends(&self, descendant: JurId, ancestor: JurId) -> bool {
        let mut current = self.jurisdiction(descendant).parent;
        let mut steps = 0;
        while let Some(j) = current {
            if j == ancestor {
                return true;
            }
            steps += 1;
            if steps > self.jurisdictions.len() {
                return false;
            }
            current = self.jurisdiction(j).parent;
        }
        false
    }

    pub fn obligation_ref(&self, id: OblId) -> ObligationRef {
        let o = self.obligation(id);
        ObligationRef {
            id: o.id().to_string(),
            document: self.document(o.document).id().to_string(),
            citation: o.citation().to_string(),
            text: o.decl.text.clone().unwrap_or_else(|| o.title().to_string()),
            file: o.file,
            span: o.decl.header,
        }
    }

    pub fn plan_ref(&self, id: DocId) -> PlanRef {
        let d = self.document(id);
        PlanRef {
            id: d.id().to_string(),
            file: d.file,
        }
    }

    pub fn item_ref(&self, id: ItemId) -> ItemRef {
        let i = self.item(id);
        ItemRef {
            id: i.id().to_string(),
            citation: i.citation().to_string(),
            file: i.file,
            span: i.decl.header,
        }
    }
}
