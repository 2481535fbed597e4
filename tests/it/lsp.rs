//! `planlint lsp` driven as an editor drives it: the real binary over
//! stdio, JSON-RPC, on a temporary copy of the bundled cascade; at the
//! project root and at a subdirectory, with UTF-16 and with UTF-8 positions.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use serde_json::{Value, json};

/// How long to wait for a message before the test fails (a hung server).
const PATIENCE: Duration = Duration::from_secs(120);

/// A client speaking to `planlint lsp` over its standard input and output.
pub struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests received while waiting.
    pub pending: Vec<Value>,
    pub utf8: bool,
}

impl Client {
    /// The code actions the server offers for one of its diagnostics.
    pub fn code_actions(&mut self, uri: &str, diagnostic: &Value) -> Value {
        self.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": diagnostic["range"], "context": { "diagnostics": [diagnostic] } }),
        )
    }

    pub fn start(open_at: &Path, utf8: bool) -> Client {
        Client::start_with(open_at, utf8, json!({ "asOf": "2025-01-01" }))
    }

    /// Starts the server with these `initializationOptions`, in no locale.
    pub fn start_with(open_at: &Path, utf8: bool, options: Value) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_planlint"))
            .arg("lsp")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .current_dir(open_at)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start planlint lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("a Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let message = serde_json::from_slice(&body).expect("a JSON message");
                if send.send(message).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages,
            next_id: 0,
            pending: Vec::new(),
            utf8,
        };
        let encodings = if utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let folder = uri(open_at);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": folder,
                "workspaceFolders": [{ "uri": folder, "name": "project" }],
                "initializationOptions": options,
                "capabilities": {
                    "general": { "positionEncodings": encodings },
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } }
                }
            }),
        );
        let negotiated = if utf8 { "utf-8" } else { "utf-16" };
        assert_eq!(result["capabilities"]["positionEncoding"], negotiated);
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn receive(&mut self) -> Value {
        match self.messages.recv_timeout(PATIENCE) {
            Ok(m) => m,
            Err(RecvTimeoutError::Timeout) => panic!("no message from the server in {PATIENCE:?}"),
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        }
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.receive();
            if message["id"] == id && message.get("method").is_none() {
                assert!(message.get("error").is_none(), "{method} failed: {message}");
                return message["result"].clone();
            }
            self.pending.push(message);
        }
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// Waits for the diagnostics of `uri` (of the open document's
    /// `version`, or of a file not open), the last of them if several are
    /// queued.
    pub fn diagnostics(&mut self, uri: &str, version: Option<i32>) -> Vec<Value> {
        let is_ours = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && version.is_none_or(|v| m["params"]["version"] == v)
        };
        let mut found = None;
        for m in std::mem::take(&mut self.pending) {
            if is_ours(&m) {
                found = Some(m);
            } else if m["method"] == "client/registerCapability" {
                let id = m["id"].clone();
                self.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
            }
        }
        let message = match found {
            Some(m) => m,
            None => loop {
                let m = self.receive();
                if is_ours(&m) {
                    break m;
                }
            },
        };
        message["params"]["diagnostics"]
            .as_array()
            .expect("a list of diagnostics")
            .clone()
    }

    /// The position of a byte offset of `text`, counted here apart from
    /// the server: UTF-8 bytes or UTF-16 units.
    pub fn position(&self, text: &str, offset: usize) -> Value {
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..offset].matches('\n').count();
        let before = &text[line_start..offset];
        let character = if self.utf8 {
            before.len()
        } else {
            before.encode_utf16().count()
        };
        json!({ "line": line, "character": character })
    }

    /// The byte offset of a position, the inverse of [`Client::position`].
    pub fn offset(&self, text: &str, position: &Value) -> usize {
        let line = position["line"].as_u64().expect("line") as usize;
        let character = position["character"].as_u64().expect("character") as usize;
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[line_start..].char_indices() {
            if units >= character || c == '\n' {
                return line_start + i;
            }
            units += if self.utf8 {
                c.len_utf8()
            } else {
                c.len_utf16()
            };
        }
        text.len()
    }

    /// Applies LSP text edits to a text, as an editor does.
    pub fn apply(&self, text: &str, edits: &[Value]) -> String {
        let mut edits: Vec<(usize, usize, &str)> = edits
            .iter()
            .map(|e| {
                (
                    self.offset(text, &e["range"]["start"]),
                    self.offset(text, &e["range"]["end"]),
                    e["newText"].as_str().expect("newText"),
                )
            })
            .collect();
        edits.sort_by_key(|e| std::cmp::Reverse(e.0));
        let mut text = text.to_string();
        for (start, end, new) in edits {
            text.replace_range(start..end, new);
        }
        text
    }

    pub fn shutdown(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "the server exited with {status}");
    }
}

