"""What a figure in a release clause is, judged by the words around it (AI/HPC contract releases).

Private to `transforms/hpc.py`. Each function takes one clause and the position of one figure in it and
names the field the figure belongs to, or None when the wording does not say. The precedence is the
point: a backstop clause is never contract value, a partnership total never the deal's value, a site's
own power never a lease's capacity, an extension term never the initial term.
"""
from __future__ import annotations

import re

from transforms.hpc_numbers import DatePhrase, Quantity

__all__ = ["classify_money", "classify_power", "classify_term", "is_start_date", "parenthetical_power_kind"]

# Clause-level keywords used to classify a figure by the words around it.
_BACKSTOP_RE = re.compile(r"backstop|guarantee|credit support", re.I)
_EXCLUDE_MONEY_RE = re.compile(
    # "Expected cumulative NOI contribution of $6.9 billion": an operating profit, not the contract's value
    r"\bNOI\b|net operating income|EBITDA|\bcontribution\b|"
    r"financ|\bnotes?\b|\bdebt\b|\bloans?\b|credit facility|capex|capital expenditure|purchas|procure|acqui|"
    r"invest|warrant|prepay|deposit|\bcosts?\b|equity|offering|"
    r"\braise|proceeds|\bcash\b|liquidity|budget|\bspend|\bfund(?:ing|ed|s)?\b|market cap|"
    r"\bprice\b|build-out cost|per (?:IT )?(?:MW|megawatt|kW)|/kW|\bfees?\b|penalt",
    re.I,
)
# Partnership totals. Not "cumulative revenue over the 12-year term" (Core Scientific's wording for a
# single deal's value) nor "total contracted revenue of $7 billion" in a signing release.
_CUMULATIVE_RE = re.compile(
    r"\bbring(?:s|ing)?\b|\bto date\b|\bcombined\b|(?-i:\btogether\b)(?!\s+AI)|\bcollectively\b|\bacross (?:all|both|its|our|the)\b|\bin aggregate\b|"
    r"\bnow totals?\b|\bcampus-level\b|\bfor\s+the\s+(?:full|entire|whole)\s+(?:[\w,-]+\s+){0,3}(?:campus|site|portfolio)\b|\btotal of all\b|\bacross (?:these|those|the|its|our|all)\s+(?:[\w-]+\s+){0,3}(?:leases|agreements|contracts|deals)\b|\bpartnership total\b|\b(?:increas|rais)(?:es|ing|ed|e) (?:the |its |our )?total\b|"
    r"\btotal\b[^$]{0,60}\b(?:of|under|for|with|across|at) (?:the |its |our |this )?(?:partnership|relationship|campus|all|both)\b|"
    r"\b(?:partnership|relationship|platform|portfolio)\b[^$]{0,40}\bto (?:approximately |about |over |more than |~)?$|"
    r"\btotal\b[^$.;]{0,80}\b(?:now|reach(?:es|ed|ing)?|ris(?:es|en|ing)|stands at|grows? to|growing to|increases? to|increasing to)\b|"
    # "The deal expands the company's contracted data center capacity for AI to 597 MW": the company's whole book
    r"\b(?:the\s+company['’]s|its|our)\s+(?:total\s+)?contracted\s+[^.;$]{0,60}?\bto\s+(?:approximately\s+|about\s+)?$|"
    # "The Muskogee data center represents a portion of the total 500 MW ... contracted": the whole of
    # which this facility is one part
    r"\b(?:portion|part|share|subset|fraction)\s+of\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:overall\s+|aggregate\s+)?total\b",
    re.I,
)
#: "new liquid-cooled data centers that will collectively support 200MW of critical IT load": the buildings of one
#: contract taken together, not a total across contracts.
_FACILITIES_TOGETHER_RE = re.compile(
    # "six data halls with a combined total of 352 megawatts": one data center's halls
    r"\b(?:data\s+cent(?:er|re)s|facilities|buildings|halls|phases|sites)\b[^.;$]{0,25}$", re.I)


