#!/usr/bin/env python3
"""Makes a test dataset for the Spark and Ray audits: N records (100,000 by default) mixing
the three input kinds licit meets in a collection, from the repository's own material:

- `credit`: credit lines, from tests/data/credit_lines.txt and samples/credit-lines.txt;
- `license`: license URLs and names, from data/cc_legal_tools.tsv, written the ways people
  write them (http or https, with or without `www.` and the final slash, a deed or legal code
  page, a language);
- `image`: small images with metadata: the base images of tests/fixtures/images/base with EXIF
  (Artist, Copyright) and XMP (cc:license, dc:creator, dc:rights) written into them from the
  names and licenses above, in every mix (license only, author only, both, neither), and the
  metadata fixtures of tests/fixtures/images as they are (broken ones included).

Writes DIR/records.parquet (columns id, kind, name, text, image) and, so that the CLI can check
the same records, DIR/images/<id>.<ext> (one file per image record, its `name`),
DIR/texts.txt (the text records' texts, one a line, in id order) and DIR/images.txt (the image
files, one a line, in id order). Deterministic: the same N and seed give the same bytes.

    python3 scripts/gen_dataset.py DIR [--records N] [--seed S]
"""

import argparse
import pathlib
import random
import struct

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = pathlib.Path(__file__).resolve().parents[1]

FIRST = ["Jane", "Ana", "Kai", "Luis", "Marie", "Olu", "Sven", "Mei", "Ravi", "Zofia",
         "Tomás", "Aiko", "Noor", "Ivan", "Chloé", "Emeka"]
LAST = ["Doe", "Lima", "Tanaka", "García", "Dupont", "Adeyemi", "Lindqvist", "Chen",
        "Sharma", "Nowak", "Ruiz", "Sato", "Haddad", "Petrov", "Martin", "Okafor"]
LANGS = ["", "", "", "deed.en", "deed.de", "deed.fr", "legalcode", "deed.es"]


def credit_lines() -> list:
    lines = []
    for l in (ROOT / "tests/data/credit_lines.txt").read_text(encoding="utf-8").splitlines():
        if l.startswith("line: "):
            lines.append(l[len("line: "):])
    for l in (ROOT / "samples/credit-lines.txt").read_text(encoding="utf-8").splitlines():
        if l.strip():
            lines.append(l)
    # One record is one line: a line's own line breaks cannot be written to texts.txt.
    return [l for l in lines if "\n" not in l and "\r" not in l and l.strip()]


def legal_tools() -> list:
    rows = (ROOT / "data/cc_legal_tools.tsv").read_text(encoding="utf-8").splitlines()
    head = rows[0].split("\t")
    out = []
    for r in rows[1:]:
        f = dict(zip(head, r.split("\t")))
        out.append((f["url"], f["title_en"]))
    return out


def license_text(rng: random.Random, url: str, title: str) -> str:
    form = rng.randrange(4)
    if form == 3 and title:
        return title
    u = url
    if rng.random() < 0.3:
        u = u.replace("https://", "http://")
    if rng.random() < 0.2:
        u = u.replace("://creativecommons.org", "://www.creativecommons.org")
    lang = rng.choice(LANGS)
    if lang:
        u = u + lang
    elif rng.random() < 0.3:
        u = u.rstrip("/")
    return u