pub fn uri(path: &Path) -> String {
    let path = path.to_string_lossy();
    format!("file://{path}")
}

/// A temporary copy of the real cascade's files (those named in
/// `support::REAL_FILES`, so that a plan added to `plans/` changes nothing
/// here).
pub fn copy_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, text) in crate::support::real_files() {
        let to = dir.path().join(&name);
        std::fs::create_dir_all(to.parent().expect("a directory")).expect("create a directory");
        std::fs::write(to, text).expect("write a copy");
    }
    dir
}

/// Every offset of every real file: what is under it is an id whose
/// declaration and references are places inside the files.
#[test]
fn navigating_every_offset_of_the_real_cascade() {
    let outcome = planlint::check(
        crate::support::real_files(),
        planlint::Selection::All,
        planlint::check::Options {
            as_of: crate::support::AS_OF,
        },
    );
    let model = &outcome.model;
    for (file, source) in model.sources.iter() {
        for offset in 0..=source.text.len() + 1 {
            let Some((symbol, span)) = planlint::navigate::symbol_at(model, file, offset) else {
                continue;
            };
            assert!(span.start <= offset && offset <= span.end);
            let (declared, at) = planlint::navigate::declaration(model, symbol);
            let text = &model.sources.get(declared).text;
            assert!(
                text.is_char_boundary(at.start) && text.is_char_boundary(at.end.min(text.len()))
            );
            if let planlint::navigate::Symbol::Obligation(o) = symbol {
                for (f, s) in planlint::navigate::references(model, o) {
                    assert_eq!(model.sources.get(f).slice(s), model.obligation(o).id());
                }
            }
        }
    }
    // Each id after `implements` in the plan names its obligation.
    let (plan, source) = model
        .sources
        .iter()
        .find(|(_, f)| f.name == "plans/xicheng.plan")
        .expect("the plan");
    let mut links = 0;
    for (at, _) in source.text.match_indices("implements ") {
        let line = &source.text[at..source.text[at..]
            .find('\n')
            .map_or(source.text.len(), |n| at + n)];
        let mut offset = at + "implements ".len();
        for id in line["implements ".len()..].split(' ') {
            let found = planlint::navigate::symbol_at(model, plan, offset);
            let named = found.map(|(symbol, _)| match symbol {
                planlint::navigate::Symbol::Obligation(o) => model.obligation(o).id(),
                _ => "",
            });
            assert_eq!(named, Some(id), "at byte {offset}");
            offset += id.len() + 1;
            links += 1;
        }
    }
    assert!(links > 100, "{links} links");
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap_or(""),
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

fn omitted(diagnostics: &[Value], id: &str) -> Option<Value> {
    let needle = format!("no item implements `{id}`");
    diagnostics
        .iter()
        .find(|d| {
            d["code"] == "omitted-obligation"
                && d["message"]
                    .as_str()
                    .is_some_and(|m| m.starts_with(&needle))
        })
        .cloned()
}

/// The editor's whole session on `plans/xicheng.plan`.
fn editor_session(open_at: &Path, root: &Path, utf8: bool) {
    let mut client = Client::start(open_at, utf8);
    let path = root.join("plans/xicheng.plan");
    let plan = uri(&path);
    let rules = uri(&root.join("rules/beijing-outline.plan"));
    let original = std::fs::read_to_string(&path).expect("read the plan");
    let rules_text =
        std::fs::read_to_string(root.join("rules/beijing-outline.plan")).expect("read the rules");
    let mut text = original.clone();
    let mut version = 1;
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": plan, "languageId": "plan", "version": version, "text": text } }),
    );

    // Diagnostics: the omission of bj.4.3.4, an error pointing into the rules.
    let diagnostics = client.diagnostics(&plan, Some(version));
    let first = diagnostics.clone();
    let d =
        omitted(&diagnostics, "bj.4.3.4").unwrap_or_else(|| panic!("{:#?}", codes(&diagnostics)));
    assert_eq!(d["severity"], 1);
    assert_eq!(d["source"], "planlint");
    let header = text.find("document xc.plan").expect("the header");
    assert_eq!(d["range"]["start"], client.position(&text, header));
    assert_eq!(d["relatedInformation"][0]["location"]["uri"], rules);
    assert!(
        codes(&diagnostics)
            .iter()
            .any(|c| c.starts_with("unstated-quantity"))
    );

    // Hover on a reference: the obligation, the figure owed and the share.
    let reference = text.find("bj.3.3.2/4").expect("the reference");
    let at = |client: &Client, text: &str, offset| json!({ "textDocument": { "uri": plan }, "position": client.position(text, offset) });
    let hover = client.request("textDocument/hover", at(&client, &text, reference + 3));
    let shown = hover["contents"]["value"].as_str().expect("hover text");
    assert!(
        shown.contains("3.3.2/4 「强化重点群体的就业创业培训」"),
        "{shown}"
    );
    assert!(
        shown.contains("`xc.plan` owes at_least 506 人次 a year"),
        "{shown}"
    );
    assert!(shown.contains("its share by population: ⌈"), "{shown}");
    // On an item: what it implements and how each fares.
    let item = text.find("item xc.2.2.2").expect("the item") + "item ".len();
    let hover = client.request("textDocument/hover", at(&client, &text, item + 2));
    let shown = hover["contents"]["value"].as_str().expect("hover text");
    assert!(shown.contains("`unstated-quantity`"), "{shown}");

    // Definition: the obligation's declaration in the rules.
    let definition = client.request("textDocument/definition", at(&client, &text, reference + 3));
    assert_eq!(definition["uri"], rules);
    let declared = rules_text
        .find("obligation bj.3.3.2/4")
        .expect("the declaration")
        + "obligation ".len();
    assert_eq!(
        definition["range"]["start"],
        client.position(&rules_text, declared)
    );

    // References: the item implementing it.
    let references = client.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": plan }, "position": client.position(&text, reference), "context": { "includeDeclaration": false } }),
    );
    let references = references.as_array().expect("locations");
    assert_eq!(references.len(), 1, "{references:?}");
    assert_eq!(
        references[0]["range"]["start"],
        client.position(&text, reference)
    );

    // Completion on a Chinese title, the completion applied, the omission gone.
    let after =
        text.find("implements bj.2.1\n").expect("the item xc.1.1") + "implements bj.2.1".len();
    let change = |client: &mut Client, text: &mut String, version: &mut i32, new: String| {
        *version += 1;
        let end = client.position(text, text.len());
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": plan, "version": *version },
                    "contentChanges": [{ "range": { "start": { "line": 0, "character": 0 }, "end": end }, "text": new }] }),
        );
        *text = new;
    };
    let mut typed = text.clone();
    typed.insert_str(after, "\n  implements 科幻");
    change(&mut client, &mut text, &mut version, typed);
    let cursor = after + "\n  implements 科幻".len();
    let completion = client.request("textDocument/completion", at(&client, &text, cursor));
    let items = completion["items"].as_array().expect("completion items");
    assert_eq!(items[0]["label"], "bj.4.3.4", "{items:#?}");
    assert_eq!(
        items[0]["labelDetails"]["description"],
        "owed, not implemented"
    );
    assert!(
        items
            .iter()
            .all(|i| i["detail"].as_str().is_some_and(|d| d.contains("科幻")))
    );
    let completed = client.apply(&text, &[items[0]["textEdit"].clone()]);
    assert!(completed.contains("implements bj.2.1\n  implements bj.4.3.4\n"));
    change(&mut client, &mut text, &mut version, completed);
    let diagnostics = client.diagnostics(&plan, Some(version));
    assert!(
        omitted(&diagnostics, "bj.4.3.4").is_none(),
        "{:#?}",
        codes(&diagnostics)
    );
    change(&mut client, &mut text, &mut version, original.clone());
    assert_eq!(client.diagnostics(&plan, Some(version)), first);

    // A code action applied: an item implementing bj.4.3.4 with what is owed.
    let d = omitted(&first, "bj.4.3.4").expect("the omission");
    let actions = client.code_actions(&plan, &d);
    let add = titled(&actions, "add an item with `implements bj.4.3.4`");
    assert!(
        actions
            .as_array()
            .expect("actions")
            .iter()
            .any(|a| a["title"]
                == "add `exempt bj.4.3.4 { reason \"…\" }` with the reason the plan leaves it out")
    );
    let edits = add["edit"]["changes"][&plan]
        .as_array()
        .expect("edits")
        .clone();
    let added = client.apply(&text, &edits);
    assert!(
        added.ends_with(
            "item xc.todo.4.3.4 {\n  title \"实施科幻产业发展扶持计划\"\n  implements bj.4.3.4\n}\n"
        ),
        "{}",
        &added[added.len() - 200..]
    );
    change(&mut client, &mut text, &mut version, added);
    let diagnostics = client.diagnostics(&plan, Some(version));
    assert!(
        omitted(&diagnostics, "bj.4.3.4").is_none(),
        "{:#?}",
        codes(&diagnostics)
    );
    assert!(
        !codes(&diagnostics)
            .iter()
            .any(|c| c.starts_with("syntax-error") || c.starts_with("unknown"))
    );
    change(&mut client, &mut text, &mut version, original.clone());
    assert_eq!(client.diagnostics(&plan, Some(version)), first);

    // A typo introduced: one diagnostic at the right place, and its "did
    // you mean" fixes it.
    let id = reference;
    let mut typo = text.clone();
    typo.replace_range(id..id + "bj.3.3.2/4".len(), "bj3.3.2/4");
    change(&mut client, &mut text, &mut version, typo);
    let diagnostics = client.diagnostics(&plan, Some(version));
    let unknown: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "unknown-reference")
        .collect();
    assert_eq!(unknown.len(), 1, "{:#?}", codes(&diagnostics));
    assert_eq!(unknown[0]["range"]["start"], client.position(&text, id));
    let actions = client.code_actions(&plan, unknown[0]);
    let fix = &actions[0];
    assert_eq!(fix["title"], "replace it with `bj.3.3.2/4`");
    let fixed = client.apply(
        &text,
        fix["edit"]["changes"][&plan].as_array().expect("edits"),
    );
    assert!(fixed == original, "the fix did not restore the id");
    change(&mut client, &mut text, &mut version, fixed);
    assert_eq!(client.diagnostics(&plan, Some(version)), first);

    // Full-width punctuation after Chinese text (its column differs in
    // UTF-8 and UTF-16), replaced by its code action.
    let title = text.find("title \"坚持科学精神引领\"").expect("a title")
        + "title \"坚持科学精神引领\"".len();
    let mut full_width = text.clone();
    full_width.insert(title, '；');
    change(&mut client, &mut text, &mut version, full_width);
    let diagnostics = client.diagnostics(&plan, Some(version));
    let error = diagnostics
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("full-width `；`"))
        })
        .unwrap_or_else(|| panic!("{:#?}", codes(&diagnostics)))
        .clone();
    assert_eq!(error["range"]["start"], client.position(&text, title));
    let actions = client.code_actions(&plan, &error);
    let fix = titled(&actions, "replace the full-width `；` with `;`");
    let fixed = client.apply(
        &text,
        fix["edit"]["changes"][&plan].as_array().expect("edits"),
    );
    let mut expected = original.clone();
    expected.insert(title, ';');
    assert!(
        fixed == expected,
        "the fix did not write `;` in place of `；`"
    );
    change(&mut client, &mut text, &mut version, original.clone());
    assert_eq!(client.diagnostics(&plan, Some(version)), first);

    // The outline.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": plan } }),
    );
    assert_eq!(symbols[0]["name"], "xc.plan");
    let children = symbols[0]["children"].as_array().expect("children");
    assert!(children.iter().any(|c| c["name"] == "xc.1.1"));

    // Formatting: the bundled plan is in `planlint fmt`'s layout; a line
    // laid out by hand is put back.
    let format = json!({ "textDocument": { "uri": plan }, "options": { "tabSize": 2, "insertSpaces": true } });
    assert_eq!(
        client.request("textDocument/formatting", format.clone()),
        json!([])
    );
    let messy = text.replacen("  implements bj.2.1\n", "      implements    bj.2.1\n", 1);
    change(&mut client, &mut text, &mut version, messy);
    let edits = client.request("textDocument/formatting", format);
    let formatted = client.apply(&text, edits.as_array().expect("edits"));
    assert!(
        formatted == original,
        "formatting did not restore the layout"
    );
    change(&mut client, &mut text, &mut version, formatted);
    assert_eq!(client.diagnostics(&plan, Some(version)), first);

    // A file changed on disk outside the editor is picked up.
    let extra = root.join("plans/extra.plan");
    std::fs::write(&extra, "item broken {\n").expect("write a file");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&extra), "type": 1 }] }),
    );
    let diagnostics = client.diagnostics(&uri(&extra), None);
    assert!(!diagnostics.is_empty());
    std::fs::remove_file(&extra).expect("remove the file");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&extra), "type": 3 }] }),
    );
    assert_eq!(client.diagnostics(&uri(&extra), None), Vec::<Value>::new());

    client.shutdown();
}

