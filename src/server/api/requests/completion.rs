//! `textDocument/completion`: obligation ids after `implements`, `exempt`,
//! `suppress` and `refines`, shown with their citation and Chinese title
//! and matched on both (typing 科幻 offers the obligation titled 「…科幻…」),
//! what the plan owes and has not implemented first; diagnostic codes after
//! `suppress`; metric ids after `target`; the keywords of the enclosing
//! block at the start of a statement. Details and descriptions are in the
//! language of the analysis.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionItemLabelDetails, CompletionList,
    CompletionParams, CompletionResponse, CompletionTextEdit, TextEdit,
};

use planlint::check::Context;
use planlint::check::registry;
use planlint::i18n::catalogue::code_entry;
use planlint::i18n::{In, Lang, Msg, Numbered, Numbering, Quote};
use planlint::model::{Model, OblId};
use planlint::navigate::{self, Standing};
use planlint::source::{FileId, Span};
use planlint::syntax::lower;

use crate::server::edit;
use crate::server::session::Session;
use crate::server::workspace::Analysis;

pub fn completion(session: &Session, params: CompletionParams) -> Option<CompletionResponse> {
    let position = params.text_document_position;
    let (analysis, file) = session.file(&position.text_document.uri)?;
    let source = analysis.outcome.model.sources.get(file);
    let offset = edit::offset(source, position.position, session.encoding);
    let text = &source.text[..offset];
    let line = &text[text.rfind('\n').map_or(0, |i| i + 1)..];
    let statement = line.rsplit([';', '{']).next().unwrap_or(line);
    let words: Vec<&str> = statement.split_whitespace().collect();
    let partial = if statement.ends_with(char::is_whitespace) {
        ""
    } else {
        words.last().copied().unwrap_or("")
    };
    let before = words.len() - usize::from(!partial.is_empty());
    let replace = Span::new(offset - partial.len(), offset);
    let edit = |label: &str| {
        CompletionTextEdit::Edit(TextEdit::new(
            edit::range(source, replace, session.encoding),
            label.to_string(),
        ))
    };
    let mut items = match (words.first().copied(), before) {
        (_, 0) => keywords(construct(text), partial),
        (Some("implements" | "exempt" | "refines"), _) => obligations(analysis, file, partial),
        (Some("suppress"), 1) => {
            let mut items = codes(partial, analysis.lang);
            items.extend(obligations(analysis, file, partial));
            items
        }
        (Some("suppress"), 2) => obligations(analysis, file, partial),
        (Some("target"), 1) => metrics(&analysis.outcome.model, partial),
        _ => Vec::new(),
    };
    for item in &mut items {
        item.text_edit = Some(edit(&item.label));
    }
    Some(CompletionResponse::List(CompletionList {
        // Matching on titles is done here, so ask again as the user types.
        is_incomplete: true,
        items,
    }))
}

/// The keyword of the innermost block open at the end of `text`, skipping
/// strings and comments; `None` at the top of the file.
fn construct(text: &str) -> Option<&str> {
    let mut blocks = Vec::new();
    let mut statement = 0;
    let (mut in_string, mut escaped, mut in_comment) = (false, false, false);
    for (i, c) in text.char_indices() {
        if in_comment {
            in_comment = c != '\n';
            statement = i + 1;
        } else if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else {
            match c {
                '"' => in_string = true,
                '#' => in_comment = true,
                '{' => {
                    blocks.push(text[statement..i].split_whitespace().next().unwrap_or(""));
                    statement = i + 1;
                }
                '}' => {
                    blocks.pop();
                    statement = i + 1;
                }
                ';' | '\n' => statement = i + 1,
                _ => {}
            }
        }
    }
    blocks.last().copied()
}

fn keywords(construct: Option<&str>, partial: &str) -> Vec<CompletionItem> {
    lower::keywords(construct)
        .iter()
        .filter(|k| k.starts_with(partial))
        .map(|k| CompletionItem {
            label: k.to_string(),
            kind: Some(CompletionItemKind::KEYWORD),
            ..CompletionItem::default()
        })
        .collect()
}

