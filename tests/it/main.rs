//! The one integration-test binary; each module tests one topic.

mod generated;
mod parallel;
