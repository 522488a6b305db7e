//! The statistics charts as SVG, drawn by `plotters` (its SVG backend only: text is
//! written as SVG `<text>` for the browser to set, so no font is loaded here and none is
//! fetched by the page).
//!
//! Every chart is one `<svg>` element that scales to its container (a `viewBox`, no fixed
//! size), with `role="img"` and an `aria-label`; the page puts the same figures in a table
//! beside it for screen readers and print. Charts are drawn from counts alone, so the same
//! figures give the same bytes.

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

/// A chart that could not be drawn (a backend error, with its message).
#[derive(Debug, thiserror::Error)]
#[error("cannot draw the chart \"{title}\": {message}")]
pub struct ChartError {
    /// The chart's title, as its `aria-label` gives it.
    pub title: String,
    /// What the backend reported.
    pub message: String,
}

/// One series of a bar chart: its legend label, colour and a value per category.
pub struct Series<'a> {
    /// The legend's label (a language group, a quarter); empty for a chart without legend.
    pub label: &'a str,
    /// The fill of its bars.
    pub color: RGBColor,
    /// One count per category, in the categories' order; a missing one counts 0.
    pub values: Vec<u32>,
}

/// The language groups' colours (Azerbaijani, Russian, other): distinct in hue and in
/// lightness, each with a contrast of at least 3:1 against white.
pub const GROUP_COLORS: [RGBColor; 3] = [
    RGBColor(0x1f, 0x5f, 0x99),
    RGBColor(0xb8, 0x4a, 0x1e),
    RGBColor(0x5e, 0x6b, 0x3a),
];

const WIDTH: u32 = 640;
const FONT: &str = "sans-serif";

/// Horizontal bars, one per category, each stacked from the series in order (the bulletins
/// by language group; the quarters by language group). With one series it is a plain bar
/// chart.
pub fn stacked_bars(
    title: &str,
    categories: &[String],
    series: &[Series<'_>],
) -> Result<String, ChartError> {
    let n = u32::try_from(categories.len()).unwrap_or(u32::MAX).max(1);
    let totals: Vec<u32> = (0..categories.len())
        .map(|i| {
            series
                .iter()
                .map(|s| s.values.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1);
    let widest = categories
        .iter()
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(1);
    let label_width = u32::try_from(widest * 7 + 12).unwrap_or(200).min(260);
    let legend = if series.len() > 1 && series.iter().all(|s| !s.label.is_empty()) {
        28
    } else {
        0
    };
    let height = 50 + legend + 30 * n;
    draw(title, (WIDTH, height), |root| {
        let (legend_area, plot_area) = root.split_vertically(legend);
        let mut chart = ChartBuilder::on(&plot_area)
            .margin(8)
            .margin_right(24)
            .x_label_area_size(28)
            .y_label_area_size(label_width)
            .build_cartesian_2d(0..nice(max), (0..n).into_segmented())
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            // At least one label: plotters loops for ever looking for zero key points.
            .y_labels(categories.len().max(1))
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) if *i < n => categories
                    .get((n - 1 - *i) as usize)
                    .cloned()
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_labels(6)
            .label_style((FONT, 13))
            .light_line_style(RGBColor(0xe4, 0xe4, 0xe4))
            .draw()
            .map_err(|e| e.to_string())?;
        let mut start = vec![0u32; categories.len()];
        for s in series {
            let bars: Vec<Rectangle<(u32, SegmentValue<u32>)>> = (0..categories.len())
                .filter_map(|i| {
                    let v = s.values.get(i).copied().unwrap_or(0);
                    let x = start[i];
                    start[i] += v;
                    // The first category on top: rows count up from the bottom.
                    let row = n.checked_sub(1 + u32::try_from(i).ok()?)?;
                    (v > 0).then(|| {
                        let mut bar = Rectangle::new(
                            [
                                (x, SegmentValue::Exact(row)),
                                (x + v, SegmentValue::Exact(row + 1)),
                            ],
                            s.color.filled(),
                        );
                        bar.set_margin(5, 5, 0, 0);
                        bar
                    })
                })
                .collect();
            chart.draw_series(bars).map_err(|e| e.to_string())?;
        }
        if legend > 0 {
            draw_legend(&legend_area, series)?;
        }
        Ok(())
    })
}

/// Vertical bars, one per category (entries per month).
pub fn column_bars(
    title: &str,
    categories: &[String],
    values: &[u32],
    color: RGBColor,
) -> Result<String, ChartError> {
    let n = u32::try_from(categories.len()).unwrap_or(u32::MAX).max(1);
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    draw(title, (WIDTH, 300), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin(8)
            .margin_right(16)
            .x_label_area_size(30)
            .y_label_area_size(48)
            .build_cartesian_2d((0..n).into_segmented(), 0..nice(max))
            .map_err(|e| e.to_string())?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            // At least one label: plotters loops for ever looking for zero key points.
            .x_labels(categories.len().max(1))
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) => {
                    categories.get(*i as usize).cloned().unwrap_or_default()
                }
                _ => String::new(),
            })
            .y_labels(6)
            .label_style((FONT, 13))
            .light_line_style(RGBColor(0xe4, 0xe4, 0xe4))
            .draw()
            .map_err(|e| e.to_string())?;
        let bars = values.iter().enumerate().filter_map(|(i, v)| {
            let col = u32::try_from(i).ok()?;
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(col), 0),
                    (SegmentValue::Exact(col + 1), *v),
                ],
                color.filled(),
            );
            bar.set_margin(0, 0, 6, 6);
            Some(bar)
        });
        chart.draw_series(bars).map_err(|e| e.to_string())?;
        Ok(())
    })
}

