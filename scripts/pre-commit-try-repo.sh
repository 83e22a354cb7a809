#!/usr/bin/env bash
# Runs licit's pre-commit hook with `pre-commit try-repo` on a sample repository made from the
# fixture site: first as it is (the hook must fail, naming the seeded problems), then with the
# Markdown that shows a NonCommercial image left out of the commit (the hook must pass on the
# rest). Installs pre-commit from PyPI into a throw-away virtual environment; not run by CI
# (pre-commit builds licit with `cargo install`, which takes minutes).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
export PATH="$work/venv/bin:$PATH"
export PRE_COMMIT_HOME="$work/cache"

# try-repo needs the hook repository's changes committed; take HEAD of this work tree.
sample="$work/sample"
cp -r "$root/tests/fixtures/site" "$sample"
cd "$sample"
git init -q
git config user.email sample@example.org
git config user.name Sample
git add -A
git add -f public/generated.jpg

echo "== all files: the seeded problems must fail the hook"
if pre-commit try-repo "$root" licit --all-files; then
  echo "FAIL: the hook passed on the fixture site" >&2
  exit 1
fi

echo "== only the harbour front matter image and the CC0 images: the hook must pass"
git reset -q
git add images/harbour.jpg images/team/portrait.png images/logo.png REUSE.toml licit.toml
pre-commit try-repo "$root" licit
echo "OK: pre-commit try-repo ran the hook as expected"