#[test]
fn an_editor_session_at_the_project_root() {
    let project = copy_project();
    editor_session(project.path(), project.path(), false);
}

#[test]
fn an_editor_session_opened_at_a_subdirectory() {
    let project = copy_project();
    let root: PathBuf = project.path().to_path_buf();
    editor_session(&root.join("plans"), &root, false);
}

#[test]
fn an_editor_session_with_utf8_positions() {
    let project = copy_project();
    editor_session(project.path(), project.path(), true);
}

/// The VS Code extension's manifest names its files, and its grammar
/// colours every keyword the language has.
#[test]
fn the_vscode_extension_knows_every_keyword() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode");
    let read = |path: &str| {
        let text = std::fs::read_to_string(dir.join(path)).expect("read a file of the extension");
        serde_json::from_str::<Value>(&text).expect("JSON")
    };
    let manifest = read("package.json");
    let grammar_path = manifest["contributes"]["grammars"][0]["path"]
        .as_str()
        .expect("a grammar");
    assert!(dir.join(manifest["main"].as_str().expect("main")).is_file());
    let grammar = read(grammar_path);
    let repository = &grammar["repository"];
    // The alternatives of the rule's groups, `(a|b|c)`.
    let alternatives = |rule: &str| -> Vec<String> {
        let pattern = repository[rule]["match"].as_str().expect("a match");
        pattern.split(['(', '|', ')']).map(str::to_string).collect()
    };
    let known: Vec<String> = [alternatives("statement"), alternatives("field")].concat();
    let constructs = [
        None,
        Some("jurisdiction"),
        Some("document"),
        Some("obligation"),
        Some("target"),
        Some("item"),
        Some("exempt"),
        Some("observe"),
        Some("suppress"),
        Some("strength"),
    ];
    for construct in constructs {
        for keyword in planlint::syntax::lower::keywords(construct) {
            assert!(
                known.iter().any(|k| k == keyword),
                "the grammar lacks `{keyword}`"
            );
        }
    }
}

