//! Render stage: the PDF of a hand-built issue, checked through poppler's text extraction
//! and the raw bytes; template errors and the template sandbox.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use bulletin::output::write_atomic;
use bulletin::render::{
    Job, Paper, RenderError, RenderOptions, Rendered, Renderer, render_all, upper_az,
};
use chrono::NaiveDate;

use crate::common::{
    SPECIAL_TITLE, flat_text, long_issue, pages_text, poppler, sample_issue, templates_dir,
};

fn options() -> RenderOptions {
    let date = NaiveDate::from_ymd_opt(2012, 10, 1).and_then(|d| d.and_hms_opt(0, 0, 0));
    RenderOptions::new(date.expect("valid date"))
}

fn renderer() -> &'static Renderer {
    static RENDERER: OnceLock<Renderer> = OnceLock::new();
    RENDERER.get_or_init(|| Renderer::new(&templates_dir()).expect("templates load"))
}

/// The sample issue rendered once with the default options.
fn sample() -> &'static Rendered {
    static RENDERED: OnceLock<Rendered> = OnceLock::new();
    RENDERED.get_or_init(|| {
        renderer()
            .render(&sample_issue(), &options())
            .unwrap_or_else(|e| panic!("render failed: {e}"))
    })
}

/// A renderer over a template folder holding the given files.
fn renderer_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Result<Renderer, RenderError>) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write template");
    }
    let renderer = Renderer::new(dir.path());
    (dir, renderer)
}

fn render_err(files: &[(&str, &str)]) -> RenderError {
    let (_dir, renderer) = renderer_with(files);
    let renderer = renderer.expect("template folder loads");
    match renderer.render(&sample_issue(), &options()) {
        Ok(_) => panic!("rendering should fail"),
        Err(e) => e,
    }
}

#[test]
fn title_page_and_contents() {
    let pages = pages_text(&sample().pdf);
    let title = &pages[0];
    for text in [
        "Azərbaycan Respublikası Prezidentinin İşlər İdarəsi",
        "Prezident Kitabxanası",
        "Azərbaycanın xarici siyasəti",
        "Məlumat bülleteni",
        "2012, № 3 (iyul–sentyabr)",
        "Bakı – 2012",
    ] {
        assert!(title.contains(text), "title page lacks {text:?}:\n{title}");
    }
    // The running head is not on the title page, and the imprint is its last line.
    assert!(!title.contains("XARİCİ SİYASƏT"), "{title}");
    assert!(title.trim_end().ends_with("Bakı – 2012"), "{title}");
    let contents = &pages[1];
    assert!(contents.contains("Mündəricat"), "{contents}");
    // No running head where a part begins, as in a book.
    assert!(
        !contents.contains("XARİCİ SİYASƏT"),
        "running head on the contents page: {contents}"
    );
    for heading in [
        "Azərbaycanın xarici siyasəti",
        "Mədəniyyət və incəsənət",
        "İqtisadiyyat",
        "Müəlliflər göstəricisi",
    ] {
        assert!(
            contents.contains(heading),
            "contents lack {heading:?}:\n{contents}"
        );
    }
    // The text may start on the contents page (a short issue): a group heading may be on
    // the page, but not as a line of the contents (with its dotted leader).
    assert!(
        !contents
            .lines()
            .any(|l| l.contains("Rus dilində") && l.contains(". .")),
        "groups are not in the contents"
    );
}

#[test]
fn body_in_order_with_letters() {
    let text = flat_text(&sample().pdf);
    let body = text.split("Mündəricat").nth(1).expect("contents");
    // Skip the contents: the body starts at the second occurrence of the first section.
    let start = body
        .rfind("Azərbaycanın xarici siyasəti Azərbaycan dilində")
        .expect("first section");
    let body = &body[start..];
    let order = [
        "Azərbaycanın xarici siyasəti",
        "Azərbaycan dilində",
        "1. Xələfov, A.",
        "Rus dilində",
        "4. Алиев, Р.",
        "Digər dillərdə",
        "6. Hasanov, E.",
        "Mədəniyyət və incəsənət",
        "7. Şükürov, İ.",
        "İqtisadiyyat",
        "12. Ağayev, T.",
        "Müəlliflər göstəricisi",
        "İstifadə olunmuş dövri nəşrlər",
    ];
    let mut at = 0;
    for item in order {
        let found = body[at..]
            .find(item)
            .unwrap_or_else(|| panic!("{item:?} missing or out of order in:\n{body}"));
        at += found + item.len();
    }
    for letters in [
        "Ölkəmizin iqtisadiyyatı",
        "ğ ı ş ç ö ü x q",
        "Ёлкин",
        "её итоги",
        "Әлијев, Ғ.",
        "Ҝөзәл Һүнәр вә Ҹаваб Јолу",
    ] {
        assert!(
            body.contains(letters),
            "{letters:?} not printed as itself:\n{body}"
        );
    }
    assert!(
        body.contains(SPECIAL_TITLE),
        "special title not literal:\n{body}"
    );
    assert!(!body.contains("13."), "no entry after the last");
}

