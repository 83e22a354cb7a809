#!/usr/bin/env bash
# Benchmark of `licit check DIR` on a generated content repository: 10,000 images (JPEG and PNG
# with XMP, some with REUSE sidecars, some without any license) and 2,000 Markdown files (front
# matter, five images each with captions). Measures wall time of warm runs and max RSS with
# /usr/bin/time -v. Writes the tree under benches/out/ (ignored by git and cargo package).
#
#   bash benches/repo.sh            # generate if missing, build release, measure
#   IMAGES=1000 DOCS=200 bash benches/repo.sh
#   LICIT=/path/to/licit bash benches/repo.sh   # measure that binary (no build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
images=${IMAGES:-10000}
docs=${DOCS:-2000}
tree="$root/benches/out/site-$images-$docs"
fixtures="$root/tests/fixtures/site/images"

if [ ! -f "$tree/.done" ]; then
  rm -rf "$tree"
  mkdir -p "$tree/content/posts" "$tree/static/images"
  templates=(harbour.jpg market.jpg lighthouse.jpg bridge.png unlicensed.jpg dunes.jpg)
  for ((i = 0; i < images; i++)); do
    t=${templates[$((i % ${#templates[@]}))]}
    dir="$tree/static/images/$((i / 500))"
    [ -d "$dir" ] || mkdir -p "$dir"
    cp "$fixtures/$t" "$dir/img$i.${t##*.}"
    if ((i % 10 == 5)); then
      printf 'SPDX-FileCopyrightText: 2024 Jane Doe\nSPDX-License-Identifier: CC-BY-4.0\n' \
        > "$dir/img$i.${t##*.}.license"
    fi
  done
  for ((d = 0; d < docs; d++)); do
    f="$tree/content/posts/post$d.md"
    {
      cover=$(((d * 5 / 6 * 6) % images))   # a multiple of 6: harbour.jpg, CC BY-SA 4.0
      printf -- '---\ntitle: "Post %d"\nimage: /images/%d/img%d.jpg\nimage_credit: "Photo: Jane Doe, CC BY-SA 4.0"\n---\n\n' \
        "$d" "$((cover / 500))" "$cover"
      for ((k = 0; k < 5; k++)); do
        i=$(((d * 5 + k) % images))
        t=${templates[$((i % ${#templates[@]}))]}
        printf 'Paragraph %d of post %d, with some words around the picture.\n\n' "$k" "$d"
        printf '![Picture %d](/images/%d/img%d.%s)\n*Photo: [Jane Doe](https://example.org/jane), [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)*\n\n' \
          "$i" "$((i / 500))" "$i" "${t##*.}"
      done
    } > "$f"
  done
  printf 'allow = ["*"]\nuse = "commercial"\n' > "$tree/licit.toml"
  touch "$tree/.done"
fi

if [ -n "${LICIT:-}" ]; then
  licit=$LICIT
else
  (cd "$root" && cargo build --release --quiet)
  licit="${CARGO_TARGET_DIR:-$root/target}/release/licit"
fi
echo "tree: $(find "$tree" -type f | wc -l) files, $(du -sh "$tree" | cut -f1)"
"$licit" check "$tree" --quiet > /dev/null || true   # warm the page cache
for run in 1 2 3; do
  /usr/bin/time -v "$licit" check "$tree" --format json > /dev/null 2> "$root/benches/out/time.$run" || true
  wall=$(grep 'Elapsed (wall clock)' "$root/benches/out/time.$run" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$root/benches/out/time.$run" | awk '{print $NF}')
  echo "run $run: wall $wall, max RSS $((rss / 1024)) MiB (--format json)"
done
/usr/bin/time -v "$licit" check "$tree" --quiet > /dev/null 2> "$root/benches/out/time.quiet" || true
echo "quiet: wall $(grep 'Elapsed (wall clock)' "$root/benches/out/time.quiet" | awk '{print $NF}'), max RSS $(($(grep 'Maximum resident set size' "$root/benches/out/time.quiet" | awk '{print $NF}') / 1024)) MiB"
for run in 1 2 3; do
  /usr/bin/time -v "$licit" check "$tree" --format jsonl > /dev/null 2> "$root/benches/out/time.jsonl.$run" || true
  wall=$(grep 'Elapsed (wall clock)' "$root/benches/out/time.jsonl.$run" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$root/benches/out/time.jsonl.$run" | awk '{print $NF}')
  echo "run $run: wall $wall, max RSS $((rss / 1024)) MiB (--format jsonl)"
done
# When the first jsonl line arrives, against the whole run.
python3 - "$licit" "$tree" <<'PY'
import subprocess, sys, time
t0 = time.monotonic()
p = subprocess.Popen([sys.argv[1], "check", sys.argv[2], "--format", "jsonl"], stdout=subprocess.PIPE)
p.stdout.readline()
first = time.monotonic() - t0
for _ in p.stdout:
    pass
p.wait()
print(f"jsonl: first line after {first:.3f} s, last after {time.monotonic() - t0:.3f} s")
PY
