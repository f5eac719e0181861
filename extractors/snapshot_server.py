"""A loopback HTTP server that replays a snapshot directory in the live endpoints' formats.

`--offline` runs the same extractor code against it, and the tests inject faults through it
(429 with Retry-After, 5xx bursts, stalls, connection resets, truncated or malformed bodies).
It behaves like the real hosts where that matters to the client: strong ETags and 304s, the
SEC's 403 for an undeclared User-Agent, and an optional per-prefix request-rate ceiling.

Routing: `<snapshot>/routes.json` maps a path (or `path_regex`) plus query parameters to a file.
A route may `emulate` an endpoint whose answer depends on the query (a mempool period, a
blockchain.com `start`/`timespan`, Coin Metrics' time range and paging): the file then holds
the full history and the server slices it the way the live API does, relative to the
snapshot's `as_of` time. Any other path is served from the file at the same relative path
(`/sec-www/Archives/...` -> `<snapshot>/sec-www/Archives/...`), never outside the folder.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

CONTENT_TYPES = {
    ".json": "application/json",
    ".htm": "text/html; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".xml": "application/xml",
}
#: Fixed Last-Modified for snapshot files, so validators are stable across checkouts.
SNAPSHOT_LAST_MODIFIED = formatdate(1767225600, usegmt=True)  # 2026-01-01


@dataclass
class Fault:
    """One injected misbehaviour for requests whose path matches `path_regex`.

    kind: "status" (answer `status`, with `retry_after` if set), "stall" (sleep `seconds`
    before answering), "reset" (close the socket), "truncate" (declare the full length, send
    half), "malformed" (replace the body with `body`). `times` counts down; -1 is forever.
    """

    path_regex: str
    kind: str
    status: int = 500
    retry_after: str | None = None
    seconds: float = 0.0
    body: bytes = b"{not json"
    times: int = 1
    hits: int = 0

    def matches(self, path: str) -> bool:
        return self.times != 0 and re.search(self.path_regex, path) is not None


@dataclass
class RateCeiling:
    """At most `rate_per_s` requests per second to paths starting with `prefix` (sliding 1 s)."""

    prefix: str
    rate_per_s: float
    answer: str = "429"  # or "sec403": the SEC's 403 "Request Rate Threshold Exceeded"
    stamps: list = field(default_factory=list)
    refused: int = 0


class SnapshotServer:
    """Serve `root` on 127.0.0.1; use as a context manager; `.url` is the base URL."""

    def __init__(self, root: Path, *, port: int = 0, faults: list[Fault] | None = None,
                 ceilings: list[RateCeiling] | None = None):
        self.root = Path(root).resolve()
        self.faults: list[Fault] = list(faults or [])
        self.ceilings: list[RateCeiling] = list(ceilings or [])
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._routes = self._load_routes()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "SnapshotServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="snapshot-server", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def add_fault(self, fault: Fault) -> Fault:
        with self._lock:
            self.faults.append(fault)
        return fault

    def request_count(self, path_regex: str = "") -> int:
        with self._lock:
            return sum(1 for r in self.requests if re.search(path_regex, r["path"]))

    # --- routing ----------------------------------------------------------------------------
    def _load_routes(self) -> list[dict]:
        manifest = self.root / "routes.json"
        if not manifest.exists():
            return []
        return json.loads(manifest.read_text(encoding="utf-8"))["routes"]

    def _safe_file(self, rel: str) -> Path | None:
        candidate = (self.root / unquote(rel)).resolve()
        if self.root not in candidate.parents or not candidate.is_file():
            return None
        return candidate

    def route_for(self, path: str, query: dict[str, str]) -> tuple[dict | None, re.Match | None]:
        """The most specific route for `path?query`, with its regex match (if any)."""
        best, best_match, best_score = None, None, -1
        for route in self._routes:
            match = None
            if "path_regex" in route:
                match = re.fullmatch(route["path_regex"], path)
                if match is None:
                    continue
            elif route.get("path") != path:
                continue
            want = route.get("query", {})
            if not all(query.get(k) == v for k, v in want.items()):
                continue
            if any(k in query for k in route.get("query_absent", [])):
                continue
            if len(want) > best_score:
                best, best_match, best_score = route, match, len(want)
        return best, best_match

    def resolve(self, path: str, query: dict[str, str]) -> Path | None:
        """The file answering `path?query`, or None (routes first, then the same relative path)."""
        route, _ = self.route_for(path, query)
        return self._safe_file(route["file"] if route else path.lstrip("/"))

    def body_for(self, path: str, query: dict[str, str], base_url: str) -> bytes | None:
        route, match = self.route_for(path, query)
        target = self._safe_file(route["file"] if route else path.lstrip("/"))
        if target is None:
            return None
        if route and route.get("emulate"):
            return emulate(route, match, query, target, self._as_of(), base_url + path)
        return target.read_bytes()

    def _as_of(self) -> datetime:
        manifest = self.root / "routes.json"
        as_of = json.loads(manifest.read_text(encoding="utf-8")).get("as_of") if manifest.exists() else None
        if not as_of:
            return datetime.now(timezone.utc)
        return datetime.fromisoformat(as_of.replace("Z", "+00:00"))

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.matches(path):
                    if fault.times > 0:
                        fault.times -= 1
                    fault.hits += 1
                    return fault
        return None

    def _over_ceiling(self, path: str) -> RateCeiling | None:
        now = time.monotonic()
        with self._lock:
            for ceiling in self.ceilings:
                if not path.startswith(ceiling.prefix):
                    continue
                ceiling.stamps = [t for t in ceiling.stamps if now - t < 1.0]
                if len(ceiling.stamps) >= ceiling.rate_per_s:
                    ceiling.refused += 1
                    return ceiling
                ceiling.stamps.append(now)
        return None

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes; without TCP_NODELAY, Nagle plus the
            # client's delayed ACK stalls every keep-alive response by ~40 ms.
            disable_nagle_algorithm = True

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):  # noqa: N802 (http.server naming)
                parts = urlsplit(self.path)
                path, query = parts.path, dict(parse_qsl(parts.query, keep_blank_values=True))
                with server._lock:
                    server.requests.append({"path": path, "query": query, "headers": dict(self.headers),
                                            "at": time.time()})
                ceiling = server._over_ceiling(path)
                if ceiling is not None:
                    if ceiling.answer == "sec403":
                        return self._send(403, b"<html><body>Request Rate Threshold Exceeded</body></html>",
                                          "text/html")
                    return self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": "1"})
                if path.startswith("/sec-") and not _declared_agent(self.headers.get("User-Agent", "")):
                    return self._send(403, b"<html><body>Your Request Originates from an Undeclared "
                                           b"Automated Tool</body></html>", "text/html")
                fault = server._take_fault(path)
                if fault is not None and fault.kind == "stall":
                    time.sleep(fault.seconds)
                if fault is not None and fault.kind == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault is not None and fault.kind == "status":
                    extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                    return self._send(fault.status, b"<html>injected failure</html>", "text/html", extra)
                target = server.resolve(path, query)
                body = server.body_for(path, query, server.url) if target is not None else None
                if body is None:
                    return self._send(404, b'{"error":"not found"}', "application/json")
                etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
                ctype = CONTENT_TYPES.get(target.suffix.lower(), "application/octet-stream")
                if fault is not None and fault.kind == "malformed":
                    body = fault.body
                if fault is None and self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", None, {"ETag": etag, "Last-Modified": SNAPSHOT_LAST_MODIFIED})
                headers = {"ETag": etag, "Last-Modified": SNAPSHOT_LAST_MODIFIED}
                if fault is not None and fault.kind == "truncate":
                    return self._send(200, body, ctype, headers, truncate=True)
                return self._send(200, body, ctype, headers)

            def _send(self, status, body, ctype, headers=None, truncate=False):
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                if truncate:
                    self.send_header("Connection", "close")
                self.end_headers()
                if status != 304:
                    self.wfile.write(body[: len(body) // 2] if truncate else body)
                if truncate:
                    self.close_connection = True

        return Handler


# --- emulated query semantics of the live APIs --------------------------------------------------
#: mempool's period codes (backend Common.getSqlInterval); anything else means all history.
MEMPOOL_PERIOD_DAYS = {"24h": 1, "3d": 3, "1w": 7, "1m": 30, "3m": 90, "6m": 180, "1y": 365,
                       "2y": 730, "3y": 1095, "4y": 1460}
_SPAN_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}


def emulate(route: dict, match: re.Match | None, query: dict, target: Path, as_of: datetime,
            self_url: str) -> bytes:
    """Slice the full-history file the way the live endpoint would answer this query."""
    doc = json.loads(target.read_bytes())
    kind = route["emulate"]
    if kind == "mempool_period":
        period = match.group("period") if match and "period" in match.groupdict() else None
        days = MEMPOOL_PERIOD_DAYS.get(period or "")
        cutoff = (as_of - timedelta(days=days)).timestamp() if days else float("-inf")
        shape = route.get("shape")
        if shape == "hashrate":
            doc = {**doc,
                   "hashrates": [r for r in doc["hashrates"] if r["timestamp"] >= cutoff],
                   "difficulty": [r for r in doc["difficulty"] if r["time"] >= cutoff]}
        elif shape == "rows_time0":
            doc = [r for r in doc if r[0] >= cutoff]
        else:
            doc = [r for r in doc if r["timestamp"] >= cutoff]
    elif kind == "blockchain_chart":
        start = _parse_day(query.get("start"))
        span = _span_days(query.get("timespan", "1year"))
        if start is None:
            start = (as_of - timedelta(days=span)).date() if span else date(2009, 1, 1)
        lo = datetime.combine(start, datetime.min.time(), timezone.utc).timestamp()
        hi = lo + span * 86400 if span else float("inf")
        doc = {**doc, "values": [v for v in doc["values"] if lo <= v["x"] < hi]}
    elif kind == "coinmetrics_timeseries":
        rows = doc["data"]
        lo, hi = query.get("start_time"), query.get("end_time")
        if lo:
            rows = [r for r in rows if r["time"][:10] >= lo[:10]]
        if hi:
            rows = [r for r in rows if r["time"][:10] <= hi[:10]]
        wanted = [m for m in query.get("metrics", "").split(",") if m]
        if wanted:
            rows = [{k: v for k, v in r.items() if k in ("asset", "time") or k in wanted} for r in rows]
        size = min(int(query.get("page_size", "100")), 10000)
        offset = int(base64.urlsafe_b64decode(query["next_page_token"]).decode()) if query.get("next_page_token") else 0
        page = rows[offset:offset + size]
        doc = {"data": page}
        if offset + size < len(rows):
            token = base64.urlsafe_b64encode(str(offset + size).encode()).decode()
            doc["next_page_token"] = token
            doc["next_page_url"] = f"{self_url}?{urlencode({**query, 'next_page_token': token})}"
    else:
        raise ValueError(f"unknown emulation {kind!r}")
    return json.dumps(doc, separators=(",", ":")).encode()


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _span_days(text: str) -> int | None:
    """blockchain.com timespan (`all`, `30days`, `1year`, ...) in days; None for all."""
    if text == "all":
        return None
    m = re.fullmatch(r"(\d+)\s*([a-z]+)", text.strip().lower())
    if not m or m.group(2) not in _SPAN_UNITS:
        return 365
    return int(m.group(1)) * _SPAN_UNITS[m.group(2)]


def _declared_agent(agent: str) -> bool:
    """The SEC wants a name and an e-mail address, not a library default."""
    return "@" in agent and not agent.lower().startswith(("python-requests", "curl/"))


def serve_forever(root: Path, port: int) -> None:  # pragma: no cover - manual use
    with SnapshotServer(root, port=port) as srv:
        print(f"serving {root} at {srv.url}")
        while True:
            time.sleep(3600)