#[test]
fn pdfa_metadata_and_embedded_fonts() {
    let pdf = &sample().pdf;
    let raw = String::from_utf8_lossy(pdf);
    assert!(
        raw.contains("<pdfaid:part>2</pdfaid:part>") || raw.contains("pdfaid:part=\"2\""),
        "no PDF/A-2 identification in the XMP"
    );
    assert!(
        raw.contains("<pdfaid:conformance>B</pdfaid:conformance>")
            || raw.contains("pdfaid:conformance=\"B\"")
    );
    let fonts = poppler("pdffonts", &[], pdf);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts listed:\n{fonts}");
    for row in &rows {
        assert!(row.contains("LibertinusSerif"), "unexpected font: {row}");
        // Columns: name type encoding emb sub uni object ID; `emb` must be yes.
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols.len().checked_sub(5).map(|i| cols[i]);
        assert_eq!(emb, Some("yes"), "font not embedded: {row}");
    }
    let info = poppler("pdfinfo", &[], pdf);
    assert!(info.contains("Prezident Kitabxanası"), "author: {info}");
    assert!(info.contains("595.276 x 841.89 pts"), "not A4: {info}");
    assert!(sample().pages >= 4, "pages: {}", sample().pages);
}

#[test]
fn name_index_links_to_entries() {
    let raw = String::from_utf8_lossy(&sample().pdf);
    let links = raw.matches("/Subtype/Link").count() + raw.matches("/Subtype /Link").count();
    // One link per number in the name index (11 names, one number each) and one per
    // line of the contents (3 sections, 2 indexes).
    assert!(links >= 16, "{links} link annotations");
}

#[test]
fn same_input_same_bytes() {
    let again = renderer()
        .render(&sample_issue(), &options())
        .expect("render");
    assert!(again.pdf == sample().pdf, "two renders differ");
}

#[test]
fn a5_and_parallel_rendering() {
    let issue = sample_issue();
    let mut a5 = options();
    a5.paper = Paper::A5;
    let jobs = vec![
        Job {
            issue: &issue,
            options: options(),
        },
        Job {
            issue: &issue,
            options: a5,
        },
        Job {
            issue: &issue,
            options: options(),
        },
    ];
    let mut done: Vec<(usize, Rendered)> = Vec::new();
    render_all(renderer(), &jobs, 2, |index, result| {
        done.push((index, result.expect("render")));
    });
    done.sort_by_key(|(i, _)| *i);
    assert_eq!(done.len(), 3);
    assert!(done[0].1.pdf == sample().pdf && done[2].1.pdf == sample().pdf);
    let info = poppler("pdfinfo", &[], &done[1].1.pdf);
    assert!(info.contains("419.528 x 595.276 pts"), "not A5: {info}");
    assert!(done[1].1.pages >= sample().pages);
}

#[test]
fn syntax_error_names_file_line_column() {
    let err = render_err(&[(
        "bulletin.typ",
        "#let data = json(\"/data/issue.json\")\n\nHello #let x = (1, 2\n",
    )]);
    let RenderError::Template(diags) = &err else {
        panic!("not a template error: {err}")
    };
    let d = &diags[0];
    let file = d.file.as_deref().expect("file");
    assert!(file.ends_with("bulletin.typ"), "{err}");
    assert_eq!(d.line, Some(3), "{err}");
    assert!(d.col.is_some(), "{err}");
    let message = err.to_string();
    assert!(message.contains("bulletin.typ:3:"), "{message}");
}

