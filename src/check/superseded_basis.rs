//! `superseded-basis`: a plan names as its basis (贯彻实施《…》) a document
//! that another document of the run supersedes.
//!
//! - **What it checks**: for each item of a checked plan, every title in
//!   《》 of its title and text is compared with the titles of the documents
//!   some document `supersedes`; it matches when it is the title exactly, or
//!   the title without its closing period in brackets
//!   (《示范科学素质行动计划纲要》 for 《示范科学素质行动计划纲要(2006—2010—2020年)》),
//!   full- and half-width brackets alike. 计划纲要 is not 规划纲要: nothing
//!   else is forgiven. The mention is a basis where its 分句 carries it out
//!   (a basis word before it: 贯彻, 实施, 落实, 依据, 根据, 按照, 执行, 遵循) and
//!   does not recall it as history (自…以来, 曾).
//! - **Why it matters**: a plan that carries out the replaced document
//!   carries out rules no longer in force, and may miss the ones that are.
//! - **How to fix**: name the document in force, or, where the mention is
//!   deliberate, say why with `suppress superseded-basis`.

use crate::check::Context;
use crate::check::registry::CodeInfo;
use crate::check::strength::is_stop;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::{Id, Msg, Quote};
use crate::model::{DocId, ItemId};

pub const CODE: CodeInfo = CodeInfo {
    code: "superseded-basis",
    severity: Severity::Warning,
    summary: "a plan names as its basis a document that another supersedes",
};

/// Words before a title that make it the basis of what the 分句 does.
const BASIS: &[&str] = &[
    "贯彻", "实施", "落实", "依据", "根据", "按照", "执行", "遵循",
];

/// Words that make a 分句 recall a document as history.
const HISTORY: &[&str] = &["以来", "曾"];

/// A title in 《》 named as a basis: the title, and its 分句.
#[derive(Debug, PartialEq)]
struct Basis<'t> {
    title: &'t str,
    clause: &'t str,
}

/// The titles a text names as its basis, in order.
fn bases(text: &str) -> Vec<Basis<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find('《').map(|i| from + i) {
        let inner = open + '《'.len_utf8();
        // A title inside a title is written 〈〉: the first 》 closes it.
        let Some(close) = text[inner..].find('》').map(|i| inner + i) else {
            break;
        };
        from = close + '》'.len_utf8();
        let start = text[..open]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_stop(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[from..].find(is_stop).map_or(text.len(), |i| from + i);
        let clause = &text[start..end];
        let before = &text[start..open];
        if BASIS.iter().any(|w| before.contains(w)) && !HISTORY.iter().any(|w| clause.contains(w)) {
            out.push(Basis {
                title: &text[inner..close],
                clause,
            });
        }
    }
    out
}

/// A title in one form: full-width brackets and digits folded.
fn fold(title: &str) -> String {
    title
        .chars()
        .map(crate::text::normalize_char)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Whether `named` names the document titled `title`: exactly, or without
/// the title's closing period in brackets.
fn names(named: &str, title: &str) -> bool {
    let (named, title) = (fold(named), fold(title));
    if named == title {
        return true;
    }
    title
        .strip_suffix(')')
        .and_then(|t| t.rfind('(').map(|i| &t[..i]))
        .is_some_and(|bare| bare == named && title.contains('年'))
}

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let superseded: Vec<(DocId, DocId)> = (0..ctx.model.documents.len() as u32)
        .map(DocId)
        .flat_map(|new| {
            ctx.model
                .document(new)
                .supersedes
                .iter()
                .map(move |&old| (old, new))
        })
        .collect();
    if superseded.is_empty() {
        return;
    }
    for plan in &ctx.plans {
        let issued = ctx.model.document(plan.doc).decl.issued.as_ref();
        for &i in &ctx.model.document(plan.doc).items {
            let text = ctx.model.item(i).searchable_text();
            let found = bases(&text);
            for &(old, new) in &superseded {
                let Some(title) = ctx.model.document(old).decl.title.as_deref() else {
                    continue;
                };
                if let Some(b) = found.iter().find(|b| names(b.title, title)) {
                    let advisory = matches!(
                        (issued, ctx.model.document(new).decl.issued.as_ref()),
                        (Some(p), Some(n)) if n.value > p.value
                    );
                    out.push(diagnostic(ctx, plan.doc, i, old, new, b, advisory));
                }
            }
        }
    }
}

fn diagnostic(
    ctx: &Context,
    plan: DocId,
    i: ItemId,
    old: DocId,
    new: DocId,
    b: &Basis,
    advisory: bool,
) -> Diagnostic {
    let item = ctx.model.item(i);
    let (old, new) = (ctx.model.document(old), ctx.model.document(new));
    let new_title = new.decl.title.as_deref().unwrap_or(new.id());
    let mut d = ctx
        .finding(
            CODE.code,
            ctx.severity(CODE.severity, advisory),
            Msg::SupersededBasis {
                item: crate::i18n::Provision(ctx.cite_item(i)),
                title: b.title.to_string(),
                clause: Quote(b.clause.to_string()),
                new: Id::new(new.id()),
            },
            Label::new(
                item.file,
                item.decl.header,
                Msg::LabelSupersededBy {
                    new: Id::new(new.id()),
                },
            ),
            plan,
            None,
        )
        .with_help(Msg::HelpNameInForce {
            title: new_title.to_string(),
            code: CODE.code.to_string(),
        });
    if let Some(r) = new.decl.supersedes.iter().find(|r| r.value == old.id()) {
        d = d.with_related(Label::new(
            new.file,
            r.span,
            Msg::LabelSupersededHere {
                old: Id::new(old.id()),
            },
        ));
    }
    d.item = Some(ctx.model.item_ref(i));
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "示范科学素质行动计划纲要(2006—2010—2020年)";

    #[test]
    fn the_exact_title_or_without_its_period() {
        assert!(names(OLD, OLD));
        assert!(names("示范科学素质行动计划纲要", OLD));
        assert!(names("示范科学素质行动计划纲要（2006—2010—2020年）", OLD));
        assert!(
            !names("示范科学素质行动规划纲要", OLD),
            "计划纲要 is not 规划纲要"
        );
        assert!(!names("示范科学素质行动规划纲要（2021—2035年）", OLD));
        assert!(!names("科学素质行动计划纲要", OLD));
    }

    #[test]
    fn a_basis_is_carried_out_not_recalled() {
        let text = "组织制订我区贯彻实施《示范科学素质行动计划纲要》的政策措施，研究解决重大问题。";
        let found = bases(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].title, "示范科学素质行动计划纲要");
        assert_eq!(
            found[0].clause,
            "组织制订我区贯彻实施《示范科学素质行动计划纲要》的政策措施"
        );
        let history =
            "自印发《示范科学素质行动计划纲要(2006—2010—2020年)》以来,科学素质建设取得显著成效。";
        assert!(bases(history).is_empty(), "recalled as history");
        assert!(
            bases("宣传《示范科学素质行动计划纲要》的成效").is_empty(),
            "no basis word"
        );
        assert_eq!(
            bases("贯彻落实《东区落实〈示范市纲要〉实施方案》")[0].title,
            "东区落实〈示范市纲要〉实施方案"
        );
    }
}
