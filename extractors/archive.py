"""Content-addressed archive of every response body, so re-parsing never needs a re-download.

Bodies live at `<root>/objects/<sha256[:2]>/<sha256>`; the path comes from the hash alone, never
from anything inside a fetched document. `<root>/manifest.jsonl` logs each fetch (URL, status,
content type, validators, fetched_at) and `<root>/loads.jsonl` each window a run loaded from which
documents. Both are append-only, so a crash mid-write costs at most the last, unterminated line,
which readers skip. Together they let `minerwatch rebuild` recreate the warehouse with no network.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class ArchiveEntry:
    """One fetch of one URL, as logged in the manifest."""

    document_hash: str
    url: str
    source: str
    endpoint: str
    status: int
    content_type: str | None
    fetched_at: str  # ISO-8601 UTC
    size_bytes: int
    etag: str | None = None
    last_modified: str | None = None
    event: str = "fetched"  # "fetched" (body downloaded) or "revalidated" (304 Not Modified)


def sha256_hex(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class Archive:
    """Write-once object store plus its manifest; safe to share between threads, and between processes
    writing into one folder (objects land by atomic rename, manifest lines under a file lock)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.objects = self.root / "objects"
        self.manifest_path = self.root / "manifest.jsonl"
        self.loads_path = self.root / "loads.jsonl"
        self._lock = threading.Lock()
        self._latest_by_url: dict[str, ArchiveEntry] | None = None

    # --- objects ----------------------------------------------------------------------------
    def object_path(self, document_hash: str) -> Path:
        if len(document_hash) != 64 or any(c not in "0123456789abcdef" for c in document_hash):
            raise ValueError(f"not a sha256 hex digest: {document_hash!r}")
        return self.objects / document_hash[:2] / document_hash

    def put(self, body: bytes) -> str:
        """Store `body` once (atomic rename) and return its hash."""
        digest = sha256_hex(body)
        path = self.object_path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{digest}.{os.getpid()}.{threading.get_ident()}.tmp")
            with open(tmp, "wb") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        return digest

    def get(self, document_hash: str) -> bytes:
        body = self.object_path(document_hash).read_bytes()
        if sha256_hex(body) != document_hash:
            raise IOError(f"archive object {document_hash} is corrupt (hash mismatch)")
        return body

    def has(self, document_hash: str) -> bool:
        return self.object_path(document_hash).exists()

    # --- manifest ---------------------------------------------------------------------------
    def record(self, entry: ArchiveEntry) -> None:
        line = json.dumps(asdict(entry), sort_keys=True) + "\n"
        with self._lock:
            _append_line(self.root, self.manifest_path, line)
            if self._latest_by_url is not None and 200 <= entry.status < 300:
                self._latest_by_url[entry.url] = entry

    def entries(self) -> list[ArchiveEntry]:
        """Every manifest entry in write order; a torn last line (crash mid-append) is skipped."""
        out: list[ArchiveEntry] = []
        for record in _read_jsonl(self.manifest_path):
            try:
                out.append(ArchiveEntry(**record))
            except TypeError:
                continue
        return out

    def journal_load(self, record: dict) -> None:
        """Log that a window is about to be loaded from these documents. Written *before* the
        load commits: a crash in between leaves an extra line, and replaying an extra load of the
        same documents is harmless, whereas a missing line would lose the window on rebuild."""
        line = json.dumps(record, sort_keys=True, default=str) + "\n"
        with self._lock:
            _append_line(self.root, self.loads_path, line)

    def loads(self) -> list[dict]:
        """Every journaled load, in the order it happened."""
        return _read_jsonl(self.loads_path)

    def latest(self, url: str) -> ArchiveEntry | None:
        """The last successful fetch of exactly this URL whose body is still in the archive."""
        with self._lock:
            if self._latest_by_url is None:
                index: dict[str, ArchiveEntry] = {}
                for entry in self.entries():
                    if 200 <= entry.status < 300:
                        index[entry.url] = entry
                self._latest_by_url = index
            entry = self._latest_by_url.get(url)
        if entry is not None and not self.has(entry.document_hash):
            return None
        return entry


def _append_line(root: Path, path: Path, line: str) -> None:
    """Append one whole line, durably. Threads of one process serialise on the Archive's lock; an
    exclusive flock on the file serialises processes too (Dask workers archiving into one folder),
    and the line goes out in a single write, so lines from several writers never interleave."""
    root.mkdir(parents=True, exist_ok=True)
    data = line.encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
            os.fsync(fd)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
    return out