#[test]
fn runtime_error_in_imported_file_is_located() {
    let err = render_err(&[
        ("bulletin.typ", "#import \"lib.typ\": shout\n#shout(1)\n"),
        ("lib.typ", "// helper\n#let shout(x) = x + \"!\"\n"),
    ]);
    let message = err.to_string();
    assert!(message.contains("lib.typ:2:"), "{message}");
    // The call that led there is a hint.
    assert!(message.contains("hint: while calling `shout`"), "{message}");
    assert!(message.contains("bulletin.typ:2:"), "{message}");
}

#[test]
fn templates_cannot_read_outside_their_folder() {
    for reader in [
        "#read(\"/etc/passwd\")",
        "#read(\"../Cargo.toml\")",
        "#read(\"/../../../../etc/passwd\")",
        "#import \"@preview/example:0.1.0\": *",
    ] {
        let err = render_err(&[("bulletin.typ", reader)]);
        assert!(matches!(err, RenderError::Template(_)), "{reader}: {err}");
    }
    // Files of the folder itself are readable.
    let (_dir, renderer) = renderer_with(&[
        (
            "bulletin.typ",
            // PDF/UA needs a document title.
            "#set document(title: [Test])\n#import \"parts.typ\": greeting\n#greeting #read(\"note.txt\")",
        ),
        ("parts.typ", "#let greeting = [Salam]"),
        ("note.txt", "dünya"),
    ]);
    let rendered = renderer
        .expect("folder")
        .render(&sample_issue(), &options())
        .expect("render");
    assert!(flat_text(&rendered.pdf).contains("Salam dünya"));
}

#[test]
fn missing_glyph_is_an_error_naming_the_entry() {
    let mut issue = sample_issue();
    let entry = &mut issue.sections[1].groups[0].entries[0];
    let mut at = 0;
    entry.description = entry.description.map_runs(|r| {
        at += 1;
        if at == 3 {
            "Azərbaycan – 中国".into()
        } else {
            r.text.into()
        }
    });
    let err = renderer()
        .render(&issue, &options())
        .expect_err("no font has 中");
    let message = err.to_string();
    assert!(matches!(err, RenderError::MissingGlyphs(_)), "{message}");
    assert!(message.contains("'中' (U+4E2D)"), "{message}");
    assert!(message.contains("entry 7 (record rec-7)"), "{message}");
    // One line per character (中 and 国), after the heading line.
    assert_eq!(message.lines().count(), 3, "{message}");
}

#[test]
fn missing_glyph_in_the_template_names_the_line() {
    let err = render_err(&[(
        "bulletin.typ",
        "#set document(title: \"x\")\nSalam\n\nDünya 中\n",
    )]);
    let message = err.to_string();
    assert!(matches!(err, RenderError::Pdf(_)), "{message}");
    assert!(
        message.contains("bulletin.typ:4:") && message.contains('中'),
        "{message}"
    );
}

#[test]
fn missing_template_folder_or_file() {
    let err = Renderer::new(Path::new("/nonexistent/templates"))
        .err()
        .expect("error");
    assert!(matches!(err, RenderError::TemplateNotFound(_)), "{err}");
    let (_dir, renderer) = renderer_with(&[("other.typ", "x")]);
    let err = renderer.err().expect("error");
    assert!(err.to_string().contains("bulletin.typ"), "{err}");
}

#[test]
fn atomic_write_replaces_or_leaves_untouched() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("out.pdf");
    write_atomic(&path, b"first").expect("write");
    write_atomic(&path, b"second").expect("replace");
    assert_eq!(fs::read(&path).expect("read"), b"second");
    // Failure: the target is a non-empty directory; nothing else changes.
    let blocked = dir.path().join("blocked");
    fs::create_dir(&blocked).expect("mkdir");
    fs::write(blocked.join("keep"), b"x").expect("write");
    assert!(write_atomic(&blocked, b"third").is_err());
    assert_eq!(fs::read(blocked.join("keep")).expect("read"), b"x");
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "temporary file left behind: {names:?}");
}

#[test]
fn running_head_uses_azerbaijani_capitals() {
    assert_eq!(upper_az("iş"), "İŞ");
}

