//! `--format jsonl`: one item of the JSON contract per line, written as each is finished.
//!
//! Each line is built in one reused buffer and written with one call. The credit and the
//! assessment make up most of a line, and a folder or a site repeats the same few of them
//! (the same photographer, the same license) across thousands of images: the last few distinct
//! ones are kept with their JSON, found again by equality (never by a key that could collide),
//! and copied instead of serialised again. The bytes are exactly what serialising the
//! [`Item`] with serde gives; the test below holds the two together.

use std::io::Write;

use serde::Serialize;

use crate::assess::Assessment;
use crate::check::Item;
use crate::checker::{Outcome, Scope, Sink};
use crate::credit::Credit;
use crate::evidence::Evidence;

/// Distinct credits (and assessments) kept with their JSON. A bench site shows a handful; a
/// run where every image differs pays one comparison per entry and item, which is far less than
/// one serialisation.
const KEPT: usize = 8;

pub struct Reporter<W: Write> {
    out: W,
    line: Vec<u8>,
    credits: Kept<Credit>,
    assessments: Kept<Assessment>,
}

impl<W: Write> Reporter<W> {
    pub fn new(out: W) -> Self {
        Reporter {
            out,
            line: Vec::with_capacity(8 * 1024),
            credits: Kept::default(),
            assessments: Kept::default(),
        }
    }
}

/// Values seen last and their JSON, the most recent first.
struct Kept<T> {
    entries: Vec<(T, Vec<u8>)>,
}

impl<T> Default for Kept<T> {
    fn default() -> Self {
        Kept {
            entries: Vec::new(),
        }
    }
}

impl<T: Serialize + PartialEq + Clone> Kept<T> {
    /// Appends the JSON of `value` to `out`.
    fn write(&mut self, value: &T, out: &mut Vec<u8>) -> std::io::Result<()> {
        if let Some(i) = self.entries.iter().position(|(v, _)| v == value) {
            out.extend_from_slice(&self.entries[i].1);
            if i > 0 {
                // Most recent first: the next item most likely repeats this one.
                self.entries[..=i].rotate_right(1);
            }
            return Ok(());
        }
        let start = out.len();
        serde_json::to_writer(&mut *out, value)?;
        if self.entries.len() == KEPT {
            self.entries.pop();
        }
        self.entries
            .insert(0, (value.clone(), out[start..].to_vec()));
        Ok(())
    }
}

/// Appends `"name":` (names are the contract's, plain ASCII).
fn key(out: &mut Vec<u8>, name: &str) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

/// Whether serde_json escapes this byte in a string: `"`, `\\` and the controls.
fn escaped(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Appends `s` as a JSON string, byte for byte as serde_json writes it (`\"`, `\\\\`, the five
/// short escapes, `\u00xx` in lowercase hex for the other controls, everything else as is).
/// Evidence values are most of what a line escapes; serde_json looks at them byte by byte,
/// this skips 16 clean bytes at a time.
fn string(out: &mut Vec<u8>, s: &str) {
    const CHUNK: usize = 16;
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut clean, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + CHUNK)
            && !chunk.iter().fold(false, |any, &b| any | escaped(b))
        {
            i += CHUNK;
            continue;
        }
        let b = bytes[i];
        if escaped(b) {
            out.extend_from_slice(&bytes[clean..i]);
            let short = match b {
                b'"' => Some(b'"'),
                b'\\' => Some(b'\\'),
                0x08 => Some(b'b'),
                0x0C => Some(b'f'),
                b'\n' => Some(b'n'),
                b'\r' => Some(b'r'),
                b'\t' => Some(b't'),
                _ => None,
            };
            match short {
                Some(c) => out.extend_from_slice(&[b'\\', c]),
                None => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]]);
                }
            }
            clean = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&bytes[clean..]);
    out.push(b'"');
}

/// Appends the evidence list as serde writes it (`location` left out when there is none).
fn evidence(out: &mut Vec<u8>, list: &[Evidence]) {
    out.push(b'[');
    for (i, e) in list.iter().enumerate() {
        // Every field named: a field added to `Evidence` fails to compile here.
        let Evidence {
            origin,
            value,
            location,
        } = e;
        if i > 0 {
            out.push(b',');
        }
        out.push(b'{');
        key(out, "origin");
        string(out, origin.as_str());
        out.push(b',');
        key(out, "value");
        string(out, value);
        if let Some(l) = location {
            out.push(b',');
            key(out, "location");
            string(out, l);
        }
        out.push(b'}');
    }
    out.push(b']');
}

fn json<T: Serialize + ?Sized>(out: &mut Vec<u8>, v: &T) -> std::io::Result<()> {
    serde_json::to_writer(out, v).map_err(std::io::Error::from)
}