_BRINGS_AN_AMOUNT_RE = re.compile(r"\s+(?:in\s+)?(?:an?\s+additional\s+|approximately\s+|about\s+|over\s+|more than\s+|~)?$", re.I)


def _cumulative(text: str) -> re.Match | None:
    """The first running-total cue in `text` that is not one contract's buildings "collectively"/"together"."""
    for m in _CUMULATIVE_RE.finditer(text):
        if m.group(0).lower() in ("collectively", "together", "combined") and _FACILITIES_TOGETHER_RE.search(text[:m.start()]):
            continue
        if m.group(0).lower().startswith("bring") and _BRINGS_AN_AMOUNT_RE.match(text, m.end()):
            continue  # "The new agreement brings $1.2 billion in contracted revenue": what it adds, no running total
        return m
    return None


_EARLIER_RE = re.compile(r"\bprevious(?:ly)?\b|\bprior\b|\bexisting\b|\boriginal(?:ly)?\b", re.I)
# Figures of the earlier deals a release recalls ("$7 billion from the initial two 15-year leases signed in
# May", "the first three agreements"): not this contract's, even where "initial" alone would be ("over the
# initial 10-year term" is this contract's term).
_EARLIER_DEALS_RE = re.compile(
    r"\b(?:initial|first|earlier|prior|previous|existing|original)\s+(?:two|three|four|five|six|\d)\b[^.;]{0,40}?"
    r"\b(?:leases|agreements|contracts|deals|transactions)\b|\bearlier\s+(?:leases?|agreements?|contracts?|deals?)\b",
    re.I,
)
# A company-wide goal or guidance ("Targeting $3.4bn AI Cloud ARR by end of 2026") is no contract's figure.
_TARGET_RE = re.compile(
    r"\btarget(?:s|ing|ed)?\b|\bguidance\b|\boutlook\b|\bforecast\b|\bgoal\b|\baspir|\baim(?:s|ing|ed)?\s+(?:for|to|at)\b", re.I)
# Capacity still being negotiated is no contract's ("our discussions with potential clients to modify an
# additional 300 megawatts ... continue").
_IN_TALKS_RE = re.compile(
    r"\b(?:discussions?|negotiations?|talks)\s+with\b|\bpotential\s+(?:clients|customers|tenants|partners)\b", re.I)
_PARTNERSHIP_RE = re.compile(r"partnership|relationship|\bacross\b|\ball\b|\bboth\b|campus|portfolio|combined", re.I)
# In an expansion or amendment, "total ... to $X" is the new partnership total.
_EXPANSION_TOTAL_RE = re.compile(r"\btotal\b[^$]{0,80}\bto\s+(?:approximately\s+|about\s+|over\s+|more than\s+)?$", re.I)
_POTENTIAL_RE = re.compile(
    r"\bextension|\brenew|\bif (?:all |both |the )?(?:\w+ )?(?:options?|extensions?) (?:are |is )?exercised|"
    r"\bpotential(?:ly)?\b|\bcould (?:increase|reach|grow|rise)|\boptional\b|\bupside\b|\bif exercised\b|"
    r"\bwould (?:lift|bring|raise|increase|take|grow|rise)\b",
    re.I,
)
_BARE_POTENTIAL_RE = re.compile(r"\bpotential\b", re.I)
_OVER_THE_TERM_RE = re.compile(
    r"^\s+over\s+(?:the\s+|their\s+|its\s+)?(?:(?:\d+|[a-z]+)[- ]years?\b|(?:initial\s+|full\s+)?(?:[\w-]+\s+)?(?:terms?|contracts?)\b)", re.I)
