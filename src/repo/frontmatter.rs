//! Front matter: the YAML (`---`) or TOML (`+++`) block at the top of a Markdown page, and the
//! image it names with its credit, as Hugo, Jekyll, Eleventy and Astro themes write them.
//!
//! | key | meaning |
//! |---|---|
//! | `image`, `featured_image`, `cover.image`, `images` (a list) | the page's featured image(s): a path, or a map with `src`/`url`/`path`/`file`/`image` and optionally `alt`, `credit`, `caption`, `license`, `author` |
//! | `image_credit`, `credit` | the credit line shown with the featured image |
//! | `image_license`, `license` | its license |
//! | `image_author` | its author |
//!
//! A top-level `author` names the page's writer, not the photographer, so it is not read as the
//! image's author; write `image_author`, or `author` inside the `image` map.

use serde_json::Value;

use crate::evidence::{Evidence, origin};

/// An image named in the front matter, with the credit keys that go with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontImage {
    pub src: String,
    /// 1-based line in the document of the key that names it.
    pub line: usize,
    /// Evidence located at `location:line`.
    pub evidence: Vec<Evidence>,
}

/// What the front matter of a document holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Byte offset in the document where the body starts.
    pub body_start: usize,
    pub images: Vec<FrontImage>,
    pub problems: Vec<String>,
}

/// Front matter larger than this is not parsed (a real block is well under 10 KiB).
pub const MAX_FRONT_MATTER: usize = 256 * 1024;
/// Front matter nesting deeper than this is not parsed. YAML parsers are recursive and some are
/// superlinear on deep flow collections (`x: [[[…]]]`); real front matter nests two or three
/// levels.
pub const MAX_NESTING: usize = 32;

/// How deeply `block` nests, by one linear pass: flow brackets (`[`, `{`) outside quotes and
/// comments, plus the indentation levels and `- ` sequence markers opening each line. An
/// over-estimate is fine: it only decides whether the block is handed to the parser.
fn nesting(block: &str) -> usize {
    let mut deepest = 0usize;
    let mut flow = 0usize;
    // Indentation of the enclosing block levels.
    let mut indents: Vec<usize> = Vec::new();
    for line in block.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let content = &line[indent..];
        if flow == 0 && !content.is_empty() && !content.starts_with('#') {
            while indents.last().is_some_and(|&i| i >= indent) {
                indents.pop();
            }
            indents.push(indent);
            let mut rest = content;
            let mut dashes = 0;
            while let Some(r) = rest.strip_prefix("- ") {
                dashes += 1;
                rest = r.trim_start_matches(' ');
            }
            deepest = deepest.max(indents.len() + dashes);
        }
        let mut quote: Option<char> = None;
        let mut escaped = false;
        let mut prev_space = true;
        for c in content.chars() {
            match quote {
                Some('"') if escaped => escaped = false,
                Some('"') if c == '\\' => escaped = true,
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '"' | '\'' => quote = Some(c),
                    '#' if prev_space => break,
                    '[' | '{' => {
                        flow += 1;
                        deepest = deepest.max(indents.len() + flow);
                    }
                    ']' | '}' => flow = flow.saturating_sub(1),
                    _ => {}
                },
            }
            prev_space = c == ' ' || c == '\t';
        }
        // A quote left open at the end of a line closes there for this estimate (YAML plain
        // scalars may hold an apostrophe).
    }
    deepest
}