impl<W: Write> Reporter<W> {
    /// The item's line, as serde writes [`Item`] (same fields, order and skipping rules).
    fn build(&mut self, item: &Item) -> std::io::Result<()> {
        // Every field named: a field added to `Item` fails to compile here until it is written.
        let Item {
            target,
            kind,
            page,
            evidence,
            credit,
            assessment,
            findings,
            errors,
            format,
            bytes_read,
            shown_in,
        } = item;
        let out = &mut self.line;
        out.clear();
        out.extend_from_slice(b"{");
        key(out, "target");
        string(out, target);
        out.push(b',');
        key(out, "kind");
        json(out, kind)?;
        out.push(b',');
        key(out, "page");
        json(out, page)?;
        out.push(b',');
        key(out, "evidence");
        self::evidence(out, evidence);
        out.push(b',');
        key(out, "credit");
        match credit {
            Some(c) => self.credits.write(c, out)?,
            None => out.extend_from_slice(b"null"),
        }
        out.push(b',');
        key(out, "assessment");
        match assessment {
            Some(a) => self.assessments.write(a, out)?,
            None => out.extend_from_slice(b"null"),
        }
        out.push(b',');
        key(out, "findings");
        json(out, findings)?;
        out.push(b',');
        key(out, "errors");
        json(out, errors)?;
        if let Some(f) = format {
            out.push(b',');
            key(out, "format");
            json(out, f)?;
        }
        if let Some(n) = bytes_read {
            out.push(b',');
            key(out, "bytes_read");
            json(out, n)?;
        }
        if !shown_in.is_empty() {
            out.push(b',');
            key(out, "shown_in");
            json(out, shown_in)?;
        }
        out.extend_from_slice(b"}\n");
        Ok(())
    }
}

impl<W: Write> Sink for Reporter<W> {
    fn item(&mut self, item: Item, _: Scope) -> std::io::Result<()> {
        self.build(&item)?;
        // Freed here, before the write: the item's strings are no longer needed.
        drop(item);
        self.out.write_all(&self.line)
    }
}

impl<W: Write> super::Reporter for Reporter<W> {
    fn finish(&mut self, _: &Outcome) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::Use;
    use crate::check::{ImageRead, ItemError, Showing, item_from};
    use crate::evidence::{Evidence, origin as o};
    use crate::finding::Location;

    fn serde_line(item: &Item) -> Vec<u8> {
        let mut v = serde_json::to_vec(item).unwrap();
        v.push(b'\n');
        v
    }

    proptest::proptest! {
        #[test]
        fn strings_are_escaped_as_serde_escapes_them(s in "(\\PC|[\\x00-\\x1f\"\\\\\\x7f])*") {
            let mut out = Vec::new();
            string(&mut out, &s);
            proptest::prop_assert_eq!(out, serde_json::to_vec(&s).unwrap());
        }
    }

    #[test]
    fn every_control_and_long_clean_runs() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for s in [
            all.clone(),
            all.repeat(3),
            "é".repeat(40),
            format!("{}\"", "a".repeat(33)),
        ] {
            let mut out = Vec::new();
            string(&mut out, &s);
            assert_eq!(out, serde_json::to_vec(&s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn lines_are_what_serde_writes_and_kept_values_are_not_mixed_up() {
        let read = |license: &str, who: &str| ImageRead {
            evidence: vec![
                Evidence::new(o::EXIF_ARTIST, who),
                Evidence::new(o::XMP_CC_LICENSE, license),
                Evidence::new(o::XMP_DC_DESCRIPTION, "quote \" backslash \\ tab\t é \u{1}"),
            ],
            format: Some(crate::metadata::Format::Jpeg),
            bytes_read: Some(16384),
            ..ImageRead::default()
        };
        let shown = Showing {
            location: Location {
                file: "post.md".into(),
                line: Some(3),
            },
            evidence: vec![Evidence::new(o::MARKDOWN_CAPTION, "Photo: Jane Doe").at("post.md:3")],
        };
        let by = "https://creativecommons.org/licenses/by/4.0/";
        let nc = "https://creativecommons.org/licenses/by-nc/4.0/";
        let mut items = Vec::new();
        // More distinct credits than are kept, then the first ones again.
        for round in 0..2 {
            for i in 0..(KEPT + 3) {
                let who = format!("Author {i}");
                let license = if i % 2 == 0 { by } else { nc };
                let mut it = item_from(
                    format!("dir/{round}/img{i}.jpg"),
                    None,
                    &[],
                    read(license, &who),
                    &Use::default(),
                );
                if i == 1 {
                    it.shown_in.push(shown.location.clone());
                    it.page = Some("page.html".into());
                }
                items.push(it);
            }
        }
        let gate_policy = crate::repo::Policy::default();
        items.push(item_from(
            "shown.jpg".into(),
            None,
            std::slice::from_ref(&shown),
            read(by, "Jane Doe"),
            &crate::repo::gate::Gate(&gate_policy),
        ));
        items.push(Item::failed(
            "gone.jpg".into(),
            None,
            ItemError::new("io", "gone.jpg: cannot read"),
        ));
        let mut r = Reporter::new(Vec::new());
        let mut expected = Vec::new();
        for it in items {
            expected.extend(serde_line(&it));
            r.item(it, Scope::Single).unwrap();
        }
        assert_eq!(
            String::from_utf8(r.out).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
}
