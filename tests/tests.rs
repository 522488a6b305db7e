//! The crate's one integration-test binary; each stage adds its module here.

mod apparatus;
mod build;
mod classify;
mod common;
mod describe;
mod faults;
mod feed;
mod hosts;
mod index;
mod makeup;
mod overrides;
mod print;
mod render;
mod typeset;
mod watch;
mod web;