/// Renders a long issue to `$BULLETIN_PREVIEW` (a PDF path) and reports size and timing.
/// Run with `BULLETIN_PREVIEW=/tmp/p.pdf cargo test preview -- --ignored --nocapture`.
#[test]
#[ignore = "writes a preview PDF for looking at pages"]
fn preview() {
    let path = std::env::var("BULLETIN_PREVIEW")
        .unwrap_or_else(|_| "/tmp/bulletin-preview.pdf".to_owned());
    let n = std::env::var("BULLETIN_PREVIEW_ENTRIES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let mut opts = options();
    if std::env::var("BULLETIN_PREVIEW_A5").is_ok() {
        opts.paper = Paper::A5;
    }
    let issue = long_issue(n);
    // Another template folder, for comparing layouts.
    let other = std::env::var("BULLETIN_PREVIEW_TEMPLATES").ok();
    let other = other.map(|dir| Renderer::new(Path::new(&dir)).unwrap_or_else(|e| panic!("{e}")));
    let renderer = other.as_ref().unwrap_or_else(|| renderer());
    let start = std::time::Instant::now();
    let rendered = renderer
        .render(&issue, &opts)
        .unwrap_or_else(|e| panic!("{e}"));
    println!(
        "{} entries: {} pages, {} bytes, {:?}",
        n,
        rendered.pages,
        rendered.pdf.len(),
        start.elapsed()
    );
    for w in &rendered.warnings {
        println!("warning: {w}");
    }
    write_atomic(Path::new(&path), &rendered.pdf).expect("write preview");
}

#[test]
fn no_heading_alone_at_a_page_foot() {
    let mut opts = options();
    opts.paper = Paper::A5;
    let issue = long_issue(150);
    let headings: Vec<String> = issue
        .sections
        .iter()
        .flat_map(|s| {
            std::iter::once(s.title.clone()).chain(s.groups.iter().map(|g| g.heading.clone()))
        })
        .collect();
    let rendered = renderer().render(&issue, &opts).expect("render");
    let pages = pages_text(&rendered.pdf);
    for (i, page) in pages.iter().enumerate().skip(2) {
        // The last line is the page number; the one before it is the last line of text.
        let lines: Vec<&str> = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let Some(last) = lines.len().checked_sub(2).map(|k| lines[k]) else {
            continue;
        };
        assert!(
            !headings.iter().any(|h| h == last),
            "page {}: heading {last:?} at the foot",
            i + 1
        );
    }
}

#[test]
fn template_sees_a_hyphenated_copy() {
    use bulletin::issue::Style;
    use bulletin::render::typesetting_copy;
    let issue = sample_issue();
    let copy = typesetting_copy(&issue);
    let az = &copy.sections[0].groups[0].entries[1];
    let title = az
        .description
        .runs()
        .find(|r| r.style == Style::Title)
        .expect("title run");
    assert!(
        title.text.contains("Bey\u{ad}nəl\u{ad}xalq"),
        "{:?}",
        title.text
    );
    let heading = az
        .description
        .runs()
        .find(|r| r.style == Style::Heading)
        .expect("heading run");
    assert!(!heading.text.contains('\u{ad}'), "names are not hyphenated");
    let ru = &copy.sections[0].groups[1].entries[0];
    assert!(
        ru.description.runs().all(|r| !r.text.contains('\u{ad}')),
        "Russian is Typst's job"
    );
    // The caller's issue (and its public JSON) is unchanged.
    assert_eq!(issue, sample_issue());
    assert!(!issue.entries().any(|e| e.description.contains('\u{ad}')));
}

/// Regression: a name pointing to more entries than a page holds (a head of state in a
/// ten-year index) made the index's page make-up loop for ever; it now takes its own column.
#[test]
fn a_name_index_line_taller_than_a_page_is_set() {
    let mut issue = sample_issue();
    let numbers: Vec<u32> = (1..=12).cycle().take(4000).collect();
    issue.names[0].entries = numbers;
    let rendered = renderer()
        .render(&issue, &options())
        .unwrap_or_else(|e| panic!("{e}"));
    let pages = pages_text(&rendered.pdf);
    let name = &issue.names[0].name;
    assert!(
        pages.iter().any(|p| p.contains(name.as_str())),
        "the long name index line is printed"
    );
    // Everything after it is there too.
    let last = &issue.names.last().unwrap().name;
    assert!(pages.iter().any(|p| p.contains(last.as_str())));
}
