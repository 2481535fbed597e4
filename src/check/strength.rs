//! How strongly an ask commits, read from its text with the lexicon the
//! rules declare (`strength <id> { … }`): shared by `weakened-commitment`,
//! which compares an ask with the sentence of the item that carries it out,
//! and `omitted-obligation`, whose severity follows the ask's strength.
//!
//! The words and their ranks are data (`rules/strength.plan`); this module
//! only knows how a 分句 is read:
//!
//! - the **verb** is the first lexicon verb of the 分句 and the verbs that
//!   follow it directly (推动建立: serial, ranked by the weakest part) or
//!   after a connector 和、与及并 (鼓励和推动: coordinated, ranked by the
//!   strongest group); a `joins` verb (积极参加 the city's 行动) takes part
//!   in the higher jurisdiction's own action and is never weaker;
//! - a **scope** qualifier counts where it begins the 分句, stands right
//!   before the verb (逐步建立) or ends the 分句 (实现区域全覆盖), never inside
//!   the object (开发利用有条件的工业遗产 qualifies the heritage, not the
//!   commitment, even where 开发利用 is not in the lexicon and a later verb
//!   is); in a 分句 of its own (在部分街道试点) it qualifies its sentence;
//! - a **negation** word (不得) makes the 分句 a prohibition; only the
//!   declared words count, so 不断 and 不少于 are not negations;
//! - a **periodic** word (每年) and a **noun** of commitment (机制) are
//!   looked for anywhere in the 分句.
//!
//! What it cannot judge: a verb outside the lexicon (then no strength is
//! read), an object narrowed by other words (基础教育 for 从基础教育到高等教育),
//! a figure (that is `undercut-target`'s and `unstated-quantity`'s), and an
//! ask whose item sentence shares too little text with it to be told apart.

use foldhash::HashMap;

use crate::diagnostic::Severity;
use crate::model::Model;

/// The lexicon of a run: every `strength` declaration merged, the first
/// place of a word winning.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Every word with what it is, by its first character, longest first
    /// (the longest match wins: 建立健全 before 建立).
    words: HashMap<char, Vec<(String, Word)>>,
    /// A bitmap of the words' first characters (by their low 12 bits): most
    /// characters of a text start no word and are passed over without a
    /// lookup.
    firsts: Vec<u64>,
    omitted: Vec<(u8, Severity)>,
}

/// The bit of a character in [`Lexicon::firsts`].
fn first_bit(c: char) -> (usize, u64) {
    let n = (c as u32 & 0xFFF) as usize;
    (n / 64, 1 << (n % 64))
}

/// What a lexicon word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Verb(u8),
    Join,
    Scope(u8),
    Periodic,
    Noun,
    Negation,
}

/// The rank of an unqualified commitment's scope.
pub const PLAIN_SCOPE: u8 = 1;

/// How one 分句 commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment<'t> {
    /// The 分句, trimmed.
    pub clause: &'t str,
    /// The verb chain as written (推动建立), empty when no verb is known.
    pub verb: &'t str,
    /// The chain's rank; `None` when no lexicon verb is in the 分句.
    pub rank: Option<u8>,
    /// The chain holds a `joins` verb.
    pub joins: bool,
    /// The scope qualifier that counts, and its rank.
    pub scope: Option<(&'t str, u8)>,
    pub periodic: Option<&'t str>,
    pub noun: Option<&'t str>,
    pub negation: Option<&'t str>,
    /// Where the object starts (after the verb chain), a byte offset in `clause`.
    pub object_start: usize,
}

impl<'t> Commitment<'t> {
    /// The scope's rank; an unqualified commitment has [`PLAIN_SCOPE`].
    pub fn scope_rank(&self) -> u8 {
        self.scope.map(|(_, r)| r).unwrap_or(PLAIN_SCOPE)
    }

    /// The text after the verb chain.
    pub fn object(&self) -> &'t str {
        &self.clause[self.object_start..]
    }
}

