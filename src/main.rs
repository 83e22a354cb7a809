//! The `licit` command: arguments in, library calls, report out, exit code.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use licit::assess::{self, ShareAs, Use, Verdict};
use licit::attribution::{self, Style};
use licit::check::{self, Item, Summary};
use licit::credit::parse_credit_line;
use licit::license::{self, Rights};
use licit::report::{Format, human, json};
use licit::web;

/// May I reuse this photo this way, and how must I credit it?
#[derive(Parser)]
#[command(name = "licit", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Explain the licenses a text names: what you may, must and must not do.
    ///
    /// Exit status: 0 when every input names a Creative Commons legal tool, 1 when one does not,
    /// 2 when an input cannot be used.
    License {
        /// Texts to read: license names, codes, URLs, credit lines. `-` reads one text per line
        /// from standard input.
        #[arg(value_name = "TEXT")]
        texts: Vec<String>,
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
    /// Read credit lines (the text under a photo) and say whether the proposed use is allowed.
    ///
    /// Exit status: 0 when every use is allowed (with obligations or not), 1 when one is not
    /// allowed or unknown, 2 when an input cannot be used.
    Credit {
        /// Credit lines. `-` reads one per line from standard input.
        #[arg(value_name = "TEXT")]
        texts: Vec<String>,
        #[command(flatten)]
        proposed: UseArgs,
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
    /// Check images: their embedded metadata (EXIF, XMP, IPTC, PNG text) and XMP sidecars,
    /// image URLs, and web pages (every image with the credit shown next to it).
    ///
    /// Directories are searched for images; `.html` files and `http(s)://` pages give one item
    /// per image. Exit status: 0 when every image may be used as proposed, 1 when one may not
    /// or cannot be told, 2 when a file or URL cannot be read.
    Check {
        /// Image files, directories, `.html` files, or `http://` / `https://` URLs.
        #[arg(value_name = "TARGET", required = true)]
        targets: Vec<String>,
        #[command(flatten)]
        proposed: UseArgs,
        #[command(flatten)]
        net: NetArgs,
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
    },
    /// Write a credit ready to paste, complete for the license version.
    Attribute {
        /// A credit line, or the path of an image whose metadata holds the credit.
        #[arg(value_name = "TEXT_OR_IMAGE")]
        target: String,
        #[arg(long, value_enum, default_value_t = StyleArg::Text)]
        style: StyleArg,
    },
}

/// The proposed use, shared by `credit` and `check`.
#[derive(Args)]
struct UseArgs {
    /// The proposed use, comma-separated: commercial; edits (resize, convert, crop, color,
    /// retouch, overlay, composite, translate, adapt); medium (online, print, broadcast).
    /// Without it: verbatim, non-commercial, online.
    #[arg(long = "use", value_name = "WORDS")]
    words: Option<String>,
    /// For an adaptation under ShareAlike: the license it will carry (`by-sa/4.0`).
    #[arg(long, value_name = "LICENSE")]
    share_as: Option<String>,
}

impl UseArgs {
    fn resolve(&self) -> Result<Use, String> {
        let mut u = match &self.words {
            Some(w) => Use::parse(w).map_err(|e| format!("--use: {e}"))?,
            None => Use::default(),
        };
        if let Some(s) = &self.share_as {
            u = u.with_share_as(ShareAs::parse(s).map_err(|e| format!("--share-as: {e}"))?);
        }
        Ok(u)
    }
}

/// Fetching, for URL targets.
#[derive(Args)]
struct NetArgs {
    /// Fetch everything afresh: neither read nor write the HTTP cache
    /// (`$XDG_CACHE_HOME/licit` or the user cache directory).
    #[arg(long)]
    no_cache: bool,
    /// Seconds one request may take.
    #[arg(long, value_name = "SECONDS", default_value_t = 20)]
    timeout: u64,
}

impl NetArgs {
    fn config(&self) -> web::FetchConfig {
        let mut c = web::FetchConfig::from_env();
        if self.no_cache {
            c.cache_dir = None;
        }
        c.timeout = std::time::Duration::from_secs(self.timeout.max(1));
        c
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum StyleArg {
    Text,
    Html,
    Markdown,
}

impl From<StyleArg> for Style {
    fn from(s: StyleArg) -> Style {
        match s {
            StyleArg::Text => Style::Text,
            StyleArg::Html => Style::Html,
            StyleArg::Markdown => Style::Markdown,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
    Jsonl,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Jsonl => Format::Jsonl,
        }
    }
}

/// Exit codes, as documented in the README.
const PASS: u8 = 0;
const FAIL: u8 = 1;
const UNUSABLE: u8 = 2;

/// One input text, or why it could not be read.
type Input = Result<String, String>;

/// The texts named on the command line, with each `-` replaced by the lines of standard input.
fn inputs(texts: Vec<String>) -> Vec<Input> {
    let mut out = Vec::new();
    let texts = if texts.is_empty() && !io::stdin().is_terminal() {
        vec!["-".to_string()]
    } else {
        texts
    };
    for t in texts {
        if t != "-" {
            out.push(Ok(t));
            continue;
        }
        let mut stdin = io::stdin().lock();
        let mut buf = Vec::new();
        let mut n = 0;
        loop {
            buf.clear();
            n += 1;
            match stdin.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {
                    while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                        buf.pop();
                    }
                    out.push(
                        String::from_utf8(std::mem::take(&mut buf))
                            .map_err(|e| format!("standard input, line {n}: not UTF-8 ({e})")),
                    );
                }
                Err(e) => {
                    out.push(Err(format!("standard input: {e}")));
                    break;
                }
            }
        }
    }
    out
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::License { texts, format } => license_command(texts, format.into()),
        Command::Credit {
            texts,
            proposed,
            format,
        } => match proposed.resolve() {
            Ok(u) => credit_command(texts, &u, format.into()),
            Err(e) => usage(&e),
        },
        Command::Check {
            targets,
            proposed,
            net,
            format,
        } => match proposed.resolve() {
            Ok(u) => check_command(targets, &u, &net, format.into()),
            Err(e) => usage(&e),
        },
        Command::Attribute { target, style } => attribute_command(&target, style.into()),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(PASS),
        Err(e) => {
            eprintln!("licit: {e}");
            ExitCode::from(UNUSABLE)
        }
    }
}

