"""The Python API against the JSON contract and against the command line."""

import json
import threading

import pytest

import licit
from conftest import IMAGES, ROOT, validate

SEED = (
    "Photo by IHH Humanitarian Relief Foundation, Taken on April 14, 2013 in Atmeh refugee "
    "camp. Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)"
)
LINES = [
    l
    for l in (ROOT / "samples" / "credit-lines.txt").read_text().splitlines()
    if l.strip()
]
FIXTURES = sorted(
    p
    for p in IMAGES.iterdir()
    if p.suffix in {".jpg", ".png", ".webp", ".gif", ".tif", ".avif", ".heic", ".jxl"}
)


def test_license_follows_the_contract():
    r = licit.license("CC BY-NC-ND 2.0")
    validate("licenseLine", r)
    assert r["rights"] == "cc"
    assert [l["key"] for l in r["licenses"]] == ["by-nc-nd/2.0"]
    assert r["mentions"][0]["start"] == 0
    none = licit.license("All rights reserved")
    validate("licenseLine", none)
    assert none["licenses"] == [] and none["rights"] == "all-rights-reserved"


def test_credit_reads_the_seed_and_assesses_the_use():
    r = licit.credit(SEED, use="commercial,crop")
    validate("creditLine", r)
    assert r["credit"]["authors"] == ["IHH Humanitarian Relief Foundation"]
    assert r["credit"]["license"]["key"] == "by-nc-nd/2.0"
    assert r["assessment"]["verdict"] == "not-allowed"
    assert licit.credit(SEED)["assessment"]["verdict"] == "allowed-with-obligations"


def test_batch_forms_equal_the_single_forms_in_order():
    texts = LINES * 3
    assert licit.credit_many(texts, use="commercial") == [
        licit.credit(t, use="commercial") for t in texts
    ]
    assert licit.license_many(texts) == [licit.license(t) for t in texts]
    for r in licit.credit_many(texts):
        validate("creditLine", r)
    assert licit.credit_many([]) == []


def test_none_entries_stay_none():
    r = licit.credit_many([None, "CC BY 4.0", None])
    assert r[0] is None and r[2] is None
    assert r[1] == licit.credit("CC BY 4.0")
    assert licit.license_many(iter(["CC0", None])) == [licit.license("CC0"), None]


def test_a_single_str_is_not_a_list():
    with pytest.raises(TypeError):
        licit.credit_many("CC BY 4.0")


def test_pyarrow_arrays_are_accepted():
    pa = pytest.importorskip("pyarrow")
    texts = pa.chunked_array([["CC BY 4.0", None], [SEED]])
    assert licit.credit_many(texts) == [
        licit.credit("CC BY 4.0"),
        None,
        licit.credit(SEED),
    ]
    data = pa.array([(IMAGES / "xmp.jpg").read_bytes()], type=pa.binary())
    assert licit.check_bytes_many(data)[0]["credit"]["license"]["key"] == "by-nc-nd/2.0"


def test_check_bytes_is_check_path_of_the_same_file():
    for path in FIXTURES:
        if path.with_suffix(".xmp").exists():
            continue  # a sidecar is read only beside a file
        try:
            (from_file,) = licit.check_path(str(path), use="commercial")
        except licit.InputError as e:
            # Unreadable as a file, unreadable in memory, with the same message.
            with pytest.raises(licit.InputError) as again:
                licit.check_bytes(path.read_bytes(), use="commercial", name=str(path))
            assert (str(again.value), again.value.kind) == (str(e), e.kind)
            continue
        in_memory = licit.check_bytes(path.read_bytes(), use="commercial", name=str(path))
        validate("item", in_memory)
        # The file reader counts the windows it read; the in-memory one the bytes it looked at.
        in_memory.pop("bytes_read", None)
        from_file.pop("bytes_read", None)
        assert in_memory == from_file, path


def test_check_bytes_many_reports_errors_in_items():
    good = (IMAGES / "xmp.jpg").read_bytes()
    items = licit.check_bytes_many(
        [("a.jpg", good), b"not an image", None, ("b.jpg", bytearray(good))], use="print"
    )
    assert [i and i["target"] for i in items] == ["a.jpg", "<bytes>", None, "b.jpg"]
    assert items[1]["errors"][0]["kind"] == "not-an-image"
    assert items[1]["assessment"] is None
    for i in (items[0], items[1], items[3]):
        validate("item", i)
    assert items[0]["assessment"] == items[3]["assessment"]


