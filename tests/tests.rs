//! The crate's one integration-test binary; each stage adds its module here.

mod common;
mod describe;
mod feed;
mod render;