/// A server asked for Chinese messages on a copy of the project, with
/// `plans/xicheng.plan` opened as it is on disk; the plan's URI and text.
fn open_xicheng_in_chinese(project: &tempfile::TempDir) -> (Client, String, String) {
    let mut client = Client::start_with(
        project.path(),
        false,
        json!({ "asOf": "2025-01-01", "lang": "zh" }),
    );
    let plan = uri(&project.path().join("plans/xicheng.plan"));
    let text =
        std::fs::read_to_string(project.path().join("plans/xicheng.plan")).expect("read the plan");
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": plan, "languageId": "plan", "version": 1, "text": text } }),
    );
    (client, plan, text)
}

/// Diagnostics come in the language the editor asks for.
#[test]
fn diagnostics_in_chinese() {
    let project = copy_project();
    let (mut client, plan, text) = open_xicheng_in_chinese(&project);
    let diagnostics = client.diagnostics(&plan, Some(1));
    let omission = diagnostics
        .iter()
        .find(|d| {
            d["code"] == "omitted-obligation"
                && d["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("`bj.4.3.4`"))
        })
        .unwrap_or_else(|| panic!("{:#?}", codes(&diagnostics)));
    let message = omission["message"].as_str().unwrap_or("");
    // The Chinese template, with the citation in the document's own numbering.
    assert!(
        message.contains("落实四、(三)第4项「实施科幻产业发展扶持计划」"),
        "{message}"
    );
    assert!(message.contains("\n建议：请"), "{message}");

    // The hover: the obligation cited in Beijing's own numbering, the share
    // Xicheng owes and how it stands, in Chinese.
    let at = |client: &Client, text: &str, offset| json!({ "textDocument": { "uri": plan }, "position": client.position(text, offset) });
    let reference = text.find("bj.3.3.2/4").expect("the reference");
    let hover = client.request("textDocument/hover", at(&client, &text, reference + 3));
    let shown = hover["contents"]["value"].as_str().expect("hover text");
    assert!(
        shown.contains("三、(三)第2项第4句「强化重点群体的就业创业培训」（`bj.outline`）"),
        "{shown}"
    );
    assert!(
        shown.contains("`xc.plan` 应承担每年不少于 506 人次（按常住人口分摊：⌈"),
        "{shown}"
    );
    assert!(
        shown.contains("对于 `xc.plan`：应落实，已落实，由 `"),
        "{shown}"
    );
    for english in ["owes", "share by population", "target", "for `"] {
        assert!(!shown.contains(english), "{english} in {shown}");
    }
    // On an item: what it implements, how it stands and its findings.
    let item = text.find("item xc.2.2.2").expect("the item") + "item ".len();
    let hover = client.request("textDocument/hover", at(&client, &text, item + 2));
    let shown = hover["contents"]["value"].as_str().expect("hover text");
    assert!(shown.contains("二、(二)2"), "{shown}");
    assert!(shown.contains("`unstated-quantity`："), "{shown}");

    // Completion: what each obligation stands at, and the codes' summaries.
    let after =
        text.find("implements bj.2.1\n").expect("the item xc.1.1") + "implements bj.2.1".len();
    let mut typed = text.clone();
    typed.insert_str(after, "\n  implements 科幻");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": plan, "version": 2 },
                "contentChanges": [{ "text": typed }] }),
    );
    let cursor = after + "\n  implements 科幻".len();
    let completion = client.request("textDocument/completion", at(&client, &typed, cursor));
    let items = completion["items"].as_array().expect("completion items");
    assert_eq!(items[0]["label"], "bj.4.3.4", "{items:#?}");
    assert_eq!(items[0]["labelDetails"]["description"], "应落实，尚未落实");
    assert_eq!(
        items[0]["detail"],
        "四、(三)第4项「实施科幻产业发展扶持计划」"
    );
    let mut suppressed = typed.clone();
    suppressed.insert_str(cursor, "\n  suppress unused-");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": plan, "version": 3 },
                "contentChanges": [{ "text": suppressed }] }),
    );
    let cursor = cursor + "\n  suppress unused-".len();
    let completion = client.request("textDocument/completion", at(&client, &suppressed, cursor));
    let items = completion["items"].as_array().expect("completion items");
    let exemption = items
        .iter()
        .find(|i| i["label"] == "unused-exemption")
        .unwrap_or_else(|| panic!("{items:#?}"));
    assert_eq!(exemption["detail"], "对不约束本方案的要求作了不落实说明");

    // The outline: each item's detail in the plan's own numbering.
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": plan } }),
    );
    let children = symbols[0]["children"].as_array().expect("children");
    let item = children
        .iter()
        .find(|c| c["name"] == "xc.2.2.2")
        .unwrap_or_else(|| panic!("{children:#?}"));
    assert!(
        item["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("二、(二)2 ")),
        "{item:#?}"
    );
    client.shutdown();
}