/// A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least `max`.
fn nice(max: u32) -> u32 {
    let mut step = 1u32;
    loop {
        for m in [1, 2, 5] {
            let bound = step.saturating_mul(m);
            if bound >= max {
                return bound;
            }
        }
        step = step.saturating_mul(10);
    }
}

fn draw_legend(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    series: &[Series<'_>],
) -> Result<(), String> {
    let mut x = 8;
    for s in series {
        area.draw(&Rectangle::new([(x, 10), (x + 14, 24)], s.color.filled()))
            .map_err(|e| e.to_string())?;
        area.draw(&Text::new(s.label.to_string(), (x + 20, 10), (FONT, 14)))
            .map_err(|e| e.to_string())?;
        let width = i32::try_from(s.label.chars().count() * 8).unwrap_or(100);
        x += 20 + width + 24;
    }
    Ok(())
}

/// Draws on a fresh SVG canvas and returns the `<svg>` element, made to scale and
/// labelled for assistive technology with `title`.
fn draw(
    title: &str,
    size: (u32, u32),
    paint: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<(), String>,
) -> Result<String, ChartError> {
    let fail = |message: String| ChartError {
        title: title.to_string(),
        message,
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        root.fill(&WHITE).map_err(|e| fail(e.to_string()))?;
        paint(&root).map_err(fail)?;
        root.present().map_err(|e| fail(e.to_string()))?;
    }
    Ok(scalable(&svg, size, title))
}

/// The backend's `<svg width height>` made to scale: a `viewBox` instead of a fixed size,
/// and an accessible name.
fn scalable(svg: &str, (width, height): (u32, u32), title: &str) -> String {
    let body = svg.find('>').map_or(svg, |end| &svg[end + 1..]);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">{}",
        escape_attribute(title),
        body.trim_start()
    )
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: a quarter whose records were all excluded has no months and no
    /// bulletins with entries; its charts must still be drawn (plotters looped for ever).
    #[test]
    fn a_chart_with_no_categories_is_drawn() {
        let columns = column_bars("Entries per month", &[], &[], GROUP_COLORS[0]).expect("a chart");
        assert!(columns.trim_end().ends_with("</svg>"));
        let bars = stacked_bars("Entries", &[], &[]).expect("a chart");
        assert!(bars.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn a_chart_is_a_scalable_labelled_svg_with_its_labels_as_text() {
        let svg = stacked_bars(
            "Entries & <languages>",
            &["oil & gas".to_string(), "Ədəbiyyat".to_string()],
            &[
                Series {
                    label: "az",
                    color: GROUP_COLORS[0],
                    values: vec![3, 5],
                },
                Series {
                    label: "ru",
                    color: GROUP_COLORS[1],
                    values: vec![2, 0],
                },
            ],
        )
        .expect("a chart");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 "));
        assert!(svg.contains("aria-label=\"Entries &amp; &lt;languages&gt;\""));
        assert!(svg.contains("Ədəbiyyat"));
        assert!(svg.contains("oil &amp; gas"), "{svg}");
        assert!(svg.trim_end().ends_with("</svg>"));
        let again = stacked_bars(
            "Entries & <languages>",
            &["oil & gas".to_string(), "Ədəbiyyat".to_string()],
            &[Series {
                label: "az",
                color: GROUP_COLORS[0],
                values: vec![3, 5],
            }],
        )
        .expect("a chart");
        assert_ne!(svg, again);
    }

    #[test]
    fn axis_bounds_are_round() {
        assert_eq!(nice(0), 1);
        assert_eq!(nice(7), 10);
        assert_eq!(nice(120), 200);
        assert_eq!(nice(480), 500);
    }
}
