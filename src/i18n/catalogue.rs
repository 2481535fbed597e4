//! Every message planlint shows, in English and Chinese side by side.
//!
//! One entry per message: its id, its typed arguments, and its two
//! templates. `{name}` in a template is the argument `name`, written in
//! the template's language by its [`Arg`](super::Arg) impl; `format!`
//! checks at compile time that every placeholder names an argument.
//! Chinese templates quote documents with 「」 (the [`Quote`] and [`Cite`]
//! arguments do it) and use full-width punctuation; English templates
//! follow `STYLE.md` (one line, lowercase, no final period).
//! `docs/messages.md` says how to add one.

#[allow(unused_imports)]
use super::{Arg, Cite, Id, Ids, In, Lang, Names, Numbered, Quote};
use crate::diagnostic::Severity;

/// A catalogue entry as data: for the tests and the generated docs.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub id: &'static str,
    pub args: &'static [&'static str],
    pub en: &'static str,
    pub zh: &'static str,
}

macro_rules! catalogue {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident { $($field:ident : $ty:ty),* $(,)? }
            en: $en:literal
            zh: $zh:literal
    )*) => {
        /// A message of the catalogue with its arguments.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Msg {
            $( $(#[doc = $doc])* $name { $($field: $ty),* }, )*
        }

        impl Msg {
            /// The message in `lang`.
            #[allow(unused_variables)]
            pub fn render(&self, lang: Lang) -> String {
                match self {
                    $( Msg::$name { $($field),* } => {
                        $( let $field = In(lang, $field); )*
                        match lang {
                            Lang::En => format!($en),
                            Lang::Zh => format!($zh),
                        }
                    } )*
                }
            }

            /// The entry's id.
            pub fn id(&self) -> &'static str {
                match self {
                    $( Msg::$name { .. } => stringify!($name), )*
                }
            }
        }

        /// Every entry, in catalogue order.
        pub const ENTRIES: &[Entry] = &[
            $( Entry {
                id: stringify!($name),
                args: &[$(stringify!($field)),*],
                en: $en,
                zh: $zh,
            }, )*
        ];
    };
}

catalogue! {
    // ── The summary line ─────────────────────────────────────────────────

    /// The counts at the end of a run.
    Summary { errors: Count, warnings: Count, infos: Count, plans: Box<Msg>, files: Count }
        en: "{errors}, {warnings}, {infos} in {plans}, {files} read"
        zh: "{errors}、{warnings}、{infos}，涉及 {plans}，读取 {files}"
    /// The counts at the end of a run where findings were suppressed.
    SummarySuppressed { errors: Count, warnings: Count, infos: Count, suppressed: usize, plans: Box<Msg>, files: Count }
        en: "{errors}, {warnings}, {infos} ({suppressed} suppressed) in {plans}, {files} read"
        zh: "{errors}、{warnings}、{infos}（另有 {suppressed} 条已豁免），涉及 {plans}，读取 {files}"
    /// The plans of a run.
    SummaryPlans { count: Count, ids: Names }
        en: "{count} ({ids})"
        zh: "{count}（{ids}）"
    /// A run that checked no plan.
    SummaryNoPlan {}
        en: "no plan"
        zh: "0 个方案"

    // ── Fixes ────────────────────────────────────────────────────────────

    /// What a fix that adds an item does.
    FixAddItem { obligation: String }
        en: "add an item with `implements {obligation}`"
        zh: "增加一个条目，写明 `implements {obligation}`"
    /// What a fix that adds an exemption does.
    FixAddExemption { obligation: String }
        en: "add `exempt {obligation} {{ reason \"…\" }}` with the reason the plan leaves it out"
        zh: "增加 `exempt {obligation} {{ reason \"…\" }}`，写明不落实的理由"
    /// What a fix that replaces text does.
    FixReplace { replacement: String }
        en: "replace it with `{replacement}`"
        zh: "改为 `{replacement}`"

    // ── omitted-obligation ───────────────────────────────────────────────

    /// Nothing in the plan carries out an obligation without clauses.
    OmittedObligation { obligation: Cite }
        en: "no item implements {obligation}"
        zh: "方案没有落实{obligation}"
    /// Nothing carries out a bullet or its only clause.
    OmittedObligationAndClause { obligation: Cite }
        en: "no item implements {obligation} nor its clause"
        zh: "方案没有落实{obligation}，也没有落实其分句"
    /// Nothing carries out a bullet or any of its clauses.
    OmittedObligationAndClauses { obligation: Cite, clauses: usize }
        en: "no item implements {obligation} nor any of its {clauses} clauses"
        zh: "方案没有落实{obligation}，其 {clauses} 个分句也均未落实"
    /// Some clauses are carried out, the bullet's own text is not.
    OmittedObligationItself { obligation: Cite }
        en: "no item implements {obligation} itself, only some of its clauses"
        zh: "方案只落实了{obligation}的部分分句，该项本身没有落实"
    /// The advisory form: the higher document came after the plan.
    Advisory { message: Box<Msg>, document: Id }
        en: "{message} (advisory: {document} was issued after the plan)"
        zh: "{message}（参考：{document} 印发于本方案之后）"
    /// The omission's severity follows the ask's strength (the strength
    /// lexicon of the rules).
    OmittedWeakAsk { message: Box<Msg>, verb: String, severity: Severity }
        en: "{message} (only 「{verb}」 asked: {severity} by the strength lexicon)"
        zh: "{message}（上级仅要求「{verb}」，按承诺强度词表定为{severity}）"
    /// Label at the plan's header.
    LabelOmittedFromPlan {}
        en: "omitted from this plan"
        zh: "本方案未落实"
    /// Label at the obligation.
    LabelRequiredBy { document: Id }
        en: "required by {document}"
        zh: "{document} 的要求"
    /// Help: add an item.
    HelpImplement {}
        en: "add an item that carries it out"
        zh: "请在方案中增加落实该项要求的内容"
    /// Help: add an item, or exempt it.
    HelpImplementOrExempt {}
        en: "add an item that carries it out, or state why the plan leaves it out"
        zh: "请在方案中增加落实该项要求的内容；如确不落实，请说明理由"

    // ── Severities ───────────────────────────────────────────────────────

    /// A severity on its own.
    SeverityWord { severity: Severity }
        en: "{severity}"
        zh: "{severity}"
}

