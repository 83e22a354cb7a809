//! `--format html`: one self-contained file to open from a build's artifacts. A summary, a table
//! per page, document or folder that radio buttons filter by verdict (pure CSS, no script), and
//! per image a thumbnail ([`thumb`]), the verdict in words and colour, the reasons with the
//! sections of the legal code, the findings at `file:line`, the credit and the evidence.
//!
//! The file asks for nothing: its Content-Security-Policy allows only inline styles and `data:`
//! images, so nothing in it can make the browser send a request, and every value read from an
//! image, a page or a document is escaped ([`escape::Esc`]).
//!
//! [`Report::render`] is the library entry (over items already checked, with thumbnails already
//! made, so a caller holding uploads in memory can use [`Thumb::from_bytes`]); [`Reporter`] is
//! the `licit check` format, which collects the items and writes the file when the run ends.

pub mod escape;
pub mod thumb;

use std::collections::BTreeMap;
use std::io::{self, Write};

use base64::Engine as _;

use crate::assess::Use;
use crate::check::{Item, Summary};
use crate::finding::Location;
use crate::repo::RepoProblem;
use escape::{Esc, shorten};
pub use thumb::{Options as ThumbOptions, Thumb, thumbnails};

/// The policy in the file's `<meta>`: no fetch of any kind, inline styles, `data:` images.
pub const CSP: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const STYLE: &str = include_str!("style.css");

/// Longest evidence value shown, in chars (the JSON report keeps it whole).
const MAX_VALUE_CHARS: usize = 600;

/// The filters: the radio button's id, the row class it keeps, and its label.
const FILTERS: [(&str, &str); 6] = [
    ("all", "All"),
    ("allowed", "Allowed"),
    ("allowed-with-obligations", "Allowed with obligations"),
    ("not-allowed", "Not allowed"),
    ("unknown", "Unknown"),
    ("error", "With errors"),
];

/// One report: what the run checked, and a thumbnail per item (`thumbs[i]` for `items[i]`; a
/// missing entry shows as "no preview").
pub struct Report<'a> {
    pub proposed: &'a Use,
    pub items: &'a [Item],
    pub problems: &'a [RepoProblem],
    pub summary: &'a Summary,
    pub thumbs: &'a [Thumb],
}

