"""The content-addressed archive and its append-only manifest."""
from __future__ import annotations

import pytest

from extractors.archive import Archive, ArchiveEntry, sha256_hex


def entry(digest: str, url: str = "http://h/x", status: int = 200) -> ArchiveEntry:
    return ArchiveEntry(document_hash=digest, url=url, source="s", endpoint="e", status=status,
                        content_type="application/json", fetched_at="2026-01-01T00:00:00Z", size_bytes=2,
                        etag='"abc"')


def test_put_is_write_once_and_named_by_hash(tmp_path):
    archive = Archive(tmp_path)
    digest = archive.put(b"{}")
    assert digest == sha256_hex(b"{}")
    assert archive.put(b"{}") == digest
    assert archive.object_path(digest).read_bytes() == b"{}"
    assert len(list((tmp_path / "objects").rglob("*"))) == 2  # one folder, one file


def test_object_path_only_accepts_hex_digests(tmp_path):
    archive = Archive(tmp_path)
    for bad in ("../../etc/passwd", "ab" * 31 + "/x", "Z" * 64):
        with pytest.raises(ValueError):
            archive.object_path(bad)


def test_corrupt_object_is_detected(tmp_path):
    archive = Archive(tmp_path)
    digest = archive.put(b"payload")
    archive.object_path(digest).write_bytes(b"tampered")
    with pytest.raises(IOError, match="corrupt"):
        archive.get(digest)


def test_torn_last_manifest_line_is_skipped(tmp_path):
    archive = Archive(tmp_path)
    digest = archive.put(b"{}")
    archive.record(entry(digest))
    with open(archive.manifest_path, "a") as fh:
        fh.write('{"document_hash": "half a line')  # a crash mid-append
    assert [e.document_hash for e in Archive(tmp_path).entries()] == [digest]


def test_latest_ignores_failures_and_missing_objects(tmp_path):
    archive = Archive(tmp_path)
    good = archive.put(b"1")
    archive.record(entry(good))
    archive.record(entry("f" * 64, status=500))
    assert archive.latest("http://h/x").document_hash == good
    archive.object_path(good).unlink()
    assert Archive(tmp_path).latest("http://h/x") is None


def _append_many(root: str, worker: int, n: int) -> None:
    archive = Archive(root)
    # long URLs: lines of ~9 KB, past a buffered writer's 8 KB, where unlocked appends could interleave
    for i in range(n):
        body = f"{worker}-{i}".encode()
        archive.record(entry(archive.put(body), url=f"http://h/{worker}/{i}?" + "q" * 9000))
        archive.journal_load({"worker": worker, "i": i, "pad": "p" * 9000})


def test_several_processes_append_whole_lines_to_one_archive(tmp_path):
    """Dask workers are processes sharing one archive folder: every manifest and journal line
    they append must come out whole, none lost."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(str(tmp_path), w, 60)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    archive = Archive(tmp_path)
    entries = archive.entries()
    assert len(entries) == 240 and len({e.url for e in entries}) == 240
    assert all(archive.get(e.document_hash) for e in entries)
    loads = archive.loads()
    assert sorted((r["worker"], r["i"]) for r in loads) == [(w, i) for w in range(4) for i in range(60)]
    assert len((tmp_path / "manifest.jsonl").read_text().splitlines()) == 240
