//! `planlint check --watch` through the real binary: one change to a plan
//! file makes exactly one re-run, and Ctrl-C ends it cleanly.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::lsp::copy_project;

/// How long to wait for a run before the test fails (a hung watcher).
const PATIENCE: Duration = Duration::from_secs(120);

/// Longer than the watcher's debounce many times over: a second re-run for
/// the same change would have come by then.
const QUIET: Duration = Duration::from_secs(3);

const RUN_DONE: &str = "planlint: checked in ";

fn next_run(lines: &Receiver<String>, patience: Duration) -> Option<String> {
    loop {
        let line = lines.recv_timeout(patience).ok()?;
        if line.starts_with(RUN_DONE) {
            return Some(line);
        }
    }
}

#[test]
fn one_change_makes_one_rerun_and_ctrl_c_stops() {
    let project = copy_project();
    let mut child = Command::new(env!("CARGO_BIN_EXE_planlint"))
        .args(["check", "--watch", "--as-of", "2025-01-01"])
        .current_dir(project.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start planlint check --watch");
    let stderr = child.stderr.take().expect("stderr");
    let (send, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                return;
            }
        }
    });
    let first = next_run(&lines, PATIENCE).expect("the first run");
    assert!(first.contains("watching `rules`, `plans`"), "{first}");

    let plan = project.path().join("plans/xicheng.plan");
    let mut text = std::fs::read_to_string(&plan).expect("read the plan");
    text.push_str("# edited\n");
    std::fs::write(&plan, text).expect("write the plan");
    next_run(&lines, PATIENCE).expect("a re-run after the change");
    assert_eq!(
        next_run(&lines, QUIET),
        None,
        "a second re-run for one change"
    );

    let pid = child.id().to_string();
    let sent = Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("run kill");
    assert!(sent.success());
    let status = child.wait().expect("the watcher exits");
    assert!(status.success(), "Ctrl-C ended the watch with {status}");
}