impl Report<'_> {
    /// Writes the whole HTML file.
    pub fn render(&self, out: &mut dyn Write) -> io::Result<()> {
        let s = self.summary;
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>licit report: {} image{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
            s.items,
            plural(s.items)
        )?;
        writeln!(
            out,
            "<header>\n<h1>licit report</h1>\n<p>Proposed use: <b>{}</b></p>",
            Esc(&self.proposed.describe())
        )?;
        writeln!(out, "<ul class=\"summary\" aria-label=\"Summary\">")?;
        let counts = [
            (s.items, "images", ""),
            (s.allowed, "allowed", "allowed"),
            (
                s.allowed_with_obligations,
                "allowed with obligations",
                "allowed-with-obligations",
            ),
            (s.not_allowed, "not allowed", "not-allowed"),
            (s.unknown, "unknown", "unknown"),
            (s.errors, "with errors", "error"),
        ];
        for (n, words, class) in counts {
            writeln!(
                out,
                "<li class=\"v-{class}\"><b>{n}</b> {words}</li>",
                class = if class.is_empty() { "all" } else { class }
            )?;
        }
        writeln!(out, "</ul>\n</header>")?;
        // The radio buttons come first, as siblings of the nav and main they style.
        for (i, (id, _)) in FILTERS.iter().enumerate() {
            writeln!(
                out,
                "<input type=\"radio\" class=\"filter\" name=\"show\" id=\"show-{id}\"{}>",
                if i == 0 { " checked" } else { "" }
            )?;
        }
        writeln!(out, "<nav aria-label=\"Show images\"><span>Show:</span>")?;
        for (id, label) in FILTERS {
            writeln!(out, "<label for=\"show-{id}\">{label}</label>")?;
        }
        writeln!(
            out,
            "</nav>\n<main>\n<p class=\"none-shown\">No image has this verdict.</p>"
        )?;
        for (group, rows) in groups(self.items) {
            self.group(out, &group, &rows)?;
        }
        if !self.problems.is_empty() {
            self.problem_list(out)?;
        }
        if self.items.is_empty() && self.problems.is_empty() {
            writeln!(out, "<p>No image was checked.</p>")?;
        }
        writeln!(
            out,
            "</main>\n<footer>Made by licit {} (JSON schema {}). Verdicts are read from the \
             metadata and credits found; they are not legal advice.</footer>\n</body>\n</html>",
            env!("CARGO_PKG_VERSION"),
            super::SCHEMA
        )?;
        out.flush()
    }

    fn group(&self, out: &mut dyn Write, group: &Group, rows: &[usize]) -> io::Result<()> {
        writeln!(
            out,
            "<section class=\"group\">\n<h2><span class=\"what\">{}:</span> {}</h2>\n<table>\n\
             <thead><tr><th class=\"pic\" scope=\"col\">Preview</th><th class=\"img\" scope=\"col\">Image</th>\
             <th class=\"ver\" scope=\"col\">Verdict</th><th scope=\"col\">Why</th>\
             <th class=\"cred\" scope=\"col\">Credit</th></tr></thead>\n<tbody>",
            group.what,
            Esc(&group.name)
        )?;
        for &i in rows {
            self.row(out, i)?;
        }
        writeln!(out, "</tbody>\n</table>\n</section>")
    }

    fn row(&self, out: &mut dyn Write, i: usize) -> io::Result<()> {
        let it = &self.items[i];
        let verdict = it.verdict().map_or("error", |v| v.as_str());
        let errors = if it.errors.is_empty() {
            ""
        } else {
            " has-error"
        };
        writeln!(out, "<tr class=\"item v-{verdict}{errors}\">")?;
        let name = file_name(&it.target);
        match self.thumbs.get(i) {
            Some(Thumb::Jpeg {
                data,
                width,
                height,
            }) => writeln!(
                out,
                "<td><img class=\"thumb\" src=\"data:image/jpeg;base64,{}\" width=\"{width}\" \
                 height=\"{height}\" alt=\"Preview of {}\"></td>",
                base64::engine::general_purpose::STANDARD.encode(data),
                Esc(name)
            )?,
            Some(Thumb::Missing(why)) => writeln!(
                out,
                "<td><div class=\"nothumb\" role=\"img\" title=\"{why}\" aria-label=\"No preview: {why}\">no preview</div></td>",
                why = Esc(why)
            )?,
            None => writeln!(out, "<td><div class=\"nothumb\">no preview</div></td>")?,
        }
        write!(
            out,
            "<th scope=\"row\"><div class=\"name\">{}</div><div class=\"where\"><code>{}</code></div>",
            Esc(name),
            Esc(&it.target)
        )?;
        if let Some(p) = &it.page {
            write!(out, "<div class=\"where\">on <code>{}</code></div>", Esc(p))?;
        }
        if !it.shown_in.is_empty() {
            write!(out, "<div class=\"where\">shown at ")?;
            locations(out, &it.shown_in)?;
            write!(out, "</div>")?;
        }
        writeln!(out, "</th>")?;
        writeln!(
            out,
            "<td><span class=\"verdict\">{}</span></td>",
            verdict_words(it)
        )?;
        self.why(out, it)?;
        self.credit(out, it)?;
        writeln!(out, "</tr>")
    }

    /// Findings and errors first (what to act on), then the reasons, then the obligations.
    fn why(&self, out: &mut dyn Write, it: &Item) -> io::Result<()> {
        write!(out, "<td>")?;
        if !it.findings.is_empty() {
            write!(out, "<ul class=\"findings\">")?;
            for f in &it.findings {
                write!(
                    out,
                    "<li class=\"finding {}\"><b>{}</b>: {}",
                    f.kind.level().as_str(),
                    f.kind,
                    Esc(&f.message)
                )?;
                // The image file itself is no news in its own row.
                let at: Vec<Location> = f
                    .locations
                    .iter()
                    .filter(|l| l.line.is_some() || l.file != it.target)
                    .cloned()
                    .collect();
                if !at.is_empty() {
                    write!(out, " <span class=\"where\">at ")?;
                    locations(out, &at)?;
                    write!(out, "</span>")?;
                }
                write!(out, "</li>")?;
            }
            write!(out, "</ul>")?;
        }
        for e in &it.errors {
            write!(out, "<p class=\"err\">Error: {}</p>", Esc(&e.message))?;
        }
        let reasons = it.assessment.as_ref().map_or(&[][..], |a| &a.reasons[..]);
        if !reasons.is_empty() {
            write!(out, "<ul class=\"reasons\">")?;
            for r in reasons {
                write!(out, "<li>{}", Esc(&r.text))?;
                if let Some(sec) = &r.section {
                    write!(out, " <span class=\"sec\">({})</span>", Esc(sec))?;
                }
                write!(out, "</li>")?;
            }
            write!(out, "</ul>")?;
        }
        let obligations = it
            .assessment
            .as_ref()
            .map_or(&[][..], |a| &a.obligations[..]);
        if !obligations.is_empty() {
            write!(
                out,
                "<details><summary>What you must do ({})</summary><ul class=\"obligations\">",
                obligations.len()
            )?;
            for o in obligations {
                write!(out, "<li>{}", Esc(&o.text))?;
                if let Some(sec) = &o.section {
                    write!(out, " <span class=\"sec\">({})</span>", Esc(sec))?;
                }
                write!(out, "</li>")?;
            }
            write!(out, "</ul></details>")?;
        }
        writeln!(out, "</td>")
    }

    /// What the credit says, the credit to paste, and the evidence it comes from.
    fn credit(&self, out: &mut dyn Write, it: &Item) -> io::Result<()> {
        write!(out, "<td>")?;
        if let Some(c) = &it.credit {
            write!(out, "<dl class=\"fields\">")?;
            if !c.authors.is_empty() {
                write!(
                    out,
                    "<dt>Author{}</dt><dd>{}</dd>",
                    plural(c.authors.len()),
                    Esc(&c.authors.join("; "))
                )?;
            }
            for (label, value) in [
                ("Title", &c.title),
                ("Source", &c.source),
                ("Date", &c.date),
            ] {
                if let Some(v) = value {
                    write!(out, "<dt>{label}</dt><dd>{}</dd>", Esc(v))?;
                }
            }
            match c.license {
                // The catalogue's URL, not a value read from the file.
                Some(l) => match l.url() {
                    Some(url) => write!(
                        out,
                        "<dt>License</dt><dd><a href=\"{}\" rel=\"noreferrer\">{}</a></dd>",
                        Esc(url),
                        Esc(&l.short_code())
                    )?,
                    None => write!(out, "<dt>License</dt><dd>{}</dd>", Esc(&l.short_code()))?,
                },
                None => write!(
                    out,
                    "<dt>License</dt><dd>none found (rights: {})</dd>",
                    Esc(&c.rights.to_string())
                )?,
            }
            write!(out, "</dl>")?;
        }
        if let Some(a) = &it.assessment {
            let check = &a.attribution;
            if !check.suggested.is_empty() {
                write!(
                    out,
                    "<div class=\"small\">Credit to use:</div><p class=\"credit\">{}</p>",
                    Esc(&check.suggested)
                )?;
            }
            if !check.missing.is_empty() {
                let missing: Vec<&str> = check.missing.iter().map(|m| m.name()).collect();
                write!(
                    out,
                    "<div class=\"small\">Missing from the credit shown: {}</div>",
                    Esc(&missing.join(", "))
                )?;
            }
        }
        if it.evidence.is_empty() {
            if it.errors.is_empty() {
                write!(out, "<div class=\"small\">No rights metadata found.</div>")?;
            }
        } else {
            write!(
                out,
                "<details><summary>Evidence ({})</summary><table>",
                it.evidence.len()
            )?;
            for e in &it.evidence {
                write!(
                    out,
                    "<tr><td><code>{}</code></td><td>{}",
                    Esc(e.origin.as_str()),
                    Esc(&shorten(&e.value, MAX_VALUE_CHARS))
                )?;
                if let Some(l) = &e.location {
                    write!(out, " <span class=\"where\">({})</span>", Esc(l))?;
                }
                write!(out, "</td></tr>")?;
            }
            write!(out, "</table></details>")?;
        }
        writeln!(out, "</td>")
    }

    fn problem_list(&self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "<section class=\"problems\">\n<h2>Problems not about one image</h2>\n<ul>"
        )?;
        for p in self.problems {
            write!(out, "<li class=\"finding {}\">", p.kind.level().as_str())?;
            if let Some(l) = &p.location {
                write!(out, "<code>{}</code>: ", Esc(&l.to_string()))?;
            }
            writeln!(out, "<b>{}</b>: {}</li>", p.kind, Esc(&p.message))?;
        }
        writeln!(out, "</ul>\n</section>")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn verdict_words(it: &Item) -> &'static str {
    use crate::assess::Verdict;
    match it.verdict() {
        Some(Verdict::Allowed) => "✓ allowed",
        Some(Verdict::AllowedWithObligations) => "✓ allowed with obligations",
        Some(Verdict::NotAllowed) => "✗ not allowed",
        Some(Verdict::Unknown) => "? unknown",
        None => "! error",
    }
}

