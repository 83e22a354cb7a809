//! Thumbnails for the HTML report: each image decoded with size limits, downscaled, and encoded
//! as a small JPEG. The report never carries an image's original bytes (they may be large, and
//! they carry metadata and pixels the reader did not ask to publish).
//!
//! Budgets: a file of at most [`Options::max_file_bytes`] is decoded, to an image of at most
//! [`Options::max_side`] pixels a side and [`Options::max_alloc`] bytes of decoder memory, on a
//! pool of at most [`Options::threads`] threads, and the decoded pixels of all the images being
//! decoded at once stay under [`Options::max_in_flight`] bytes (a decode waits for memory, so
//! four small photos decode together and two large ones one after the other). The first
//! [`Options::max_thumbnails`] images of a report get a thumbnail, each at most
//! [`Options::max_thumb_bytes`] of JPEG, so a report holds at most `max_thumbnails ×
//! max_thumb_bytes` bytes of thumbnails; an image not begun within [`Options::max_total_time`]
//! gets none, so the time is bounded too. Whatever goes wrong gives a
//! [`Thumb::Missing`] that says why; the report is never aborted for a picture.

use std::io::{BufReader, Cursor};
use std::path::Path;
use std::sync::{Condvar, Mutex};

use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};
use rayon::prelude::*;

use crate::check::Item;

/// The limits of thumbnail making.
#[derive(Clone, Debug)]
pub struct Options {
    /// The longest side of a thumbnail, in pixels.
    pub size: u32,
    /// JPEG quality, 1–100.
    pub quality: u8,
    /// Files larger than this are not decoded.
    pub max_file_bytes: u64,
    /// Images wider or taller than this are not decoded.
    pub max_side: u32,
    /// Decoder memory per image (the decoded pixels included).
    pub max_alloc: u64,
    /// Images decoded at once, at most.
    pub threads: usize,
    /// Bytes of decoded pixels of all the images being decoded at once (at least `max_alloc`).
    pub max_in_flight: u64,
    /// Images of one report that get a thumbnail (the first ones, in report order).
    pub max_thumbnails: usize,
    /// Largest encoded thumbnail kept.
    pub max_thumb_bytes: usize,
    /// Time for all the thumbnails of one report: an image not begun by then gets none.
    pub max_total_time: std::time::Duration,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            size: 160,
            quality: 70,
            max_file_bytes: 256 * 1024 * 1024,
            max_side: 20_000,
            max_alloc: 256 * 1024 * 1024,
            threads: std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(4),
            max_in_flight: 512 * 1024 * 1024,
            max_thumbnails: 5_000,
            max_thumb_bytes: 32 * 1024,
            max_total_time: std::time::Duration::from_secs(600),
        }
    }
}

/// A thumbnail, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Thumb {
    /// A baseline JPEG of `width` × `height` pixels.
    Jpeg {
        data: Vec<u8>,
        width: u32,
        height: u32,
    },
    /// No thumbnail; the text says why, for people.
    Missing(String),
}

impl Thumb {
    /// The thumbnail of the image file at `path`. Only a regular file is opened (a FIFO named as
    /// an image would block the report).
    pub fn from_path(path: &Path, opts: &Options) -> Thumb {
        from_file(path, opts, None)
    }

    /// The thumbnail of an image held in memory (an upload).
    pub fn from_bytes(bytes: &[u8], opts: &Options) -> Thumb {
        if bytes.len() as u64 > opts.max_file_bytes {
            return Thumb::Missing(format!(
                "not decoded: {} bytes, over the {}-byte limit",
                bytes.len(),
                opts.max_file_bytes
            ));
        }
        decode(ImageReader::new(Cursor::new(bytes)), opts, None)
    }
}

fn from_file(path: &Path, opts: &Options, memory: Option<&Memory>) -> Thumb {
    let (file, len) = match crate::metadata::open_regular(path) {
        Ok(f) => f,
        Err(e) => return Thumb::Missing(format!("cannot open the file: {e}")),
    };
    if len > opts.max_file_bytes {
        return Thumb::Missing(format!(
            "not decoded: {len} bytes, over the {}-byte limit",
            opts.max_file_bytes
        ));
    }
    decode(ImageReader::new(BufReader::new(file)), opts, memory)
}