/// The plan's header shows its verdict, the one `check --format json`
/// gives for it (the same coverage model), in the editor's language.
#[test]
fn a_plan_header_shows_its_verdict() {
    let project = copy_project();
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_planlint"))
        .current_dir(project.path())
        .args(["check", "--format", "json", "--lang", "zh"])
        .args(["--as-of", "2025-01-01", "rules", "plans/xicheng.plan"])
        .output()
        .expect("planlint check runs");
    let check: Value = serde_json::from_slice(&check.stdout).expect("JSON");
    let verdict = check["summary"]["coverage"]
        .as_array()
        .and_then(|plans| plans.iter().find(|p| p["id"] == "xc.plan"))
        .and_then(|p| p["verdict"].as_str())
        .expect("check gives the plan's verdict")
        .to_string();
    let (mut client, plan, text) = open_xicheng_in_chinese(&project);
    client.diagnostics(&plan, Some(1));
    let lenses = client.request(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": plan } }),
    );
    let lenses = lenses.as_array().expect("a list of lenses");
    assert_eq!(lenses.len(), 1, "{lenses:?}");
    assert_eq!(lenses[0]["command"]["title"], verdict.as_str());
    let header = text
        .lines()
        .position(|l| l.starts_with("document "))
        .expect("a document header");
    assert_eq!(lenses[0]["range"]["start"]["line"], header);
    // A file that declares no plan (here, the jurisdictions): no lens.
    let rules = uri(&project.path().join("rules/jurisdictions.plan"));
    let none = client.request(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": rules } }),
    );
    assert_eq!(none, json!([]));
    client.shutdown();
}

