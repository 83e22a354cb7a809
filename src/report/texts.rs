//! `licit license` and `licit credit`: texts in (arguments, or lines of standard input), one
//! report per text out. With `--format jsonl`, every input gives exactly one line, in input
//! order: the report, or `{"error": {"kind", "message"}, "line": N}` for a line that cannot be
//! read (not UTF-8). Such a line is also named on standard error, in every format.

use std::io::{self, BufRead, Write};

use super::{Format, human, json};
use crate::assess::{Use, assess};
use crate::checker::Exit;
use crate::credit::parse_credit_line;
use crate::license::{Rights, scan};

/// An input that could not be read as text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct InputError {
    /// `not-utf8` or `io`.
    pub kind: &'static str,
    pub message: String,
}

/// The JSON line of an input that could not be read.
#[derive(serde::Serialize)]
struct ErrorLine<'a> {
    error: &'a InputError,
    /// 1-based line of standard input, when it came from there.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

/// One input: a text, or why it could not be read (with its line of standard input).
pub type Input = Result<String, (Option<usize>, InputError)>;

/// The texts given, with each `-` replaced by the lines of `stdin` (end-of-line removed). A
/// line that is not UTF-8 is an error naming its line, never dropped.
pub fn read_inputs(texts: Vec<String>, stdin: &mut dyn BufRead) -> Vec<Input> {
    let mut out = Vec::new();
    for t in texts {
        if t != "-" {
            out.push(Ok(t));
            continue;
        }
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
                    out.push(String::from_utf8(std::mem::take(&mut buf)).map_err(|e| {
                        let message =
                            format!("standard input, line {n}: not UTF-8 ({})", e.utf8_error());
                        (
                            Some(n),
                            InputError {
                                kind: "not-utf8",
                                message,
                            },
                        )
                    }));
                }
                Err(e) => {
                    let message = format!("standard input: {e}");
                    out.push(Err((
                        None,
                        InputError {
                            kind: "io",
                            message,
                        },
                    )));
                    break;
                }
            }
        }
    }
    out
}

/// Writes the error of an input: on standard error for people, as a line for `jsonl`.
fn input_error(
    out: &mut dyn Write,
    format: Format,
    command: &str,
    line: Option<usize>,
    e: &InputError,
) -> io::Result<()> {
    if format == Format::Jsonl {
        serde_json::to_writer(&mut *out, &ErrorLine { error: e, line })?;
        writeln!(out)?;
    }
    eprintln!("licit {command}: {}", e.message);
    Ok(())
}

/// `licit license`: `Fail` when a text names no Creative Commons legal tool, `Unusable` when
/// an input cannot be read.
pub fn license(inputs: &[Input], format: Format, out: &mut dyn Write) -> io::Result<Exit> {
    let mut exit = Exit::Pass;
    let mut doc = Vec::new();
    for input in inputs {
        let text = match input {
            Ok(t) => t,
            Err((line, e)) => {
                input_error(out, format, "license", *line, e)?;
                exit = Exit::Unusable;
                continue;
            }
        };
        let s = scan(text);
        if s.rights() != Rights::Cc {
            exit = exit.max(Exit::Fail);
        }
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &json::LicenseLine::new(text, &s))?;
                writeln!(out)?;
            }
            Format::Json => doc.push((text.as_str(), s)),
            _ => write!(out, "{}", human::license(text, &s))?,
        }
    }
    if format == Format::Json {
        let items = doc
            .iter()
            .map(|(t, s)| json::LicenseLine::new(t, s))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &json::Document::new(items))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(exit)
}

/// `licit credit`: the exit status of each verdict ([`Exit::of_verdict`]), `Unusable` when an
/// input cannot be read.
pub fn credit(
    inputs: &[Input],
    proposed: &Use,
    format: Format,
    out: &mut dyn Write,
) -> io::Result<Exit> {
    let mut exit = Exit::Pass;
    let mut doc = Vec::new();
    for input in inputs {
        let text = match input {
            Ok(t) => t,
            Err((line, e)) => {
                input_error(out, format, "credit", *line, e)?;
                exit = Exit::Unusable;
                continue;
            }
        };
        let c = parse_credit_line(text);
        let a = assess(&c, proposed);
        exit = exit.max(Exit::of_verdict(a.verdict));
        match format {
            Format::Jsonl => {
                let line = json::CreditLineJson {
                    input: text,
                    credit: &c,
                    assessment: &a,
                };
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
            Format::Json => doc.push((text.as_str(), c, a)),
            _ => write!(out, "{}", human::credit(text, &c, &a, proposed))?,
        }
    }
    if format == Format::Json {
        let items = doc
            .iter()
            .map(|(input, credit, assessment)| json::CreditLineJson {
                input,
                credit,
                assessment,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &json::Document::new(items))?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(exit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_gives_one_jsonl_line_even_when_it_is_not_utf8() {
        let stdin = b"CC BY 4.0\n\xff\xfe broken\nCC0\n";
        let inputs = read_inputs(vec!["-".into()], &mut &stdin[..]);
        assert_eq!(inputs.len(), 3);
        let mut out = Vec::new();
        let exit = license(&inputs, Format::Jsonl, &mut out).unwrap();
        assert_eq!(exit, Exit::Unusable);
        let lines: Vec<serde_json::Value> = out
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[1]["error"]["kind"], "not-utf8");
        assert_eq!(lines[1]["line"], 2);
        assert_eq!(lines[2]["input"], "CC0");
    }
}