/// What [`Count`] counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Error,
    Warning,
    Info,
    Plan,
    File,
}

/// A number of things: `1 error`, `2 errors`; 2 个错误.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub usize, pub Noun);

impl Arg for Count {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Count(n, noun) = *self;
        let (one, many, zh) = match noun {
            Noun::Error => ("error", "errors", "个错误"),
            Noun::Warning => ("warning", "warnings", "个警告"),
            Noun::Info => ("info", "infos", "条提示"),
            Noun::Plan => ("plan", "plans", "个方案"),
            Noun::File => ("file", "files", "个文件"),
        };
        match lang {
            Lang::En => write!(f, "{n} {}", if n == 1 { one } else { many }),
            Lang::Zh => write!(f, "{n} {zh}"),
        }
    }
}

impl Arg for Msg {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for e in ENTRIES {
            assert!(seen.insert(e.id), "{} is in the catalogue twice", e.id);
            assert!(!e.en.trim().is_empty(), "{} has no English", e.id);
            assert!(!e.zh.trim().is_empty(), "{} has no Chinese", e.id);
        }
    }

    /// Chinese templates have no English words of their own: what is left
    /// once placeholders, `code spans` and 「quotes」 are taken out holds no
    /// Latin letter.
    #[test]
    fn chinese_templates_have_no_english_words() {
        for e in ENTRIES {
            let own = own_words(e.zh);
            assert!(
                !own.chars().any(|c| c.is_ascii_alphabetic()),
                "the Chinese of {} has English words: {own:?}",
                e.id
            );
        }
    }

    /// English templates are not Chinese: they hold a Latin word or are only
    /// placeholders.
    #[test]
    fn english_templates_are_english() {
        for e in ENTRIES {
            let own = own_words(e.en);
            assert!(
                !own.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "the English of {} has Chinese words: {own:?}",
                e.id
            );
        }
    }

    #[test]
    fn placeholders_name_arguments() {
        for e in ENTRIES {
            for t in [e.en, e.zh] {
                for name in placeholders(t) {
                    assert!(
                        e.args.contains(&name.as_str()),
                        "{}: `{{{name}}}` is no argument",
                        e.id
                    );
                }
            }
        }
    }

    fn placeholders(t: &str) -> Vec<String> {
        t.replace("{{", "")
            .replace("}}", "")
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(n, _)| n.to_string()))
            .collect()
    }

    fn own_words(t: &str) -> String {
        let mut out = String::new();
        let mut skip: Option<char> = None;
        for c in t.chars() {
            match (skip, c) {
                (None, '{') => skip = Some('}'),
                (None, '`') => skip = Some('`'),
                (None, '「') => skip = Some('」'),
                (None, c) => out.push(c),
                (Some(end), c) if c == end => skip = None,
                _ => {}
            }
        }
        out
    }

    #[test]
    fn renders_typed_arguments_per_language() {
        let cite = Cite {
            id: "bj.4.3.4".into(),
            citation: "4.3.4".into(),
            title: "实施科幻产业发展扶持计划".into(),
            numbering: super::super::Numbering::Counted,
        };
        let m = Msg::OmittedObligation { obligation: cite };
        assert_eq!(
            m.render(Lang::En),
            "no item implements `bj.4.3.4` (4.3.4 「实施科幻产业发展扶持计划」)"
        );
        assert_eq!(
            m.render(Lang::Zh),
            "方案没有落实四、(三)第4项「实施科幻产业发展扶持计划」（`bj.4.3.4`）"
        );
    }
}
