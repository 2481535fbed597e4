//! The words of the reviewers' report in Chinese and English: headings,
//! column names and verdicts. The documents' own text is never translated.

use crate::check::figures;
use crate::coverage::FigureInfo;
use crate::status::Status;
use crate::syntax::ast::Comparator;

pub use crate::i18n::Lang;

/// Every fixed phrase a report prints.
#[derive(Debug)]
pub struct Words {
    pub html_lang: &'static str,
    pub report_title: &'static str,
    pub generated: &'static str,
    pub contents: &'static str,
    pub summary: &'static str,
    pub plan: &'static str,
    pub plans: &'static str,
    pub obligations: &'static str,
    pub jurisdiction: &'static str,
    pub carries_out: &'static str,
    pub owed: &'static str,
    pub advisory: &'static str,
    pub compliance: &'static str,
    pub findings: &'static str,
    pub errors: &'static str,
    pub warnings: &'static str,
    pub infos: &'static str,
    pub compliance_note: &'static str,
    pub advisory_note: &'static str,
    pub matrix: &'static str,
    pub matrix_note: &'static str,
    pub legend: &'static str,
    pub obligation: &'static str,
    pub citation: &'static str,
    pub title: &'static str,
    pub national: &'static str,
    pub national_note: &'static str,
    pub article: &'static str,
    pub refined_by: &'static str,
    pub reached: &'static str,
    pub not_reached: &'static str,
    pub none: &'static str,
    pub targets: &'static str,
    pub targets_note: &'static str,
    pub metric: &'static str,
    pub higher_figure: &'static str,
    pub owed_figure: &'static str,
    pub stated_figure: &'static str,
    pub verdict: &'static str,
    pub observations: &'static str,
    pub share_of: &'static str,
    pub of_target: &'static str,
    pub per_year: &'static str,
    pub by_year: &'static str,
    pub comparison: &'static str,
    pub comparison_note: &'static str,
    pub higher_requirement: &'static str,
    pub plan_clause: &'static str,
    pub difference: &'static str,
    pub suggestion: &'static str,
    pub no_clause: &'static str,
    pub no_difference: &'static str,
    pub graph: &'static str,
    pub graph_note: &'static str,
    pub help: &'static str,
    pub in_matrix: &'static str,
    pub obligation_text: &'static str,
    pub no_findings: &'static str,
    pub other_findings: &'static str,
    pub findings_in_table: &'static str,
    pub advisory_not_listed: &'static str,
    /// The heading of a plan's advisory rows in the 对照表.
    pub advisory_rows: &'static str,
    pub collapsed_note: &'static str,
    /// Said where a report of many plans leaves out the matrix; `{}` is the limit.
    pub paged_note: &'static str,
    /// Said where the graph is not drawn (too large, or the layout failed).
    pub graph_not_drawn: &'static str,
    pub meets: &'static str,
    pub lower: &'static str,
    pub later: &'static str,
    pub incomparable: &'static str,
    pub unstated: &'static str,
    pub nothing_owed: &'static str,
    /// The lead of an exemption's reason, with its colon.
    pub exempted_reason: &'static str,
    pub via: &'static str,
}

impl Lang {
    pub fn words(self) -> &'static Words {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// The name of a cell's status.
    pub fn status(self, status: Status) -> &'static str {
        match (self, status) {
            (Lang::Zh, Status::Implemented) => "已落实",
            (Lang::Zh, Status::Partial) => "部分落实",
            (Lang::Zh, Status::Exempted) => "说明不落实",
            (Lang::Zh, Status::Omitted) => "遗漏",
            (Lang::Zh, Status::Undercut) => "低于要求",
            (Lang::Zh, Status::NotApplicable) => "不适用",
            (Lang::Zh, Status::NotOwed) => "不约束",
            (Lang::En, Status::Implemented) => "implemented",
            (Lang::En, Status::Partial) => "partly implemented",
            (Lang::En, Status::Exempted) => "exempted",
            (Lang::En, Status::Omitted) => "omitted",
            (Lang::En, Status::Undercut) => "undercut",
            (Lang::En, Status::NotApplicable) => "not applicable",
            (Lang::En, Status::NotOwed) => "not binding",
        }
    }

    /// What a status means, for the legend.
    pub fn status_help(self, status: Status) -> &'static str {
        match (self, status) {
            (Lang::Zh, Status::Implemented) => "有条款落实（implements / refines）",
            (Lang::Zh, Status::Partial) => {
                "有落实条款，但缺少要素、未写明数量或表述弱化；或无正文的条目只落实了部分分项"
            }
            (Lang::Zh, Status::Exempted) => "方案说明不落实（悬停查看理由）",
            (Lang::Zh, Status::Omitted) => "既无落实条款，也无说明",
            (Lang::Zh, Status::Undercut) => "有落实条款，但指标、期限或份额低于要求",
            (Lang::Zh, Status::NotApplicable) => "约束该级别，但适用条件不成立",
            (Lang::Zh, Status::NotOwed) => "不约束该方案（仅约束发文机关、其他级别或年度）",
            (Lang::En, Status::Implemented) => "an item implements it (or a refinement)",
            (Lang::En, Status::Partial) => {
                "carried out, but an element, a figure or the firmness asked is missing; or a heading with some clauses omitted"
            }
            (Lang::En, Status::Exempted) => "left out with a reason (hover to read it)",
            (Lang::En, Status::Omitted) => "neither implemented nor exempted",
            (Lang::En, Status::Undercut) => {
                "implemented, but a figure, deadline or share falls short"
            }
            (Lang::En, Status::NotApplicable) => "binds the rank, but its condition is false here",
            (Lang::En, Status::NotOwed) => {
                "does not bind this plan (issuer only, other rank or year)"
            }
        }
    }
}

