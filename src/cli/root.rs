//! The project root: the one upward search, from a directory, for
//! `planlint.toml`, else for a directory holding `rules/`. Every command
//! finds its project this way (and so will the editor's language server),
//! so that planlint behaves the same from any subdirectory.

use std::path::{Path, PathBuf};

use planlint::config;

/// The directory of the higher documents, found at a root without
/// `planlint.toml`.
pub const RULES_DIR: &str = "rules";

/// A project root, found from a starting directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    /// The root, relative to the starting directory: `.`, `..`, `../..`,
    /// so that the file names planlint prints stay relative.
    pub dir: PathBuf,
    /// The root's `planlint.toml`, when the root was found by it (relative
    /// to the starting directory like `dir`: `planlint.toml`,
    /// `../planlint.toml`).
    pub config: Option<PathBuf>,
}

/// The project root of `start`, an absolute directory: the nearest
/// directory at or above it that holds `planlint.toml`; when none does,
/// the nearest that holds a `rules/` directory; `None` outside any project.
/// A `planlint.toml` further up wins over a nearer `rules/`, because its
/// `rules` key may name another directory.
pub fn find(start: &Path) -> Option<Root> {
    let up = |holds: &dyn Fn(&Path) -> bool| start.ancestors().position(holds);
    if let Some(n) = up(&|d| d.join(config::FILE_NAME).is_file()) {
        let dir = relative(n);
        let config = if n == 0 {
            PathBuf::from(config::FILE_NAME)
        } else {
            dir.join(config::FILE_NAME)
        };
        return Some(Root {
            dir,
            config: Some(config),
        });
    }
    up(&|d| d.join(RULES_DIR).is_dir()).map(|n| Root {
        dir: relative(n),
        config: None,
    })
}

/// `.` for 0, `..` for 1, `../..` for 2, …
fn relative(up: usize) -> PathBuf {
    if up == 0 {
        return PathBuf::from(".");
    }
    (0..up).map(|_| "..").collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_planlint_toml_else_the_nearest_rules_directory() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let top = dir.path().canonicalize().expect("canonical");
        let deep = top.join("a/b/c");
        std::fs::create_dir_all(&deep).expect("mkdir");
        assert_eq!(find(&deep), None);

        std::fs::create_dir_all(top.join("a/rules")).expect("mkdir");
        assert_eq!(
            find(&deep),
            Some(Root {
                dir: PathBuf::from("../.."),
                config: None
            })
        );
        assert_eq!(
            find(&top.join("a")),
            Some(Root {
                dir: PathBuf::from("."),
                config: None
            })
        );

        // A `planlint.toml` above wins over the nearer `rules/`.
        std::fs::write(top.join(config::FILE_NAME), "").expect("write");
        assert_eq!(
            find(&deep),
            Some(Root {
                dir: PathBuf::from("../../.."),
                config: Some(PathBuf::from("../../../planlint.toml")),
            })
        );
        assert_eq!(
            find(&top),
            Some(Root {
                dir: PathBuf::from("."),
                config: Some(PathBuf::from("planlint.toml")),
            })
        );
    }
}
