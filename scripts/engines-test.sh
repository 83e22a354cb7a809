#!/usr/bin/env bash
# Opt-in (not in .ci/run): the Spark and Ray audits on a generated dataset, in local mode,
# checked row by row against the CLI, plus rows/s per core for each input kind.
#
#   scripts/engines-test.sh                  # 100,000 records, every core
#   RECORDS=10000 CORES=2 scripts/engines-test.sh
#
# Installs what is missing: pyspark, ray[data], pyarrow and pandas from PyPI, a JRE from
# Debian (apt-get). Builds the release CLI and the release wheel. Output in $OUT
# (target/engines): the dataset, each job's Parquet, and stats.jsonl (one line per timed run).
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS="${RECORDS:-100000}"
CORES="${CORES:-$(nproc)}"
USE="${USE:-commercial}"
target="${CARGO_TARGET_DIR:-$PWD/target}"
OUT="${OUT:-$target/engines}"
py="${PYTHON:-python3}"

if ! command -v java >/dev/null; then
  apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless
fi
need=()
for m in pyspark ray pyarrow pandas; do
  "$py" -c "import $m" 2>/dev/null || need+=("$m")
done
if ((${#need[@]})); then
  pkgs=("${need[@]/#ray/ray[data]}")
  "$py" -m pip install -q "${pkgs[@]}"
fi
cargo build --release
CARGO_TARGET_DIR="$target" "$py" -m pip install -q ./python
licit="$target/release/licit"

# A rerun starts clean: Ray's write_parquet adds files to an existing directory, so outputs
# left by an earlier run would be read back as extra rows.
mkdir -p "$OUT"
rm -rf "$OUT"/spark "$OUT"/spark-* "$OUT"/ray "$OUT"/ray-*
"$py" scripts/gen_dataset.py "$OUT/data" --records "$RECORDS"
data="$OUT/data/records.parquet"
stats="$OUT/stats.jsonl"
: >"$stats"

# The whole dataset: the rows to compare.
"$py" examples/spark_audit.py "$data" "$OUT/spark" --use "$USE" --master "local[$CORES]" \
  --stats "$OUT/s.json" && cat "$OUT/s.json" >>"$stats" && echo >>"$stats"
"$py" examples/ray_audit.py "$data" "$OUT/ray" --use "$USE" --num-cpus "$CORES" \
  --stats "$OUT/s.json" && cat "$OUT/s.json" >>"$stats" && echo >>"$stats"
"$py" scripts/engines_compare.py "$OUT/data" "$OUT/spark" "$OUT/ray" --licit "$licit" --use "$USE"

# Each input kind alone, for rows/s per core.
if [[ "${TIMING:-1}" == 1 ]]; then
  for kind in credit license image; do
    "$py" examples/spark_audit.py "$data" "$OUT/spark-$kind" --use "$USE" --kind "$kind" \
      --master "local[$CORES]" --stats "$OUT/s.json" && cat "$OUT/s.json" >>"$stats" && echo >>"$stats"
    "$py" examples/ray_audit.py "$data" "$OUT/ray-$kind" --use "$USE" --kind "$kind" \
      --num-cpus "$CORES" --stats "$OUT/s.json" && cat "$OUT/s.json" >>"$stats" && echo >>"$stats"
  done
  # The library alone, one thread, no engine: the ceiling per core.
  RAYON_NUM_THREADS=1 "$py" - "$data" "$USE" <<'PY' >>"$stats"
import json, sys, time
import pyarrow.parquet as pq
from licit.audit import audit_batch
t = pq.read_table(sys.argv[1])
for kind in ("credit", "license", "image"):
    part = t.filter(t.column("kind").to_numpy(zero_copy_only=False) == kind)
    start = time.perf_counter()
    audit_batch(part, use=sys.argv[2])
    s = time.perf_counter() - start
    print(json.dumps({"engine": "library", "kind": kind, "rows": part.num_rows, "seconds": s,
                      "cores": 1, "rows_per_s": part.num_rows / s,
                      "rows_per_s_per_core": part.num_rows / s}))
PY
fi
echo "engines-test: Spark and Ray equal the CLI on all $RECORDS records; timings in $stats"