_ANNUAL_RE = re.compile(
    # "inclusive of a 3.0% annual base rent escalator", "contractual annual rate escalators": a rent's yearly step-up,
    # not a yearly figure
    r"\bannual(?:ly)?\b(?!\s+(?:base\s+)?(?:rent\s+|rate\s+)?(?:escalat|increase))|\bannuali[sz]ed\b|\bper year\b|\bper annum\b|\ba year\b|\beach year\b|\bARR\b|"
    r"\brun[- ]rate\b|\byearly\b",
    re.I,
)
_CONTRACT_MONEY_RE = re.compile(
    r"\bcontract(?:s|ed)?\b|\bagreements?\b|\blease[sd]?\b|\bdeal\b|\brevenue\b|\bworth\b|\bvalued?\b|\bTCV\b|"
    r"\bcommitments?\b|\bcolocation\b|\bbacklog\b|"
    r"\bover\s+the\s+(?:initial\s+|full\s+|contract\s+|lease\s+)?(?:[\w-]+\s+){0,2}terms?\b",
    re.I,
)
_EXPANSION_OPTION_RE = re.compile(
    r"\boptions?\b|\bright of first (?:refusal|offer)\b|\bfirst right of (?:refusal|offer)\b|\bROF[RO]\b|\bexpansion (?:rights?|capacity|potential)\b|"
    r"\b(?:could|may|can|ability to|potential to|plans? to) expand\b|\bpotential (?:expansion|additional)\b|"
    r"\bpotential\s+for\s+(?:an?\s+)?(?:additional\s+|further\s+)?expansion\b|"
    r"\bfuture expansion\b|\bexpandable\b|\bexclusivity\b|\bpotential(?:ly)?\s+(?:an?\s+)?(?:additional\s+|further\s+)?$",
    re.I,
)
# "IT" alone only in capitals: "announced that it has ..." is not information technology.
_CRITICAL_IT_RE = re.compile(r"critical IT|critical[- ]load|IT load|IT capacity|IT power|critical power|(?-i:\bIT\b)", re.I)
_GROSS_RE = re.compile(r"\bgross\b|\btotal power\b|\butility (?:power|capacity)\b|\bof power\b|\bpower capacity\b|\baccess to power\b", re.I)
# "Under the original agreement, the Company ... had access to 297 megawatts (MW) of power": the figure an
# amendment replaces
_ORIGINAL_TERMS_RE = re.compile(r"\b(?:under|in)\s+the\s+(?:original|prior|previous|initial)\s+(?:agreements?|leases?|contracts?|terms?)\b", re.I)
_SITE_CAPACITY_AFTER_RE = re.compile(
    r"^\s*(?:[A-Z0-9][\w-]*\s+){0,3}(?:campus|site|facility|hub|park|data cent(?:er|re) campus|portfolio|pipeline)\b", re.I
)
_SITE_CAPACITY_CLAUSE_RE = re.compile(
    r"\bgrid[- ]connected\b|\binterconnect\w*|\bsubstation\b|\bsecured power\b|\bpower pipeline\b|"
    r"\bportfolio\b|\bapproved\b|\bERCOT\b|\bunder development\b|\bnameplate\b|"
    r"\b(?:site|campus|facility) (?:has|have|had|with|offers)\b|\bdesigned for\b|\bdesign capacity\b|"
    r"\bcapable of\b|\bcan support\b",
    re.I,
)
# "The 100 MW Muskogee data center will provide approximately 70 MW of critical IT load": the facility's
# size is its gross power when the same clause goes on to state its critical IT share.
_FACILITY_WITH_ITS_OWN_IT_RE = re.compile(
    r"^\s*(?:[A-Z][\w-]+\s+){0,3}data cent(?:er|re)\b[^;]{0,80}?\d\s*(?:MW|megawatts?)\s+of\s+critical IT", re.I)
_LEASE_CONTEXT_RE = re.compile(r"lease|contract|agreement|tenant|deliver|colocation|commit", re.I)
# "modify a total of 100 MW of its owned infrastructure to deliver approximately 70 MW to host ...": the first figure
# is the power converted (gross), the second what it delivers to the tenant (critical IT).
_CONVERTED_POWER_AFTER_RE = re.compile(
    r"^\s*of\s+(?:its|our|the\s+Company['’]s|their)?\s*(?:owned\s+|existing\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:infrastructure|capacity|power)\s+to\s+(?:deliver|provide|yield|support)\b", re.I)
