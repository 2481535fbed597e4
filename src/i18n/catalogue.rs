//! Every message planlint shows, in English and Chinese side by side.
//!
//! One entry per message: its id, its typed arguments, and its two
//! templates. `{name}` in a template is the argument `name`, written in
//! the template's language by its [`Arg`] impl; `format!`
//! checks at compile time that every placeholder names an argument.
//! Chinese templates quote documents with 「」 (the [`Quote`] and [`Cite`]
//! arguments do it) and use full-width punctuation; English templates
//! follow `STYLE.md` (one line, lowercase, no final period).
//! `docs/messages.md` says how to add one.

#[allow(unused_imports)]
use super::{
    Arg, Cite, Figure, Id, Ids, In, Lang, LinkKind, Names, Numbered, Owed, Provision, Quote,
    SomeNames, Thing,
};
use crate::codes::CodeInfo;
use crate::rank::Rank;
use crate::severity::Severity;
use crate::status::Standing;
use crate::syntax::ast::Comparator;

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
    /// The plans of a run: the first few ids of many.
    SummaryPlans { count: Count, ids: SomeNames }
        en: "{count} ({ids})"
        zh: "{count}（{ids}）"
    /// A run that checked no plan.
    SummaryNoPlan {}
        en: "no plan"
        zh: "0 个方案"

    // ── The drafter's terminal (human and plain output) ─────────────────

    /// The heading of a plan's findings.
    PlanHeading { plan: Id, file: String, errors: Count, warnings: Count, infos: Count }
        en: "── {plan} ({file}): {errors}, {warnings}, {infos}"
        zh: "── {plan}（{file}）：{errors}、{warnings}、{infos}"
    /// The heading of findings about no single plan.
    OtherHeading {}
        en: "── findings about several plans"
        zh: "── 涉及多个方案的问题"
    /// Advisory findings folded into one line.
    AdvisoryFolded { count: usize, code: String, document: Id }
        en: "info[{code}]: {count} advisory findings: {document} was issued after the plan (`--show-advisory` lists them)"
        zh: "提示[{code}]：另有 {count} 条参考性问题，{document} 印发于本方案之后（使用 `--show-advisory` 列出）"
    /// A diagnostic's first line.
    Headline { severity: Severity, code: String, message: String }
        en: "{severity}[{code}]: {message}"
        zh: "{severity}[{code}]：{message}"
    /// What the higher document asks, under an omission.
    Asks { text: Quote }
        en: "asks: {text}"
        zh: "上位要求原文：{text}"
    /// Where a finding is.
    At { place: String }
        en: "at {place}"
        zh: "位置：{place}"
    /// A further place.
    Note { place: String }
        en: "note: {place}"
        zh: "参见：{place}"
    /// What to do.
    HelpLine { help: String }
        en: "help: {help}"
        zh: "建议：{help}"
    /// A fix.
    FixLine { fix: String }
        en: "fix: {fix}"
        zh: "修改：{fix}"

    // ── Loading the model ───────────────────────────────────────────────

    /// An empty file.
    EmptyFile {}
        en: "this file is empty: it declares nothing"
        zh: "文件为空，没有任何声明"
    /// A file of comments only.
    CommentsOnlyFile {}
        en: "this file holds only comments: it declares nothing"
        zh: "文件只有注释，没有任何声明"
    /// Label: nothing declared.
    LabelNothingDeclared {}
        en: "nothing declared"
        zh: "没有声明"
    /// Help: fill in or delete an empty file.
    HelpFillOrDelete {}
        en: "a `.plan` file holds a document, jurisdictions or observations; fill it in or delete it"
        zh: "`.plan` 文件应当声明一个文件、若干地区或监测值；请补充内容或删除该文件"
    /// An id declared twice.
    DuplicateId { what: Thing, id: Id }
        en: "{what} {id} is declared twice"
        zh: "{what} {id} 重复声明"
    /// Label: the second declaration.
    LabelDeclaredAgain {}
        en: "declared again here"
        zh: "在此重复声明"
    /// Label: the first declaration.
    LabelFirstDeclared {}
        en: "first declared here"
        zh: "首次声明于此"
    /// Help: rename one.
    HelpRenameOne {}
        en: "ids must be unique: rename one of them"
        zh: "编号不得重复，请修改其中一个"
    /// A reference to nothing.
    UnknownReference { what: Thing, id: Id }
        en: "no {what} has the id {id}"
        zh: "没有编号为 {id} 的{what}"
    /// Label: unknown reference.
    LabelUnknown { what: Thing }
        en: "unknown {what}"
        zh: "未知的{what}"
    /// Help: a close id.
    HelpDidYouMean { suggestion: Id }
        en: "did you mean {suggestion}?"
        zh: "是否要写 {suggestion}？"
    /// Help: declare it.
    HelpDeclareIt { what: Thing }
        en: "declare the {what}, or check the id"
        zh: "请声明该{what}，或核对编号"

    /// A cycle of one link.
    CycleSelf { kind: LinkKind, id: Id }
        en: "{kind} cycle: {id} refers to itself"
        zh: "{kind}关系构成循环：{id} 指向自身"
    /// A cycle of several links.
    Cycle { kind: LinkKind, path: String }
        en: "{kind} cycle: {path}"
        zh: "{kind}关系构成循环：{path}"
    /// Label: a link on the cycle.
    LabelOnCycle {}
        en: "on the cycle"
        zh: "循环中的一环"
    /// Help: break the cycle.
    HelpBreakCycle { kind: LinkKind }
        en: "a {kind} link must point upward; remove one link of the cycle"
        zh: "{kind}关系必须指向上级；请删除循环中的一处关联"
    /// An item implementing what its plan does not carry out.
    ForeignImplements { plan: Id, obligation: Id, document: Id }
        en: "{plan} implements {obligation} of {document}, which it does not carry out"
        zh: "{plan} 落实了 {document} 的 {obligation}，但本方案并不落实该文件"
    /// An exemption of what its plan does not carry out.
    ForeignExempts { plan: Id, obligation: Id, document: Id }
        en: "{plan} exempts {obligation} of {document}, which it does not carry out"
        zh: "{plan} 对 {document} 的 {obligation} 作了不落实说明，但本方案并不落实该文件"
    /// Label: not an obligation of a parent.
    LabelForeign {}
        en: "not an obligation of a document this plan carries out"
        zh: "不是本方案所落实文件的要求"
    /// Help: a plan's own obligation.
    HelpOwnObligation {}
        en: "a plan does not implement its own obligations; link an obligation of a document it carries out"
        zh: "方案不落实自身的要求；请关联其所落实的上位文件中的要求"
    /// Help: carry the document out, or link a refinement.
    HelpCarryOutDocument { document: String, plan: Id }
        en: "add `carries_out {document}` to document {plan}, or link the obligation of a document it carries out that refines this one"
        zh: "请在文件 {plan} 中增加 `carries_out {document}`，或改为关联其所落实文件中细化该要求的条款"

    // ── Suppressions, baselines, encodings, reading ─────────────────────

    /// Label: where a finding was suppressed.
    LabelSuppressedHere {}
        en: "suppressed here"
        zh: "在此抑制"
    /// A suppress statement that suppresses nothing.
    UnusedSuppression { named: String, plan: Id }
        en: "`suppress {named}` suppresses no finding of {plan}"
        zh: "`suppress {named}` 没有抑制 {plan} 的任何问题"
    /// Label: suppresses nothing.
    LabelSuppressesNothing {}
        en: "suppresses nothing"
        zh: "没有抑制任何问题"
    /// Help: the finding is gone.
    HelpRemoveSuppression {}
        en: "the finding it was written for is gone: remove the statement"
        zh: "原先针对的问题已不存在，请删除该语句"
    /// Help: an input error cannot be suppressed.
    HelpSuppressInputError { code: Id }
        en: "{code} is an input error, which cannot be suppressed; correct it or remove the statement"
        zh: "{code} 是输入错误，不能抑制；请更正或删除该语句"
    /// Help: the name is neither a code nor an obligation.
    HelpSuppressUnknown { name: Id }
        en: "{name} is neither a code nor an obligation; correct it or remove the statement"
        zh: "{name} 既不是问题代码也不是要求编号；请更正或删除该语句"
    /// Help: the name is neither, with a close one.
    HelpSuppressUnknownDidYouMean { name: Id, suggestion: Id }
        en: "{name} is neither a code nor an obligation; did you mean {suggestion}? correct it or remove the statement"
        zh: "{name} 既不是问题代码也不是要求编号，是否要写 {suggestion}？请更正或删除该语句"
    /// A baseline entry that no longer occurs.
    StaleEntry { entry: String }
        en: "baseline entry {entry} no longer occurs"
        zh: "基线条目 {entry} 已不再出现"
    /// A baseline entry some of whose findings no longer occur.
    StaleEntrySome { entry: String, missing: usize, count: usize }
        en: "baseline entry {entry} no longer occurs ({missing} of {count})"
        zh: "基线条目 {entry} 已不再出现（{count} 个中的 {missing} 个）"
    /// Label: stale.
    LabelStale {}
        en: "stale"
        zh: "已过时"
    /// Help: write the smaller baseline.
    HelpRewriteBaseline {}
        en: "the finding is fixed: run `planlint baseline` to write the smaller baseline"
        zh: "该问题已修正，请运行 `planlint baseline` 重新生成基线"
    /// A file read in another encoding.
    ConvertedEncoding { encoding: String }
        en: "this file is in {encoding}, not UTF-8; it was converted when read"
        zh: "该文件的编码为 `{encoding}`，不是 `UTF-8`，读取时已转换"
    /// Label: read as an encoding.
    LabelReadAs { encoding: String }
        en: "read as {encoding}"
        zh: "按 `{encoding}` 读取"
    /// Help: save as UTF-8.
    HelpSaveUtf8 {}
        en: "planlint reads it correctly; save it as UTF-8 so that other tools and reviewers see the same text"
        zh: "本工具已正确读取；请将文件另存为 `UTF-8` 编码，以便其他工具和审阅人看到相同的文字"
    /// A file that cannot be read.
    ReadError { path: Id, reason: String }
        en: "cannot read {path}: {reason}"
        zh: "无法读取 {path}：{reason}"
    /// Label: not read.
    LabelNotRead {}
        en: "not read"
        zh: "未读取"
    /// Help: check the path.
    HelpCheckPath {}
        en: "check the path and its permissions, and save plan files as UTF-8"
        zh: "请检查路径和访问权限，并将方案文件保存为 `UTF-8` 编码"

    // ── planlint.toml and the severity flags ─────────────────────────────

    /// A `planlint.toml` that does not parse, in the TOML reader's words.
    ConfigUnparsable { detail: String }
        en: "{detail}"
        zh: "配置文件无法解析：{detail}"
    /// Help: the keys.
    HelpConfigKeys {}
        en: "the keys are `rules`, `plans`, `fail-level`, `docs-url`, `lang`, `[severity]` and `[[overrides]]`"
        zh: "可用的键为 `rules`、`plans`、`fail-level`、`docs-url`、`lang`、`[severity]` 和 `[[overrides]]`"
    /// A `docs-url` that is not a web address.
    DocsUrlNotWeb { url: Id }
        en: "`docs-url` is not a web address: {url}"
        zh: "`docs-url` 不是网址：{url}"
    /// Help: a web address.
    HelpDocsUrl {}
        en: "write an `https://` or `http://` address, such as `https://example.org/planlint/diagnostics`"
        zh: "请写以 `https://` 或 `http://` 开头的网址，例如 `https://example.org/planlint/diagnostics`"
    /// An unknown language.
    UnknownLanguage { word: Id }
        en: "unknown language {word}"
        zh: "未知的语言 {word}"
    /// Help: the languages.
    HelpLanguages {}
        en: "write `zh` or `en`"
        zh: "请写 `zh` 或 `en`"
    /// A plan glob that is not one.
    NotAGlob { glob: Id, reason: String }
        en: "{glob} is not a glob: {reason}"
        zh: "{glob} 不是有效的路径模式：{reason}"
    /// Help: a glob.
    HelpGlob {}
        en: "write a path pattern such as `plans/xicheng*.plan`"
        zh: "请写路径模式，例如 `plans/xicheng*.plan`"
    /// An unknown severity.
    UnknownSeverity { word: Id }
        en: "unknown severity {word}"
        zh: "未知的级别 {word}"
    /// Help: the severities.
    HelpSeverities {}
        en: "write `error`, `warning`, `info` or `allow`"
        zh: "请写 `error`、`warning`、`info` 或 `allow`"
    /// An unknown fail level.
    UnknownFailLevel { word: Id }
        en: "unknown fail level {word}"
        zh: "未知的失败级别 {word}"
    /// Help: the fail levels.
    HelpFailLevels {}
        en: "write `error`, `warning` or `info`"
        zh: "请写 `error`、`warning` 或 `info`"
    /// An input error named in the severities.
    NotOverridable { code: Id }
        en: "{code} is an input error and cannot be overridden"
        zh: "{code} 是输入错误，不能更改级别"
    /// Help: input errors stop the run.
    HelpInputErrorsStop {}
        en: "input errors always stop the run with exit status 2; fix the file"
        zh: "输入错误总是以退出码 2 结束检查；请修正文件"
    /// An unknown code named in the severities.
    UnknownCodeSetting { code: Id }
        en: "unknown code {code}"
        zh: "没有代码 {code}"
    /// Help: the list of codes.
    HelpCodesList {}
        en: "`planlint codes` lists them"
        zh: "`planlint codes` 列出全部代码"
    /// Help: a close code, and the list.
    HelpCodesListDidYouMean { suggestion: Id }
        en: "did you mean {suggestion}? `planlint codes` lists them"
        zh: "是否要写 {suggestion}？`planlint codes` 列出全部代码"
    /// A code given to two severity flags.
    FlagGivenTwice { code: Id, flag: String }
        en: "{code} is given to more than one of --deny, --warn and --allow (last: {flag})"
        zh: "{code} 同时出现在 `--deny`、`--warn`、`--allow` 中的多个参数里（最后一个：`{flag}`）"
    /// Help: one flag per code.
    HelpOneFlag {}
        en: "name each code in one of them"
        zh: "每个代码只能写在其中一个参数里"
    /// Label: here.
    LabelHere {}
        en: "here"
        zh: "此处"

    // ── planlint diff ────────────────────────────────────────────────────

    /// A revision that changes nothing.
    DiffNoChange {}
        en: "no change in compliance"
        zh: "落实情况没有变化"
    /// A section of the diff with its count.
    DiffSection { title: Box<Msg>, count: usize }
        en: "{title} ({count}):"
        zh: "{title}（{count}）："
    /// Section: findings introduced.
    DiffIntroduced {}
        en: "findings introduced"
        zh: "新增的问题"
    /// Section: findings resolved.
    DiffResolved {}
        en: "findings resolved"
        zh: "已解决的问题"
    /// Section: obligations no longer implemented.
    DiffNoLongerImplemented {}
        en: "obligations no longer implemented"
        zh: "不再落实的要求"
    /// Section: obligations newly implemented.
    DiffNewlyImplemented {}
        en: "obligations newly implemented"
        zh: "新落实的要求"
    /// Section: targets lowered.
    DiffLowered {}
        en: "targets lowered"
        zh: "降低的指标"
    /// Section: targets raised.
    DiffRaised {}
        en: "targets raised"
        zh: "提高的指标"
    /// An obligation that lost its implementation.
    DiffNow { obligation: Id, plan: Id, status: DiffStatus }
        en: "{obligation} in {plan}: now {status}"
        zh: "{plan} 中的 {obligation}：现为{status}"
    /// An obligation newly implemented.
    DiffWas { obligation: Id, plan: Id, status: DiffStatus }
        en: "{obligation} in {plan}: was {status}"
        zh: "{plan} 中的 {obligation}：原为{status}"
    /// A target that changed.
    DiffTarget { metric: Id, item: Id, plan: Id, old: String, new: String }
        en: "{metric} of item {item} in {plan}: {old} → {new}"
        zh: "{plan} 条目 {item} 的 {metric}：{old} → {new}"

    // ── The command line ────────────────────────────────────────────────

    /// A file that cannot be read, as an error of the command line.
    CliCannotRead { code: String, path: Id, reason: String }
        en: "error[{code}]: cannot read {path}: {reason}"
        zh: "错误[{code}]：无法读取 {path}：{reason}"
    /// A file that cannot be written.
    CliCannotWrite { code: String, path: Id, reason: String }
        en: "error[{code}]: cannot write {path}: {reason}"
        zh: "错误[{code}]：无法写入 {path}：{reason}"
    /// A baseline file that is not one.
    CliInvalidBaseline { code: String, place: String, reason: String }
        en: "error[{code}]: {place}: {reason}"
        zh: "错误[{code}]：{place}：{reason}"
    /// A configuration error given by a flag.
    CliConfigError { code: String, message: String }
        en: "error[{code}]: {message}"
        zh: "错误[{code}]：{message}"
    /// A configuration error with what to do.
    CliConfigErrorHelp { code: String, message: String, help: String }
        en: "error[{code}]: {message} ({help})"
        zh: "错误[{code}]：{message}（{help}）"
    /// `explain` of an unknown code.
    CliUnknownCode { code: Id }
        en: "unknown code {code} (`planlint codes` lists them)"
        zh: "没有代码 {code}（`planlint codes` 列出全部代码）"
    /// `explain` of an unknown code close to a known one.
    CliUnknownCodeDidYouMean { code: Id, suggestion: Id }
        en: "unknown code {code}; did you mean {suggestion}? (`planlint codes` lists them)"
        zh: "没有代码 {code}，是否要找 {suggestion}？（`planlint codes` 列出全部代码）"
    /// A run outside a project.
    CliNoProject { rules: Id, plans: Id }
        en: "neither {rules} nor {plans} exists here; run from a project directory or name the files to check"
        zh: "当前目录下既没有 {rules} 也没有 {plans}；请在项目目录中运行，或写明要检查的文件"
    /// `report` or `baseline` refused because the input has errors.
    CliInputErrorsReport {}
        en: "the files have errors; fix them (see `planlint check`) before writing a report"
        zh: "文件有错误；请先修正（见 `planlint check`），再生成报告"
    /// `baseline` refused because the input has errors.
    CliInputErrorsBaseline {}
        en: "the files have input errors; run `planlint check` and fix them before writing a baseline"
        zh: "文件有输入错误；请运行 `planlint check` 并修正后，再生成基线"
    /// What `baseline` wrote.
    CliBaselineWritten { entries: usize, findings: usize, path: Id }
        en: "wrote {entries} entries ({findings} findings) to {path}"
        zh: "已将 {entries} 个条目（{findings} 个问题）写入 {path}"
    /// `diff` with the wrong files.
    CliDiffArguments {}
        en: "error: `diff` takes OLD and NEW files, or `--rev GITREV` and one file"
        zh: "错误：`diff` 需要新旧两个文件，或 `--rev GITREV` 加一个文件"
    /// `diff --rev` with more than one file.
    CliDiffRevOneFile {}
        en: "error: with `--rev`, `diff` takes one file"
        zh: "错误：使用 `--rev` 时，`diff` 只接受一个文件"
    /// `git show` failed.
    CliGitFailed { message: String }
        en: "error: {message}"
        zh: "错误：{message}"
    /// A revision that does not load.
    CliDiffInputErrors { name: Id }
        en: "error: {name} (or the rules) has input errors; `planlint check` shows them"
        zh: "错误：{name}（或上位文件）有输入错误，`planlint check` 可列出"
    /// A revision that introduces findings at the fail level.
    CliDiffIntroduces { count: usize, level: Severity }
        en: "the revision introduces {count} findings at or above `{level}`"
        zh: "本次修订新增 {count} 个「{level}」及以上级别的问题"
    /// A revision that introduces one finding at the fail level.
    CliDiffIntroducesOne { level: Severity }
        en: "the revision introduces 1 finding at or above `{level}`"
        zh: "本次修订新增 1 个「{level}」及以上级别的问题"
    /// What `report` wrote.
    CliReportWritten { path: Id, plans: usize, obligations: usize, findings: usize }
        en: "wrote {path} (plans: {plans}, obligations: {obligations}, findings: {findings})"
        zh: "已写入 {path}（方案 {plans} 个，要求 {obligations} 项，问题 {findings} 个）"
    /// `report --format xlsx` without `--out`.
    CliXlsxNeedsOut {}
        en: "`--format xlsx` needs `--out FILE`"
        zh: "`--format xlsx` 需要用 `--out` 指定输出文件"
    /// A command run outside any project.
    CliNotInProject {}
        en: "not inside a planlint project: no `planlint.toml` and no `rules` directory here or in any directory above; run planlint in a project directory, or name the rules directory with `--rules`"
        zh: "不在项目中：当前目录及其上级目录都没有 `planlint.toml` 或 `rules` 目录；请在项目目录中运行，或用 `--rules` 指定上位文件目录"
    /// A directory given or configured that does not exist.
    DirMissing { what: Box<Msg>, from: Box<Msg> }
        en: "{what} ({from}) does not exist"
        zh: "{what}（{from}）不存在"
    /// The rules directory.
    DirRules {}
        en: "the rules directory"
        zh: "上位文件目录"
    /// The plans directory.
    DirPlans {}
        en: "the plans directory"
        zh: "方案目录"
    /// A directory given by a flag.
    DirGivenBy { flag: Id }
        en: "given by {flag}"
        zh: "由 {flag} 指定"
    /// A directory set in `planlint.toml`.
    DirSetBy { key: Id }
        en: "set by {key} in `planlint.toml`"
        zh: "由 `planlint.toml` 中的 {key} 设定"
    /// The project's default rules directory.
    DirDefaultRules {}
        en: "the default `rules` of the project"
        zh: "项目默认的 `rules` 目录"
    /// A `source_text` that could not be read, for the report.
    CliSourceTextNotRead { place: String, path: Id, reason: String, document: Id }
        en: "warning: {place}: `source_text` {path} is not read: {reason}; the report shows no section headings for {document}"
        zh: "警告：{place}：未读取 `source_text` {path}：{reason}；报告中 {document} 不显示章节标题"
    /// Why a `source_text` is refused: an absolute path.
    SourceTextAbsolute {}
        en: "an absolute path; name the file relative to the project root"
        zh: "这是绝对路径；请写相对于项目根目录的路径"
    /// Why a `source_text` is refused: outside the project.
    SourceTextOutside { root: Id }
        en: "it leads outside the project root {root}; keep source texts inside the project"
        zh: "该路径指向项目根目录 {root} 之外；原文文件应放在项目内"
    /// A directory without plan files.
    NoPlanFiles { extension: String }
        en: "no `.{extension}` files in this directory"
        zh: "该目录中没有 `.{extension}` 文件"
    /// A pipe, socket or device where a file was expected.
    NotRegularFile {}
        en: "not a regular file (a pipe, socket or device)"
        zh: "不是普通文件（而是管道、套接字或设备）"
    /// A directory where a file was expected.
    DirectoryNotFile {}
        en: "a directory, not a file"
        zh: "这是目录，不是文件"
    /// Directories nested too deep.
    NestedTooDeep { depth: usize }
        en: "directories nested more than {depth} deep (a symlink loop?)"
        zh: "目录嵌套超过 {depth} 层（可能是符号链接循环）"
    /// A symbolic link back into a directory being read.
    SymlinkLoop { ancestor: Id }
        en: "a symlink loop: this directory is {ancestor} again, which is being read"
        zh: "符号链接循环：该目录又指向正在读取的 {ancestor}"
    /// A plan file over the size limit.
    TooLargePlan { size: String, limit: usize }
        en: "the file is {size} MB; planlint reads files up to {limit} MB (plan files are usually under 100 KB); split it into one file per document"
        zh: "文件大小为 {size} 兆字节，超过可读取的上限 {limit} 兆字节（方案文件通常不到 100 千字节）；请拆分为多个 `.plan` 文件，每个只声明一份文件"
    /// Another file over the size limit.
    TooLargeFile { size: String, limit: usize }
        en: "the file is {size} MB; planlint reads files up to {limit} MB; check that this is the file you meant"
        zh: "文件大小为 {size} 兆字节，超过可读取的上限 {limit} 兆字节；请确认是否为要读取的文件"
    /// `diff --rev` of a path that is not a file.
    GitNotAFile { path: Id }
        en: "{path} is not a file"
        zh: "{path} 不是文件"
    /// `git` cannot be run.
    GitCannotRun { reason: String }
        en: "cannot run `git`: {reason}"
        zh: "无法运行 `git`：{reason}"
    /// `git show` failed.
    GitShowFailed { command: String, reason: String }
        en: "{command} failed: {reason}"
        zh: "{command} 执行失败：{reason}"
    /// A file at a revision that cannot be read.
    GitCannotReadAt { path: Id, rev: Id, reason: String }
        en: "cannot read {path} at {rev}: {reason}"
        zh: "无法读取 {rev} 版本的 {path}：{reason}"
    /// `fmt` of a file in another encoding.
    FmtNotUtf8 { name: Id, encoding: String }
        en: "{name} is {encoding}; it is not formatted: save it as UTF-8 first"
        zh: "{name} 的编码为 `{encoding}`，未格式化：请先另存为 `UTF-8` 编码"
    /// `fmt` of a file with syntax errors.
    FmtSyntaxErrors { name: Id }
        en: "{name} has syntax errors; it is left unchanged"
        zh: "{name} 有语法错误，未作改动"
    /// What `fmt --check` found.
    FmtWouldReformat { changed: usize, total: usize }
        en: "{changed} of {total} files would be reformatted"
        zh: "{total} 个文件中有 {changed} 个需要重新格式化"
    /// What `fmt` did.
    FmtReformatted { changed: usize, total: usize }
        en: "{changed} of {total} files reformatted"
        zh: "{total} 个文件中已重新格式化 {changed} 个"
    /// The language server cannot go on (said on standard error, where
    /// editors log a server's output).
    ServerStopped { error: String }
        en: "error: the language server stopped: {error}"
        zh: "错误：语言服务器已停止：{error}"
    /// JSON that cannot be written.
    CliCannotWriteJson { reason: String }
        en: "cannot write JSON: {reason}"
        zh: "无法生成 `JSON`：{reason}"
    /// `import` would overwrite a file.
    ImportOutExists { path: Id }
        en: "{path} exists; pass `--force` to replace it, or choose another `-o`"
        zh: "{path} 已存在；如需替换请加 `--force`，或另选 `-o`"
    /// `import` of a document that cannot be read.
    ImportCannotRead { code: String, name: Id, reason: String }
        en: "error[{code}]: cannot import {name}: {reason}"
        zh: "错误[{code}]：无法导入 {name}：{reason}"
    /// `import` of a PDF.
    ImportPdf {}
        en: "PDF is not read: its text has no reliable order; save the document as .docx or copy its text into a .txt file"
        zh: "不读取 `PDF` 文件：其文字顺序不可靠；请另存为 `.docx`，或将文字复制到 `.txt` 文件"
    /// `import` of a pipe or device.
    ImportNotRegular {}
        en: "not a regular file"
        zh: "不是普通文件"
    /// `import` of a document over the size limit.
    ImportTooLarge { size: String, limit: usize }
        en: "the file is {size} MB; import reads documents up to {limit} MB"
        zh: "文件大小为 {size} 兆字节，超过导入的上限 {limit} 兆字节"
    /// A `.docx` that does not read.
    ImportBadDocx { reason: Box<Msg> }
        en: "{reason}; save it again from Word or WPS as .docx, or as plain text"
        zh: "{reason}；请用 `Word` 或 `WPS` 重新另存为 `.docx` 或纯文本"
    /// `watch` cannot catch Ctrl-C.
    WatchNoCtrlC { reason: String }
        en: "error: cannot watch for Ctrl-C: {reason}"
        zh: "错误：无法捕获 `Ctrl-C`：{reason}"
    /// `watch` cannot watch files.
    WatchCannotWatch { reason: String }
        en: "error: cannot watch files: {reason}"
        zh: "错误：无法监视文件：{reason}"
    /// `watch` cannot watch a path.
    WatchCannotWatchPath { path: Id, reason: String }
        en: "error: cannot watch {path}: {reason}"
        zh: "错误：无法监视 {path}：{reason}"
    /// `watch` after a run.
    WatchChecked { ms: String, paths: Ids }
        en: "checked in {ms} ms; watching {paths} for changes (Ctrl-C stops)"
        zh: "检查用时 {ms} 毫秒；正在监视 {paths} 的变化（按 `Ctrl-C` 停止）"
    /// `import` of a document that does not import.
    ImportFailed { name: Id, reason: Box<Msg>, help: Box<Msg> }
        en: "error: cannot import {name}: {reason}\n  help: {help}"
        zh: "错误：无法导入 {name}：{reason}\n  建议：{help}"
    /// Standard output that cannot be written.
    CliCannotWriteStdout { reason: String }
        en: "cannot write to stdout: {reason}"
        zh: "无法写入标准输出：{reason}"
    /// The report's graph picture cannot be drawn.
    CliNoGraphPicture { reason: String }
        en: "warning: {reason}; the report has no graph picture"
        zh: "警告：{reason}；报告中没有关系图"
    /// The workbook cannot be built.
    CliCannotBuildWorkbook { reason: String }
        en: "cannot build the workbook: {reason}"
        zh: "无法生成工作簿：{reason}"
    /// The csv cannot be built.
    CliCannotBuildCsv { reason: String }
        en: "cannot build the csv: {reason}"
        zh: "无法生成 `csv` 文件：{reason}"
    /// An svg graph cannot be drawn.
    CliCannotDrawSvg { reason: Box<Msg> }
        en: "{reason}; try `--format dot` and Graphviz"
        zh: "{reason}；请改用 `--format dot` 和 `Graphviz`"
    /// The manifest cannot be written.
    CliCannotWriteManifest { reason: String }
        en: "cannot write the manifest: {reason}"
        zh: "无法生成清单文件：{reason}"

    // ── The reviewers' report ────────────────────────────────────────────

    /// A plan's verdict at the top of the report (`PlanSummary` in `src/coverage/summary.rs` defines each count).
    ReportVerdict { binding: usize, implemented: usize, partial: usize, undercut: usize, exempted: usize, omitted: usize, must_add: usize, unstated: usize, dropped: usize, weakened: usize }
        en: "binding requirements: {binding}; carried out: {implemented}, partly: {partial}, below what is owed: {undercut}, left out with a reason: {exempted}, omitted: {omitted} (to be added: {must_add}); quantities not stated: {unstated}, elements left out: {dropped}, commitments weakened: {weakened}"
        zh: "{binding} 项上级要求：{implemented} 项已落实、{partial} 项部分落实、{undercut} 项低于要求、{exempted} 项说明不落实、{omitted} 项遗漏（其中 {must_add} 项须补充）；{unstated} 项数量未写明、{dropped} 处要素缺漏、{weakened} 处表述弱化"
    /// The advisory requirements of a plan, after its verdict.
    ReportVerdictAdvisory { advisory: usize }
        en: "advisory requirements besides: {advisory} (the higher document was issued after the plan; a revision should add them)"
        zh: "另有 {advisory} 项参考性要求：上级文件印发于本方案之后，修订时应补充"

    /// 差异 of a memo: the plan carries out nothing of a requirement.
    MemoOmitted { plan: String, document: String, requirement: Numbered, title: Quote }
        en: "the plan of {plan} does not carry out 《{document}》 {requirement} {title}"
        zh: "{plan}方案未落实《{document}》{requirement}{title}"
    /// 差异 of a memo: the plan carries out some clauses of a requirement only.
    MemoSomeClauses { plan: String, document: String, requirement: Numbered, title: Quote }
        en: "the plan of {plan} carries out only some clauses of 《{document}》 {requirement} {title}"
        zh: "{plan}方案仅落实了《{document}》{requirement}{title}的部分分项"
    /// 差异 of a memo: an item leaves out an element the requirement names.
    MemoDropped { plan: String, item: Numbered, element: Quote }
        en: "item {item} of the plan of {plan} does not mention {element}"
        zh: "{plan}方案{item}未提及{element}"
    /// 差异 of a memo: an item states no figure for a quantity owed.
    MemoUnstated { plan: String, item: Numbered, owed: String }
        en: "item {item} of the plan of {plan} states no figure ({owed} owed)"
        zh: "{plan}方案{item}未写明数量（应承担：{owed}）"
    /// 差异 of a memo: an item promises less firmly than asked.
    MemoWeakened { plan: String, item: Numbered }
        en: "item {item} of the plan of {plan} promises less firmly than the requirement asks"
        zh: "{plan}方案{item}的表述弱于上级要求"
    /// 建议 of a memo: add what is missing.
    MemoSuggestAdd {}
        en: "add it, or state why the plan does not carry it out"
        zh: "建议补充，或说明不落实的理由"
    /// 建议 of a memo: add an element.
    MemoSuggestElement { element: Quote }
        en: "add {element}, or state why the plan leaves it out"
        zh: "建议补充{element}，或说明不落实的理由"
    /// 建议 of a memo: state the figure owed.
    MemoSuggestFigure { owed: String }
        en: "state the figure owed: {owed}"
        zh: "建议写明应承担的数量：{owed}"
    /// 建议 of a memo: promise as firmly as asked.
    MemoSuggestFirm {}
        en: "promise as firmly as the requirement asks, or state why not"
        zh: "建议按上级要求的力度表述，或说明理由"

    // ── Fixes ────────────────────────────────────────────────────────────

    /// What a fix that adds an item does.
    FixAddItem { obligation: String }
        en: "add an item with `implements {obligation}`"
        zh: "增加一个条目，写明 `implements {obligation}`"
    /// What a fix that adds an exemption does.
    FixAddExemption { obligation: String }
        en: "add `exempt {obligation} {{ reason \"…\" }}` with the reason the plan leaves it out"
        zh: "增加 `exempt {obligation} {{ reason \"…\" }}`，写明不落实的理由"
    /// What a fix that adds a target does.
    FixAddTarget { metric: String, item: String }
        en: "add `target {metric} {{ … }}` to `{item}`"
        zh: "在 `{item}` 中增加 `target {metric} {{ … }}`"
    /// What a fix that replaces text does.
    FixReplace { replacement: String }
        en: "replace it with `{replacement}`"
        zh: "改为 `{replacement}`"

    // ── omitted-obligation ───────────────────────────────────────────────

    /// Nothing in the plan carries out an obligation without clauses.
    OmittedObligation { obligation: Cite }
        en: "no item implements {obligation}"
        zh: "本方案未落实{obligation}"
    /// Nothing carries out a bullet or its only clause.
    OmittedObligationAndClause { obligation: Cite }
        en: "no item implements {obligation} nor its clause"
        zh: "本方案未落实{obligation}及其分句"
    /// Nothing carries out a bullet or any of its clauses.
    OmittedObligationAndClauses { obligation: Cite, clauses: usize }
        en: "no item implements {obligation} nor any of its {clauses} clauses"
        zh: "本方案未落实{obligation}及其 {clauses} 个分句"
    /// Some clauses are carried out, the bullet's own text is not.
    OmittedObligationItself { obligation: Cite }
        en: "no item implements {obligation} itself, only some of its clauses"
        zh: "本方案仅落实了{obligation}的部分分句，该项本身未落实"
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

    // ── undercut-target ──────────────────────────────────────────────────

    /// A plan figure below the owed one.
    UndercutLess { item: Provision, actual: Figure, metric: Id, expected: Figure, obligation: Cite }
        en: "{item} promises {actual} of {metric}, less than the {expected} owed to {obligation}"
        zh: "{item}承诺 {metric} 为 {actual}，低于{obligation}应承担的 {expected}"
    /// A plan figure not above an owed "more than" figure.
    UndercutNotMore { item: Provision, actual: Figure, metric: Id, expected: Figure, obligation: Cite }
        en: "{item} promises {actual} of {metric}, not more than the {expected} owed to {obligation}"
        zh: "{item}承诺 {metric} 为 {actual}，未超过{obligation}要求的 {expected}"
    /// A plan figure above an owed ceiling.
    UndercutMore { item: Provision, actual: Figure, metric: Id, expected: Figure, obligation: Cite }
        en: "{item} promises {actual} of {metric}, more than the {expected} owed to {obligation}"
        zh: "{item}承诺 {metric} 为 {actual}，高于{obligation}规定的上限 {expected}"
    /// The advisory form of a figure finding.
    AdvisoryLater { message: Box<Msg> }
        en: "{message} (advisory: the higher document was issued after the plan)"
        zh: "{message}（参考：上位文件印发于本方案之后）"
    /// Label: the figure the plan states.
    LabelPromises { figure: Figure }
        en: "promises {figure}"
        zh: "承诺 {figure}"
    /// Label: the figure an obligation owes.
    LabelOwes { figure: Figure }
        en: "owes {figure}"
        zh: "应承担 {figure}"
    /// Help: raise the figure.
    HelpRaise { expected: Figure }
        en: "raise the figure to at least {expected}"
        zh: "请将指标提高到不低于 {expected}"
    /// Help: raise the figure, with how the share was worked out.
    HelpRaiseShare { total: Figure, jurisdictions: usize, formula: String, expected: Figure }
        en: "the higher document asks {total} across {jurisdictions} jurisdictions; this plan's share by population is {formula} = {expected}; raise the figure to at least {expected}"
        zh: "上位文件要求 {jurisdictions} 个地区合计 {total}；按常住人口，本方案应承担 {formula} = {expected}；请将指标提高到不低于 {expected}"
    /// Help: lower the figure under a ceiling.
    HelpLower { expected: Figure }
        en: "lower the figure to at most {expected}"
        zh: "请将指标降低到不高于 {expected}"
    /// A deadline later than the owed one.
    UndercutLater { item: Provision, metric: Id, actual: String, expected: String, obligation: Cite }
        en: "{item} sets {metric} for {actual}, later than the {expected} deadline of {obligation}"
        zh: "{item}将 {metric} 的完成时间定为 {actual} 年，晚于{obligation}要求的 {expected} 年"
    /// Label: the year the plan sets.
    LabelBy { year: String }
        en: "by {year}"
        zh: "{year} 年前"
    /// Label: the year an obligation sets.
    LabelDueBy { year: String }
        en: "due by {year}"
        zh: "要求 {year} 年前完成"
    /// Help: bring the deadline forward.
    HelpEarlier { year: String }
        en: "bring the deadline forward to {year} or earlier"
        zh: "请将完成时间提前到 {year} 年或更早"

    // ── unstated-quantity ────────────────────────────────────────────────

    /// An item carries out a quantified obligation without a figure.
    UnstatedQuantity { item: Provision, obligation: Cite, metric: Id, owed: Owed }
        en: "{item} implements {obligation} but states no {metric} (owed: {owed})"
        zh: "{item}落实{obligation}，但未写明 {metric} 的数量（应承担：{owed}）"
    /// Label: no figure.
    LabelNoFigure {}
        en: "no figure stated"
        zh: "未写明数量"
    /// Label: what the obligation asks.
    LabelAsks { owed: Owed }
        en: "asks {owed}"
        zh: "要求 {owed}"
    /// Help: state the figure.
    HelpStateFigure { owed: Owed }
        en: "state a figure of at least {owed} in the item"
        zh: "请在该条中写明不低于 {owed} 的数量"

    // ── incomparable-units ───────────────────────────────────────────────

    /// A figure that cannot be compared.
    Incomparable { item: Provision, obligation: Cite, why: Box<Msg> }
        en: "cannot compare {item} with {obligation}: {why}"
        zh: "{item}的数量无法与{obligation}比较：{why}"
    /// Label: the figure stated.
    LabelStatedHere {}
        en: "stated here"
        zh: "在此写明"
    /// Label: the figure owed.
    LabelOwedHere {}
        en: "owed here"
        zh: "在此要求"
    /// Help: state the figure in the owed unit, yearly.
    HelpSameUnitYearly { metric: Id, unit: String }
        en: "state {metric} in {unit}, `per year`"
        zh: "请以「{unit}」为单位、按每年写明 {metric}"
    /// Help: state the figure in the owed unit, as a total.
    HelpSameUnitTotal { metric: Id, unit: String }
        en: "state {metric} in {unit}, as a total"
        zh: "请以「{unit}」为单位、按总量写明 {metric}"
    /// Help: state the figure in the obligation's unit, yearly.
    HelpObligationUnitYearly { metric: Id }
        en: "state {metric} in the obligation's unit, `per year`"
        zh: "请以上位要求的单位、按每年写明 {metric}"
    /// Help: state the figure in the obligation's unit, as a total.
    HelpObligationUnitTotal { metric: Id }
        en: "state {metric} in the obligation's unit, as a total"
        zh: "请以上位要求的单位、按总量写明 {metric}"

    // ── unapportionable-quantity ─────────────────────────────────────────

    /// A share that cannot be computed.
    Unapportionable { metric: Id, obligation: Cite, missing: Box<Msg> }
        en: "cannot work out this plan's share of {metric} of {obligation}: {missing}"
        zh: "无法计算本方案应承担的{obligation}中 {metric} 的份额：{missing}"
    /// Label: share unknown.
    LabelShareUnknown {}
        en: "share unknown"
        zh: "份额无法计算"
    /// Label: shared by population.
    LabelSharedByPopulation {}
        en: "shared by population"
        zh: "按常住人口分摊"
    /// Help: give populations.
    HelpGivePopulation {}
        en: "give every jurisdiction involved a `population`, and every document a `jurisdiction`"
        zh: "请为涉及的每个地区写明 `population`，为每个文件写明 `jurisdiction`"

    // ── dropped-element ──────────────────────────────────────────────────

    /// An element of an obligation no item mentions.
    DroppedElement { obligation: Cite, element: Quote, item: Provision }
        en: "{obligation} names {element}, which {item} never mentions"
        zh: "{obligation}提出{element}，{item}未提及"
    /// An element of an obligation none of several items mentions.
    DroppedElementSeveral { obligation: Cite, element: Quote, items: Provisions }
        en: "{obligation} names {element}, which {items} never mention"
        zh: "{obligation}提出{element}，{items}均未提及"
    /// Label: the element is not mentioned.
    LabelNoMention { element: Quote }
        en: "no mention of {element}"
        zh: "未提及{element}"
    /// Label: where the element is named.
    LabelElementNamed {}
        en: "element named here"
        zh: "在此提出"
    /// Help: carry out the element.
    HelpCarryOutElement { element: Quote }
        en: "carry out {element} in the item's text, or exempt it with a reason"
        zh: "请在条目中写明如何落实{element}；如确不落实，请说明理由"

    // ── missing-responsible-unit ─────────────────────────────────────────

    /// An item without 责任单位, required by an obligation.
    MissingUnitByObligation { item: Provision, obligation: Cite }
        en: "item {item} names no responsible unit: {obligation} requires one"
        zh: "{item}未写明责任单位，{obligation}要求写明"
    /// An item without 责任单位, required by its document.
    MissingUnitByDocument { item: Provision, document: Id }
        en: "item {item} names no responsible unit: document {document} requires one for every item"
        zh: "{item}未写明责任单位，文件 {document} 要求每项任务写明责任单位"
    /// Label: no units.
    LabelNoUnits {}
        en: "no `units`"
        zh: "未写 `units`"
    /// Label: the obligation that requires a unit.
    LabelRequiresUnit {}
        en: "requires a responsible unit"
        zh: "要求写明责任单位"
    /// Help: name the unit.
    HelpNameUnits {}
        en: "add `units \"…\"` naming the responsible units as the plan's text lists them"
        zh: "请按方案原文写明责任单位（`units \"…\"`）"

    // ── exemptions ───────────────────────────────────────────────────────

    /// An exemption without a reason.
    ExemptionWithoutReason { obligation: Id }
        en: "the exemption of {obligation} gives no reason"
        zh: "对 {obligation} 的不落实说明未写明理由"
    /// Label: no reason.
    LabelNoReason {}
        en: "no `reason`"
        zh: "未写 `reason`"
    /// Label: the exempted obligation.
    LabelExemptedObligation {}
        en: "the exempted obligation"
        zh: "说明不落实的要求"
    /// Help: give a reason.
    HelpGiveReason {}
        en: "add `reason \"…\"` saying why the plan leaves this obligation out"
        zh: "请写明不落实该项要求的理由（`reason \"…\"`）"
    /// An exemption of a non-exemptible obligation.
    NonExemptible { obligation: Cite }
        en: "{obligation} may not be exempted"
        zh: "{obligation}不得说明不落实，必须落实"
    /// Label: exemption not allowed.
    LabelExemptionNotAllowed {}
        en: "exemption not allowed"
        zh: "不允许说明不落实"
    /// Label: the obligation says it may not be exempted.
    LabelNotExemptible {}
        en: "marked `exemptible no`"
        zh: "标明 `exemptible no`"
    /// Help: implement instead.
    HelpImplementInstead {}
        en: "remove the exemption and add an item that carries the obligation out"
        zh: "请删除该说明，并增加落实该项要求的条目"
    /// Fix: remove an exemption.
    FixRemoveExemption {}
        en: "remove the exemption"
        zh: "删除该不落实说明"
    /// An exemption of an implemented obligation.
    Contradictory { obligation: Cite, item: Provision }
        en: "{obligation} is exempted, but {item} implements it"
        zh: "{obligation}已说明不落实，但{item}又落实了该项要求"
    /// Label: exempted here.
    LabelExemptedHere {}
        en: "exempted here"
        zh: "在此说明不落实"
    /// Label: implemented here.
    LabelImplementedHere {}
        en: "implemented here"
        zh: "在此落实"
    /// Help: remove one of the two.
    HelpRemoveOneOfTwo {}
        en: "remove the exemption if the plan carries the obligation out, or the `implements` link if it does not"
        zh: "如方案落实该项要求，请删除不落实说明；如不落实，请删除 `implements` 关联"
    /// An exemption of an obligation that does not apply.
    UnusedExemptionNotApplicable { obligation: Cite }
        en: "the exemption of {obligation} excuses nothing: it does not apply to the plan's jurisdiction"
        zh: "对{obligation}的不落实说明没有必要：该要求不适用于本地区"
    /// An exemption of an obligation that does not bind the plan.
    UnusedExemptionNotBound { obligation: Cite }
        en: "the exemption of {obligation} excuses nothing: it does not bind this plan (the issuer only, another rank or another year)"
        zh: "对{obligation}的不落实说明没有必要：该要求不约束本方案（仅约束发文机关、其他层级或其他年度）"
    /// Label: unused exemption.
    LabelUnusedExemption {}
        en: "unused exemption"
        zh: "多余的不落实说明"
    /// Label: the obligation.
    LabelTheObligation {}
        en: "the obligation"
        zh: "该项要求"
    /// Help: nothing owed.
    HelpNothingOwed {}
        en: "remove the exemption; nothing is owed"
        zh: "请删除该说明；本方案无需落实该项要求"
    /// An exemption past its date.
    ExpiredExemption { obligation: Id, date: String }
        en: "the exemption of {obligation} expired on {date}"
        zh: "对 {obligation} 的不落实说明已于 {date} 到期"
    /// Label: expired.
    LabelExpired { as_of: String }
        en: "expired (as of {as_of})"
        zh: "已到期（检查日期 {as_of}）"
    /// Label: no longer exempted.
    LabelNoLongerExempted {}
        en: "no longer exempted"
        zh: "不再免于落实"
    /// Help: renew or carry out.
    HelpRenew {}
        en: "carry the obligation out, or renew the exemption with a later `expires`"
        zh: "请落实该项要求，或以更晚的 `expires` 日期续期该说明"

    // ── roll-up-shortfall, roll-up-incomplete ───────────────────────────

    /// A shared quantity whose siblings are not all in the run (one missing).
    RollUpIncompleteOne { metric: Id, total: Figure, obligation: Cite, siblings: usize, rank: Option<Rank>, names: SomeNames }
        en: "the roll-up of {metric} ({total}) for {obligation} cannot be judged yet: 1 of {siblings} {rank} jurisdictions has no plan in this run ({names})"
        zh: "{obligation}的 {metric}（{total}）尚无法汇总判断：{siblings} 个{rank}地区中有 1 个的方案不在本次检查中（{names}）"
    /// A shared quantity whose siblings are not all in the run.
    RollUpIncomplete { metric: Id, total: Figure, obligation: Cite, missing: usize, siblings: usize, rank: Option<Rank>, names: SomeNames }
        en: "the roll-up of {metric} ({total}) for {obligation} cannot be judged yet: {missing} of {siblings} {rank} jurisdictions have no plan in this run ({names})"
        zh: "{obligation}的 {metric}（{total}）尚无法汇总判断：{siblings} 个{rank}地区中有 {missing} 个的方案不在本次检查中（{names}）"
    /// A roll-up whose missing plans exist for another period only.
    RollUpForPeriod { message: Box<Msg>, period: String }
        en: "{message}; the plans missing are those for {period}"
        zh: "{message}；所缺为{period}年的方案"
    /// Label: the shared obligation.
    LabelSharedAmong {}
        en: "shared among the jurisdictions below"
        zh: "由下级各地区分担"
    /// Help: check every sibling together.
    HelpCheckSiblings {}
        en: "check every sibling plan in one run (`planlint check plans/`) to judge the sum"
        zh: "请将同级各方案放在一次检查中（`planlint check plans/`），以判断合计是否达到要求"
    /// The siblings' figures sum to less than the total.
    RollUpShortfall { plans: usize, rank: Option<Rank>, sum: Figure, metric: Id, total: Figure, obligation: Cite }
        en: "the {plans} {rank} plans promise {sum} of {metric} together, less than the {total} of {obligation}"
        zh: "{plans} 个{rank}方案合计承诺 {metric} {sum}，低于{obligation}要求的 {total}"
    /// Label: what the higher obligation asks.
    LabelAsksFigure { total: Figure }
        en: "asks {total}"
        zh: "要求 {total}"
    /// Help: raise the plans that fall short.
    HelpRaiseSiblings {}
        en: "raise the figures of the plans that state less than their share; their `undercut-target` and `unstated-quantity` findings name them"
        zh: "请提高低于应承担份额的方案的指标；这些方案的 `undercut-target` 和 `unstated-quantity` 问题列出了它们"

    // ── incomparable-units, unapportionable-quantity: the reasons ───────

    /// Why figures cannot be compared: different units.
    WhyOtherUnit { metric: Id, unit: String, owed: String }
        en: "{metric} is in {unit} but the obligation counts in {owed}"
        zh: "{metric} 以「{unit}」计，而上位要求以「{owed}」计"
    /// Why figures cannot be compared: stated yearly, owed in total.
    WhyYearlyAgainstTotal { metric: Id }
        en: "{metric} is stated a year but owed in total"
        zh: "{metric} 按每年写明，而上位要求为总量"
    /// Why figures cannot be compared: stated in total, owed yearly.
    WhyTotalAgainstYearly { metric: Id }
        en: "{metric} is stated in total but owed a year"
        zh: "{metric} 按总量写明，而上位要求为每年数量"
    /// Why a share cannot be computed: the plan has no jurisdiction.
    WhyPlanNoJurisdiction { plan: Id }
        en: "plan {plan} names no jurisdiction"
        zh: "方案 {plan} 未写明所属地区"
    /// Why a share cannot be computed: the issuer has no jurisdiction.
    WhyDocumentNoJurisdiction { document: Id }
        en: "document {document} names no jurisdiction"
        zh: "文件 {document} 未写明所属地区"
    /// Why a share cannot be computed: the plan's jurisdiction has no population.
    WhyNoPopulation { jurisdiction: Id }
        en: "jurisdiction {jurisdiction} has no population"
        zh: "地区 {jurisdiction} 未写明常住人口"
    /// Why a share cannot be computed: siblings without a population.
    WhyNoPopulationFor { jurisdictions: Ids }
        en: "no population for {jurisdictions}"
        zh: "{jurisdictions} 未写明常住人口"
    /// Why a share cannot be computed: the populations overflow.
    WhyPopulationsOverflow { count: usize, max: String }
        en: "the populations of the {count} jurisdictions it is shared among add up to more than {max}"
        zh: "分担该数量的 {count} 个地区常住人口合计超过 {max}"
    /// Why a share cannot be computed: nobody to share it among.
    WhyNobodyToShare {}
        en: "no jurisdiction with a population to share it among"
        zh: "没有写明常住人口的地区可以分担"
    /// Why a share cannot be computed: the plan's jurisdiction is not below the issuer's.
    WhyNotBelow { jurisdiction: Id, issuer: Id }
        en: "{jurisdiction} does not lie below {issuer}"
        zh: "{jurisdiction} 不是 {issuer} 的下级地区"

    // ── weakened-commitment ─────────────────────────────────────────────

    /// An item carries out an ask with a weaker commitment.
    WeakenedCommitment { item: Provision, obligation: Cite, carried: Quote, ask: Quote, shortfalls: Msgs }
        en: "{item} carries out {obligation} more weakly: {carried} against {ask} ({shortfalls})"
        zh: "{item}落实{obligation}的承诺弱于上位要求：写为{carried}，上位要求为{ask}（{shortfalls}）"
    /// A shortfall: a weaker verb.
    ShortfallVerb { item: Quote, ask: Quote }
        en: "{item} for {ask}"
        zh: "以{item}代替{ask}"
    /// A shortfall: a word of the ask left out.
    ShortfallMissing { word: Quote }
        en: "no {word}"
        zh: "缺少{word}"
    /// A shortfall: a narrowing qualifier.
    ShortfallNarrowed { word: Quote }
        en: "narrowed by {word}"
        zh: "以{word}缩小范围"
    /// Label: how the item is weaker.
    LabelWeaker { shortfalls: Msgs }
        en: "weaker: {shortfalls}"
        zh: "承诺较弱：{shortfalls}"
    /// Label: what the ask says.
    LabelAsked { ask: Quote }
        en: "asked: {ask}"
        zh: "上位要求：{ask}"
    /// Help: promise as much, or give the reason.
    HelpPromiseAsAsked { ask: Quote, code: String, obligation: String }
        en: "promise what the ask promises ({ask}), or give the reason with `suppress {code} {obligation}`"
        zh: "请作出与上位要求相同的承诺（{ask}），或以 `suppress {code} {obligation}` 说明理由"

    // ── text-figure-mismatch ────────────────────────────────────────────

    /// An item's target and its text state different figures.
    TextFigureMismatch { item: Provision, metric: Id, promised: Id, quoted: Quote, stated: Id }
        en: "{item}'s target {metric} says {promised}, its text {quoted} ({stated})"
        zh: "{item}的指标 {metric} 写为 {promised}，而其文字为{quoted}（{stated}）"
    /// An item's target has no figure in its text.
    TextFigureNoTrace { item: Provision, metric: Id, promised: Id, unit: String }
        en: "{item}'s target {metric} says {promised}, and its text states no figure in {unit}"
        zh: "{item}的指标 {metric} 写为 {promised}，而其文字未写明以「{unit}」计的数量"
    /// Label: what the text says.
    LabelTextSays { quoted: Quote }
        en: "the text says {quoted}"
        zh: "文字为{quoted}"
    /// Label: the figure is not in the text.
    LabelNotInText {}
        en: "not in the text"
        zh: "文字中没有该数量"
    /// Help: state the same figure.
    HelpSameFigure {}
        en: "make the target and the item's text state the same figure"
        zh: "请使指标与条目文字写明同一数量"

    // ── superseded-basis ────────────────────────────────────────────────

    /// An item names a superseded document as its basis.
    SupersededBasis { item: Provision, title: String, clause: Quote, new: Id }
        en: "{item} names 《{title}》 as a basis ({clause}), which {new} supersedes"
        zh: "{item}以《{title}》为依据（{clause}），该文件已被 {new} 取代"
    /// Label: the superseded basis.
    LabelSupersededBy { new: Id }
        en: "a basis superseded by {new}"
        zh: "依据已被 {new} 取代"
    /// Help: name the document in force.
    HelpNameInForce { title: String, code: String }
        en: "name the document in force, 《{title}》, or give the reason with `suppress {code} {{ reason \"…\" }}`"
        zh: "请改为现行有效的《{title}》，或以 `suppress {code} {{ reason \"…\" }}` 说明理由"
    /// Label: where the newer document supersedes the older.
    LabelSupersededHere { old: Id }
        en: "{old} superseded here"
        zh: "在此取代 {old}"

    // ── duplicate-plan ──────────────────────────────────────────────────

    /// Two plans carry out the same document for the same jurisdiction and period.
    DuplicatePlan { counted: Id, other: Id, higher: Id, jurisdiction: String, period: Box<Msg>, why: Box<Msg> }
        en: "{counted} and {other} both carry out {higher} for {jurisdiction}, {period}; roll-ups count {counted} ({why})"
        zh: "{counted} 和 {other} 都为{jurisdiction}落实 {higher}（{period}）；汇总时计入 {counted}（{why}）"
    /// A plan period.
    PlanPeriod { from: String, to: String }
        en: "period {from}–{to}"
        zh: "规划期 {from}–{to} 年"
    /// No plan period.
    NoPlanPeriod {}
        en: "no period"
        zh: "未写规划期"
    /// Why one plan is counted: issued later.
    WhyIssuedLater {}
        en: "issued later"
        zh: "印发较晚"
    /// Why one plan is counted: first by file name.
    WhyFirstByFileName {}
        en: "first by file name"
        zh: "按文件名排序在前"
    /// Label: not counted.
    LabelNotCounted {}
        en: "not counted in roll-ups"
        zh: "汇总时不计入"
    /// Label: counted.
    LabelCounted {}
        en: "counted in roll-ups"
        zh: "汇总时计入"
    /// Help: leave one out.
    HelpLeaveOutSuperseded {}
        en: "leave the superseded plan out of the run, or give each plan the period it covers"
        zh: "请将被取代的方案移出本次检查，或为每个方案写明其规划期"

    // ── The syntax of the plan language ─────────────────────────────────

    /// More syntax errors than are read.
    SyntaxTooMany { max: usize }
        en: "more than {max} syntax errors: the rest of the file is not read"
        zh: "语法错误超过 {max} 处，文件其余部分未读取"
    /// Label: reading stopped.
    LabelReadingStopped {}
        en: "reading stopped here"
        zh: "在此停止读取"
    /// Help: fix the errors above.
    HelpFixAbove {}
        en: "fix the errors above and run again"
        zh: "请修正上面的错误后重新运行"
    /// A line over the length limit.
    SyntaxLongLine { line: usize, max: usize }
        en: "a line of {line} bytes is longer than the limit of {max}; it is skipped"
        zh: "该行长 {line} 字节，超过上限 {max} 字节，已跳过"
    /// Label: the long line.
    LabelLineTooLong {}
        en: "this line is too long"
        zh: "此行过长"
    /// Help: break the line.
    HelpBreakLine {}
        en: "break the line after a statement; a string cannot run past its line, so quote a shorter excerpt"
        zh: "请在语句之后换行；字符串不能跨行，请引用较短的片段"
    /// An unknown escape in a string.
    SyntaxUnknownEscape {}
        en: "unknown escape in string"
        zh: "字符串中有未知的转义"
    /// Label: not an escape.
    LabelNotAnEscape {}
        en: "not an escape"
        zh: "不是转义"
    /// Help: the escapes.
    HelpEscapes {}
        en: "the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`"
        zh: "可用的转义为 `\\\"`、`\\\\`、`\\n` 和 `\\t`"
    /// A string without its closing quote.
    SyntaxUnterminatedString {}
        en: "unterminated string"
        zh: "字符串没有结束"
    /// Label: no closing quote.
    LabelNoClosingQuote {}
        en: "this string has no closing `\"`"
        zh: "此字符串缺少结尾的 `\"`"
    /// Help: close the string.
    HelpCloseString {}
        en: "close the string on the same line; write `\\\"` for a quote inside it"
        zh: "请在同一行内结束字符串；字符串中的引号写作 `\\\"`"
    /// A full-width colon in a statement.
    SyntaxFullWidthColon { c: Id }
        en: "full-width {c} in a statement"
        zh: "语句中有全角的 {c}"
    /// Label: no colon here.
    LabelNoColon {}
        en: "no colon here"
        zh: "此处不用冒号"
    /// Help: remove the colon.
    HelpRemoveColon {}
        en: "remove it: a keyword and its value are separated by a space, as in `title \"…\"`"
        zh: "请删除：关键字与取值之间用空格分隔，例如 `title \"…\"`"
    /// Full-width punctuation where ASCII is meant.
    SyntaxFullWidth { c: Id, ascii: Id }
        en: "full-width {c} where {ascii} is meant"
        zh: "此处应为 {ascii}，写成了全角的 {c}"
    /// Label: full-width punctuation.
    LabelFullWidth {}
        en: "full-width punctuation"
        zh: "全角标点"
    /// Help: write the ASCII form.
    HelpWriteAscii { ascii: Id }
        en: "write the ASCII {ascii}"
        zh: "请改为半角的 {ascii}"
    /// A `}` that closes nothing.
    SyntaxUnexpectedBrace {}
        en: "unexpected `}}`"
        zh: "多余的 `}}`"
    /// Label: no block open.
    LabelNoBlockOpen {}
        en: "no block is open here"
        zh: "此处没有未结束的代码块"
    /// Help: remove the brace.
    HelpRemoveBrace {}
        en: "remove this brace"
        zh: "请删除该括号"
    /// A block never closed.
    SyntaxUnterminatedBlock {}
        en: "unterminated block"
        zh: "代码块没有结束"
    /// Label: the open brace.
    LabelNeverClosed {}
        en: "this `{{` is never closed"
        zh: "此 `{{` 没有对应的 `}}`"
    /// Help: add the closing brace.
    HelpAddClosingBrace {}
        en: "add a `}}` on its own line after the block's last statement"
        zh: "请在代码块最后一条语句之后另起一行写 `}}`"
    /// Not a keyword where a statement starts.
    SyntaxExpectedKeyword { found: Id }
        en: "expected a keyword, found {found}"
        zh: "此处应为关键字，实际为 {found}"
    /// Label: not a keyword.
    LabelNotAKeyword {}
        en: "not a keyword"
        zh: "不是关键字"
    /// Help: a statement starts with a keyword.
    HelpStatementKeyword {}
        en: "a statement starts with a keyword, such as `title \"…\"`"
        zh: "语句以关键字开头，例如 `title \"…\"`"
    /// Help: a text needs a keyword and ASCII quotes.
    HelpTextKeyword {}
        en: "a text needs a keyword and ASCII quotes, such as `text \"…\"`"
        zh: "文字需要关键字和半角引号，例如 `text \"…\"`"
    /// Help: the keyword in ASCII.
    HelpKeywordAscii { ascii: Id }
        en: "write the keyword in ASCII: {ascii}"
        zh: "请用半角字符写关键字：{ascii}"
    /// Help: statements start with an ASCII keyword.
    HelpAsciiKeyword {}
        en: "statements start with an ASCII keyword such as `obligation`, `item` or `title`"
        zh: "语句以半角关键字开头，例如 `obligation`、`item` 或 `title`"
    /// A header whose block lacks its `{`.
    SyntaxMissingBrace {}
        en: "missing `{{`"
        zh: "缺少 `{{`"
    /// Label: the indented lines have no brace.
    LabelNoOpeningBrace {}
        en: "the indented lines below have no `{{`"
        zh: "下面缩进的各行缺少 `{{`"
    /// Help: open the block.
    HelpOpenBlock {}
        en: "end this line with ` {{` to open the block"
        zh: "请在此行末尾加 ` {{` 开始代码块"
    /// Blocks nested too deep.
    SyntaxNestedTooDeep {}
        en: "blocks nested too deeply"
        zh: "代码块嵌套过深"
    /// Label: the depth.
    LabelMoreLevels { max: usize }
        en: "more than {max} levels"
        zh: "超过 {max} 层"
    /// Help: check for missing braces.
    HelpCheckBraces {}
        en: "no construct of the language nests this deep; check for missing `}}`"
        zh: "本语言没有嵌套这么深的结构；请检查是否缺少 `}}`"

    /// An id named twice in one statement.
    SyntaxNamedTwice { id: Id, keyword: Id }
        en: "{id} is named twice in {keyword}"
        zh: "{keyword} 中重复写了 {id}"
    /// Label: named again.
    LabelNamedAgain {}
        en: "named again"
        zh: "重复"
    /// Help: remove the repetition.
    HelpRemoveRepetition {}
        en: "remove the repetition; if another id was meant, write that one"
        zh: "请删除重复的编号；如原意是其他编号，请改写"
    /// A statement that needs a block.
    SyntaxNeedsBlock { keyword: Id }
        en: "{keyword} needs a block"
        zh: "{keyword} 需要代码块"
    /// Label: no block.
    LabelNoBlock {}
        en: "no `{{ … }}` here"
        zh: "此处没有 `{{ … }}`"
    /// Help: write the block.
    HelpWriteBlock { keyword: String }
        en: "write `{keyword} <id> {{` and its properties on the following lines, then `}}`"
        zh: "请写 `{keyword} <id> {{`，在下面各行写属性，再写 `}}`"
    /// A statement that takes no block.
    SyntaxTakesNoBlock { keyword: Id }
        en: "{keyword} takes no block"
        zh: "{keyword} 不带代码块"
    /// Label: unexpected block.
    LabelUnexpectedBlock {}
        en: "unexpected block"
        zh: "多余的代码块"
    /// Help: remove the block.
    HelpRemoveBlock {}
        en: "remove the `{{ … }}`"
        zh: "请删除 `{{ … }}`"
    /// A block header without its id.
    SyntaxNeedsId { keyword: Id }
        en: "{keyword} needs an id"
        zh: "{keyword} 需要编号"
    /// Label: no id.
    LabelNoId {}
        en: "no id"
        zh: "没有编号"
    /// Help: write the header with an id.
    HelpWriteHeader { keyword: String }
        en: "write `{keyword} <id> {{`"
        zh: "请写 `{keyword} <id> {{`"
    /// An id broken by spaces.
    SyntaxIdWithSpaces { keyword: Id }
        en: "{keyword} takes one id, and an id has no spaces"
        zh: "{keyword} 只带一个编号，编号中不能有空格"
    /// Label: how many words.
    LabelWords { count: usize }
        en: "{count} words"
        zh: "{count} 个词"
    /// Help: the id joined.
    HelpWriteJoined { keyword: String, joined: String }
        en: "write `{keyword} {joined} {{`"
        zh: "请写 `{keyword} {joined} {{`"

    /// A syntax text: an id is written without quotes.
    SyntaxQuotedId {}
        en: "an id is written without quotes"
        zh: "编号不加引号"
    /// A syntax text: quoted id.
    LabelQuotedId {}
        en: "quoted id"
        zh: "加了引号的编号"
    /// A syntax text: remove the quotes.
    HelpRemoveQuotes {}
        en: "remove the quotes"
        zh: "请删除引号"
    /// A syntax text: a population of 0 is impossible.
    SyntaxZeroPopulation {}
        en: "a population of 0 is impossible"
        zh: "常住人口不可能为 0"
    /// A syntax text: write the census population, or leave population out when it is not known.
    HelpCensusPopulation {}
        en: "write the census population, or leave `population` out when it is not known"
        zh: "请写人口普查的常住人口；不知道时不写 `population`"
    /// A syntax text: an empty element.
    SyntaxEmptyElement {}
        en: "an empty element"
        zh: "内容为空"
    /// A syntax text: empty.
    LabelEmpty {}
        en: "empty"
        zh: "空"
    /// A syntax text: name the element, e.g. "防止诈骗".
    HelpNameElement {}
        en: "name the element, e.g. `\"防止诈骗\"`"
        zh: "请写明内容，例如 `\"防止诈骗\"`"
    /// A syntax text: an empty word.
    SyntaxEmptyWord {}
        en: "an empty word"
        zh: "词语为空"
    /// A syntax text: write the word, e.g. "建立".
    HelpWriteWord {}
        en: "write the word, e.g. `\"建立\"`"
        zh: "请写明词语，例如 `\"建立\"`"
    /// A syntax text: cannot read this condition.
    SyntaxBadCondition {}
        en: "cannot read this condition"
        zh: "无法读取该条件"
    /// A syntax text: condition.
    LabelCondition {}
        en: "condition"
        zh: "条件"
    /// A syntax text: write `applies_if <attr>`, `applies_if not <attr>` or `applies_if <attr> >= <value>`.
    HelpConditionForms {}
        en: "write `applies_if <attr>`, `applies_if not <attr>` or `applies_if <attr> >= <value>`"
        zh: "请写 `applies_if <attr>`、`applies_if not <attr>` 或 `applies_if <attr> >= <value>`"
    /// A syntax text: the unit is given twice.
    SyntaxUnitTwice {}
        en: "the unit is given twice"
        zh: "单位写了两次"
    /// A syntax text: second unit.
    LabelSecondUnit {}
        en: "second unit"
        zh: "第二个单位"
    /// A syntax text: write the unit once, e.g. 30万 人次.
    HelpUnitOnce {}
        en: "write the unit once, e.g. `30万 人次`"
        zh: "单位只写一次，例如 `30万 人次`"
    /// A syntax text: a target has one figure.
    SyntaxOneFigure {}
        en: "a target has one figure"
        zh: "一个指标只有一个数量"
    /// A syntax text: second figure.
    LabelSecondFigure {}
        en: "second figure"
        zh: "第二个数量"
    /// A syntax text: split it into two targets with their own metric ids.
    HelpSplitTarget {}
        en: "split it into two targets with their own metric ids"
        zh: "请拆分为两个指标，各用自己的指标编号"
    /// A syntax text: an empty reason.
    SyntaxEmptyReason {}
        en: "an empty reason"
        zh: "理由为空"
    /// A syntax text: say why the finding does not apply to this plan.
    HelpSayWhy {}
        en: "say why the finding does not apply to this plan"
        zh: "请说明该问题为何不适用于本方案"

    /// A text written without quotes.
    SyntaxTakesQuotedText { keyword: Id }
        en: "{keyword} takes text in quotes"
        zh: "{keyword} 的取值应为带引号的文字"
    /// Label: not quoted.
    LabelNotQuoted {}
        en: "not quoted"
        zh: "没有引号"
    /// Help: the text with ASCII quotes.
    HelpAsciiQuotes { keyword: String, text: String }
        en: "write `{keyword} \"{text}\"` with ASCII quotes"
        zh: "请用半角引号写 `{keyword} \"{text}\"`"
    /// Help: the word in quotes.
    HelpQuoteWord { word: String }
        en: "write `\"{word}\"`"
        zh: "请写 `\"{word}\"`"
    /// A property given twice.
    SyntaxGivenTwice { keyword: Id }
        en: "{keyword} is given twice"
        zh: "{keyword} 写了两次"
    /// Label: the second value.
    LabelSecondValue {}
        en: "second value"
        zh: "第二个取值"
    /// Help: keep one.
    HelpKeepOne {}
        en: "keep one; the last one is used"
        zh: "请只保留一个；现按最后一个读取"
    /// `suppress` naming nothing.
    SyntaxSuppressNothing {}
        en: "`suppress` needs a code or an obligation id"
        zh: "`suppress` 需要问题代码或要求编号"
    /// Label: nothing named.
    LabelNothingNamed {}
        en: "nothing named"
        zh: "没有写明对象"
    /// Help: write the form.
    HelpWriteForm { form: String }
        en: "write `{form}`"
        zh: "请写 `{form}`"

    /// Errors not shown past the cap.
    SyntaxMoreNotShown { count: usize }
        en: "{count} more errors from here on are not shown"
        zh: "此后另有 {count} 个错误未显示"
    /// Label: more errors.
    LabelMoreErrors {}
        en: "more errors"
        zh: "更多错误"
    /// Help: the cap.
    HelpErrorsCap { max: usize }
        en: "at most {max} errors of this kind are shown per file; fix these and run again"
        zh: "每个文件此类错误最多显示 {max} 个；请修正后重新运行"
    /// An unknown severity in a strength lexicon.
    SyntaxUnknownSeverity { word: Id }
        en: "unknown severity {word}"
        zh: "未知的级别 {word}"
    /// Label: not a severity.
    LabelNotASeverity {}
        en: "not a severity"
        zh: "不是级别"
    /// Help: the severities of a lexicon.
    HelpLexiconSeverities {}
        en: "the severities are `error`, `warning` and `info`"
        zh: "级别为 `error`、`warning` 和 `info`"
    /// A percentage out of range.
    SyntaxBadPercentage { value: String }
        en: "a percentage of {value} is impossible"
        zh: "百分比不可能为 {value}"
    /// Label: out of range.
    LabelOutOfRange {}
        en: "out of range"
        zh: "超出范围"
    /// Help: the range of percentages.
    HelpPercentRange {}
        en: "percentages lie between 0% and 100%"
        zh: "百分比应在 0% 与 100% 之间"

    // ── The syntax of the plan language: statements and properties ──────

    /// A second `document` in one file.
    SyntaxSecondDocument { id: Id }
        en: "a second document {id} in one file"
        zh: "同一文件中声明了第二个文件 {id}"
    /// Label: the second document.
    LabelSecondDocument {}
        en: "second document"
        zh: "第二个文件"
    /// Help: one document per file.
    HelpOneDocumentPerFile { first: Id }
        en: "each file holds one document; {first} is declared first; move this one to its own file"
        zh: "每个文件只声明一个文件；{first} 已先声明，请将此文件移到单独的文件中"
    /// A `document` after obligations, items or exemptions.
    SyntaxDocumentTooLate {}
        en: "the document must come before its obligations, items and exemptions"
        zh: "文件声明应写在其要求、事项和不落实说明之前"
    /// Label: declared too late.
    LabelDeclaredTooLate {}
        en: "declared too late"
        zh: "声明过晚"
    /// Help: the document first.
    HelpDocumentFirst {}
        en: "move the `document` block to the top of the file"
        zh: "请将 `document` 代码块移到文件开头"
    /// A deadline before the document's issue.
    SyntaxDeadlineBeforeIssue { deadline: String, issued: String }
        en: "a deadline of {deadline} comes before the document was issued on {issued}"
        zh: "期限 {deadline} 年早于文件印发日期 {issued}"
    /// Label: past when issued.
    LabelPastWhenIssued {}
        en: "already past when issued"
        zh: "印发时已过期"
    /// Help: check the year.
    HelpCheckDeadlineYear {}
        en: "check the year: a document sets deadlines in its own future"
        zh: "请核对年份：文件所定期限应晚于其印发日期"
    /// A construct before any `document`.
    SyntaxNoDocument { what: String, keyword: Id }
        en: "this {what} belongs to no document"
        zh: "此 {keyword} 不属于任何文件"
    /// Label: no `document` above.
    LabelNoDocumentAbove {}
        en: "no `document` above it"
        zh: "其上没有 `document`"
    /// Help: start with a `document` block.
    HelpStartWithDocument {}
        en: "start the file with a `document <id> {{ … }}` block"
        zh: "请在文件开头写 `document <id> {{ … }}` 代码块"
    /// An unknown keyword, with where it stands.
    SyntaxUnknownKeyword { keyword: Id, place: Box<Msg> }
        en: "unknown keyword {keyword} {place}"
        zh: "{place}有未知的关键字 {keyword}"
    /// Place: the top of a file.
    PlaceTopLevel {}
        en: "at the top level"
        zh: "文件顶层"
    /// Place: a `jurisdiction` block.
    PlaceJurisdiction {}
        en: "in a jurisdiction"
        zh: "`jurisdiction` 代码块中"
    /// Place: a `document` block.
    PlaceDocument {}
        en: "in a document"
        zh: "`document` 代码块中"
    /// Place: an `obligation` block.
    PlaceObligation {}
        en: "in an obligation"
        zh: "`obligation` 代码块中"
    /// Place: a `strength` block.
    PlaceStrength {}
        en: "in a strength lexicon"
        zh: "`strength` 代码块中"
    /// Place: a `target` block.
    PlaceTarget {}
        en: "in a target"
        zh: "`target` 代码块中"
    /// Place: an `item` block.
    PlaceItem {}
        en: "in an item"
        zh: "`item` 代码块中"
    /// Place: an `exempt` block.
    PlaceExempt {}
        en: "in an exemption"
        zh: "`exempt` 代码块中"
    /// Place: a `suppress` block.
    PlaceSuppress {}
        en: "in a suppression"
        zh: "`suppress` 代码块中"
    /// Place: an `observe` block.
    PlaceObserve {}
        en: "in an observation"
        zh: "`observe` 代码块中"
    /// Label: an unknown keyword.
    LabelUnknownKeyword {}
        en: "unknown keyword"
        zh: "未知的关键字"
    /// Help: the keywords allowed here.
    HelpExpectedOneOf { keywords: Ids }
        en: "expected one of: {keywords}"
        zh: "此处应为以下之一：{keywords}"
    /// A statement of one argument given another number.
    SyntaxTakesOneArgument { keyword: Id }
        en: "{keyword} takes one argument"
        zh: "{keyword} 需要一个参数"
    /// A statement of a fixed number of arguments given another.
    SyntaxTakesArguments { keyword: Id, n: usize }
        en: "{keyword} takes {n} arguments"
        zh: "{keyword} 需要 {n} 个参数"
    /// A statement of at least one argument given none.
    SyntaxTakesAtLeastOneArgument { keyword: Id }
        en: "{keyword} takes at least 1 argument"
        zh: "{keyword} 至少需要 1 个参数"
    /// A statement of at least some arguments given fewer.
    SyntaxTakesAtLeastArguments { keyword: Id, n: usize }
        en: "{keyword} takes at least {n} arguments"
        zh: "{keyword} 至少需要 {n} 个参数"
    /// A statement of a range of arguments given another number.
    SyntaxTakesArgumentsBetween { keyword: Id, min: usize, max: usize }
        en: "{keyword} takes {min} to {max} arguments"
        zh: "{keyword} 需要 {min} 至 {max} 个参数"
    /// Label: the number of arguments given.
    LabelGiven { n: usize }
        en: "{n} given"
        zh: "给出了 {n} 个"
    /// An unknown rank of a jurisdiction.
    SyntaxUnknownRank { rank: Id }
        en: "unknown rank {rank}"
        zh: "未知的层级 {rank}"
    /// Label: not a rank.
    LabelNotARank {}
        en: "not a rank"
        zh: "不是层级"
    /// Help: the ranks.
    HelpRanks {}
        en: "the ranks are `national`, `province`, `prefecture` and `county`"
        zh: "层级为 `national`、`province`、`prefecture` 和 `county`"
    /// A population that is not a whole number.
    SyntaxPopulationNotWhole {}
        en: "population must be a whole number"
        zh: "人口应为整数"
    /// A required property that is absent.
    SyntaxMissingProperty { keyword: Id, property: Id }
        en: "{keyword} has no {property}"
        zh: "{keyword} 缺少 {property}"
    /// Label: the property missing.
    LabelPropertyMissing { property: Id }
        en: "{property} missing"
        zh: "缺少 {property}"
    /// Help: add the property.
    HelpAddInsideBlock { example: String }
        en: "add `{example}` inside the block"
        zh: "请在代码块内加上 `{example}`"
    /// A document issued after its period ended.
    SyntaxIssuedAfterPeriod { year: String, period: String }
        en: "issued in {year} after its period {period} ended"
        zh: "印发于 {year} 年，晚于期限 {period} 的结束"
    /// Label: the issue date.
    LabelIssueDate {}
        en: "issue date"
        zh: "印发日期"
    /// Help: check the dates.
    HelpCheckIssueAndPeriod {}
        en: "check the date of issue and the period of validity"
        zh: "请核对印发日期和有效期限"
    /// A word declared twice in a strength lexicon.
    SyntaxLexiconWordTwice { word: Quote }
        en: "{word} is declared twice in the lexicon"
        zh: "{word} 在词表中声明了两次"
    /// Label: a lexicon word declared again.
    LabelWordDeclaredAgain {}
        en: "declared again"
        zh: "再次声明"
    /// Help: one place per word.
    HelpOnePlaceOneRank {}
        en: "give each word one place and one rank"
        zh: "每个词只能有一处位置和一个等级"
    /// A word that is not a rank where one was expected.
    SyntaxNotARank { word: Id }
        en: "{word} is not a rank"
        zh: "{word} 不是层级"
    /// A strength rank that is not 0 to 9.
    SyntaxNotAStrengthRank { word: Id }
        en: "{word} is not a rank"
        zh: "{word} 不是等级"
    /// Label: not a strength rank.
    LabelNotAStrengthRank {}
        en: "not a rank"
        zh: "不是等级"
    /// Help: the strength ranks.
    HelpStrengthRank { keyword: String }
        en: "a rank is a whole number from 0 to 9, the higher the stronger: `{keyword} 2 \"…\"`"
        zh: "等级为 0 至 9 的整数，越大越强：`{keyword} 2 \"…\"`"
    /// A lexicon word not in quotes.
    SyntaxTakesQuotedWords { keyword: Id }
        en: "{keyword} takes words in quotes"
        zh: "{keyword} 的词语应加引号"
    /// Help: the ranks a `binds` takes.
    HelpBindsRanks {}
        en: "write ranks (`province`, `prefecture`, `county`) or `issuer` alone"
        zh: "请写层级（`province`、`prefecture`、`county`），或只写 `issuer`"
    /// A magnitude written apart from its number.
    SyntaxMagnitudeApart { magnitude: Id }
        en: "{magnitude} is cut off from its number"
        zh: "{magnitude} 与其数字分开了"
    /// Label: number and magnitude apart.
    LabelMagnitudeApart {}
        en: "number and magnitude apart"
        zh: "数字与数量级分开"
    /// Help: join them.
    HelpWithoutSpace { joined: String }
        en: "write `{joined}` without a space"
        zh: "请写 `{joined}`，中间不留空格"
    /// An empty responsible unit; `term` is 责任单位, the documents' own
    /// word, an argument so that the English template holds no Chinese.
    SyntaxEmptyUnit { term: String }
        en: "an empty {term}"
        zh: "{term}为空"
    /// Help: name the unit.
    HelpNameTheUnit {}
        en: "write the unit's name between the quotes, or leave the empty quotes out"
        zh: "请在引号内写单位名称，或删去空引号"
    /// An unknown kind of obligation.
    ValueUnknownKind { word: Id }
        en: "unknown kind {word}"
        zh: "未知的类型 {word}"
    /// Help: the kinds.
    HelpKinds {}
        en: "the kinds are `action`, `target`, `quantity`, `mechanism` and `principle`"
        zh: "类型为 `action`、`target`、`quantity`、`mechanism` 和 `principle`"
    /// A `per` that is not `per year`.
    ValueNotPerYear { phrase: Id }
        en: "{phrase} is not a period"
        zh: "{phrase} 不是计量周期"
    /// Help: `per year`.
    HelpPerYear {}
        en: "write `per year`, or nothing for a total"
        zh: "请写 `per year`；如为总量则不写"
    /// An unknown way of passing a target down.
    ValueUnknownPasses { word: Id }
        en: "unknown way of passing down {word}"
        zh: "未知的下达方式 {word}"
    /// Help: the ways of passing down.
    HelpPasses {}
        en: "write `passes floor`, `passes share` or `passes none`"
        zh: "请写 `passes floor`、`passes share` 或 `passes none`"

    // ── Refusals of `owed` and `import` ─────────────────────────────────

    /// `owed` refused, with what to do.
    OwedRefused { message: Box<Msg>, help: Box<Msg> }
        en: "error: {message}\n  help: {help}"
        zh: "错误：{message}\n  建议：{help}"
    /// A jurisdiction named that is not declared.
    UnknownJurisdictionGiven { given: Id }
        en: "unknown jurisdiction {given}"
        zh: "未知的地区 {given}"
    /// A document named that is not declared.
    UnknownDocumentGiven { given: Id }
        en: "unknown document {given}"
        zh: "未知的文件 {given}"
    /// A file named to `owed` that declares no plan.
    OwedNoPlan { file: Id }
        en: "{file} declares no plan (a `document` with `carries_out`)"
        zh: "{file} 没有声明方案（带 `carries_out` 的 `document`）"
    /// A jurisdiction no document binds.
    OwedNothingBinds { jurisdiction: Id }
        en: "no document binds {jurisdiction}"
        zh: "没有约束 {jurisdiction} 的文件"
    /// Help: a close id and its name.
    HelpDidYouMeanNamed { suggestion: Id, name: String }
        en: "did you mean {suggestion} ({name})?"
        zh: "是否要写 {suggestion}（{name}）？"
    /// Help: how to name a jurisdiction.
    HelpNameJurisdiction {}
        en: "name a jurisdiction of `rules/` by its id or its Chinese name"
        zh: "请用编号或中文名称指明 `rules/` 中的地区"
    /// Help: how to name a document.
    HelpNameDocument {}
        en: "name a document of `rules/` by its id"
        zh: "请用编号指明 `rules/` 中的文件"
    /// Help: name a plan or a jurisdiction.
    HelpNamePlanFile {}
        en: "name a plan file, or a jurisdiction with `--carries-out`"
        zh: "请指明方案文件，或指明地区并加上 `--carries-out`"
    /// Help: name the documents carried out.
    HelpNameCarriedOut {}
        en: "name the documents it carries out with `--carries-out`"
        zh: "请用 `--carries-out` 指明其落实的文件"
    /// A document to import with no text.
    ImportEmpty {}
        en: "the document has no text"
        zh: "该文件没有正文"
    /// Help: import a document with text.
    HelpImportText {}
        en: "import a document that has text: a .txt, .docx or .html file"
        zh: "请导入有正文的文件：`.txt`、`.docx` 或 `.html` 文件"

    // ── Decoding a file ─────────────────────────────────────────────────

    /// Bytes that do not decode, with what to do.
    DecodeFailed { reason: Box<Msg>, help: Box<Msg> }
        en: "{reason}; {help}"
        zh: "{reason}；{help}"
    /// Bytes not valid in the encoding read.
    DecodeMalformed { encoding: String, offset: usize }
        en: "not valid {encoding} at byte {offset}"
        zh: "第 {offset} 字节处不是有效的 {encoding}"
    /// Bytes not valid in the encoding read, with the encoding they look like.
    DecodeMalformedLooksLike { encoding: String, offset: usize, guess: String }
        en: "not valid {encoding} at byte {offset} (it looks like {guess})"
        zh: "第 {offset} 字节处不是有效的 {encoding}（看似 {guess}）"
    /// A NUL byte in a file.
    DecodeNulByte { offset: usize }
        en: "a NUL byte at byte {offset}: this looks like a binary file or UTF-16 without a byte order mark"
        zh: "第 {offset} 字节处有 `NUL` 字节：该文件像是二进制文件，或是没有字节顺序标记的 `UTF-16` 文件"
    /// Help: save the file as UTF-8.
    HelpSaveAsUtf8 {}
        en: "save the file as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
        zh: "请将文件另存为 `UTF-8` 编码（记事本中：另存为，编码选 `UTF-8`）"

    // ── Reading a baseline ──────────────────────────────────────────────

    /// A baseline file that is not JSON of a baseline, in the JSON reader's words.
    BaselineNotABaseline { reason: String }
        en: "not a planlint baseline: {reason}"
        zh: "不是基线文件：{reason}"
    /// A baseline of another version.
    BaselineVersion { version: String, supported: String }
        en: "baseline version {version} is not supported (this planlint writes version {supported})"
        zh: "不支持第 {version} 版基线（本工具写出的是第 {supported} 版）"

    // ── Reading a `.docx` ───────────────────────────────────────────────

    /// Bytes that are not a zip package, in the zip reader's words.
    DocxNotZip { reason: String }
        en: "not a .docx (not a zip package: {reason})"
        zh: "不是 `.docx` 文件（不是 `zip` 压缩包：{reason}）"
    /// A package without `word/document.xml`.
    DocxNoDocument {}
        en: "not a Word document (no `word/document.xml`)"
        zh: "不是 `Word` 文档（缺少 `word/document.xml`）"
    /// A part of the package too large once inflated.
    DocxTooLarge { part: Id, mb: usize }
        en: "{part} inflates to more than {mb} MB"
        zh: "{part} 解压后超过 {mb} 兆字节"
    /// A package of too many entries.
    DocxTooManyEntries { count: usize }
        en: "the package lists {count} entries"
        zh: "压缩包列有 {count} 个条目"
    /// A part that is not well-formed XML, in the XML reader's words.
    DocxBadXml { part: Id, message: String }
        en: "{part} is not well-formed XML: {message}"
        zh: "{part} 不是格式正确的 `XML`：{message}"

    // ── Drawing the graph ───────────────────────────────────────────────

    /// The layout of the graph failed.
    LayoutFailed {}
        en: "the graph could not be laid out"
        zh: "无法为该图排版"
    /// A graph of too many boxes to draw.
    LayoutTooLarge { boxes: usize, max: usize }
        en: "the graph has {boxes} boxes, more than the {max} that are drawn"
        zh: "该图有 {boxes} 个框，超过可绘制的 {max} 个"

    // ── Values: numbers, dates, periods, citations, ids ─────────────────

    /// A negative figure.
    ValueNegative { word: Id }
        en: "a negative figure {word}"
        zh: "数值 {word} 为负数"
    /// Help: figures are never negative.
    HelpNoNegative {}
        en: "figures are amounts and shares, never negative; to cap a figure, write `at_most`"
        zh: "数值是数量或比例，不能为负数；如要设上限，请写 `at_most`"
    /// A word that is not a number where one was expected.
    ValueExpectedNumber { word: Id }
        en: "expected a number, found {word}"
        zh: "此处应为数字，实为 {word}"
    /// Help: how to write a number.
    HelpWriteDigits {}
        en: "write digits, e.g. `30万`, `28%` or `8000 个`"
        zh: "请写数字，如 `30万`、`28%` 或 `8000 个`"
    /// A number with thousands separators.
    ValueThousandsSeparators { word: Id }
        en: "thousands separators are not read: {word}"
        zh: "不识别千位分隔符：{word}"
    /// Help: the number without separators.
    HelpNoSeparators { joined: Id }
        en: "write the number without separators: {joined} (or with a magnitude, e.g. `1万`)"
        zh: "请去掉分隔符，写作 {joined}（或使用数量级，如 `1万`）"
    /// A number in scientific notation.
    ValueScientific { word: Id }
        en: "scientific notation is not read: {word}"
        zh: "不识别科学记数法：{word}"
    /// Help: the number in full, or with a magnitude. `wan` and `yi` are
    /// the magnitudes 万 and 亿, arguments so that the English template
    /// holds no Chinese of its own.
    HelpNumberInFull { full: Id, wan: String, yi: String }
        en: "write the number in full: {full}, or with a magnitude such as {wan} or {yi} (`30万` for 3e5)"
        zh: "请写出完整数值 {full}，或使用{wan}、{yi}等数量级（`3e5` 写作 `30万`）"
    /// Help: the number with a magnitude (too long to write in full); `wan`
    /// and `yi` as above.
    HelpNumberWithMagnitude { wan: String, yi: String }
        en: "write the number in full: with a magnitude such as {wan} or {yi} (`30万` for 3e5)"
        zh: "请使用{wan}、{yi}等数量级写出完整数值（`3e5` 写作 `30万`）"
    /// A Chinese full stop or middle dot used as a decimal point.
    ValueChineseDecimalPoint { word: Id }
        en: "{word} has a Chinese full stop or a middle dot as its decimal point"
        zh: "{word} 以中文句号或间隔号作小数点"
    /// Help: the decimal point.
    HelpDecimalPoint {}
        en: "write the decimal point as `.`, e.g. `27.68%`"
        zh: "小数点请写作 `.`，如 `27.68%`"
    /// A word that does not read as a number.
    ValueNotANumber { word: Id }
        en: "{word} is not a number"
        zh: "{word} 不是数字"
    /// A figure over 10^15.
    ValueTooLarge { word: Id }
        en: "{word} is too large"
        zh: "{word} 过大"
    /// Help: the largest figure read.
    HelpFigureLimit {}
        en: "figures up to 10^15 are read"
        zh: "可读取的数值最大为 10^15"
    /// A year outside 1900–2200.
    ValueImpossibleYear { word: Id }
        en: "impossible year {word}"
        zh: "{word} 不是有效年份"
    /// Help: the years read.
    HelpYearRange {}
        en: "years from 1900 to 2200 are read"
        zh: "可读取的年份为 1900 年至 2200 年"
    /// A word that is not a year where one was expected.
    ValueExpectedYear { word: Id }
        en: "expected a year, found {word}"
        zh: "此处应为年份，实为 {word}"
    /// Help: how to write a year.
    HelpFourDigits {}
        en: "write four digits, e.g. `2025`"
        zh: "请写四位数字，如 `2025`"
    /// A date whose year is outside 1900–2200.
    ValueImpossibleYearInDate { year: String, word: Id }
        en: "impossible year {year} in the date {word}"
        zh: "日期 {word} 中的年份 {year} 无效"
    /// Help: the years read in a date.
    HelpDateYears {}
        en: "planlint reads years 1900 to 2200; write the date the document gives"
        zh: "可读取的年份为 1900 年至 2200 年；请写文件所载的日期"
    /// A date that does not exist.
    ValueImpossibleDate { word: Id }
        en: "impossible date {word}"
        zh: "{word} 不是有效日期"
    /// Help: a real date.
    HelpRealDate {}
        en: "write a real date as YYYY-MM-DD"
        zh: "请按 `YYYY-MM-DD` 写出真实的日期"
    /// A word that is not a date where one was expected.
    ValueExpectedDate { word: Id }
        en: "expected a date, found {word}"
        zh: "此处应为日期，实为 {word}"
    /// Help: how to write a date.
    HelpDateForm {}
        en: "write YYYY-MM-DD, e.g. `2022-03-11`"
        zh: "请写作 `YYYY-MM-DD`，如 `2022-03-11`"
    /// A period that ends before it starts.
    ValuePeriodBackwards { word: Id }
        en: "period {word} ends before it starts"
        zh: "期限 {word} 的终止年份早于起始年份"
    /// A word that is not a period where one was expected.
    ValueExpectedPeriod { word: Id }
        en: "expected a period, found {word}"
        zh: "此处应为期限，实为 {word}"
    /// Help: how to write a period.
    HelpPeriodForm {}
        en: "write `2021-2035`, or `2024` for an annual document"
        zh: "请写 `2021-2035`；年度文件写 `2024`"
    /// A word that is not a citation where one was expected.
    ValueExpectedCitation { word: Id }
        en: "expected a source citation, found {word}"
        zh: "此处应为原文编号，实为 {word}"
    /// Help: how to cite.
    HelpCitationForm {}
        en: "cite the original headings as a dotted path: `3.1.3`, `3.3.1/2` for a clause, `5.3¶4` for a paragraph"
        zh: "请按原文标题写点分编号：`3.1.3`；某一句写 `3.3.1/2`；某一段写 `5.3¶4`"
    /// A word that is not an id.
    ValueNotAnId { word: Id }
        en: "{word} is not an id"
        zh: "{word} 不是编号"
    /// Help: the id in ASCII.
    HelpIdInAscii { normal: Id }
        en: "write the id in ASCII: {normal}"
        zh: "请用半角字符写编号：{normal}"
    /// Help: an id without parentheses.
    HelpIdNoParentheses { dotted: Id }
        en: "an id has no parentheses: write {dotted}"
        zh: "编号中不用括号：请写 {dotted}"
    /// Help: an id without parentheses, in general.
    HelpIdNoParenthesesAtAll {}
        en: "an id has no parentheses: write the numbering with `.` or `/`, e.g. `bj.3.1.2`"
        zh: "编号中不用括号：请用 `.` 或 `/` 分隔序号，如 `bj.3.1.2`"
    /// Help: the characters of an id.
    HelpIdCharacters {}
        en: "ids are ASCII letters, digits, `_`, `-`, `.` and `/`, starting with a letter, e.g. `bj.3.3.1/2`"
        zh: "编号由半角字母、数字和 `_`、`-`、`.`、`/` 组成，以字母开头，如 `bj.3.3.1/2`"
    /// A word that is not `yes` or `no`.
    ValueExpectedYesNo { word: Id }
        en: "expected `yes` or `no`, found {word}"
        zh: "此处应为 `yes` 或 `no`，实为 {word}"

    // ── tables: the exports (xlsx, csv) and the Markdown comment ────────

    /// A higher requirement in an export: its document, own numbering and title.
    TablesRequirement { document: String, requirement: Numbered, title: Quote }
        en: "《{document}》 {requirement} {title}"
        zh: "《{document}》{requirement}{title}"
    /// A plan's item in an export or the Markdown 对照表: its own numbering and title.
    TablesItem { item: Numbered, title: Quote }
        en: "item {item} {title}"
        zh: "{item}{title}"
    /// The heading of the exports' column of 责任单位.
    TablesUnits {}
        en: "Responsible units"
        zh: "责任单位"
    /// The heading of the summary sheet's column that names a plan's sheet.
    TablesSheet {}
        en: "Sheet"
        zh: "工作表"
    /// The name of the one sheet of every plan's rows, in a paged report's workbook.
    TablesComparisonSheet {}
        en: "Comparison"
        zh: "对照表"
    /// The Markdown comment in its short form, under the limit of a
    /// comment on `site` (GitHub); `command` writes the HTML report.
    TablesShortComment { site: String, limit: usize, command: String }
        en: "the full report is longer than a {site} comment ({limit} characters): this comment lists the summary and the rows with a problem; the coverage matrix, the national view, the targets and every row of the comparison table are in the HTML report ({command})"
        zh: "完整报告超出 {site} 评论的长度上限（{limit} 字符），本评论只列出概况和有问题的行；落实矩阵、国家层面、指标与完整对照表见网页报告（{command}）"
    /// The Markdown comment cut at the limit of a comment on `site`.
    TablesCut { site: String, lines: usize, command: String }
        en: "the comment stops here, at {site}'s length limit: {lines} more lines are in the HTML report ({command})"
        zh: "评论在此截断（{site} 长度上限），其余 {lines} 行见网页报告（{command}）"

    // ── memo2: the memo's words for figures and texts; the page's words ──

    /// 差异 of a memo: an item promises less than the share owed.
    MemoUndercut { plan: String, item: Numbered, actual: Figure, expected: Figure }
        en: "item {item} of the plan of {plan} promises {actual}, less than the {expected} owed"
        zh: "{plan}方案{item}承诺 {actual}，低于应承担的 {expected}"
    /// 差异 of a memo: an item promises more than a ceiling allows.
    MemoAboveCeiling { plan: String, item: Numbered, actual: Figure, expected: Figure }
        en: "item {item} of the plan of {plan} allows {actual}, more than the ceiling of {expected}"
        zh: "{plan}方案{item}定为 {actual}，高于上限 {expected}"
    /// 差异 of a memo: an item sets a later deadline than asked.
    MemoLater { plan: String, item: Numbered, actual: String, expected: String }
        en: "item {item} of the plan of {plan} sets {actual} as its deadline, later than {expected}"
        zh: "{plan}方案{item}的完成时间为 {actual} 年，晚于上级要求的 {expected} 年"
    /// 差异 of a memo: an item's text and its figure disagree.
    MemoTextFigure { plan: String, item: Numbered, quoted: Quote }
        en: "the figure of item {item} of the plan of {plan} differs from its text {quoted}"
        zh: "{plan}方案{item}所列指标与其文字{quoted}不一致"
    /// 差异 of a memo: an item's figure is not in its text.
    MemoFigureNotInText { plan: String, item: Numbered }
        en: "the text of item {item} of the plan of {plan} does not state the figure it promises"
        zh: "{plan}方案{item}的文字未写明所列指标"
    /// 建议 of a memo: raise a figure.
    MemoSuggestRaise { expected: Figure }
        en: "raise it to at least {expected}, or state why not"
        zh: "建议提高到不低于 {expected}，或说明理由"
    /// 建议 of a memo: lower a figure under its ceiling.
    MemoSuggestLower { expected: Figure }
        en: "lower it to at most {expected}"
        zh: "建议降低到不高于 {expected}"
    /// 建议 of a memo: bring a deadline forward.
    MemoSuggestEarlier { expected: String }
        en: "bring the deadline forward to {expected}, or state why not"
        zh: "建议将完成时间提前到 {expected} 年，或说明理由"
    /// 建议 of a memo: make the text and the figure agree.
    MemoSuggestAlign {}
        en: "make the text and the figure agree"
        zh: "建议核对文字与指标，使二者一致"

    /// The 责任单位 of a plan's item, after its text.
    ReportUnits { units: String }
        en: "responsible: {units}"
        zh: "责任单位：{units}"
    /// How a share of a higher figure is worked out: the total times the population share.
    ReportShareRule { total: String, jurisdiction: String, share: String }
        en: "≈ {total} × {share}, the share of {jurisdiction} in the population"
        zh: "≈ {total} × {jurisdiction}常住人口占比 {share}"
    /// Filter of the 对照表: by verdict.
    ReportFilterVerdict {}
        en: "verdict"
        zh: "结论"
    /// Filter of the 对照表: the rows with a difference.
    ReportFilterProblems {}
        en: "rows with a difference"
        zh: "有差异的条目"
    /// Filter of the 对照表: every row.
    ReportFilterAll {}
        en: "all"
        zh: "全部"
    /// Filter of the 对照表: by chapter of the higher document.
    ReportFilterChapter {}
        en: "chapter"
        zh: "章节"
    /// Filter of the 对照表: by 责任单位.
    ReportFilterUnit {}
        en: "responsible unit"
        zh: "责任单位"
    /// Filter of the 对照表: search the rows' text.
    ReportFilterSearch {}
        en: "search"
        zh: "搜索"
    /// Filter of the 对照表: how many rows show; click a heading to sort.
    ReportFilterShown {}
        en: "rows shown (click a column heading to sort)"
        zh: "条显示（点击表头排序）"

    /// How a target passes down: every lower plan owes the figure itself.
    ReportPassesFloor {}
        en: "each lower plan at least this"
        zh: "各下级方案均不低于此"
    /// How a target passes down: shared among the lower plans by population.
    ReportPassesShare {}
        en: "shared by population"
        zh: "按常住人口分摊"
    /// How a target passes down: not at all.
    ReportPassesNone {}
        en: "not passed down"
        zh: "不向下分解"

    /// The note under the HTML 对照表's heading: every row, the filter's default view.
    ReportComparisonNote {}
        en: "every requirement of every plan; the rows with a difference show first (the filter bar shows the others); the table also exports to a spreadsheet (`planlint report --format xlsx` or `--format csv`)"
        zh: "列出各方案的全部上级要求，默认只显示有差异的条目（可在筛选栏中显示其余条目）；对照表也可导出为电子表格（`planlint report --format xlsx` 或 `--format csv`）。"
    // ── zh2: the words miette would say, explain pages, server, owed, import ──

    /// Before a finding's help in the graphical report (miette's `help:`).
    MietteHelp {}
        en: "help: "
        zh: "建议："
    /// Before the obligation in the rules under a finding in the graphical
    /// report (miette's `Advice:`).
    MietteRelated {}
        en: "Advice: "
        zh: "说明："

    /// The head of the editor's hover on an obligation.
    HoverObligation { id: Id, citation: Numbered, title: Quote, document: Id }
        en: "**{id}** {citation} {title} ({document})"
        zh: "**{id}** {citation}{title}（{document}）"
    /// The elements an obligation names, in the hover.
    HoverElements { elements: Names }
        en: "elements: {elements}"
        zh: "点名的内容：{elements}"
    /// A target of an obligation with a figure, in the hover.
    HoverTargetFigure { metric: Id, amount: Amount }
        en: "target {metric}: {amount}"
        zh: "指标 {metric}：{amount}"
    /// A target with a figure and a deadline.
    HoverTargetFigureBy { metric: Id, amount: Amount, year: String }
        en: "target {metric}: {amount} by {year}"
        zh: "指标 {metric}：{year} 年前{amount}"
    /// A qualitative target.
    HoverTargetText { metric: Id, text: Quote }
        en: "target {metric}: {text}"
        zh: "指标 {metric}：{text}"
    /// A qualitative target with a deadline.
    HoverTargetTextBy { metric: Id, text: Quote, year: String }
        en: "target {metric}: {text} by {year}"
        zh: "指标 {metric}：{year} 年前{text}"
    /// A target with a deadline only.
    HoverTargetBy { metric: Id, year: String }
        en: "target {metric}: by {year}"
        zh: "指标 {metric}：{year} 年前完成"
    /// A target that states nothing but its metric.
    HoverTargetBare { metric: Id }
        en: "target {metric}"
        zh: "指标 {metric}"
    /// What the plan of the hovered file owes of a target.
    HoverOwes { plan: Id, amount: Amount }
        en: "{plan} owes {amount}"
        zh: "{plan} 应承担{amount}"
    /// What the plan owes, a share by population.
    HoverOwesShare { plan: Id, amount: Amount, total: String, population: String, among: String }
        en: "{plan} owes {amount} (its share by population: ⌈{total} × {population} / {among}⌉)"
        zh: "{plan} 应承担{amount}（按常住人口分摊：⌈{total} × {population} / {among}⌉）"
    /// Nothing of the target passes down to the plan.
    HoverOwesNothing { plan: Id }
        en: "{plan} owes no figure"
        zh: "{plan} 不承担数量"
    /// The plan's share cannot be worked out.
    HoverOwesUnapportionable { plan: Id, missing: Box<Msg> }
        en: "{plan}'s share cannot be worked out: {missing}"
        zh: "无法计算 {plan} 应承担的份额：{missing}"
    /// How the obligation stands for the plan.
    HoverStanding { plan: Id, standing: Standing }
        en: "for {plan}: {standing}"
        zh: "对于 {plan}：{standing}"
    /// How the obligation stands, and what implements it.
    HoverStandingBy { plan: Id, standing: Standing, by: Ids }
        en: "for {plan}: {standing} by {by}"
        zh: "对于 {plan}：{standing}，由 {by} 落实"
    /// The head of the hover on an item.
    HoverItem { id: Id, citation: Numbered, title: Quote }
        en: "**{id}** {citation} {title}"
        zh: "**{id}** {citation}{title}"
    /// An item that implements no obligation.
    HoverImplementsNothing {}
        en: "implements nothing"
        zh: "未落实任何上位要求"
    /// How an obligation the item implements stands.
    HoverItemStanding { standing: Standing }
        en: "{standing}"
        zh: "{standing}"
    /// How it stands, with other provisions implementing it too.
    HoverItemStandingWithOthers { standing: Standing, others: usize }
        en: "{standing} (with {others} other provision(s))"
        zh: "{standing}（另有 {others} 处条款落实）"
    /// No finding about the obligation for the item's plan.
    HoverNoFinding {}
        en: "no finding"
        zh: "没有问题"
    /// A finding about the obligation for the item's plan.
    HoverFinding { code: Id, message: String }
        en: "{code}: {message}"
        zh: "{code}：{message}"
    /// The detail of an obligation offered for completion.
    CompletionObligation { citation: Numbered, title: Quote }
        en: "{citation} {title}"
        zh: "{citation}{title}"
    /// The detail of a symbol of the editor's outline.
    SymbolDetail { citation: Numbered, title: String }
        en: "{citation} {title}"
        zh: "{citation} {title}"
    /// The quick fix for full-width punctuation.
    FixFullWidth { written: Id, ascii: Id }
        en: "replace the full-width {written} with {ascii}"
        zh: "将全角的 {written} 改为 {ascii}"

    /// Not owed: the obligation binds only its issuer.
    NotOwedIssuer {}
        en: "binds only the issuing jurisdiction"
        zh: "仅约束发文地区本级"
    /// Not owed: the obligation binds other ranks.
    NotOwedRanks { ranks: Ranks }
        en: "binds {ranks}"
        zh: "约束{ranks}"
    /// Not owed: another rank or another year.
    NotOwedOther {}
        en: "binds another rank or another year"
        zh: "约束其他级别或其他年度"
    /// Not owed: the obligation's condition fails for the jurisdiction.
    NotOwedCondition { condition: Id, name: String }
        en: "{condition} is false for {name}"
        zh: "{name}不满足 {condition}"
    /// Not owed, for no condition found.
    NotOwedNoApply {}
        en: "does not apply"
        zh: "不适用"
    /// The head of `owed`: what a jurisdiction owes.
    OwedHead { jurisdiction: Id, owed: usize, documents: usize, not_owed: usize }
        en: "{jurisdiction} owes {owed} obligations of {documents} document(s); {not_owed} are not owed"
        zh: "{jurisdiction} 应落实 {documents} 个文件的 {owed} 项要求；另有 {not_owed} 项无需落实"
    /// The head of `owed` for a jurisdiction with a name.
    OwedHeadNamed { jurisdiction: Id, name: String, owed: usize, documents: usize, not_owed: usize }
        en: "{jurisdiction} ({name}) owes {owed} obligations of {documents} document(s); {not_owed} are not owed"
        zh: "{name}（{jurisdiction}）应落实 {documents} 个文件的 {owed} 项要求；另有 {not_owed} 项无需落实"
    /// A document carried out, in `owed`.
    OwedCarriesOut { document: Id, title: String }
        en: "carries out {document} {title}"
        zh: "落实 {document}《{title}》"
    /// A document carried out, with its number.
    OwedCarriesOutNumbered { document: Id, title: String, number: String }
        en: "carries out {document} {title} {number}"
        zh: "落实 {document}《{title}》（{number}）"
    /// The heading of the obligations owed to a document.
    OwedTo { document: Id }
        en: "owed to {document}:"
        zh: "应落实 {document} 的要求："
    /// An owed obligation, with the severity of its omission.
    OwedEntry { citation: Numbered, id: Id, title: String, severity: Severity }
        en: "{citation} {id} {title} [{severity}]"
        zh: "{citation}「{title}」（{id}）〔未落实为{severity}〕"
    /// An owed obligation of a document issued after the plan.
    OwedEntryAdvisory { citation: Numbered, id: Id, title: String, severity: Severity }
        en: "{citation} {id} {title} [{severity}, advisory]"
        zh: "{citation}「{title}」（{id}）〔未落实为{severity}，仅供参考〕"
    /// A figure owed.
    OwedOwes { figure: OwedFigure }
        en: "owes: {figure}"
        zh: "应承担：{figure}"
    /// The heading of what is not owed.
    OwedNotOwedHeading {}
        en: "not owed:"
        zh: "无需落实："
    /// An obligation not owed, and why.
    OwedNotOwed { citation: Numbered, id: Id, title: String, why: Box<Msg> }
        en: "{citation} {id} {title}: {why}"
        zh: "{citation}「{title}」（{id}）：{why}"
    /// The first line of a starter plan.
    StarterHead { name: String, id: Id }
        en: "# Starter plan for {name} ({id}), written by `planlint owed --format plan`."
        zh: "# {name}（{id}）方案初稿，由 `planlint owed --format plan` 生成。"
    /// How to use a starter plan (a comment of four lines).
    StarterHowTo {}
        en: "# Each owed obligation below is a commented-out item: write the plan's own\n# text, its 「责任单位」 and its figures, then remove the `# ` before its lines.\n# Until then nothing here carries anything out, and `planlint check`\n# reports every obligation as open."
        zh: "# 下面每项应落实的要求都是一个注释掉的条目：请写出本方案自己的文字、\n# 责任单位和数量，再删去各行前的 `# `。\n# 在此之前，这里的内容不落实任何要求，`planlint check`\n# 会把每项要求都报告为未落实。"
    /// The comment on a starter plan's `issuer`.
    StarterIssuer {}
        en: "who issues it, e.g. the district government's office"
        zh: "发文机关，如区政府办公室"
    /// The comment on a starter plan's `number`.
    StarterNumber {}
        en: "its 「文号」"
        zh: "文号"
    /// The comment on a starter plan's `issued`.
    StarterIssued {}
        en: "the draft's date: write the date of issue"
        zh: "初稿的日期：请改为印发日期"
    /// The comment on a starter item's `source`.
    StarterSource {}
        en: "its numbering in your plan: 「二、(一)1」 is 2.1.1"
        zh: "在本方案中的编号：二、(一)1 写作 2.1.1"
    /// The comment on a starter item's `units`, when they are required.
    StarterUnitsRequired {}
        en: "「责任单位」, one quoted name each (required)"
        zh: "责任单位，每个名称加引号（必填）"
    /// The comment on a starter item's `units`, when they may be left out.
    StarterUnitsIfAny {}
        en: "「责任单位」, one quoted name each (if any)"
        zh: "责任单位，每个名称加引号（如有）"
    /// The comment on a starter item's target: what is owed.
    StarterOwed { figure: OwedFigure }
        en: "owed: {figure}"
        zh: "应承担：{figure}"

    /// An operating system's reason: no such file or directory.
    IoNotFound {}
        en: "no such file or directory"
        zh: "文件或目录不存在"
    /// An operating system's reason: permission denied.
    IoPermissionDenied {}
        en: "permission denied"
        zh: "没有访问权限"
    /// An operating system's reason: a directory where a file is meant.
    IoIsADirectory {}
        en: "is a directory"
        zh: "这是一个目录"
    /// An operating system's reason: a file where a directory is meant.
    IoNotADirectory {}
        en: "not a directory"
        zh: "路径中有一部分不是目录"
    /// An operating system's reason: the file exists already.
    IoAlreadyExists {}
        en: "the file exists already"
        zh: "文件已存在"
    /// An operating system's reason: a read-only file system.
    IoReadOnly {}
        en: "read-only file system"
        zh: "文件系统是只读的"
    /// An operating system's reason: the disk is full.
    IoStorageFull {}
        en: "no space left on the device"
        zh: "磁盘空间已满"
    /// An operating system's reason: the file is too large.
    IoFileTooLarge {}
        en: "the file is too large"
        zh: "文件过大"
    /// An operating system's reason: a name the file system refuses.
    IoInvalidFilename {}
        en: "the file name is not valid"
        zh: "文件名无效"
    /// An operating system's reason: bytes that are not text.
    IoInvalidData {}
        en: "the data is not valid"
        zh: "数据无效"
    /// An operating system's reason: interrupted.
    IoInterrupted {}
        en: "interrupted"
        zh: "操作被中断"
    /// An operating system's reason: the reader went away.
    IoBrokenPipe {}
        en: "the output was closed"
        zh: "输出已关闭"

    /// The first line of a draft plan made by `import`.
    ImportHead { source: String }
        en: "Imported by `planlint import` from {source}: a draft to review line by line."
        zh: "由 `planlint import` 从 {source} 导入的方案草稿，请逐行审核。"
    /// How the links of an imported draft were found (a comment of two lines).
    ImportHowTo {}
        en: "# `implements` links were ranked by likeness of text (docs/import.md); the\n# candidates in comments are for the drafter to confirm."
        zh: "# `implements` 关联按文字相似度排序（见 `docs/import.md`）；\n# 注释中的候选关联，请起草人逐一确认。"
    /// The first line of rules made by `import --as rules`.
    ImportRulesHead { source: String }
        en: "Imported by `planlint import --as rules` from {source}: review line by line."
        zh: "由 `planlint import --as rules` 从 {source} 导入，请逐行审核。"
    /// An imported document without a date of issue.
    ImportNoDate {}
        en: "the text names no date of issue"
        zh: "正文没有写明印发日期"
    /// The period of an imported plan is its higher document's.
    ImportInherited {}
        en: "inherited: the title's years are those of the document carried out"
        zh: "沿用：标题中的年份是所落实文件的年份"
    /// An imported plan names a jurisdiction the rules do not have.
    ImportUnknownJurisdiction { name: Quote }
        en: "{name} is not among the rules' jurisdictions"
        zh: "规则中没有地区{name}"
    /// An imported plan names no jurisdiction the rules know.
    ImportNoJurisdiction {}
        en: "the text names none the rules know"
        zh: "正文没有写明规则中已有的地区"
    /// An imported plan cites a document the rules do not have.
    ImportCites { title: String }
        en: "cites 《{title}》: not among the rules"
        zh: "引用《{title}》：规则中没有该文件"
    /// The same, with the document's number.
    ImportCitesNumbered { title: String, number: String }
        en: "cites 《{title}》 {number}: not among the rules"
        zh: "引用《{title}》（{number}）：规则中没有该文件"
    /// A line of the source text.
    ImportLine { line: usize, text: String }
        en: "line {line}: {text}"
        zh: "第 {line} 行：{text}"
    /// Where an item or obligation stands in the source text.
    ImportLineOnly { line: usize }
        en: "line {line}"
        zh: "第 {line} 行"
    /// The likeness of an accepted link.
    ImportScore { score: String }
        en: "score {score}"
        zh: "相似度 {score}"
    /// A candidate link left for the drafter.
    ImportCandidate { score: String, title: String }
        en: "candidate, score {score}: {title}"
        zh: "候选，相似度 {score}：{title}"
    /// A figure of an imported item that no owed target measures.
    ImportFigureUnmatched { figure: String }
        en: "figure {figure}: no owed target of the linked obligations measures it"
        zh: "数量 {figure}：所关联的要求中没有衡量它的指标"
    /// A figure of an imported higher document left in a comment.
    ImportRulesFigure { no: usize, body: String, metric: String }
        en: "figure {no}: {body} ({metric})"
        zh: "数量 {no}：{body}（{metric}）"
    /// A line of the source text taken out, and why.
    ImportLineDropped { line: usize, why: Box<Msg>, text: String }
        en: "line {line} ({why}): {text}"
        zh: "第 {line} 行（{why}）：{text}"
    /// A qualitative goal of an item that none of its linked obligations
    /// sets as a target: kept for the drafter as a comment.
    ImportGoalUnlinked { body: String }
        en: "goal {body}: no qualitative target of the linked obligations"
        zh: "目标 {body}：所关联的上级要求中没有对应的定性指标"
    /// Words of an obligation that condition it, which no attribute of a
    /// jurisdiction states: the encoder decides its `applies_if`.
    ImportConditionUnstated { words: String }
        en: "「{words}」: a condition no jurisdiction attribute states"
        zh: "「{words}」：适用条件，地区属性中没有对应项，请编码人员确定"
    /// A line taken out of the text, and why.
    ImportDropped { why: Box<Msg>, text: String }
        en: "({why}) {text}"
        zh: "（{why}）{text}"
    /// Why a line was taken out: after the distribution list.
    ImportDroppedAfterDistribution {}
        en: "after the distribution list"
        zh: "抄送之后"
    /// Why a line was taken out: the distribution list.
    ImportDroppedDistribution {}
        en: "distribution list"
        zh: "抄送"
    /// Why a line was taken out: a page number.
    ImportDroppedPageNumber {}
        en: "page number"
        zh: "页码"
    /// Why a line was taken out: a footnote.
    ImportDroppedFootnote {}
        en: "footnote"
        zh: "脚注"
    /// Why a line was taken out: a running head.
    ImportDroppedRunningHead {}
        en: "running head"
        zh: "页眉"
    /// Why a line was taken out: a web page's navigation.
    ImportDroppedNavigation {}
        en: "site navigation"
        zh: "网站导航"
    /// Why a line was taken out: outside the article of a web page.
    ImportDroppedOutside {}
        en: "outside the article"
        zh: "正文之外"

    // ── Severities ───────────────────────────────────────────────────────

    /// A severity on its own.
    SeverityWord { severity: Severity }
        en: "{severity}"
        zh: "{severity}"
}

