#!/usr/bin/env python3
"""Compares the audit columns the Spark and Ray jobs wrote with the command line's answers for
the same records, row by row.

The CLI checks the dataset's text records with `licit credit --format jsonl -` (texts.txt) and
its image records with `licit check --format jsonl --from-file images.txt` (the image files
gen_dataset.py wrote, named as the records' `name`); both outputs are in id order. Each answer
goes through the same `licit.audit.columns_of` as the engines' rows, then every column of
every record is compared. Exits 1 on any difference, a missing or a repeated record.

    python3 scripts/engines_compare.py DATASET_DIR OUT_DIR... --licit target/release/licit --use commercial
"""

import argparse
import json
import subprocess
import sys

import pyarrow.parquet as pq

from licit.audit import COLUMNS, columns_of


def cli_answers(dataset, licit, use):
    records = pq.read_table(f"{dataset}/records.parquet", columns=["id", "kind", "image"])
    ids = records.column("id").to_pylist()
    is_image = [b is not None for b in records.column("image").to_pylist()]
    use_args = ["--use", use] if use else []
    with open(f"{dataset}/texts.txt", "rb") as texts:
        credit = subprocess.run([licit, "credit", "--format", "jsonl", *use_args, "-"],
                                stdin=texts, capture_output=True, check=False)
    check = subprocess.run([licit, "check", "--format", "jsonl", *use_args, "--from-file",
                            f"{dataset}/images.txt"], capture_output=True, check=False)
    for name, run in (("credit", credit), ("check", check)):
        if run.returncode not in (0, 1, 2) or not run.stdout:
            sys.exit(f"licit {name} failed ({run.returncode}): {run.stderr.decode()[:2000]}")
    text_lines = [json.loads(l) for l in credit.stdout.splitlines() if l.strip()]
    image_lines = [json.loads(l) for l in check.stdout.splitlines() if l.strip()]
    text_ids = [i for i, img in zip(ids, is_image) if not img]
    image_ids = [i for i, img in zip(ids, is_image) if img]
    if len(text_lines) != len(text_ids) or len(image_lines) != len(image_ids):
        sys.exit(f"CLI gave {len(text_lines)}/{len(text_ids)} text and "
                 f"{len(image_lines)}/{len(image_ids)} image answers")
    answers = {}
    for i, line in zip(text_ids, text_lines):
        answers[i] = columns_of(line)
    for i, item in zip(image_ids, image_lines):
        answers[i] = columns_of(item)
    return answers


def compare(out_dir, answers) -> int:
    table = pq.read_table(out_dir, columns=["id", *COLUMNS])
    rows = table.to_pylist()
    seen, wrong, shown = set(), 0, 0
    for r in rows:
        i = r["id"]
        if i in seen:
            print(f"{out_dir}: record {i} twice")
            wrong += 1
            continue
        seen.add(i)
        want = answers.get(i)
        got = {c: r[c] for c in COLUMNS}
        if want != got:
            wrong += 1
            if shown < 5:
                shown += 1
                diff = {c: (got[c], want[c]) for c in COLUMNS if got[c] != want[c]}
                print(f"{out_dir}: record {i}: (engine, cli) {json.dumps(diff)[:600]}")
    missing = len(set(answers) - seen)
    print(f"{out_dir}: {len(rows)} rows, {len(rows) - wrong} equal to the CLI, {wrong} differ, "
          f"{missing} missing")
    return wrong + missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dataset")
    ap.add_argument("outputs", nargs="+")
    ap.add_argument("--licit", default="licit")
    ap.add_argument("--use", default=None)
    a = ap.parse_args()
    answers = cli_answers(a.dataset, a.licit, a.use)
    bad = sum(compare(o, answers) for o in a.outputs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
