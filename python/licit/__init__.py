"""licit: may I reuse this photo this way, and how must I credit it?

Python bindings of the licit library. Every result is a plain dict (or a list of dicts) in the
shape of licit's JSON contract (``schema/licit.schema.json`` in the repository), exactly what
``licit ... --format jsonl`` prints for the same input:

- :func:`license` gives a ``licenseLine``: the Creative Commons tools a text names;
- :func:`credit` gives a ``creditLine``: a credit line read, and the proposed use assessed;
- :func:`check_bytes` gives an ``item``: an image's metadata, credit and assessment;
- :func:`check_path` gives a list of ``item`` (a file, a directory, a page, a URL).

The ``*_many`` forms take a list (or a pyarrow array, a pandas Series, any iterable) and do the
work on every core with the GIL released; ``None`` entries give ``None``. The number of threads
is rayon's: set ``RAYON_NUM_THREADS`` (to 1 inside an engine that already runs one worker per
core).

Errors are :class:`LicitError` subclasses, with the messages the command line prints. The
single-image forms raise :class:`InputError` when the image cannot be read at all; the batch
forms never raise for one input, whose item carries the error in ``errors`` instead.
"""

from __future__ import annotations

import json as _json

from . import _licit

__all__ = [
    "LicitError",
    "UseError",
    "PolicyError",
    "FetchError",
    "InputError",
    "license",
    "license_many",
    "credit",
    "credit_many",
    "check_bytes",
    "check_bytes_many",
    "check_path",
    "__version__",
]

__version__ = _licit.VERSION


class LicitError(Exception):
    """Anything licit refuses; the message is the command line's."""


class UseError(LicitError, ValueError):
    """The proposed use (``use=``) or ``share_as=`` is not understood."""


class PolicyError(LicitError):
    """A policy file (``licit.toml``) cannot be used."""


class FetchError(LicitError):
    """The HTTP client cannot be set up (a URL that cannot be fetched is an item error)."""


class InputError(LicitError):
    """An image or target cannot be read at all; ``kind`` is the contract's error kind."""

    def __init__(self, message: str, kind: str = "io"):
        super().__init__(message)
        self.kind = kind


_CLASSES = {
    "LicitError": LicitError,
    "UseError": UseError,
    "PolicyError": PolicyError,
    "FetchError": FetchError,
}


def _native(f, *args, **kwargs):
    try:
        return f(*args, **kwargs)
    except _licit.NativeError as e:
        cls, message = e.args
        raise _CLASSES.get(cls, LicitError)(message) from None


def _as_list(values) -> list:
    """A list from a list, a pyarrow Array or ChunkedArray, a pandas Series, any iterable."""
    if isinstance(values, (str, bytes)):
        raise TypeError("expected a list of values, not a single str or bytes")
    if isinstance(values, list):
        return values
    to_pylist = getattr(values, "to_pylist", None)  # pyarrow
    if to_pylist is not None:
        return to_pylist()
    tolist = getattr(values, "tolist", None)  # pandas, numpy
    if tolist is not None:
        return tolist()
    return list(values)


def _many(values: list, run) -> list:
    """Runs `run` over the non-None values, and puts None back where they were."""
    present = [i for i, v in enumerate(values) if v is not None]
    if len(present) == len(values):
        return _json.loads(run(values))
    answers = _json.loads(run([values[i] for i in present]))
    out = [None] * len(values)
    for i, a in zip(present, answers):
        out[i] = a
    return out


def _raise_unreadable(item: dict) -> dict:
    # Read nothing and concluded nothing: the command line exits 2 for it.
    if item["errors"] and item["assessment"] is None:
        e = item["errors"][0]
        raise InputError(e["message"], e["kind"])
    return item


def license(text: str) -> dict:
    """The licenses ``text`` names: a ``licenseLine`` (``input``, ``rights``, ``licenses``,
    ``mentions``, ``statements``)."""
    return _json.loads(_native(_licit.license, text))


def license_many(texts) -> list:
    """:func:`license` for each text, on every core, in order."""
    return _many(_as_list(texts), lambda v: _native(_licit.license_many, v))


def credit(text: str, use: str | None = None, share_as: str | None = None) -> dict:
    """Reads a credit line and assesses the proposed use: a ``creditLine`` (``input``,
    ``credit``, ``assessment``). ``use`` is the command line's ``--use`` words
    (``"commercial,crop"``); without it: verbatim, non-commercial, online."""
    return _json.loads(_native(_licit.credit, text, use, share_as))


def credit_many(texts, use: str | None = None, share_as: str | None = None) -> list:
    """:func:`credit` for each text, on every core, in order."""
    return _many(_as_list(texts), lambda v: _native(_licit.credit_many, v, use, share_as))


def _pairs(images: list) -> list:
    out = []
    for i, x in enumerate(images):
        if isinstance(x, (bytes, bytearray, memoryview)):
            out.append(("<bytes>", bytes(x) if isinstance(x, memoryview) else x))
        elif isinstance(x, dict):  # a pyarrow struct row
            out.append((str(x["name"]), x["data"]))
        else:
            name, data = x
            out.append((str(name), bytes(data) if isinstance(data, memoryview) else data))
    return out


def check_bytes(
    data: bytes, use: str | None = None, name: str = "<bytes>", share_as: str | None = None
) -> dict:
    """Checks an image held in memory as ``licit check`` checks an image file: an ``item``
    whose ``target`` is ``name``. Raises :class:`InputError` when nothing can be read (not an
    image, truncated before its first segment)."""
    pairs = _pairs([(name, data)])
    item = _json.loads(_native(_licit.check_bytes_many, pairs, use, share_as))[0]
    return _raise_unreadable(item)


def check_bytes_many(images, use: str | None = None, share_as: str | None = None) -> list:
    """:func:`check_bytes` for each image, on every core, in order. Each entry is ``bytes``
    (named ``<bytes>``), a ``(name, bytes)`` pair, or ``None``; an unreadable image gives an
    item with ``errors``, never an exception."""
    values = _as_list(images)
    return _many(
        values, lambda v: _native(_licit.check_bytes_many, _pairs(v), use, share_as)
    )


def check_path(
    path,
    use: str | None = None,
    share_as: str | None = None,
    *,
    timeout: int = 20,
    no_cache: bool = False,
    deny_private: bool = False,
    run_timeout: int = 300,
) -> list:
    """``licit check PATH``: an image file (and its XMP sidecar), a directory (a content
    repository, against its ``licit.toml``), an ``.html`` page or an ``http(s)://`` URL. A
    list of ``item``, one per image. Raises :class:`InputError` when the target cannot be
    read at all (missing, not a regular file, an empty directory)."""
    items = _json.loads(
        _native(
            _licit.check_path,
            path,
            use,
            share_as,
            timeout=timeout,
            no_cache=no_cache,
            deny_private=deny_private,
            run_timeout=run_timeout,
        )
    )
    if len(items) == 1:
        _raise_unreadable(items[0])
    return items
