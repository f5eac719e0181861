"""The miner registry (`registry/miners.csv`): who we track, their CIK, filer type and reporting cadence.

Adding a miner is one line in the CSV. CIKs must come from SEC's `company_tickers.json`
(`tools/check_registry.py` verifies them): public code often carries wrong ones.
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from extractors.settings import REPO_ROOT

DEFAULT_REGISTRY = REPO_ROOT / "registry" / "miners.csv"
COLUMNS = ("ticker", "cik", "name", "filer_type", "fiscal_year_end", "cadence", "notes")

Cadence = Literal["monthly", "quarterly"]
_SEGMENT = re.compile(r"^(monthly|quarterly):(\d{4}-\d{2})?\.\.(\d{4}-\d{2})?$")


@dataclass(frozen=True)
class CadenceSegment:
    """One stretch of a miner's reporting cadence; `start`/`end` are (year, month), None = open."""

    kind: Cadence
    start: tuple[int, int] | None
    end: tuple[int, int] | None

    def covers(self, year: int, month: int) -> bool:
        ym = (year, month)
        return (self.start is None or self.start <= ym) and (self.end is None or ym <= self.end)


def _ym(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    year, month = int(text[:4]), int(text[5:7])
    if not 1 <= month <= 12:
        raise ValueError(f"bad month in {text!r}")
    return year, month


def _next_month(ym: tuple[int, int]) -> tuple[int, int]:
    return (ym[0] + 1, 1) if ym[1] == 12 else (ym[0], ym[1] + 1)


def parse_cadence(text: str) -> tuple[CadenceSegment, ...]:
    """Parse `monthly:..2025-12;quarterly:2026-01..` into contiguous, ordered segments.

    Each segment is `kind:START..END` (YYYY-MM, inclusive); only the first may have an open start
    and only the last an open end, and each segment must start the month after the previous ended,
    so every month from the first to the last is covered exactly once.
    """
    parts = [p.strip() for p in text.split(";") if p.strip()]
    if not parts:
        raise ValueError("cadence is empty")
    segments = []
    for part in parts:
        m = _SEGMENT.match(part)
        if m is None:
            raise ValueError(f"cadence segment {part!r} is not 'monthly|quarterly:YYYY-MM..YYYY-MM'")
        seg = CadenceSegment(m.group(1), _ym(m.group(2)), _ym(m.group(3)))  # type: ignore[arg-type]
        if seg.start and seg.end and seg.end < seg.start:
            raise ValueError(f"cadence segment {part!r} ends before it starts")
        segments.append(seg)
    for i, (prev, cur) in enumerate(zip(segments, segments[1:]), start=1):
        if prev.end is None or cur.start is None:
            raise ValueError(f"cadence segment {i + 1} overlaps an open-ended neighbour: {text!r}")
        if cur.start != _next_month(prev.end):
            raise ValueError(f"cadence segments {i} and {i + 1} leave a gap or overlap: {text!r}")
    return tuple(segments)


class Miner(BaseModel):
    """One registered miner. `cik` is the integer CIK; `cik10` its 10-digit zero-padded form."""

    model_config = ConfigDict(frozen=True)

    ticker: str
    cik: int
    name: str
    filer_type: Literal["8-K", "6-K"]
    fiscal_year_end: str  # MMDD, as SEC writes it ("1231", "0930")
    cadence: str
    notes: str = ""

    @field_validator("ticker")
    @classmethod
    def _ticker(cls, v: str) -> str:
        v = v.strip().upper()
        if not re.fullmatch(r"[A-Z][A-Z0-9.\-]{0,9}", v):
            raise ValueError(f"bad ticker {v!r}")
        return v

    @field_validator("cik", mode="before")
    @classmethod
    def _cik(cls, v):
        text = str(v).strip()
        if not text.isdigit() or len(text) > 10 or int(text) == 0:
            raise ValueError(f"CIK must be up to 10 digits, got {v!r}")
        return int(text)

    @field_validator("fiscal_year_end")
    @classmethod
    def _fye(cls, v: str) -> str:
        v = v.strip()
        if not re.fullmatch(r"(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", v):
            raise ValueError(f"fiscal_year_end must be MMDD, got {v!r}")
        return v

    @model_validator(mode="after")
    def _cadence_parses(self) -> "Miner":
        parse_cadence(self.cadence)
        return self

    @property
    def cik10(self) -> str:
        return f"{self.cik:010d}"

    @property
    def cadence_segments(self) -> tuple[CadenceSegment, ...]:
        return parse_cadence(self.cadence)


def cadence_on(miner: Miner, day: date) -> Cadence:
    """The cadence (monthly or quarterly) the miner reported on for the month containing `day`."""
    for seg in miner.cadence_segments:
        if seg.covers(day.year, day.month):
            return seg.kind
    raise ValueError(f"{miner.ticker} has no reporting cadence registered for {day:%Y-%m}")


def configured_registry() -> Path:
    """`MINERWATCH_REGISTRY` (or .env) when set, else registry/miners.csv."""
    from extractors.settings import load_settings

    configured = load_settings().registry
    return DEFAULT_REGISTRY if configured == DEFAULT_REGISTRY else Path(configured)


def load_registry(path: Path | str | None = None) -> list[Miner]:
    """Read the registry CSV; a bad line raises ValueError naming the line and the reason.

    The parsed file is reused while its path, size and modification time are unchanged: flows look a
    miner up per document, and validating the CSV each time cost ~30 ms per call."""
    path = Path(path) if path is not None else configured_registry()
    stat = path.stat()
    return list(_parsed_registry(str(path), stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=16)
def _parsed_registry(path_text: str, mtime_ns: int, size: int) -> tuple[Miner, ...]:
    return tuple(_read_registry(Path(path_text)))


def _read_registry(path: Path) -> list[Miner]:
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing columns {missing}")
        miners: list[Miner] = []
        seen_tickers: dict[str, int] = {}
        seen_ciks: dict[int, int] = {}
        for line_no, row in enumerate(reader, start=2):
            try:
                miner = Miner(**{c: (row.get(c) or "").strip() for c in COLUMNS})
            except ValidationError as exc:
                reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'row'}: {e['msg']}" for e in exc.errors())
                raise ValueError(f"{path}:{line_no}: {reasons}") from None
            if miner.ticker in seen_tickers:
                raise ValueError(f"{path}:{line_no}: ticker {miner.ticker} repeats line {seen_tickers[miner.ticker]}")
            if miner.cik in seen_ciks:
                raise ValueError(f"{path}:{line_no}: CIK {miner.cik10} repeats line {seen_ciks[miner.cik]}")
            seen_tickers[miner.ticker] = line_no
            seen_ciks[miner.cik] = line_no
            miners.append(miner)
    return miners


def miner_by_ticker(ticker: str, miners: list[Miner] | None = None) -> Miner:
    """The registered miner with this ticker, or a KeyError that names the known tickers."""
    miners = load_registry() if miners is None else miners
    for miner in miners:
        if miner.ticker == ticker.upper():
            return miner
    raise KeyError(f"{ticker!r} is not in the registry (known: {', '.join(m.ticker for m in miners)})")
