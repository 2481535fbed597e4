//! Navigating a loaded model from a place in a file: what id is under the
//! cursor, where it is declared, what refers to it, which obligations a
//! plan may name and how each one stands. The editor server asks these;
//! it converts places, the library answers.
//!
//! Invariant: nothing here knows an editor protocol; places are byte spans
//! of the model's files.

use crate::check::{Binding, Context, Provision};
use crate::model::{DocId, ItemId, Model, OblId};
use crate::source::{FileId, Span, Spanned};
pub use crate::status::Standing;

/// A declaration an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Symbol {
    Document(DocId),
    Obligation(OblId),
    Item(ItemId),
}

/// The id under `offset` in `file` (a declaration's own id or a reference
/// in `implements`, `exempt`, `suppress`, `refines`, `carries_out`,
/// `supersedes`), with
/// the span of the id. An offset just after an id counts, where an
/// editor's cursor rests after typing it.
pub fn symbol_at(model: &Model, file: FileId, offset: usize) -> Option<(Symbol, Span)> {
    let hit = |s: &Span| s.start <= offset && offset <= s.end;
    let obligation = |r: &Spanned<String>| {
        model
            .obligation_by_id(&r.value)
            .map(|o| (Symbol::Obligation(o), r.span))
    };
    for (i, item) in model.items.iter().enumerate() {
        if item.file != file {
            continue;
        }
        if hit(&item.decl.id.span) {
            return Some((Symbol::Item(ItemId(i as u32)), item.decl.id.span));
        }
        if let Some(r) = item.decl.implements.iter().find(|r| hit(&r.span)) {
            return obligation(r);
        }
    }
    for (o, obl) in model.obligations.iter().enumerate() {
        if obl.file != file {
            continue;
        }
        if hit(&obl.decl.id.span) {
            return Some((Symbol::Obligation(OblId(o as u32)), obl.decl.id.span));
        }
        if let Some(r) = obl.decl.refines.iter().find(|r| hit(&r.span)) {
            return obligation(r);
        }
    }
    for e in model.exemptions.iter().filter(|e| e.file == file) {
        if hit(&e.decl.obligation.span) {
            return obligation(&e.decl.obligation);
        }
    }
    for (d, doc) in model.documents.iter().enumerate() {
        if doc.file != file {
            continue;
        }
        if hit(&doc.decl.id.span) {
            return Some((Symbol::Document(DocId(d as u32)), doc.decl.id.span));
        }
        let documents = doc.decl.carries_out.iter().chain(&doc.decl.supersedes);
        if let Some(r) = documents.into_iter().find(|r| hit(&r.span)) {
            return model
                .document_by_id(&r.value)
                .map(|d| (Symbol::Document(d), r.span));
        }
        let targets = doc.suppressions.iter().flat_map(|s| &s.targets);
        if let Some(r) = targets.into_iter().find(|r| hit(&r.span)) {
            return obligation(r);
        }
    }
    None
}

/// Where a symbol is declared: its file and the span of its id.
pub fn declaration(model: &Model, symbol: Symbol) -> (FileId, Span) {
    match symbol {
        Symbol::Document(d) => {
            let d = model.document(d);
            (d.file, d.decl.id.span)
        }
        Symbol::Obligation(o) => {
            let o = model.obligation(o);
            (o.file, o.decl.id.span)
        }
        Symbol::Item(i) => {
            let i = model.item(i);
            (i.file, i.decl.id.span)
        }
    }
}

