//! Latency and memory of `planlint lsp` on the real cascade, as an editor
//! sees them: the time from sending `textDocument/didChange` to receiving
//! the `publishDiagnostics` of that version (whatever the server's
//! debounce, it is inside the figure), median and 95th percentile over
//! many edits; and the server's resident memory after 100 edits and after
//! 10,000.
//!
//! Drives the real binary over stdio on a temporary copy of `rules/` and
//! `plans/`. Not criterion: it reports percentiles and memory, which
//! criterion does not. Run with `cargo bench --bench lsp`;
//! `docs/performance.md` records the figures with the load average.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const EDITS_TIMED: usize = 500;
const EDITS_FOR_MEMORY: usize = 10_000;

fn send(stdin: &mut impl Write, message: Value) {
    let body = message.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write to the server");
    stdin.flush().expect("flush");
}

fn receive(reader: &mut BufReader<ChildStdout>) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("read from the server");
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().expect("a length");
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).expect("a message body");
    serde_json::from_slice(&body).expect("JSON")
}

fn copy_project(to: &Path) {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["rules", "plans"] {
        std::fs::create_dir_all(to.join(sub)).expect("create a directory");
        for entry in std::fs::read_dir(here.join(sub)).expect("list a directory") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "plan") {
                let name = path.file_name().expect("a name");
                std::fs::copy(&path, to.join(sub).join(name)).expect("copy");
            }
        }
    }
}

fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is taken.
    let dir = tempfile::tempdir().expect("a temporary directory");
    copy_project(dir.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_planlint"))
        .arg("lsp")
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start planlint lsp");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
    let root = format!("file://{}", dir.path().display());
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": { "rootUri": root, "capabilities": {}, "initializationOptions": { "asOf": "2025-01-01" } } }),
    );
    while receive(&mut reader)["id"] != 1 {}
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
    );
    let plan = format!("{root}/plans/xicheng.plan");
    let text = std::fs::read_to_string(dir.path().join("plans/xicheng.plan")).expect("the plan");
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": { "textDocument": { "uri": plan, "languageId": "plan", "version": 0, "text": text } } }),
    );
    // Typing: a `1` added after `bj.2.1` (an unknown id) and taken away.
    let line = text
        .lines()
        .position(|l| l == "  implements bj.2.1")
        .expect("the link") as u32;
    let column = "  implements bj.2.1".len() as u32;
    let mut edit = |version: i32| -> Duration {
        let (range, new) = if version % 2 == 1 {
            (
                json!({ "start": { "line": line, "character": column }, "end": { "line": line, "character": column } }),
                "1",
            )
        } else {
            (
                json!({ "start": { "line": line, "character": column }, "end": { "line": line, "character": column + 1 } }),
                "",
            )
        };
        let started = Instant::now();
        send(
            &mut stdin,
            json!({ "jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": { "textDocument": { "uri": plan, "version": version },
                                "contentChanges": [{ "range": range, "text": new }] } }),
        );
        loop {
            let m = receive(&mut reader);
            if m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == plan
                && m["params"]["version"] == version
            {
                return started.elapsed();
            }
        }
    };
    let mut version = 0;
    let mut next = || {
        version += 1;
        version
    };
    let mut memory_after_100 = 0;
    for n in 1..=100 {
        edit(next());
        if n == 100 {
            memory_after_100 = resident_kib(child.id());
        }
    }
    let mut times: Vec<Duration> = (0..EDITS_TIMED).map(|_| edit(next())).collect();
    for _ in 100 + EDITS_TIMED..EDITS_FOR_MEMORY {
        edit(next());
    }
    let memory_after_10000 = resident_kib(child.id());
    times.sort();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "didChange → publishDiagnostics over {EDITS_TIMED} edits: median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.95).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );
    println!(
        "resident memory: {memory_after_100} KiB after 100 edits, {memory_after_10000} KiB after {EDITS_FOR_MEMORY} ({:+.1} %)",
        (memory_after_10000 as f64 / memory_after_100.max(1) as f64 - 1.0) * 100.0
    );
    println!(
        "load average: {}",
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null }),
    );
    while receive(&mut reader)["id"] != 2 {}
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "method": "exit", "params": null }),
    );
    let _ = child.wait();
}
