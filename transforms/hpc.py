"""AI/HPC contract releases (8-K/6-K EX-99.1, newswire text) -> one `HpcContractEvent` per contract.

Miners announce hosting, colocation and AI-cloud contracts in prose whose traps are always the same:
the headline gives one MW basis and the body another (gross vs critical IT), a backstop amount sits
beside the contract value, a cumulative partnership total sits beside a single deal's value, and
extension options inflate a "potential" value. Each figure is therefore classified by the words of
its own clause, kept with the snippet it was read from, and left null with a reason when the
wording does not say what it is. Nothing is derived (no value = annual x term).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from transforms.errors import ParseError
from transforms.hpc_names import KNOWN_PARTIES, SUPPLIERS, Mention, find_issuer, find_parties, find_sites
from transforms.hpc_numbers import DatePhrase, Quantity, find_dates, find_money, find_power_mw, find_terms_years
from transforms.hpc_text import CELL_SEP, Document, read_document

__all__ = [
    "PARSER_VERSION", "CLI_KEYS", "HpcContractEvent", "parse_hpc", "parse_for_cli", "looks_like_hpc_release",
]

PARSER_VERSION = "hpc-1"

Event = Literal["signed", "expanded", "amended", "terminated"]

#: The keys `minerwatch parse hpc` prints first, in this order (issue 8).
CLI_KEYS = (
    "ticker", "counterparty", "backstop_party", "site", "critical_it_mw", "gross_mw", "term_years",
    "total_contract_value_usd", "annual_revenue_usd", "start_date", "expansion_options_mw",
    "announced_date", "event", "evidence",
)
_CONTRACT_FIELDS = CLI_KEYS[:-1]


class HpcContractEvent(BaseModel):
    """One AI/HPC contract as one release describes it (natural key: ticker, counterparty, site, announced_date).

    Money in USD, power in MW, terms in years. For an expansion, `critical_it_mw` and
    `total_contract_value_usd` are the increment the release announces; the partnership totals it
    quotes go to the `cumulative_*` fields. `backstop_usd` is a third party's guarantee of the
    tenant's obligations, never contract value.
    """

    model_config = ConfigDict(frozen=True)

    ticker: str | None = None
    counterparty: str | None = None
    backstop_party: str | None = None
    site: str | None = None
    critical_it_mw: float | None = None
    gross_mw: float | None = None
    term_years: float | None = None
    total_contract_value_usd: float | None = None
    annual_revenue_usd: float | None = None
    start_date: date | None = None
    expansion_options_mw: float | None = None
    announced_date: date | None = None
    event: Event | None = None
    evidence: dict[str, str] = {}
    null_reasons: dict[str, str] = {}
    # Figures a release states beside the contract's own terms, kept apart so they are not confused.
    backstop_usd: float | None = None
    cumulative_contract_value_usd: float | None = None
    cumulative_critical_it_mw: float | None = None
    potential_value_with_extensions_usd: float | None = None
    unqualified_mw: float | None = None
    qualifiers: dict[str, str] = {}
    parser_version: str = PARSER_VERSION


# --- vocabulary ----------------------------------------------------------------------------
_HPC_WORDS_RE = re.compile(
    r"\b(?:HPC|high[- ]performance comput\w*|artificial intelligence|AI|AI cloud|GPUs?|data cent(?:er|re)s?|"
    r"colocation|co-location|hyperscal\w*|critical IT|neocloud)\b",
    re.IGNORECASE,
)
_CONTRACT_WORDS_RE = re.compile(
    r"\b(?:lease[sd]?|agreements?|contracts?|colocation|tenants?|joint venture|cloud services)\b", re.IGNORECASE
)
_QUANTITY_WORDS_RE = re.compile(r"\b(?:MW|megawatts?|GW|billion|million|bn|years?)\b|\d+-year", re.IGNORECASE)
_CONTRACT_NOUN = (
    r"(?:agreements?|leases?|contracts?|colocation|partnership|deal|arrangements?|relationship|"
    r"joint venture|JV|MSA|services agreement|commitments?)"
)

_TENANT_BEFORE_RES = (
    re.compile(rf"\b{_CONTRACT_NOUN}\b[^.;]{{0,90}}?\bwith\s+(?:(?:the|its|a|an)\s+)?(?:[\w'-]+\s+){{0,2}}$", re.I),
    re.compile(r"\bwith\s+$", re.I),
    # the second name of a list: "contracts with Together AI and Fluidstack"
    re.compile(rf"\b{_CONTRACT_NOUN}\b[^.;]{{0,60}}?\bwith\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,3}}"
               r"(?:,\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})*,?\s+and\s+$", re.I),
    re.compile(r"\bbetween\s+[A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*){0,2}\s+and\s+$"),
    re.compile(r"\b(?:lease[sd]?|leasing|deliver(?:ed|ing)?|provid(?:e|es|ed|ing))\b[^.;]{0,60}\bto\s+$", re.I),
    re.compile(r"\b(?:tenants?|customers?|lessee|anchor tenant|counterpart(?:y|ies))\s*,?\s*(?:is\s+)?$", re.I),
)
_TENANT_AFTER_RES = (
    re.compile(
        r"^(?:'s)?\s*(?:has|have|will|shall|also)?\s*(?:formally\s+)?(?:signed|agreed to lease|leases|will lease|"
        r"exercised|executed|committed|contracted|entered into|expanded|extended|amended|terminated|notified)\b",
        re.I,
    ),
    re.compile(r"^\s+as\s+(?:the\s+|its\s+|an?\s+)?(?:anchor\s+|sole\s+|initial\s+)?(?:tenant|customer|lessee|offtaker)", re.I),
    re.compile(r"^'s\s+(?:\w+\s+){0,2}(?:lease|leases|commitment|contract|agreement|option|obligations?|exercise)\b", re.I),
)
_BACKSTOP_AFTER_RE = re.compile(
    r"^(?:'s)?\s*(?:will|has|have|had|agreed|also|to|shall|would|is|has agreed to|will also)?\s*"
    r"(?:\w+\s+){0,3}(?:backstop|guarantee|provide credit support)",
    re.I,
)
_BACKSTOP_BEFORE_RE = re.compile(
    r"(?:backstop(?:ped|s)?|backed|guaranteed|credit support|guarantee)\s+(?:\w+\s+){0,3}(?:by|from)\s+$", re.I
)
_UNKNOWN_TENANT_RE = re.compile(
    rf"\b{_CONTRACT_NOUN}\b[^.;]{{0,60}}?\bwith\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|AI|of|&))*)"
)
_ANONYMOUS_TENANT_RE = re.compile(
    r"\bwith\s+(?P<phrase>(?:an?|one|the)\s+(?:[\w-]+\s+){0,4}?(?:hyperscaler|customer|tenant|AI company|"
    r"cloud (?:service )?provider|technology company|AI lab|counterparty))\b",
    re.I,
)
_NAME_STOPWORDS = {
    "The", "This", "These", "Its", "It", "Our", "We", "A", "An", "Company", "Board", "Texas", "New", "Nasdaq",
    "NASDAQ", "NYSE", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Q1", "Q2", "Q3", "Q4", "HPC", "AI", "GPU", "Phase",
    "Tier", "Exhibit", "Item", "Form", "Securities", "Management",
}
_COMPANY_SUFFIX_RE = re.compile(r",?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|PBC|plc|LP|N\.V|S\.A)\.?$")

# Event wording. Infinitives ("an option to expand") are deliberately not events.
_EVENT_RES: tuple[tuple[Event, re.Pattern], ...] = (
    ("terminated", re.compile(
        r"\bterminat(?:e|es|ed|ing|ion)\b(?![^.]{0,20}\bright)|\bcancel(?:s|ed|led|lation)\b|\bwalk(?:s|ed)? away\b", re.I)),
    ("amended", re.compile(
        r"(?<!as )\bamend(?:s|ed|ing|ment|ments)\b(?!,? and restated credit)|\bmodif(?:y|ies|ied|ication)\b|"
        r"\brenegotiat\w*|\bextend(?:s|ed)\s+(?:the\s+)?(?:initial\s+)?(?:term|lease|contract|agreement)|\bterm extension\b|"
        r"\brestructur(?:e|es|ed)\s+(?:the|its)\s+(?:lease|contract|agreement)",
        re.I)),
    ("expanded", re.compile(
        r"\bexpand(?:s|ed)\b|\bexpansion of (?:its|the|their|our)\b|\bexercis(?:e|es|ed|ing)\b[^.]{0,40}\boption|"
        r"\bupsiz(?:e|es|ed)\b|\badd(?:s|ed|ing)?\b[^.]{0,40}\b(?:MW|megawatts)\b|\bfollow-on\b",
        re.I)),
    ("signed", re.compile(
        r"\bsign(?:s|ed|ing)?\b|\benter(?:s|ed)?\s+into\b|\bexecut(?:es|ed)\b|\bsecur(?:es|ed)\b|\bawarded\b|"
        r"\bagree(?:s|d)?\s+to\s+lease\b|\bannounc(?:es|ed|ing)\b[^.]{0,60}\b"
        r"(?:agreements?|leases?|contracts?|partnership|joint venture)\b|\bforms?\b[^.]{0,30}\bjoint venture\b",
        re.I)),
)
_HEADLINE_EXPANSION_RE = re.compile(r"\bexpansion\b", re.I)

# Clause-level keywords used to classify a figure by the words around it.
_BACKSTOP_RE = re.compile(r"backstop|guarantee|credit support", re.I)
_EXCLUDE_MONEY_RE = re.compile(
    r"financ|\bnotes?\b|\bdebt\b|\bloans?\b|credit facility|capex|capital expenditure|purchas|procure|acqui|"
    r"invest|warrant|prepay|deposit|\bcosts?\b|equity|offering|"
    r"\braise|proceeds|\bcash\b|liquidity|budget|\bspend|\bfund(?:ing|ed|s)?\b|market cap|\bshares?\b|"
    r"\bprice\b|build-out cost|per MW|\bfees?\b|penalt",
    re.I,
)
# Partnership totals. Not "cumulative revenue over the 12-year term" (Core Scientific's wording for a
# single deal's value) nor "total contracted revenue of $7 billion" in a signing release.
_CUMULATIVE_RE = re.compile(
    r"\bbring(?:s|ing)?\b|\bto date\b|\bcombined\b|\bacross (?:all|both|its|our|the)\b|\bin aggregate\b|"
    r"\bnow totals?\b|\btotal of all\b|\bpartnership total\b|\b(?:increas|rais)(?:es|ing|ed|e) (?:the |its |our )?total\b|"
    r"\btotal\b[^$]{0,60}\b(?:of|under|for|with|across|at) (?:the |its |our |this )?(?:partnership|relationship|campus|all|both)\b|"
    r"\b(?:partnership|relationship)\b[^$]{0,40}\bto (?:approximately |about |over |more than )?$",
    re.I,
)
# In an expansion or amendment, "total ... to $X" is the new partnership total.
_EARLIER_RE = re.compile(r"\bprevious(?:ly)?\b|\bprior\b|\bexisting\b|\boriginal(?:ly)?\b", re.I)
_PARTNERSHIP_RE = re.compile(r"partnership|relationship|\bacross\b|\ball\b|\bboth\b|campus|portfolio|combined", re.I)
_EXPANSION_TOTAL_RE = re.compile(r"\btotal\b[^$]{0,80}\bto\s+(?:approximately\s+|about\s+|over\s+|more than\s+)?$", re.I)
_POTENTIAL_RE = re.compile(
    r"\bextension|\brenew|\bif (?:all |both |the )?(?:\w+ )?(?:options?|extensions?) (?:are |is )?exercised|"
    r"\bpotential(?:ly)?\b|\bcould (?:increase|reach|grow|rise)|\boptional\b|\bupside\b",
    re.I,
)
_ANNUAL_RE = re.compile(
    r"\bannual(?:ly)?\b|\bannuali[sz]ed\b|\bper year\b|\bper annum\b|\ba year\b|\beach year\b|\bARR\b|"
    r"\brun[- ]rate\b|\byearly\b",
    re.I,
)
_CONTRACT_MONEY_RE = re.compile(
    r"\bcontract(?:s|ed)?\b|\bagreements?\b|\blease[sd]?\b|\bdeal\b|\brevenue\b|\bworth\b|\bvalued?\b|\bTCV\b|"
    r"\bcommitments?\b|\bcolocation\b|\bbacklog\b",
    re.I,
)
_EXPANSION_OPTION_RE = re.compile(
    r"\boptions?\b|\bright of first (?:refusal|offer)\b|\bROF[RO]\b|\bexpansion (?:rights?|capacity|potential)\b|"
    r"\b(?:could|may|can|ability to|potential to|plans? to) expand\b|\bpotential (?:expansion|additional)\b|"
    r"\bfuture expansion\b|\bexpandable\b",
    re.I,
)
_CRITICAL_IT_RE = re.compile(r"critical IT|critical[- ]load|IT load|IT capacity|IT power|critical power|\bIT\b", re.I)
_GROSS_RE = re.compile(r"\bgross\b|\btotal power\b|\butility power\b|\bof power\b|\bpower capacity\b", re.I)
_SITE_CAPACITY_AFTER_RE = re.compile(
    r"^\s*(?:[A-Z][\w-]+\s+){0,3}(?:campus|site|facility|hub|park|data cent(?:er|re) campus|portfolio|pipeline)\b", re.I
)
_SITE_CAPACITY_CLAUSE_RE = re.compile(
    r"\bgrid[- ]connected\b|\binterconnect\w*|\bsubstation\b|\bsecured power\b|\bpower pipeline\b|"
    r"\bportfolio\b|\bapproved\b|\bERCOT\b|\bunder development\b|\bnameplate\b|"
    r"\b(?:site|campus|facility) (?:has|have|had|with|offers)\b|\bdesigned for\b|\bdesign capacity\b|"
    r"\bcapable of\b|\bcan support\b",
    re.I,
)
_LEASE_CONTEXT_RE = re.compile(r"lease|contract|agreement|tenant|deliver|colocation|commit", re.I)
# "The first 100 MW is expected ..., with the remaining 150 MW in 2026": phases of the contracted total.
_PHASE_BEFORE_RE = re.compile(
    r"\b(?:first|initial|remaining|second|third|final|next|last|balance of the)\s+(?:phase\s+(?:of\s+)?)?$", re.I
)
_TERM_CONTEXT_RE = re.compile(
    r"\bterms?\b|lease|contract|agreement|colocation|\bdeal\b|commitment|partnership|tenancy|joint venture|"
    r"\bJV\b|arrangement|services",
    re.I,
)
_TERM_EXCLUDE_RE = re.compile(
    r"warrant|\bnotes?\b|\bdue 20\d\d|financ|\bloan|depreciat|useful li(?:fe|ves)|payback|amortiz|track record|"
    r"\bhistory\b|\bvest|\bago\b|\bpast\b",
    re.I,
)
_TERM_EXTENSION_AFTER_RE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:extensions?|renewals?|options?|renewal options?)\b", re.I)
_TERM_COUNT_BEFORE_RE = re.compile(r"(?:two|three|four|2|3|4|additional|optional|further|successive)\s+$", re.I)
_TERM_AVERAGE_AFTER_RE = re.compile(r"^\s*(?:weighted[- ])?average\b", re.I)
_TERM_AVERAGE_BEFORE_RE = re.compile(r"\baverage\s+(?:remaining\s+)?(?:contract\s+|lease\s+)?(?:term|duration)\s+(?:of\s+)?$", re.I)
_START_RE = re.compile(
    r"commenc|\bbegin|\bstart|go live|come online|\bonline\b|\bdeliver|\brent\b|first phase|phase 1|"
    r"ready for service|handover|hand over|\boperational\b|energi[sz]|revenue recognition|ramp",
    re.I,
)
_DATE_END_MARKER_RE = re.compile(r"(?:through|until|by the end of|by end of|ending|completed? by|fully|by)\s+(?:the\s+)?$", re.I)

_CLAUSE_SPLIT_RE = re.compile(
    r";|\s-{1,2}\s|\(|\)|,\s+(?=(?:and|or|with|while|which|bringing|including|plus|of which|representing|"
    r"in addition|following|after|whereas|where|as well as|subject to)\b)|\s+(?=bringing\b)",
    re.I,
)
# Headlines join two announcements with "and <Verb>s": "Signs Lease with AWS and Expands Fluidstack ...".
_HEADLINE_VERBS = (
    r"Signs|Expands|Amends|Extends|Terminates|Announces|Secures|Enters|Adds|Increases|Forms|Launches|"
    r"Receives|Completes|Reports|Upsizes|Exercises|Provides|Backstops"
)
_HEADLINE_SPLIT_RE = re.compile(rf";|\s+\|\s+|\s+-\s+|\s+and\s+(?=(?:{_HEADLINE_VERBS})\b)|:\s+")


# --- text units ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


@dataclass
class _Group:
    """The tenant(s) of one contract and the text that speaks of it."""

    tenants: list[str]
    tenant_evidence: dict[str, tuple[_Span, int, int]] = field(default_factory=dict)
    units: list[_Span] = field(default_factory=list)      # body sentences
    headline_units: list[_Span] = field(default_factory=list)
    anonymous: _Span | None = None


def _clauses(unit: _Span) -> list[_Span]:
    out, pos = [], 0
    for m in _CLAUSE_SPLIT_RE.finditer(unit.text):
        if m.start() > pos:
            out.append(_Span(unit.start + pos, unit.start + m.start(), unit.text[pos:m.start()]))
        pos = m.end()
    if pos < len(unit.text):
        out.append(_Span(unit.start + pos, unit.end, unit.text[pos:]))
    return [c for c in out if c.text.strip()]


def _headline_units(doc: Document) -> list[_Span]:
    if not doc.headline:
        return []
    units = []
    for i, line in enumerate(doc.lines[:doc.body_start_line]):
        if line not in doc.headline:
            continue
        base = doc.line_offsets[i]
        pos = 0
        for m in _HEADLINE_SPLIT_RE.finditer(line):
            if m.start() > pos:
                units.append(_Span(base + pos, base + m.start(), line[pos:m.start()]))
            pos = m.end()
        if pos < len(line):
            units.append(_Span(base + pos, base + len(line), line[pos:]))
    return [u for u in units if u.text.strip()]


def _trim(doc: Document, clause: _Span, q_start: int, q_end: int, limit: int = 220) -> str:
    """The clause around a figure, at most `limit` characters on word boundaries, exactly as in the text.

    The figure itself (`q_start:q_end`) is always inside the snippet, so the value can be re-read from it.
    """
    text = doc.text
    start, end = clause.start, clause.end
    while start < min(end, q_start) and text[start] in " ,;:)":
        start += 1
    while end > max(start, q_end) and text[end - 1] in " ,.;(":
        end -= 1
    if end - start <= limit:
        return text[start:end]
    if q_end - q_start >= limit:
        return text[q_start:q_end]
    lo = max(start, q_start - (limit - (q_end - q_start)) // 2)
    hi = max(min(end, lo + limit), q_end)
    lo = max(start, min(lo, hi - limit))
    space = text.find(" ", lo, q_start)
    if lo > start and space != -1:
        lo = space + 1
    space = text.rfind(" ", q_end, hi)
    if hi < end and space != -1:
        hi = space
    return text[lo:hi]


# --- roles ---------------------------------------------------------------------------------
def _roles(doc: Document, units: list[_Span], issuer: str | None) -> tuple[dict[str, tuple], dict[str, tuple]]:
    """(tenants, backstop parties): name -> (unit, mention span) showing its role, in order of appearance."""
    tenants: dict[str, _Span] = {}
    backstops: dict[str, _Span] = {}
    for unit in units:
        mentions = find_parties(unit.text)
        for mention in mentions:
            if mention.name in SUPPLIERS:
                continue
            before = unit.text[max(0, mention.start - 140):mention.start]
            after = unit.text[mention.end:mention.end + 80]
            if _BACKSTOP_AFTER_RE.match(after) or _BACKSTOP_BEFORE_RE.search(before):
                backstops.setdefault(mention.name, (unit, unit.start + mention.start, unit.start + mention.end))
                continue
            if any(r.search(before) for r in _TENANT_BEFORE_RES) or any(r.match(after) for r in _TENANT_AFTER_RES):
                tenants.setdefault(mention.name, (unit, unit.start + mention.start, unit.start + mention.end))
        for m in _UNKNOWN_TENANT_RE.finditer(unit.text):
            name = _COMPANY_SUFFIX_RE.sub("", m.group("name").strip(" .,'"))
            words = name.split()
            while words and (words[-1] in {"of", "&", "AI"} and len(words) > 1 and words[-1] != "AI"):
                words.pop()
            name = " ".join(words)
            if (not name or words[0] in _NAME_STOPWORDS or (issuer and name.startswith(issuer))
                    or find_parties(name) or find_sites(name) or len(name) < 3):
                continue
            tenants.setdefault(name, (unit, unit.start + m.start("name"), unit.start + m.start("name") + len(name)))
    for name in backstops:
        tenants.pop(name, None)
    return tenants, backstops


def _mentioned(text: str, tenants: list[str]) -> list[str]:
    names = [m.name for m in find_parties(text) if m.name in tenants]
    for name in tenants:
        if name not in names and re.search(rf"\b{re.escape(name)}\b", text):
            names.append(name)
    return list(dict.fromkeys(names))


def _groups(doc: Document, tenants: dict[str, tuple]) -> list[_Group]:
    """Assign every body sentence to the contract of the tenant it (or the last sentence) names."""
    names = list(tenants)
    sentences = [_Span(s.start, s.end, s.text) for s in doc.sentences]
    per_sentence = [_mentioned(s.text, names) for s in sentences]
    alone = {ms[0] for ms in per_sentence if len(ms) == 1}
    headline_units = _headline_units(doc)
    for unit in headline_units:
        ms = _mentioned(unit.text, names)
        if len(ms) == 1:
            alone.add(ms[0])
    # Tenants only ever named together ("contracts with Together AI and Fluidstack") form one group.
    merged: list[set[str]] = []
    for ms in per_sentence:
        rest = {n for n in ms if n not in alone}
        if not rest:
            continue
        hit = [g for g in merged if g & rest]
        for g in hit:
            rest |= g
            merged.remove(g)
        merged.append(rest)
    keys: list[tuple[str, ...]] = []
    for name in names:
        if name in alone:
            keys.append((name,))
        else:
            group = next(g for g in merged if name in g) if any(name in g for g in merged) else {name}
            key = tuple(n for n in names if n in group)
            if key not in keys:
                keys.append(key)
    groups = {key: _Group(list(key), {n: tenants[n] for n in key}) for key in keys}

    def key_for(ms: list[str]) -> tuple[str, ...] | None:
        hits = {k for k in keys for n in ms if n in k}
        return hits.pop() if len(hits) == 1 else None

    current: tuple[str, ...] | None = None
    preamble: list[_Span] = []
    for sentence, ms in zip(sentences, per_sentence):
        if ms:
            current = key_for(ms)
            if current is None:
                continue  # names two separate contracts: belongs to neither
        if current is None:
            preamble.append(sentence)
        else:
            groups[current].units.append(sentence)
    if len(groups) == 1:
        only = next(iter(groups.values()))
        only.units[:0] = preamble
        only.headline_units = headline_units
    else:
        for unit in headline_units:
            k = key_for(_mentioned(unit.text, names))
            if k is not None:
                groups[k].headline_units.append(unit)
    return list(groups.values())


# --- figures -------------------------------------------------------------------------------
@dataclass
class _Found:
    value: float | date | str
    evidence: str
    qualifier: str | None = None


@dataclass
class _Figures:
    values: dict[str, list[_Found]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, found: _Found) -> None:
        self.values.setdefault(name, []).append(found)


def _classify_money(clause: str, q: Quantity, rel_start: int, rel_end: int, event: Event | None) -> str | None:
    before = clause[:rel_start]
    after = clause[rel_end:]
    if _BACKSTOP_RE.search(clause):
        if re.search(r"\b(?:by|from)\s+$", before) and re.match(r"^\s+to\s", after):
            return None  # "increased its backstop by $1.4 billion to $3.2 billion": keep the total
        return "backstop_usd"
    if _EXCLUDE_MONEY_RE.search(clause):
        return None
    if re.search(r"\bfrom\s+$", before) and re.match(r"^\s+to\s", after):
        return None  # the old figure of "from $A to $B"
    if _EARLIER_RE.search(clause):
        return None
    if re.search(r"\bby\s+$", before) and re.match(r"^\s+to\s", after):
        return "total_contract_value_usd"  # "by $3.0 billion to $6.7 billion": the increment
    cumulative = _CUMULATIVE_RE.search(before) or (
        event in ("expanded", "amended") and _EXPANSION_TOTAL_RE.search(before))
    if cumulative and _POTENTIAL_RE.search(clause):
        # "options that could bring total value to $7.0 billion" is this deal with its extensions;
        # a partnership total "if all options are exercised" is neither.
        return None if _PARTNERSHIP_RE.search(clause) else "potential_value_with_extensions_usd"
    if cumulative:
        return "cumulative_contract_value_usd"
    if _POTENTIAL_RE.search(clause):
        return "potential_value_with_extensions_usd"
    if _ANNUAL_RE.search(clause):
        return "annual_revenue_usd"
    if _CONTRACT_MONEY_RE.search(clause):
        return "total_contract_value_usd"
    return None


def _nearest(pattern: re.Pattern, clause: str, rel_start: int, rel_end: int, reach: int = 70) -> int | None:
    best = None
    for m in pattern.finditer(clause):
        gap = rel_start - m.end() if m.end() <= rel_start else (m.start() - rel_end if m.start() >= rel_end else 0)
        if gap <= reach and (best is None or gap < best):
            best = gap
    return best


def _classify_power(clause: str, rel_start: int, rel_end: int, event: Event | None) -> str | None:
    before = clause[:rel_start]
    after = clause[rel_end:]
    if re.search(r"\bfrom\s+$", before) and re.match(r"^\s+to\s", after):
        return None  # the old figure of "from 40 MW to 48 MW"
    if _EXPANSION_OPTION_RE.search(before) and not re.search(r"exercis", clause, re.I):
        return "expansion_options_mw"
    if (_CUMULATIVE_RE.search(before) or re.match(r"^\s*(?:in total|in aggregate|combined)\b", after, re.I)
            or (event in ("expanded", "amended") and _EXPANSION_TOTAL_RE.search(before))):
        # "would bring total leased capacity to 400 MW if exercised" is a what-if, not a total.
        if _POTENTIAL_RE.search(clause) or re.search(r"\bwould\b|\bif exercised\b", clause, re.I):
            return None
        return "cumulative_critical_it_mw"
    if _PHASE_BEFORE_RE.search(before):
        return None
    # A campus's own power ("the 750 MW Childress campus", "300 MW approved by ERCOT") is no contract's.
    if _SITE_CAPACITY_AFTER_RE.match(after) or (
            _SITE_CAPACITY_CLAUSE_RE.search(clause) and not _LEASE_CONTEXT_RE.search(clause)):
        return None
    critical = _nearest(_CRITICAL_IT_RE, clause, rel_start, rel_end)
    gross = _nearest(_GROSS_RE, clause, rel_start, rel_end)
    if critical is not None and (gross is None or critical <= gross):
        return "critical_it_mw"
    if gross is not None:
        return "gross_mw"
    return "unqualified_mw"


def _collect(doc: Document, group: _Group, event: Event | None) -> _Figures:
    figures = _Figures()
    for unit in group.headline_units + group.units:
        # A comparison table (label | this | that) needs its header to be read; only "label | value"
        # rows are taken on their own.
        if unit.text.count(CELL_SEP) > 1:
            continue
        for clause in _clauses(unit):
            text = clause.text
            for q in find_money(text):
                if q.negative:
                    continue
                name = _classify_money(text, q, q.start, q.end, event)
                if name:
                    figures.add(name, _Found(q.value, _trim(doc, clause, clause.start + q.start, clause.start + q.end), q.qualifier))
            for q in find_power_mw(text):
                name = _classify_power(text, q.start, q.end, event)
                if name:
                    figures.add(name, _Found(q.value, _trim(doc, clause, clause.start + q.start, clause.start + q.end), q.qualifier))
            for q in find_terms_years(text):
                found = _classify_term(text, q)
                if found is not None:
                    figures.add("term_years", _Found(q.value, _trim(doc, clause, clause.start + q.start, clause.start + q.end),
                                                     found or None))
            for d in find_dates(text):
                if _is_start_date(text, d):
                    figures.add("start_date", _Found(d.value, _trim(doc, clause, clause.start + d.start, clause.start + d.end),
                                                     None if d.precision == "day" else d.precision))
    return figures


def _classify_term(clause: str, q: Quantity) -> str | None:
    """"" for a plain term, "average" for a weighted average, None when it is not the contract's term."""
    before, after = clause[:q.start], clause[q.end:]
    if _TERM_EXTENSION_AFTER_RE.match(after):
        return None
    if _TERM_COUNT_BEFORE_RE.search(before) and re.search(r"extension|renewal|option", after[:40], re.I):
        return None  # "two five-year extension options"
    if re.search(r"\bfrom\s+$", before) and re.match(r"^\s+to\s", after):
        return None  # "from 10 years to 15 years": the old term
    if re.search(r"\b(?:extension|renewal)s?\b", before, re.I) and not re.search(r"\bto\s+$", before):
        return None
    if _TERM_EXCLUDE_RE.search(clause) or not _TERM_CONTEXT_RE.search(clause):
        return None
    if _TERM_AVERAGE_AFTER_RE.match(after) or _TERM_AVERAGE_BEFORE_RE.search(before):
        return "average"
    return ""


