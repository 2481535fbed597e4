//! Positions: byte offsets of the library ↔ LSP line/character positions in
//! the encoding the client negotiated. Every range the server sends or
//! receives crosses this module, and nowhere else.
//!
//! The line index is the library's ([`SourceFile`]'s line starts); a
//! character is counted in UTF-16 code units (the LSP default), UTF-8 bytes
//! or code points, so a CJK character is 1, 3 or 1 unit and a character
//! outside the BMP (𠀀) 2, 4 or 1.

use lsp_types::{Position, PositionEncodingKind, Range};

use planlint::source::{SourceFile, Span, floor_char_boundary};

/// How the client counts characters in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionEncoding {
    Utf8,
    Utf16,
    Utf32,
}

impl PositionEncoding {
    /// The encoding to use: UTF-8 when the client offers it (no conversion
    /// on our side), else UTF-32 when offered, else UTF-16, which every
    /// client supports.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> PositionEncoding {
        let offered = offered.unwrap_or_default();
        if offered.contains(&PositionEncodingKind::UTF8) {
            PositionEncoding::Utf8
        } else if offered.contains(&PositionEncodingKind::UTF32) {
            PositionEncoding::Utf32
        } else {
            PositionEncoding::Utf16
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            PositionEncoding::Utf8 => PositionEncodingKind::UTF8,
            PositionEncoding::Utf16 => PositionEncodingKind::UTF16,
            PositionEncoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn units(self, c: char) -> usize {
        match self {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
            PositionEncoding::Utf32 => 1,
        }
    }
}

/// The position of a byte offset (clamped to the text and to a character
/// boundary).
pub fn position(file: &SourceFile, offset: usize, encoding: PositionEncoding) -> Position {
    let offset = floor_char_boundary(&file.text, offset);
    let line = file.line_index(offset);
    let start = file.line_start(line).unwrap_or(0);
    let character = match encoding {
        PositionEncoding::Utf8 => offset - start,
        _ => file.text[start..offset]
            .chars()
            .map(|c| encoding.units(c))
            .sum(),
    };
    Position::new(line as u32, character as u32)
}

/// The range of a span.
pub fn range(file: &SourceFile, span: Span, encoding: PositionEncoding) -> Range {
    Range::new(
        position(file, span.start, encoding),
        position(file, span.end, encoding),
    )
}

/// The byte offset of a position. A line past the end gives the end of the
/// text; a character past the end of its line, or inside a character (half
/// a surrogate pair, the middle of a UTF-8 sequence), gives the boundary
/// before it, as LSP asks.
pub fn offset(file: &SourceFile, position: Position, encoding: PositionEncoding) -> usize {
    let Some(start) = file.line_start(position.line as usize) else {
        return file.text.len();
    };
    let end = file
        .line_start(position.line as usize + 1)
        .unwrap_or(file.text.len());
    let line = &file.text[start..end];
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let wanted = position.character as usize;
    let mut units = 0;
    for (i, c) in line.char_indices() {
        let next = units + encoding.units(c);
        if next > wanted {
            return start + i;
        }
        units = next;
    }
    start + line.len()
}

/// The byte span of a range.
pub fn span(file: &SourceFile, range: Range, encoding: PositionEncoding) -> Span {
    Span::new(
        offset(file, range.start, encoding),
        offset(file, range.end, encoding),
    )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const ALL: [PositionEncoding; 3] = [
        PositionEncoding::Utf8,
        PositionEncoding::Utf16,
        PositionEncoding::Utf32,
    ];

    #[test]
    fn cjk_and_non_bmp_columns() {
        // 西 is 3 bytes and 1 UTF-16 unit; 𠀀 (U+20000) is 4 bytes and 2 units.
        let file = SourceFile::new("a.plan", "item 西𠀀x {\r\n  title \"𠀀\"\n}");
        let x = file.text.find('x').unwrap();
        assert_eq!(
            position(&file, x, PositionEncoding::Utf8),
            Position::new(0, 12)
        );
        assert_eq!(
            position(&file, x, PositionEncoding::Utf16),
            Position::new(0, 8)
        );
        assert_eq!(
            position(&file, x, PositionEncoding::Utf32),
            Position::new(0, 7)
        );
        // Half a surrogate pair lands before the character.
        let pair = file.text.find('𠀀').unwrap();
        assert_eq!(
            offset(&file, Position::new(0, 7), PositionEncoding::Utf16),
            pair
        );
        // Past the end of a CRLF line: the end of its text, before `\r`.
        let cr = file.text.find('\r').unwrap();
        assert_eq!(
            offset(&file, Position::new(0, 99), PositionEncoding::Utf16),
            cr
        );
        assert_eq!(
            offset(&file, Position::new(9, 0), PositionEncoding::Utf16),
            file.text.len()
        );
    }

    fn text() -> impl Strategy<Value = String> {
        // ASCII, CJK, full-width punctuation, characters outside the BMP
        // and line breaks, mixed.
        proptest::collection::vec(
            prop_oneof![
                proptest::char::range('a', 'z'),
                proptest::char::range('\u{4e00}', '\u{9fff}'),
                Just('；'),
                Just('｛'),
                proptest::char::range('\u{20000}', '\u{2a6df}'),
                proptest::char::range('\u{1f600}', '\u{1f64f}'),
                Just('\n'),
                Just(' '),
            ],
            0..60,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    proptest! {
        #[test]
        fn every_boundary_round_trips(text in text()) {
            let file = SourceFile::new("a.plan", text.as_str());
            for encoding in ALL {
                for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    let p = position(&file, i, encoding);
                    prop_assert_eq!(offset(&file, p, encoding), i);
                }
            }
        }

        #[test]
        fn utf16_columns_are_what_an_editor_counts(text in text()) {
            let file = SourceFile::new("a.plan", text.as_str());
            for (i, _) in text.char_indices() {
                let line_start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                let expected = text[line_start..i].encode_utf16().count() as u32;
                prop_assert_eq!(position(&file, i, PositionEncoding::Utf16).character, expected);
                let lines = text[..i].matches('\n').count() as u32;
                prop_assert_eq!(position(&file, i, PositionEncoding::Utf16).line, lines);
            }
        }

        #[test]
        fn any_position_gives_a_boundary(text in text(), line in 0u32..20, character in 0u32..80) {
            let file = SourceFile::new("a.plan", text.as_str());
            for encoding in ALL {
                let o = offset(&file, Position::new(line, character), encoding);
                prop_assert!(text.is_char_boundary(o));
            }
        }
    }
}
