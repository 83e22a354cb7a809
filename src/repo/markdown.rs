//! Markdown documents: the images they show, where, and the credit shown with each.
//!
//! Read with pulldown-cmark's offset iterator, so every image has its line. An image's caption
//! is the rest of its paragraph (`![…](a.jpg)` then, on the next line, `*Photo: Jane Doe, CC BY
//! 4.0*`), or, when the image stands alone, the paragraph right after it if that reads like a
//! credit (emphasised, or starting with a credit word, or naming a license). Links in a caption
//! become `markdown:license-link` (a license URL) or `markdown:link` (a source) evidence.
//! Reference-style images are resolved by the parser. HTML inside Markdown is read by
//! [`super::html`]: `<img>`, and `<figure>` with its `<figcaption>`. The front matter is read by
//! [`super::frontmatter`].

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{at_line, frontmatter, html};
use crate::evidence::{Evidence, Origin, origin};
use crate::license;

/// An image a document shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The reference as written (`../images/a.jpg`, `/img/b.png`, `https://…`).
    pub src: String,
    /// 1-based line in the document.
    pub line: usize,
    /// What the document says about it, located at `document:line`.
    pub evidence: Vec<Evidence>,
}

/// The images of one document and the problems met reading it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentImages {
    pub images: Vec<Shown>,
    pub problems: Vec<String>,
}

/// Byte offset → 1-based line.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Lines(starts)
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset)
    }
}

/// A paragraph longer than this is prose, not the caption of the images in it: it is not copied
/// to them (a long paragraph of inline images would otherwise be copied once per image).
pub const MAX_CAPTION: usize = 4096;
/// Images of one paragraph that take its text as caption; the rest get none.
pub const MAX_IMAGES_PER_PARAGRAPH: usize = 64;
/// Links of one paragraph kept as caption links.
pub const MAX_LINKS_PER_PARAGRAPH: usize = 64;
/// Caption bytes one document may hand out in all (caption text times the images it goes to).
pub const MAX_CAPTION_BYTES: usize = 1024 * 1024;

/// Which caption limits a document has already reported (each is reported once per document,
/// at its first paragraph, and applies to every later one).
#[derive(Default)]
struct Reported {
    long: bool,
    images: bool,
    links: bool,
    total: bool,
}

/// Words that start a credit line.
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "image",
    "picture",
    "credit",
    "source",
    "foto",
    "bild",
    "illustration",
    "©",
    "(c)",
    "copyright",
];

/// Whether a paragraph after a lone image reads like its credit.
fn reads_like_credit(text: &str, emphasised: bool) -> bool {
    let t = text.trim();
    if t.is_empty() || t.len() > 400 {
        return false;
    }
    let lower = t.to_lowercase();
    emphasised
        || CREDIT_WORDS.iter().any(|w| lower.starts_with(w))
        || !license::scan(t).licenses().is_empty()
}

/// Links remembered per thread by [`names_license`], and the longest one remembered.
const KNOWN_LINKS: usize = 1024;
const KNOWN_LINK_LEN: usize = 512;

thread_local! {
    /// Whether a link names a license, by link: a site repeats the same few license and author
    /// links under thousands of images, and scanning one costs about 12,000 instructions.
    static LINKS: std::cell::RefCell<std::collections::HashMap<String, bool>> =
        std::cell::RefCell::default();
}

/// Whether `href` names a license (a function of the text alone, so remembering it is safe).
fn names_license(href: &str) -> bool {
    let scan = || !license::scan(href).licenses().is_empty();
    if href.len() > KNOWN_LINK_LEN {
        return scan();
    }
    LINKS.with_borrow_mut(|known| {
        if let Some(&named) = known.get(href) {
            return named;
        }
        if known.len() >= KNOWN_LINKS {
            known.clear();
        }
        let named = scan();
        known.insert(href.to_owned(), named);
        named
    })
}

/// The evidence of a link in a caption.
fn link_evidence(href: &str, rel_license: bool, at: &str) -> Evidence {
    let is_license = rel_license || names_license(href);
    let o = if is_license {
        origin::MARKDOWN_LICENSE_LINK
    } else {
        origin::MARKDOWN_LINK
    };
    Evidence::new(o, href).at(at.to_string())
}

/// A paragraph being read: its text without image alt texts, its links, its images.
#[derive(Default)]
struct Paragraph {
    text: String,
    links: Vec<String>,
    /// Indices into the output of the images in it.
    images: Vec<usize>,
    /// Bytes of text inside emphasis, and outside it.
    emphasised: usize,
    plain: usize,
}