/// Bytes of decoded pixels in flight, shared by the threads of one [`thumbnails`] call.
struct Memory {
    used: Mutex<u64>,
    freed: Condvar,
    max: u64,
}

impl Memory {
    fn new(max: u64) -> Memory {
        Memory {
            used: Mutex::new(0),
            freed: Condvar::new(),
            max,
        }
    }

    /// Waits until `n` more bytes fit (or nothing else is in flight: one image over the total
    /// still decodes, alone), and takes them until the guard drops.
    fn take(&self, n: u64) -> Taken<'_> {
        let mut used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + n > self.max {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += n;
        Taken { memory: self, n }
    }
}

struct Taken<'a> {
    memory: &'a Memory,
    n: u64,
}

impl Drop for Taken<'_> {
    fn drop(&mut self) {
        let mut used = self.memory.used.lock().unwrap_or_else(|e| e.into_inner());
        *used -= self.n;
        self.memory.freed.notify_all();
    }
}

fn decode<R: std::io::BufRead + std::io::Seek>(
    reader: ImageReader<R>,
    opts: &Options,
    memory: Option<&Memory>,
) -> Thumb {
    match try_decode(reader, opts, memory) {
        Ok(t) => t,
        Err(e) => Thumb::Missing(format!("cannot decode the image: {e}")),
    }
}

