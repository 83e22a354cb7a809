//! Building the lazily made tables before the first image needs them.
//!
//! Merging and assessing the first image of a run builds the license, terms and credit-word
//! automata and indexes (about 3 ms of CPU, once per process). Built by the first image, that
//! time is spent while the other workers wait for the same tables, after a walk during which
//! the second core had nothing to do; a folder of 2,000 photos takes about 21 ms in all on two
//! cores. A repository walk therefore starts [`warm_up`] on the pool first: the tables are
//! built on one core while the other lists the files.

use std::sync::Once;

use crate::assess::{Use, assess};
use crate::credit::merge;
use crate::evidence::{Evidence, origin};

/// The rights fields most photos carry, in the forms writers give them: what the first real
/// image would ask of the tables. The answer is thrown away; only the built tables remain.
/// A license named by its full title ("… Attribution 4.0 International License") is left
/// out: reading one builds the localized titles too (about 5 ms of CPU), which a folder whose
/// photos give the license as a URL or a code never needs; the first image that does name
/// one builds them as before.
fn typical_photo() -> Vec<Evidence> {
    vec![
        Evidence::new(origin::EXIF_ARTIST, "Jane Doe"),
        Evidence::new(
            origin::XMP_CC_LICENSE,
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        Evidence::new(origin::IPTC_BY_LINE, "Jane Doe"),
        Evidence::new(
            origin::XMP_DC_DESCRIPTION,
            "A street in the rain, Paris, 2024",
        ),
        Evidence::new(
            origin::EXIF_COPYRIGHT,
            "© 2024 Jane Doe. Some rights reserved. CC BY-NC-SA 4.0",
        ),
        Evidence::new(origin::IPTC_CREDIT, "Photo: Jane Doe / Example Agency"),
    ]
}

/// Builds, at most once per process, what concluding an image builds lazily, on the current
/// thread. Safe to race with real work: the tables are built once whoever asks first.
pub fn warm_up() {
    static DONE: Once = Once::new();
    DONE.call_once(|| {
        let merged = merge(&typical_photo());
        let _ = assess(&merged.credit, &Use::default());
    });
}

/// Starts [`warm_up`] on the rayon pool (building the pool too) and returns at once.
pub fn warm_up_in_background() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        rayon::spawn(|| {
            // A panic in a spawned job would abort the process; a warm-up that fails only
            // leaves the tables to the first image, which then reports whatever went wrong.
            let _ = std::panic::catch_unwind(warm_up);
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_typical_photo_reads_as_a_licensed_credit() {
        // The warm-up must reach the license and credit readers, or it builds nothing.
        let merged = merge(&typical_photo());
        assert!(merged.credit.license.is_some());
        assert!(!merged.credit.authors.is_empty());
    }
}
