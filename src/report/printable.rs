//! The one place that makes text from the input safe to print: control
//! characters (ESC, BEL, CR, backspace, form feed, …), DEL, the C1 controls
//! and the bidirectional overrides become visible stand-ins, so a crafted
//! title can neither move the cursor, erase a finding line, reorder what a
//! terminal shows, nor make an SVG invalid XML. Every text renderer passes
//! the document's text through here; tabs and line breaks are kept.

use std::borrow::Cow;

/// What stands in for `c` when printed, if it cannot be printed as is.
///
/// C0 controls and DEL become their Unicode control pictures (`␛`, `␇`,
/// `␍`, `␌`, `␡`: one visible character each); the C1 controls and the
/// bidirectional formatting characters become `<U+202E>`.
pub fn stand_in(c: char) -> Option<Cow<'static, str>> {
    match c {
        '\t' | '\n' => None,
        '\0'..='\u{1f}' => {
            let picture = char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}');
            Some(Cow::Owned(picture.to_string()))
        }
        '\u{7f}' => Some(Cow::Borrowed("\u{2421}")),
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some(Cow::Owned(format!("<U+{:04X}>", c as u32))),
        _ => None,
    }
}

/// `text` with every character [`stand_in`] names replaced; borrowed when
/// there is none (the usual case).
pub fn printable(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(|c| stand_in(c).is_some()) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        match stand_in(c) {
            Some(s) => out.push_str(&s),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_and_the_rest_stays() {
        assert!(matches!(printable("西城区 plan\t1\n"), Cow::Borrowed(_)));
        assert_eq!(
            printable("a\u{1b}[2K\rb\u{7}\u{c}\u{b}\u{7f}"),
            "a␛[2K␍b␇␌␋␡"
        );
        assert_eq!(printable("x\u{202e}y\u{9b}z"), "x<U+202E>y<U+009B>z");
    }
}
