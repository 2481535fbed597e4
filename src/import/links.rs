//! Links from imported items to the obligations of the documents they
//! carry out, ranked by [`crate::text::rank`] (character-bigram BM25) over
//! each obligation's title (twice, as it names the task), text and
//! elements, against the item's title and text.
//!
//! Scores are made comparable across items by dividing by the score the
//! item's own text would get as a document of the same index (its
//! "self-score"): a relative score of 1 is a perfect match. The best
//! candidate is written as `implements` when its relative score reaches
//! [`ACCEPT`]; the next candidates, down to [`SHOWN`] of the best, are
//! written as comments with their scores for the drafter to confirm.

use serde::Serialize;

use crate::model::{DocId, Model, OblId};
use crate::text::rank::Ranker;

/// The relative score from which the best candidate is written as
/// `implements` (measured on the Xicheng plan, `docs/import.md`).
pub const ACCEPT: f64 = 0.12;
/// Candidates shown as comments score at least this share of the best.
pub const SHOWN: f64 = 0.5;
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
    /// clauses together), then the others scoring at least [`SHOWN`] of
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
        let mut shown = 1;
        for s in &ranked[1..] {
            let same_bullet = best_accepted && bullet(s) == bullet(best);
            if same_bullet && relative(s.score) >= ACCEPT {
                out.push(link(s, true));
            } else if shown < CANDIDATES && s.score >= SHOWN * best.score {
                out.push(link(s, false));
                shown += 1;
            }
        }
        out
    }
}