/// What a diagnostic code means, in one line, in both languages: the
/// `codes` list and the head of `explain`.
#[derive(Debug, Clone, Copy)]
pub struct CodeEntry {
    pub code: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
}

impl CodeEntry {
    pub fn summary(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// Every code's summary; the English is the registry's own.
pub const CODES: &[CodeEntry] = &[
    CodeEntry {
        code: "read-error",
        en: "a file could not be read or decoded",
        zh: "文件无法读取或解码",
    },
    CodeEntry {
        code: "invalid-baseline",
        en: "the `--baseline` file cannot be read or is not a planlint baseline",
        zh: "`--baseline` 指定的文件无法读取，或不是基线文件",
    },
    CodeEntry {
        code: "config-error",
        en: "`planlint.toml` is not valid: an unknown key, code, severity or glob",
        zh: "`planlint.toml` 无效：有未知的键、代码、级别或路径模式",
    },
    CodeEntry {
        code: "write-error",
        en: "an output file (`--output-file`, a baseline, a report) could not be written",
        zh: "输出文件（`--output-file`、基线、报告）无法写入",
    },
    CodeEntry {
        code: "syntax-error",
        en: "the text is not a well-formed statement, string or block",
        zh: "文字不是完整的语句、字符串或代码块",
    },
    CodeEntry {
        code: "unknown-keyword",
        en: "a keyword that the construct does not have",
        zh: "该结构没有这个关键字",
    },
    CodeEntry {
        code: "invalid-value",
        en: "a value that does not read as what the keyword takes",
        zh: "取值不符合该关键字的要求",
    },
    CodeEntry {
        code: "missing-property",
        en: "a required property is missing",
        zh: "缺少必需的属性",
    },
    CodeEntry {
        code: "duplicate-property",
        en: "a property that takes one value is given twice",
        zh: "只能取一个值的属性写了两次",
    },
    CodeEntry {
        code: "duplicate-document",
        en: "a file declares more than one document",
        zh: "一个文件声明了多个文件",
    },
    CodeEntry {
        code: "misplaced-statement",
        en: "a statement stands where it cannot",
        zh: "语句位置不当",
    },
    CodeEntry {
        code: "missing-document",
        en: "an obligation, item or exemption in a file without a document",
        zh: "文件中有要求、条目或说明，但没有声明所属文件",
    },
    CodeEntry {
        code: "duplicate-id",
        en: "two declarations share an id",
        zh: "两处声明使用了同一个编号",
    },
    CodeEntry {
        code: "unknown-reference",
        en: "a reference to an id that nothing declares",
        zh: "引用的编号没有声明",
    },
    CodeEntry {
        code: "cycle",
        en: "refinements, carries-out links or jurisdiction parents form a cycle",
        zh: "细化、落实关系或地区隶属关系构成循环",
    },
    CodeEntry {
        code: "foreign-link",
        en: "an item or exemption names an obligation of a document its plan does not carry out",
        zh: "条目或说明引用的要求，不属于本方案所落实的上位文件",
    },
    CodeEntry {
        code: "converted-encoding",
        en: "a file was read in GBK/GB18030 or UTF-16 and converted to UTF-8",
        zh: "文件以 `GBK`/`GB18030` 或 `UTF-16` 编码读取，并已转为 `UTF-8`",
    },
    CodeEntry {
        code: "empty-file",
        en: "a file is empty or holds only comments",
        zh: "文件为空或只有注释",
    },
    CodeEntry {
        code: "omitted-obligation",
        en: "an obligation the plan must carry out is neither implemented nor exempted",
        zh: "方案应落实的要求，既未落实也未说明理由",
    },
    CodeEntry {
        code: "undercut-target",
        en: "a target lower, a deadline later or a yearly quantity smaller than the plan owes",
        zh: "指标低于、完成时限晚于或年度数量少于方案应承担的要求",
    },
    CodeEntry {
        code: "unstated-quantity",
        en: "an item implements a quantified obligation but states no figure for it",
        zh: "条目落实了有数量要求的任务，但未写明数量",
    },
    CodeEntry {
        code: "incomparable-units",
        en: "a stated figure's unit or period cannot be compared with the owed one",
        zh: "写明的数量单位或周期与上位要求无法比较",
    },
    CodeEntry {
        code: "unapportionable-quantity",
        en: "a population share is owed but cannot be computed",
        zh: "应按人口分摊的份额无法计算",
    },
    CodeEntry {
        code: "dropped-element",
        en: "an element the obligation names is not mentioned by the items implementing it",
        zh: "上位要求点名的内容，落实该要求的条目未提及",
    },
    CodeEntry {
        code: "missing-responsible-unit",
        en: "an item names no responsible unit where one is required",
        zh: "应写明责任单位的条目未写明",
    },
    CodeEntry {
        code: "exemption-without-reason",
        en: "an exemption gives no reason",
        zh: "不落实说明未写明理由",
    },
    CodeEntry {
        code: "non-exemptible-obligation",
        en: "an exemption of an obligation that may not be exempted",
        zh: "对不得说明不落实的要求作了不落实说明",
    },
    CodeEntry {
        code: "contradictory-exemption",
        en: "an exempted obligation is implemented anyway",
        zh: "已说明不落实的要求，又有条目落实",
    },
    CodeEntry {
        code: "unused-exemption",
        en: "an exemption of an obligation that does not bind the plan",
        zh: "对不约束本方案的要求作了不落实说明",
    },
    CodeEntry {
        code: "expired-exemption",
        en: "an exemption past its expiry date",
        zh: "不落实说明已过期",
    },
    CodeEntry {
        code: "roll-up-shortfall",
        en: "the sibling plans' figures for a shared quantity sum to less than the higher total",
        zh: "同级各方案分担的数量合计低于上位总量",
    },
    CodeEntry {
        code: "roll-up-incomplete",
        en: "a shared quantity's roll-up cannot be judged: some sibling plans are not in the run",
        zh: "同级方案不全，分担数量的合计无法判断",
    },
    CodeEntry {
        code: "weakened-commitment",
        en: "an item carries out an ask with a weaker commitment than the ask's",
        zh: "条目落实上位要求时，承诺弱于上位要求",
    },
    CodeEntry {
        code: "text-figure-mismatch",
        en: "an item's target and its text state different figures, or the text states none",
        zh: "条目的指标与其文字写明的数量不一致，或文字未写明数量",
    },
    CodeEntry {
        code: "superseded-basis",
        en: "a plan names as its basis a document that another supersedes",
        zh: "方案所依据的文件已被其他文件取代",
    },
    CodeEntry {
        code: "duplicate-plan",
        en: "two plans of one jurisdiction carry out the same document for the same period",
        zh: "同一地区的两个方案在同一规划期内落实同一文件",
    },
    CodeEntry {
        code: "unused-suppression",
        en: "a `suppress` statement in a plan suppresses no finding",
        zh: "方案中的 `suppress` 语句没有抑制任何问题",
    },
    CodeEntry {
        code: "stale-baseline-entry",
        en: "a baseline entry matches no current finding: remove it",
        zh: "基线中的条目已不对应任何当前问题，应当删除",
    },
];

/// The summary of a code.
pub fn code_entry(code: &str) -> Option<&'static CodeEntry> {
    CODES.iter().find(|c| c.code == code)
}

/// The table of `codes` (the registry's, in its order) with their
/// summaries in both languages, as written into `docs/diagnostics.md`.
pub fn codes_table<'a>(codes: impl IntoIterator<Item = &'a CodeInfo>) -> String {
    let mut out = String::from("| code | severity | summary | 说明 |\n| --- | --- | --- | --- |\n");
    for info in codes {
        let zh = code_entry(info.code).map_or("", |e| e.zh);
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            info.code,
            info.severity.as_str(),
            info.summary.replace('|', "\\|"),
            zh.replace('|', "\\|")
        ));
    }
    out
}

