//! What every kind of the corpus shares: the block format of the data files, the dev/holdout
//! split, scores, and the committed baselines.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// Which part of the corpus to score. `dev` is worked against; `holdout` is only reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Dev,
    Holdout,
    All,
}

impl Split {
    pub fn parse(s: &str) -> Option<Split> {
        match s {
            "dev" => Some(Split::Dev),
            "holdout" => Some(Split::Holdout),
            "all" => Some(Split::All),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Split::Dev => "dev",
            Split::Holdout => "holdout",
            Split::All => "all",
        }
    }

    /// Whether a case labelled `split:` (`dev` or `holdout`) belongs to this split.
    pub fn includes(self, label: &str) -> bool {
        match self {
            Split::All => true,
            Split::Dev => label == "dev",
            Split::Holdout => label == "holdout",
        }
    }
}

/// `tests/data/real/` inside the crate.
pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/real")
}

/// One block of a data file: `key: value` lines in file order, with the line the block starts on.
#[derive(Clone, Debug)]
pub struct Block {
    pub file: String,
    pub line: usize,
    pub fields: Vec<(String, String)>,
}

impl Block {
    /// The first value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of `key`, or a panic naming the block.
    pub fn req(&self, key: &str) -> &str {
        self.get(key)
            .unwrap_or_else(|| panic!("{}:{}: block has no `{key}:`", self.file, self.line))
    }

    /// `-` or absent is none; otherwise the value.
    pub fn opt(&self, key: &str) -> Option<&str> {
        self.get(key).filter(|v| *v != "-")
    }

    /// A ` | `-separated list; `-` or absent is empty.
    pub fn list(&self, key: &str) -> Vec<String> {
        match self.opt(key) {
            None => Vec::new(),
            Some(v) => v.split(" | ").map(|s| s.trim().to_string()).collect(),
        }
    }

    pub fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// Reads a block-format file of `tests/data/real/`: blocks separated by blank lines, `#` lines
/// are comments, `key: value` with one space after the colon (the value is kept as written).
/// Every block must carry `split: dev|holdout` and `from:` (where the text was found).
pub fn read_blocks(name: &str) -> Vec<Block> {
    let path = data_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    let mut cur: Option<Block> = None;
    for (n, raw) in text.lines().enumerate() {
        if raw.starts_with('#') {
            continue;
        }
        if raw.trim().is_empty() {
            out.extend(cur.take());
            continue;
        }
        let (key, value) = raw
            .split_once(':')
            .unwrap_or_else(|| panic!("{name}:{}: expected `key: value`", n + 1));
        let value = value.strip_prefix(' ').unwrap_or(value);
        let block = cur.get_or_insert_with(|| Block {
            file: name.to_string(),
            line: n + 1,
            fields: Vec::new(),
        });
        block
            .fields
            .push((key.trim().to_string(), value.to_string()));
    }
    out.extend(cur);
    for b in &out {
        let split = b.req("split");
        assert!(
            split == "dev" || split == "holdout",
            "{}: split must be dev or holdout, not `{split}`",
            b.place()
        );
        b.req("from");
    }
    out
}

/// Blocks of one split.
pub fn blocks_of(name: &str, split: Split) -> Vec<Block> {
    read_blocks(name)
        .into_iter()
        .filter(|b| split.includes(b.req("split")))
        .collect()
}

/// Whether a bigger value of a metric is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// One score, in percent or per 100 lines, with the counts behind it.
#[derive(Clone, Debug)]
pub struct Metric {
    pub name: String,
    pub value: f64,
    pub better: Better,
    /// "41/45", or whatever the value was computed from.
    pub detail: String,
}

/// A ratio in percent; 100 when there is nothing to count.
pub fn percent(hit: usize, of: usize) -> f64 {
    if of == 0 {
        100.0
    } else {
        100.0 * hit as f64 / of as f64
    }
}

/// What scoring one kind on one split found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub cases: usize,
    pub metrics: Vec<Metric>,
    /// One line per miss: where the case is, what was expected, what licit said.
    pub misses: Vec<String>,
}

impl Report {
    pub fn higher(&mut self, name: &str, hit: usize, of: usize) {
        self.metrics.push(Metric {
            name: name.to_string(),
            value: percent(hit, of),
            better: Better::Higher,
            detail: format!("{hit}/{of}"),
        });
    }

    /// A count per 100 cases, lower is better (wrong authors per 100 lines).
    pub fn per_100(&mut self, name: &str, count: usize, cases: usize) {
        self.metrics.push(Metric {
            name: name.to_string(),
            value: if cases == 0 {
                0.0
            } else {
                100.0 * count as f64 / cases as f64
            },
            better: Better::Lower,
            detail: format!("{count} in {cases}"),
        });
    }

    pub fn metric(&self, name: &str) -> Option<&Metric> {
        self.metrics.iter().find(|m| m.name == name)
    }
}

/// A baseline file: `tests/data/real/baseline-KIND.tsv`, lines `split<TAB>metric<TAB>value`.
pub fn baseline_path(kind: &str) -> PathBuf {
    data_dir().join(format!("baseline-{kind}.tsv"))
}

pub fn read_baseline(kind: &str) -> BTreeMap<(String, String), f64> {
    let path = baseline_path(kind);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return BTreeMap::new();
    };
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split('\t');
        let (Some(split), Some(metric), Some(value)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!(
                "{}:{}: expected split, metric, value",
                path.display(),
                n + 1
            );
        };
        let value: f64 = value
            .trim()
            .parse()
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
        out.insert((split.to_string(), metric.to_string()), value);
    }
    out
}

pub fn write_baseline(kind: &str, reports: &[(Split, Report)]) -> std::io::Result<()> {
    let mut text = String::from(
        "# Committed scores: the ratchet test fails when a score gets worse than this.\n\
         # Raise them with `cargo run --release --example eval -- --write-baseline`.\n",
    );
    // A split with no cases (every holdout burnt, the fresh one kept elsewhere) has no score to
    // hold: writing its 100.00s would make the ratchet demand cases that are not there.
    for (split, report) in reports.iter().filter(|(_, r)| r.cases > 0) {
        for m in &report.metrics {
            text.push_str(&format!("{}\t{}\t{:.2}\n", split.as_str(), m.name, m.value));
        }
    }
    std::fs::write(baseline_path(kind), text)
}

/// Metrics that got worse than the baseline, each as a sentence.
pub fn regressions(kind: &str, split: Split, report: &Report) -> Vec<String> {
    let base = read_baseline(kind);
    let mut out = Vec::new();
    for ((s, name), &was) in &base {
        if s != split.as_str() {
            continue;
        }
        let Some(m) = report.metric(name) else {
            out.push(format!("{kind}/{s}: metric `{name}` is no longer computed"));
            continue;
        };
        // Baselines are written with two decimals.
        let worse = match m.better {
            Better::Higher => m.value + 0.005 < was,
            Better::Lower => m.value - 0.005 > was,
        };
        if worse {
            out.push(format!(
                "{kind}/{s}: {name} fell from {was:.2} to {:.2} ({})",
                m.value, m.detail
            ));
        }
    }
    out
}