/// Requests an editor should not send get an error or an empty answer,
/// and the server goes on.
#[test]
fn the_server_survives_bad_requests() {
    let project = copy_project();
    let mut client = Client::start(project.path(), false);
    let plan = uri(&project.path().join("plans/xicheng.plan"));
    let outside = "file:///nowhere/x.plan";
    // A change to a document never opened, and one outside the project.
    for target in [plan.as_str(), outside] {
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": target, "version": 3 },
                    "contentChanges": [{ "range": { "start": { "line": 99999, "character": 5 }, "end": { "line": 0, "character": 0 } }, "text": "x" }] }),
        );
    }
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": plan, "languageId": "plan", "version": 1, "text": "item 西城 {\n  implements 𠀀；\n" } }),
    );
    assert!(!client.diagnostics(&plan, Some(1)).is_empty());
    // Past the end of a line and of the file, inside a surrogate pair.
    for (line, character) in [(0, 999), (99, 0), (1, 13)] {
        let at = json!({ "textDocument": { "uri": plan }, "position": { "line": line, "character": character } });
        assert_eq!(
            client.request("textDocument/hover", at.clone()),
            Value::Null
        );
        client.request("textDocument/completion", at.clone());
        client.request("textDocument/definition", at);
    }
    // An unknown method and malformed parameters are refused, not fatal.
    client.next_id += 1;
    let id = client.next_id;
    client.send(json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": { "nonsense": true } }));
    let answer = loop {
        let m = client.receive();
        if m["id"] == id {
            break m;
        }
    };
    assert_eq!(answer["error"]["code"], -32602, "{answer}");
    client.next_id += 1;
    let id = client.next_id;
    client.send(
        json!({ "jsonrpc": "2.0", "id": id, "method": "textDocument/unheardOf", "params": {} }),
    );
    let answer = loop {
        let m = client.receive();
        if m["id"] == id {
            break m;
        }
    };
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    client.shutdown();
}

/// The code action with this title, or a failure listing those offered.
fn titled(actions: &Value, title: &str) -> Value {
    actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("{actions:#?}"))
        .clone()
}