def _is_start_date(clause: str, d: DatePhrase) -> bool:
    before = clause[:d.start]
    keyword = None
    for keyword in _START_RE.finditer(before):
        pass
    return keyword is not None and not _DATE_END_MARKER_RE.search(before)


def _resolve(figures: _Figures, name: str, evidence: dict, reasons: dict, qualifiers: dict, what: str):
    found = figures.values.get(name, [])
    if not found:
        return None
    distinct = list(dict.fromkeys(f.value for f in found))
    if len(distinct) > 1:
        shown = "; ".join(f"'{f.evidence}'" for f in found[:3])
        reasons[name] = f"the release states different {what} for this contract: {shown}"
        return None
    first = found[0]
    evidence[name] = first.evidence
    qualifier = next((f.qualifier for f in found if f.qualifier), None)
    if qualifier:
        qualifiers[name] = qualifier
    return first.value


# --- events --------------------------------------------------------------------------------
def _event(group: _Group, single: bool, headline_units: list[_Span]) -> tuple[Event | None, str | None]:
    units = group.headline_units or (headline_units if single else [])
    for unit in units:
        for event, pattern in _EVENT_RES:
            if pattern.search(unit.text):
                return event, unit.text.strip()
        if _HEADLINE_EXPANSION_RE.search(unit.text):
            return "expanded", unit.text.strip()
    for unit in group.units:
        for event, pattern in _EVENT_RES:
            if pattern.search(unit.text):
                return event, unit.text.strip()
    return None, None


