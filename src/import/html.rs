//! The article of a web page as saved from a government website, as text:
//! the element holding most of the page's paragraph text (links weigh
//! against it) is the article; the site's navigation, breadcrumbs,
//! metadata boxes and footers around it are left out, as are scripts,
//! styles, `nav`, `header`, `footer` and `aside`. The page's `h1` (or
//! `<title>`), when outside the article, opens the text as its title.
//! Parsed by `scraper` (html5ever), which reads any HTML without failing.

use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose text is never part of the article.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "noscript", "select", "button", "form",
    "iframe",
];

/// Elements that break lines.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "br",
    "dd",
    "dt",
    "ul",
    "ol",
];

/// A page read: the article's text, and the text around it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// The article's text, one block a line (the title first).
    pub text: String,
    /// The lines of the page outside the article (navigation, metadata,
    /// footers), so that nothing is left out silently.
    pub outside: Vec<String>,
}

/// Reads a saved web page.
pub fn read(html: &str) -> Page {
    let page = Html::parse_document(html);
    let Some(body) = select_one(&page, "body").or_else(|| Some(page.root_element())) else {
        return Page::default();
    };
    let article = article(body).unwrap_or(body);
    let mut around = String::new();
    if article.id() != body.id() {
        write_text_skipping(body, article, &mut around);
    }
    let outside = around
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    Page {
        text: article_text(&page, article),
        outside,
    }
}

fn article_text(page: &Html, article: ElementRef) -> String {
    let mut out = String::new();
    let heading = select_one(page, "h1")
        .filter(|h| !article.descendants().any(|d| d.id() == h.id()))
        .map(|h| h.text().collect::<String>())
        .or_else(|| {
            select_one(page, "title").map(|t| {
                let t: String = t.text().collect();
                // `标题_某某区人民政府网站`: the site's name after the separator.
                t.split(['_', '|']).next().unwrap_or("").to_string()
            })
        })
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    if let Some(h) = heading {
        out.push_str(&h);
        out.push('\n');
    }
    write_text(article, &mut out);
    out
}

fn select_one<'a>(page: &'a Html, selector: &str) -> Option<ElementRef<'a>> {
    let s = Selector::parse(selector).ok()?;
    page.select(&s).next()
}

fn is_skipped(e: &ElementRef) -> bool {
    SKIPPED.contains(&e.value().name())
}

/// Chinese characters in an element's text, outside skipped elements.
fn cjk(e: ElementRef) -> (usize, usize) {
    let mut text = 0;
    let mut linked = 0;
    for node in e.descendants() {
        if let Node::Text(t) = node.value() {
            let skipped = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != e.id())
                .any(|a| is_skipped(&a));
            if skipped {
                continue;
            }
            let n = t
                .chars()
                .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .count();
            text += n;
            if node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .take_while(|a| a.id() != e.id())
                .any(|a| a.value().name() == "a")
            {
                linked += n;
            }
        }
    }
    (text, linked)
}

/// The element whose paragraphs hold most text: each paragraph's text
/// (less its links) counts for its parent.
fn article(body: ElementRef) -> Option<ElementRef> {
    let mut scores: Vec<(ElementRef, i64)> = Vec::new();
    for node in body.descendants() {
        let Some(e) = ElementRef::wrap(node) else {
            continue;
        };
        if !matches!(
            e.value().name(),
            "p" | "div" | "td" | "li" | "span" | "font"
        ) || is_skipped(&e)
        {
            continue;
        }
        // Count blocks that hold text directly.
        let direct: usize = e
            .children()
            .filter_map(|c| {
                c.value().as_text().map(|t| {
                    t.chars()
                        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                        .count()
                })
            })
            .sum();
        if direct == 0 {
            continue;
        }
        let (_, linked) = cjk(e);
        let score = direct as i64 - 2 * linked as i64;
        let Some(parent) = e.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        let target = if e.value().name() == "p"
            || e.value().name() == "span"
            || e.value().name() == "font"
        {
            parent
        } else {
            e
        };
        match scores.iter_mut().find(|(r, _)| r.id() == target.id()) {
            Some((_, s)) => *s += score,
            None => scores.push((target, score)),
        }
    }
    let (mut chosen, _) = scores
        .into_iter()
        .filter(|&(_, s)| s > 0)
        .max_by_key(|&(_, s)| s)?;
    // Climb while the parent adds text of its own paragraphs (an article
    // split into several containers), not only links.
    while let Some(parent) = chosen.parent().and_then(ElementRef::wrap) {
        if parent.id() == body.id() {
            break;
        }
        let (mine, _) = cjk(chosen);
        let (theirs, linked) = cjk(parent);
        if theirs - linked > mine + mine / 4 && linked * 5 < theirs {
            chosen = parent;
        } else {
            break;
        }
    }
    Some(chosen)
}

fn write_text(e: ElementRef, out: &mut String) {
    write_text_skipping(e, e, out);
}

/// Writes the text of `e`, leaving out `skip` (when it lies inside).
fn write_text_skipping(e: ElementRef, skip: ElementRef, out: &mut String) {
    for child in e.children() {
        if child.id() == skip.id() {
            out.push('\n');
            continue;
        }
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_skipped(&child) {
                    continue;
                }
                let block = BLOCKS.contains(&el.name());
                if block && !out.ends_with('\n') && !out.is_empty() {
                    out.push('\n');
                }
                write_text_skipping(child, skip, out);
                if block && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_article_and_leaves_the_site_out() {
        let page = r#"<html><head><title>某某方案_某某区人民政府网站</title><script>var x = "首页";</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zw">政务公开</a> &gt; 政策文件</div>
<table class="meta"><tr><td>索引号：000/2023</td><td>发布日期：2023-03-08</td></tr></table>
<h1>某某区科普工作实施方案</h1>
<div class="content"><div class="TRS_Editor">
<p>一、工作目标</p><p>到2025年，全区公民具备科学素质的比例不低于百分之十五，科普工作取得明显成效。</p>
<p>二、重点任务</p><p>（一）加强科学教育。开展科学家进校园活动。（责任单位：区教育局）</p>
</div></div>
<div class="footer"><a href="/map">网站地图</a> 版权所有：某某区人民政府 <a href="/c">联系我们</a></div></body></html>"#;
        let read = read(page);
        let lines: Vec<&str> = read
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(
            lines,
            [
                "某某区科普工作实施方案",
                "一、工作目标",
                "到2025年，全区公民具备科学素质的比例不低于百分之十五，科普工作取得明显成效。",
                "二、重点任务",
                "（一）加强科学教育。开展科学家进校园活动。（责任单位：区教育局）",
            ]
        );
        assert!(read.outside.iter().any(|l| l.contains("首页")));
        assert!(read.outside.iter().any(|l| l.contains("索引号")));
        assert!(read.outside.iter().any(|l| l.contains("版权所有")));
    }

    #[test]
    fn any_markup_reads_without_failing() {
        for page in [
            "",
            "<p>",
            "</div></div>",
            "<html><body>只有文字</body></html>",
            "<<<>>>",
        ] {
            let _ = read(page);
        }
    }
}
