//! The command line: one definition of every flag, driving parsing, `--help`, the man pages
//! and the completions.

use std::ffi::OsString;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use licit::assess::{ShareAs, Use};
use licit::repo::Progress;
use licit::report::Format;
use licit::web;

/// May I reuse this photo this way, and how must I credit it?
#[derive(Parser)]
#[command(name = "licit", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

pub const EXIT_CODES: &str = "Exit status (every command): 0 pass, 1 a use is not allowed or unknown or a finding is an error (license: a text names no Creative Commons tool; attribute: no license allows reuse), 2 an input, URL, policy file or argument cannot be used.";

#[derive(Subcommand)]
pub enum Command {
    /// Explain the licenses a text names: what you may, must and must not do.
    License {
        /// Texts to read: license names, codes, URLs, credit lines. `-` reads one per line.
        #[arg(value_name = "TEXT")]
        texts: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Read credit lines (the text under a photo) and say whether the proposed use is allowed.
    Credit {
        /// Credit lines. `-` reads one per line from standard input.
        #[arg(value_name = "TEXT")]
        texts: Vec<String>,
        #[command(flatten)]
        proposed: UseArgs,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
    /// Check images, web pages, and the content repositories that show images.
    ///
    /// An image file is checked on its own (embedded metadata and XMP sidecar); `.html` files
    /// and `http(s)://` pages give one item per image, with the credit shown next to it; a
    /// directory is checked as a content repository against the policy in licit.toml (see
    /// `licit init`). Every target is held against the same policy gate.
    Check {
        /// Image files, directories, `.html` files, URLs; `-` reads targets from standard
        /// input and `@FILE` from a file, one per line (with --root: files in the repository).
        #[arg(value_name = "TARGET", required_unless_present = "from_file")]
        targets: Vec<OsString>,
        #[command(flatten)]
        list: ListArgs,
        #[command(flatten)]
        proposed: UseArgs,
        #[command(flatten)]
        net: NetArgs,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        #[command(flatten)]
        repo: RepoArgs,
    },
    /// Write a commented starter licit.toml in the current directory (never overwrites).
    Init {
        /// Write it in this directory instead.
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Generate shell completions or man pages (for packagers).
    #[command(hide = true)]
    Generate {
        #[command(subcommand)]
        what: Generate,
    },
    /// Write a credit ready to paste, complete for the license version.
    Attribute {
        /// A credit line, an image whose metadata holds the credit, or an image or page URL.
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
    /// Serve a web page (and a JSON API under /api/) for checking images, URLs and credit
    /// lines, on 127.0.0.1:8750 by default. Prints `listening on http://ADDR` when ready.
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
}

/// `licit serve`.
#[cfg(feature = "serve")]
#[derive(Args)]
pub struct ServeArgs {
    /// The address to listen on; a warning is printed when it is not loopback.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8750")]
    pub bind: std::net::SocketAddr,
    /// The port, over the one in --bind (0: any free port).
    #[arg(long, value_name = "PORT")]
    pub port: Option<u16>,
    /// Let URL checks reach loopback, private, link-local and unique-local addresses.
    #[arg(long)]
    pub allow_private: bool,
    /// The most bytes of one uploaded file.
    #[arg(long, value_name = "BYTES", default_value_t = licit::serve::Limits::default().max_file_bytes)]
    pub max_file_bytes: u64,
    /// The most bytes of uploads held at once, over every request.
    #[arg(long, value_name = "BYTES", default_value_t = licit::serve::Limits::default().max_in_flight_bytes)]
    pub max_in_flight_bytes: u64,
    /// Checks run at once (default: the number of CPUs, 2 to 16).
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,
}

#[cfg(feature = "serve")]
impl ServeArgs {
    pub fn config(&self) -> licit::serve::Config {
        let mut c = licit::serve::Config {
            bind: self.bind,
            allow_private: self.allow_private,
            ..Default::default()
        };
        if let Some(p) = self.port {
            c.bind.set_port(p);
        }
        c.limits.max_file_bytes = self.max_file_bytes;
        c.limits.max_in_flight_bytes = self.max_in_flight_bytes;
        if let Some(n) = self.concurrency {
            c.limits.concurrency = n.max(1);
        }
        c
    }
}

#[derive(Subcommand)]
pub enum Generate {
    /// Shell completions, on standard output.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The man page on standard output, or with --dir one page per subcommand.
    Man {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// How `check` reads a directory.
#[derive(Args)]
pub struct RepoArgs {
    /// The policy file (default: licit.toml at the root of each directory checked).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Leave out paths matching this glob (gitignore syntax); repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Check hidden files and directories too.
    #[arg(long)]
    pub hidden: bool,
    /// Do not honour .gitignore and .ignore files.
    #[arg(long)]
    pub no_ignore: bool,
    /// Read the whole repository at DIR, but report only the TARGET files and the images
    /// they show (as a pre-commit hook passes the files being committed).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// A directory that holds no image and no document passes (by default it is an error).
    #[arg(long)]
    pub allow_empty: bool,
    /// Print only errors, in every format: no warnings, no detail, no summary, no progress.
    #[arg(long, short)]
    pub quiet: bool,
    /// After the report, print the `licit stamp` command that fixes each finding writing the
    /// rights down can fix (on standard error when the report is JSON, SARIF or annotations).
    #[arg(long)]
    pub fix: bool,
}

/// `check` as a map task over a list of targets.
#[derive(Args)]
pub struct ListArgs {
    /// Read targets (paths or URLs) from LIST, one a line; `-` reads standard input. Blank
    /// lines and lines starting with `#` are skipped. Repeatable.
    #[arg(long, value_name = "LIST")]
    pub from_file: Vec<OsString>,
    /// Check only shard I of N (0 <= I < N): a target is in shard FNV-1a-64(target as
    /// written) mod N, so N machines given the same list split it with no target twice.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<licit::checker::Shard>,
}

/// The proposed use, shared by `credit` and `check`.
#[derive(Args)]
pub struct UseArgs {
    /// The proposed use, comma-separated: commercial or noncommercial; verbatim or edits
    /// (resize, convert, crop, color, retouch, overlay, composite, translate, adapt); medium
    /// (online, print, broadcast); region (high-income, developing: only the Developing
    /// Nations license depends on it); or mining and AI training (data-mining, ai-training,
    /// ai-generative-training: judged from the license and the data-mining signals). Without
    /// it: verbatim, non-commercial, online.
    #[arg(long = "use", value_name = "WORDS")]
    pub words: Option<String>,
    /// For an adaptation under ShareAlike: the license it will carry (`by-sa/4.0`).
    #[arg(long, value_name = "LICENSE")]
    pub share_as: Option<String>,
}

impl UseArgs {
    /// The use given, or `None` when neither flag was.
    pub fn given(&self) -> Result<Option<Use>> {
        if self.words.is_none() && self.share_as.is_none() {
            return Ok(None);
        }
        let mut u = Use::parse(self.words.as_deref().unwrap_or("")).context("--use")?;
        if let Some(s) = &self.share_as {
            u = u.with_share_as(ShareAs::parse(s).context("--share-as")?);
        }
        Ok(Some(u))
    }
}

/// Fetching, for URL targets.
#[derive(Args)]
pub struct NetArgs {
    /// Fetch afresh: neither read nor write the HTTP cache (`$XDG_CACHE_HOME/licit`).
    #[arg(long)]
    pub no_cache: bool,
    /// The most bytes the HTTP cache keeps; the least recently used entries go first.
    #[arg(long, value_name = "BYTES", default_value_t = web::cache::DEFAULT_MAX_BYTES)]
    pub cache_max: u64,
    /// Seconds one request may take.
    #[arg(long, value_name = "SECONDS", default_value_t = 20)]
    pub timeout: u64,
    /// Seconds the whole run may take fetching (a long --from-file list of URLs needs more);
    /// requests after it fail at once.
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub run_timeout: u64,
    /// Refuse loopback, private, link-local and unique-local addresses, also after redirects
    /// and for a page's images.
    #[arg(long)]
    pub deny_private: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum StyleArg {
    Text,
    Html,
    Markdown,
}

/// The progress bar: on standard error, only when it is a terminal and not in CI.
pub struct Bar(pub indicatif::ProgressBar);

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.0.inc_length(total);
    }
    fn advance(&self) {
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
