//! `weakened-commitment`: an item carries out an ask with a weaker
//! commitment than the ask's own: a weaker verb (构建…机制 → 推动…), a
//! mechanism dropped, a narrowing qualifier (逐步, 试点), a frequency or a
//! prohibition left out.
//!
//! - **What it checks**: for each owed obligation with a `text` and each
//!   item that implements it, each 分句 of the text whose commitment the
//!   rules' strength lexicon can read is matched with the sentence of the
//!   item that carries it (the sentence most like it by the library's one
//!   similarity ranker, character-bigram BM25, among those naming the same
//!   element where one is named), and within it the 分句; where the two
//!   share enough of the ask's object to be the same ask, the item's
//!   commitment is compared with the ask's (`check::strength` says how each
//!   is read).
//! - **Why it matters**: the `implements` link makes the ask look met while
//!   the plan promises less: a mechanism to build becomes a direction to
//!   push.
//! - **How to fix**: promise what the ask promises, or, where the plan
//!   cannot, say why with `suppress weakened-commitment <obligation>`.
//!
//! Precision first: nothing is reported where a verb is outside the
//! lexicon, where the item joins the higher jurisdiction's own action
//! (积极参加), where the ask is a prohibition and so is the item, where a
//! strong qualifier (全面) is merely absent, or where a yearly figure is
//! owed (`unstated-quantity` reports that). One finding per obligation and
//! item, for the first weakened 分句.

use foldhash::HashMap;

use crate::check::strength::{self, Commitment, Lexicon};
use crate::check::{Context, Provision};
use crate::codes::CodeInfo;
use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::i18n::catalogue::Msgs;
use crate::i18n::{Msg, Quote};
use crate::model::{ItemId, OblId};

pub const CODE: CodeInfo = CodeInfo {
    code: "weakened-commitment",
    severity: Severity::Warning,
    summary: "an item carries out an ask with a weaker commitment than the ask's",
};

/// The least number of the ask's object bigrams the item's 分句 must hold.
const MIN_SHARED: usize = 3;

/// How the item's commitment falls short of the ask's.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shortfall<'t> {
    Verb { ask: &'t str, item: &'t str },
    Noun(&'t str),
    Scope(&'t str),
    Periodic(&'t str),
    Negation(&'t str),
}

/// One ask carried out more weakly, and the two phrases to quote: the two
/// 分句, or the two sentences where a qualifier or frequency in another
/// 分句 is what falls short.
#[derive(Debug)]
struct Weakening<'t> {
    ask: &'t str,
    carried: &'t str,
    shortfalls: Vec<Shortfall<'t>>,
}

pub fn run(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.lexicon.is_empty() {
        return;
    }
    ctx.each_plan(out, |plan, out| {
        // Each item's sentences are indexed once for all it implements.
        let mut indexes: HashMap<ItemId, strength::Candidates> = HashMap::default();
        for (o, advisory) in plan.owed() {
            if crate::check::omitted_obligation::exempted(ctx, plan, o) {
                continue;
            }
            for &p in plan.covering(o) {
                let Provision::Item(i) = p else { continue };
                let item = ctx.model.item(i);
                if !item.implements.contains(&o) {
                    continue;
                }
                let Some(text) = item.decl.text.as_deref() else {
                    continue;
                };
                let sentences = indexes
                    .entry(i)
                    .or_insert_with(|| strength::Candidates::new(strength::sentences(text)));
                if let Some(w) = find(ctx, o, sentences) {
                    out.push(diagnostic(ctx, plan.doc, o, i, advisory, &w));
                }
            }
        }
    });
}

/// The first 分句 of the obligation's text that the item whose `sentences`
/// are given carries out more weakly.
fn find<'m>(
    ctx: &Context<'m>,
    o: OblId,
    sentences: &strength::Candidates<'m>,
) -> Option<Weakening<'m>> {
    let obligation = &ctx.model.obligation(o).decl;
    let text = obligation.text.as_deref()?;
    let yearly_figure = obligation.targets.iter().any(|t| t.per_year);
    let lexicon = &ctx.lexicon;
    // The 分句 whose commitment the lexicon reads, with their sentence and
    // the sentence's widest scope.
    let mut asks = Vec::new();
    for sentence in strength::sentences(text) {
        let scope = lexicon
            .scopes(sentence)
            .into_iter()
            .map(|(_, r)| r)
            .max()
            .unwrap_or(strength::PLAIN_SCOPE);
        for clause in strength::clauses(sentence) {
            let ask = lexicon.read(clause);
            if ask.rank.is_some() || ask.negation.is_some() || ask.periodic.is_some() {
                asks.push((sentence, ask, scope));
            }
        }
    }
    if asks.is_empty() {
        return None;
    }
    for (ask_sentence, ask, ask_scope) in asks {
        let names = |s: &str| {
            obligation.elements.iter().any(|e| {
                e.value
                    .alternatives
                    .iter()
                    .any(|a| ask.clause.contains(a.as_str()) && s.contains(a.as_str()))
            })
        };
        let Some((sentence, carried)) = carrying_clause(lexicon, &ask, sentences, &names) else {
            continue;
        };
        let object = strength::bigrams(ask.object());
        let shared = strength::shared_bigrams(&object, carried.clause);
        if shared < MIN_SHARED || (2 * shared < object.len() && !names(carried.clause)) {
            continue;
        }
        let shortfalls = compare(&ask, ask_scope, &carried, sentence, lexicon, yearly_figure);
        if !shortfalls.is_empty() {
            let whole = shortfalls
                .iter()
                .any(|s| matches!(s, Shortfall::Scope(_) | Shortfall::Periodic(_)));
            return Some(Weakening {
                ask: if whole { ask_sentence } else { ask.clause },
                carried: if whole { sentence } else { carried.clause },
                shortfalls,
            });
        }
    }
    None
}

