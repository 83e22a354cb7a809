#!/usr/bin/env bash
# Opt-in: runs `licit annotate` on a copy of the fixture site (both styles: .license sidecars
# and REUSE.toml annotations), then `reuse lint` (pip install reuse) on it, which must pass.
# `cargo test` does not run this.
#
# The fixture site is not REUSE-compliant by design, so three things are set up around licit's
# records, each printed:
# - the site's own text files (Markdown, HTML, TOML, shell; not images) get a stand-in record,
#   `reuse annotate --license CC0-1.0`, because licit annotates images only;
# - images licit declines to annotate (no license known, a disagreement) or does not check
#   (licit.toml's ignore, generated output) are removed after checking that licit reported each
#   one it checked as skipped; lint then judges licit's records and the existing ones;
# - the license texts REUSE wants in LICENSES/ come from the npm package spdx-license-list
#   (SPDX's license-list data), since `reuse download` needs a network this setup may not have.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v reuse >/dev/null || { echo "reuse not installed (pip install reuse)"; exit 2; }
command -v npm >/dev/null || { echo "npm not installed (needed for the SPDX license texts)"; exit 2; }
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build -q --manifest-path "$root/Cargo.toml"
# A copy: a target directory shared with other checkouts may be rebuilt meanwhile.
cp "$CARGO_TARGET_DIR/debug/licit" "$work/licit"
(cd "$work" && npm pack -q spdx-license-list@6 >/dev/null 2>&1 && tar xzf spdx-license-list-*.tgz)

status=0
for style in sidecar toml; do
  site="$work/site-$style"
  cp -r "$root/tests/fixtures/site" "$site"
  echo "== licit annotate --style $style"
  set +e
  (cd "$site" && "$work/licit" annotate . --style "$style") | tee "$work/annotate-$style.txt"
  code=${PIPESTATUS[0]}
  set -e
  echo "(licit annotate exit status $code: 1 means some images could not be annotated)"
  python3 - "$site" "$work/annotate-$style.txt" "$work/package/spdx-full.json" <<'EOF'
import json, os, subprocess, sys
site, report, texts = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
images = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".heic", ".avif")
lines = open(report).read().splitlines()
checked = {l.split(":")[0] for l in lines if ": " in l}
skipped = {l.split(":")[0] for l in lines if ": skipped: " in l and "already has a REUSE" not in l}
def lint_json():
    # Paths in reuse's JSON are relative to its working directory: run it in the site.
    out = subprocess.run(["reuse", "--root", ".", "lint", "--json"], cwd=site,
                         capture_output=True, text=True).stdout
    return json.loads(out)
lint = lint_json()
missing = {f["path"] for f in lint["files"] if not (f["copyrights"] and f["spdx_expressions"])}
removed, placeholders = [], []
for path in sorted(missing):
    rel = os.path.normpath(path)
    if rel.lower().endswith(images):
        if rel in checked and rel not in skipped:
            sys.exit(f"licit annotated {rel} but REUSE sees no record for it")
        os.remove(os.path.join(site, rel))
        removed.append(rel + (" (skipped by licit)" if rel in skipped else " (not checked by licit)"))
    elif not rel.endswith(".license"):
        placeholders.append(rel)
if placeholders:
    subprocess.run(["reuse", "--root", ".", "annotate", "--license", "CC0-1.0", "--copyright",
                    "Example Site", "--fallback-dot-license", *placeholders],
                   cwd=site, check=True, capture_output=True)
print("stand-in records for the site's text files:", ", ".join(placeholders) or "none")
print("images removed before lint:", ", ".join(removed) or "none")
os.makedirs(os.path.join(site, "LICENSES"), exist_ok=True)
lint = lint_json()
for lic in lint["summary"]["used_licenses"]:
    with open(os.path.join(site, "LICENSES", lic + ".txt"), "w") as f:
        f.write(texts[lic]["licenseText"])
EOF
  echo "== reuse lint ($style)"
  if (cd "$site" && reuse --root . lint) > "$work/lint-$style.txt"; then tail -14 "$work/lint-$style.txt";  echo "PASS ($style)"; else cat "$work/lint-$style.txt"; echo "FAIL ($style)"; status=1; fi
done
exit $status
