//! A small HTML reader for the images a content file shows: `<img>` with its `alt` and `title`,
//! and, inside a `<figure>`, the `<figcaption>` text and the links in it.
//!
//! It serves the HTML written inside Markdown; standalone `.html` documents go through the page
//! parser of `web`. It reads tags and text only: no tree is built, unknown
//! markup is skipped, `<script>`, `<style>` and comments are passed over, and malformed input
//! ends the scan quietly with what was read.
//!
//! The scan is linear: every byte is looked at a bounded number of times (a tag left open at the
//! end of the input ends the scan rather than being retried from each later `<`; the end of a
//! `<script>` is searched for without copying the rest). A `<figcaption>` longer than
//! [`MAX_FIGCAPTION`] or a figure of more than [`MAX_FIGURE_IMAGES`] images is not copied to its
//! images, and [`read`] says so.

/// Bytes of a `<figcaption>` read as a caption (a real one is a line or two).
pub const MAX_FIGCAPTION: usize = 4096;
/// Images of one `<figure>` that take its caption.
pub const MAX_FIGURE_IMAGES: usize = 64;

/// A link: `(href, rel)`.
pub type Link = (String, Option<String>);

/// One image in an HTML fragment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlImage {
    /// Byte offset of the `<img` tag in the fragment.
    pub offset: usize,
    pub src: String,
    pub alt: Option<String>,
    pub title: Option<String>,
    /// The text of the `<figcaption>` of the `<figure>` that holds the image.
    pub caption: Option<String>,
    /// Links in that caption: `(href, rel)`.
    pub links: Vec<Link>,
}

/// A tag as read: name (lower case), closing or not, attributes (names lower case, values with
/// the common entities decoded).
struct Tag {
    name: String,
    closing: bool,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Decodes the entities captions and URLs commonly hold; others are kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "copy" => Some('©'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Why no tag was read.
enum NoTag {
    /// A lone `<`: the scan goes on after it.
    NotATag,
    /// A tag still open at the end of the input: nothing after it is markup.
    Unterminated,
}

/// Reads a tag starting at `s[0] == '<'`; returns it and its length.
fn read_tag(s: &str) -> Result<(Tag, usize), NoTag> {
    let b = s.as_bytes();
    let mut i = 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    if i == start {
        return Err(NoTag::NotATag);
    }
    let name = s[start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return Err(NoTag::Unterminated);
        }
        if b[i] == b'>' {
            return Ok((
                Tag {
                    name,
                    closing,
                    attrs,
                },
                i + 1,
            ));
        }
        let n0 = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr = s[n0..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = s[i + 1..].find(q as char).ok_or(NoTag::Unterminated)? + i + 1;
                    value = decode_entities(&s[i + 1..end]);
                    i = end + 1;
                }
                Some(_) => {
                    let v0 = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode_entities(&s[v0..i]);
                }
                None => return Err(NoTag::Unterminated),
            }
        }
        if !attr.is_empty() {
            attrs.push((attr, value));
        }
    }
}

