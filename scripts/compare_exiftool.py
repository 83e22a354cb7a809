#!/usr/bin/env python3
"""Compare licit's embedded-metadata evidence with exiftool's on the rights fields.

usage: compare_exiftool.py DUMP_METADATA_BINARY FILE...

For every file, runs the licit example `dump_metadata` (with a timeout: a hang is a failure)
and `exiftool -j -G1 -a -struct`, maps exiftool's tags to licit's evidence origins, and compares
the set of values per origin. Prints one line per disagreement and a summary:
agreement = (file, origin) pairs where both read the same values / all pairs either read.
Exit status 1 if licit panicked, hung or disagreed anywhere.
"""

import json
import re
import subprocess
import sys

# exiftool "Group:Tag" (group by regex) -> licit origin.
SIMPLE = {
    ("IFD0", "Artist"): "exif:Artist",
    ("IFD0", "Copyright"): "exif:Copyright",
    ("IFD0", "ImageDescription"): "exif:ImageDescription",
    ("IFD0", "XPAuthor"): "exif:XPAuthor",
    ("IFD0", "XPComment"): "exif:XPComment",
    ("IFD0", "XPTitle"): "exif:XPTitle",
    ("ExifIFD", "UserComment"): "exif:UserComment",
    ("IPTC", "By-line"): "iptc:By-line",
    ("IPTC", "By-lineTitle"): "iptc:By-lineTitle",
    ("IPTC", "CopyrightNotice"): "iptc:CopyrightNotice",
    ("IPTC", "Credit"): "iptc:Credit",
    ("IPTC", "Source"): "iptc:Source",
    ("IPTC", "ObjectName"): "iptc:ObjectName",
    ("IPTC", "Caption-Abstract"): "iptc:Caption-Abstract",
    ("IPTC", "SpecialInstructions"): "iptc:SpecialInstructions",
    ("XMP-cc", "License"): "xmp:cc:license",
    ("XMP-cc", "AttributionName"): "xmp:cc:attributionName",
    ("XMP-cc", "AttributionURL"): "xmp:cc:attributionURL",
    ("XMP-cc", "MorePermissions"): "xmp:cc:morePermissions",
    ("XMP-xmpRights", "UsageTerms"): "xmp:xmpRights:UsageTerms",
    ("XMP-xmpRights", "WebStatement"): "xmp:xmpRights:WebStatement",
    ("XMP-xmpRights", "Marked"): "xmp:xmpRights:Marked",
    ("XMP-xmpRights", "Owner"): "xmp:xmpRights:Owner",
    ("XMP-dc", "Rights"): "xmp:dc:rights",
    ("XMP-dc", "Creator"): "xmp:dc:creator",
    ("XMP-dc", "Title"): "xmp:dc:title",
    ("XMP-dc", "Description"): "xmp:dc:description",
    ("XMP-dc", "Source"): "xmp:dc:source",
    ("XMP-dc", "Publisher"): "xmp:dc:publisher",
    ("XMP-photoshop", "Credit"): "xmp:photoshop:Credit",
    ("XMP-photoshop", "Source"): "xmp:photoshop:Source",
    ("XMP-photoshop", "AuthorsPosition"): "xmp:photoshop:AuthorsPosition",
    ("PNG", "Author"): "png:Author",
    ("PNG", "Copyright"): "png:Copyright",
    ("PNG", "Description"): "png:Description",
    ("PNG", "Title"): "png:Title",
    ("PNG", "Source"): "png:Source",
    ("PNG", "Comment"): "png:Comment",
}
# exiftool puts JPEG and GIF comments in group File; licit names them by container.
COMMENT_ORIGIN = {"jpeg": "jpeg:Comment", "gif": "gif:Comment"}
# PLUS structures: exiftool -struct gives a list of dicts; licit gives the fields.
STRUCTS = {
    ("XMP-plus", "Licensor"): {"LicensorName": "xmp:plus:LicensorName", "LicensorURL": "xmp:plus:LicensorURL"},
    ("XMP-plus", "CopyrightOwner"): {"CopyrightOwnerName": "xmp:plus:CopyrightOwnerName"},
    ("XMP-plus", "ImageCreator"): {"ImageCreatorName": "xmp:plus:ImageCreatorName"},
}
COMPARED = set(SIMPLE.values()) | set(COMMENT_ORIGIN.values()) | {o for m in STRUCTS.values() for o in m.values()}


