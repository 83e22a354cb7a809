//! The stable names of item errors (`errors[].kind` in the JSON contract), in one place.
//! Fetch errors name themselves ([`crate::web::FetchError::name`]); these are the others.

use crate::metadata;

/// The file could not be opened or read.
pub const IO: &str = "io";
/// The file is empty.
pub const EMPTY: &str = "empty";
/// The first bytes match no image container.
pub const NOT_AN_IMAGE: &str = "not-an-image";
/// A page that shows no image.
pub const NO_IMAGES: &str = "no-images";
/// A FIFO, device or socket: never opened, since reading one can block or never end.
pub const NOT_A_REGULAR_FILE: &str = "not-a-regular-file";
/// A target (a directory, a page) that holds no image and no document.
pub const NOTHING_TO_CHECK: &str = "nothing-to-check";
/// A target that does not exist.
pub const NOT_FOUND: &str = "not-found";

/// The name of a metadata reader's error.
pub fn of_metadata(e: &metadata::Error) -> &'static str {
    match e.kind {
        metadata::ErrorKind::Io(_) => IO,
        metadata::ErrorKind::Empty => EMPTY,
        metadata::ErrorKind::NotAnImage(_) => NOT_AN_IMAGE,
    }
}