impl Lexicon {
    pub fn from_model(model: &Model) -> Lexicon {
        let mut words: Vec<(String, Word)> = Vec::new();
        let mut omitted = Vec::new();
        for s in &model.strengths {
            let d = &s.decl;
            let declared = d
                .verbs
                .iter()
                .map(|(r, w)| (w, Word::Verb(*r)))
                .chain(d.joins.iter().map(|w| (w, Word::Join)))
                .chain(d.scopes.iter().map(|(r, w)| (w, Word::Scope(*r))))
                .chain(d.periodic.iter().map(|w| (w, Word::Periodic)))
                .chain(d.nouns.iter().map(|w| (w, Word::Noun)))
                .chain(d.negations.iter().map(|w| (w, Word::Negation)));
            for (w, kind) in declared {
                if !words.iter().any(|(x, _)| *x == w.value) {
                    words.push((w.value.clone(), kind));
                }
            }
            omitted.extend(d.omitted.iter().map(|(r, v)| (*r, v.value)));
        }
        // Longest first; stable, so equal lengths keep the declared order.
        words.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
        omitted.sort_by_key(|(r, _)| *r);
        let mut by_first: HashMap<char, Vec<(String, Word)>> = HashMap::default();
        let mut firsts = vec![0u64; 64];
        for (w, kind) in words {
            if let Some(first) = w.chars().next() {
                let (i, bit) = first_bit(first);
                firsts[i] |= bit;
                by_first.entry(first).or_default().push((w, kind));
            }
        }
        Lexicon {
            words: by_first,
            firsts,
            omitted,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The severity the lexicon gives to omitting an ask of this strength:
    /// that of the lowest `omitted` rank at or above it.
    pub fn omission_severity(&self, rank: u8) -> Option<Severity> {
        self.omitted
            .iter()
            .find(|(r, _)| rank <= *r)
            .map(|(_, severity)| *severity)
    }

    /// The lexicon words of `clause`, in order, longest match first.
    fn tokens(&self, clause: &str) -> Vec<(usize, usize, Word)> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(c) = clause[at..].chars().next() {
            let (i, bit) = first_bit(c);
            if self.firsts.get(i).is_none_or(|b| b & bit == 0) {
                at += c.len_utf8();
                continue;
            }
            let rest = &clause[at..];
            let found = self
                .words
                .get(&c)
                .and_then(|ws| ws.iter().find(|(w, _)| rest.starts_with(w.as_str())));
            match found {
                Some((w, kind)) => {
                    out.push((at, at + w.len(), *kind));
                    at += w.len();
                }
                None => at += c.len_utf8(),
            }
        }
        out
    }

    /// Reads how one 分句 commits: its verb is the first verb chain.
    pub fn read<'c>(&self, clause: &'c str) -> Commitment<'c> {
        self.read_near(clause, None)
    }

    /// Reads how one 分句 commits to what stands at byte `anchor`: its verb
    /// is the last verb chain that starts before the anchor (开展 in
    /// 推进企业组织技术交流和开展“五小”活动, for the 五小), or the first one.
    pub fn read_near<'c>(&self, clause: &'c str, anchor: Option<usize>) -> Commitment<'c> {
        let trimmed = clause.trim_start_matches(|c: char| c.is_whitespace() || is_stop(c));
        let shift = clause.len() - trimmed.len();
        let clause = trimmed.trim_end_matches(|c: char| c.is_whitespace() || is_stop(c));
        let anchor = anchor.map(|a| a.saturating_sub(shift));
        let tokens = self.tokens(clause);
        let chains = chains(&tokens, clause);
        let chosen = anchor
            .and_then(|a| chains.iter().rev().find(|c| c.start < a))
            .or(chains.first());
        let (verb_start, verb_end) = chosen.map_or((0, 0), |c| (c.start, c.end));
        let end = clause.len();
        let scope = tokens.iter().find_map(|&(s, e, w)| match w {
            Word::Scope(r) if s == 0 || (chosen.is_some() && e == verb_start) || e == end => {
                Some((&clause[s..e], r))
            }
            _ => None,
        });
        let find = |kind: Word, from: usize| {
            tokens
                .iter()
                .find(|&&(s, _, w)| w == kind && s >= from)
                .map(|&(s, e, _)| &clause[s..e])
        };
        Commitment {
            clause,
            verb: &clause[verb_start..verb_end],
            rank: chosen.and_then(|c| c.rank),
            joins: chosen.is_some_and(|c| c.joins),
            scope,
            periodic: find(Word::Periodic, 0),
            noun: find(Word::Noun, verb_end),
            negation: find(Word::Negation, 0),
            object_start: verb_end,
        }
    }

    /// The scope qualifiers that count in each 分句 of a sentence: a
    /// qualifier in a 分句 of its own (实现各区全覆盖, 在部分街道试点) qualifies
    /// the sentence's commitment.
    pub fn scopes<'c>(&self, sentence: &'c str) -> Vec<(&'c str, u8)> {
        clauses(sentence)
            .into_iter()
            .filter_map(|c| self.read(c).scope)
            .collect()
    }

    /// The strongest commitment among the 分句 of `text`, if any is known.
    pub fn strongest<'c>(&self, text: &'c str) -> Option<Commitment<'c>> {
        clauses(text)
            .into_iter()
            .map(|c| self.read(c))
            .filter(|c| c.rank.is_some() && c.negation.is_none())
            .max_by_key(|c| c.rank)
    }
}

