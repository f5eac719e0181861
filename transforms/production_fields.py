"""The production metrics: how each is labelled in tables and lines, its unit, and what is plausible."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.production_periods import find_mentions
from transforms.textnum import Locale, Quantity, find_quantities, is_missing

#: Record fields in output order (the `parse_for_cli` keys between period_type and evidence).
METRIC_FIELDS = (
    "btc_produced", "btc_produced_per_day", "btc_held", "btc_held_restricted", "btc_sold",
    "btc_sale_proceeds_usd", "btc_avg_sale_price_usd", "hashrate_deployed_ehs", "hashrate_operating_ehs",
    "efficiency_j_per_th", "power_cost_usd_per_kwh", "power_credits_usd",
)

_COUNT = frozenset({"btc", "number"})

#: field -> (kinds a cell may carry, plausible [low, high] in the field's unit)
FIELD_UNITS: dict[str, tuple[frozenset[str], float, float]] = {
    "btc_produced": (_COUNT, 0, 200_000),
    "btc_produced_per_day": (_COUNT, 0, 5_000),
    "btc_held": (_COUNT, 0, 2_000_000),
    "btc_held_restricted": (_COUNT, 0, 2_000_000),
    "btc_sold": (_COUNT, 0, 2_000_000),
    "btc_sale_proceeds_usd": (frozenset({"usd"}), 0, 2e11),
    "btc_avg_sale_price_usd": (frozenset({"usd", "usd_per_btc"}), 1, 10_000_000),
    # at least 1 PH/s: a figure below is one machine's rating ("S21 Pro miners, operating at 234 TH/s"), not a fleet's
    "hashrate_deployed_ehs": (frozenset({"ehs"}), 1e-3, 5_000),
    "hashrate_operating_ehs": (frozenset({"ehs"}), 1e-3, 5_000),
    "efficiency_j_per_th": (frozenset({"j_per_th"}), 1, 1_000),
    "power_cost_usd_per_kwh": (frozenset({"usd_per_kwh"}), -2, 2),
    "power_credits_usd": (frozenset({"usd"}), 0, 1e10),
}

_UNIT_WORDS = {
    "btc_produced": "a bitcoin count", "btc_produced_per_day": "a bitcoin count", "btc_held": "a bitcoin count",
    "btc_held_restricted": "a bitcoin count", "btc_sold": "a bitcoin count", "btc_sale_proceeds_usd": "US dollars",
    "btc_avg_sale_price_usd": "US dollars", "hashrate_deployed_ehs": "a hashrate (EH/s, PH/s)",
    "hashrate_operating_ehs": "a hashrate (EH/s, PH/s)", "efficiency_j_per_th": "J/TH",
    "power_cost_usd_per_kwh": "a power price per kWh", "power_credits_usd": "US dollars",
}

_B = r"bitcoin"   # "btc", "bitcoins" and "bitcoin" are normalised to "bitcoin"
_LABELS: list[tuple[tuple[str, ...], str]] = [
    (("btc_produced",),
     rf"(?:total )?(?:self mined |self mining )?{_B} (?:produced|mined|production|earned|generated|self mined)(?: net)?"
     rf"|(?:total )?(?:{_B} )?production(?: {_B})?|(?:produced|mined|self mined) {_B}|{_B} mining production"
     # Mawson's "Total self-mining BTC" row
     rf"|(?:total )?self (?:mining|mined) {_B}"),
    (("btc_produced_per_day",),
     rf"(?:average )?(?:daily )?{_B} (?:produced |mined |production )?per day(?: average)?"
     rf"|average daily {_B}(?: produced| mined| production)?|average {_B} (?:produced|mined) daily"
     rf"|(?:average )?(?:self mined |self mining )?{_B} (?:produced |mined |earned )?(?:per )?day(?: average)?"
     rf"|daily average {_B} (?:production|produced|mined|earned)"
     rf"|(?:average )?daily (?:{_B} )?(?:production|produced|mined)(?: {_B})?|{_B} per day"),
    (("btc_held",),
     rf"(?:total )?{_B} (?:held|holdings|balance|in treasury|on balance sheet|treasury)(?: including restricted)?"
     rf"|(?:total )?(?:{_B} )?holdings(?: {_B})?|hodl(?: {_B})?(?: position)?|{_B} hodl|{_B} reserve"
     rf"|{_B} held in treasury"),
    (("btc_held_restricted",),
     rf"(?:of which )?restricted {_B}(?: held)?|{_B} (?:restricted|pledged(?: as collateral)?|loaned|encumbered)"
     # MARA's "BTC utilized as collateral for borrowings"
     rf"|{_B} (?:utili[sz]ed|used|posted|held) as collateral(?: for (?:borrowings|loans|the line of credit))?"),
    (("btc_sold",),
     rf"(?:total )?{_B} (?:sold|converted for operations(?: and growth)?|converted)|(?:total )?sold {_B}"
     rf"|{_B} sales? volume"),
    (("btc_sold", "btc_sale_proceeds_usd"), rf"(?:total )?{_B} sales?"),
    (("btc_sale_proceeds_usd",),
     rf"(?:{_B} )?(?:sales?|sold) (?:net )?proceeds|(?:net )?proceeds(?: from (?:the )?(?:sale of )?{_B}"
     rf"(?: sales?| sold)?)?|(?:net )?proceeds from {_B} sales?|{_B} sales? proceeds"),
    (("btc_avg_sale_price_usd",),
     rf"average (?:net )?(?:sales? |selling |realized |realised )?price (?:per|of) {_B}(?: sold)?"
     rf"|average {_B} (?:sale|selling|sales) price|average (?:net )?(?:sale |sales |selling )?price"),
    (("hashrate_deployed_ehs",),
     r"(?:total )?(?:month end |period end |quarter end )?(?:self mining )?(?:deployed|energized|installed)"
     r"(?: self mining)?"
     r" (?:hashrate|hashing capacity|capacity)(?: capacity)?|hashrate (?:deployed|energized|installed)"
     # Riot's 10-Q "Total hash rate, average deployed": the fleet's potential hash rate, not what it delivered
     r"|(?:total )?hashrate (?:average )?(?:deployed|energized|installed)"
     r"|current (?:hashrate|hashing capacity)|(?:month end )?(?:bitcoin )?(?:self )?mining capacity"),
    # "self-mining hashrate" (Bitdeer, Cipher, results tables beside an "energized hashrate" row) and "active
    # hashrate" (Bit Digital) are the hashrate mining for the company, not its installed capacity
    (("hashrate_operating_ehs",),
     r"(?:average |monthly average )?(?:monthly )?(?:operating|operational)(?: self mining)? hashrate"
     r"|(?:monthly |daily )?average (?:monthly )?hashrate(?: operating)?|hashrate operating|hashrate (?:monthly |daily )?average"
     r"|(?:average )?(?:self mining|active|realized|realised)(?: operating)? hashrate"
     r"|(?:total )?hashrate (?:average )?(?:operating|operational)"),
    (("efficiency_j_per_th",),
     r"(?:average )?(?:self mining )?(?:fleet |mining fleet |operating fleet |deployed fleet |miner |mining )?"
     # Bitfarms' "Watts/TH Efficiency"
     r"(?:watts? th |w th |j th )?(?:energy |power )?efficiency"),
    (("power_cost_usd_per_kwh",),
     r"(?:total )?(?:average )?(?:all in )?(?:power|electricity|energy) (?:costs?|price|rate)(?: per kwh)?|all in power cost"
     r"|(?:average )?cost of (?:power|electricity)(?: per kwh)?|(?:power|electricity) cost per kwh"
     r"|(?:average )?(?:purchased )?(?:energy |power |electricity )?cost per kwh(?: owned sites)?"),
    (("power_credits_usd",),
     r"total (?:power|energy|electricity) credits|total (?:power )?(?:curtailment and demand response"
     r"|demand response and (?:power )?curtailment) credits|(?:power|energy) credits total|total credits"
     # Mawson's demand-response income: "Energy Market Program revenue: approximately $1.8m"
     r"|energy market program revenue|demand response revenue"),
]
_LABEL_RES = [(fields, re.compile(pattern)) for fields, pattern in _LABELS]

#: Parts of "total power credits" that miners also list on their own (Riot: Power Credits, Demand Response
#: Credits); never summed by the parser, only reported as the reason a total stays null.
_CREDIT_COMPONENT = re.compile(r"(?:power |energy )?(?:curtailment |demand response )?credits")

_MINING_SECTION = re.compile(r"(?:bitcoin |btc )?(?:self )?mining(?: operations| segment| metrics)?|bitcoin")
_OTHER_SECTION = re.compile(r"(?:ai|hpc|ai cloud|cloud|hosting|colocation|data cent(?:er|re)s?|gpu|ai hpc|ai/hpc|"
                            r"ai cloud services|high performance computing)(?: .*)?")

_LABEL_UNIT = re.compile(
    r"\(\s*(?:in\s+terms\s+of\s+)?(?P<u>eh/s|ph/s|th/s|j/th|w/th|c/kwh|¢/kwh|cents?/kwh|cents?/kilowatt[- ]hours?|cents per kwh|\$/kwh|usd/kwh|us\$/kwh|\$/mwh|btc|bitcoin|"
    r"\$ ?usd|usd ?\$|\$|usd|us\$|in (?:us)?\$? ?(?:thousands|millions)|\$ ?(?:in )?(?:thousands|millions)|"
    r"us\$ ?(?:in )?(?:thousands|millions)|(?:usd|us\$|\$) ?m|\$m)\s*(?P<uq>,[^)]{1,30})?\)"
    r"|,\s*(?P<u2>eh/s|ph/s|j/th|w/th|c/kwh|\$/kwh|btc)$|\s(?P<u3>eh/s|ph/s|j/th|w/th|c/kwh|\$/kwh|\(btc\))$",
    re.I,
)


@dataclass(frozen=True)
class LabelMatch:
    fields: tuple[str, ...]       # candidate fields, first whose unit fits wins
    unit: str | None              # unit named in the label: "eh/s", "c/kwh", "$", "$m", ...
    normalized: str
    credit_component: bool = False


_PERIOD_HINT = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|quarter|\bQ[1-4]|[1-4]Q\b|\bFY|"
                          r"fiscal|months", re.I)


_C = re.compile
_DASHES = _C(r"[–—―−]")
_SPACES = _C(r"\s+")
# footnote markers: glued (`Held1`, `Credits3`, `mined4`), spaced at the end (`Held 2`), bracketed (`(1)`)
_LABEL_FOOTNOTES = ((_C(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+"), " "), (_C(r"(?<=[A-Za-z.)])\d{1,2}(?=\s|$|[,:])"), " "), (_C(r"\(\s?\d{1,2}\s?\)|\[\s?\d{1,2}\s?\]"), " "),
                    (_C(r"(?:\s\d{1,2})+\s*:?\s*$"), ""))
#: the lower-cased label's rewrites, in order (compiled once: labels are many, the rules few)
_LABEL_REWRITES = (
    (_C(r"\((?:unaudited|estimated|approximate|approx\.?|actual|restated|total|net)\)"), " "),
    # Bitdeer's "Bitcoin mined (self-mining only)": the company's own mining is what the field holds
    (_C(r"\(self[- ]mining(?: only)?\)"), " "),
    (_C(r"\b(?:at|as of|as at|end of)?\s*(?:the\s+)?(?:month|period|quarter)[- ]end\b"), " "),
    # "Bitcoin held (end of month)", "Bitcoin held at end of period"
    (_C(r"\(?\b(?:at|as of|as at)?\s*(?:the\s+)?end\s+of\s+(?:the\s+)?(?:month|period|quarter)\b\)?"), " "),
    (_C(r"\b(?:as of|as at|at|for|in|during|for the month of|for the quarter|for the month)\s*(?=[,:]|$)"), " "),
    # "Total bitcoin sold in the quarter: 1,500"
    (_C(r"\b(?:in|during|for|over|through(?:out)?)\s+the\s+(?:month|quarter|period|year)\s*(?=[,:]|$)"), " "),
    # Cango's "Number of Bitcoins produced", "Total number of Bitcoins held", "Average number of Bitcoins
    # produced per day": the count is the figure itself
    (_C(r"\b(?:number|quantity) of (?=(?:btc|bitcoins?)\b)"), " "),
    # CleanSpark's 10-Q "Period ended miner efficiency (w/th)": the period's closing level
    (_C(r"^\s*period ended\s+"), " "),
    (_C(r"\bavg\.?(?=\s)"), "average"),
    # a cost table's "Less: power curtailment credits"
    (_C(r"^\s*less\b\s*:?\s*"), " "),
    # Riot's 10-Q "Combined hash rate, deployed" across its facilities
    (_C(r"^\s*combined\b"), "total"),
    (_C(r"\bhash[- ]rate\b"), "hashrate"),
    (_C(r"\b(?:btc|bitcoins)\b"), "bitcoin"),
    (_C(r"\bself-"), "self "),
    (_C(r"\ball-in\b"), "all in"),
    (_C(r"\bmonth-end\b|\bmonth end\b"), "month end"),
    (_C(r"[-/:,;.()\[\]|•●·]"), " "),
)
_TRAILING_TOTAL = _C(r"(?:\s(?:total|company total|consolidated))+$")
_LEADING_ARTICLE = _C(r"^(?:the|our) ")


@lru_cache(maxsize=4096)   # the same few hundred labels recur in every release
def normalize_label(label: str) -> tuple[str, str | None]:
    """Lower-case label without footnote marks, periods named in it, units (returned apart) and filler."""
    s = label.replace("\u00a0", " ").replace("’", "'").replace("‘", "'")
    s = _DASHES.sub("-", s)
    s = s.replace("*", " ")
    s = _SPACES.sub(" ", s).strip()
    unit = None
    m = _LABEL_UNIT.search(s)
    if m:
        unit = (m.group("u") or m.group("u2") or m.group("u3") or "").lower().strip("()")
        # "Hashrate (EH/s, end of quarter)": the words after the unit stay in the label
        s = s[:m.start()] + " " + (m.group("uq") or "").lstrip(",") + " " + s[m.end():]
    for rx, repl in _LABEL_FOOTNOTES:
        s = rx.sub(repl, s)
    if _PERIOD_HINT.search(s):
        for mt in reversed(find_mentions(s)):
            if mt.kind in ("month", "date", "month_only", "quarter", "fiscal_quarter"):
                s = s[:mt.start] + " " + s[mt.end:]
    s = s.lower()
    for rx, repl in _LABEL_REWRITES:
        s = rx.sub(repl, s)
    s = _SPACES.sub(" ", s).strip()
    s = _TRAILING_TOTAL.sub("", s).strip()
    s = _LEADING_ARTICLE.sub("", s)
    return s, unit


@lru_cache(maxsize=4096)
def match_label(label: str) -> LabelMatch | None:
    """The field(s) a table row label or `Label:` names, or None."""
    norm, unit = normalize_label(label)
    if not norm or len(norm) > 90:
        return None
    fields = _fields_for(norm)
    if fields:
        if unit in (None, "$", "usd", "us$") and "power_cost_usd_per_kwh" in fields and re.search(r"\bper kwh\b", norm):
            unit = "$/kwh"      # "Energy cost per kWh, owned sites ($)": the dollars are per kWh
        if unit is None and "efficiency_j_per_th" in fields and re.search(r"(?i)\b(?:watts?|w|j(?:oules?)?)\s?/\s?th\b", label):
            unit = "w/th"       # "Watts/TH Efficiency | 40": the unit is in the label's words
        return LabelMatch(fields, unit, norm)
    if unit in ("eh/s", "ph/s"):
        # Bitfarms-style rows whose unit is the only noun: "Average operating EH/s", "Month-end operating EH/s",
        # "Installed EH/s"
        if _BARE_OPERATING.fullmatch(norm):
            return LabelMatch(("hashrate_operating_ehs",), unit, norm)
        if _BARE_DEPLOYED.fullmatch(norm):
            return LabelMatch(("hashrate_deployed_ehs",), unit, norm)
    if _CREDIT_COMPONENT.fullmatch(norm) and norm != "credits":
        return LabelMatch((), unit, norm, credit_component=True)
    return None


_BARE_OPERATING = re.compile(r"(?:month end |period end |quarter end )?(?:average |monthly average )?(?:self mining )?"
                             r"(?:operating|operational|online|active|realized|realised)(?: self mining)?")
_BARE_DEPLOYED = re.compile(r"(?:month end |period end |quarter end )?(?:total )?(?:self mining )?"
                            r"(?:(?:deployed|installed|energized|energised)(?: capacity)?|hashrate)")


def _fields_for(norm: str) -> tuple[str, ...]:
    for fields, rx in _LABEL_RES:
        if rx.fullmatch(norm):
            return fields
    return ()


@lru_cache(maxsize=1024)
def section_of(label: str) -> str | None:
    """'mining' or 'other' when a value-less row heads a segment (IREN: Bitcoin Mining / AI Cloud)."""
    norm, _ = normalize_label(label)
    if _MINING_SECTION.fullmatch(norm):
        return "mining"
    if _OTHER_SECTION.fullmatch(norm):
        return "other"
    return None


@dataclass(frozen=True)
class Reading:
    """What one cell or phrase says about one field: a value, or None with a reason (None, None = not disclosed)."""

    field: str | None
    value: float | None
    reason: str | None
    quantity: Quantity | None = None


_LABEL_UNIT_KIND = {
    "eh/s": ("ehs", 1.0), "ph/s": ("ehs", 1e-3), "th/s": ("ehs", 1e-6), "j/th": ("j_per_th", 1.0),
    "w/th": ("j_per_th", 1.0), "c/kwh": ("usd_per_kwh", 0.01), "¢/kwh": ("usd_per_kwh", 0.01),
    "cents/kwh": ("usd_per_kwh", 0.01), "cent/kwh": ("usd_per_kwh", 0.01), "cents/kilowatt-hour": ("usd_per_kwh", 0.01),
    "cents/kilowatt hour": ("usd_per_kwh", 0.01), "cents/kilowatt-hours": ("usd_per_kwh", 0.01), "cents per kwh": ("usd_per_kwh", 0.01),
    "$/kwh": ("usd_per_kwh", 1.0), "usd/kwh": ("usd_per_kwh", 1.0), "us$/kwh": ("usd_per_kwh", 1.0), "$/mwh": ("usd_per_kwh", 1e-3),
    "btc": ("btc", 1.0), "bitcoin": ("btc", 1.0), "$": ("usd", 1.0), "usd": ("usd", 1.0), "us$": ("usd", 1.0),
    "$usd": ("usd", 1.0), "$ usd": ("usd", 1.0), "usd$": ("usd", 1.0), "usd $": ("usd", 1.0),
}


def _label_unit_kind(unit: str | None) -> tuple[str, float] | None:
    if not unit:
        return None
    u = re.sub(r"\s+", " ", unit.lower().strip())
    if u in _LABEL_UNIT_KIND:
        return _LABEL_UNIT_KIND[u]
    if "thousand" in u:
        return ("usd", 1e3)
    if "million" in u or u.endswith("m"):
        return ("usd", 1e6)
    return None


def pick_quantity(cell: str, quantities: list[Quantity]) -> Quantity | None:
    """The value in a cell: the first number that is not a footnote marker or a percentage change."""
    candidates = [q for q in quantities if q.kind != "pct"]
    if len(candidates) > 1:
        candidates = [q for q in candidates if not q.plain_int] or candidates
    if candidates and candidates[0].plain_int and candidates[0].glued_left:
        return None
    return candidates[0] if candidates else None


def read_value(fields: tuple[str, ...], cell: str, locale: Locale, label_unit: str | None = None,
               *, quantity: Quantity | None = None, parens_negative: bool = True) -> Reading:
    """Read one field from a table cell or the value part of a `Label: value` line."""
    if quantity is None:
        if is_missing(cell):
            return Reading(fields[0] if fields else None, None, None)
        quantity = pick_quantity(cell, find_quantities(cell, locale, parens_negative=parens_negative))
    if quantity is None:
        return Reading(fields[0], None, f"no number in {cell.strip()!r}")
    first_reason = None
    for name in fields:
        reading = check_quantity(name, quantity, label_unit)
        if reading.value is not None or len(fields) == 1:
            return reading
        first_reason = first_reason or reading
    return first_reason  # type: ignore[return-value]


def check_quantity(name: str, q: Quantity, label_unit: str | None = None) -> Reading:
    """Unit and plausibility checks of one quantity for one field; the value comes out in the field's unit."""
    kinds, lo, hi = FIELD_UNITS[name]
    if q.value is None:
        return Reading(name, None, q.reason, q)
    value = q.value
    kind = q.kind
    lk = _label_unit_kind(label_unit)
    if kind == "usd" and lk is not None and lk[0] == "usd_per_kwh":
        kind = "usd_per_kwh"            # "Cost per kWh | $0.04": the label carries the "per kWh"
        value = value * lk[1]
    if kind == "number":
        if lk is not None:
            kind, scale = lk
            value = value * scale
        elif "number" not in kinds:
            return Reading(name, None, f"{q.raw.strip()!r} has no unit; expected {_UNIT_WORDS[name]}", q)
    if kind not in kinds:
        return Reading(name, None, f"{q.raw.strip()!r} is not {_UNIT_WORDS[name]}", q)
    if kind == "usd" and name == "btc_avg_sale_price_usd" and q.scaled:
        return Reading(name, None, f"{q.raw.strip()!r} is a total, not a price per bitcoin", q)
    if name == "btc_sold" and value < 0 and "(" in q.raw:
        # a roll-forward table writes the bitcoin that left in parentheses ("Bitcoin Sold | (9.0)"): the
        # sign is the direction of the flow, the count sold is its size
        value = -value
    if not lo <= value <= hi:
        return Reading(name, None, f"{q.raw.strip()!r} is outside the plausible range for {name}", q)
    return Reading(name, round(value, 10), None, q)