/// Every place that names the obligation: the items that implement it,
/// the obligations that refine it, the exemptions and suppressions that
/// name it, in every file, in model order.
pub fn references(model: &Model, o: OblId) -> Vec<(FileId, Span)> {
    let id = model.obligation(o).id();
    let named = |r: &&Spanned<String>| r.value == id;
    let mut out = Vec::new();
    for item in &model.items {
        out.extend(
            item.decl
                .implements
                .iter()
                .filter(named)
                .map(|r| (item.file, r.span)),
        );
    }
    for obl in &model.obligations {
        out.extend(
            obl.decl
                .refines
                .iter()
                .filter(named)
                .map(|r| (obl.file, r.span)),
        );
    }
    for e in &model.exemptions {
        if e.decl.obligation.value == id {
            out.push((e.file, e.decl.obligation.span));
        }
    }
    for doc in &model.documents {
        let targets = doc.suppressions.iter().flat_map(|s| &s.targets);
        out.extend(targets.filter(named).map(|r| (doc.file, r.span)));
    }
    out
}

/// The document declared in a file, if any.
pub fn document_of(model: &Model, file: FileId) -> Option<DocId> {
    (0..model.documents.len() as u32)
        .map(DocId)
        .find(|&d| model.document(d).file == file)
}

/// Every obligation of the documents the plan of `ctx` carries out (its
/// only plan), with its standing and what covers it, most needed first,
/// then in file order.
pub fn standings(ctx: &Context) -> Vec<(OblId, Standing, Vec<Provision>)> {
    let Some(plan) = ctx.plans.first() else {
        return Vec::new();
    };
    let mut out: Vec<_> = plan
        .bindings
        .iter()
        .map(|&(o, binding)| {
            let covering = plan.covering(o).to_vec();
            let standing = match binding {
                Binding::Owed { advisory: true } => Standing::Advisory,
                Binding::Owed { .. } if !covering.is_empty() => Standing::Implemented,
                Binding::Owed { .. } if plan.exemptions_in_force.contains_key(&o) => {
                    Standing::Exempted
                }
                Binding::Owed { .. } => Standing::Missing,
                Binding::NotApplicable => Standing::NotApplicable,
                Binding::NotBound => Standing::NotBound,
            };
            (o, standing, covering)
        })
        .collect();
    out.sort_by_key(|&(o, standing, _)| (standing, o));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Options;
    use crate::syntax::value::Date;

    const RULES: &str = "document up { title \"上级\"\n rank province\n }\n\
        obligation up.1 { kind action\n title \"开展科幻活动\"\n source 1 }\n\
        obligation up.2 { kind action\n title \"建设场馆\"\n source 2 }\n";
    const PLAN: &str = "document low {\n rank county\n carries_out up\n}\n\
        item low.1 {\n title \"活动\"\n implements up.2\n}\n";

    fn model() -> Model {
        crate::model::load([("up.plan", RULES), ("low.plan", PLAN)]).model
    }

    #[test]
    fn finds_the_reference_under_the_cursor_and_its_declaration() {
        let model = model();
        let low = FileId(1);
        let at = PLAN.find("up.2").unwrap();
        // Just after the id, where the cursor rests after typing it.
        let (symbol, span) = symbol_at(&model, low, at + 4).unwrap();
        let up2 = model.obligation_by_id("up.2").unwrap();
        assert_eq!(symbol, Symbol::Obligation(up2));
        assert_eq!(&PLAN[span.start..span.end], "up.2");
        let (file, decl) = declaration(&model, symbol);
        assert_eq!(file, FileId(0));
        assert_eq!(&RULES[decl.start..decl.end], "up.2");
        assert_eq!(references(&model, up2), vec![(low, span)]);
        assert_eq!(symbol_at(&model, low, 0), None);
    }

    #[test]
    fn what_is_missing_comes_first() {
        let model = model();
        let low = document_of(&model, FileId(1));
        let options = Options {
            as_of: Date::from_unix_days(20_000),
        };
        let ctx = Context::new(&model, options, low);
        let ids: Vec<_> = standings(&ctx)
            .into_iter()
            .map(|(o, s, _)| (model.obligation(o).id().to_string(), s))
            .collect();
        assert_eq!(
            ids,
            vec![
                ("up.1".to_string(), Standing::Missing),
                ("up.2".to_string(), Standing::Implemented)
            ]
        );
    }
}
