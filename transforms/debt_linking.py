"""Linking debt events of one instrument (proposed -> priced -> closed -> repurchased ...) into its current state.

Pure: a list of DebtEvent in, one InstrumentState per instrument out. An instrument is a ticker, an
instrument type, a maturity year and a coupon. A proposed offering carries no coupon yet, so events whose
terms are partly unknown link by ticker + type + maturity year + announcement proximity; events whose
terms are fully known link at any distance (a tap of the same series months later adds principal).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # the models module imports this one at its end
    from transforms.debt import DebtEvent

#: Proposed, priced and closed releases of one offering fall within days of each other (IREN priced
#: 2025-10-09 and settled 2025-10-14; Riot announced 2024-12-09, priced 12-10, closed 12-11).
PROXIMITY_DAYS = 21
NEW_ISSUE_RANK = {"proposed": 1, "upsized": 2, "priced": 3, "closed": 4}
RETIRE = ("repurchased", "exchanged", "converted", "redeemed", "repaid")
#: Events that change an instrument's terms and leave its principal alone.
AMEND = ("amended",)
TERM_FIELDS = (
    "coupon_pct", "maturity_date", "maturity_year", "conversion_rate_per_1000_usd", "conversion_price_usd",
    "conversion_premium_pct", "cap_price_usd", "secured",
)


class LinkedEvent(BaseModel):
    """One event as it counts toward the instrument's principal."""

    model_config = ConfigDict(frozen=True)

    announced_date: date | None
    event: str | None
    principal_usd: float | None
    option_principal_usd: float | None
    counted_usd: float | None = Field(description="what this event added to (+) or retired from (-) the principal")


class InstrumentState(BaseModel):
    """An instrument's current terms and outstanding principal, from every event linked to it."""

    instrument_id: str
    ticker: str | None
    instrument: str
    status: Literal["proposed", "priced", "closed", "retired", "retirements_only", "amendments_only"]
    coupon_pct: float | None = None
    maturity_date: date | None = None
    maturity_year: int | None = None
    conversion_rate_per_1000_usd: float | None = None
    conversion_price_usd: float | None = None
    conversion_premium_pct: float | None = None
    cap_price_usd: float | None = None
    secured: bool | None = None
    first_announced: date | None = None
    last_event_date: date | None = None
    issued_principal_usd: float | None = None
    retired_principal_usd: float = 0.0
    outstanding_principal_usd: float | None = None
    events: list[LinkedEvent] = Field(default_factory=list)
    null_reasons: dict[str, str] = Field(default_factory=dict)


@dataclass
class _Cluster:
    ticker: str | None
    instrument: str
    events: list[tuple[int, "DebtEvent"]] = field(default_factory=list)

    def known(self, name: str):
        for _, e in reversed(self.events):
            v = getattr(e, name)
            if v is not None:
                return v
        return None

    def last_new_issue_date(self) -> date | None:
        dates = [e.announced_date for _, e in self.events if e.event in NEW_ISSUE_RANK and e.announced_date]
        return max(dates) if dates else None


def _sort_key(item: tuple[int, "DebtEvent"]):
    i, e = item
    return (e.ticker or "", e.instrument, e.announced_date or date.max, i)


def _conflict(a, b) -> bool:
    if a is None or b is None:
        return False
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b)) > 1e-9
    return a != b


def _score(c: _Cluster, e: "DebtEvent") -> int | None:
    """How well `e` fits cluster `c`; None when it cannot belong to it."""
    c_year, c_coupon, c_date = c.known("maturity_year"), c.known("coupon_pct"), c.known("maturity_date")
    if e.event in AMEND:
        # an amendment may change the very maturity or rate instruments are told apart by: it links to the
        # issuer's only instrument of its kind, and starts one of its own when there are several
        return 0
    if _conflict(c_year, e.maturity_year) or _conflict(c_coupon, e.coupon_pct) or _conflict(c_date, e.maturity_date):
        return None
    year_match = c_year is not None and e.maturity_year is not None
    coupon_match = c_coupon is not None and e.coupon_pct is not None
    score = 2 * year_match + 2 * coupon_match
    fully_known = year_match and coupon_match
    if e.event in RETIRE or e.event in AMEND:
        return score if (year_match or coupon_match) else 0
    last = c.last_new_issue_date()
    near = last is not None and e.announced_date is not None and abs((e.announced_date - last).days) <= PROXIMITY_DAYS
    if near:
        # the same offering's proposed/priced/closed releases: proximity outweighs matching terms, so a
        # new deal in an existing series' coupon and maturity links to its own proposal
        return score + 5
    if fully_known:
        return score
    if e.event == "upsized" and last is not None:
        return score
    return None


