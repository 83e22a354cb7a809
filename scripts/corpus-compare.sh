#!/usr/bin/env bash
# Runs licit's metadata reader over a corpus of real images made by others (default:
# ../shared/corpus/images, never copied into this repository) and compares the rights fields with
# exiftool. Reports the agreement and any panic or hang (10 s timeout per file). Not a test: CI
# does not need it. usage: scripts/corpus-compare.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/../shared/corpus/images}
command -v exiftool >/dev/null || { echo "exiftool not installed (Debian: libimage-exiftool-perl)"; exit 2; }
cargo build -q --release --manifest-path "$root/Cargo.toml" --example dump_metadata
files=()
for f in "$dir"/*; do
  case "$f" in *.md|*.txt) continue ;; esac
  [ -f "$f" ] && files+=("$f")
done
exec python3 "$root/scripts/compare_exiftool.py" "$root/target/release/examples/dump_metadata" "${files[@]}"
