#!/usr/bin/env python3
"""Audits a collection with Ray Data: `ray.data.read_parquet(...).map_batches(...)` adds the
columns `license_key`, `rights`, `verdict`, `credit_text`, `reasons` and `error` (see
`licit.audit`) to records with columns `text`, `image`, `name`, and writes Parquet.

    python3 examples/ray_audit.py records.parquet out/ --use commercial --num-cpus 4

On a cluster, `ray.init(address="auto")` (pass `--address auto`), with the licit package in
the workers' environment. Each map task runs on one CPU, so licit's own thread pool is kept to
one thread per worker (RAYON_NUM_THREADS=1): Ray does the spreading.
"""

import argparse
import os
import sys
import time

os.environ.setdefault("RAYON_NUM_THREADS", "1")

import ray  # noqa: E402

COLUMNS = ("license_key", "rights", "verdict", "credit_text", "reasons", "error")


def audit(batch, use=None):
    from licit.audit import audit_batch

    return audit_batch(batch, use=use)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="Parquet file or directory")
    ap.add_argument("output", help="Parquet directory to write")
    ap.add_argument("--use", default=None, help="the proposed use, as licit's --use")
    ap.add_argument("--num-cpus", type=int, default=None, help="local Ray: CPUs to use")
    ap.add_argument("--address", default=None, help="an existing cluster (`auto`)")
    ap.add_argument("--kind", default=None, help="only records of this `kind` (timing runs)")
    ap.add_argument("--batch-size", type=int, default=4096)
    ap.add_argument("--stats", default=None, help="write rows, seconds and cores as JSON")
    a = ap.parse_args()

    ray.init(
        address=a.address,
        num_cpus=None if a.address else a.num_cpus,
        runtime_env={"env_vars": {"RAYON_NUM_THREADS": "1"}},
        include_dashboard=False,
        log_to_driver=False,
    )
    ds = ray.data.read_parquet(a.input)
    if a.kind:
        # An expression, not a Python function per row: Ray pushes it into the Parquet scan.
        ds = ds.filter(expr=f"kind == {a.kind!r}")
    from licit.audit import job_stats

    start = time.perf_counter()
    ds.map_batches(
        audit, fn_kwargs={"use": a.use}, batch_format="pyarrow", batch_size=a.batch_size
    ).write_parquet(a.output)
    seconds = time.perf_counter() - start
    rows = ray.data.read_parquet(a.output).count()
    cores = int(ray.cluster_resources().get("CPU", 1))
    job_stats("ray", a.kind or "all", rows, seconds, cores, a.stats)
    ray.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