static ZH: Words = Words {
    html_lang: "zh-CN",
    report_title: "方案落实情况审查报告",
    generated: "检查日期",
    contents: "目录",
    summary: "概况",
    plan: "方案",
    plans: "方案",
    obligations: "项要求",
    jurisdiction: "地区",
    carries_out: "落实的上位文件",
    owed: "应落实",
    advisory: "另有参考性",
    compliance: "落实率",
    findings: "问题",
    errors: "错误",
    warnings: "警告",
    infos: "提示",
    compliance_note: "应落实 = 已落实 + 部分落实 + 说明不落实 + 遗漏 + 低于要求，不含参考性要求；落实率 = （已落实 + 说明不落实）÷ 应落实；条目与其分项各计一次。",
    advisory_note: "参考性：上位文件晚于方案印发，所列为修订时应补充的内容。",
    matrix: "落实矩阵",
    matrix_note: "行：上位文件的要求，按章节分组；列：方案。",
    legend: "图例",
    obligation: "要求",
    citation: "条款",
    title: "标题",
    national: "国家层面",
    national_note: "国家文件的各条，市级文件如何细化，以及各方案是否落实到。",
    article: "条",
    refined_by: "细化条款",
    reached: "已落实到",
    not_reached: "未落实到",
    none: "无",
    targets: "指标与数量",
    targets_note: "按人口分摊的数量，应承担份额 = ⌈总量 × 本区人口 ÷ 适用各区人口⌉。",
    metric: "指标",
    higher_figure: "上位指标",
    owed_figure: "应承担",
    stated_figure: "方案指标",
    verdict: "结论",
    observations: "监测值",
    share_of: "份额",
    of_target: "达目标",
    per_year: "每年",
    by_year: "年前",
    comparison: "对照表",
    comparison_note: "列出有差异的要求；完整对照表可导出为 xlsx 或 csv（planlint report --format xlsx|csv）。",
    higher_requirement: "上位要求",
    plan_clause: "本方案条款",
    difference: "差异",
    suggestion: "建议",
    no_clause: "（无对应条款）",
    no_difference: "无",
    graph: "文件关系图",
    graph_note: "箭头由下级文件指向其落实的上位文件；标注为落实率。",
    help: "建议",
    in_matrix: "在矩阵中查看",
    obligation_text: "上位要求原文",
    no_findings: "没有问题。",
    other_findings: "涉及多个方案的问题",
    findings_in_table: "{} 个问题已列入上面的对照表（差异、建议两列），以下为其余问题。",
    advisory_not_listed: "另有 {} 项参考性差异（上位文件晚于方案印发）未在此列出，见 HTML 报告或 xlsx / csv 导出。",
    advisory_rows: "参考性要求",
    collapsed_note: "要求较多，各章节默认折叠，点击展开。",
    paged_note: "方案超过 {} 个，报告按方案分节：不列矩阵、全国视图和目标表，每个方案一节列出其差异；完整对照见 xlsx / csv 导出。",
    graph_not_drawn: "关系图过大或无法排版，不在此绘制；可用 `planlint graph --format dot` 导出后以 Graphviz 绘制。",
    meets: "达到",
    lower: "低于",
    later: "期限晚于",
    incomparable: "无法比较",
    unstated: "未写明",
    nothing_owed: "无需承担",
    exempted_reason: "理由：",
    via: "落实条款",
};

