//! Building the model: parse every file, register every declaration, then
//! resolve the references between them.

use petgraph::graph::NodeIndex;
use rayon::prelude::*;

use super::*;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::{Id, Msg, Thing};
use crate::source::{SourceFile, Span};
use crate::syntax::{self, lower::did_you_mean};

/// The code of the warning that a file declares nothing.
pub const EMPTY_FILE: &str = "empty-file";

/// Parses and loads every `(name, text)` pair into one model.
pub fn load<N: Into<String>, T: Into<std::sync::Arc<str>>>(
    files: impl IntoIterator<Item = (N, T)>,
) -> Loaded {
    load_with(files, |_| ()).0
}

/// [`load`], and `then` run on the resolved model while it is validated:
/// the checks need the links resolved, not the look for cycles and
/// foreign links, so the two share the cores.
pub fn load_with<N: Into<String>, T: Into<std::sync::Arc<str>>, R: Send>(
    files: impl IntoIterator<Item = (N, T)>,
    then: impl FnOnce(&Model) -> R + Send,
) -> (Loaded, R) {
    // Files are parsed on every core (each parse sees one text only), then
    // registered one after the other in the order given, so the model and
    // its diagnostics do not depend on the number of threads. A large run
    // goes in batches, and a batch is registered while the next one is
    // parsed: registering alone was a tenth of a national check.
    let files: Vec<(String, std::sync::Arc<str>)> = files
        .into_iter()
        .map(|(name, text)| (name.into(), text.into()))
        .collect();
    let total_bytes: usize = files.iter().map(|(_, text)| text.len()).sum();
    let mut builder = Builder::default();
    let mut parsed: Vec<(SourceFile, syntax::Parse)> = Vec::new();
    for (i, batch) in batches(files, total_bytes).into_iter().enumerate() {
        let batch_bytes: usize = batch.iter().map(|(_, text)| text.len()).sum();
        let (_, next) = rayon::join(
            || builder.add_files(std::mem::take(&mut parsed)),
            || parse_all(batch),
        );
        if i == 0 {
            builder.reserve(&next, batch_bytes, total_bytes);
        }
        parsed = next;
    }
    builder.add_files(parsed);
    builder.resolve();
    let Builder {
        model,
        mut diagnostics,
        item_ids,
        ..
    } = builder;
    // The index of item ids (a string each) is freed alongside as well.
    let (found, result) = rayon::join(
        || {
            drop(item_ids);
            validate::validate(&model)
        },
        || then(&model),
    );
    diagnostics.extend(found);
    (Loaded { model, diagnostics }, result)
}

/// What each id that `refs` gives for each of `decls` names, looked up on
/// every core, in order: one entry per reference.
fn look_up_all<D: Sync>(
    decls: &[D],
    refs: impl Fn(&D) -> &Vec<crate::source::Spanned<String>> + Sync,
    ids: &HashMap<String, OblId>,
) -> Vec<Option<OblId>> {
    decls
        .par_iter()
        .flat_map_iter(|d| refs(d).iter().map(|r| ids.get(&r.value).copied()))
        .collect()
}

/// A batch is at least this many bytes of text: a small run is one batch,
/// parsed on every core at once.
const MIN_BATCH_BYTES: usize = 1 << 20;

/// About this many batches in a large run.
const BATCHES: usize = 16;

/// The files in consecutive batches of about `total_bytes / BATCHES`
/// bytes (at least [`MIN_BATCH_BYTES`]), in order.
fn batches(
    files: Vec<(String, std::sync::Arc<str>)>,
    total_bytes: usize,
) -> Vec<Vec<(String, std::sync::Arc<str>)>> {
    let size = (total_bytes / BATCHES).max(MIN_BATCH_BYTES);
    let mut out = Vec::new();
    let mut batch = Vec::new();
    let mut bytes = 0;
    for file in files {
        bytes += file.1.len();
        batch.push(file);
        if bytes >= size {
            out.push(std::mem::take(&mut batch));
            bytes = 0;
        }
    }
    if !batch.is_empty() {
        out.push(batch);
    }
    out
}

fn parse_all(files: Vec<(String, std::sync::Arc<str>)>) -> Vec<(SourceFile, syntax::Parse)> {
    files
        .into_par_iter()
        .map(|(name, text)| {
            let file = SourceFile::new(name, text);
            let parse = syntax::parse(&file.text);
            (file, parse)
        })
        .collect()
}

