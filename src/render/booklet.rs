//! The print edition: an A5 bulletin imposed two pages to a landscape A4 sheet, so that
//! staff can print it double-sided on an office printer (flip on the short edge), fold the
//! stack once and staple it into a booklet.
//!
//! [`saddle_stitch`] is the one rule of the page order: the page count is padded with blank
//! pages to a multiple of four (`last`), and sheet n (from 1) carries on its front
//! `last+1−(2n−1) | 2n−1` and on its back `2n | last+1−2n`. [`impose`] hands that order to
//! the `booklet.typ` template, which places each A5 page of the finished PDF (served as
//! `/data/source.pdf`) with Typst's `image(…, page: n)`: the pages go in as vector forms, so
//! their text stays searchable and their fonts embedded. The booklet is a printing aid and is
//! exported as plain PDF, untagged; the archival, accessible document is the A5 PDF itself.

use serde::Serialize;

use super::{Export, RenderError, RenderOptions, Rendered, Renderer, world};

/// The booklet's main template inside the template folder.
pub(super) const BOOKLET_TEMPLATE: &str = "booklet.typ";

/// Where the imposed PDF is served to the booklet template.
pub(super) const SOURCE_PATH: &str = "/data/source.pdf";

/// One printed side of a sheet: the pages (1-based) on its left and right halves, `None`
/// for a blank page added to reach a multiple of four.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Side {
    /// The page on the left half.
    pub left: Option<usize>,
    /// The page on the right half.
    pub right: Option<usize>,
}

/// The sides of a saddle-stitched booklet of `pages` pages, in printing order: sheet 1
/// front, sheet 1 back, sheet 2 front, …
pub fn saddle_stitch(pages: usize) -> Vec<Side> {
    let last = pages.div_ceil(4) * 4;
    let page = |n: usize| (n <= pages).then_some(n);
    (1..=last / 4)
        .flat_map(|n| {
            [
                Side {
                    left: page(last + 1 - (2 * n - 1)),
                    right: page(2 * n - 1),
                },
                Side {
                    left: page(2 * n),
                    right: page(last + 1 - 2 * n),
                },
            ]
        })
        .collect()
}

/// What `booklet.typ` reads from `/data/issue.json`.
#[derive(Debug, Serialize)]
struct Imposition {
    sides: Vec<Side>,
}

/// Impose a rendered A5 document as a booklet.
pub(super) fn impose(
    renderer: &Renderer,
    document: &Rendered,
    options: &RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    let main = renderer.template_id(BOOKLET_TEMPLATE)?;
    let data = serde_json::to_vec(&Imposition {
        sides: saddle_stitch(document.pages),
    })?;
    let source = world::file_id(SOURCE_PATH)
        .ok_or_else(|| RenderError::TemplateNotFound(SOURCE_PATH.into()))?;
    let world = renderer
        .world(main, data, options)?
        .with_file(source, document.pdf.clone());
    Ok(renderer.typeset(&world, options, Export::Print)?.pdf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(pages: usize) -> Vec<(usize, usize)> {
        saddle_stitch(pages)
            .iter()
            .map(|s| (s.left.unwrap_or(0), s.right.unwrap_or(0)))
            .collect()
    }

    #[test]
    fn eight_pages_on_two_sheets() {
        assert_eq!(pairs(8), [(8, 1), (2, 7), (6, 3), (4, 5)]);
    }

    #[test]
    fn padded_with_blanks_to_a_multiple_of_four() {
        // Six pages: last = 8, pages 7 and 8 are blank (0 here).
        assert_eq!(pairs(6), [(0, 1), (2, 0), (6, 3), (4, 5)]);
        assert_eq!(pairs(1), [(0, 1), (0, 0)]);
        assert_eq!(pairs(0), []);
    }

    #[test]
    fn every_page_once_and_facing_pages_add_up() {
        for pages in 1..60 {
            let sides = saddle_stitch(pages);
            let last = pages.div_ceil(4) * 4;
            assert_eq!(sides.len(), last / 2);
            let mut seen: Vec<usize> = sides
                .iter()
                .flat_map(|s| [s.left, s.right])
                .flatten()
                .collect();
            seen.sort_unstable();
            assert_eq!(seen, (1..=pages).collect::<Vec<_>>(), "{pages}");
            // Facing halves add up to last + 1; a front's right half is odd, a back's left even.
            for (i, s) in sides.iter().enumerate() {
                if let (Some(l), Some(r)) = (s.left, s.right) {
                    assert_eq!(l + r, last + 1, "{pages}: side {i}");
                }
                let inner = if i % 2 == 0 { s.right } else { s.left };
                let expected = (i < pages).then_some(i + 1);
                assert_eq!(inner, expected, "{pages}: side {i}");
            }
        }
    }
}
