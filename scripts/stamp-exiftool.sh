#!/usr/bin/env bash
# Opt-in: stamps every writable fixture with `licit stamp` and checks with exiftool
# (`exiftool -G1 -j`) that every field was written where the standards put it, with the value
# written and the right character set (IPTC declared UTF-8, non-ASCII names intact), and that
# exiftool finds nothing new to warn about. Needs exiftool (Debian: libimage-exiftool-perl);
# `cargo test` does not run this.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v exiftool >/dev/null || { echo "exiftool not installed (apt-get install -y libimage-exiftool-perl)"; exit 2; }
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build -q --manifest-path "$root/Cargo.toml"
# A copy: a target directory shared with other checkouts may be rebuilt meanwhile.
cp "$CARGO_TARGET_DIR/debug/licit" "$work/licit"
licit="$work/licit"

fixtures=(
  stamp/camera.jpg stamp/plain.jpg images/iptc.jpg images/iptc-undeclared-cp1252.jpg
  images/mixed.jpg images/xmp.jpg images/exif.jpg
  stamp/icc-text.png images/xmp.png images/text.png images/exif.png
  stamp/lossy.webp stamp/alpha.webp images/exif-xmp.webp
)
for f in "${fixtures[@]}"; do
  name=$(echo "$f" | tr / -)
  cp "$root/tests/fixtures/$f" "$work/$name"
  "$licit" stamp "$work/$name" -o "$work/stamped-$name" --license 'CC BY-SA 4.0' \
    --author 'Jürgen Müller' --author 'Ana Lima' --title 'Dünen & "Himmel"' --year 2024 \
    --source-url 'https://example.org/photos/dunes?id=1&v=2' >/dev/null
done

python3 - "$work" "${fixtures[@]}" <<'EOF'
import json, subprocess, sys
work, fixtures = sys.argv[1], sys.argv[2:]
url = "https://creativecommons.org/licenses/by-sa/4.0/"
authors = ["Jürgen Müller", "Ana Lima"]
title = 'Dünen & "Himmel"'
source = "https://example.org/photos/dunes?id=1&v=2"
notice = f"© 2024 Jürgen Müller, Ana Lima. Licensed under CC BY-SA 4.0 ({url})"
xmp = {
    "XMP-cc:License": url, "XMP-cc:AttributionName": "; ".join(authors),
    "XMP-cc:AttributionURL": source, "XMP-dc:Creator": authors, "XMP-dc:Rights": notice,
    "XMP-dc:Title": title, "XMP-xmpRights:Marked": True,
    "XMP-xmpRights:UsageTerms": f"Licensed under CC BY-SA 4.0 ({url})",
    "XMP-xmpRights:WebStatement": source, "XMP-photoshop:Credit": ", ".join(authors),
}
exif = {"IFD0:Artist": "; ".join(authors), "IFD0:Copyright": notice}
iptc = {"IPTC:CodedCharacterSet": "UTF8", "IPTC:By-line": authors, "IPTC:CopyrightNotice": notice,
        "IPTC:Credit": ", ".join(authors), "IPTC:ObjectName": title}
png = {"PNG:Author": "; ".join(authors), "PNG:Copyright": notice, "PNG:Title": title}

def exiftool(*args):
    out = subprocess.run(["exiftool", *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)[0]

def read(path):
    return exiftool("-G1", "-j", path)

def warnings(path):
    w = exiftool("-j", "-validate", "-warning", "-a", path).get("Warning", [])
    return set(w if isinstance(w, list) else [w])

failed = checked = 0
for f in fixtures:
    name = f.replace("/", "-")
    after = read(f"{work}/stamped-{name}")
    want = dict(xmp, **exif)
    if name.endswith(".jpg"): want.update(iptc)
    if name.endswith(".png"): want.update(png)
    bad = [f"{k}: {after.get(k)!r} != {v!r}" for k, v in want.items() if after.get(k) != v]
    # IIM 2:110 and 2:116 have length limits exiftool notes as minor; not new problems.
    new = {w for w in warnings(f"{work}/stamped-{name}") - warnings(f"{work}/{name}")
           if "too long" not in w}
    bad += [f"new warning: {w}" for w in sorted(new)]
    checked += len(want)
    status = "ok" if not bad else "FAIL"
    print(f"{status:4} {f}: {len(want)} fields" + "".join(f"\n     {b}" for b in bad))
    failed += bool(bad)
print(f"{len(fixtures) - failed} passed, {failed} failed ({checked} fields compared)")
sys.exit(1 if failed else 0)
EOF
