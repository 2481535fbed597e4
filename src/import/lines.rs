//! A document's text as paragraphs: line wraps joined (web and PDF copies
//! break lines anywhere, even inside a word), page numbers, running heads,
//! site leftovers, footnotes and footnote marks taken out, and the
//! distribution list (抄送) at the end dropped. Nothing is lost: every line
//! taken out is kept with its line number and the reason, for the draft's
//! comments.

use crate::text::numbering::{Kind, numbering};
use crate::text::{is_space, numeral};

/// A paragraph of the document and the line it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    pub line: usize,
}

/// A line taken out of the text, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub line: usize,
    pub text: String,
    pub why: &'static str,
}

/// The paragraphs of a text and the lines taken out.
#[derive(Debug, Clone, Default)]
pub struct Lines {
    pub paras: Vec<Para>,
    pub dropped: Vec<Dropped>,
}

/// Words of a government site's navigation, toolbars and footers: a short
/// line holding one of them is no part of the document.
const SITE_WORDS: &[&str] = &[
    "首页",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "打印本页",
    "打印",
    "关闭窗口",
    "关闭",
    "【字体",
    "字体：",
    "字号：",
    "分享到",
    "扫一扫",
    "浏览次数",
    "访问量",
    "发布时间",
    "发布日期",
    "来源：",
    "信息来源",
    "网站地图",
    "版权所有",
    "主办单位",
    "承办单位",
    "ICP备",
    "网站标识码",
    "联系我们",
    "返回顶部",
    "上一篇",
    "下一篇",
    "相关链接",
    "政策解读",
    "索引号",
    "主题分类",
    "收藏",
    "无障碍",
    "登录",
    "注册",
    "English",
    "繁體",
    "简体",
    "【大",
    "大 中 小",
    "责任编辑",
    "推荐阅读",
    "热门文章",
    "我要纠错",
];

/// Superscript digits, as footnote marks (`新业态¹人员`).
fn is_superscript(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹')
}

/// Reads a text into paragraphs.
pub fn read(text: &str) -> Lines {
    let mut out = Lines::default();
    let raw: Vec<(usize, String)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, tidy(l)))
        .collect();
    let repeated = running_heads(&raw);
    let mut ended = false;
    let mut body_started = false;
    let mut open_brackets = 0i32;
    for (line, text) in raw {
        if text.is_empty() {
            continue;
        }
        let mut drop = |why| {
            out.dropped.push(Dropped {
                line,
                text: text.clone(),
                why,
            })
        };
        if ended {
            drop("after the distribution list");
            continue;
        }
        if text.starts_with("抄送") || text.starts_with("抄报") {
            ended = true;
            drop("distribution list");
            continue;
        }
        if is_page_number(&text) {
            drop("page number");
            continue;
        }
        if text.starts_with(is_superscript) {
            drop("footnote");
            continue;
        }
        if repeated.contains(&text) {
            drop("running head");
            continue;
        }
        if is_site_chrome(&text) {
            drop("site navigation");
            continue;
        }
        let clean: String = text.chars().filter(|c| !is_superscript(*c)).collect();
        let numbered = numbering(&clean);
        if numbered.is_some_and(|n| matches!(n.kind, Kind::Chapter | Kind::Section)) {
            body_started = true;
        }
        let join = match out.paras.last() {
            None => false,
            Some(prev) => {
                numbered.is_none()
                    && crate::text::date::date(&clean).is_none()
                    && (!is_heading(&prev.text) || goes_on(&clean) && !complete(&prev.text))
                    && (open_brackets > 0
                        || prev.text.ends_with(['，', ',', '、'])
                        || (body_started && continues(&prev.text)))
            }
        };
        match out.paras.last_mut() {
            Some(prev) if join => {
                if prev.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && clean.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    prev.text.push(' ');
                }
                prev.text.push_str(&clean);
            }
            _ => out.paras.push(Para { text: clean, line }),
        }
        if let Some(last) = out.paras.last() {
            let last = &last.text;
            open_brackets = last.matches('《').count() as i32 - last.matches('》').count() as i32;
        }
    }
    out
}

/// Whether a paragraph stops mid-sentence, so that the next line goes on
/// with it.
fn continues(text: &str) -> bool {
    match text.chars().next_back() {
        None => false,
        Some(c) => !matches!(
            c,
            '。' | '！' | '？' | '；' | '：' | ':' | ';' | '!' | '?' | '）' | ')' | '”' | '」'
        ),
    }
}

/// Whether a line goes on with a word cut at the end of the line before
/// (`活动室，力争…` after `（2）改造社区科普`): a heading is followed by a
/// sentence of its own, whose first clause is longer.
fn goes_on(line: &str) -> bool {
    line.chars()
        .position(|c| matches!(c, '，' | ',' | '。' | '、' | '；'))
        .is_some_and(|n| n <= 4)
}