fn try_decode<R: std::io::BufRead + std::io::Seek>(
    reader: ImageReader<R>,
    opts: &Options,
    memory: Option<&Memory>,
) -> image::ImageResult<Thumb> {
    let mut reader = reader.with_guessed_format()?;
    if reader.format().is_none() {
        return Ok(Thumb::Missing(
            "no preview: not a JPEG, PNG, GIF, WebP or TIFF image".into(),
        ));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(opts.max_side);
    limits.max_image_height = Some(opts.max_side);
    limits.max_alloc = Some(opts.max_alloc);
    reader.limits(limits);
    let mut decoder = reader.into_decoder()?;
    let (w, h) = decoder.dimensions();
    // `into_decoder` hands the limits to the decoder but does not count the output buffer;
    // count it here, before a byte of pixels is allocated.
    if decoder.total_bytes() > opts.max_alloc {
        return Ok(Thumb::Missing(format!(
            "not decoded: {w} × {h} pixels need {} bytes, over the {}-byte limit",
            decoder.total_bytes(),
            opts.max_alloc
        )));
    }
    let _taken = memory.map(|m| m.take(decoder.total_bytes()));
    let orientation = decoder.orientation()?;
    let mut img = DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    let small = img.thumbnail(opts.size, opts.size);
    drop(img);
    let rgb = on_white(&small);
    let mut data = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut data, opts.quality)
        .encode_image(&rgb)?;
    if data.len() > opts.max_thumb_bytes {
        return Ok(Thumb::Missing(format!(
            "no preview: the thumbnail took {} bytes, over the {}-byte limit",
            data.len(),
            opts.max_thumb_bytes
        )));
    }
    Ok(Thumb::Jpeg {
        data,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// The image flattened onto white: JPEG has no transparency, and transparent pixels would
/// otherwise turn black.
fn on_white(img: &DynamicImage) -> RgbImage {
    if !img.color().has_alpha() {
        return img.to_rgb8();
    }
    let rgba = img.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

/// Whether a target names a local file (the report reads no URL: the network is for targets
/// the user named, and the check has already read what it needed).
fn local_path(target: &str) -> Option<&Path> {
    let remote = ["http://", "https://"].iter().any(|p| {
        target
            .get(..p.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(p))
    });
    (!remote).then_some(Path::new(target))
}

/// One thumbnail per item, in item order, made on a pool of `opts.threads` threads.
pub fn thumbnails(items: &[Item], opts: &Options) -> Vec<Thumb> {
    let memory = Memory::new(opts.max_in_flight.max(opts.max_alloc));
    let start = std::time::Instant::now();
    let one = |(i, item): (usize, &Item)| -> Thumb {
        if i >= opts.max_thumbnails {
            return Thumb::Missing(format!(
                "no preview: only the first {} images of a report get one",
                opts.max_thumbnails
            ));
        }
        if start.elapsed() > opts.max_total_time {
            return Thumb::Missing(format!(
                "no preview: the report's {} s for thumbnails were spent",
                opts.max_total_time.as_secs()
            ));
        }
        match local_path(&item.target) {
            Some(path) => from_file(path, opts, Some(&memory)),
            None => Thumb::Missing("no preview: a remote image is not downloaded again".into()),
        }
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.max(1))
        .thread_name(|i| format!("licit-thumb-{i}"))
        .build();
    match pool {
        Ok(pool) => pool.install(|| items.par_iter().enumerate().map(one).collect()),
        // No threads to be had: one at a time, on this one.
        Err(_) => items.iter().enumerate().map(one).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32, alpha: u8) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(w, h, image::Rgba([200, 10, 10, alpha]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_large_image_becomes_a_small_jpeg_of_the_same_shape() {
        let t = Thumb::from_bytes(&png(800, 400, 255), &Options::default());
        let Thumb::Jpeg {
            data,
            width,
            height,
        } = t
        else {
            panic!("no thumbnail: {t:?}")
        };
        assert_eq!((width, height), (160, 80));
        assert_eq!(&data[..3], &[0xFF, 0xD8, 0xFF], "a JPEG");
        let back = image::load_from_memory(&data).unwrap();
        assert_eq!((back.width(), back.height()), (160, 80));
    }

    #[test]
    fn the_exif_orientation_is_applied() {
        let img = image::RgbImage::from_pixel(200, 100, image::Rgb([9, 99, 199]));
        let mut plain = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut plain, 80)
            .encode_image(&img)
            .unwrap();
        // APP1 Exif: a little-endian TIFF header and one IFD entry, Orientation (0x0112) = 6,
        // "rotate 90° clockwise to view".
        let mut tiff = b"II*\0\x08\0\0\0".to_vec();
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes());
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut jpeg = plain[..2].to_vec();
        jpeg.extend_from_slice(&[0xFF, 0xE1]);
        jpeg.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
        jpeg.extend_from_slice(&app1);
        jpeg.extend_from_slice(&plain[2..]);
        let t = Thumb::from_bytes(&jpeg, &Options::default());
        let Thumb::Jpeg { width, height, .. } = t else {
            panic!("no thumbnail: {t:?}")
        };
        assert_eq!((width, height), (80, 160), "upright, as a viewer shows it");
    }

    #[test]
    fn transparent_pixels_turn_white_not_black() {
        let t = Thumb::from_bytes(&png(10, 10, 0), &Options::default());
        let Thumb::Jpeg { data, .. } = t else {
            panic!("no thumbnail: {t:?}")
        };
        let px = image::load_from_memory(&data).unwrap().to_rgb8();
        assert!(
            px.get_pixel(5, 5).0.iter().all(|&c| c > 240),
            "{:?}",
            px.get_pixel(5, 5)
        );
    }

    #[test]
    fn limits_give_a_reason_not_a_failure() {
        let opts = Options {
            max_side: 100,
            ..Options::default()
        };
        let Thumb::Missing(why) = Thumb::from_bytes(&png(300, 20, 255), &opts) else {
            panic!("decoded over the limit")
        };
        assert!(
            why.contains("cannot decode") || why.contains("limit"),
            "{why}"
        );

        let opts = Options {
            max_alloc: 1_000,
            ..Options::default()
        };
        let Thumb::Missing(why) = Thumb::from_bytes(&png(300, 20, 255), &opts) else {
            panic!("decoded over the memory limit")
        };
        assert!(why.contains("limit"), "{why}");

        let opts = Options {
            max_file_bytes: 10,
            ..Options::default()
        };
        let Thumb::Missing(why) = Thumb::from_bytes(&png(30, 20, 255), &opts) else {
            panic!("decoded over the file limit")
        };
        assert!(why.contains("10-byte limit"), "{why}");
    }

    /// A PNG that declares `w` × `h` pixels and holds none: what a decompression bomb's header
    /// looks like to the decoder.
    fn png_header_only(w: u32, h: u32) -> Vec<u8> {
        fn crc32(bytes: &[u8]) -> u32 {
            let mut c = !0u32;
            for &b in bytes {
                c ^= u32::from(b);
                for _ in 0..8 {
                    c = if c & 1 == 1 {
                        0xEDB8_8320 ^ (c >> 1)
                    } else {
                        c >> 1
                    };
                }
            }
            !c
        }
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend_from_slice(&w.to_be_bytes());
        ihdr.extend_from_slice(&h.to_be_bytes());
        ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        out.extend_from_slice(&13u32.to_be_bytes());
        out.extend_from_slice(&ihdr);
        out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
        // An empty zlib stream.
        let idat = b"IDAT\x78\x9c\x03\x00\x00\x00\x00\x01";
        out.extend_from_slice(&8u32.to_be_bytes());
        out.extend_from_slice(idat);
        out.extend_from_slice(&crc32(idat).to_be_bytes());
        out.extend_from_slice(&0u32.to_be_bytes());
        out.extend_from_slice(b"IEND");
        out.extend_from_slice(&crc32(b"IEND").to_be_bytes());
        out
    }

    #[test]
    fn a_huge_declared_size_is_refused_before_any_pixel_is_allocated() {
        let opts = Options::default();
        // 1.2 GB of pixels, within the side limit: refused by the memory limit.
        let Thumb::Missing(why) = Thumb::from_bytes(&png_header_only(20_000, 20_000), &opts) else {
            panic!("decoded a bomb")
        };
        assert!(why.to_lowercase().contains("limit"), "{why}");
        // Over the side limit.
        let Thumb::Missing(why) = Thumb::from_bytes(&png_header_only(100_000, 2), &opts) else {
            panic!("decoded a bomb")
        };
        assert!(
            why.contains("limit") || why.contains("cannot decode"),
            "{why}"
        );
    }

    #[test]
    fn garbage_and_truncation_give_a_reason() {
        let opts = Options::default();
        let Thumb::Missing(why) = Thumb::from_bytes(b"not an image at all", &opts) else {
            panic!("decoded garbage")
        };
        assert!(why.contains("not a JPEG"), "{why}");
        let mut cut = png(300, 300, 255);
        cut.truncate(cut.len() / 2);
        assert!(matches!(Thumb::from_bytes(&cut, &opts), Thumb::Missing(_)));
    }

    #[test]
    fn a_decode_waits_until_its_pixels_fit_in_the_memory_budget() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let memory = Memory::new(100);
        let first = memory.take(60);
        let second_in = AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                let _second = memory.take(60);
                second_in.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(
                !second_in.load(Ordering::SeqCst),
                "160 bytes in flight of 100"
            );
            drop(first);
        });
        assert!(second_in.load(Ordering::SeqCst));
        // Alone, an image over the whole budget still decodes.
        drop(memory.take(500));
    }

    #[test]
    fn remote_targets_and_items_past_the_budget_get_no_thumbnail() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.png");
        std::fs::write(&path, png(20, 20, 255)).unwrap();
        let items = vec![
            Item::new(path.display().to_string()),
            Item::new("HTTPS://example.org/a.png".into()),
            Item::new(path.display().to_string()),
        ];
        let opts = Options {
            max_thumbnails: 2,
            ..Options::default()
        };
        let t = thumbnails(&items, &opts);
        assert!(matches!(t[0], Thumb::Jpeg { .. }), "{:?}", t[0]);
        let spent = Options {
            max_total_time: std::time::Duration::ZERO,
            ..Options::default()
        };
        let none = thumbnails(&items[..1], &spent);
        assert!(matches!(&none[0], Thumb::Missing(w) if w.contains("0 s for thumbnails")));
        assert!(matches!(&t[1], Thumb::Missing(w) if w.contains("remote")));
        assert!(matches!(&t[2], Thumb::Missing(w) if w.contains("first 2")));
    }
}
