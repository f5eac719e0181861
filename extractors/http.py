"""The one HTTP client every extractor uses: identity, politeness, retries, validators, archive.

Decides *retriable* (429, 5xx, resets, timeouts, truncated bodies) versus *fatal* (other 4xx,
undeclared SEC identity) in one place, honours `Retry-After`, rate-limits per source (SEC's two
hosts share one budget), sends conditional GETs with the validators of the last archived copy,
and archives every body it returns by content hash.
"""
from __future__ import annotations

import email.utils
import json
import logging
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlencode

import requests

from extractors.archive import Archive, ArchiveEntry
from extractors.settings import OFFLINE_URL_PREFIX, Settings

log = logging.getLogger("minerwatch.http")

DEFAULT_USER_AGENT = "minerwatch/0.1 (+https://github.com/minerwatch/minerwatch; open data pipeline)"
RETRIABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


class HttpError(Exception):
    """Base for HTTP failures; carries the URL and the status (None for transport errors)."""

    def __init__(self, message: str, url: str, status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status


class FatalHTTPError(HttpError):
    """Retrying cannot help (404, 400, undeclared identity...)."""


class RetriesExhausted(HttpError):
    """A transient failure (429, 5xx, reset, timeout, truncation) persisted past the attempt budget."""


@dataclass(frozen=True)
class Response:
    """A response body as archived, plus how it was obtained."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    document_hash: str
    fetched_at: str
    not_modified: bool = False
    attempts: int = 1
    entry: ArchiveEntry | None = None  # the manifest line this fetch wrote

    def json(self):
        return json.loads(self.body)

    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class RateLimiter:
    """Spaces requests of one group at least 1/rate seconds apart, across threads."""

    def __init__(self, rate_per_s: float, clock=time.monotonic, sleep=time.sleep):
        self.interval = 1.0 / rate_per_s if rate_per_s > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def acquire(self) -> None:
        with self._lock:
            now = self._clock()
            slot = max(now, self._next)
            self._next = slot + self.interval
        if slot > now:
            self._sleep(slot - now)


@dataclass
class SourcePolicy:
    user_agent: str
    limiter: RateLimiter


def full_url(url: str, params: dict | None) -> str:
    """The exact URL requested, with params in a stable order (it is the archive's key)."""
    if not params:
        return url
    clean = {k: v for k, v in params.items() if v is not None}
    return f"{url}{'&' if '?' in url else '?'}{urlencode(sorted(clean.items()), safe=',:')}"


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


@dataclass
class HttpStats:
    requests: Counter = field(default_factory=Counter)
    retries: Counter = field(default_factory=Counter)
    not_modified: Counter = field(default_factory=Counter)
    bytes: Counter = field(default_factory=Counter)


class HttpClient:
    """Shared by all extractors of a run. Thread-safe: one `requests.Session` per thread."""

    def __init__(self, settings: Settings, archive: Archive, *, sleep=time.sleep):
        self.settings = settings
        self.archive = archive
        self._sleep = sleep
        self._local = threading.local()
        self.stats = HttpStats()
        self._stats_lock = threading.Lock()
        self._policies: dict[str, SourcePolicy] = {}
        self._policy_lock = threading.Lock()

    # --- per-source identity and rate -----------------------------------------------------
    def policy(self, source: str) -> SourcePolicy:
        with self._policy_lock:
            if source not in self._policies:
                s = self.settings
                if source == "sec":
                    ua, rate = s.sec_user_agent(), s.sec_rate_per_s
                else:
                    rate = {
                        "mempool": s.mempool_rate_per_s,
                        "blockchain_com": s.blockchain_rate_per_s,
                        "coinmetrics": s.coinmetrics_rate_per_s,
                    }.get(source, 1.0)
                    ua = DEFAULT_USER_AGENT
                self._policies[source] = SourcePolicy(ua, RateLimiter(rate, sleep=self._sleep))
            return self._policies[source]

    def _session(self) -> requests.Session:
        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["Accept-Encoding"] = "gzip, deflate"
            self._local.session = session
        return session

    def _count(self, counter: str, source: str, n: int = 1) -> None:
        with self._stats_lock:
            getattr(self.stats, counter)[source] += n

    # --- the one GET ------------------------------------------------------------------------
    def get(
        self,
        source: str,
        url: str,
        params: dict | None = None,
        *,
        endpoint: str = "",
        conditional: bool = True,
        accept: str | None = None,
    ) -> Response:
        """GET with retries; archive the body; on 304 return the archived copy."""
        policy = self.policy(source)
        target = full_url(url, params)
        key = self.archive_url(target)
        previous = self.archive.latest(key) if conditional else None
        headers = {"User-Agent": policy.user_agent}
        if accept:
            headers["Accept"] = accept
        if previous is not None:
            if previous.etag:
                headers["If-None-Match"] = previous.etag
            if previous.last_modified:
                headers["If-Modified-Since"] = previous.last_modified

        attempts = self.settings.max_attempts
        last_error: Exception | None = None
        for attempt in range(1, attempts + 1):
            policy.limiter.acquire()
            self._count("requests", source)
            wait: float | None = None
            try:
                resp = self._session().get(
                    target,
                    headers=headers,
                    timeout=(self.settings.connect_timeout_s, self.settings.read_timeout_s),
                )
                body = resp.content  # raises on a body shorter than its Content-Length
                self._check_length(resp, body, target)
            except (requests.Timeout, requests.ConnectionError, requests.exceptions.ChunkedEncodingError,
                    requests.exceptions.ContentDecodingError, TruncatedBody) as exc:
                last_error = exc
                log.warning("%s %s: %s (attempt %d/%d)", source, target, type(exc).__name__, attempt, attempts)
            else:
                status = resp.status_code
                if status == 304 and previous is not None:
                    self._count("not_modified", source)
                    cached = self.archive.get(previous.document_hash)
                    entry = self._entry(previous.document_hash, key, source, endpoint, 304, resp,
                                        len(cached), "revalidated")
                    self.archive.record(entry)
                    return Response(key, 304, cached, previous.content_type, previous.document_hash,
                                    previous.fetched_at, True, attempt, entry)
                if 200 <= status < 300:
                    digest = self.archive.put(body)
                    entry = self._entry(digest, key, source, endpoint, status, resp, len(body), "fetched")
                    self.archive.record(entry)
                    self._count("bytes", source, len(body))
                    return Response(key, status, body, entry.content_type, digest, entry.fetched_at, False,
                                    attempt, entry)
                if self._is_retriable(status, body):
                    last_error = HttpError(f"HTTP {status}", target, status)
                    wait = parse_retry_after(resp.headers.get("Retry-After"))
                    log.warning("%s %s: HTTP %s (attempt %d/%d)", source, target, status, attempt, attempts)
                else:
                    raise FatalHTTPError(self._fatal_message(status, body, target), target, status)
            if attempt < attempts:
                self._count("retries", source)
                self._sleep(self._backoff(attempt, wait))
        status = getattr(last_error, "status", None)
        raise RetriesExhausted(
            f"gave up on {target} after {attempts} attempts: {_describe(last_error)}", target, status
        ) from last_error

    # --- helpers ----------------------------------------------------------------------------
    def archive_url(self, url: str) -> str:
        """The URL a document is archived under: the offline server's random port is replaced
        by a fixed prefix, so a document keeps one URL across runs."""
        base = self.settings.offline_base_url
        if base and url.startswith(base):
            return OFFLINE_URL_PREFIX + url[len(base):]
        return url

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.settings.retry_after_max_s)
        base = min(self.settings.backoff_max_s, self.settings.backoff_base_s * 2 ** (attempt - 1))
        return base * random.uniform(0.5, 1.0)

    @staticmethod
    def _is_retriable(status: int, body: bytes) -> bool:
        if status in RETRIABLE_STATUS:
            return True
        # SEC answers over-limit clients with 403 "Request Rate Threshold Exceeded".
        return status == 403 and b"Request Rate Threshold Exceeded" in body[:4096]

    @staticmethod
    def _fatal_message(status: int, body: bytes, url: str) -> str:
        if status == 403 and b"Undeclared Automated Tool" in body[:4096]:
            return f"HTTP 403 from {url}: the SEC rejected the User-Agent; set MINERWATCH_SEC_NAME/EMAIL"
        return f"HTTP {status} from {url}"

    @staticmethod
    def _check_length(resp: requests.Response, body: bytes, url: str) -> None:
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and not resp.headers.get("Content-Encoding"):
            if len(body) < int(declared):
                raise TruncatedBody(f"body truncated: {len(body)} of {declared} bytes", url)

    @staticmethod
    def _entry(digest, url, source, endpoint, status, resp, size, event) -> ArchiveEntry:
        return ArchiveEntry(
            document_hash=digest,
            url=url,
            source=source,
            endpoint=endpoint,
            status=status,
            content_type=resp.headers.get("Content-Type"),
            fetched_at=_now_iso(),
            size_bytes=size,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
            event=event,
        )


class TruncatedBody(HttpError, IOError):
    """The body ended before its declared length."""

    def __init__(self, message: str, url: str):
        super().__init__(message, url, None)


def _describe(exc: Exception | None) -> str:
    if exc is None:
        return "unknown error"
    if isinstance(exc, HttpError) and exc.status:
        return f"HTTP {exc.status}"
    return type(exc).__name__


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