_DELIVERED_FROM_BEFORE_RE = re.compile(
    r"\b(?:MW|megawatts?)\s+of\s+[^.;]{0,60}?\b(?:infrastructure|capacity|power)\s+to\s+(?:deliver|provide|yield)\s+$",
    re.I)
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
_TERM_EXTENSION_AFTER_RE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}(?:extensions?|renewals?|options?|renewal options?)\b"
    # "features a two-month prepayment", "a 90-day notice period": a payment or notice, no term
    r"|^\s*(?:(?:security|cash)\s+)?(?:prepayments?|deposits?|advances?|notice|payment)\b", re.I)
_TERM_COUNT_BEFORE_RE = re.compile(r"(?:two|three|four|2|3|4|additional|optional|further|successive)\s+$", re.I)
_TERM_AVERAGE_AFTER_RE = re.compile(r"^\s*(?:weighted[- ])?average\b", re.I)
_TERM_AVERAGE_BEFORE_RE = re.compile(r"\baverage\s+(?:remaining\s+)?(?:contract\s+|lease\s+)?(?:term|duration)\s+(?:of\s+)?$", re.I)
_START_RE = re.compile(
    r"commenc|\bbegin|\bstart|go live|come online|\bonline\b|\bdeliver|\brent\b|first phase|phase 1|"
    r"ready for service|handover|hand over|\boperational\b|energi[sz]|revenue recognition|ramp",
    re.I,
)
_DATE_END_MARKER_RE = re.compile(r"(?:through|until|by the end of|by end of|ending|completed? by|fully|by)\s+(?:the\s+)?$", re.I)


# A results release's own figures: "reported revenue of $88 million", "$88 million for the third quarter".
_PERIOD_RESULT_BEFORE_RE = re.compile(
    r"\b(?:reported|record|quarterly|net|total)\s+(?:total\s+)?revenues?\s+(?:of|was|were|totaled|totalled)\s+"
    r"(?:approximately\s+|about\s+)?$"
    # "Total revenue increased to record $240.3m"
    r"|\brevenues?\s+(?:increased|decreased|grew|rose|fell|declined)\s+(?:by\s+[\d.]+\s?%\s+)?to\s+(?:an?\s+)?(?:record\s+)?$",
    re.I)
_PERIOD_RESULT_AFTER_RE = re.compile(
    r"^\s*(?:in|for)\s+(?:the\s+)?(?:(?:first|second|third|fourth|fiscal|last|latest)\s+)?(?:quarter|three|six|nine|twelve|"
    r"fiscal\s+year|full\s+year|year\s+ended|month)\b"
    # a results release's comparative: "as compared to $126.9 million for the same period last year"
    r"|^\s*(?:in|for)\s+the\s+(?:same|comparable|corresponding|prior[- ]year)\s+(?:period|quarter|year)\b"
    # a segment's share of the period's revenue: "Quarterly revenue of $167.2 million, including $33.2 million in Data
    # Center revenue"
    # (not "$9.1 billion in contracted revenue", "$2 billion of total base-term revenue": a contract's)
    r"|^\s*(?:in|of)\s+(?!(?:[\w/&-]+\s+){0,3}?(?:contract\w*|leases?|lease-?term|base|base-term|total|potential|expected|"
    r"annual\w*|cumulative|future|committed|projected|estimated|additional|incremental|new|recurring)\b)"
    r"(?:[\w/&-]+\s+){1,3}revenues?\b", re.I)


# Shares only disqualify an amount they stand beside: a news copy's "saw its shares take off ... after announcing
# ... a $180 million, 24-month contract" still states the contract's value.
_SHARES_NEAR_RE = re.compile(r"\bshares?\b[^$]{0,40}$|^[^$.;]{0,20}\b(?:per\s+share|shares?)\b", re.I)


def sums_up(text: str) -> bool:
    """Does `text` speak of a running total ("brings the partnership to", "across all its leases")?"""
    return _cumulative(text) is not None