/// `docs/catalogue.md`: every message of the catalogue, English and Chinese
/// side by side, generated from [`ENTRIES`]; `codes` are the registry's.
pub fn markdown<'a>(codes: impl IntoIterator<Item = &'a CodeInfo>) -> String {
    let mut out = String::from(
        "# Message catalogue / 消息目录\n\n\
         Generated from `src/i18n/catalogue.rs` (`docs/messages.md` says how to add a\n\
         message); a test fails when this file differs from what the catalogue\n\
         generates: regenerate it with `UPDATE_DOCS=1 cargo test --test it zh::`.\n\n\
         本文件由 `src/i18n/catalogue.rs` 生成，列出每条消息的英文和中文模板。\n\n\
         ## Codes / 问题代码\n\n",
    );
    out.push_str(&codes_table(codes));
    out.push_str(
        "\n## Messages / 消息\n\n| id | arguments | English | 中文 |\n| --- | --- | --- | --- |\n",
    );
    let cell = |t: &str| t.replace('|', "\\|");
    for e in ENTRIES {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            e.id,
            e.args.join(", "),
            cell(e.en),
            cell(e.zh)
        ));
    }
    out
}

/// Several items: `` `a`, `b` `` in English; their numbering and titles in
/// Chinese, joined with 、.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provisions(pub Vec<Provision>);