#[derive(Default)]
struct Builder {
    model: Model,
    diagnostics: Vec<Diagnostic>,
    /// Unresolved references, kept until every file is registered.
    pending_parents: Vec<(DocId, Vec<crate::source::Spanned<String>>)>,
    item_ids: HashMap<String, ItemId>,
}

impl Builder {
    /// Sizes every table once for the whole run, from the first batch
    /// (`parsed`, `batch_bytes` of the run's `total_bytes`) scaled to the
    /// run: growing them a file at a time copied the national model over
    /// and over, and an estimate a little off costs one doubling at most.
    fn reserve(
        &mut self,
        parsed: &[(SourceFile, syntax::Parse)],
        batch_bytes: usize,
        total_bytes: usize,
    ) {
        fn obligations(o: &ObligationDecl) -> usize {
            1 + o.children.iter().map(obligations).sum::<usize>()
        }
        // The first batch is at least 1/BATCHES of the run.
        let scale = |n: usize| {
            let scaled = n as u128 * total_bytes as u128 / batch_bytes.max(1) as u128;
            (scaled as usize).clamp(n, n.saturating_mul(BATCHES))
        };
        let count =
            |f: fn(&FileAst) -> usize| scale(parsed.iter().map(|(_, p)| f(&p.file)).sum::<usize>());
        let documents = count(|a| usize::from(a.document.is_some()));
        let jurisdictions = count(|a| a.jurisdictions.len());
        let obligations = count(|a| a.obligations.iter().map(obligations).sum());
        let items = count(|a| a.items.len());
        let exemptions = count(|a| a.exemptions.len());
        let m = &mut self.model;
        m.documents.reserve(documents);
        m.jurisdictions.reserve(jurisdictions);
        m.obligations.reserve(obligations);
        m.items.reserve(items);
        m.exemptions.reserve(exemptions);
        m.document_ids.reserve(documents);
        m.jurisdiction_ids.reserve(jurisdictions);
        m.obligation_ids.reserve(obligations);
        self.item_ids.reserve(items);
        let nodes = documents + jurisdictions + obligations + items + exemptions;
        m.graph.reserve_nodes(nodes);
        m.graph.reserve_edges(2 * nodes);
    }

    fn add_files(&mut self, parsed: Vec<(SourceFile, syntax::Parse)>) {
        for (file, parse) in parsed {
            self.add_file(file, parse);
        }
    }

    fn add_file(&mut self, file: SourceFile, parse: syntax::Parse) {
        let file_id = self.model.sources.add(file);
        let errors_before = self.diagnostics.len();
        for e in parse.errors {
            let mut d = Diagnostic::new(
                e.code,
                Severity::Error,
                e.message,
                Label::new(file_id, e.span, e.label),
            );
            if let Some(help) = e.help {
                d.set_help(help);
            }
            self.diagnostics.push(d);
        }
        let ast = parse.file;
        if self.diagnostics.len() == errors_before && ast.is_empty() {
            let text = &self.model.sources.get(file_id).text;
            let message = if text.trim().is_empty() {
                Msg::EmptyFile {}
            } else {
                Msg::CommentsOnlyFile {}
            };
            self.diagnostics.push(
                Diagnostic::new(
                    EMPTY_FILE,
                    Severity::Warning,
                    message,
                    Label::new(file_id, Span::point(0), Msg::LabelNothingDeclared {}),
                )
                .with_help(Msg::HelpFillOrDelete {}),
            );
        }
        for j in ast.jurisdictions {
            self.add_jurisdiction(j, file_id);
        }
        for decl in ast.strengths {
            self.model.strengths.push(Strength {
                decl,
                file: file_id,
            });
        }
        for o in ast.observations {
            self.model.observations.push(Observation {
                decl: o,
                file: file_id,
                jurisdiction: None,
            });
        }
        let Some(document) = ast.document else { return };
        let Some(doc) = self.add_document(document, file_id) else {
            return;
        };
        for o in ast.obligations {
            self.add_obligation(o, file_id, doc, None);
        }
        for i in ast.items {
            self.add_item(i, file_id, doc);
        }
        for e in ast.exemptions {
            let node = self
                .model
                .graph
                .add_node(Node::Exemption(ExId(self.model.exemptions.len() as u32)));
            let id = ExId(self.model.exemptions.len() as u32);
            self.model.exemptions.push(Exemption {
                decl: e,
                file: file_id,
                node,
                document: doc,
                obligation: None,
            });
            self.model.documents[doc.index()].exemptions.push(id);
        }
        self.model.documents[doc.index()].suppressions = ast.suppressions;
    }