static EN: Words = Words {
    html_lang: "en",
    report_title: "Compliance report",
    generated: "Checked as of",
    contents: "Contents",
    summary: "Summary",
    plan: "Plan",
    plans: "Plans",
    obligations: "obligations",
    jurisdiction: "Jurisdiction",
    carries_out: "Carries out",
    owed: "Owed",
    advisory: "advisory, besides",
    compliance: "Compliance",
    findings: "Findings",
    errors: "errors",
    warnings: "warnings",
    infos: "infos",
    compliance_note: "Owed = implemented + partly + exempted + omitted + undercut, advisory requirements aside; compliance = (implemented + exempted) ÷ owed; bullets and their clauses count once each.",
    advisory_note: "Advisory: the higher document was issued after the plan; what a revision must add.",
    matrix: "Coverage matrix",
    matrix_note: "Rows: the higher documents' obligations, grouped by section; columns: plans.",
    legend: "Legend",
    obligation: "Obligation",
    citation: "Citation",
    title: "Title",
    national: "National view",
    national_note: "The national documents' articles, how the city refines them, and which plans reach them.",
    article: "Article",
    refined_by: "Refined by",
    reached: "reaches it",
    not_reached: "does not reach it",
    none: "none",
    targets: "Targets and quantities",
    targets_note: "Shared quantities: owed share = ⌈total × the plan's population ÷ population of the jurisdictions it applies to⌉.",
    metric: "Metric",
    higher_figure: "Higher figure",
    owed_figure: "Owed",
    stated_figure: "Stated",
    verdict: "Verdict",
    observations: "Observed",
    share_of: "share",
    of_target: "of the target",
    per_year: "a year",
    by_year: "by",
    comparison: "对照表 (side-by-side comparison)",
    comparison_note: "Obligations with a difference; the full table exports as xlsx or csv (planlint report --format xlsx|csv).",
    higher_requirement: "上位要求 Higher requirement",
    plan_clause: "本方案条款 Plan item",
    difference: "差异 Difference",
    suggestion: "建议 Suggestion",
    no_clause: "(no item)",
    no_difference: "none",
    graph: "Cascade graph",
    graph_note: "Arrows point from a plan to the document it carries out; labels give compliance.",
    help: "help",
    in_matrix: "see in the matrix",
    obligation_text: "Obligation text",
    no_findings: "No findings.",
    other_findings: "Findings about several plans",
    findings_in_table: "{} findings are in the 对照表 above (its difference and suggestion columns); the others follow.",
    advisory_not_listed: "{} advisory differences (the higher document was issued after the plan) are not listed here; the HTML report and the xlsx / csv exports have them.",
    advisory_rows: "Advisory requirements",
    collapsed_note: "Many obligations: sections are collapsed; click one to open it.",
    paged_note: "More than {} plans: the report has one section per plan with its differences, and leaves out the matrix, the national view and the targets table; the xlsx / csv exports have every row.",
    graph_not_drawn: "The graph is too large to draw here, or could not be laid out; export it with `planlint graph --format dot` and draw it with Graphviz.",
    meets: "meets",
    lower: "lower than owed",
    later: "later deadline",
    incomparable: "incomparable",
    unstated: "not stated",
    nothing_owed: "nothing owed",
    exempted_reason: "reason: ",
    via: "carried out by",
};

impl FigureInfo {
    /// `≥ 15159 人次 每年`, `≈ 28% 2025年前`, `国际创新型城市同等水平 2035年前`.
    pub fn display(&self, lang: Lang) -> String {
        let words = lang.words();
        let mut parts = Vec::new();
        if let Some(value) = self.value {
            let symbol = match self.comparator {
                Some(Comparator::AtLeast) | None => "≥",
                Some(Comparator::MoreThan) => ">",
                Some(Comparator::AtMost) => "≤",
                Some(Comparator::About) => "≈",
                Some(Comparator::Exactly) => "=",
            };
            parts.push(format!(
                "{symbol} {}",
                figures::format_figure(value, self.unit.as_deref(), false)
            ));
        }
        if let Some(text) = &self.text {
            parts.push(text.clone());
        }
        if self.per_year {
            parts.push(words.per_year.to_string());
        }
        if let Some(year) = self.deadline {
            parts.push(match lang {
                Lang::Zh => format!("{year}{}", words.by_year),
                Lang::En => format!("{} {year}", words.by_year),
            });
        }
        parts.join(" ")
    }
}