fn license_command(texts: Vec<String>, format: Format) -> io::Result<u8> {
    let inputs = inputs(texts);
    if inputs.is_empty() {
        eprintln!("licit license: no text given (pass TEXT… or - to read standard input)");
        return Ok(UNUSABLE);
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut code = PASS;
    let mut scans = Vec::new();
    for input in &inputs {
        let text = match input {
            Ok(t) => t,
            Err(e) => {
                eprintln!("licit license: {e}");
                code = UNUSABLE;
                continue;
            }
        };
        let scan = license::scan(text);
        if scan.rights() != Rights::Cc && code == PASS {
            code = FAIL;
        }
        match format {
            Format::Human => write!(out, "{}", human::license(text, &scan))?,
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &json::LicenseLine::new(text, &scan))?;
                writeln!(out)?;
            }
            Format::Json => scans.push((text.as_str(), scan)),
        }
    }
    if format == Format::Json {
        let items = scans
            .iter()
            .map(|(t, s)| json::LicenseLine::new(t, s))
            .collect();
        serde_json::to_writer_pretty(&mut out, &json::Document::new(items))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(code)
}

fn usage(message: &str) -> io::Result<u8> {
    eprintln!("licit: {message}");
    Ok(UNUSABLE)
}

/// 0 when the use may go ahead, 1 when it may not or licit cannot tell.
fn verdict_code(v: Verdict) -> u8 {
    match v {
        Verdict::Allowed | Verdict::AllowedWithObligations => PASS,
        Verdict::NotAllowed | Verdict::Unknown => FAIL,
    }
}

