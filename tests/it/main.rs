//! The one integration-test binary: CLI and end-to-end tests, one module per topic.

mod report;
