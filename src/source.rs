//! Source files, byte spans and the character positions users see.
//!
//! Spans are byte offsets into a file's text (cheap to slice, what nom gives
//! us); every position shown to a user is a 1-based line and a 1-based
//! column counted in characters, never bytes, because plan files are
//! Chinese. Each file keeps a line-start index so a position costs a binary
//! search, not a rescan of the file.

use std::sync::{Arc, OnceLock};

/// Index of a file in a [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A half-open byte range `start..end` inside one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// An empty span at `offset`, for something that is missing.
    pub fn point(offset: usize) -> Self {
        Span {
            start: offset,
            end: offset,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// A value with the span of the text it was read from. The span stays out
/// of equality so that two models read from differently laid-out files
/// compare equal.
#[derive(Debug, Clone)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

impl<T: PartialEq> PartialEq for Spanned<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

/// One loaded file: its display name, its text and a line-start index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: Arc<str>,
    /// Where each line starts, worked out when a position is first asked
    /// for: most files of a large run have no finding to place.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = Vec::with_capacity(self.text.len() / 32 + 1);
            starts.push(0);
            starts.extend(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1));
            starts
        })
    }

    /// 1-based line and 1-based character column of a byte offset. An
    /// offset inside a character or past the end is clamped first.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset);
        let line = self.line_starts().partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts()[line];
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// 0-based line of a byte offset (clamped to the text), by binary search.
    pub fn line_index(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts().partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset at which 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts().get(line).copied()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts().len()
    }

    /// The text of a span, clamped to character boundaries so that it never
    /// panics whatever span it is given.
    pub fn slice(&self, span: Span) -> &str {
        let start = floor_char_boundary(&self.text, span.start);
        let end = floor_char_boundary(&self.text, span.end).max(start);
        &self.text[start..end]
    }
}

/// The largest character boundary at or before `offset`, within the text.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Every file of a run, addressed by [`FileId`].
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId((self.files.len() - 1) as u32)
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("a.plan", "标题 \"西城区\"\nx");
        assert_eq!(file.line_col(0), (1, 1));
        // "标题 " is 7 bytes and 3 characters.
        assert_eq!(file.line_col(7), (1, 4));
        let second_line = file.text.find('x').unwrap();
        assert_eq!(file.line_col(second_line), (2, 1));
        assert_eq!(file.line_index(second_line), 1);
        assert_eq!(file.line_index(second_line - 1), 0);
        assert_eq!(file.line_index(usize::MAX), 1);
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let file = SourceFile::new("a.plan", "西城");
        assert_eq!(file.line_col(1), (1, 1));
        assert_eq!(file.slice(Span::new(1, 5)), "西");
        assert_eq!(file.slice(Span::new(0, 99)), "西城");
    }
}