def link_events(events: list["DebtEvent"]) -> list["InstrumentState"]:
    """Group events by instrument and compute each instrument's current terms and outstanding principal.

    outstanding = sum over offerings of (priced or closed principal + exercised options not already in it)
                  - principal repurchased, exchanged, converted, redeemed or repaid.
    Events without any usable link (a retirement naming neither coupon nor maturity when the ticker has
    several instruments of that type) start an instrument of their own whose issuance is unknown.
    """
    return _link(events)[1]


class EventLink(NamedTuple):
    """Where one input event went: its instrument, and what it did to that instrument's principal."""

    instrument_id: str
    #: + principal issued / - principal retired by this event; 0 for an event that changes nothing
    #: (a proposal, a pricing later superseded by its closing); None when the change is unknown
    principal_change_usd: float | None


def event_links(events: list["DebtEvent"]) -> tuple[list["InstrumentState"], list[EventLink | None]]:
    """link_events, plus for each input event (same order) its instrument and principal change.

    Summing principal_change_usd over an instrument's events dated on or before a day gives the
    principal outstanding that day (so quarter-end balances need no re-linking). A retirement of
    "all outstanding" notes retires the balance before it, whatever amount it states. Events with no
    event kind are not linked (None).
    """
    clusters, states = _link(events)
    out: list[EventLink | None] = [None] * len(events)
    for c, s in zip(clusters, states):
        balance = 0.0
        dated = sorted(zip(c.events, s.events), key=lambda x: (x[0][1].announced_date or date.max, x[0][0]))
        for (i, e), linked in dated:
            change = linked.counted_usd
            if e.event in RETIRE and e.all_outstanding:
                change = 0.0 - balance  # fully retired from here on (0.0 - 0.0 is +0.0, never -0.0)
            elif change is None:
                if e.event in RETIRE and e.principal_usd is None:
                    change = None  # retired an amount the document does not state
                else:
                    change = 0.0  # a proposal, a superseded pricing, a retirement reported twice
            if change is not None:
                balance += change
            out[i] = EventLink(s.instrument_id, change)
    return states, out


def _link(events: list["DebtEvent"]) -> tuple[list[_Cluster], list["InstrumentState"]]:
    clusters: list[_Cluster] = []
    for i, e in sorted(enumerate(events), key=_sort_key):
        if e.event is None:
            continue
        best, best_score = None, -1
        peers = [c for c in clusters if c.ticker == e.ticker and c.instrument == e.instrument]
        for c in peers:
            s = _score(c, e)
            if s is None:
                continue
            if (e.event in RETIRE or e.event in AMEND) and s == 0 and len(peers) > 1:
                continue  # ambiguous: several instruments and nothing to tell them apart
            if s > best_score or (s == best_score and best is not None and _closer(c, best, e)):
                best, best_score = c, s
        if best is None:
            best = _Cluster(e.ticker, e.instrument)
            clusters.append(best)
        best.events.append((i, e))
    states = [_state(c) for c in clusters]
    _assign_ids(states)
    return clusters, states


def _closer(a: _Cluster, b: _Cluster, e: "DebtEvent") -> bool:
    da, db = a.last_new_issue_date(), b.last_new_issue_date()
    if e.announced_date is None or da is None:
        return False
    if db is None:
        return True
    return abs((e.announced_date - da).days) < abs((e.announced_date - db).days)