def test_check_path_reads_a_directory_and_a_sidecar():
    items = licit.check_path(str(ROOT / "tests" / "fixtures" / "site"))
    assert len(items) > 1
    for i in items:
        validate("item", i)
    (side,) = licit.check_path(IMAGES / "with-sidecar.jpg", timeout=5, run_timeout=10)
    assert any(e.get("location", "").endswith(".xmp") for e in side["evidence"])


def test_errors_are_licit_errors_with_the_cli_messages(cli):
    with pytest.raises(licit.UseError) as e:
        licit.credit(SEED, use="comercial")
    assert isinstance(e.value, ValueError) and isinstance(e.value, licit.LicitError)
    _, code, stderr = cli("credit", "--use", "comercial", SEED)
    assert code == 2
    assert stderr.strip() == f"licit: {e.value}"
    with pytest.raises(licit.UseError, match="--share-as"):
        licit.credit(SEED, use="adapt", share_as="by-sa/9.9")


def test_unreadable_single_images_raise_input_error(tmp_path):
    with pytest.raises(licit.InputError) as e:
        licit.check_path(str(tmp_path / "missing.jpg"))
    assert e.value.kind == "not-found" and "missing.jpg" in str(e.value)
    with pytest.raises(licit.InputError) as e:
        licit.check_bytes(b"hello", name="greeting.jpg")
    assert e.value.kind == "not-an-image" and "greeting.jpg" in str(e.value)
    with pytest.raises(licit.InputError) as e:
        licit.check_path(str(tmp_path))  # an empty directory
    assert e.value.kind == "nothing-to-check"


def test_results_are_what_the_cli_prints(cli):
    lines, _, _ = cli("credit", "--format", "jsonl", "--use", "commercial", "-",
                      stdin="\n".join(LINES).encode())
    assert lines == licit.credit_many(LINES, use="commercial")
    lines, _, _ = cli("license", "--format", "jsonl", "-", stdin="\n".join(LINES).encode())
    assert lines == licit.license_many(LINES)
    path = str(IMAGES / "xmp.jpg")
    lines, _, _ = cli("check", "--format", "jsonl", "--use", "commercial", path)
    assert lines == licit.check_path(path, use="commercial")


def test_batches_release_the_gil():
    # While one thread runs a large batch in Rust, another thread keeps running Python code.
    texts = LINES * 4000
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            done.wait(0.001)

    t = threading.Thread(target=tick)
    t.start()
    before = len(ticks)
    licit.credit_many(texts)
    during = len(ticks) - before
    done.set()
    t.join()
    assert during > 0


def test_version():
    assert licit.__version__ == "0.1.0"
    assert json.dumps(licit.license("CC BY 4.0"))  # plain data all the way down


def test_audit_columns_of_records():
    from licit import audit

    good = (IMAGES / "xmp.jpg").read_bytes()
    cols = audit.audit(
        [SEED, None, "https://creativecommons.org/licenses/by-sa/4.0/", None],
        [None, good, None, b"junk"],
        ["r0", "a.jpg", "r2", "b.jpg"],
        use="commercial",
    )
    assert cols["license_key"] == ["by-nc-nd/2.0", "by-nc-nd/2.0", "by-sa/4.0", None]
    assert cols["verdict"] == ["not-allowed", "not-allowed", "allowed-with-obligations", None]
    assert cols["rights"][:3] == ["cc", "cc", "cc"]
    assert cols["error"][3].startswith("b.jpg: not an image")
    assert cols["error"][:3] == [None, None, None]
    assert "CommercialUse" in cols["reasons"][0]
    assert cols["credit_text"][0] == licit.credit(SEED, use="commercial")["assessment"][
        "attribution"]["suggested"]


def test_audit_batch_appends_columns():
    pa = pytest.importorskip("pyarrow")
    from licit import audit

    batch = pa.RecordBatch.from_pydict({"id": [1, 2], "text": ["CC BY 4.0", None]})
    out = audit.audit_batch(batch)
    assert out.schema.names == ["id", "text", *audit.COLUMNS]
    assert out.column("license_key").to_pylist() == ["by/4.0", None]
