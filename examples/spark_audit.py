#!/usr/bin/env python3
"""Audits a collection with Spark: reads records (Parquet or JSON lines with columns `text`,
`image`, `name`; others are kept), adds the columns `license_key`, `rights`, `verdict`,
`credit_text`, `reasons` and `error` (see `licit.audit`) with a vectorized `mapInArrow` step,
and writes Parquet.

    python3 examples/spark_audit.py records.parquet out/ --use commercial --master 'local[4]'
    spark-submit examples/spark_audit.py s3://bucket/records/ s3://bucket/audit/ --use print

Every executor needs the licit package (`pip install ./python`, or a wheel in
`--py-files`/the image). Each Spark task is one Python worker on one core, so licit's own
thread pool is kept to one thread per worker (RAYON_NUM_THREADS=1): Spark does the spreading.
"""

import argparse
import os
import sys
import time

# Before Spark starts any Python worker: they inherit it in local mode, and executors get it
# through spark.executorEnv below.
os.environ.setdefault("RAYON_NUM_THREADS", "1")

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql.types import StringType, StructField, StructType  # noqa: E402

COLUMNS = ("license_key", "rights", "verdict", "credit_text", "reasons", "error")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input", help="Parquet file or directory, or JSON lines (*.jsonl, *.json)")
    ap.add_argument("output", help="Parquet directory to write")
    ap.add_argument("--use", default=None, help="the proposed use, as licit's --use")
    ap.add_argument("--master", default=None, help="e.g. local[4]; spark-submit sets it")
    ap.add_argument("--kind", default=None, help="only records of this `kind` (timing runs)")
    ap.add_argument("--partitions", type=int, default=None, help="repartition the input")
    ap.add_argument("--stats", default=None, help="write rows, seconds and cores as JSON")
    a = ap.parse_args()

    builder = SparkSession.builder.appName("licit-audit").config(
        "spark.executorEnv.RAYON_NUM_THREADS", "1"
    )
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")

    if a.input.endswith((".jsonl", ".json")):
        df = spark.read.json(a.input)
    else:
        df = spark.read.parquet(a.input)
    if a.kind:
        df = df.where(df.kind == a.kind)
    if a.partitions:
        df = df.repartition(a.partitions)
    schema = StructType(list(df.schema.fields) + [StructField(c, StringType()) for c in COLUMNS])
    use = a.use

    def audit(batches):
        # Imported on the worker.
        from licit.audit import audit_batch

        for batch in batches:
            yield audit_batch(batch, use=use)

    from licit.audit import job_stats

    start = time.perf_counter()
    df.mapInArrow(audit, schema).write.mode("overwrite").parquet(a.output)
    seconds = time.perf_counter() - start
    rows = spark.read.parquet(a.output).count()
    cores = spark.sparkContext.defaultParallelism
    job_stats("spark", a.kind or "all", rows, seconds, cores, a.stats)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