/// Splits off and reads the front matter of `text`; `location` names the document in evidence
/// and problems.
pub fn read(text: &str, location: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let (fence, yaml) = if text.starts_with("---") {
        ("---", true)
    } else if text.starts_with("+++") {
        ("+++", false)
    } else {
        return fm;
    };
    // The opening fence must be alone on its line.
    let first_nl = match text.find('\n') {
        Some(n) if text[..n].trim_end() == fence => n,
        _ => return fm,
    };
    let mut pos = first_nl + 1;
    let mut end = None;
    for line in text[pos..].split_inclusive('\n') {
        if line.trim_end() == fence || (yaml && line.trim_end() == "...") {
            end = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((block_end, body_start)) = end else {
        fm.problems.push(format!(
            "{location}:1: front matter is not closed by {fence}"
        ));
        return fm;
    };
    fm.body_start = body_start;
    let block = &text[first_nl + 1..block_end];
    if block.len() > MAX_FRONT_MATTER {
        fm.problems.push(format!(
            "{location}:1: front matter of {} bytes is over the {MAX_FRONT_MATTER}-byte limit; not read",
            block.len()
        ));
        return fm;
    }
    let depth = nesting(block);
    if depth > MAX_NESTING {
        fm.problems.push(format!(
            "{location}:1: front matter nests {depth} levels deep, over the limit of {MAX_NESTING}; not read"
        ));
        return fm;
    }
    let parsed: Result<Value, String> = if yaml {
        serde_norway::from_str::<Value>(block).map_err(|e| e.to_string())
    } else {
        toml::from_str::<Value>(block).map_err(|e| e.to_string().trim().to_string())
    };
    let value = match parsed {
        Ok(v) => v,
        Err(e) => {
            fm.problems
                .push(format!("{location}: front matter cannot be read: {e}"));
            return fm;
        }
    };
    let Value::Object(map) = value else {
        return fm;
    };
    // 1-based line of the first line of the block that sets `key` (at any depth); remembered
    // per key, since a list of images asks once per item.
    let line_scan = |key: &str| -> usize {
        block
            .lines()
            .position(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                let table = l
                    .strip_prefix('[')
                    .and_then(|t| t.strip_prefix(key))
                    .is_some_and(|r| r.starts_with(']') || r.starts_with('.'));
                table
                    || l.strip_prefix(key)
                        .map(|r| r.trim_start())
                        .is_some_and(|r| r.starts_with(':') || r.starts_with('='))
            })
            .map_or(1, |i| i + 2)
    };
    let lines_of = std::cell::RefCell::new(std::collections::HashMap::<String, usize>::new());
    let line_of = |key: &str| -> usize {
        if let Some(&l) = lines_of.borrow().get(key) {
            return l;
        }
        let l = line_scan(key);
        lines_of.borrow_mut().insert(key.to_owned(), l);
        l
    };
    let text_of = |v: &Value| match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    // The page-level credit keys, for every featured image.
    let mut shared = Vec::new();
    for (keys, o) in [
        (&["image_credit", "credit"][..], origin::FRONTMATTER_CREDIT),
        (
            &["image_license", "license"][..],
            origin::FRONTMATTER_LICENSE,
        ),
        (&["image_author"][..], origin::FRONTMATTER_AUTHOR),
    ] {
        if let Some((k, v)) = keys
            .iter()
            .find_map(|k| map.get(*k).and_then(text_of).map(|v| (*k, v)))
        {
            shared.push(Evidence::new(o, v).at(format!("{location}:{}", line_of(k))));
        }
    }
    let mut push = |v: &Value, key: &str| {
        let line = line_of(key);
        let at = super::at_line(location, line);
        let (src, mut evidence) = match v {
            Value::String(s) => (s.trim().to_string(), Vec::new()),
            Value::Object(m) => {
                let Some(src) = ["src", "url", "path", "file", "image"]
                    .iter()
                    .find_map(|k| m.get(*k).and_then(text_of))
                else {
                    return;
                };
                let mut ev = Vec::new();
                for (k, o) in [
                    ("alt", origin::MARKDOWN_ALT),
                    ("credit", origin::FRONTMATTER_CREDIT),
                    ("caption", origin::FRONTMATTER_CREDIT),
                    ("license", origin::FRONTMATTER_LICENSE),
                    ("author", origin::FRONTMATTER_AUTHOR),
                ] {
                    if let Some(t) = m.get(k).and_then(text_of) {
                        ev.push(Evidence::new(o, t).at(at.clone()));
                    }
                }
                (src, ev)
            }
            _ => return,
        };
        if src.is_empty() {
            return;
        }
        evidence.extend(shared.iter().cloned());
        fm.images.push(FrontImage {
            src,
            line,
            evidence,
        });
    };
    for key in ["image", "featured_image"] {
        if let Some(v) = map.get(key) {
            push(v, key);
        }
    }
    if let Some(Value::Object(cover)) = map.get("cover")
        && let Some(v) = cover.get("image")
    {
        let mut with_caption = serde_json::Map::new();
        with_caption.insert("src".into(), v.clone());
        if let Some(c) = cover.get("caption") {
            with_caption.insert("caption".into(), c.clone());
        }
        push(&Value::Object(with_caption), "cover");
    }
    if let Some(Value::Array(list)) = map.get("images") {
        for v in list {
            push(v, "images");
        }
    }
    fm
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(e: &[Evidence]) -> Vec<String> {
        e.iter()
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
    fn yaml_front_matter_gives_the_featured_image_and_its_credit() {
        let doc = "---\ntitle: Harbour\nauthor: Post Writer\nimage: /images/harbour.jpg\nimage_credit: \"Photo: Jane Doe, CC BY 4.0\"\n---\n# Body\n";
        let fm = read(doc, "content/p.md");
        assert!(fm.problems.is_empty(), "{:?}", fm.problems);
        assert_eq!(&doc[fm.body_start..], "# Body\n");
        assert_eq!(fm.images.len(), 1);
        assert_eq!(fm.images[0].src, "/images/harbour.jpg");
        assert_eq!(fm.images[0].line, 4);
        assert_eq!(
            ev(&fm.images[0].evidence),
            ["frontmatter:credit=Photo: Jane Doe, CC BY 4.0@content/p.md:5"]
        );
    }

    #[test]
    fn toml_front_matter_and_an_image_map() {
        let doc = "+++\ntitle = \"x\"\n[image]\nsrc = \"a.png\"\nauthor = \"Ana Lima\"\nlicense = \"CC BY-SA 4.0\"\n+++\nbody";
        let fm = read(doc, "p.md");
        assert_eq!(fm.images.len(), 1);
        assert_eq!(fm.images[0].src, "a.png");
        let e = ev(&fm.images[0].evidence);
        assert!(
            e.contains(&"frontmatter:author=Ana Lima@p.md:3".to_string()),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|s| s.starts_with("frontmatter:license=CC BY-SA 4.0"))
        );
        assert_eq!(&doc[fm.body_start..], "body");
    }

    #[test]
    fn cover_and_images_lists() {
        let doc = "---\ncover:\n  image: c.jpg\n  caption: Photo by X\nimages:\n  - one.jpg\n  - src: two.jpg\n---\n";
        let fm = read(doc, "p.md");
        let srcs: Vec<&str> = fm.images.iter().map(|i| i.src.as_str()).collect();
        assert_eq!(srcs, ["c.jpg", "one.jpg", "two.jpg"]);
        assert_eq!(fm.images[0].evidence[0].value, "Photo by X");
    }

    #[test]
    fn no_or_broken_front_matter() {
        assert_eq!(read("# Title\n---\n", "p.md"), FrontMatter::default());
        let fm = read("---\ntitle: [unclosed\n---\nbody", "p.md");
        assert_eq!(fm.problems.len(), 1);
        assert!(fm.problems[0].starts_with("p.md: front matter cannot be read"));
        assert_eq!(fm.body_start, 25);
        let fm = read("---\ntitle: x\n", "p.md");
        assert_eq!(fm.problems, ["p.md:1: front matter is not closed by ---"]);
        assert_eq!(fm.body_start, 0);
    }
}
