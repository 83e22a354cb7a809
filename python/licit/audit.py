"""A collection audit as a map step: the columns licit adds to a table of records, for Spark,
Ray, pandas or plain lists.

Each record has a text (a credit line, a caption, a license URL or name) or an image's bytes,
and a name (the image's path or URL; it names the image in error messages). An image is read
with :func:`licit.check_bytes_many`, a text with :func:`licit.credit_many`; a record with both
is judged by its image alone (combining a caption with the image's metadata is what
``licit check`` does for pages and repositories, not for loose records). The columns:

- ``license_key``: the Creative Commons legal tool found (``by-nc-nd/2.0``), else null;
- ``rights``: ``cc``, ``public-domain``, ``all-rights-reserved``, ``other`` or ``none``;
- ``verdict``: the proposed use, ``allowed``, ``allowed-with-obligations``, ``not-allowed``
  or ``unknown`` (null when the image could not be read);
- ``credit_text``: the credit to print (``assessment.attribution.suggested``);
- ``reasons``: the assessment's reasons as JSON text (term, effect, section, words);
- ``error``: why the image could not be read, else null.

They are taken from the contract's ``creditLine`` and ``item`` by :func:`columns_of`, the one
mapping used for engines and for the command line's output alike.
"""

from __future__ import annotations

import json

from . import check_bytes_many, credit_many

COLUMNS = ("license_key", "rights", "verdict", "credit_text", "reasons", "error")


def columns_of(result: dict | None) -> dict:
    """The audit columns of one ``creditLine`` or ``item`` (``None``: all null)."""
    if result is None:
        return dict.fromkeys(COLUMNS)
    credit = result.get("credit")
    assessment = result.get("assessment")
    errors = result.get("errors") or []
    license_ = credit.get("license") if credit else None
    attribution = assessment.get("attribution") if assessment else None
    return {
        "license_key": license_["key"] if license_ else None,
        "rights": credit["rights"] if credit else None,
        "verdict": assessment["verdict"] if assessment else None,
        "credit_text": attribution.get("suggested") if attribution else None,
        "reasons": json.dumps(assessment["reasons"], ensure_ascii=False, sort_keys=True)
        if assessment
        else None,
        "error": errors[0]["message"] if errors else None,
    }


def audit(texts: list, images: list, names: list, use: str | None = None) -> dict:
    """The audit columns of records given as three equally long lists (entries may be None),
    as a dict of lists in record order. The work runs on every core with the GIL released."""
    n = len(texts)
    if not (len(images) == len(names) == n):
        raise ValueError("texts, images and names must be equally long")
    results: list = [None] * n
    with_image = [i for i in range(n) if images[i] is not None]
    with_text = [i for i in range(n) if images[i] is None and texts[i] is not None]
    if with_image:
        items = check_bytes_many(
            [(names[i] if names[i] is not None else "<bytes>", images[i]) for i in with_image],
            use=use,
        )
        for i, item in zip(with_image, items):
            results[i] = item
    if with_text:
        for i, line in zip(with_text, credit_many([texts[i] for i in with_text], use=use)):
            results[i] = line
    rows = [columns_of(r) for r in results]
    return {c: [r[c] for r in rows] for c in COLUMNS}


def audit_batch(batch, use: str | None = None, text: str = "text", image: str = "image",
                name: str = "name"):
    """A pyarrow ``RecordBatch`` (or ``Table``) with the audit columns appended (strings).
    Missing input columns count as null."""
    import pyarrow as pa

    n = batch.num_rows
    present = set(batch.schema.names)

    def col(c):
        return batch.column(c).to_pylist() if c in present else [None] * n

    cols = audit(col(text), col(image), col(name), use=use)
    arrays = list(batch.columns) + [pa.array(cols[c], pa.string()) for c in COLUMNS]
    names = list(batch.schema.names) + list(COLUMNS)
    if isinstance(batch, pa.Table):
        return pa.Table.from_arrays(arrays, names=names)
    return pa.RecordBatch.from_arrays(arrays, names=names)


def job_stats(engine: str, kind: str, rows: int, seconds: float, cores: int,
              path: str | None = None) -> dict:
    """The throughput of one engine job (rows, seconds, rows/s and rows/s per core), printed
    as one JSON line and, with ``path``, written there: what ``scripts/engines-test.sh``
    collects from the Spark and Ray jobs."""
    stats = {"engine": engine, "kind": kind, "rows": rows, "seconds": seconds,
             "cores": cores, "rows_per_s": rows / seconds,
             "rows_per_s_per_core": rows / seconds / cores}
    print(json.dumps(stats))
    if path:
        with open(path, "w") as f:
            json.dump(stats, f)
    return stats