    fn duplicate(&mut self, what: &str, id: &str, file: FileId, span: Span, first: (FileId, Span)) {
        self.diagnostics.push(
            Diagnostic::new(
                "duplicate-id",
                Severity::Error,
                Msg::DuplicateId {
                    what: Thing::of(what),
                    id: Id::new(id),
                },
                Label::new(file, span, Msg::LabelDeclaredAgain {}),
            )
            .with_related(Label::new(first.0, first.1, Msg::LabelFirstDeclared {}))
            .with_help(Msg::HelpRenameOne {}),
        );
    }

    fn add_jurisdiction(&mut self, decl: JurisdictionDecl, file: FileId) {
        let id = JurId(self.model.jurisdictions.len() as u32);
        if let Some(&first) = self.model.jurisdiction_ids.get(&decl.id.value) {
            let f = &self.model.jurisdictions[first.index()];
            let first = (f.file, f.decl.id.span);
            self.duplicate("jurisdiction", &decl.id.value, file, decl.id.span, first);
            return;
        }
        let node = self.model.graph.add_node(Node::Jurisdiction(id));
        self.model
            .jurisdiction_ids
            .insert(decl.id.value.clone(), id);
        self.model.jurisdictions.push(Jurisdiction {
            decl,
            file,
            node,
            parent: None,
        });
    }

    fn add_document(&mut self, decl: DocumentDecl, file: FileId) -> Option<DocId> {
        let id = DocId(self.model.documents.len() as u32);
        if let Some(&first) = self.model.document_ids.get(&decl.id.value) {
            let f = &self.model.documents[first.index()];
            let first = (f.file, f.decl.id.span);
            self.duplicate("document", &decl.id.value, file, decl.id.span, first);
            return None;
        }
        let node = self.model.graph.add_node(Node::Document(id));
        self.model.document_ids.insert(decl.id.value.clone(), id);
        self.pending_parents.push((id, decl.carries_out.clone()));
        self.model.documents.push(Document {
            decl,
            file,
            node,
            parents: Vec::new(),
            supersedes: Vec::new(),
            jurisdiction: None,
            obligations: Vec::new(),
            items: Vec::new(),
            exemptions: Vec::new(),
            suppressions: Vec::new(),
        });
        Some(id)
    }

    fn add_obligation(
        &mut self,
        mut decl: ObligationDecl,
        file: FileId,
        doc: DocId,
        parent: Option<OblId>,
    ) {
        let children = std::mem::take(&mut decl.children);
        let id = OblId(self.model.obligations.len() as u32);
        if let Some(&first) = self.model.obligation_ids.get(&decl.id.value) {
            let f = &self.model.obligations[first.index()];
            let first = (f.file, f.decl.id.span);
            self.duplicate("obligation", &decl.id.value, file, decl.id.span, first);
            return;
        }
        let node = self.model.graph.add_node(Node::Obligation(id));
        let container = match parent {
            Some(p) => self.model.obligations[p.index()].node,
            None => self.model.documents[doc.index()].node,
        };
        self.model.graph.add_edge(container, node, Edge::Contains);
        self.model.obligation_ids.insert(decl.id.value.clone(), id);
        self.model.obligations.push(Obligation {
            decl,
            file,
            node,
            document: doc,
            parent,
            children: Vec::new(),
            refines: Vec::new(),
        });
        self.model.documents[doc.index()].obligations.push(id);
        if let Some(p) = parent {
            self.model.obligations[p.index()].children.push(id);
        }
        for child in children {
            self.add_obligation(child, file, doc, Some(id));
        }
    }

    fn add_item(&mut self, decl: ItemDecl, file: FileId, doc: DocId) {
        let id = ItemId(self.model.items.len() as u32);
        if let Some(&first) = self.item_ids.get(&decl.id.value) {
            let f = &self.model.items[first.index()];
            let first = (f.file, f.decl.id.span);
            self.duplicate("item", &decl.id.value, file, decl.id.span, first);
            return;
        }
        let node = self.model.graph.add_node(Node::Item(id));
        self.model
            .graph
            .add_edge(self.model.documents[doc.index()].node, node, Edge::Contains);
        self.item_ids.insert(decl.id.value.clone(), id);
        self.model.items.push(Item {
            decl,
            file,
            node,
            document: doc,
            implements: Vec::new(),
        });
        self.model.documents[doc.index()].items.push(id);
    }