impl Arg for Provisions {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(match lang {
                    Lang::En => ", ",
                    Lang::Zh => "、",
                })?;
            }
            p.write(lang, f)?;
        }
        Ok(())
    }
}

/// Several messages in a row: `a, b` in English, `a、b` in Chinese.
#[derive(Debug, Clone, PartialEq)]
pub struct Msgs(pub Vec<Msg>);

impl Arg for Msgs {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, m) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(match lang {
                    Lang::En => ", ",
                    Lang::Zh => "、",
                })?;
            }
            m.write(lang, f)?;
        }
        Ok(())
    }
}

/// A comparator of a target: `at_least` (the plan language's word) in
/// English, 不少于 in Chinese.
impl Arg for Comparator {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match (lang, self) {
            (Lang::En, c) => c.as_str(),
            (Lang::Zh, Comparator::AtLeast) => "不少于",
            (Lang::Zh, Comparator::MoreThan) => "多于",
            (Lang::Zh, Comparator::AtMost) => "不超过",
            (Lang::Zh, Comparator::About) => "约",
            (Lang::Zh, Comparator::Exactly) => "为",
        })
    }
}

/// A figure with its comparator: `at_least 506 人次 a year` (the plan
/// language's comparator) in English, 每年不少于 506 人次 in Chinese.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub comparator: Comparator,
    pub figure: Figure,
}

