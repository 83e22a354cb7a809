"""Shared fixtures: the repository's paths, the JSON contract, and the CLI (when built)."""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
IMAGES = ROOT / "tests" / "fixtures" / "images"
SCHEMA = json.loads((ROOT / "schema" / "licit.schema.json").read_text())


def validate(definition: str, value) -> None:
    """Validates the JSON text of `value` (as `json.dumps` writes it) against one definition
    of the contract."""
    import jsonschema

    schema = dict(SCHEMA)
    schema.pop("oneOf")
    schema["$ref"] = f"#/$defs/{definition}"
    jsonschema.Draft202012Validator(schema).validate(json.loads(json.dumps(value)))


def licit_bin():
    """The licit binary: $LICIT_BIN, else a build in target/, else one on PATH."""
    for candidate in (
        os.environ.get("LICIT_BIN"),
        os.environ.get("CARGO_TARGET_DIR") and f"{os.environ['CARGO_TARGET_DIR']}/debug/licit",
        ROOT / "target" / "debug" / "licit",
        shutil.which("licit"),
    ):
        if candidate and pathlib.Path(candidate).is_file():
            return str(candidate)
    return None


@pytest.fixture
def cli():
    """Runs the licit CLI and gives its JSON lines; skips when no binary is built."""
    binary = licit_bin()
    if binary is None:
        pytest.skip("no licit binary (set LICIT_BIN, or cargo build)")

    def run(*args, stdin=None):
        out = subprocess.run(
            [binary, *args], input=stdin, capture_output=True, check=False
        )
        lines = [json.loads(l) for l in out.stdout.decode().splitlines() if l.strip()]
        return lines, out.returncode, out.stderr.decode()

    return run
