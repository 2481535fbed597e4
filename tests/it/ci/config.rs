//! `planlint.toml`, the severity flags, the fail level and the exit status
//! of each combination, through the real binary on the small fixture (one
//! error `undercut-target`, one warning `omitted-obligation`).

use std::path::Path;

use super::{AS_OF, project, run};

fn status(dir: &Path, flags: &[&str]) -> i32 {
    let mut args = vec!["check", "--as-of", AS_OF, "--format", "concise"];
    args.extend_from_slice(flags);
    run(dir, &args).2
}

#[test]
fn exit_status_of_each_flag_combination() {
    let dir = project(None);
    let d = dir.path();
    let cases: &[(&[&str], i32)] = &[
        (&[], 1),
        (&["--exit-zero"], 0),
        (&["--allow", "undercut-target"], 0),
        (&["--warn", "undercut-target"], 0),
        (&["--warn", "undercut-target", "--fail-level", "warning"], 1),
        (
            &["--allow", "undercut-target", "--fail-level", "warning"],
            1,
        ),
        (
            &[
                "--allow",
                "undercut-target",
                "--allow",
                "omitted-obligation",
                "--fail-level",
                "info",
            ],
            0,
        ),
        (
            &["--deny", "omitted-obligation", "--allow", "undercut-target"],
            1,
        ),
        (&["--fail-level", "warning", "--exit-zero"], 0),
        // Usage errors are 2, and --exit-zero never turns them into 0.
        (&["--allow", "no-such-code"], 2),
        (&["--allow", "syntax-error"], 2),
        (&["--fail-level", "loud"], 2),
        (
            &["--deny", "undercut-target", "--allow", "undercut-target"],
            2,
        ),
        (&["--exit-zero", "--fail-level", "loud"], 2),
    ];
    for (flags, expected) in cases {
        assert_eq!(status(d, flags), *expected, "flags {flags:?}");
    }
}

#[test]
fn a_bad_flag_is_a_config_error() {
    let dir = project(None);
    let (_, err, code) = run(dir.path(), &["check", "--allow", "omited-obligation"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "planlint: error[config-error]: unknown code `omited-obligation` \
         (did you mean `omitted-obligation`? `planlint codes` lists them)\n"
    );
}

#[test]
fn exit_zero_never_hides_an_input_error() {
    let dir = project(None);
    std::fs::write(dir.path().join("plans/broken.plan"), "item {\n").expect("write");
    assert_eq!(status(dir.path(), &["--exit-zero"]), 2);
}

#[test]
fn the_file_is_found_from_a_subdirectory_and_its_paths_are_relative_to_it() {
    let dir = project(Some(
        "fail-level = \"warning\"\n[severity]\nundercut-target = \"allow\"\n",
    ));
    let sub = dir.path().join("plans");
    let (out, err, code) = run(&sub, &["check", "--as-of", AS_OF, "--format", "concise"]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.contains("undercut-target"), "{out}");
    assert!(
        out.contains("../plans/east.plan:5:1: warning omitted-obligation"),
        "{out}"
    );
}

#[test]
fn precedence_flag_over_override_over_file_over_obligation() {
    let dir = project(Some(concat!(
        "[severity]\n",
        "undercut-target = \"info\"\n",
        "omitted-obligation = \"error\"\n",
        "[[overrides]]\n",
        "plans = [\"plans/e*.plan\"]\n",
        "severity = { undercut-target = \"warning\" }\n",
    )));
    let d = dir.path();
    let (out, _, code) = run(d, &["check", "--as-of", AS_OF, "--format", "concise"]);
    // The file raises fx.3's own `severity warning` to error; the override
    // for plans/e*.plan beats the file's `info` for undercut-target.
    assert_eq!(code, 1);
    assert!(out.contains("error omitted-obligation"), "{out}");
    assert!(out.contains("warning undercut-target"), "{out}");
    // A flag beats both.
    let (out, _, code) = run(
        d,
        &[
            "check",
            "--as-of",
            AS_OF,
            "--format",
            "concise",
            "--warn",
            "omitted-obligation",
            "--deny",
            "undercut-target",
        ],
    );
    assert_eq!(code, 1);
    assert!(out.contains("warning omitted-obligation"), "{out}");
    assert!(out.contains("error undercut-target"), "{out}");
}

#[test]
fn an_explicit_config_and_its_errors() {
    let dir = project(None);
    let config = dir.path().join("ci.toml");
    std::fs::write(&config, "fail-level = \"warning\"\n").expect("write");
    let config = config.to_string_lossy().into_owned();
    assert_eq!(
        status(
            dir.path(),
            &["--config", &config, "--allow", "undercut-target"]
        ),
        1
    );

    std::fs::write(
        dir.path().join("planlint.toml"),
        "[severity]\nomited-obligation = \"warning\"\n",
    )
    .expect("write");
    let (_, err, code) = run(dir.path(), &["check", "--as-of", AS_OF]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("config_error", err);
    assert_eq!(status(dir.path(), &["--config", "missing.toml"]), 2);
}
