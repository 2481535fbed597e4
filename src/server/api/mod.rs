//! The methods the server answers: one file per request under `requests/`,
//! one per notification under `notifications/`, dispatched here by name.

pub mod diagnostics;
mod notifications;
mod requests;

use lsp_server::{Connection, ErrorCode, Notification, Request, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeLensOptions,
    CompletionOptions, HoverProviderCapability, MessageType, OneOf, SaveOptions,
    ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, notification as n, request as r,
};

use crate::server::edit::PositionEncoding;
use crate::server::session::Session;

pub fn capabilities(encoding: PositionEncoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        document_formatting_provider: Some(OneOf::Left(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), ".".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        code_lens_provider: Some(CodeLensOptions {
            resolve_provider: Some(false),
        }),
        ..ServerCapabilities::default()
    }
}

/// Answers a request from the latest analysis.
pub fn request(session: &Session, request: Request) -> Response {
    match request.method.as_str() {
        r::HoverRequest::METHOD => {
            answer::<r::HoverRequest>(session, request, requests::hover::hover)
        }
        r::GotoDefinition::METHOD => {
            answer::<r::GotoDefinition>(session, request, requests::definition::definition)
        }
        r::References::METHOD => {
            answer::<r::References>(session, request, requests::references::references)
        }
        r::Completion::METHOD => {
            answer::<r::Completion>(session, request, requests::completion::completion)
        }
        r::CodeActionRequest::METHOD => {
            answer::<r::CodeActionRequest>(session, request, requests::code_action::code_actions)
        }
        r::CodeLensRequest::METHOD => {
            answer::<r::CodeLensRequest>(session, request, requests::code_lens::code_lenses)
        }
        r::Formatting::METHOD => {
            answer::<r::Formatting>(session, request, requests::formatting::formatting)
        }
        r::DocumentSymbolRequest::METHOD => answer::<r::DocumentSymbolRequest>(
            session,
            request,
            requests::document_symbol::document_symbols,
        ),
        method => Response::new_err(
            request.id,
            ErrorCode::MethodNotFound as i32,
            format!("planlint does not answer `{method}`"),
        ),
    }
}

fn answer<R: r::Request>(
    session: &Session,
    request: Request,
    handler: fn(&Session, R::Params) -> R::Result,
) -> Response {
    match serde_json::from_value::<R::Params>(request.params) {
        Ok(params) => Response::new_ok(request.id, handler(session, params)),
        Err(e) => Response::new_err(
            request.id,
            ErrorCode::InvalidParams as i32,
            format!("invalid parameters of `{}`: {e}", request.method),
        ),
    }
}

/// Applies a notification to the session; an unknown or malformed one is
/// ignored, as LSP asks.
pub fn notification(
    session: &mut Session,
    published: &mut diagnostics::Published,
    notification: Notification,
) {
    let Notification { method, params } = notification;
    match method.as_str() {
        n::DidOpenTextDocument::METHOD => {
            if let Ok(p) = serde_json::from_value(params) {
                notifications::did_open::did_open(session, published, p);
            }
        }
        n::DidChangeTextDocument::METHOD => {
            if let Ok(p) = serde_json::from_value(params) {
                notifications::did_change::did_change(session, published, p);
            }
        }
        n::DidSaveTextDocument::METHOD => {
            if let Ok(p) = serde_json::from_value(params) {
                notifications::did_save::did_save(session, p);
            }
        }
        n::DidCloseTextDocument::METHOD => {
            if let Ok(p) = serde_json::from_value(params) {
                notifications::did_close::did_close(session, p);
            }
        }
        n::DidChangeWatchedFiles::METHOD => {
            if let Ok(p) = serde_json::from_value(params) {
                notifications::did_change_watched_files::did_change_watched_files(session, p);
            }
        }
        _ => {}
    }
}

/// Shows an error in the editor's message area.
pub fn show_error(connection: &Connection, message: &str) {
    let params = ShowMessageParams {
        typ: MessageType::ERROR,
        message: format!("planlint: {message}"),
    };
    let notification = Notification::new(n::ShowMessage::METHOD.into(), params);
    let _ = connection.sender.send(notification.into());
}
