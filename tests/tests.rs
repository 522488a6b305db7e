//! The crate's one integration-test binary; each stage adds its module here.

mod common;
mod feed;
mod render;