/// The item's sentence that carries the ask and, within it, the 分句: among
/// the sentences naming an element the ask names, if any does.
fn carrying_clause<'t>(
    lexicon: &Lexicon,
    ask: &Commitment,
    sentences: &strength::Candidates<'t>,
    names: &dyn Fn(&str) -> bool,
) -> Option<(&'t str, Commitment<'t>)> {
    let restrict = sentences.texts.iter().any(|s| names(s));
    let best = sentences.best(ask.clause, |s| !restrict || names(s))?;
    let sentence = sentences.texts[best];
    let mut parts = strength::clauses(sentence);
    if parts.iter().any(|s| names(s)) {
        parts.retain(|s| names(s));
    }
    // Within the sentence, the 分句 holding most of the ask's bigrams (the
    // first of equals): a few short candidates need no index.
    let wanted = strength::bigrams(ask.clause);
    let part = (0..parts.len())
        .map(|i| (i, strength::shared_bigrams(&wanted, parts[i])))
        .filter(|&(_, n)| n > 0)
        .fold(None, |best: Option<(usize, usize)>, (i, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((i, n)),
        })?
        .0;
    let anchor = strength::first_shared(&strength::bigrams(ask.object()), parts[part]);
    Some((sentence, lexicon.read_near(parts[part], anchor)))
}

/// How `carried`, a 分句 of the item's `sentence`, falls short of `ask`, a
/// 分句 of a sentence of the obligation whose widest scope is `ask_scope`.
fn compare<'t>(
    ask: &Commitment<'t>,
    ask_scope: u8,
    carried: &Commitment<'t>,
    sentence: &'t str,
    lexicon: &Lexicon,
    yearly_figure: bool,
) -> Vec<Shortfall<'t>> {
    let mut out = Vec::new();
    if let Some(word) = ask.negation {
        if carried.negation.is_none() {
            out.push(Shortfall::Negation(word));
        }
        // A prohibition's verb is what is forbidden: not compared.
        return out;
    }
    if !carried.joins {
        // One rank down counts where the ask builds something (a noun of
        // commitment): between doing and pushing an activity (开展/推进) the
        // texts make no steady difference. Two ranks always count.
        if let (Some(a), Some(c)) = (ask.rank, carried.rank)
            && c < a
            && (ask.noun.is_some() || a - c >= 2)
        {
            out.push(Shortfall::Verb {
                ask: ask.verb,
                item: carried.verb,
            });
        }
        if let Some(noun) = ask.noun
            && carried.noun.is_none()
            && carried.rank.is_some()
        {
            out.push(Shortfall::Noun(noun));
        }
    }
    if let Some((word, rank)) = lexicon.scopes(sentence).into_iter().min_by_key(|s| s.1)
        && rank < ask_scope.max(ask.scope_rank())
    {
        out.push(Shortfall::Scope(word));
    }
    if let Some(word) = ask.periodic
        && !yearly_figure
        && lexicon.read(sentence).periodic.is_none()
    {
        out.push(Shortfall::Periodic(word));
    }
    out
}

/// What falls short, in words: `「推动」 for 「构建」, no 「机制」`.
fn shortfall_text(shortfalls: &[Shortfall]) -> Msgs {
    let quote = |s: &str| Quote(s.to_string());
    Msgs(
        shortfalls
            .iter()
            .map(|s| match s {
                Shortfall::Verb { ask, item } => Msg::ShortfallVerb {
                    item: quote(item),
                    ask: quote(ask),
                },
                Shortfall::Scope(word) => Msg::ShortfallNarrowed { word: quote(word) },
                Shortfall::Noun(word) | Shortfall::Periodic(word) | Shortfall::Negation(word) => {
                    Msg::ShortfallMissing { word: quote(word) }
                }
            })
            .collect(),
    )
}