/// A run of verbs: serial ones side by side, coordinated ones joined by
/// one of 和、与及并.
#[derive(Debug, Clone, Copy)]
struct Chain {
    start: usize,
    end: usize,
    rank: Option<u8>,
    joins: bool,
}

/// Every verb chain of a 分句, in order.
fn chains(tokens: &[(usize, usize, Word)], clause: &str) -> Vec<Chain> {
    let is_verb = |w: Word| matches!(w, Word::Verb(_) | Word::Join);
    let mut out = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        if !is_verb(tokens[at].2) {
            at += 1;
            continue;
        }
        let start = tokens[at].0;
        let mut end = tokens[at].1;
        let mut groups: Vec<Vec<Word>> = vec![vec![tokens[at].2]];
        at += 1;
        while at < tokens.len() && is_verb(tokens[at].2) {
            let between = &clause[end..tokens[at].0];
            if between.is_empty() {
                if let Some(group) = groups.last_mut() {
                    group.push(tokens[at].2);
                }
            } else if between.chars().count() == 1 && "和、与及并".contains(between) {
                groups.push(vec![tokens[at].2]);
            } else {
                break;
            }
            end = tokens[at].1;
            at += 1;
        }
        let rank = groups
            .iter()
            .filter_map(|g| {
                g.iter()
                    .filter_map(|w| match w {
                        Word::Verb(r) => Some(*r),
                        _ => None,
                    })
                    .min()
            })
            .max();
        let joins = groups.iter().flatten().any(|w| *w == Word::Join);
        out.push(Chain {
            start,
            end,
            rank,
            joins,
        });
    }
    out
}

/// The byte offset in `text` of the first of `bigrams` it holds.
pub fn first_shared(bigrams: &[(char, char)], text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| {
            let c = crate::text::normalize_char(c);
            (i, c.to_lowercase().next().unwrap_or(c))
        })
        .collect();
    chars
        .windows(2)
        .find(|w| bigrams.contains(&(w[0].1, w[1].1)))
        .map(|w| w[0].0)
}

/// Punctuation that ends a sentence or 分句.
pub(crate) fn is_stop(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | ',' | '：' | ':')
}

/// Punctuation that ends a sentence.
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n')
}

/// The sentences of a text: split at 。；; and line ends.
pub fn sentences(text: &str) -> Vec<&str> {
    split(text, is_sentence_end)
}

/// The 分句 of a text: its sentences split again at ，,：:.
pub fn clauses(text: &str) -> Vec<&str> {
    split(text, is_stop)
}