def classify_money(clause: str, rel_start: int, rel_end: int, event: str | None) -> str | None:
    """The field of the dollar amount at `clause[rel_start:rel_end]`, or None (purchase, fee, old figure...)."""
    before = clause[:rel_start]
    after = clause[rel_end:]
    own_words = _own_words(clause, rel_start, rel_end)
    if _BACKSTOP_RE.search(own_words):
        if re.search(r"\b(?:by|from)\s+$", before) and re.match(r"^\s+to\s", after):
            return None  # "increased its backstop by $1.4 billion to $3.2 billion": keep the total
        if re.search(r"\b(?:increas\w*|rais\w*|expand\w*|grow\w*)\b[^$]{0,40}\bby\s+(?:approximately\s+|about\s+|an additional\s+)?$",
                     before, re.I):
            return None  # "increase its backstop by $333 million, bringing the total backstop to ...": an increment
        return "backstop_usd"
    if _PERIOD_RESULT_BEFORE_RE.search(before[-60:]) or _PERIOD_RESULT_AFTER_RE.match(after):
        return None  # "reported revenue of $88 million for the third quarter": the company's results, no contract's
    if _TCV_LABEL_BEFORE_RE.search(before) and event in (None, "signed", "amended"):
        return "total_contract_value_usd"  # a deck's "Total Contract Value (1) $865M": the label names the figure
    if _SHARES_NEAR_RE.search(before[-60:]) or _SHARES_NEAR_RE.match(after[:60]):
        return None  # "issue 2.0 million shares valued at $40 million", "$12 per share"
    if (_EXCLUDE_MONEY_RE.search(own_words) or _EARLIER_DEALS_RE.search(clause) or _TARGET_RE.search(before)
            or _TARGET_RE.search(_local_words(before, after)[1])):
        return None
    if re.search(r"\bfrom\s+$", before) and re.match(r"^\s+to\s", after):
        return None  # the old figure of "from $A to $B"
    if _EARLIER_RE.search(clause):
        return None
    if re.search(r"\bby\s+$", before) and re.match(r"^\s+to\s", after):
        return "total_contract_value_usd"  # "by $3.0 billion to $6.7 billion": the increment
    if (event in (None, "signed", "amended") and re.search(r"\btotal\s+contract\s+value\b", before[-80:], re.I)
            and not re.search(r"partnership|relationship|\bacross\b|\ball\b|\bboth\b|combined|portfolio", clause, re.I)
            and not _POTENTIAL_RE.search(clause)):
        return "total_contract_value_usd"  # "increasing the total contract value from $2.0 billion to $3.1 billion"
    cumulative = _cumulative(before) or (
        event in ("expanded", "amended") and _EXPANSION_TOTAL_RE.search(before))
    if cumulative and _POTENTIAL_RE.search(clause):
        # "options that could bring total value to $7.0 billion" is this deal with its extensions;
        # a partnership total "if all options are exercised" is neither.
        return None if _PARTNERSHIP_RE.search(clause) else "potential_value_with_extensions_usd"
    if cumulative:
        return "cumulative_contract_value_usd"
    # Two figures of one clause are told apart by the words between them: "$4.1 billion over the initial
    # term and includes two extension options which ... would bring revenue to $9.2 billion", "$250
    # million of annual revenue, or approximately $2.5 billion over the term".
    near_before, near_after = _local_words(before, after)
    if (_BARE_POTENTIAL_RE.search(near_before) and _OVER_THE_TERM_RE.match(after)
            and not _POTENTIAL_RE.search(_BARE_POTENTIAL_RE.sub("", clause))):
        # "These long-term contracts represent total potential revenue of approximately $6.7 billion over 12 years":
        # revenue the signed terms may bring, with no extension or option in sight, is the contract value
        return "total_contract_value_usd"
    if re.match(r"^\s*(?:in|of)\s+(?:average\s+|expected\s+)?(?:annual|annualized|yearly)\s+(?:\w+\s+)?revenue\b", after, re.I):
        # "leases that include two five-year extension options and are expected to generate more than $1 billion in
        # average annual revenue": the words right after the figure name it
        return "annual_revenue_usd"
    if _POTENTIAL_RE.search(near_before) or _POTENTIAL_RE.search(near_after):
        return "potential_value_with_extensions_usd"
    if _ANNUAL_RE.search(near_before) or _ANNUAL_RE.search(near_after):
        return "annual_revenue_usd"
    if _CONTRACT_MONEY_RE.search(clause) or (event == "expanded" and _NAMED_EXPANSION_AFTER_RE.match(after)):
        return "total_contract_value_usd"  # ... or a title's "Announce $1.2 Billion Expansion at Denton"
    return None


