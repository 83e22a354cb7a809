//! The `licit` command: arguments in, library calls, report out, exit code.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use licit::assess::{self, ShareAs, Use, Verdict};
use licit::attribution::{self, Style};
use licit::check::{self, Item, Summary};
use licit::credit::parse_credit_line;
use licit::finding::Level;
use licit::license::{self, Rights};
use licit::repo::{self, Policy, Progress};
use licit::report::{self, Format, github, human, json, sarif};
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
    /// Check images, web pages, and the content repositories that show images.
    ///
    /// An image file is checked on its own: its embedded metadata (EXIF, XMP, IPTC, PNG text)
    /// and XMP sidecar. `.html` files and `http(s)://` pages give one item per image, with the
    /// credit shown next to it. A directory is checked as a content repository: every image's
    /// metadata and REUSE information, where Markdown and HTML documents show it and the credit
    /// they show, held against the policy in licit.toml (see `licit init`).
    ///
    /// Exit status: 0 when everything passes, 1 when an image may not be used as proposed or
    /// fails the policy, 2 when an input, a URL or the policy file cannot be used.
    Check {
        /// Image files, directories, `.html` files, or `http://` / `https://` URLs (with
        /// --root: files in the repository to report on).
        #[arg(value_name = "TARGET", required = true)]
        targets: Vec<String>,
        #[command(flatten)]
        proposed: UseArgs,
        #[command(flatten)]
        net: NetArgs,
        #[arg(long, value_enum, default_value_t = CheckFormatArg::Human)]
        format: CheckFormatArg,
        #[command(flatten)]
        repo: RepoArgs,
    },
    /// Write a commented starter licit.toml in the current directory (never overwrites).
    Init {
        /// Write it in this directory instead.
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Generate shell completions or the man page (for packagers).
    #[command(hide = true)]
    Generate {
        #[command(subcommand)]
        what: Generate,
    },
    /// Write a credit ready to paste, complete for the license version.
    Attribute {
        /// A credit line, the path of an image whose metadata holds the credit, or the URL of
        /// an image or a page (its first image).
        #[arg(value_name = "TEXT_OR_IMAGE")]
        target: String,
        #[arg(long, value_enum, default_value_t = StyleArg::Text)]
        style: StyleArg,
    },
    /// Write a license and credit into images: XMP, EXIF and IPTC, or an XMP sidecar.
    ///
    /// JPEG, PNG and WebP are written without touching the image data. By default a new file
    /// is written (`photo.stamped.jpg`); --in-place replaces the image atomically; --dry-run
    /// prints the fields that would change. Exit status: 0 when every image was stamped, 2 when
    /// one could not be.
    Stamp(licit::stamp::cli::StampArgs),
    /// Write REUSE records (`.license` sidecars or REUSE.toml annotations) for a repository's
    /// images, from the license and authors licit finds for each.
    ///
    /// Exit status: 0 when every image has a record, 1 when some could not be given one with
    /// certainty (the reason is printed), 2 when the repository cannot be used.
    Annotate(licit::repo::annotate::Args),
}

#[derive(Subcommand)]
enum Generate {
    /// Shell completions, on standard output.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The man page (roff), on standard output.
    Man,
}