fn diagnostic(
    ctx: &Context,
    plan: crate::model::DocId,
    o: OblId,
    i: ItemId,
    advisory: bool,
    w: &Weakening,
) -> Diagnostic {
    let item = ctx.model.item(i);
    let shortfalls = shortfall_text(&w.shortfalls);
    let mut d = ctx
        .finding(
            CODE.code,
            ctx.severity(CODE.severity, advisory),
            Msg::WeakenedCommitment {
                item: crate::i18n::Provision(ctx.cite_item(i)),
                obligation: ctx.cite(o),
                carried: Quote(w.carried.to_string()),
                ask: Quote(w.ask.to_string()),
                shortfalls: shortfalls.clone(),
            },
            Label::new(item.file, item.decl.header, Msg::LabelWeaker { shortfalls }),
            plan,
            Some(o),
        )
        .with_related(ctx.obligation_label(
            o,
            Msg::LabelAsked {
                ask: Quote(w.ask.to_string()),
            },
        ))
        .with_help(Msg::HelpPromiseAsAsked {
            ask: Quote(w.ask.to_string()),
            code: CODE.code.to_string(),
            obligation: ctx.model.obligation(o).id().to_string(),
        });
    d.item = Some(ctx.model.item_ref(i));
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::strength::tests_support::lexicon;

    fn shortfalls(ask: &str, item: &str, yearly_figure: bool) -> Vec<String> {
        let l = lexicon();
        let a = l.read(ask);
        let scope = l.scopes(ask).into_iter().map(|s| s.1).max().unwrap_or(1);
        let c = l.read(item);
        let out = compare(&a, scope, &c, item, &l, yearly_figure);
        out.iter()
            .map(|s| shortfall_text(std::slice::from_ref(s)).0[0].render(crate::i18n::Lang::En))
            .collect()
    }

    #[test]
    fn a_weaker_verb_and_a_lost_mechanism() {
        assert_eq!(
            shortfalls(
                "构建科技文化旅游融合发展机制",
                "推动科普、文化旅游等融合发展",
                false
            ),
            ["「推动」 for 「构建」", "no 「机制」"]
        );
    }

    #[test]
    fn one_rank_down_counts_only_where_the_ask_builds_something() {
        assert!(
            shortfalls(
                "开展“应急宣传进万家”活动",
                "全面推进“应急宣传进万家”活动",
                false
            )
            .is_empty()
        );
        assert_eq!(
            shortfalls("实施馆校合作行动", "鼓励学校开展馆校合作", false),
            ["「鼓励」 for 「实施」"]
        );
    }

    #[test]
    fn joining_the_city_action_is_not_weaker() {
        assert!(
            shortfalls(
                "实施技能示范市创新行动",
                "积极参加技能示范市创新行动",
                false
            )
            .is_empty()
        );
    }

    #[test]
    fn compounds_rank_by_their_weakest_part_and_构建_is_建立() {
        assert_eq!(
            shortfalls("建立共建共享机制", "探索建立共建共享机制", false),
            ["「探索建立」 for 「建立」"]
        );
        assert_eq!(
            shortfalls("建立共建共享机制", "推动建立共建共享机制", false),
            ["「推动建立」 for 「建立」"]
        );
        assert!(shortfalls("建立共建共享机制", "构建共建共享机制", false).is_empty());
        assert!(shortfalls("推动建立协同发展机制", "推动建立协同发展机制", false).is_empty());
    }

    #[test]
    fn a_qualifier_on_the_object_is_not_on_the_commitment() {
        assert!(
            shortfalls(
                "开发利用工业遗产和闲置淘汰生产设施",
                "开发利用有条件的工业遗产",
                false
            )
            .is_empty()
        );
        assert_eq!(
            shortfalls("建立共享机制", "逐步建立共享机制", false),
            ["narrowed by 「逐步」"]
        );
        assert_eq!(
            shortfalls("实现各区全覆盖", "在部分街道试点", false),
            ["narrowed by 「试点」"]
        );
        // In its own 分句, inside the object of a verb outside the lexicon.
        assert!(
            shortfalls(
                "支持各行业建立特色科普教育基地",
                "鼓励各行业建立基地，开发利用示范一号等有条件的工业遗产拓展科普功能",
                false
            )
            .is_empty()
        );
        // 全面 merely absent is not reported.
        assert!(shortfalls("全面推进应急宣传进万家", "推进应急宣传进万家", false).is_empty());
    }

    #[test]
    fn 每年_is_owed_only_by_periodic_asks() {
        assert_eq!(
            shortfalls("每年开展科普活动", "开展科普活动", false),
            ["no 「每年」"]
        );
        assert!(shortfalls("开展科普活动", "开展科普活动", false).is_empty());
        assert!(shortfalls("开展科普活动", "每年开展科普活动", false).is_empty());
        // A yearly figure is unstated-quantity's to report.
        assert!(shortfalls("每年培训不少于1万人次", "开展培训", true).is_empty());
    }

    #[test]
    fn negation_is_不得_严禁_不再_never_不断_or_不少于() {
        assert_eq!(
            shortfalls(
                "不得以科普名义开展商业营销",
                "规范以科普名义开展的营销",
                false
            ),
            ["no 「不得」"]
        );
        assert!(shortfalls("严禁借科普之名宣扬迷信", "严禁借科普之名宣扬迷信", false).is_empty());
        // Read as a negation, 不断 would make the item's lack of it a shortfall.
        assert!(shortfalls("不断推进政策环境完善", "推进政策环境完善", false).is_empty());
        assert!(shortfalls("每年培训不少于1万人次", "每年培训不少于500人次", false).is_empty());
    }
}