_TCV_LABEL_BEFORE_RE = re.compile(r"\btotal\s+contract\s+value\s*(?:\(\d\)\s*)?:?\s*$", re.I)
_NAMED_EXPANSION_AFTER_RE = re.compile(r"\s+(?:(?:contract|lease|HPC|AI)\s+)?expansion\b", re.I)
_OTHER_FIGURE_RE = re.compile(r"(?:US\s?)?\$\s?\d")
# Where the words about a figure stop: the next verb phrase that adds another term ("and includes two
# extension options", "and has an average ...").
_AFTER_STOP_RE = re.compile(r"\s(?:and|which|while)\s+(?:also\s+)?(?:includ|ha[sv]e?\b|contain|provid|grant|carr|feature)", re.I)


# "... $19 billion of contracted lease revenue over the initial term and is expected to be supported by an
# investment-grade ...": a second predicate of the sentence says nothing of the figure, nor does the next figure's
# label ("~$6.6 billion of base-term contract value and ~$330 million of average annual NOI").
_NEXT_PREDICATE_RE = re.compile(r"\s(?:and|which|while)\s+(?:also\s+)?(?:is|are|was|were|will|includ|ha[sv]e?\b|contain|provid|grant|carr|feature)",
                                re.I)


# "through ~$19 billion Anthropic lease at Justified and acquisition of the ... Muskie Data Campus": a second deal
# joined by "and" is not the figure's, so its purchase does not exclude the lease's value.
_OTHER_DEAL_AFTER_RE = re.compile(
    r"\s(?:and|as well as|plus)\s+(?:the\s+|its\s+|an?\s+)?(?:acquisition|purchase|sale|divestiture)\s+of\b", re.I)


def _own_words(clause: str, rel_start: int, rel_end: int) -> str:
    """The clause up to the figure and on to the next predicate or figure: what its exclusions are read in."""
    after = clause[rel_end:]
    stops = [m.start() for m in (_NEXT_PREDICATE_RE.search(after), _OTHER_FIGURE_RE.search(after),
                                 _OTHER_DEAL_AFTER_RE.search(after)) if m]
    return clause[:rel_end] + after[:min(stops, default=len(after))]


def _local_words(before: str, after: str, reach: int = 90) -> tuple[str, str]:
    """The words that belong to one figure: back to the previous dollar figure, ahead to the next one
    (or the next clause that adds another term), each at most `reach` characters."""
    last = None
    for last in _OTHER_FIGURE_RE.finditer(before):
        pass
    near_before = before[last.end():] if last else before
    near_before = near_before[-reach:]
    nxt = _OTHER_FIGURE_RE.search(after)
    near_after = after[:nxt.start()] if nxt else after
    stop = _AFTER_STOP_RE.search(near_after)
    if stop:
        near_after = near_after[:stop.start()]
    return near_before, near_after[:reach]


def _nearest(pattern: re.Pattern, clause: str, rel_start: int, rel_end: int, reach: int = 70) -> int | None:
    best = None
    for m in pattern.finditer(clause):
        gap = rel_start - m.end() if m.end() <= rel_start else (m.start() - rel_end if m.start() >= rel_end else 0)
        if gap <= reach and (best is None or gap < best):
            best = gap
    return best