/// How `check` reads a directory.
#[derive(Args)]
struct RepoArgs {
    /// The policy file (default: licit.toml at the root of each directory checked).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Leave out paths matching this glob (gitignore syntax, relative to the directory);
    /// repeatable.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Check hidden files and directories too.
    #[arg(long)]
    hidden: bool,
    /// Do not honour .gitignore and .ignore files.
    #[arg(long)]
    no_ignore: bool,
    /// Read the whole repository at DIR, but report only the TARGET files and the images the
    /// TARGET documents show (as a pre-commit hook passes the files being committed).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Print only errors: no warnings, no per-image detail, no summary, no progress bar.
    #[arg(long, short)]
    quiet: bool,
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormatArg {
    Human,
    Json,
    Jsonl,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
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
            repo,
        } => match proposed.resolve() {
            Ok(u) => {
                let given = proposed.words.is_some() || proposed.share_as.is_some();
                check_command(targets, given.then_some(u), &net, format, &repo)
            }
            Err(e) => usage(&e),
        },
        Command::Init { dir } => init_command(&dir),
        Command::Generate { what } => generate_command(what),
        Command::Attribute { target, style } => attribute_command(&target, style.into()),
        Command::Stamp(args) => licit::stamp::cli::stamp(args),
        Command::Annotate(args) => licit::repo::annotate::run(args),
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

/// The progress bar of long checks: on standard error, only when it is a terminal and not in CI.
struct Bar(Option<indicatif::ProgressBar>);

impl Bar {
    fn new(quiet: bool) -> Bar {
        let ci = std::env::var_os("CI").is_some() || std::env::var_os("GITHUB_ACTIONS").is_some();
        if quiet || ci || !io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Bar(Some(bar))
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        if let Some(b) = &self.0 {
            b.inc_length(total);
        }
    }
    fn advance(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }
    fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}

/// `TARGET` relative to `root`, `/`-separated, for `--root`.
fn relative_to(root: &std::path::Path, target: &std::path::Path) -> String {
    let t = target.strip_prefix(root).unwrap_or(target);
    let t = t.strip_prefix(".").unwrap_or(t);
    t.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// What one or more targets of `licit check` are, outside content repositories.
enum Job {
    File(PathBuf),
    Page(PathBuf),
    Urls(Vec<String>),
}

fn check_command(
    targets: Vec<String>,
    cli_use: Option<Use>,
    net: &NetArgs,
    format: CheckFormatArg,
    args: &RepoArgs,
) -> io::Result<u8> {
    let mut code = PASS;
    let mut dirs: Vec<PathBuf> = Vec::new();
    let mut jobs: Vec<Job> = Vec::new();
    let mut only: Option<Vec<String>> = None;
    match &args.root {
        Some(root) => {
            let o = targets
                .iter()
                .map(|t| relative_to(root, std::path::Path::new(t)))
                .collect();
            dirs.push(root.clone());
            only = Some(o);
        }
        None => {
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
                    dirs.push(target);
                } else if web::is_html_path(&target) {
                    jobs.push(Job::Page(target));
                } else {
                    jobs.push(Job::File(target));
                }
            }
        }
    }
    let bar = Bar::new(args.quiet);
    let mut items: Vec<Item> = Vec::new();
    let mut problems = Vec::new();
    let mut documents = 0;
    let mut policy_path = None;
    // The use the JSON document states: the policy's (of the last directory) or --use.
    let mut doc_use = cli_use.clone().unwrap_or_default();
    for dir in &dirs {
        let policy = match &args.config {
            Some(p) => Policy::read(p),
            None => Policy::for_root(dir),
        };
        let mut policy = match policy {
            Ok(p) => p,
            Err(e) => return usage(&format!("check: {e}")),
        };
        if let Some(u) = &cli_use {
            policy.proposed = u.clone();
        }
        policy_path = policy.path.clone();
        doc_use = policy.proposed.clone();
        let opts = repo::Options {
            policy,
            walk: repo::WalkOptions {
                exclude: args.exclude.clone(),
                hidden: args.hidden,
                no_ignore: args.no_ignore,
            },
            only: only.clone(),
        };
        let run = repo::check_repo(dir, &opts, &bar);
        items.extend(run.items);
        problems.extend(run.problems);
        documents += run.documents;
    }
    let repo_items = items.len();
    let proposed = cli_use.unwrap_or_default();
    let fetcher = if jobs.iter().any(|j| matches!(j, Job::Urls(_))) {
        match web::Fetcher::new(net.config()) {
            Ok(f) => Some(f),
            Err(e) => return usage(&format!("licit check: {e}")),
        }
    } else {
        None
    };
    for job in &jobs {
        let done = match (job, &fetcher) {
            (Job::File(f), _) => vec![check::check_file(f, &proposed)],
            (Job::Page(p), _) => check::web::check_html_file(p, &proposed),
            (Job::Urls(urls), Some(fetcher)) => check::web::check_urls(urls, &proposed, fetcher),
            (Job::Urls(_), None) => Vec::new(),
        };
        for item in done {
            code = code.max(item.verdict().map_or(UNUSABLE, verdict_code));
            items.push(item);
        }
    }
    let mut summary = Summary::default();
    for it in &items {
        summary.add(it);
        if !it.errors.is_empty() {
            code = UNUSABLE;
        }
    }
    let found = report::located(&items[..repo_items], &problems);
    if found.iter().any(|f| f.level == Level::Error) {
        code = code.max(FAIL);
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    match format {
        CheckFormatArg::Human => {
            if !args.quiet {
                for it in &items[repo_items..] {
                    write!(out, "{}", human::item(it))?;
                }
            }
            write!(out, "{}", human::findings(&found, args.quiet))?;
            if !args.quiet {
                if dirs.is_empty() {
                    write!(out, "{}", human::summary(&summary))?;
                } else {
                    let p = policy_path.as_deref();
                    write!(
                        out,
                        "{}",
                        human::repo_summary(&summary, documents, &found, p)
                    )?;
                }
            }
        }
        CheckFormatArg::Json => {
            let doc = json::CheckDocument::new(&doc_use, &items, &summary).with_problems(&problems);
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        CheckFormatArg::Jsonl => {
            for it in &items {
                serde_json::to_writer(&mut out, it)?;
                writeln!(out)?;
            }
        }
        CheckFormatArg::Sarif => {
            serde_json::to_writer_pretty(&mut out, &sarif::log(&found))?;
            writeln!(out)?;
        }
    }
    if std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") {
        let notes = github::annotations(&found);
        if format == CheckFormatArg::Human {
            write!(out, "{notes}")?;
        } else {
            eprint!("{notes}");
        }
    }
    out.flush()?;
    Ok(code)
}

fn init_command(dir: &std::path::Path) -> io::Result<u8> {
    let path = dir.join(repo::policy::FILE_NAME);
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path);
    match file {
        Ok(mut f) => {
            f.write_all(repo::policy::STARTER.as_bytes())?;
            eprintln!("licit init: wrote {}", path.display());
            Ok(PASS)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => usage(&format!(
            "init: {} already exists; not overwriting it",
            path.display()
        )),
        Err(e) => usage(&format!("init: {}: {e}", path.display())),
    }
}

fn generate_command(what: Generate) -> io::Result<u8> {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let mut out = io::stdout().lock();
    match what {
        Generate::Completions { shell } => {
            clap_complete::generate(shell, &mut cmd, "licit", &mut out);
        }
        Generate::Man => clap_mangen::Man::new(cmd).render(&mut out)?,
    }
    Ok(PASS)
}

fn attribute_command(target: &str, style: Style) -> io::Result<u8> {
    let path = std::path::Path::new(target);
    let item = if web::is_url(target) {
        let fetcher = match web::Fetcher::new(web::FetchConfig::from_env()) {
            Ok(f) => f,
            Err(e) => return usage(&format!("attribute: {e}")),
        };
        check::web::check_url(target, &Use::default(), &fetcher)
            .into_iter()
            .next()
    } else if path.is_file() {
        Some(check::check_file(path, &Use::default()))
    } else {
        None
    };
    let c = match item {
        Some(item) => {
            if let Some(e) = item.errors.first() {
                eprintln!("licit attribute: {}", e.message);
                return Ok(UNUSABLE);
            }
            item.credit.unwrap_or_default()
        }
        None => parse_credit_line(target),
    };
    if c.license.is_none() {
        eprintln!(
            "licit attribute: no Creative Commons license found; the credit below names what is known, but reuse needs permission"
        );
    }
    println!("{}", attribution::attribute(&c, style));
    Ok(if c.license.is_some() { PASS } else { FAIL })
}