    fn unknown(
        &mut self,
        what: &str,
        reference: &crate::source::Spanned<String>,
        file: FileId,
        mut known: Vec<&str>,
    ) {
        known.sort_unstable();
        let what = Thing::of(what);
        let suggestion = did_you_mean(&reference.value, known);
        let help = match suggestion {
            Some(s) => Msg::HelpDidYouMean {
                suggestion: Id::new(s),
            },
            None => Msg::HelpDeclareIt { what },
        };
        let mut d = Diagnostic::new(
            "unknown-reference",
            Severity::Error,
            Msg::UnknownReference {
                what,
                id: Id::new(&reference.value),
            },
            Label::new(file, reference.span, Msg::LabelUnknown { what }),
        )
        .with_help(help);
        if let Some(s) = suggestion {
            d = d.with_fix(crate::diagnostic::FixAction::Replace {
                file,
                span: reference.span,
                replacement: s.to_string(),
            });
        }
        self.diagnostics.push(d);
    }

    fn resolve_document(
        &mut self,
        r: &crate::source::Spanned<String>,
        file: FileId,
    ) -> Option<DocId> {
        let found = self.model.document_ids.get(&r.value).copied();
        if found.is_none() {
            let known: Vec<String> = self.model.document_ids.keys().cloned().collect();
            self.unknown(
                "document",
                r,
                file,
                known.iter().map(String::as_str).collect(),
            );
        }
        found
    }

    fn resolve_jurisdiction(
        &mut self,
        r: &crate::source::Spanned<String>,
        file: FileId,
    ) -> Option<JurId> {
        let found = self.model.jurisdiction_ids.get(&r.value).copied();
        if found.is_none() {
            let known: Vec<String> = self.model.jurisdiction_ids.keys().cloned().collect();
            self.unknown(
                "jurisdiction",
                r,
                file,
                known.iter().map(String::as_str).collect(),
            );
        }
        found
    }

    fn resolve_obligation(
        &mut self,
        r: &crate::source::Spanned<String>,
        file: FileId,
    ) -> Option<OblId> {
        let found = self.model.obligation_ids.get(&r.value).copied();
        self.found_obligation(found, r, file)
    }

    /// What the reference `r` in `file` was found to name, `found`, or an
    /// unknown reference reported.
    fn found_obligation(
        &mut self,
        found: Option<OblId>,
        r: &crate::source::Spanned<String>,
        file: FileId,
    ) -> Option<OblId> {
        if found.is_none() {
            let known: Vec<String> = self.model.obligation_ids.keys().cloned().collect();
            self.unknown(
                "obligation",
                r,
                file,
                known.iter().map(String::as_str).collect(),
            );
        }
        found
    }

    fn edge(&mut self, from: NodeIndex, to: NodeIndex, edge: Edge) {
        self.model.graph.add_edge(from, to, edge);
    }

