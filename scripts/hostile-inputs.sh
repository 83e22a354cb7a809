#!/usr/bin/env bash
# Runs the release binary on every crafted input of issue 12 and prints, per case, the exit
# status, wall seconds and peak RSS (GNU time), against the target: each under 2 s and 256 MB.
# The inputs are written by the generator of tests/it/hardening.rs (its ignored
# `write_hostile_inputs` test), plus the filesystem cases (FIFOs, links, non-UTF-8 names) made
# here. usage: [LICIT_BIN=path/to/licit] scripts/hostile-inputs.sh [DIR]   (default DIR: a fresh
# temporary directory; default binary: the release build of this checkout)
# Exit status: 0 when every case is within the target, 1 otherwise.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$root/target}
dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/licit-hostile.XXXXXX")}
mkdir -p "$dir"
if [ -n "${LICIT_BIN:-}" ]; then
  licit=$LICIT_BIN  # a binary built beforehand
else
  cargo build -q --release --manifest-path "$root/Cargo.toml" --bin licit || exit 2
  # A private copy: a target directory shared with other checkouts may be rebuilt meanwhile.
  cp "$target/release/licit" "$dir/licit-under-test"
  licit=$dir/licit-under-test
fi
LICIT_HOSTILE_DIR=$dir cargo test -q --manifest-path "$root/Cargo.toml" --test it \
  -- --ignored --exact hardening::write_hostile_inputs > /dev/null || exit 2

# Repository-shaped cases: each document in a tree of its own.
for md in c06-captioned-references c07-image-line c08-front-matter-flow c08-front-matter-maps; do
  mkdir -p "$dir/$md.d" && cp "$dir/$md.md" "$dir/$md.d/index.md"
done
cp "$dir/c06-artist-10500-names.jpg" "$dir/c06-captioned-references.d/a.jpg"
mkfifo "$dir/c10-fifo.jpg" "$dir/c10-fifo.toml" 2>/dev/null
mkdir -p "$dir/c11-fifo-gitignore/sub" "$dir/c11-devzero-ignore/sub" "$dir/c12-names"
photo=$root/tests/fixtures/images/exif.jpg
cp "$photo" "$dir/c11-fifo-gitignore/sub/a.jpg"
cp "$photo" "$dir/c11-devzero-ignore/sub/a.jpg"
mkfifo "$dir/c11-fifo-gitignore/sub/.gitignore" 2>/dev/null
ln -sfn /dev/zero "$dir/c11-devzero-ignore/sub/.ignore"
cp "$photo" "$dir/c12-names/$(printf 'caf\xe9.jpg')"
python3 - "$dir/c14-lines.txt" <<'PY'
import sys
with open(sys.argv[1], "wb") as f:
    for i in range(1000):
        f.write(b"Photo: Jane Doe, CC BY 4.0\n" if i != 500 else b"Photo: Jos\xe9, CC BY 4.0\n")
PY

fail=0
printf '%-34s %5s %8s %9s  %s\n' case exit seconds "max RSS" verdict
# run NAME STDIN CMD...: one case, under a 20 s guard.
run() {
  local name=$1 stdin=$2; shift 2
  local rc secs kb verdict=ok
  /usr/bin/time -f '%x %e %M' -o "$dir/$name.time" timeout 20 "$@" \
    < "$stdin" > "$dir/$name.out" 2> "$dir/$name.err"
  read -r rc secs kb <<< "$(tail -n1 "$dir/$name.time")"
  if [ "$rc" = 124 ] || awk -v s="$secs" -v k="$kb" 'BEGIN { exit !(s >= 2 || k >= 256 * 1024) }'; then
    verdict=OVER; fail=1
  fi
  printf '%-34s %5s %8s %6d MB  %s\n' "$name" "$rc" "$secs" "$((kb / 1024))" "$verdict"
}
j=(--format jsonl)
run c01-xmp-80000-attributes /dev/null "$licit" check "$dir/c01-xmp-80000-attributes.xmp" "${j[@]}"
run c02-exif-ascii-jpeg /dev/null "$licit" check "$dir/c02-exif-ascii-amplifier.jpg" "${j[@]}"
run c02-exif-ascii-tiff /dev/null "$licit" check "$dir/c02-exif-ascii-amplifier.tif" "${j[@]}"
run c03-ztxt-64-chunks /dev/null "$licit" check "$dir/c03-ztxt-64-chunks.png" "${j[@]}"
run c04-heif-shared-extent /dev/null "$licit" check "$dir/c04-heif-1000-items-one-extent.heic" "${j[@]}"
run c05-ztxt-copyright-16mib /dev/null "$licit" check "$dir/c05-ztxt-copyright-16mib.png" "${j[@]}"
run c05-license-16mib-line "$dir/c05-line-16mib.txt" "$licit" license - "${j[@]}"
run c06-artist-10500-names /dev/null "$licit" check "$dir/c06-artist-10500-names.jpg" "${j[@]}"
run c06-captioned-references /dev/null "$licit" check "$dir/c06-captioned-references.d" "${j[@]}"
run c07-image-line /dev/null "$licit" check "$dir/c07-image-line.d" "${j[@]}"
run c08-front-matter-flow /dev/null "$licit" check "$dir/c08-front-matter-flow.d" "${j[@]}"
run c08-front-matter-maps /dev/null "$licit" check "$dir/c08-front-matter-maps.d" "${j[@]}"
run c09-nested-divs /dev/null "$licit" check "$dir/c09-nested-divs.html" "${j[@]}"
run c09-shift-jis-page /dev/null "$licit" check "$dir/shift-jis.html" "${j[@]}"
run c10-fifo-target /dev/null "$licit" check "$dir/c10-fifo.jpg" "${j[@]}"
run c10-fifo-config /dev/null "$licit" check "$dir/c11-fifo-gitignore" --config "$dir/c10-fifo.toml" "${j[@]}"
run c10-dev-zero-target /dev/null "$licit" check /dev/zero "${j[@]}"
# JSON here: the walk's problems are in the document, not in the per-item lines.
run c11-fifo-gitignore /dev/null "$licit" check "$dir/c11-fifo-gitignore" --format json
run c11-dev-zero-ignore /dev/null "$licit" check "$dir/c11-devzero-ignore" --format json
run c12-non-utf8-name-in-tree /dev/null "$licit" check "$dir/c12-names" --format json
run c12-non-utf8-name-argument /dev/null "$licit" check "$dir/c12-names/$(printf 'caf\xe9.jpg')" "${j[@]}"
run c14-non-utf8-stdin-line "$dir/c14-lines.txt" "$licit" credit - "${j[@]}"
echo "c14: $(wc -l < "$dir/c14-non-utf8-stdin-line.out") output lines for 1000 input lines"
echo "c12 (tree): $(grep -c 'No such file' "$dir/c12-non-utf8-name-in-tree.out" "$dir/c12-non-utf8-name-in-tree.err" | paste -sd' ') 'No such file' mentions"
echo "inputs and outputs in $dir"
exit $fail