fn push_evidence(shown: &mut Shown, o: Origin, value: &str, at: &str) {
    let v = value.trim();
    if !v.is_empty() {
        shown.evidence.push(Evidence::new(o, v).at(at.to_string()));
    }
}

/// Reads the images of a Markdown document; `location` names it in evidence (`location:line`).
pub fn read(text: &str, location: &str) -> DocumentImages {
    let lines = Lines::new(text);
    let fm = frontmatter::read(text, location);
    let mut out = DocumentImages {
        problems: fm.problems,
        ..DocumentImages::default()
    };
    for i in fm.images {
        out.images.push(Shown {
            src: i.src,
            line: i.line,
            evidence: i.evidence,
        });
    }
    let body_start = fm.body_start;
    let body = &text[body_start..];
    let at_line = |line: usize| at_line(location, line);

    let mut para: Option<Paragraph> = None;
    // Images that stood alone in the previous paragraph, waiting for a caption.
    let mut waiting: Vec<usize> = Vec::new();
    // Inside an image: its index, and its alt text so far.
    let mut in_image: Option<(usize, String)> = None;
    let mut emphasis = 0usize;
    let mut html_block: Option<(usize, String)> = None;
    let mut caption_bytes = 0usize;
    let mut reported = Reported::default();
    let opts = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, opts).into_offset_iter() {
        let offset = body_start + range.start;
        if !matches!(event, Event::Html(_))
            && let Some((start, block)) = html_block.take()
        {
            html_fragment(&mut out, &block, start, &lines, location);
        }
        match event {
            Event::Start(Tag::Paragraph) => para = Some(Paragraph::default()),
            Event::End(TagEnd::Paragraph) => {
                let Some(p) = para.take() else { continue };
                let credit_after = !waiting.is_empty()
                    && reads_like_credit(&p.text, p.emphasised > 0 && p.plain == 0)
                    && p.images.is_empty();
                let targets: Vec<usize> = if credit_after {
                    std::mem::take(&mut waiting)
                } else if !p.text.trim().is_empty() {
                    p.images.clone()
                } else {
                    Vec::new()
                };
                waiting.clear();
                let mut targets = targets;
                let mut links = p.links.as_slice();
                if let Some(&first) = targets.first() {
                    let where_ = at_line(out.images[first].line);
                    let len = p.text.trim().len();
                    if len > MAX_CAPTION {
                        if !std::mem::replace(&mut reported.long, true) {
                            out.problems.push(format!(
                                "{where_}: a paragraph of {len} bytes around an image is over the {MAX_CAPTION}-byte caption limit; it and any such paragraph are not read as captions"
                            ));
                        }
                        targets.clear();
                    }
                    if targets.len() > MAX_IMAGES_PER_PARAGRAPH {
                        if !std::mem::replace(&mut reported.images, true) {
                            out.problems.push(format!(
                                "{where_}: a paragraph with {} images is over the limit of {MAX_IMAGES_PER_PARAGRAPH}; only the first {MAX_IMAGES_PER_PARAGRAPH} of each such paragraph take its text as caption",
                                targets.len()
                            ));
                        }
                        targets.truncate(MAX_IMAGES_PER_PARAGRAPH);
                    }
                    if links.len() > MAX_LINKS_PER_PARAGRAPH {
                        if !std::mem::replace(&mut reported.links, true) {
                            out.problems.push(format!(
                                "{where_}: a caption with {} links is over the limit of {MAX_LINKS_PER_PARAGRAPH}; only the first {MAX_LINKS_PER_PARAGRAPH} are read",
                                links.len()
                            ));
                        }
                        links = &links[..MAX_LINKS_PER_PARAGRAPH];
                    }
                    let cost = (len + links.iter().map(String::len).sum::<usize>())
                        .saturating_mul(targets.len());
                    if !targets.is_empty() {
                        caption_bytes = caption_bytes.saturating_add(cost);
                        if caption_bytes > MAX_CAPTION_BYTES {
                            if !std::mem::replace(&mut reported.total, true) {
                                out.problems.push(format!(
                                    "{where_}: the document's captions are over {MAX_CAPTION_BYTES} bytes in all; from here on, images get no caption"
                                ));
                            }
                            targets.clear();
                        }
                    }
                }
                for k in targets {
                    let at = at_line(out.images[k].line);
                    push_evidence(&mut out.images[k], origin::MARKDOWN_CAPTION, &p.text, &at);
                    for href in links {
                        let e = link_evidence(href, false, &at);
                        out.images[k].evidence.push(e);
                    }
                }
                if p.text.trim().is_empty() {
                    waiting = p.images;
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let line = lines.line(offset);
                out.images.push(Shown {
                    src: dest_url.to_string(),
                    line,
                    evidence: Vec::new(),
                });
                let k = out.images.len() - 1;
                if !title.is_empty() {
                    let at = at_line(line);
                    push_evidence(&mut out.images[k], origin::MARKDOWN_TITLE, &title, &at);
                }
                if let Some(p) = para.as_mut() {
                    p.images.push(k);
                }
                in_image = Some((k, String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((k, alt)) = in_image.take() {
                    let at = at_line(out.images[k].line);
                    push_evidence(&mut out.images[k], origin::MARKDOWN_ALT, &alt, &at);
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong) => emphasis += 1,
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => emphasis = emphasis.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(p) = para.as_mut()
                    && in_image.is_none()
                {
                    p.links.push(dest_url.to_string());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, alt)) = in_image.as_mut() {
                    alt.push_str(&t);
                } else if let Some(p) = para.as_mut() {
                    p.text.push_str(&t);
                    if t.trim().is_empty() {
                    } else if emphasis > 0 {
                        p.emphasised += t.len();
                    } else {
                        p.plain += t.len();
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(p) = para.as_mut() {
                    p.text.push(' ');
                }
            }
            Event::InlineHtml(h) => {
                if let (Some(p), Some((href, _))) = (para.as_mut(), html::link_href(&h)) {
                    p.links.push(href);
                }
                let before = out.images.len();
                html_fragment(&mut out, &h, offset, &lines, location);
                if let Some(p) = para.as_mut() {
                    p.images.extend(before..out.images.len());
                }
            }
            Event::Html(h) => match html_block.as_mut() {
                Some((_, block)) => block.push_str(&h),
                None => html_block = Some((offset, h.to_string())),
            },
            Event::Start(_) if para.is_none() => waiting.clear(),
            _ => {}
        }
    }
    if let Some((start, block)) = html_block.take() {
        html_fragment(&mut out, &block, start, &lines, location);
    }
    out
}

/// Adds the images of an HTML fragment that starts at byte `start` of the document.
pub(crate) fn html_fragment(
    out: &mut DocumentImages,
    fragment: &str,
    start: usize,
    lines: &Lines,
    location: &str,
) {
    let read = html::read(fragment);
    let first_line = lines.line(start);
    for p in read.problems {
        out.problems.push(format!("{location}:{first_line}: {p}"));
    }
    // The fragment may be pieced together from several events; lines are counted within it,
    // from one image to the next (images come in order, so each byte is counted once).
    let (mut counted_to, mut newlines) = (0usize, 0usize);
    for img in read.images {
        let to = img.offset.min(fragment.len());
        newlines +=
            memchr::memchr_iter(b'\n', &fragment.as_bytes()[counted_to.min(to)..to]).count();
        counted_to = counted_to.max(to);
        let line = first_line + newlines;
        let at = at_line(location, line);
        let mut shown = Shown {
            src: img.src,
            line,
            evidence: Vec::new(),
        };
        if let Some(a) = &img.alt {
            push_evidence(&mut shown, origin::HTML_ALT, a, &at);
        }
        if let Some(t) = &img.title {
            push_evidence(&mut shown, origin::HTML_TITLE, t, &at);
        }
        if let Some(c) = &img.caption {
            push_evidence(&mut shown, origin::HTML_FIGCAPTION, c, &at);
        }
        for (href, rel) in &img.links {
            let rel_license = rel.as_deref().is_some_and(|r| {
                r.split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("license"))
            });
            let mut e = link_evidence(href, rel_license, &at);
            if e.origin == origin::MARKDOWN_LICENSE_LINK {
                e.origin = origin::HTML_REL_LICENSE;
            } else {
                e.origin = origin::HTML_LINK;
            }
            shown.evidence.push(e);
        }
        out.images.push(shown);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(s: &Shown) -> Vec<String> {
        s.evidence
            .iter()
            .map(|e| {
                format!(
                    "{}={}@{}",
                    e.origin,
                    e.value,
                    e.location.as_deref().unwrap_or("")
                )
            })
            .collect()
    }

    #[test]
    fn an_image_and_its_caption_on_the_next_line() {
        let doc = "# Post\n\nSome text.\n\n![A harbour](../images/harbour.jpg \"Dawn\")\n*Photo: [Jane Doe](https://example.org/jane), [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)*\n";
        let d = read(doc, "content/post.md");
        assert_eq!(d.images.len(), 1);
        let i = &d.images[0];
        assert_eq!((i.src.as_str(), i.line), ("../images/harbour.jpg", 5));
        assert_eq!(
            ev(i),
            [
                "markdown:title=Dawn@content/post.md:5",
                "markdown:alt=A harbour@content/post.md:5",
                "markdown:caption=Photo: Jane Doe, CC BY 4.0@content/post.md:5",
                "markdown:link=https://example.org/jane@content/post.md:5",
                "markdown:license-link=https://creativecommons.org/licenses/by/4.0/@content/post.md:5",
            ]
        );
    }

    #[test]
    fn a_credit_paragraph_after_a_lone_image_is_its_caption() {
        let doc = "![](a.jpg)\n\n_Photo by Ana Lima (CC BY-ND 4.0), cropped_\n\n![](b.jpg)\n\nThe next section starts here and is not a credit.\n";
        let d = read(doc, "p.md");
        assert_eq!(
            ev(&d.images[0]),
            ["markdown:caption=Photo by Ana Lima (CC BY-ND 4.0), cropped@p.md:1"]
        );
        assert!(d.images[1].evidence.is_empty(), "{:?}", ev(&d.images[1]));
    }

    #[test]
    fn a_heading_between_image_and_text_ends_the_wait() {
        let doc =
            "![](a.jpg)\n\n## Photo gallery\n\nPhoto: this paragraph belongs to the heading.\n";
        let d = read(doc, "p.md");
        assert!(d.images[0].evidence.is_empty());
    }

    #[test]
    fn reference_images_are_resolved() {
        let doc = "Look: ![the harbour][h] — Photo: Jane Doe, CC BY 4.0\n\n[h]: /img/h.png\n";
        let d = read(doc, "p.md");
        assert_eq!(d.images[0].src, "/img/h.png");
        assert!(
            ev(&d.images[0])
                .iter()
                .any(|e| e.starts_with("markdown:caption=Look:"))
        );
    }

    #[test]
    fn html_in_markdown_with_a_figure_and_lines() {
        let doc = "---\ntitle: t\n---\nText.\n\n<figure>\n  <img src=\"x.jpg\" alt=\"X\">\n  <figcaption>Photo: Jane Doe, <a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a></figcaption>\n</figure>\n\nInline <img src=\"y.png\"> here, photo by Ann.\n";
        let d = read(doc, "p.md");
        assert_eq!(d.images.len(), 2);
        assert_eq!((d.images[0].src.as_str(), d.images[0].line), ("x.jpg", 7));
        assert_eq!(
            ev(&d.images[0]),
            [
                "html:alt=X@p.md:7",
                "html:figcaption=Photo: Jane Doe, CC BY 4.0@p.md:7",
                "html:rel-license=https://creativecommons.org/licenses/by/4.0/@p.md:7"
            ]
        );
        assert_eq!((d.images[1].src.as_str(), d.images[1].line), ("y.png", 11));
        assert_eq!(
            ev(&d.images[1]),
            ["markdown:caption=Inline  here, photo by Ann.@p.md:11"]
        );
    }

    #[test]
    fn lines_are_written_as_format_writes_them() {
        for line in [0, 1, 9, 10, 99, 100, 12345, usize::MAX] {
            assert_eq!(at_line("a/b.md", line), format!("a/b.md:{line}"));
        }
    }

    #[test]
    fn remembered_links_give_the_same_answer() {
        let links = [
            "https://creativecommons.org/licenses/by-sa/4.0/",
            "https://example.org/jane",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ];
        for round in 0..3 {
            for l in links {
                let fresh = !license::scan(l).licenses().is_empty();
                assert_eq!(names_license(l), fresh, "{l} in round {round}");
            }
        }
        // Past the limit the memory starts again, and answers stay right.
        for i in 0..KNOWN_LINKS + 10 {
            assert!(!names_license(&format!("https://example.org/{i}")));
        }
        assert!(names_license(links[0]));
        assert!(LINKS.with_borrow(|k| k.len()) <= KNOWN_LINKS);
    }

    #[test]
    fn front_matter_lines_count_in_the_body() {
        let doc = "---\nimage: cover.jpg\ncredit: Photo by X\n---\n\n![](b.jpg)\n";
        let d = read(doc, "p.md");
        assert_eq!(d.images[0].src, "cover.jpg");
        assert_eq!(d.images[0].line, 2);
        assert_eq!(d.images[1].line, 6);
    }
}