# --- public --------------------------------------------------------------------------------
def looks_like_hpc_release(text: str | bytes) -> bool:
    """Cheap test for discovery: does this read like an AI/HPC hosting, colocation or cloud contract release?"""
    if isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", errors="replace")
    plain = re.sub(r"<[^>]{0,2000}>", " ", text)
    plain = re.sub(r"&(?:nbsp|#160|#xa0);", " ", plain, flags=re.I)
    ai_tenant = any(m.name not in SUPPLIERS and m.name != "Google" for m in find_parties(plain[:200_000]))
    return ((_HPC_WORDS_RE.search(plain) is not None or ai_tenant)
            and _CONTRACT_WORDS_RE.search(plain) is not None
            and _QUANTITY_WORDS_RE.search(plain) is not None)


def parse_hpc(
    content: bytes | str, *, ticker: str | None = None, announced_date: date | None = None
) -> list[HpcContractEvent]:
    """One `HpcContractEvent` per contract the release describes.

    `ticker` overrides the "(NASDAQ: XXXX)" tag; `announced_date` is used when the release has no
    dateline. Raises `ParseError` when the document is not readable as an AI/HPC contract release.
    """
    doc = read_document(content)
    if not looks_like_hpc_release(doc.text):
        raise ParseError("not an AI/HPC contract release: no HPC/AI, contract and MW/$/term wording together")
    issuer = find_issuer(doc.text)
    issuer_name = issuer[2] if issuer else None
    headline_units = _headline_units(doc)
    units = headline_units + [_Span(s.start, s.end, s.text) for s in doc.sentences]
    tenants, backstops = _roles(doc, units, issuer_name)
    groups = _groups(doc, tenants) if tenants else []
    if not groups:
        anonymous = next((m for u in units for m in [_ANONYMOUS_TENANT_RE.search(u.text)] if m), None)
        if not any(_CONTRACT_WORDS_RE.search(u.text) for u in units):
            raise ParseError("no AI/HPC contract described: no lease, agreement or contract wording")
        group = _Group([], units=[_Span(s.start, s.end, s.text) for s in doc.sentences],
                       headline_units=headline_units)
        if anonymous:
            group.anonymous = _Span(0, 0, anonymous.group("phrase"))
        if _event(group, True, headline_units)[0] is None:
            raise ParseError("no AI/HPC contract described: no tenant named and no signing, expansion, "
                             "amendment or termination wording")
        groups = [group]

    out = []
    for group in groups:
        record = _record(doc, group, len(groups) == 1, headline_units, backstops, issuer, ticker, announced_date)
        if record is not None:
            out.append(record)
    if not out:
        raise ParseError("no AI/HPC contract terms found: no MW, value, term or event for any named tenant")
    return out