/// The obligations a file may name: for a plan, those of the documents it
/// carries out, what it owes and has not implemented first; elsewhere
/// every obligation of other files.
fn obligations(analysis: &Analysis, file: FileId, partial: &str) -> Vec<CompletionItem> {
    let model = &analysis.outcome.model;
    let plan =
        navigate::document_of(model, file).filter(|&d| !model.document(d).parents.is_empty());
    let candidates: Vec<(OblId, Standing)> = match plan {
        Some(d) => {
            let ctx = Context::new(model, analysis.options, [d]);
            navigate::standings(&ctx)
                .into_iter()
                .map(|(o, s, _)| (o, s))
                .collect()
        }
        None => (0..model.obligations.len() as u32)
            .map(OblId)
            .filter(|&o| model.obligation(o).file != file)
            .map(|o| (o, Standing::NotBound))
            .collect(),
    };
    candidates
        .into_iter()
        .enumerate()
        .filter(|&(_, (o, _))| {
            let obligation = model.obligation(o);
            obligation.id().contains(partial) || obligation.title().contains(partial)
        })
        .map(|(rank, (o, standing))| {
            let obligation = model.obligation(o);
            CompletionItem {
                label: obligation.id().to_string(),
                label_details: Some(CompletionItemLabelDetails {
                    detail: Some(format!(" {}", obligation.title())),
                    description: Some(In(analysis.lang, &standing).to_string()),
                }),
                kind: Some(CompletionItemKind::REFERENCE),
                detail: Some(
                    Msg::CompletionObligation {
                        citation: Numbered {
                            citation: obligation.citation().to_string(),
                            numbering: Numbering::Counted,
                        },
                        title: Quote(obligation.title().to_string()),
                    }
                    .render(analysis.lang),
                ),
                // Editors filter on this text. It starts with what was
                // typed (matched here already, on the id or the title) so
                // that editors matching on prefixes keep the item, then
                // the id and title for those matching anywhere.
                filter_text: Some(format!(
                    "{partial}{} {}",
                    obligation.id(),
                    obligation.title()
                )),
                sort_text: Some(format!("{rank:06}")),
                ..CompletionItem::default()
            }
        })
        .collect()
}

/// The codes, with their summaries in the analysis's language.
fn codes(partial: &str, lang: Lang) -> Vec<CompletionItem> {
    registry::all_codes()
        .filter(|c| c.code.starts_with(partial))
        .map(|c| CompletionItem {
            label: c.code.to_string(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(
                code_entry(c.code)
                    .map_or(c.summary, |e| e.summary(lang))
                    .to_string(),
            ),
            ..CompletionItem::default()
        })
        .collect()
}

/// Every metric id of the loaded obligations, once, in id order.
fn metrics(model: &Model, partial: &str) -> Vec<CompletionItem> {
    let mut metrics: Vec<(&str, Option<&str>)> = model
        .obligations
        .iter()
        .flat_map(|o| &o.decl.targets)
        .map(|t| (t.metric.value.as_str(), t.label.as_deref()))
        .filter(|(m, _)| m.contains(partial))
        .collect();
    metrics.sort_by_key(|&(m, _)| m);
    metrics.dedup_by_key(|&mut (m, _)| m);
    metrics
        .into_iter()
        .map(|(m, label)| CompletionItem {
            label: m.to_string(),
            kind: Some(CompletionItemKind::FIELD),
            detail: label.map(str::to_string),
            ..CompletionItem::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_enclosing_block_skips_strings_and_comments() {
        assert_eq!(construct("item x {\n  title \"{\"\n  "), Some("item"));
        assert_eq!(
            construct("item x {\n  target t { at_least 3; "),
            Some("target")
        );
        assert_eq!(construct("item x {\n # }\n  "), Some("item"));
        assert_eq!(construct("item x { }\n"), None);
    }
}
