//! `--shard I/N`: which targets of a list one of N machines checks, decided by the target
//! alone, so N runs over the same list split it without talking to each other.
//!
//! A target belongs to shard `fnv1a64(bytes) % N`, where `bytes` are the target exactly as
//! written (a list line without its line ending, or the argument), before it is classified or
//! opened. FNV-1a (64-bit, offset basis 0xcbf29ce484222325, prime 0x100000001b3) is fixed by its
//! definition: the same target lands in the same shard on every machine, platform and release,
//! unlike std's `RandomState`, which is seeded per process. The same target written twice in a
//! list lands twice in the same shard; a directory is one target (its images are not split).

use std::fmt;
use std::str::FromStr;

/// One shard of N: `index` in `0..count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

/// A shard spec that is not `I/N` with `0 <= I < N`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("shard {spec:?}: {why} (expected I/N with N >= 1 and 0 <= I < N, e.g. 0/4)")]
pub struct ShardError {
    spec: String,
    why: &'static str,
}

impl Shard {
    /// Shard `index` of `count`.
    pub fn new(index: u64, count: u64) -> Result<Shard, ShardError> {
        let err = |why| ShardError {
            spec: format!("{index}/{count}"),
            why,
        };
        if count == 0 {
            return Err(err("N must be at least 1"));
        }
        if index >= count {
            return Err(err("I must be less than N"));
        }
        Ok(Shard { index, count })
    }

    pub fn index(&self) -> u64 {
        self.index
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether the target written as `target` belongs to this shard.
    pub fn keeps(&self, target: &[u8]) -> bool {
        fnv1a64(target) % self.count == self.index
    }
}

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Shard, ShardError> {
        let err = |why| ShardError {
            spec: s.to_string(),
            why,
        };
        let (i, n) = s.split_once('/').ok_or_else(|| err("no '/'"))?;
        let num = |t: &str| {
            // Digits only: `u64::from_str` would also take a leading '+'.
            if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err("I and N must be whole numbers"));
            }
            t.parse::<u64>().map_err(|_| err("number too large"))
        };
        let (index, count) = (num(i.trim())?, num(n.trim())?);
        Shard::new(index, count).map_err(|e| ShardError {
            spec: s.to_string(),
            why: e.why,
        })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// 64-bit FNV-1a.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_its_published_vectors() {
        // From the FNV reference test suite.
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn specs_are_validated() {
        assert_eq!("1/4".parse::<Shard>().unwrap(), Shard::new(1, 4).unwrap());
        assert_eq!("0/1".parse::<Shard>().unwrap().to_string(), "0/1");
        for bad in ["4/4", "1/0", "1", "a/4", "-1/4", "+1/4", "1/4/2", "", "/"] {
            let e = bad.parse::<Shard>().unwrap_err().to_string();
            assert!(e.contains("expected I/N"), "{bad}: {e}");
        }
    }

    #[test]
    fn every_target_is_in_exactly_one_shard() {
        let n = 7;
        let shards: Vec<Shard> = (0..n).map(|i| Shard::new(i, n).unwrap()).collect();
        let mut sizes = vec![0; n as usize];
        for k in 0..7000 {
            let t = format!("https://example.org/{k}.jpg");
            let owners: Vec<_> = shards.iter().filter(|s| s.keeps(t.as_bytes())).collect();
            assert_eq!(owners.len(), 1);
            sizes[owners[0].index() as usize] += 1;
        }
        // Spread evenly enough that N machines finish together (1000 expected each).
        assert!(sizes.iter().all(|&s| (850..1150).contains(&s)), "{sizes:?}");
    }
}