def _offerings(new_issue: list[tuple[int, "DebtEvent"]]) -> list[list[tuple[int, "DebtEvent"]]]:
    """Split an instrument's new-issue events into offerings (a later tap of the series is a new one)."""
    chains: list[list[tuple[int, "DebtEvent"]]] = []
    for item in new_issue:
        e = item[1]
        if chains:
            last_dates = [x.announced_date for _, x in chains[-1] if x.announced_date]
            last = max(last_dates) if last_dates else None
            far = last is not None and e.announced_date is not None and (e.announced_date - last).days > PROXIMITY_DAYS
            issued = any(x.event in ("priced", "closed") for _, x in chains[-1])
            # an offering that has closed is not priced again: a pricing days later is a tap of the
            # series (Cipher priced $333M more of its 7.125% 2030 notes 11 days after closing $1.4B)
            tap = e.event in ("proposed", "priced") and e.announced_date is not None and any(
                x.event == "closed" and x.announced_date is not None and x.announced_date < e.announced_date
                for _, x in chains[-1])
            if not ((far and issued and e.event != "upsized") or tap):
                chains[-1].append(item)
                continue
        chains.append([item])
    return chains


def _offering_size(chain: list[tuple[int, "DebtEvent"]]) -> tuple[float | None, dict[int, float], str | None]:
    """Principal issued by one offering, what each event contributed, or why it is unknown."""
    def latest(kind: str):
        xs = [(i, e) for i, e in chain if e.event == kind and e.principal_usd is not None]
        return xs[-1] if xs else None

    base = latest("closed") or latest("priced")
    if base is None:
        upsized = [(i, e) for i, e in chain if e.event == "upsized" and e.principal_usd is not None and not e.option_exercised]
        has_issue = any(e.event in ("priced", "closed") for _, e in chain)
        if upsized and has_issue:
            base = upsized[-1]
        elif has_issue:
            return None, {}, "priced or closed without a stated principal"
        else:
            return None, {}, "only proposed: no pricing or closing seen"
    bi, be = base
    size = be.principal_usd
    contrib = {bi: size}
    priced = latest("priced")
    included = bool(be.principal_includes_option) or (
        be.event == "closed" and priced is not None and priced[1].principal_usd is not None
        and be.principal_usd > priced[1].principal_usd + 0.5
    )
    seen_amounts: set[float] = set()
    for i, e in chain:
        if not (e.option_exercised and e.option_principal_usd):
            continue
        if i == bi and be.principal_includes_option:
            continue
        if included and (e.announced_date is None or be.announced_date is None or e.announced_date <= be.announced_date):
            continue
        if e.option_principal_usd in seen_amounts:
            continue
        seen_amounts.add(e.option_principal_usd)
        size += e.option_principal_usd
        contrib[i] = contrib.get(i, 0.0) + e.option_principal_usd
    return size, contrib, None


