#!/usr/bin/env bash
# End-to-end speed of the metadata reader: writes N photo-sized JPEGs carrying EXIF, IPTC and XMP
# rights fields (tests/fixtures/images/mixed.jpg's metadata + SIZE_KB of scan data, each file a
# little different), then times, warm cache, in the same run:
#   licit check DIR --format jsonl (the whole pipeline: metadata, sidecar lookup, credit,
#   assessment, JSON), examples/dump_metadata (the reader, one thread, JSON per file) and
#   `examples/read_head --licit` (the reader alone, one thread, no output per file)
#   exiv2 -pa, exiftool -fast2 -j, and reading each file's first 16 KB (the floor,
#   examples/read_head.rs). Each figure is the best of 3 runs after a warm-up run.
# Results go to benches/out/metadata-<date>.txt.
# usage: [LICIT_BINS=DIR] benches/metadata.sh [N] [SIZE_KB]   (DIR: prebuilt licit, dump_metadata,
# read_head, to compare commits in one sitting)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-2000}; size_kb=${2:-2048}
dir=${TMPDIR:-/tmp}/licit-bench-jpegs-$n-$size_kb
out=$root/benches/out; mkdir -p "$out"
if [ -n "${LICIT_BINS:-}" ]; then
  bins=$LICIT_BINS  # licit, dump_metadata and read_head built beforehand (e.g. of another commit)
else
  cargo build -q --release --manifest-path "$root/Cargo.toml" --bin licit --example dump_metadata --example read_head
  target=${CARGO_TARGET_DIR:-$root/target}
  # Private copies: a target directory shared with other checkouts may be rebuilt meanwhile.
  bins=$(mktemp -d "${TMPDIR:-/tmp}/licit-bench-bin.XXXXXX")
  cp "$target/release/licit" "$target/release/examples/dump_metadata" "$target/release/examples/read_head" "$bins/"
fi
licit=$bins/licit
bin=$bins/dump_metadata
floor=$bins/read_head
if [ ! -d "$dir" ]; then
  mkdir -p "$dir"
  python3 - "$root/tests/fixtures/images/mixed.jpg" "$dir" "$n" "$size_kb" <<'PY'
import os, sys
src, d, n, kb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
jpeg = open(src, "rb").read()
head, tail = jpeg[:-2], jpeg[-2:]
body = os.urandom(kb * 1024).replace(b"\xff", b"\x00")  # scan data without markers
for i in range(n):
    with open(os.path.join(d, f"photo-{i:05d}.jpg"), "wb") as f:
        f.write(head + i.to_bytes(4, "big") + body + tail)
PY
fi
files=("$dir"/*.jpg)
cat "${files[@]}" > /dev/null  # warm the cache
rate() { python3 -c "import sys; n,t=int(sys.argv[1]),float(sys.argv[2]); print(f'{n/t:,.0f} files/s ({t:.2f} s)')" "$@"; }
# Best of 3 wall-clock runs, after one warm-up run.
t() {
  "$@" > /dev/null 2>&1 || true
  local best=999999 s e d
  for _ in 1 2 3; do
    s=$(date +%s%N); "$@" > /dev/null 2>&1 || true; e=$(date +%s%N)
    d=$(( (e - s) / 1000 )); [ "$d" -lt "$best" ] && best=$d
  done
  python3 -c "print($best / 1e6)"
}
{
  echo "metadata bench $(date -u +%FT%TZ) n=$n size=${size_kb}KB cores=$(nproc)"
  echo "licit check --jsonl:  $(rate "$n" "$(t "$licit" check "$dir" --format jsonl)")"
  echo "licit dump_metadata:  $(rate "$n" "$(t "$bin" "${files[@]}")")"
  echo "licit reader alone:   $(rate "$n" "$(t "$floor" --licit "${files[@]}")")"
  echo "bytes read per file:  $("$bin" "${files[0]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["bytes_read"])')"
  echo "16 KB read floor:     $(rate "$n" "$(t "$floor" "${files[@]}")")"
  if command -v exiv2 >/dev/null; then echo "exiv2 -pa:            $(rate "$n" "$(t exiv2 -pa "${files[@]}")")"; fi
  if command -v exiftool >/dev/null; then
    s=$(date +%s%N); exiftool -fast2 -j "${files[@]}" > /dev/null 2>&1 || true; e=$(date +%s%N)
    echo "exiftool -fast2 -j:   $(rate "$n" "$(python3 -c "print(($e - $s) / 1e9)")") (one run)"
  fi
} | tee "$out/metadata-$(date -u +%Y%m%d-%H%M%S).txt"