def exif_segment(artist, copyright_) -> bytes:
    """An APP1 Exif segment with IFD0 holding Artist and/or Copyright (ASCII, little-endian)."""
    entries = [(0x013B, artist), (0x8298, copyright_)]
    entries = [(t, v.encode("utf-8") + b"\0") for t, v in entries if v]
    n = len(entries)
    data_at = 8 + 2 + 12 * n + 4
    ifd, data = struct.pack("<H", n), b""
    for tag, value in entries:
        if len(value) <= 4:
            ifd += struct.pack("<HHI", tag, 2, len(value)) + value.ljust(4, b"\0")
        else:
            ifd += struct.pack("<HHII", tag, 2, len(value), data_at + len(data))
            data += value
    tiff = b"II*\0" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + data
    body = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def xmp_segment(license_url, creator, rights) -> bytes:
    attrs = f' cc:license="{xml_escape(license_url)}"' if license_url else ""
    inner = ""
    if creator:
        inner += f"<dc:creator><rdf:Seq><rdf:li>{xml_escape(creator)}</rdf:li></rdf:Seq></dc:creator>"
    if rights:
        inner += (f'<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{xml_escape(rights)}'
                  "</rdf:li></rdf:Alt></dc:rights>")
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:cc="http://creativecommons.org/ns#" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/"{attrs}>{inner}</rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode("utf-8")
    body = b"http://ns.adobe.com/xap/1.0/\0" + packet
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def made_jpeg(rng, base: bytes, tools) -> bytes:
    """The base JPEG with EXIF and XMP made from a random author and license."""
    who = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    url, title = rng.choice(tools)
    year = rng.randrange(1998, 2026)
    mix = rng.randrange(6)
    segs = b""
    if mix in (0, 1, 2):  # EXIF
        copyright_ = rng.choice([f"© {year} {who}", f"Copyright {year} {who}. All rights reserved.",
                                 f"{who}, {title}" if title else f"© {who}", ""])
        segs += exif_segment(who if mix != 2 else "", copyright_)
    if mix in (0, 3, 4):  # XMP
        segs += xmp_segment(url if mix != 4 else "", who if mix != 3 else "",
                            f"© {year} {who}" if rng.random() < 0.5 else "")
    # mix 5: no metadata at all.
    assert base[:2] == b"\xff\xd8"
    return base[:2] + segs + base[2:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", type=pathlib.Path)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=15)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    lines, tools = credit_lines(), legal_tools()
    base = (ROOT / "tests/fixtures/images/base/base.jpg").read_bytes()
    fixtures = sorted(
        p for p in (ROOT / "tests/fixtures/images").iterdir()
        if p.is_file() and p.suffix in {".jpg", ".png", ".webp", ".gif", ".tif", ".avif",
                                        ".heic", ".jxl"}
        and p.stat().st_size < 256 * 1024  # small images only (no 60 MB claims)
    ) + sorted((ROOT / "samples/photos").iterdir())
    fixtures = [(p.suffix, p.read_bytes()) for p in fixtures]
    images_dir = a.dir / "images"
    images_dir.mkdir(parents=True, exist_ok=True)
    ids, kinds, names, texts, images = [], [], [], [], []
    text_lines, image_lines = [], []
    for i in range(a.records):
        r = rng.random()
        ids.append(i)
        if r < 0.4:
            kinds.append("credit")
            t = rng.choice(lines)
        elif r < 0.7:
            kinds.append("license")
            t = license_text(rng, *rng.choice(tools))
        else:
            kinds.append("image")
            if rng.random() < 0.85:
                ext, data = ".jpg", made_jpeg(rng, base, tools)
            else:
                ext, data = rng.choice(fixtures)
            path = (images_dir / f"{i}{ext}").resolve()
            path.write_bytes(data)
            names.append(str(path))
            texts.append(None)
            images.append(data)
            image_lines.append(str(path))
            continue
        names.append(f"record-{i}")
        texts.append(t)
        images.append(None)
        text_lines.append(t)
    table = pa.table({
        "id": pa.array(ids, pa.int64()),
        "kind": pa.array(kinds, pa.string()),
        "name": pa.array(names, pa.string()),
        "text": pa.array(texts, pa.string()),
        "image": pa.array(images, pa.binary()),
    })
    # Row groups of 10,000 rows: the engines read and split files by row group.
    pq.write_table(table, a.dir / "records.parquet", row_group_size=10_000)
    (a.dir / "texts.txt").write_text("".join(t + "\n" for t in text_lines), encoding="utf-8")
    (a.dir / "images.txt").write_text("".join(p + "\n" for p in image_lines), encoding="utf-8")
    counts = {k: kinds.count(k) for k in ("credit", "license", "image")}
    print(f"{a.dir / 'records.parquet'}: {a.records} records {counts}")


if __name__ == "__main__":
    main()