def _state(c: _Cluster) -> InstrumentState:
    events = c.events
    new_issue = [(i, e) for i, e in events if e.event in NEW_ISSUE_RANK]
    retire = [(i, e) for i, e in events if e.event in RETIRE]
    amend = [(i, e) for i, e in events if e.event in AMEND]
    reasons: dict[str, str] = {}
    contrib: dict[int, float] = {}

    issued: float | None = None
    if new_issue:
        sizes = []
        for chain in _offerings(new_issue):
            size, part, why = _offering_size(chain)
            if size is None:
                if why and "proposed" not in why:
                    reasons["issued_principal_usd"] = why
                continue
            sizes.append(size)
            contrib.update(part)
        if sizes and "issued_principal_usd" not in reasons:
            issued = float(sum(sizes))
        elif not sizes and "issued_principal_usd" not in reasons:
            reasons["issued_principal_usd"] = "only proposed: no pricing or closing seen"
    else:
        reasons["issued_principal_usd"] = "no offering, pricing or closing of this instrument among the events"

    retired = 0.0
    all_retired = False
    counted: list[tuple[str, float, date | None]] = []
    for i, e in retire:
        if e.all_outstanding:
            all_retired = True
        if e.principal_usd is None:
            continue
        dup = any(kind == e.event and abs(p - e.principal_usd) < 0.5 and _near(d, e.announced_date) for kind, p, d in counted)
        if dup:
            continue  # the same retirement reported again (pricing release, then closing release)
        counted.append((e.event, e.principal_usd, e.announced_date))
        retired += e.principal_usd
        contrib[i] = -e.principal_usd

    outstanding: float | None
    if all_retired:
        outstanding = 0.0
    elif issued is None:
        outstanding = None
        reasons["outstanding_principal_usd"] = reasons.get("issued_principal_usd", "issuance unknown")
    elif retired > issued + 0.5:
        outstanding = None
        reasons["outstanding_principal_usd"] = (
            f"retirements ({retired:,.0f}) exceed the issuance seen ({issued:,.0f}): an offering is missing"
        )
    else:
        outstanding = issued - retired

    stage = max((NEW_ISSUE_RANK[e.event] for _, e in new_issue), default=0)
    if all_retired or (outstanding == 0.0 and issued):
        status = "retired"
    elif not new_issue:
        status = "retirements_only" if retire else "amendments_only"
    else:
        status = {1: "proposed", 2: "priced", 3: "priced", 4: "closed"}[stage]
        if stage == 2 and not any(e.event == "priced" for _, e in new_issue):
            status = "proposed"

    terms = {}
    for name in TERM_FIELDS:
        # terms of new-issue events win over those repeated in a retirement; later events win
        # an amendment's terms (an extended maturity, a new rate) replace the issue's
        ranked = [e for _, e in new_issue] + [e for _, e in retire] + [e for _, e in amend]
        value = None
        for e in sorted(ranked, key=lambda x: (x.event in NEW_ISSUE_RANK or x.event in AMEND, x.announced_date or date.min)):
            if getattr(e, name) is not None:
                value = getattr(e, name)
        terms[name] = value
    for name, value in terms.items():
        if value is None:
            reasons.setdefault(name, "not stated in any linked event")

    dates = [e.announced_date for _, e in events if e.announced_date]
    return InstrumentState(
        instrument_id="",
        ticker=c.ticker,
        instrument=c.instrument,
        status=status,
        first_announced=min(dates) if dates else None,
        last_event_date=max(dates) if dates else None,
        issued_principal_usd=issued,
        retired_principal_usd=retired,
        outstanding_principal_usd=outstanding,
        events=[
            LinkedEvent(announced_date=e.announced_date, event=e.event, principal_usd=e.principal_usd,
                        option_principal_usd=e.option_principal_usd, counted_usd=contrib.get(i))
            for i, e in events
        ],
        null_reasons=reasons,
        **terms,
    )


def _near(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= PROXIMITY_DAYS


def format_coupon(c: float) -> str:
    """0 -> '0.00', 7.75 -> '7.75', 1.375 -> '1.375' (at least two decimals, no float noise)."""
    s = f"{c:.4f}".rstrip("0")
    whole, _, frac = s.partition(".")
    return f"{whole}.{frac.ljust(2, '0')}"


def _assign_ids(states: list[InstrumentState]) -> None:
    """Stable ids: TICKER-instrument-maturityyear-coupon ('IREN-convertible_notes-2031-0.00').

    An instrument with no maturity year (most loans) is named by its first announcement date instead;
    a remaining clash gets -2, -3 ... in order of first announcement.
    """
    seen: dict[str, int] = {}
    for s in sorted(states, key=lambda s: (s.ticker or "", s.instrument, s.first_announced or date.max)):
        ticker = s.ticker or "UNKNOWN"
        if s.maturity_year is not None:
            coupon = format_coupon(s.coupon_pct) if s.coupon_pct is not None else "na"
            base = f"{ticker}-{s.instrument}-{s.maturity_year}-{coupon}"
        else:
            first = s.first_announced.isoformat() if s.first_announced else "undated"
            base = f"{ticker}-{s.instrument}-{first}"
        n = seen.get(base, 0) + 1
        seen[base] = n
        s.instrument_id = base if n == 1 else f"{base}-{n}"