fn credit_command(texts: Vec<String>, proposed: &Use, format: Format) -> io::Result<u8> {
    let inputs = inputs(texts);
    if inputs.is_empty() {
        return usage("licit credit: no text given (pass TEXT… or - to read standard input)");
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut code = PASS;
    let mut done = Vec::new();
    for input in &inputs {
        let text = match input {
            Ok(t) => t,
            Err(e) => {
                eprintln!("licit credit: {e}");
                code = UNUSABLE;
                continue;
            }
        };
        let c = parse_credit_line(text);
        let a = assess::assess(&c, proposed);
        code = code.max(verdict_code(a.verdict));
        match format {
            Format::Human => write!(out, "{}", human::credit(text, &c, &a, proposed))?,
            Format::Jsonl => {
                let line = json::CreditLineJson {
                    input: text,
                    credit: &c,
                    assessment: &a,
                };
                serde_json::to_writer(&mut out, &line)?;
                writeln!(out)?;
            }
            Format::Json => done.push((text.as_str(), c, a)),
        }
    }
    if format == Format::Json {
        let items = done
            .iter()
            .map(|(input, credit, assessment)| json::CreditLineJson {
                input,
                credit,
                assessment,
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &json::Document::new(items))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(code)
}

/// What one or more targets of `licit check` are.
enum Job {
    File(PathBuf),
    Page(PathBuf),
    Urls(Vec<String>),
}

fn check_command(
    targets: Vec<String>,
    proposed: &Use,
    net: &NetArgs,
    format: Format,
) -> io::Result<u8> {
    let mut code = PASS;
    let mut jobs: Vec<Job> = Vec::new();
    for target in targets {
        if web::is_url(&target) {
            match jobs.last_mut() {
                Some(Job::Urls(urls)) => urls.push(target),
                _ => jobs.push(Job::Urls(vec![target])),
            }
            continue;
        }
        let target = PathBuf::from(target);
        if target.is_dir() {
            let (found, errors) = check::images_in(&target);
            for e in errors {
                eprintln!("licit check: {}", e.message);
                code = UNUSABLE;
            }
            jobs.extend(found.into_iter().map(Job::File));
        } else if web::is_html_path(&target) {
            jobs.push(Job::Page(target));
        } else {
            jobs.push(Job::File(target));
        }
    }
    let fetcher = if jobs.iter().any(|j| matches!(j, Job::Urls(_))) {
        match web::Fetcher::new(net.config()) {
            Ok(f) => Some(f),
            Err(e) => return usage(&format!("licit check: {e}")),
        }
    } else {
        None
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut summary = Summary::default();
    let mut items: Vec<Item> = Vec::new();
    for job in &jobs {
        let done = match (job, &fetcher) {
            (Job::File(f), _) => vec![check::check_file(f, proposed)],
            (Job::Page(p), _) => check::web::check_html_file(p, proposed),
            (Job::Urls(urls), Some(fetcher)) => check::web::check_urls(urls, proposed, fetcher),
            (Job::Urls(_), None) => Vec::new(),
        };
        for item in done {
            summary.add(&item);
            code = code.max(item.verdict().map_or(UNUSABLE, verdict_code));
            match format {
                Format::Human => write!(out, "{}", human::item(&item))?,
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, &item)?;
                    writeln!(out)?;
                }
                Format::Json => items.push(item),
            }
        }
        if format == Format::Jsonl {
            out.flush()?;
        }
    }
    match format {
        Format::Human => write!(out, "{}", human::summary(&summary))?,
        Format::Json => {
            let doc = json::CheckDocument::new(proposed, &items, &summary);
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        Format::Jsonl => {}
    }
    out.flush()?;
    Ok(code)
}

fn attribute_command(target: &str, style: Style) -> io::Result<u8> {
    let path = std::path::Path::new(target);
    let c = if path.is_file() {
        let item = check::check_file(path, &Use::default());
        if let Some(e) = item.errors.first() {
            eprintln!("licit attribute: {}", e.message);
            return Ok(UNUSABLE);
        }
        item.credit.unwrap_or_default()
    } else {
        parse_credit_line(target)
    };
    if c.license.is_none() {
        eprintln!(
            "licit attribute: no Creative Commons license found; the credit below names what is known, but reuse needs permission"
        );
    }
    println!("{}", attribution::attribute(&c, style));
    Ok(if c.license.is_some() { PASS } else { FAIL })
}
