//! Qualitative targets: a goal stated as a level to reach rather than a
//! figure (`到2035年，公民具备科学素质的比例达到国际创新型城市同等水平`),
//! written as `target … { text "…"; by … }` — `check` reads such a target
//! for its presence and deadline (docs/language.md).

use crate::text::figures::deadline;

/// A qualitative goal read from a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// What is measured, as written (`西城区公民具备科学素质的比例`).
    pub metric: String,
    /// The level to reach (`国际创新型城市同等水平`).
    pub text: String,
    /// The deadline of its sentence, else the context's.
    pub year: Option<i32>,
}

/// Verbs that state a level to reach.
const VERBS: &[&str] = &["达到", "进入", "位居", "保持", "实现"];
/// Words that close a level (a phrase closing otherwise is no target).
const LEVELS: &[&str] = &["水平", "行列", "前列", "前茅", "领先", "第一方阵"];

/// The qualitative goals of a text: in each clause (split at ， 。 ； ;),
/// a verb of `VERBS` followed by a phrase that ends with a word of
/// `LEVELS` and holds no digit (a figure is read by
/// `text::figures`), with a deadline in its sentence or `context_year`.
pub fn goals(text: &str, context_year: Option<i32>) -> Vec<Goal> {
    let mut out = Vec::new();
    for sentence in text.split(['。', '；', ';']) {
        let year = deadline(sentence).or(context_year);
        for clause in sentence.split(['，', ',']) {
            let clause = clause.trim();
            let Some((at, verb)) = VERBS
                .iter()
                .filter_map(|v| clause.find(v).map(|at| (at, *v)))
                .min_by_key(|&(at, _)| at)
            else {
                continue;
            };
            let phrase = clause[at + verb.len()..].trim();
            let simplified = crate::text::simplified(phrase);
            if phrase.is_empty()
                || phrase.chars().any(|c| c.is_numeric())
                || !LEVELS.iter().any(|l| simplified.ends_with(l))
            {
                continue;
            }
            let metric = strip_deadline(clause[..at].trim());
            if metric.is_empty() || year.is_none() {
                continue;
            }
            out.push(Goal {
                metric: metric.to_string(),
                text: phrase.to_string(),
                year,
            });
        }
    }
    out
}

/// A clause without its opening deadline: `到2035年北京市…` → `北京市…`.
fn strip_deadline(clause: &str) -> &str {
    match clause.find('年') {
        Some(at) if deadline(&clause[..at + '年'.len_utf8()]).is_some() => {
            clause[at + '年'.len_utf8()..].trim_start_matches(['，', ','])
        }
        _ => clause,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_level_to_reach_with_its_deadline() {
        assert_eq!(
            goals(
                "到2035年，西城区公民具备科学素质的比例达到国际创新型城市同等水平。",
                None
            ),
            [Goal {
                metric: "西城区公民具备科学素质的比例".into(),
                text: "国际创新型城市同等水平".into(),
                year: Some(2035),
            }]
        );
        assert_eq!(
            goals(
                "到2035年北京市公民具备科学素质的比例达到国际创新型城市同等水平",
                None
            )[0]
            .metric,
            "北京市公民具备科学素质的比例"
        );
        // 繁體, and a deadline from the context.
        assert_eq!(
            goals("科普能力位居全國前列", Some(2025))[0].text,
            "全國前列"
        );
    }

    #[test]
    fn figures_and_undated_or_open_phrases_are_no_goal() {
        assert!(goals("到2025年，比例达到15%左右的水平", None).is_empty());
        assert!(goals("不断提高科学素质水平", Some(2025)).is_empty());
        assert!(goals("实现资源共享", Some(2025)).is_empty());
        assert!(goals("达到较高水平", None).is_empty());
        assert!(goals("", Some(2025)).is_empty());
    }
}