fn locations(out: &mut dyn Write, ls: &[Location]) -> io::Result<()> {
    for (i, l) in ls.iter().enumerate() {
        if i > 0 {
            write!(out, ", ")?;
        }
        write!(out, "<code>{}</code>", Esc(&l.to_string()))?;
    }
    Ok(())
}

/// The last segment of a path or URL.
fn file_name(target: &str) -> &str {
    let t = target.trim_end_matches(['/', '\\']);
    t.rsplit(['/', '\\'])
        .next()
        .filter(|s| !s.is_empty())
        .unwrap_or(target)
}

/// The table an item goes in: the page it was found on, else the first document that shows it,
/// else its folder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Group {
    what: &'static str,
    name: String,
}

fn group_of(it: &Item) -> Group {
    if let Some(p) = &it.page {
        return Group {
            what: "Page",
            name: p.clone(),
        };
    }
    if let Some(l) = it.shown_in.first() {
        return Group {
            what: "Document",
            name: l.file.clone(),
        };
    }
    let t = it.target.trim_end_matches(['/', '\\']);
    let folder = match t.rfind(['/', '\\']) {
        Some(i) => &t[..i],
        None => ".",
    };
    Group {
        what: "Folder",
        name: folder.to_string(),
    }
}

/// Items by table, tables sorted by name, items in the order they came.
fn groups(items: &[Item]) -> BTreeMap<Group, Vec<usize>> {
    let mut out: BTreeMap<Group, Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        out.entry(group_of(it)).or_default().push(i);
    }
    out
}

