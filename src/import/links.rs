//! Links from imported items to the obligations of the documents they
//! carry out, ranked by [`crate::text::rank`] (character-bigram BM25) over
//! each obligation's title (twice, as it names the task), text and
//! elements, against the item's title and text.
//!
//! Scores are made comparable across items by dividing by the score the
//! item's own text would get as a document of the same index (its
//! "self-score"): a relative score of 1 is a perfect match. The best
//! candidate is written as `implements` when its relative score reaches
//! [`ACCEPT`], with the clauses of its bullet that reach it too; a second
//! bullet is accepted (with its clauses) only when it is clearly separate
//! ([`Index::links`]); the next candidates, down to [`SHOWN`] of the best,
//! are written as comments with their scores for the drafter to confirm.

use serde::Serialize;

use crate::model::{DocId, Model, OblId};
use crate::text::rank::Ranker;

/// The relative score from which the best candidate is written as
/// `implements` (measured on the Xicheng plan, `docs/import.md`).
pub const ACCEPT: f64 = 0.12;
/// Candidates shown as comments score at least this share of the best.
pub const SHOWN: f64 = 0.5;
/// A candidate of another bullet scoring at least this share of the best
/// is a second bullet the item carries out.
pub const CLOSE: f64 = 0.8;
/// Sentences shorter than this do not name a second bullet.
pub const SENTENCE_CHARS: usize = 12;
/// A sentence names the bullet it ranks first when that bullet's score is
/// at least this share of the sentence's self-score.
pub const SENTENCE_MATCH: f64 = 0.28;
/// At most this many candidates are kept per item.
pub const CANDIDATES: usize = 3;

/// A candidate link.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub obligation: String,
    /// The relative score, rounded to three places.
    pub score: f64,
    pub accepted: bool,
}

/// The obligations of the documents carried out, indexed.
pub struct Index {
    obligations: Vec<OblId>,
    ranker: Ranker,
}

impl Index {
    pub fn new(model: &Model, parents: &[DocId]) -> Index {
        let obligations: Vec<OblId> = parents
            .iter()
            .flat_map(|&d| model.document(d).obligations.iter().copied())
            .collect();
        let docs: Vec<String> = obligations
            .iter()
            .map(|&o| {
                let d = &model.obligation(o).decl;
                let elements: Vec<String> = d
                    .elements
                    .iter()
                    .map(|e| e.value.alternatives.join(" "))
                    .collect();
                let title = d.title.as_deref().unwrap_or("");
                format!(
                    "{title} {title} {} {}",
                    d.text.as_deref().unwrap_or(""),
                    elements.join(" ")
                )
            })
            .collect();
        Index {
            obligations,
            ranker: Ranker::new(&docs),
        }
    }

    /// The ranked candidates for an item's title and text: the best
    /// (accepted from [`ACCEPT`]), then the clauses of the same bullet that
    /// also reach [`ACCEPT`] (accepted: an item carries out its bullet's
    /// clauses together), then a second bullet and its clauses when the
    /// item clearly carries it out as well (`second_bullet`), then the others scoring at least [`SHOWN`] of
    /// the best, up to [`CANDIDATES`] shown.
    pub fn links(&self, model: &Model, query: &str) -> Vec<Link> {
        let ranked = self.ranker.rank(query);
        let Some(best) = ranked.first() else {
            return Vec::new();
        };
        let own = self.ranker.self_score(query);
        let relative = |s: f64| if own > 0.0 { s / own } else { 0.0 };
        let link = |s: &crate::text::rank::Scored, accepted: bool| Link {
            obligation: model.obligation(self.obligations[s.index]).id().to_string(),
            score: (relative(s.score) * 1000.0).round() / 1000.0,
            accepted,
        };
        let best_accepted = relative(best.score) >= ACCEPT;
        let bullet = |s: &crate::text::rank::Scored| {
            let o = self.obligations[s.index];
            model.obligation(o).parent.unwrap_or(o)
        };
        let mut out = vec![link(best, best_accepted)];
        let second = if best_accepted {
            self.second_bullet(model, query, &ranked, bullet(best), own)
        } else {
            None
        };
        let second_bullet = second.map(|i| bullet(&ranked[i]));
        let mut shown = 1;
        for s in &ranked[1..] {
            let same_bullet =
                best_accepted && (bullet(s) == bullet(best) || Some(bullet(s)) == second_bullet);
            if same_bullet && relative(s.score) >= ACCEPT {
                out.push(link(s, true));
            } else if shown < CANDIDATES && s.score >= SHOWN * best.score {
                out.push(link(s, false));
                shown += 1;
            }
        }
        out
    }

    /// The candidate of a second bullet an item also carries out, if one
    /// is clearly separate from the best's: reaching [`ACCEPT`], and either
    /// scoring at least [`CLOSE`] of the best, or ranked first by one of
    /// the item's sentences (split at 。 ； ;) of at least
    /// [`SENTENCE_CHARS`] characters with a relative score of at least
    /// [`SENTENCE_MATCH`], while another sentence ranks the best's bullet
    /// first so. Its position in `ranked`.
    fn second_bullet(
        &self,
        model: &Model,
        query: &str,
        ranked: &[crate::text::rank::Scored],
        first: OblId,
        own: f64,
    ) -> Option<usize> {
        let bullet = |index: usize| {
            let o = self.obligations[index];
            model.obligation(o).parent.unwrap_or(o)
        };
        let best = ranked.first()?.score;
        let eligible = |s: &&crate::text::rank::Scored| {
            bullet(s.index) != first && own > 0.0 && s.score / own >= ACCEPT
        };
        let position =
            |s: &crate::text::rank::Scored| ranked.iter().position(|r| r.index == s.index);
        if let Some(s) = ranked[1..]
            .iter()
            .filter(eligible)
            .find(|s| s.score >= CLOSE * best)
        {
            return position(s);
        }
        let tops: Vec<usize> = query
            .split(['。', '；', ';'])
            .filter(|s| s.chars().count() >= SENTENCE_CHARS)
            .filter_map(|s| {
                let top = *self.ranker.rank(s).first()?;
                let own = self.ranker.self_score(s);
                (own > 0.0 && top.score / own >= SENTENCE_MATCH).then_some(top.index)
            })
            .collect();
        if !tops.iter().any(|&t| bullet(t) == first) {
            return None;
        }
        ranked[1..]
            .iter()
            .filter(eligible)
            .find(|s| tops.iter().any(|&t| bullet(t) == bullet(s.index)))
            .and_then(position)
    }
}
