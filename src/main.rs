//! The `licit` command: arguments in, library calls, report out, exit code.

use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use licit::license::{self, Rights};
use licit::report::{self, Format, human, json};

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
    let _ = report::SCHEMA;
    Ok(code)
}