def norm(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    s = str(v).strip().strip("\0").strip()
    if s in ("True", "False"):
        return s.lower()
    return s


def flatten(v):
    return v if isinstance(v, list) else [v]


def pairs_hook(pairs):
    """exiftool -a repeats keys for duplicate tags: keep them all, as a list of pairs."""
    return pairs


def exiftool_evidence(pairs, fmt):
    out = {}
    for key, value in pairs:
        parts = key.split(":")
        if len(parts) < 2:
            continue
        group, tag = parts[0], parts[-1]  # -G1:4 puts "CopyN" between them for duplicates
        group = re.sub(r"^IPTC\d*$", "IPTC", group)
        if group.startswith("XMP-") and re.search(r"-[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)?$", tag):
            tag = re.sub(r"-[a-zA-Z]{2,3}(-[a-zA-Z0-9]+)?$", "", tag)  # lang-alt variant
        if value and isinstance(value, list) and isinstance(value[0], tuple):
            value = dict(value)  # a structure
        elif isinstance(value, list):
            value = [dict(v) if v and isinstance(v, list) and isinstance(v[0], tuple) else v for v in value]
        origin = SIMPLE.get((group, tag))
        if (group, tag) == ("File", "Comment"):
            origin = COMMENT_ORIGIN.get(fmt)
        if origin:
            for v in flatten(value):
                if isinstance(v, (dict, list)):
                    continue
                n = norm(v)
                if n:
                    out.setdefault(origin, set()).add(n)
        elif (group, tag) in STRUCTS:
            for item in flatten(value):
                if not isinstance(item, dict):
                    continue
                for field, origin in STRUCTS[(group, tag)].items():
                    for v in flatten(item.get(field, [])):
                        n = norm(v)
                        if n:
                            out.setdefault(origin, set()).add(n)
    return out


def same_but_charset(a, b):
    """True when two value sets differ only in how undeclared non-ASCII bytes were decoded:
    licit reads valid UTF-8 as UTF-8 (exiftool: Latin-1, giving mojibake) and other bytes as
    Windows-1252 (exiftool: '?')."""
    if len(a) != len(b):
        return False
    def variants(v):
        out = {v}
        for enc in ("cp1252", "latin-1"):
            try:
                out.add(v.encode(enc).decode("utf-8"))
            except (UnicodeEncodeError, UnicodeDecodeError):
                pass
        return out
    def qmatch(x, y):
        return len(x) == len(y) and all(c == d or (d == "?" and ord(c) > 127) for c, d in zip(x, y))
    return all(any(x in variants(y) or qmatch(x, y) for y in b) for x in a)


def licit_evidence(doc):
    out = {}
    for e in doc.get("evidence", []):
        if e["origin"] in COMPARED:
            n = norm(e["value"])
            if n:
                out.setdefault(e["origin"], set()).add(n)
    return out


def main():
    sys.setrecursionlimit(20000)  # exiftool -struct nests as deep as the XMP does
    binary, files = sys.argv[1], sys.argv[2:]
    pairs = agree = charset = 0
    failures = []
    for f in files:
        try:
            r = subprocess.run([binary, f], capture_output=True, encoding="utf-8", errors="replace",
                               timeout=10)
        except subprocess.TimeoutExpired:
            failures.append(f"{f}: licit HUNG (over 10 s)")
            continue
        if "panicked" in r.stderr or r.returncode not in (0, 1):
            failures.append(f"{f}: licit PANICKED or crashed: {r.stderr.strip()[:300]}")
            continue
        licit_doc = json.loads(r.stdout)
        et = subprocess.run(["exiftool", "-j", "-G1:4", "-a", "-struct", f], capture_output=True,
                            encoding="utf-8", errors="replace")
        try:
            et_doc = json.loads(et.stdout, object_pairs_hook=pairs_hook)[0]
        except (json.JSONDecodeError, IndexError):
            et_doc = []
        fmt = licit_doc.get("format")
        mine, theirs = licit_evidence(licit_doc), exiftool_evidence(et_doc, fmt)
        for origin in sorted(set(mine) | set(theirs)):
            pairs += 1
            a, b = mine.get(origin, set()), theirs.get(origin, set())
            if a == b:
                agree += 1
            elif same_but_charset(a, b):
                charset += 1
                print(f"CHARSET {f} {origin}\n  licit:    {sorted(a)}\n  exiftool: {sorted(b)}")
            else:
                print(f"DIFF {f} {origin}\n  licit:    {sorted(a)}\n  exiftool: {sorted(b)}")
    for line in failures:
        print(line)
    pct = 100.0 * agree / pairs if pairs else 100.0
    pct_cs = 100.0 * (agree + charset) / pairs if pairs else 100.0
    print(f"files: {len(files)}  (file, origin) pairs: {pairs}  identical: {agree} ({pct:.1f}%)  "
          f"identical or charset-only difference: {agree + charset} ({pct_cs:.1f}%)  "
          f"panics/hangs: {len(failures)}")
    sys.exit(1 if failures or agree + charset != pairs else 0)


if __name__ == "__main__":
    main()
