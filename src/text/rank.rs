//! Ranks documents (obligations) by their likeness to a query (a plan
//! item) with Okapi BM25 over character bigrams.
//!
//! Chinese has no spaces between words, and its two-character words carry
//! most of the meaning (科普, 应急, 培训), so every pair of adjacent
//! characters within a run of letters and digits is a term. Texts are
//! compared in one form: Traditional characters read as Simplified,
//! full-width ASCII folded to ASCII, Latin letters
//! lowercased, and punctuation and spaces breaking runs. Scores use
//! `k1 = 1.2`, `b = 0.75` and the non-negative idf `ln(1 + (N − df + 0.5)
//! / (df + 0.5))`, summed over the query's distinct bigrams; a document
//! sharing no bigram scores 0 and is not listed. Callers choose what makes
//! a document (for an obligation: its title, text and elements) and how to
//! read a score: BM25 grows with the query's length, so compare a score
//! with the best score of the same query.

use std::collections::BTreeMap;

use foldhash::HashMap;

use super::normalize_char;

const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A document's rank for one query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    /// The document's position among those the ranker was built from.
    pub index: usize,
    pub score: f64,
}

/// An index of documents to rank: for each bigram, the documents holding
/// it and how often (an inverted index, so that a query visits only the
/// documents sharing one of its bigrams).
#[derive(Debug, Clone, Default)]
pub struct Ranker {
    postings: HashMap<(char, char), Vec<(u32, u32)>>,
    /// Per document, BM25's length normalization `1 − b + b·len/avg`.
    norms: Vec<f64>,
    average: f64,
}

impl Ranker {
    /// Indexes the documents, in order.
    pub fn new<S: AsRef<str>>(docs: impl IntoIterator<Item = S>) -> Ranker {
        let mut ranker = Ranker::default();
        let mut lengths = Vec::new();
        for (index, doc) in docs.into_iter().enumerate() {
            let grams = bigrams(doc.as_ref());
            let mut counts: BTreeMap<(char, char), u32> = BTreeMap::new();
            for &g in &grams {
                *counts.entry(g).or_default() += 1;
            }
            for (g, tf) in counts {
                ranker
                    .postings
                    .entry(g)
                    .or_default()
                    .push((index as u32, tf));
            }
            lengths.push(grams.len() as f64);
        }
        let total: f64 = lengths.iter().sum();
        ranker.average = if lengths.is_empty() {
            0.0
        } else {
            total / lengths.len() as f64
        };
        ranker.norms = lengths
            .iter()
            .map(|&l| {
                if ranker.average > 0.0 {
                    1.0 - B + B * l / ranker.average
                } else {
                    1.0
                }
            })
            .collect();
        ranker
    }

    /// The number of documents indexed.
    pub fn len(&self) -> usize {
        self.norms.len()
    }

    /// Whether no document is indexed.
    pub fn is_empty(&self) -> bool {
        self.norms.is_empty()
    }

    fn idf(&self, df: f64, n: f64) -> f64 {
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The documents sharing a bigram with the query, best first (ties in
    /// index order).
    pub fn rank(&self, query: &str) -> Vec<Scored> {
        let terms: std::collections::BTreeSet<(char, char)> = bigrams(query).into_iter().collect();
        let n = self.len() as f64;
        let mut scores = vec![0.0f64; self.len()];
        for term in &terms {
            let Some(postings) = self.postings.get(term) else {
                continue;
            };
            let idf = self.idf(postings.len() as f64, n);
            for &(doc, tf) in postings {
                let tf = f64::from(tf);
                scores[doc as usize] +=
                    idf * tf * (K1 + 1.0) / (tf + K1 * self.norms[doc as usize]);
            }
        }
        let mut scored: Vec<Scored> = scores
            .into_iter()
            .enumerate()
            .filter(|&(_, score)| score > 0.0)
            .map(|(index, score)| Scored { index, score })
            .collect();
        scored.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
        scored
    }

    /// The score a text would get against itself as one more document of
    /// this index: the best score it can reach, by which a caller may scale
    /// its scores to 0..1.
    pub fn self_score(&self, text: &str) -> f64 {
        let grams = bigrams(text);
        let mut counts: BTreeMap<(char, char), u32> = BTreeMap::new();
        for g in &grams {
            *counts.entry(*g).or_default() += 1;
        }
        let n = self.len() as f64 + 1.0;
        let norm = if self.average > 0.0 {
            1.0 - B + B * grams.len() as f64 / self.average
        } else {
            1.0
        };
        counts
            .iter()
            .map(|(term, &tf)| {
                let df = self.postings.get(term).map_or(0, Vec::len) as f64 + 1.0;
                let tf = f64::from(tf);
                self.idf(df, n) * tf * (K1 + 1.0) / (tf + K1 * norm)
            })
            .sum()
    }
}

/// A letter or digit as bigrams compare it (lower case), or `None` for
/// anything else. CJK ideographs and ASCII, nearly every character of a
/// plan, take a short path; the result is the same as the general one.
fn compared_char(c: char) -> Option<char> {
    if ('\u{4e00}'..='\u{9fff}').contains(&c) {
        Some(c)
    } else if c.is_ascii() {
        c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase())
    } else if c.is_alphanumeric() {
        Some(c.to_lowercase().next().unwrap_or(c))
    } else {
        None
    }
}

/// The character bigrams of a text in the compared form.
pub fn bigrams(text: &str) -> Vec<(char, char)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for c in super::simplified_cow(text).chars() {
        let c = normalize_char(c);
        if let Some(c) = compared_char(c) {
            if let Some(p) = prev {
                out.push((p, c));
            }
            prev = Some(c);
        } else {
            prev = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_short_paths_compare_characters_as_the_general_one() {
        let general = |c: char| {
            c.is_alphanumeric()
                .then(|| c.to_lowercase().next().unwrap_or(c))
        };
        for c in (0..=0x2_ffffu32).filter_map(char::from_u32) {
            assert_eq!(compared_char(c), general(c), "{c:?}");
        }
    }

    #[test]
    fn ranks_the_closest_text_first() {
        let ranker = Ranker::new([
            "加强青少年科学教育，开展科学家进校园活动",
            "建立应急科普宣教协同机制，每年培训社会公众",
            "实施农民科学素质提升行动",
        ]);
        let ranked = ranker.rank("全面推进应急宣传进万家活动，每年培训社会公众不少于3万人次");
        assert_eq!(ranked[0].index, 1);
        assert!(ranked.iter().all(|s| s.score > 0.0));
        let ranked = ranker.rank("院士、专家进校园");
        assert_eq!(ranked[0].index, 0);
    }

    #[test]
    fn full_width_and_case_are_one_form() {
        assert_eq!(bigrams("ＡＩ科普"), bigrams("ai科普"));
        assert_eq!(bigrams("科普。教育"), vec![('科', '普'), ('教', '育')]);
        assert_eq!(bigrams("科學教育"), bigrams("科学教育"));
    }

    #[test]
    fn nothing_shared_ranks_nothing() {
        let ranker = Ranker::new(["科普", ""]);
        assert!(ranker.rank("农业").is_empty());
        assert!(ranker.rank("").is_empty());
        assert!(Ranker::new(Vec::<String>::new()).rank("科普").is_empty());
    }
}
