#!/usr/bin/env bash
# Compares the rights evidence licit reads from every fixture with exiftool's reading
# (`exiftool -j -G1:4 -a -struct`). Needs exiftool; `cargo test` does not (it checks the
# committed tests/fixtures/images/expected.json instead).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v exiftool >/dev/null || { echo "exiftool not installed (Debian: libimage-exiftool-perl)"; exit 2; }
cargo build -q --manifest-path "$root/Cargo.toml" --example dump_metadata
shopt -s nullglob
files=()
for f in "$root"/tests/fixtures/images/*.* "$root"/tests/fixtures/images/base/*; do
  case "$f" in *.sh|*.json) continue ;; esac
  files+=("$f")
done
exec python3 "$root/scripts/compare_exiftool.py" "$root/target/debug/examples/dump_metadata" "${files[@]}"
