//! What `import --as rules` infers of an obligation beyond its text, from
//! the words of the text alone and conservatively (measured against the
//! hand-written Beijing rules in docs/import.md): whom it binds, the
//! condition it applies under, and the named elements an implementing item
//! must mention.

/// `binds issuer` when the text asks the issuer's own level (市级, 市属,
/// 全市统一, 省级, 省属, 全省统一); `binds county` when it asks the districts
/// or counties (各区, 区级, 各区县, 各县); else none (the default: every
/// rank below the document's).
pub fn binds(text: &str) -> Option<&'static str> {
    let t = crate::text::simplified(text);
    const ISSUER: &[&str] = &["市级", "市属", "全市统一", "省级", "省属", "全省统一"];
    const COUNTY: &[&str] = &["各区", "区级", "各区县", "各县"];
    if ISSUER.iter().any(|w| t.contains(w)) {
        Some("issuer")
    } else if COUNTY.iter().any(|w| t.contains(w)) {
        Some("county")
    } else {
        None
    }
}

/// `applies_if agricultural` (the attribute `rules/jurisdictions.plan`
/// gives districts with farmland) when the text is about farmers or
/// farming: 农民, 农村, 三农, 涉农, 农业.
pub fn applies_if(text: &str) -> Option<&'static str> {
    let t = crate::text::simplified(text);
    ["农民", "农村", "三农", "涉农", "农业"]
        .iter()
        .any(|w| t.contains(w))
        .then_some("agricultural")
}

/// A condition the text sets that no jurisdiction attribute states
/// (`有条件的区`, `有条件的地区`): for the drafter to write or drop.
pub fn unstated_condition(text: &str) -> Option<&'static str> {
    let t = crate::text::simplified(text);
    ["有条件的", "具备条件的"]
        .into_iter()
        .find(|w| t.contains(w))
}

/// Words that open a list without being part of its first name.
const LEADS: &[&str] = &[
    "重点围绕",
    "围绕",
    "加大对",
    "传播",
    "开展",
    "面向",
    "调动",
    "推动",
    "推进",
    "支持和指导",
    "支持",
    "整合",
    "通过",
    "充分利用",
    "发挥",
    "加强",
    "保护",
    "建设",
    "实施",
    "从",
    "对",
    "在",
    "以",
];

/// The named things of a text: names in quotes (“…” 「…」 『…』, 2–12
/// characters), the names of a list of three or more closed by 等
/// (`大数据、云计算、人工智能、区块链等`) or of four or more of at most four
/// characters (`进企业、进农村、进社区、进学校`), the first without the words that
/// open the list (`传播膳食营养` → `膳食营养`, `从科技的日常应用` →
/// `日常应用`). Each once, in text order.
pub fn elements(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |name: &str| {
        let name = name.trim();
        let n = name.chars().count();
        if (2..=12).contains(&n) && !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    };
    // Quoted names.
    let mut rest = text;
    while let Some(open) = rest.find(['“', '「', '『']) {
        let after = &rest[open..];
        let Some(o) = after.chars().next() else {
            break;
        };
        let close = match o {
            '“' => '”',
            '「' => '」',
            _ => '』',
        };
        let inner = &after[o.len_utf8()..];
        let Some(end) = inner.find(close) else {
            break;
        };
        let name = &inner[..end];
        if !name.contains(['，', ',', '。', '；', '、']) {
            push(name);
        }
        rest = &inner[end + close.len_utf8()..];
    }
    // Lists closed by 等, or of four or more short names.
    for clause in text.split(['，', ',', '。', '；', ';', '：', ':']) {
        let (list, closed) = match clause.find('等') {
            Some(at) => (&clause[..at], true),
            None => (clause, false),
        };
        let names: Vec<&str> = list.split('、').collect();
        if names.len() < if closed { 3 } else { 4 }
            || names
                .iter()
                .any(|n| n.is_empty() || !n.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        {
            continue;
        }
        let mut first = names[0];
        if let Some((at, c)) = first
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '的' | '与'))
        {
            first = &first[at + c.len_utf8()..];
        }
        while let Some(lead) = LEADS.iter().find(|l| first.starts_with(**l)) {
            first = &first[lead.len()..];
        }
        let longest = names[1..]
            .iter()
            .map(|n| n.chars().count())
            .max()
            .unwrap_or(0);
        // `推进科普知识进企业、进农村…`: the first name begins as the
        // second does.
        if first.chars().count() > longest + 2
            && let Some(c) = names[1].chars().next()
            && let Some(at) = first.rfind(c)
        {
            first = &first[at..];
        }
        if first.chars().count() > longest + 2
            || !closed
                && names
                    .iter()
                    .skip(1)
                    .chain([&first])
                    .any(|n| n.chars().count() > 4)
        {
            continue;
        }
        push(first);
        for n in &names[1..] {
            push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binds_and_conditions_from_the_words() {
        assert_eq!(binds("推动市属报刊开设科普专栏"), Some("issuer"));
        assert_eq!(binds("各区负责领导属地全民科学素质建设"), Some("county"));
        assert_eq!(binds("加强科学教育"), None);
        assert_eq!(
            applies_if("每年培训高素质农民1万人次"),
            Some("agricultural")
        );
        assert_eq!(applies_if("推动科普进社区"), None);
        assert_eq!(applies_if("鼓励涉农区建设基地"), Some("agricultural"));
        assert_eq!(
            unstated_condition("支持有条件的区建设科技馆"),
            Some("有条件的")
        );
        assert_eq!(unstated_condition("建设科技馆"), None);
    }

    #[test]
    fn elements_are_quoted_names_and_lists() {
        assert_eq!(
            elements("传播膳食营养、食品安全、心理健康、体育锻炼等知识"),
            ["膳食营养", "食品安全", "心理健康", "体育锻炼"]
        );
        assert_eq!(
            elements("实施“翱翔计划”“雏鹰计划”和培养计划"),
            ["翱翔计划", "雏鹰计划"]
        );
        assert_eq!(
            elements("从科技的日常应用、网络知识、防止诈骗、智能手机使用等角度设计"),
            ["日常应用", "网络知识", "防止诈骗", "智能手机使用"]
        );
        assert_eq!(
            elements("推进科普与大数据、云计算、人工智能、区块链等技术深度融合"),
            ["大数据", "云计算", "人工智能", "区块链"]
        );
        assert_eq!(
            elements("推进科普知识进企业、进农村、进社区、进学校"),
            ["进企业", "进农村", "进社区", "进学校"]
        );
        // Two names are no list, nor an open list of long ones; a sentence
        // in quotes is no name.
        assert!(elements("提高劳动、生产、创新、创造的技能").is_empty());
        assert!(elements("开展科普、宣传等活动").is_empty());
        assert!(elements("倡导“学科学，用科学”").is_empty());
    }
}