fn push_text(buf: &mut String, text: &str) {
    for c in decode_entities(text).chars() {
        if c.is_whitespace() {
            if !buf.is_empty() && !buf.ends_with(' ') {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

/// The `href` of an `<a>` start tag, when `fragment` is one (inline HTML in Markdown).
pub fn link_href(fragment: &str) -> Option<(String, Option<String>)> {
    let (tag, _) = read_tag(fragment.trim_start()).ok()?;
    if tag.name != "a" || tag.closing {
        return None;
    }
    let href = tag.attr("href")?.to_string();
    Some((href, tag.attr("rel").map(str::to_string)))
}

/// The images of an HTML fragment, in order.
pub fn images(html: &str) -> Vec<HtmlImage> {
    read(html).images
}

/// The images of an HTML fragment and the limits it hit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fragment {
    pub images: Vec<HtmlImage>,
    /// Limits hit, each naming the limit (the caller adds where).
    pub problems: Vec<String>,
}

/// Where `</name` (any case) starts in `s`, without copying `s`.
fn find_closing(s: &str, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b'<', b).find(|&p| {
        b.get(p + 1) == Some(&b'/')
            && b.get(p + 2..p + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    })
}

/// Reads the images of an HTML fragment.
pub fn read(html: &str) -> Fragment {
    let mut problems = Vec::new();
    let mut out: Vec<HtmlImage> = Vec::new();
    // Indices into `out` of the images of the figure being read.
    let mut figure: Option<Vec<usize>> = None;
    let mut caption: Option<(String, Vec<Link>)> = None;
    let mut i = 0;
    while let Some(j) = html[i..].find('<') {
        let at = i + j;
        if let Some((cap, _)) = caption.as_mut()
            && cap.len() <= MAX_FIGCAPTION
        {
            push_text(cap, &html[i..at]);
        }
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| at + e + 3);
            continue;
        }
        let (tag, len) = match read_tag(rest) {
            Ok(t) => t,
            Err(NoTag::NotATag) => {
                if let Some((cap, _)) = caption.as_mut() {
                    push_text(cap, "<");
                }
                i = at + 1;
                continue;
            }
            Err(NoTag::Unterminated) => break,
        };
        i = at + len;
        match (tag.name.as_str(), tag.closing) {
            ("script" | "style", false) => {
                i = find_closing(&html[i..], &tag.name).map_or(html.len(), |e| i + e);
            }
            ("img", false) => {
                if let Some(src) = tag.attr("src").filter(|s| !s.trim().is_empty()) {
                    out.push(HtmlImage {
                        offset: at,
                        src: src.trim().to_string(),
                        alt: tag.attr("alt").map(str::to_string),
                        title: tag.attr("title").map(str::to_string),
                        ..HtmlImage::default()
                    });
                    if let Some(f) = figure.as_mut() {
                        f.push(out.len() - 1);
                    }
                }
            }
            ("figure", false) => figure = Some(Vec::new()),
            ("figure", true) => {
                if let (Some(mut f), Some((text, links))) = (figure.take(), caption.take()) {
                    if text.len() > MAX_FIGCAPTION {
                        problems.push(format!(
                            "a <figcaption> over {MAX_FIGCAPTION} bytes is not read as a caption"
                        ));
                        continue;
                    }
                    if f.len() > MAX_FIGURE_IMAGES {
                        problems.push(format!(
                            "a <figure> of {} images is over the limit of {MAX_FIGURE_IMAGES}; only the first {MAX_FIGURE_IMAGES} take its caption",
                            f.len()
                        ));
                        f.truncate(MAX_FIGURE_IMAGES);
                    }
                    for k in f {
                        out[k].caption = Some(text.trim().to_string()).filter(|t| !t.is_empty());
                        out[k].links = links.clone();
                    }
                }
            }
            ("figcaption", false) if figure.is_some() => {
                caption = Some((String::new(), Vec::new()));
            }
            ("a", false) => {
                if let (Some((_, links)), Some(href)) = (caption.as_mut(), tag.attr("href")) {
                    if links.len() < MAX_FIGURE_IMAGES {
                        links.push((href.to_string(), tag.attr("rel").map(str::to_string)));
                    } else if links.len() == MAX_FIGURE_IMAGES {
                        problems.push(format!(
                            "a <figcaption> with more than {MAX_FIGURE_IMAGES} links; only the first {MAX_FIGURE_IMAGES} are read"
                        ));
                        links.push((String::new(), None));
                    }
                }
            }
            ("br" | "p" | "div", _) => {
                if let Some((cap, _)) = caption.as_mut() {
                    push_text(cap, " ");
                }
            }
            _ => {}
        }
    }
    // The marker past the last link kept (see `<a>` above) is not a link.
    for img in &mut out {
        img.links.retain(|(href, _)| !href.is_empty());
    }
    Fragment {
        images: out,
        problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_gives_its_images_the_caption_and_links() {
        let html = r#"<p>Intro</p>
<figure class="wide">
  <img src="/images/a.jpg" alt="A harbour" title='Dawn'>
  <figcaption>Photo: <a href="https://example.org/jane">Jane&nbsp;Doe</a>,
    <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></figcaption>
</figure>
<img src=b.png alt=plain>"#;
        let imgs = images(html);
        assert_eq!(imgs.len(), 2);
        assert_eq!(imgs[0].src, "/images/a.jpg");
        assert_eq!(imgs[0].alt.as_deref(), Some("A harbour"));
        assert_eq!(imgs[0].title.as_deref(), Some("Dawn"));
        assert_eq!(
            imgs[0].caption.as_deref(),
            Some("Photo: Jane Doe, CC BY 4.0")
        );
        assert_eq!(imgs[0].links.len(), 2);
        assert_eq!(imgs[0].links[1].1.as_deref(), Some("license"));
        assert_eq!(&html[imgs[0].offset..imgs[0].offset + 4], "<img");
        assert_eq!(imgs[1].src, "b.png");
        assert_eq!(imgs[1].caption, None);
    }

    #[test]
    fn scripts_comments_and_broken_markup_do_not_stop_or_fool_it() {
        let html = "<script>var s = '<img src=x.jpg>';</script><!-- <img src=y.jpg> -->a < b <img src=\"z.jpg\"><img src=\"unterminated";
        let srcs: Vec<String> = images(html).into_iter().map(|i| i.src).collect();
        assert_eq!(srcs, ["z.jpg"]);
        assert!(images("<").is_empty());
        assert!(images("<img").is_empty());
        assert!(images("<figure><figcaption>x").is_empty());
    }

    #[test]
    fn an_inline_link_tag() {
        assert_eq!(
            link_href(r#"<a rel="license" href="https://x.org/">"#),
            Some(("https://x.org/".into(), Some("license".into())))
        );
        assert_eq!(link_href("</a>"), None);
        assert_eq!(link_href("<img src=a.jpg>"), None);
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("a &amp; b &#169; &#xA9; &bogus; &"),
            "a & b © © &bogus; &"
        );
    }
}