def _capacity_option(before: str) -> bool:
    """Option wording before a MW figure that is about more capacity: not a term's extension or renewal
    options ("$9.0 billion including extension options, across 207 MW")."""
    # "entered into exclusivity and executed an LOI ... for a 400 MW capacity lease": the option wording ends
    # where a verb of signing begins the next clause
    return any(not re.search(r"\b(?:extension|renewal|term)s?\s+$", before[:m.start()], re.I)
               and not re.search(r"\band\s+(?:has\s+|have\s+)?(?:executed|signed|entered)\b", before[m.end():], re.I)
               for m in _EXPANSION_OPTION_RE.finditer(before))


def classify_power(clause: str, rel_start: int, rel_end: int, event: str | None) -> str | None:
    """The field of the MW figure at `clause[rel_start:rel_end]`, or None (site capacity, phase, old figure)."""
    before = clause[:rel_start]
    after = clause[rel_end:]
    if re.search(r"\bfrom\s+$", before) and re.match(r"^\s+to\s", after):
        return None  # the old figure of "from 40 MW to 48 MW"
    if re.match(r"^\s*(?:of\s+)?(?:planned|prospective|pipeline)\b", after, re.I):
        return None  # "over 1GW of planned data center capacity": a company's plans, no contract's capacity
    if _TARGET_RE.search(before[-60:]):
        return None  # "a growth strategy targeting 250-500 MW of new contracted capacity annually"
    if _IN_TALKS_RE.search(before[-120:]):
        return None  # "discussions with potential clients to modify an additional 300 megawatts": not contracted
    if _EARLIER_DEALS_RE.search(clause) or re.search(r"\b(?:previously|originally)\s+(?:announced|signed|executed|contracted)\s+$", before, re.I):
        return None  # "the previously announced 200 MW contract", "the initial two leases' 250 MW"
    if (re.search(r"\bacross\s+(?:approximately\s+|about\s+|roughly\s+|over\s+|more than\s+)?$", before, re.I)
            and _cumulative(before)):
        return "cumulative_critical_it_mw"  # "brings the partnership to $3.8 billion ... across 207 MW"
    if _capacity_option(before) and not re.search(r"exercis", clause, re.I):
        return "expansion_options_mw"
    if (_cumulative(before) or re.match(r"^\s*(?:in total|in aggregate|combined)\b", after, re.I)
            or (event in ("expanded", "amended") and _EXPANSION_TOTAL_RE.search(before))):
        # "would bring total leased capacity to 400 MW if exercised" is a what-if, not a total.
        if _POTENTIAL_RE.search(clause) or re.search(r"\bwould\b|\bif exercised\b", clause, re.I):
            return None
        return "cumulative_critical_it_mw"
    if _PHASE_BEFORE_RE.search(before) or _ORIGINAL_TERMS_RE.search(before):
        return None
    if re.search(r"\b(?:at|in)\s+(?:our|its|their)\s+$", before) and re.match(
            r"^\s*(?:(?-i:[A-Z])[\w.-]*\s+){0,3}data\s+cent(?:er|re)s?\b", after, re.I):
        return None  # "operations ... at our 16-megawatt Austin data center": a site the company already runs
    if _CONVERTED_POWER_AFTER_RE.match(after):
        return "gross_mw"
    if _DELIVERED_FROM_BEFORE_RE.search(before):
        return "critical_it_mw"
    # A campus's own power ("the 750 MW Childress campus", "300 MW approved by ERCOT") is no contract's.
    if _FACILITY_WITH_ITS_OWN_IT_RE.match(after):
        return "gross_mw"
    leased_whole = re.search(r"\b(?:lease|leasing|licen[sc]e)\s+of\s+(?:an?|the|its)\s+(?:approximately\s+)?$", before, re.I)
    if not leased_whole and (_SITE_CAPACITY_AFTER_RE.match(after) or (
            _SITE_CAPACITY_CLAUSE_RE.search(clause) and not _LEASE_CONTEXT_RE.search(clause))):
        return None     # (but "the lease of a 244 MW HPC data center facility" leases the whole facility)
    critical = _nearest(_CRITICAL_IT_RE, clause, rel_start, rel_end)
    gross = _nearest(_GROSS_RE, clause, rel_start, rel_end)
    if critical is not None and gross is not None and _basis_of_the_next_figure(clause, rel_end):
        # "The gross utility load of the site at 32 MW correlates to a critical IT load of approximately
        # 25 MW": the basis after the figure is the next figure's
        critical = None
    if critical is not None and (gross is None or critical <= gross):
        return "critical_it_mw"
    if gross is not None:
        return "gross_mw"
    return "unqualified_mw"