/// Whether a heading ends with a word that closes a heading (`三、保障措施`),
/// so that a line after it is a paragraph of its own even when its first
/// clause is short (`各区、各部门要…`).
fn complete(heading: &str) -> bool {
    const ENDS: &[&str] = &[
        "要求", "目标", "任务", "措施", "保障", "行动", "工程", "原则", "思想", "举措", "分工",
        "安排", "意义", "背景",
    ];
    let t = crate::text::simplified(heading);
    ENDS.iter().any(|e| t.ends_with(e))
}

/// A numbered heading (`（一）青少年科学素质提升行动`): short, with no
/// sentence punctuation. Nothing is joined onto it.
pub fn is_heading(text: &str) -> bool {
    let Some(n) = numbering(text) else {
        return false;
    };
    let rest = &text[n.len..];
    !rest.is_empty()
        && rest.chars().count() <= 30
        && !rest.contains(['。', '，', ',', '；', ';'])
        && n.kind != Kind::Dash
}

/// Trims a line and takes out spaces between Chinese characters (stray
/// spaces of PDF and web copies: `行 动规划`), keeping those around Latin
/// words and digits.
fn tidy(line: &str) -> String {
    let line = line.trim_matches(|c: char| is_space(c) || c == '\r' || c == '\u{feff}');
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            let start = i;
            while i < chars.len() && is_space(chars[i]) {
                i += 1;
            }
            let before = out.chars().next_back();
            let after = chars.get(i).copied();
            let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
            if !(wide(before) && wide(after)) || start == 0 {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !is_space(*c)).collect();
    let core = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·' | '•'));
    if !core.is_empty()
        && core.chars().count() <= 4
        && core.chars().all(|c| numeral::arabic_digit(c).is_some())
    {
        return true;
    }
    // 第3页, 第 3 页 共 12 页, 3/12
    let pages = core.strip_prefix('第').and_then(|r| r.split_once('页'));
    if let Some((n, rest)) = pages
        && n.chars().all(|c| c.is_ascii_digit())
        && (rest.is_empty() || rest.starts_with('共'))
    {
        return true;
    }
    if let Some((a, b)) = core.split_once('/') {
        return !a.is_empty()
            && !b.is_empty()
            && a.len() <= 3
            && b.len() <= 3
            && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit());
    }
    false
}

fn is_site_chrome(text: &str) -> bool {
    text.chars().count() <= 40
        && !text.contains('。')
        && numbering(text).is_none()
        && SITE_WORDS.iter().any(|w| text.contains(w))
        && !text.contains('《')
}

/// Short lines that stand three times or more: the running heads and
/// footers of a printed copy.
fn running_heads(lines: &[(usize, String)]) -> Vec<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (_, l) in lines {
        let n = l.chars().count();
        if (2..=30).contains(&n) && numbering(l).is_none() && !l.ends_with('。') {
            *counts.entry(l.as_str()).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n >= 3)
        .map(|(l, _)| l.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<String> {
        read(text).paras.into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn joins_wrapped_lines_and_drops_page_furniture() {
        let text = "一、总体要求\n\n（一）青少年行动\n激发青少年好奇心，增强创\n\n- 3 -\n新能力。\n1. 实施计划。推进建设。（责任单位：区教\n¹ 新业态：说明文字\n委、区科协）\n抄送：区委各部门。\n区人大常委会办公室。";
        let got = paras(text);
        assert_eq!(
            got,
            vec![
                "一、总体要求",
                "（一）青少年行动",
                "激发青少年好奇心，增强创新能力。",
                "1. 实施计划。推进建设。（责任单位：区教委、区科协）",
            ]
        );
        let dropped = read(text).dropped;
        let whys: Vec<&str> = dropped.iter().map(|d| d.why).collect();
        assert_eq!(
            whys,
            [
                "page number",
                "footnote",
                "distribution list",
                "after the distribution list"
            ]
        );
        assert_eq!(dropped[0].line, 6);
    }

    #[test]
    fn takes_out_footnote_marks_and_stray_spaces() {
        assert_eq!(
            paras("一、实施新业态¹人员行动")[0],
            "一、实施新业态人员行动"
        );
        assert_eq!(
            paras("规划纲要 （2021—2035 年） 实施方案")[0],
            "规划纲要（2021—2035 年）实施方案"
        );
        assert_eq!(paras("　　到 2025 年")[0], "到 2025 年");
    }

    #[test]
    fn site_chrome_and_running_heads_go() {
        let text = "首页 > 政策文件\n某区人民政府\n正文一。\n某区人民政府\n正文二。\n某区人民政府\n【字体：大 中 小】 打印本页";
        assert_eq!(paras(text), vec!["正文一。", "正文二。"]);
    }
}
