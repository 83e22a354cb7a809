//! `--format jsonl`: one item of the JSON contract per line, written as each is finished.

use std::io::Write;

use crate::check::Item;
use crate::checker::{Outcome, Scope, Sink};

pub struct Reporter<W: Write> {
    out: W,
}

impl<W: Write> Reporter<W> {
    pub fn new(out: W) -> Self {
        Reporter { out }
    }
}

impl<W: Write> Sink for Reporter<W> {
    fn item(&mut self, item: Item, _: Scope) -> std::io::Result<()> {
        serde_json::to_writer(&mut self.out, &item)?;
        self.out.write_all(b"\n")
    }
}

impl<W: Write> super::Reporter for Reporter<W> {
    fn finish(&mut self, _: &Outcome) -> std::io::Result<()> {
        self.out.flush()
    }
}