/// `--format html`: collects the run's items and writes one [`Report`] when it ends, with
/// thumbnails made then ([`thumbnails`], within [`ThumbOptions`]).
pub struct Reporter<W: Write> {
    out: W,
    items: Vec<Item>,
    problems: Vec<RepoProblem>,
    thumbs: ThumbOptions,
}

impl<W: Write> Reporter<W> {
    pub fn new(out: W) -> Self {
        Reporter {
            out,
            items: Vec::new(),
            problems: Vec::new(),
            thumbs: ThumbOptions::default(),
        }
    }

    /// The same reporter with other thumbnail limits.
    pub fn thumbnails(mut self, opts: ThumbOptions) -> Self {
        self.thumbs = opts;
        self
    }
}

impl<W: Write> crate::checker::Sink for Reporter<W> {
    fn item(&mut self, item: Item, _: crate::checker::Scope) -> io::Result<()> {
        self.items.push(item);
        Ok(())
    }
    fn problem(&mut self, p: &RepoProblem) -> io::Result<()> {
        self.problems.push(p.clone());
        Ok(())
    }
}

impl<W: Write> super::Reporter for Reporter<W> {
    fn finish(&mut self, outcome: &crate::checker::Outcome) -> io::Result<()> {
        let thumbs = thumbnails(&self.items, &self.thumbs);
        Report {
            proposed: &outcome.proposed,
            items: &self.items,
            problems: &self.problems,
            summary: &outcome.summary,
            thumbs: &thumbs,
        }
        .render(&mut self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_go_to_their_page_document_or_folder() {
        let mut a = Item::new("site/img/a.jpg".into());
        a.shown_in.push(Location {
            file: "content/post.md".into(),
            line: Some(3),
        });
        let mut b = Item::new("https://example.org/b.jpg".into());
        b.page = Some("https://example.org/article".into());
        let c = Item::new("photos/c.png".into());
        let d = Item::new("d.png".into());
        let g: Vec<(String, String)> = [a, b, c, d]
            .iter()
            .map(|i| {
                let g = group_of(i);
                (g.what.to_string(), g.name)
            })
            .collect();
        assert_eq!(
            g,
            [
                ("Document", "content/post.md"),
                ("Page", "https://example.org/article"),
                ("Folder", "photos"),
                ("Folder", "."),
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn file_names_of_paths_and_urls() {
        assert_eq!(file_name("a/b/c.jpg"), "c.jpg");
        assert_eq!(file_name("c.jpg"), "c.jpg");
        assert_eq!(file_name("https://x.org/p/q.png"), "q.png");
        assert_eq!(file_name("https://x.org/"), "x.org");
    }
}