def _record(doc, group, single, headline_units, backstops, issuer, ticker, announced_date) -> HpcContractEvent | None:
    evidence: dict[str, str] = {}
    reasons: dict[str, str] = {}
    qualifiers: dict[str, str] = {}
    values: dict[str, object] = {}

    if ticker:
        values["ticker"] = ticker.upper()
        evidence["ticker"] = "given by the caller"
    elif issuer:
        values["ticker"] = issuer[0]
        evidence["ticker"] = issuer[1]
    else:
        reasons["ticker"] = "no exchange tag such as '(NASDAQ: XXXX)' in the release and no ticker given"

    if group.tenants:
        values["counterparty"] = "; ".join(group.tenants)
        unit, start, end = group.tenant_evidence[group.tenants[0]]
        evidence["counterparty"] = _trim(doc, unit, start, end)
    elif group.anonymous is not None:
        reasons["counterparty"] = f"the release does not name the tenant ('{group.anonymous.text}')"
    else:
        reasons["counterparty"] = "no tenant named in the release"

    event, event_evidence = _event(group, single, headline_units)
    if event:
        values["event"] = event
        evidence["event"] = event_evidence[:220]
    else:
        reasons["event"] = "no signing, expansion, amendment or termination wording"

    own_text = " ".join(u.text for u in group.headline_units + group.units)
    backstop = next((name for name in backstops if re.search(_party_pattern(name), own_text)), None)
    if backstop is None and single and backstops:
        backstop = next(iter(backstops))
    if backstop:
        values["backstop_party"] = backstop
        unit, start, end = backstops[backstop]
        evidence["backstop_party"] = _trim(doc, unit, start, end)

    sites = _sites(doc, group, single)
    if sites:
        values["site"] = ", ".join(dict.fromkeys(m.name for m in sites))
        evidence["site"] = sites[0].text
    else:
        reasons["site"] = "no campus or site named for this contract"

    figures = _collect(doc, group, event)
    for name, what in (
        ("critical_it_mw", "critical IT capacities"), ("gross_mw", "gross capacities"),
        ("term_years", "terms"), ("total_contract_value_usd", "contract values"),
        ("annual_revenue_usd", "annual revenues"), ("start_date", "start dates"),
        ("expansion_options_mw", "expansion options"), ("backstop_usd", "backstop amounts"),
        ("cumulative_contract_value_usd", "cumulative values"), ("cumulative_critical_it_mw", "cumulative capacities"),
        ("potential_value_with_extensions_usd", "values with extensions"), ("unqualified_mw", "capacities"),
    ):
        value = _resolve(figures, name, evidence, reasons, qualifiers, what)
        if value is not None:
            values[name] = value

    # An MW figure without a basis that repeats a qualified one is the same capacity (headline vs body).
    unq = values.get("unqualified_mw")
    if unq is not None and unq in {values.get("critical_it_mw"), values.get("gross_mw"),
                                   values.get("cumulative_critical_it_mw"), values.get("expansion_options_mw")}:
        values.pop("unqualified_mw")
        evidence.pop("unqualified_mw", None)
        qualifiers.pop("unqualified_mw", None)

    if doc.announced_date:
        values["announced_date"] = doc.announced_date
        evidence["announced_date"] = doc.announced_evidence or str(doc.announced_date)
    elif announced_date:
        values["announced_date"] = announced_date
        evidence["announced_date"] = "given by the caller"
    else:
        reasons["announced_date"] = "no dateline in the release and no date given"

    if not any(k in values for k in ("critical_it_mw", "gross_mw", "term_years", "total_contract_value_usd",
                                    "annual_revenue_usd", "unqualified_mw", "cumulative_critical_it_mw",
                                    "cumulative_contract_value_usd", "backstop_usd", "event")):
        return None

    _explain_nulls(values, reasons, figures)
    return HpcContractEvent(**values, evidence=evidence, null_reasons=reasons, qualifiers=qualifiers)


