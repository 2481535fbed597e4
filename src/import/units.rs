//! 责任单位 from an item's trailing parenthesis: `（责任单位：区教委、区科协）`,
//! also 牵头单位/负责单位/配合单位/主责单位, `:` or `：`, brackets that open
//! full-width and close half-width, names split at 、，；. Other
//! parentheses (`（专项、基金等）`, `（以下简称…）`) are left in the text.

/// Words that open a parenthesis of responsible units.
const LEADS: &[&str] = &[
    "责任单位",
    "牵头单位",
    "负责单位",
    "配合单位",
    "主责单位",
    "责任部门",
    "牵头部门",
    "配合部门",
];

/// The units and the text without their parenthesis.
pub fn split(text: &str) -> (Vec<String>, String) {
    let trimmed = text.trim_end();
    let body = trimmed.trim_end_matches(['）', ')']);
    let closed = body.len() != trimmed.len();
    // The last opening bracket whose content starts with a lead word.
    let Some(open) = body
        .char_indices()
        .filter(|&(_, c)| matches!(c, '（' | '('))
        .map(|(i, c)| (i, c.len_utf8()))
        .rfind(|&(i, len)| {
            let inner = crate::text::simplified(body[i + len..].trim_start());
            LEADS.iter().any(|l| inner.starts_with(l))
        })
    else {
        return (Vec::new(), text.to_string());
    };
    let inner = &body[open.0 + open.1..];
    if !closed && inner.contains(['。']) {
        return (Vec::new(), text.to_string());
    }
    let mut units = Vec::new();
    for part in inner.split(['；', ';']) {
        let part = part.trim();
        let names = match part.split_once(['：', ':']) {
            Some((lead, names))
                if LEADS
                    .iter()
                    .any(|l| crate::text::simplified(lead.trim()).starts_with(l)) =>
            {
                names
            }
            _ => part,
        };
        for name in names.split(['、', '，', ',', '；', ';']) {
            let name = name.trim().trim_end_matches(['等']).trim();
            if !name.is_empty() && !units.iter().any(|u| u == name) {
                units.push(name.to_string());
            }
        }
    }
    let rest = body[..open.0].trim_end().to_string();
    (units, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_units_in_every_form() {
        assert_eq!(
            split("开展活动。（责任单位：区教委、区科协）").0,
            ["区教委", "区科协"]
        );
        assert_eq!(
            split("开展活动。（责任单位:区教委，区科协)").0,
            ["区教委", "区科协"]
        );
        assert_eq!(
            split("开展活动。(牵头单位：区科协；配合单位：区教委、各街道)").0,
            ["区科协", "区教委", "各街道"]
        );
        assert_eq!(
            split("开展活动。（责任单位：区教委、区科协）").1,
            "开展活动。"
        );
    }

    #[test]
    fn other_parentheses_stay_in_the_text() {
        let text = "设立资金（专项、基金等），成立小组（以下简称“小组”）。";
        assert_eq!(split(text), (Vec::new(), text.to_string()));
    }
}