fn split(text: &str, at: fn(char) -> bool) -> Vec<&str> {
    text.split(at)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The character bigrams of a text, as the library's ranker reads them.
pub use crate::text::rank::bigrams;

/// How many of `ask`'s distinct bigrams `candidate` holds.
pub fn shared_bigrams(ask: &[(char, char)], candidate: &str) -> usize {
    let mut ours = ask.to_vec();
    ours.sort_unstable();
    ours.dedup();
    let mut theirs = bigrams(candidate);
    theirs.sort_unstable();
    theirs.dedup();
    // Both sorted: count the common ones in one pass.
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < ours.len() && j < theirs.len() {
        match ours[i].cmp(&theirs[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Candidates indexed once for many asks (an item's sentences for each
/// 分句 of an obligation).
pub struct Candidates<'t> {
    pub texts: Vec<&'t str>,
    ranker: crate::text::rank::Ranker,
}

impl<'t> Candidates<'t> {
    pub fn new(texts: Vec<&'t str>) -> Candidates<'t> {
        let ranker = crate::text::rank::Ranker::new(&texts);
        Candidates { texts, ranker }
    }

    /// The index of the candidate most like the ask among those `keep`
    /// admits, by the library's one similarity ranker.
    pub fn best(&self, ask: &str, keep: impl Fn(&str) -> bool) -> Option<usize> {
        self.ranker
            .rank(ask)
            .into_iter()
            .map(|s| s.index)
            .find(|&i| keep(self.texts[i]))
    }
}

#[cfg(test)]
pub(crate) mod tests_support {
    //! The lexicon of `rules/strength.plan`, in small, for unit tests.
    use super::*;
    use crate::source::{FileId, Span, Spanned};
    use crate::syntax::ast::StrengthDecl;

    fn words(list: &[&str]) -> Vec<Spanned<String>> {
        list.iter()
            .map(|w| Spanned::new(w.to_string(), Span::point(0)))
            .collect()
    }

    fn ranked(rank: u8, list: &[&str]) -> Vec<(u8, Spanned<String>)> {
        words(list).into_iter().map(|w| (rank, w)).collect()
    }

    pub(crate) fn lexicon() -> Lexicon {
        let mut verbs = ranked(
            3,
            &["建立健全", "建立", "构建", "实施", "制定", "开展", "纳入"],
        );
        verbs.extend(ranked(2, &["推动", "推进", "加强"]));
        verbs.extend(ranked(1, &["鼓励", "支持", "倡导", "探索"]));
        let mut scopes = ranked(2, &["全面", "全覆盖"]);
        scopes.extend(ranked(0, &["逐步", "试点", "有条件的"]));
        let decl = StrengthDecl {
            id: Spanned::new("zh".into(), Span::point(0)),
            verbs,
            joins: words(&["参加", "参与"]),
            scopes,
            periodic: words(&["每年", "常态化"]),
            nouns: words(&["机制", "制度", "体系"]),
            negations: words(&["不得", "严禁", "不再"]),
            omitted: vec![(1, Spanned::new(Severity::Warning, Span::point(0)))],
            header: Span::point(0),
        };
        let mut model = Model::default();
        model.strengths.push(crate::model::Strength {
            decl,
            file: FileId(0),
        });
        Lexicon::from_model(&model)
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::lexicon;
    use super::*;

    #[test]
    fn each_rank_is_read_from_the_verb() {
        let l = lexicon();
        assert_eq!(l.read("建立应急科普宣教协同机制").rank, Some(3));
        assert_eq!(l.read("构建科技文化旅游融合发展机制").rank, Some(3));
        assert_eq!(l.read("推动科普、文化旅游等融合发展").rank, Some(2));
        assert_eq!(l.read("鼓励社会资金投入全民科学素质建设").rank, Some(1));
        assert_eq!(
            l.read("组建应急科普专家队伍").rank,
            None,
            "not in the lexicon"
        );
    }

    #[test]
    fn a_serial_compound_ranks_by_its_weakest_part_a_declared_one_as_declared() {
        let l = lexicon();
        let c = l.read("推动建立“科研+科普”协同发展机制");
        assert_eq!((c.verb, c.rank), ("推动建立", Some(2)));
        assert_eq!(
            l.read("探索建立示范市科普资源服务全国的合作模式").rank,
            Some(1)
        );
        let c = l.read("建立健全各级各部门应急科普联动机制");
        assert_eq!((c.verb, c.rank), ("建立健全", Some(3)));
    }

    #[test]
    fn coordinated_verbs_rank_by_the_strongest() {
        let l = lexicon();
        let c = l.read("鼓励和推动大科学装置面向社会开放");
        assert_eq!((c.verb, c.rank), ("鼓励和推动", Some(2)));
        assert_eq!(l.read("鼓励和支持开展职业能力水平评价").rank, Some(1));
    }

    #[test]
    fn near_an_anchor_the_verb_is_the_last_chain_before_it() {
        let l = lexicon();
        let clause = "持续推进企业组织技术成果交流、科技论坛和开展“五小”等群众性创新活动";
        assert_eq!(l.read(clause).verb, "推进");
        let anchor = first_shared(&bigrams("“五小”等群众性创新活动"), clause);
        let c = l.read_near(clause, anchor);
        assert_eq!((c.verb, c.rank), ("开展", Some(3)));
        let clause = "推动建立“科研+科普”协同发展机制";
        let anchor = first_shared(&bigrams("协同发展机制"), clause);
        assert_eq!(l.read_near(clause, anchor).verb, "推动建立");
    }

    #[test]
    fn a_join_verb_is_marked() {
        let l = lexicon();
        let c = l.read("积极参加技能示范市创新行动");
        assert!(c.joins);
        assert!(!l.read("实施技能示范市创新行动").joins);
    }

    #[test]
    fn scope_counts_before_the_verb_or_at_the_end_never_on_the_object() {
        let l = lexicon();
        assert_eq!(
            l.read("全面推进应急科普知识进企业").scope,
            Some(("全面", 2))
        );
        assert_eq!(l.read("逐步建立共享机制").scope, Some(("逐步", 0)));
        assert_eq!(l.read("实现各区全覆盖").scope, Some(("全覆盖", 2)));
        let c = l.read("开发利用有条件的工业遗产和闲置淘汰生产设施");
        assert_eq!(c.scope, None, "有条件的 qualifies the heritage");
        assert_eq!(c.scope_rank(), PLAIN_SCOPE);
        let c = l.read("推进有条件的街道建立机制");
        assert_eq!(c.scope, None, "after the verb, inside the object");
        let c = l.read("开发利用示范一号等有条件的工业遗产拓展科普功能");
        assert_eq!(
            c.scope, None,
            "inside the object of a verb outside the lexicon"
        );
    }

    #[test]
    fn periodic_words_and_nouns() {
        let l = lexicon();
        let c = l.read("每年培训社会公众不少于30万人次");
        assert_eq!(c.periodic, Some("每年"));
        assert_eq!(l.read("推进志愿服务常态化").periodic, Some("常态化"));
        assert_eq!(l.read("建立科普资源共建共享机制").noun, Some("机制"));
        assert_eq!(l.read("推动科普融合发展").noun, None);
    }

    #[test]
    fn only_declared_words_negate() {
        let l = lexicon();
        assert_eq!(l.read("不得以科普名义开展商业营销").negation, Some("不得"));
        assert_eq!(l.read("严禁借科普之名宣扬迷信").negation, Some("严禁"));
        assert_eq!(l.read("不再新建同类场馆").negation, Some("不再"));
        assert_eq!(l.read("不断完善科学素质建设政策环境").negation, None);
        assert_eq!(l.read("每年培训不少于1万人次").negation, None);
    }

    #[test]
    fn omission_severity_by_rank() {
        let l = lexicon();
        assert_eq!(l.omission_severity(1), Some(Severity::Warning));
        assert_eq!(l.omission_severity(0), Some(Severity::Warning));
        assert_eq!(l.omission_severity(2), None);
        let c = l
            .strongest("鼓励各单位挖掘创新文化要素,推动展示平台建设")
            .expect("read");
        assert_eq!(c.rank, Some(2));
    }

    #[test]
    fn the_best_sentence_is_the_rankers_first_among_those_kept() {
        let ask = "建立甲乙丙科学素质建设交流合作机制";
        let candidates = ["推动与“甲乙丙”区域性组织的交流合作", "开展科普日活动"];
        let index = Candidates::new(candidates.to_vec());
        assert_eq!(index.best(ask, |_| true), Some(0));
        assert_eq!(index.best(ask, |s| s.contains("科普日")), None);
        assert_eq!(Candidates::new(vec!["无关"]).best(ask, |_| true), None);
        assert_eq!(
            sentences("甲。乙；丙;丁"),
            ["甲", "乙", "丙", "丁"],
            "split at 。；;"
        );
        assert_eq!(clauses("甲，乙,丙。丁"), ["甲", "乙", "丙", "丁"]);
    }
}