impl Arg for Amount {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match lang {
            Lang::En => write!(f, "{} ", self.comparator.as_str())?,
            Lang::Zh => {
                if self.figure.per_year {
                    f.write_str("每年")?;
                }
                self.comparator.write(lang, f)?;
                f.write_str(" ")?;
            }
        }
        let figure = Figure {
            per_year: self.figure.per_year && lang == Lang::En,
            ..self.figure.clone()
        };
        figure.write(lang, f)
    }
}

/// How an obligation stands for a plan (the editor's hover and completion).
impl Arg for Standing {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match (lang, self) {
            (Lang::En, s) => s.describe(),
            (Lang::Zh, Standing::Missing) => "应落实，尚未落实",
            (Lang::Zh, Standing::Implemented) => "应落实，已落实",
            (Lang::Zh, Standing::Exempted) => "应落实，已说明不落实",
            (Lang::Zh, Standing::Advisory) => "仅供参考（上位文件印发于本方案之后）",
            (Lang::Zh, Standing::NotApplicable) => "不适用于本地区",
            (Lang::Zh, Standing::NotBound) => "不约束本方案",
        })
    }
}

/// Ranks of jurisdictions: `county, prefecture`; 区县级、地市级.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranks(pub Vec<Rank>);

impl Arg for Ranks {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, r) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(match lang {
                    Lang::En => ", ",
                    Lang::Zh => "、",
                })?;
            }
            Some(*r).write(lang, f)?;
        }
        Ok(())
    }
}

