//! `bulletin`: quarterly thematic information bulletins and bibliographic indexes from a
//! library catalogue's exports, typeset as PDF/A.
//!
//! The pipeline is a chain of stages with owned data in and `Result` out:
//! [`feed`] reads exports into [`model::Record`]s, [`classify`] places them in bulletins
//! (class numbers matched by scheme, [`scheme`], and subject headings),
//! [`order`] builds each [`issue::Issue`] with real collation ([`collate`]), [`describe`]
//! writes the GOST descriptions, and [`render`] typesets the PDF with Typst embedded.
//! [`build`] ties the stages together for a quarter or a year; [`index`] builds
//! chronological and subject guides from the same stages, choosing records with [`select`];
//! [`stats`] counts a period's figures and [`web`] writes the web edition (HTML pages,
//! the folder's index with its search, the statistics pages); [`output`] writes the files (with `SHA256SUMS`) and [`package`] zips each
//! recipient's bulletins with a covering letter; [`cli`] is the command line.

pub mod build;
pub mod check;
pub mod classify;
#[cfg(feature = "pdf")]
pub mod cli;
pub mod collate;
pub mod config;
pub mod describe;
pub mod feed;
pub mod front;
pub mod index;
pub mod issue;
pub mod model;
pub mod names;
pub mod order;
pub mod output;
pub mod overrides;
#[cfg(feature = "pdf")]
pub mod package;
pub mod period;
#[cfg(feature = "pdf")]
pub mod render;
pub mod scheme;
pub mod select;
pub mod stats;
#[cfg(feature = "pdf")]
pub mod watch;
#[cfg(feature = "pdf")]
pub mod web;