    fn resolve(&mut self) {
        for (doc, refs) in std::mem::take(&mut self.pending_parents) {
            let file = self.model.documents[doc.index()].file;
            for r in refs {
                if let Some(parent) = self.resolve_document(&r, file) {
                    let (from, to) = (
                        self.model.documents[doc.index()].node,
                        self.model.documents[parent.index()].node,
                    );
                    self.edge(from, to, Edge::CarriesOut);
                    let parents = &mut self.model.documents[doc.index()].parents;
                    if !parents.contains(&parent) {
                        parents.push(parent);
                    }
                }
            }
            for r in self.model.documents[doc.index()].decl.supersedes.clone() {
                if let Some(old) = self.resolve_document(&r, file) {
                    let list = &mut self.model.documents[doc.index()].supersedes;
                    if !list.contains(&old) {
                        list.push(old);
                    }
                }
            }
            if let Some(j) = self.model.documents[doc.index()].decl.jurisdiction.clone()
                && let Some(jid) = self.resolve_jurisdiction(&j, file)
            {
                self.model.documents[doc.index()].jurisdiction = Some(jid);
                let (from, to) = (
                    self.model.documents[doc.index()].node,
                    self.model.jurisdictions[jid.index()].node,
                );
                self.edge(from, to, Edge::Governs);
            }
        }
        for j in 0..self.model.jurisdictions.len() {
            let (file, parent) = (
                self.model.jurisdictions[j].file,
                self.model.jurisdictions[j].decl.parent.clone(),
            );
            if let Some(p) = parent
                && let Some(pid) = self.resolve_jurisdiction(&p, file)
            {
                self.model.jurisdictions[j].parent = Some(pid);
                let (from, to) = (
                    self.model.jurisdictions[j].node,
                    self.model.jurisdictions[pid.index()].node,
                );
                self.edge(from, to, Edge::Parent);
            }
        }
        // The ids are looked up on every core first, in order; the links
        // are then made one after the other. The references are taken out
        // of each declaration while they are resolved, and put back:
        // cloning them cost a copy of every id.
        let ids = &self.model.obligation_ids;
        let mut refined =
            look_up_all(&self.model.obligations, |o| &o.decl.refines, ids).into_iter();
        let mut implemented =
            look_up_all(&self.model.items, |i| &i.decl.implements, ids).into_iter();
        for o in 0..self.model.obligations.len() {
            let (file, refs) = (
                self.model.obligations[o].file,
                std::mem::take(&mut self.model.obligations[o].decl.refines),
            );
            for r in &refs {
                let found = refined.next().flatten();
                if let Some(target) = self.found_obligation(found, r, file) {
                    self.model.obligations[o].refines.push(target);
                    let (from, to) = (
                        self.model.obligations[o].node,
                        self.model.obligations[target.index()].node,
                    );
                    self.edge(from, to, Edge::Refines);
                }
            }
            self.model.obligations[o].decl.refines = refs;
        }
        for i in 0..self.model.items.len() {
            let (file, refs) = (
                self.model.items[i].file,
                std::mem::take(&mut self.model.items[i].decl.implements),
            );
            self.model.items[i].implements.reserve_exact(refs.len());
            for r in &refs {
                let found = implemented.next().flatten();
                if let Some(target) = self.found_obligation(found, r, file) {
                    if !self.model.items[i].implements.contains(&target) {
                        self.model.items[i].implements.push(target);
                    }
                    let (from, to) = (
                        self.model.items[i].node,
                        self.model.obligations[target.index()].node,
                    );
                    self.edge(from, to, Edge::Implements);
                }
            }
            self.model.items[i].decl.implements = refs;
        }
        for e in 0..self.model.exemptions.len() {
            let (file, r) = (
                self.model.exemptions[e].file,
                self.model.exemptions[e].decl.obligation.clone(),
            );
            if let Some(target) = self.resolve_obligation(&r, file) {
                self.model.exemptions[e].obligation = Some(target);
                let (from, to) = (
                    self.model.exemptions[e].node,
                    self.model.obligations[target.index()].node,
                );
                self.edge(from, to, Edge::Exempts);
            }
        }
        for o in 0..self.model.observations.len() {
            let (file, r) = (
                self.model.observations[o].file,
                self.model.observations[o].decl.jurisdiction.clone(),
            );
            if let Some(r) = r {
                self.model.observations[o].jurisdiction = self.resolve_jurisdiction(&r, file);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(sizes: &[usize]) -> Vec<(String, std::sync::Arc<str>)> {
        sizes
            .iter()
            .enumerate()
            .map(|(i, &n)| (format!("f{i}.plan"), "#".repeat(n).into()))
            .collect()
    }

    #[test]
    fn a_small_run_is_one_batch() {
        let batches = batches(files(&[10, 20, 30]), 60);
        assert_eq!(batches.len(), 1);
        assert_eq!(batches[0].len(), 3);
    }

    #[test]
    fn a_large_run_keeps_its_order_in_batches_of_a_sixteenth() {
        let sizes: Vec<usize> = (0..100).map(|i| 300_000 + i * 1_000).collect();
        let total: usize = sizes.iter().sum();
        let batches = batches(files(&sizes), total);
        let size = total / BATCHES;
        assert!(
            (BATCHES - 1..=BATCHES + 1).contains(&batches.len()),
            "{}",
            batches.len()
        );
        for batch in &batches[..batches.len() - 1] {
            let bytes: usize = batch.iter().map(|(_, t)| t.len()).sum();
            assert!(bytes >= size && bytes < size + 400_000, "{bytes}");
        }
        let names: Vec<String> = batches.into_iter().flatten().map(|(n, _)| n).collect();
        let expected: Vec<String> = (0..100).map(|i| format!("f{i}.plan")).collect();
        assert_eq!(names, expected);
    }
}