def _party_pattern(name: str) -> str:
    return KNOWN_PARTIES.get(name, rf"\b{re.escape(name)}\b")


def _sites(doc: Document, group: _Group, single: bool) -> list[Mention]:
    found: list[Mention] = []
    for unit in group.headline_units + group.units:
        for m in find_sites(unit.text):
            found.append(Mention(m.name, unit.start + m.start, unit.start + m.end,
                                 _trim(doc, unit, unit.start + m.start, unit.start + m.end)))
    return found


def _explain_nulls(values: dict, reasons: dict, figures: _Figures) -> None:
    """A reason for every contract field left null, naming the nearby figure that was not taken."""
    if "critical_it_mw" not in values and "critical_it_mw" not in reasons:
        if "unqualified_mw" in values:
            reasons["critical_it_mw"] = "MW stated without saying critical IT or gross; kept as unqualified_mw"
        elif "cumulative_critical_it_mw" in values:
            reasons["critical_it_mw"] = "only a cumulative total is stated; kept as cumulative_critical_it_mw"
        else:
            reasons["critical_it_mw"] = "no critical IT capacity stated for this contract"
    if "gross_mw" not in values and "gross_mw" not in reasons:
        reasons["gross_mw"] = "no gross power capacity stated for this contract"
    if "total_contract_value_usd" not in values and "total_contract_value_usd" not in reasons:
        if "cumulative_contract_value_usd" in values:
            reasons["total_contract_value_usd"] = "only a cumulative partnership total is stated; kept as cumulative_contract_value_usd"
        elif "backstop_usd" in values:
            reasons["total_contract_value_usd"] = "only a backstop amount is stated, which is not contract value"
        else:
            reasons["total_contract_value_usd"] = "no contract value stated"
    defaults = {
        "term_years": "no contract term stated",
        "annual_revenue_usd": "no annual or annualized revenue stated",
        "start_date": "no start or commencement date more precise than a year stated",
        "expansion_options_mw": "no expansion option stated",
        "backstop_party": "no backstop or guarantee of the tenant's obligations stated",
    }
    for name, reason in defaults.items():
        if name not in values and name not in reasons:
            reasons[name] = reason
    for name in _CONTRACT_FIELDS:
        if name not in values and name not in reasons:
            reasons[name] = "not disclosed"


def parse_for_cli(content: bytes, ticker: str | None = None, period: str | None = None) -> list[dict]:
    """`minerwatch parse hpc FILE`: JSON-ready dicts, the issue-8 keys first. `period` (YYYY-MM-DD) stands in
    for a missing dateline."""
    announced = None
    if period:
        try:
            announced = date.fromisoformat(period)
        except ValueError:
            announced = None
    rows = []
    for record in parse_hpc(content, ticker=ticker, announced_date=announced):
        dumped = record.model_dump(mode="json")
        rows.append({**{k: dumped[k] for k in CLI_KEYS}, **{k: v for k, v in dumped.items() if k not in CLI_KEYS}})
    return rows