/// What `planlint owed` says a plan owes of a target: `at least 9712 人次
/// a year by 2025 (share of …)`; 2025 年前不少于 每年 9712 人次（…）.
/// `owed` fills it from its own figure, so the catalogue depends on no
/// command's model.
#[derive(Debug, Clone, PartialEq)]
pub struct OwedFigure {
    /// The comparator in the language's words: `at_least`, `at_most`, ….
    pub comparator: &'static str,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub per_year: bool,
    pub deadline: Option<i32>,
    /// A qualitative target's text.
    pub text: Option<String>,
    pub share: Option<OwedShare>,
    /// Why the share cannot be computed.
    pub unapportionable_why: Option<Box<Msg>>,
}

/// A population share: ⌈total × population / among⌉, among `jurisdictions`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OwedShare {
    pub total: f64,
    pub population: u64,
    pub among: u64,
    pub jurisdictions: usize,
}

impl Arg for OwedFigure {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let comparator = Comparator::parse(self.comparator);
        let amount = |f: &mut std::fmt::Formatter<'_>, value: f64| match lang {
            Lang::En => {
                write!(f, "{} ", self.comparator.replace('_', " "))?;
                super::Figure {
                    value,
                    unit: self.unit.clone(),
                    per_year: self.per_year,
                }
                .write(lang, f)
            }
            Lang::Zh => Amount {
                comparator: comparator.unwrap_or(Comparator::AtLeast),
                figure: super::Figure {
                    value,
                    unit: self.unit.clone(),
                    per_year: self.per_year,
                },
            }
            .write(lang, f),
        };
        let number = |v: f64| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                v.to_string()
            }
        };
        match lang {
            Lang::En => {
                let mut wrote = false;
                if let Some(text) = &self.text {
                    write!(f, "「{text}」")?;
                    wrote = true;
                } else if let Some(value) = self.value {
                    amount(f, value)?;
                    wrote = true;
                }
                let space = |f: &mut std::fmt::Formatter<'_>, wrote: bool| {
                    if wrote { f.write_str(" ") } else { Ok(()) }
                };
                if let Some(year) = self.deadline {
                    space(f, wrote)?;
                    write!(f, "by {year}")?;
                    wrote = true;
                }
                if let Some(s) = &self.share {
                    space(f, wrote)?;
                    write!(
                        f,
                        "(share of {}: ⌈{} × {} / {}⌉, population among {} jurisdictions)",
                        number(s.total),
                        number(s.total),
                        s.population,
                        s.among,
                        s.jurisdictions
                    )?;
                    wrote = true;
                }
                if let Some(why) = &self.unapportionable_why {
                    space(f, wrote)?;
                    write!(f, "(share not computed: {})", why.render(lang))?;
                }
                Ok(())
            }
            Lang::Zh => {
                if let Some(year) = self.deadline {
                    write!(f, "{year} 年前")?;
                }
                if let Some(text) = &self.text {
                    write!(f, "「{text}」")?;
                } else if let Some(value) = self.value {
                    amount(f, value)?;
                }
                if let Some(s) = &self.share {
                    write!(
                        f,
                        "（{} 个地区按常住人口分摊 {}：⌈{} × {} / {}⌉）",
                        s.jurisdictions,
                        number(s.total),
                        number(s.total),
                        s.population,
                        s.among
                    )?;
                }
                if let Some(why) = &self.unapportionable_why {
                    write!(f, "（份额无法计算：{}）", why.render(lang))?;
                }
                Ok(())
            }
        }
    }
}

/// An obligation's standing in a revision, for `planlint diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffStatus(pub Option<crate::status::Answer>);

impl Arg for DiffStatus {
    fn write(&self, lang: Lang, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::status::Answer as Status;
        f.write_str(match (lang, self.0) {
            (Lang::En, Some(s)) => s.as_str(),
            (Lang::En, None) => "not owed",
            (Lang::Zh, Some(Status::Implemented)) => "已落实",
            (Lang::Zh, Some(Status::Exempted)) => "说明不落实",
            (Lang::Zh, Some(Status::Open)) => "未落实",
            (Lang::Zh, None) => "无需落实",
        })
    }
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

/// What a Chinese text says in its own words: the text without its
/// placeholders, `code spans` (and fenced examples) and 「quotes」. The
/// tests check it holds no Latin letter.
#[cfg(test)]
pub(crate) fn own_words(t: &str) -> String {
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
            "本方案未落实四、(三)第4项「实施科幻产业发展扶持计划」（`bj.4.3.4`）"
        );
    }
}
