//! `bulletin`: quarterly thematic information bulletins and bibliographic indexes from a
//! library catalogue's exports, typeset as PDF/A.
//!
//! The pipeline is a chain of stages with owned data in and `Result` out:
//! [`feed`] reads exports into [`model::Record`]s, `classify` places them in bulletins,
//! `order` builds each [`issue::Issue`] with real collation, `describe` writes the GOST
//! descriptions, and `render` typesets the PDF with Typst embedded.

pub mod issue;
pub mod model;
pub mod synth;
