"""Filing agents: accession prefixes, document file names and index descriptions, per agent.

The accession prefix is the CIK of whoever submitted the filing (notes/formats.md section 5):
Workiva 0001558370 (`riot-20250121xex99d1.htm`), DFIN 0001193125 (`d836506dex991.htm`,
`clsk-ex99_1.htm`), Toppan Merrill 0001104659 (`tm2619468d1_ex99-1.htm`), EdgarAgents 0001213900
(`ea0268651ex99-1_bitfufu.htm`), M2 Compliance 0001493152 (`ex99-1.htm`), Broadridge 0001140361,
Newsfile 0001062993, or the filer's own CIK when it files itself. Sequence numbers are made up but
grow through the year at roughly each agent's real pace, so they look like the real thing.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from tools.sec_snapshot.spec import FilingSpec, stable_int


@dataclass(frozen=True)
class Naming:
    primary: str
    exhibit: str


@dataclass(frozen=True)
class Agent:
    key: str
    prefix: str | None            # None: the filer's own CIK
    per_day: int                  # accessions the agent files per day (sets the sequence range)
    markup: str                   # markup style (markup.py)
    names: Callable[[FilingSpec, str], Naming]
    exhibit_description: Callable[[FilingSpec], str]
    primary_description: Callable[[FilingSpec], str]


def _job(spec: FilingSpec, digits: int) -> int:
    """An agent job number that grows through the year, like the real ones, with a stable jitter."""
    day = spec.filed.timetuple().tm_yday
    per_day = 10 ** digits // 400
    jitter = stable_int(spec.ticker, spec.filed, spec.kind, spec.index, "job", modulo=per_day)
    return (day * per_day + jitter) % 10 ** digits


def _form_slug(spec: FilingSpec) -> str:
    return "6k" if spec.form.startswith("6-K") else "8k"


def _ymd(spec: FilingSpec) -> str:
    return (spec.report_date or spec.filed).strftime("%Y%m%d")


def _workiva(spec: FilingSpec, slug: str) -> Naming:
    return Naming(f"{slug}-{_ymd(spec)}x{_form_slug(spec)}.htm", f"{slug}-{_ymd(spec)}xex99d1.htm")


def _dfin_classic(spec: FilingSpec, slug: str) -> Naming:
    job = _job(spec, 6)
    return Naming(f"d{job:06d}d{_form_slug(spec)}.htm", f"d{job:06d}dex991.htm")


def _dfin_active(spec: FilingSpec, slug: str) -> Naming:
    return Naming(f"{slug}-{_ymd(spec)}.htm", f"{slug}-ex99_1.htm")


def _toppan(spec: FilingSpec, slug: str) -> Naming:
    job = _job(spec, 5)
    yy = spec.filed.strftime("%y")
    return Naming(f"tm{yy}{job:05d}d1_{_form_slug(spec)}.htm", f"tm{yy}{job:05d}d1_ex99-1.htm")


def _edgaragents(spec: FilingSpec, slug: str) -> Naming:
    job = 250000 + _job(spec, 5) if spec.filed.year == 2025 else 270000 + _job(spec, 4)
    kind = "6k" if spec.form.startswith("6-K") else "8k"
    return Naming(f"ea0{job}-{kind}_{slug}.htm", f"ea0{job}01ex99-1_{slug}.htm")


def _m2(spec: FilingSpec, slug: str) -> Naming:
    return Naming("form8-k.htm" if spec.form.startswith("8-K") else "form6-k.htm", "ex99-1.htm")


def _broadridge(spec: FilingSpec, slug: str) -> Naming:
    job = _job(spec, 4)
    return Naming(f"ef2005{job:04d}_{_form_slug(spec)}.htm", f"ef2005{job:04d}_ex99-1.htm")


def _newsfile(spec: FilingSpec, slug: str) -> Naming:
    return Naming("form6k.htm" if spec.form.startswith("6-K") else "form8k.htm", "exhibit99-1.htm")


def _desc_type(spec: FilingSpec) -> str:
    return "EX-99.1"


def _desc_press_release(spec: FilingSpec) -> str:
    return f"PRESS RELEASE DATED {spec.filed.strftime('%B').upper()} {spec.filed.day}, {spec.filed.year}"


def _desc_exhibit(spec: FilingSpec) -> str:
    return "EXHIBIT 99.1"


def _desc_form(spec: FilingSpec) -> str:
    return spec.form


def _desc_form_long(spec: FilingSpec) -> str:
    return "FORM 8-K" if spec.form.startswith("8-K") else "FORM 6-K"


def _desc_foreign(spec: FilingSpec) -> str:
    return "REPORT OF FOREIGN ISSUER" if spec.form.startswith("6-K") else "CURRENT REPORT"


AGENTS: dict[str, Agent] = {
    "workiva": Agent("workiva", "0001558370", 48, "workiva", _workiva, _desc_type, _desc_form),
    "workiva-self": Agent("workiva-self", None, 0, "workiva", _workiva, _desc_type, _desc_form),
    "dfin-classic": Agent("dfin-classic", "0001193125", 900, "dfin-classic", _dfin_classic, _desc_type, _desc_form),
    "dfin-active": Agent("dfin-active", "0001193125", 900, "dfin-active", _dfin_active, _desc_type, _desc_form),
    "toppan": Agent("toppan", "0001104659", 420, "toppan", _toppan, _desc_exhibit, _desc_form_long),
    "edgaragents": Agent("edgaragents", "0001213900", 360, "edgaragents", _edgaragents, _desc_press_release,
                         _desc_foreign),
    "m2": Agent("m2", "0001493152", 150, "m2", _m2, _desc_exhibit, _desc_form_long),
    "broadridge": Agent("broadridge", "0001140361", 180, "broadridge", _broadridge, _desc_type, _desc_form_long),
    "newsfile": Agent("newsfile", "0001062993", 75, "newsfile", _newsfile, _desc_exhibit, _desc_form),
}


def agent(key: str) -> Agent:
    if key not in AGENTS:
        raise ValueError(f"unknown filing agent {key!r}; known: {sorted(AGENTS)}")
    return AGENTS[key]


def derived_sequence(spec: FilingSpec, per_day: int) -> int:
    """A plausible 6-digit sequence for an agent's accession on `spec.filed` (grows through the year)."""
    day_of_year = spec.filed.timetuple().tm_yday
    return per_day * (day_of_year - 1) + 1 + stable_int(spec.ticker, spec.filed, spec.index, "seq", modulo=per_day)


def film_number(spec: FilingSpec) -> str:
    """Film numbers look like yy + 7 digits in 2025 (251537164) and yy + 6 in 2026 (26541154)."""
    yy = spec.filed.strftime("%y")
    digits = 7 if spec.filed.year <= 2025 else 6
    base = 10 ** (digits - 1)
    return f"{yy}{base + stable_int(spec.ticker, spec.filed, spec.index, 'film', modulo=9 * base)}"


def accepted_on(spec: FilingSpec) -> str:
    """`YYYYMMDDHHMMSS` as the SGML header writes ACCEPTANCE-DATETIME (US Eastern)."""
    return spec.filed.strftime("%Y%m%d") + spec.accepted.replace(":", "")


def first_business_day_after(d: date) -> date:
    from datetime import timedelta

    d = d + timedelta(days=1)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d
