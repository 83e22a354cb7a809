#!/usr/bin/env bash
# Time, peak RSS and output size of `licit check --format html` on samples/ and on a folder of N
# generated 12-megapixel JPEGs (default 500; python3 with Pillow makes them, about 6.5 MB each,
# so N=500 needs 3.2 GB of free disk). Usage: scripts/html-report-bench.sh [N] [WORKDIR]
# Needs a release build (`cargo build --release`) and GNU time (/usr/bin/time).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-500}"
work="${2:-$(mktemp -d)}"
bin="${CARGO_TARGET_DIR:-$root/target}/release/licit"
[ -x "$bin" ] || { echo "no release build at $bin (cargo build --release)" >&2; exit 2; }
python3 -c 'import PIL' 2>/dev/null || { echo "python3 Pillow is needed to make the images" >&2; exit 2; }

measure() {
  local out="$1"; shift
  /usr/bin/time -f '%e s wall, %U s user, %M KiB peak RSS' "$bin" check --format html "$@" \
    >"$out" 2>"$work/time.txt" || true  # exit 1 is a verdict, not a failure
  echo "$(tail -1 "$work/time.txt"), $(stat -c %s "$out") bytes of HTML"
}

echo "samples/:            $(cd "$root" && measure "$work/samples.html" samples/)"

mkdir -p "$work/photos"
if [ "$(find "$work/photos" -name '*.jpg' | wc -l)" -lt "$n" ]; then
  python3 - "$work/photos" "$n" <<'PY'
import os, sys
from PIL import Image, ImageDraw
out, n = sys.argv[1], int(sys.argv[2])
W, H = 4000, 3000
bases = []
for b in range(10):
    noise = Image.effect_noise((W, H), 30 + 5 * b)
    grad = Image.linear_gradient("L").resize((W, H)).rotate(36 * b)
    img = Image.merge("RGB", (grad, noise, Image.eval(grad, lambda v: 255 - v)))
    d = ImageDraw.Draw(img)
    for k in range(40):
        x, y = k * 97 % W, k * 61 % H
        d.ellipse((x, y, x + 300, y + 200), outline=(255, 255, 0), width=8)
    bases.append(img)
for i in range(n):
    bases[i % 10].save(os.path.join(out, f"photo-{i:04d}.jpg"), quality=85)
PY
fi
echo "$n × 12 MP JPEG:   $(measure "$work/photos.html" "$work/photos")"
echo "(reports in $work)"