_NEXT_MW_RE = re.compile(r"[^.;]{0,30}?\d[\d,.]*\s?(?:MW|megawatts)\b", re.I)


def _basis_of_the_next_figure(clause: str, rel_end: int) -> bool:
    """Is every critical-IT cue after the figure at `rel_end` followed closely by another MW figure, so that the
    cue names that figure's basis?"""
    after = [m for m in _CRITICAL_IT_RE.finditer(clause) if m.start() >= rel_end and m.start() - rel_end <= 70]
    before = [m for m in _CRITICAL_IT_RE.finditer(clause[:rel_end])]
    # "168 MW of critical IT load, about 244 MW gross": a cue joined to the figure by "of" is the figure's own
    return bool(after) and not before and all(
        _NEXT_MW_RE.match(clause, m.end()) and not re.fullmatch(r"[\s(]*(?:of\s+(?:the\s+)?)?", clause[rel_end:m.start()])
        for m in after)


def classify_term(clause: str, q: Quantity) -> str | None:
    """The qualifier of the term `q`: "" for a plain term, "average" for a weighted average, None when the
    duration is not the contract's term (an extension, a warrant, a payback period)."""
    before, after = clause[:q.start], clause[q.end:]
    if _TERM_EXTENSION_AFTER_RE.match(after):
        return None
    if _TERM_COUNT_BEFORE_RE.search(before) and re.search(r"extension|renewal|option", after[:40], re.I):
        return None  # "two five-year extension options"
    if re.search(r"\bfrom\s+$", before) and re.match(r"^\s+to\s", after):
        return None  # "from 10 years to 15 years": the old term
    if re.search(r"\b(?:extension|renewal)s?\b", before, re.I) and not re.search(r"\bto\s+$", before):
        return None
    if _EARLIER_DEALS_RE.search(clause):
        return None  # "the initial two approximately 15-year leases executed in May"
    if _TERM_EXCLUDE_RE.search(clause) or not _TERM_CONTEXT_RE.search(clause):
        return None
    if _TERM_AVERAGE_AFTER_RE.match(after) or _TERM_AVERAGE_BEFORE_RE.search(before):
        return "average"
    return ""


def is_start_date(clause: str, d: DatePhrase) -> bool:
    """Is `d` when the contract starts ("rent is expected to commence in August 2026"), not when it ends?"""
    before = clause[:d.start]
    keyword = None
    for keyword in _START_RE.finditer(before):
        pass
    return keyword is not None and not _DATE_END_MARKER_RE.search(before)


# "5MW (IT load)", "60 MW (gross)": the qualifier of a MW figure set in brackets right after it. The
# clause splitter cuts at brackets, so the bracket is read here from the text that follows the clause.
_PAREN_CRITICAL_RE = re.compile(r"^\s*\(\s*(?:critical\s+)?IT(?:\s+(?:load|capacity|power))?\s*\)", re.I)
_PAREN_GROSS_RE = re.compile(r"^\s*\(\s*gross(?:\s+(?:capacity|power|load))?\s*\)", re.I)


def parenthetical_power_kind(following: str) -> str | None:
    """The field named by a bracket that directly follows an unqualified MW figure, or None."""
    if _PAREN_CRITICAL_RE.match(following):
        return "critical_it_mw"
    if _PAREN_GROSS_RE.match(following):
        return "gross_mw"
    return None
