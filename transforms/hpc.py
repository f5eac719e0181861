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
from transforms.hpc_figures import (
    classify_money, classify_power, classify_term, is_start_date, parenthetical_power_kind, sums_up,
)
from transforms.hpc_numbers import find_dates, find_money, find_power_mw, find_terms_years
from transforms.hpc_text import CELL_SEP, Document, read_document

__all__ = [
    "PARSER_VERSION", "CLI_KEYS", "HpcContractEvent", "parse_hpc", "parse_for_cli", "looks_like_hpc_release",
]

PARSER_VERSION = "hpc-27"  # hpc-27: "under 15-year leases" in force, "approved and contracted" one clause, "$X in average annual revenue" after named extension options (heldout37, after its one scoring); hpc-26: a campus that "has leased" MW "to a" tenant is in force (heldout35 dev data), capacity "licensed to" a tenant, an option exercised as contract wording, "MWs", a lease "under a N-year lease" or "as part of its ... lease agreement" in force, "lease announced for <Site>", a campus the lexicon needs a noun for taken after "at", hyphenless site codes ("its 9.5 MW A102 facility"), "Upon signing" a condition, a customer that "will place an initial purchase" of GPU servers, the one AI party named in the sentence of a lease and its figures, "the lease of a 244 MW ... facility" leases the whole (heldout36, after its one scoring); hpc-25: letters of intent, memoranda, term sheets and binding letters are read with agreement_stage "preliminary" (the marts never count their MW as contracted), "N MW of planned capacity" is no contract's, a basis after a figure that names the next figure ("32 MW correlates to a critical IT load of 25 MW"), "our Ellendale HPC campus", "may sign"/"to sign" is not signed (heldout33/34 dev data); hpc-24: "finalized a service agreement with its first customer", "HPC hosting" as contract wording, "deliver 72.5 MW of ... infrastructure to Core42" across a decimal point (heldout35, after its one scoring); hpc-23: a deck slide of "Label: value" pairs is not cut at its colons, "Customer: X" names the tenant, a site code opening a deck row ("MTL - 3 6.6 Gross MW"), "Data Center in Columbiana, Alabama", a title's unnamed "Leading AI Compute Company" with the one AI party named in passing as the tenant, "X with guaranteed data center capacity" is no backstop (heldout34, after its one scoring); hpc-22: a tenant named by a defined term of its own name ("with a Neocloud (“Neocloud”)"), a name inside a defined term's bracket does not claim a segment, segments of a list cut at semicolons go on with the tenant before them, "Each of the Leases is for ..." speaks for every contract (heldout33 dev data); hpc-21: a numbered campus before a comma ("at Delta Forge 2, Expanding"), a numbered campus of a name the lexicon knows unnumbered ("Polaris Forge 3"), a deck's capitalised "Lease with Volta", a title's "Lease with Total Contract Value of" names no tenant (heldout33, after its one scoring); hpc-20: a renewal "unless terminated" is no termination, "supply its first customer with an additional N GPUs" and "signed two additional ... agreements with X" are expansions, "replaces the prior agreement" is an amendment, a new customer given a short name ("..., an AI Compute Fund managed by X (“DNA Fund”)") is the tenant, a prepayment's months are no term, "and features" ends a figure's words, GPU orders' months are contract wording (heldout31, after its one scoring); hpc-19: power converted "to deliver" a smaller load is gross then critical IT, "the X Data Campus" names a site, a second deal joined by "and acquisition of" does not exclude a lease's value, a new agreement that "brings $X" adds it (no running total), a title's "$X Expansion" is the expansion's value, one data center's halls "combined" are its own capacity, a deck's "NC - 1: TENANT ANCHOR CONTRACT" title (site code, tenant, a contract in force), "Total Contract Value (1) $X" past its footnote mark, "Target Expanded Capacity" is a plan (heldout29 dev data); hpc-18: infrastructure "to host" a tenant's operations names it, "under the terms of the agreements", "contracted critical load" and "Total contract value:" describe a contract in force, "IT MW", "critical load" and "data halls" are AI/HPC wording, "a modified gross lease" is no amendment, "annual rate escalators" and "annual increases" no annual revenue, revenue "per IT MW" no contract value, "Potential expansion" and a section title's "Capacity, Delivery & Expansion" no expansion, two words between "over the" and "term" (heldout29, after its one scoring); hpc-17: decks flattened to text (inline bullets are sentences, "15 - year" is "15-year", "300 Gross MW", "70 IT MW", "Tenant Guarantor: X", "X unconditionally guarantees"), a lease described as in force ("leased to", "under contract", "this lease represents") is signed, sites the lexicon lacks ("Beacon Point AI Data Center Campus", "Sandersville, a ... campus", "data center at Stingray", "The CB-5 Premises", "at Delta Forge 1"), "termination notice" is no termination, a second predicate of the sentence does not exclude a figure, an annual rent escalator is no annual revenue, campus-level totals are cumulative, "doubles the existing tenant's contracted capacity" is an expansion, a backstop word after the next predicate is not the figure's, a gerund before a site name is no part of it (heldout27 dev data); hpc-16: hpc-16: "contracted capacity" is contract wording, a tenant's "exercise of option" names it, a segment's revenue for the period ("$33.2 million in Data Center revenue") is no contract value (heldout27 dev data); hpc-15: the lease term of a site leased to own is the company's, no contract term (heldout15); hpc-14: a results release's comparative revenue is no contract value, "total potential revenue ... over 12 years" without options is the contract value, a site "at our 16-megawatt ... data center" is not the contract's, "under the original agreement" figures yield to the amendment's (heldout13); hpc-13: one contract's data centres "collectively" are its own capacity, a vendor the contract serves is its customer (heldout11); hpc-12: one exchange-tag pattern for all parsers (the US ticker of a dual listing written out); hpc-11: an unknown tenant as the subject ("Kestrel Cloud has exercised its option to lease"), two tenants in one clause ("with A for 80 MW and with B for 40 MW") and the terms they share, "together" totals, "has amended", backstops after an apposition, NOI is no value, LOIs and planned capacity are no contract (heldout9/10); hpc-10: lease notes where the company is the lessee describe no tenant contract

Event = Literal["signed", "expanded", "amended", "terminated"]
AgreementStage = Literal["definitive", "preliminary"]

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
    # "preliminary": the agreement is a letter of intent, memorandum of understanding, term sheet or binding
    # letter toward a lease, not the lease itself; "definitive" otherwise. Marts count only definitive MW
    # as contracted.
    agreement_stage: AgreementStage = "definitive"
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
    # a deck's "121 IT MW of contracted critical load" across "4 data halls"
    r"colocation|co-location|hyperscal\w*|critical IT|neocloud|(?-i:IT)\s+(?:load|capacity|MW)|critical\s+load|data\s+halls?)\b",
    re.IGNORECASE,
)
_CONTRACT_WORDS_RE = re.compile(
    # ("deliver 72.5 MW of gross HPC hosting infrastructure to Core42": hosting for a named client)
    # ("590 MWs licensed to CoreWeave", "CoreWeave also exercised its final option to access an additional 133 MW")
    r"\b(?:lease[sd]?|agreements?|contract(?:s|ed)?|colocation|tenants?|joint venture|cloud services|(?:HPC|AI)\s+hosting|"
    r"licensed\s+to|exercised\s+(?:its|their|the)\s+(?:[\w-]+\s+)?options?)\b",
    re.IGNORECASE
)
# "150MW" glues the unit to its number: no word boundary before it
# (GPU cloud orders run for months: "over a twenty-five month period", "a 24-month term")
_QUANTITY_WORDS_RE = re.compile(r"(?:\b|(?<=\d))(?:MWs?|megawatts?|GW|billion|million|bn|years?|months?)\b|\d+-(?:year|month)",
                                re.IGNORECASE)
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
    # ("deliver 72.5 MW of gross HPC hosting infrastructure to Core42": a decimal point is no sentence end)
    re.compile(r"\b(?:lease[sd]?|leasing|licen[sc](?:e|es|ed|ing)|deliver(?:ed|ing)?|provid(?:e|es|ed|ing))\b(?:[^.;]|\.(?=\d)){0,60}\bto\s+$", re.I),
    # "deliver approximately 200 MW of infrastructure to host CoreWeave's high-performance compute operations"
    re.compile(r"\bto\s+host\s+$", re.I),
    # (a deck's "Customer: Cerebras Systems")
    re.compile(r"\b(?:tenants?|customers?|lessee|anchor tenant|counterpart(?:y|ies))\s*[,:]?\s*(?:is\s+)?$", re.I),
)
_TENANT_AFTER_RES = (
    re.compile(
        r"^(?:'s)?\s*(?:has|have|will|shall|also)?\s*(?:formally\s+)?(?:signed|agreed to lease|leases|will lease|"
        r"exercised|executed|committed|contracted|entered into|expanded|extended|amended|terminated|notified)\b",
        re.I,
    ),
    re.compile(r"^\s+as\s+(?:the\s+|its\s+|an?\s+)?(?:anchor\s+|sole\s+|initial\s+)?(?:tenant|customer|lessee|offtaker)", re.I),
    # a deck's section title "NC-1: NSCALE ANCHOR CONTRACT"
    re.compile(r"^(?:['’]s)?\s+anchor\s+(?:contract|lease|tenancy|agreement)\b", re.I),
    re.compile(r"^'s\s+(?:\w+\s+){0,2}(?:lease|leases|commitment|contract|agreement|option|obligations?|exercise)\b", re.I),
    # a results bullet: "Announces AMD exercise of option for an additional 25 MW"
    re.compile(r"^\s+exercise\s+of\s+(?:(?:its|an|the|a)\s+)?(?:[\w-]+\s+){0,2}?option\b", re.I),
)
_BACKSTOP_AFTER_RE = re.compile(
    # "Google, a subsidiary of Alphabet Inc. (S&P: AA+, Moody's: Aa2), is providing a financial backstop": an
    # apposition or a bracket between the party and its role
    r"^(?:'s)?(?:\s*\([^)]{0,80}\)|\s*,(?:[^,;()]|\([^)]{0,80}\)){1,100}?(?=,))*\s*,?"
    r"\s*(?:will|has|have|had|agreed|also|to|shall|would|is|has agreed to|will also)?\s*"
    r"(?:\w+\s+){0,3}(?:backstop|guarantee|provide credit support)",
    re.I,
)
#: "provides Digi Power X with long-term revenue visibility, and Cerebras with guaranteed data center capacity": what the
#: tenant is assured of, no guarantee it gives
_GUARANTEED_CAPACITY_AFTER_RE = re.compile(r"^\s+with\s+guaranteed\s+(?:[\w-]+\s+){0,3}(?:capacity|access|power|supply)\b", re.I)
_BACKSTOP_BEFORE_RE = re.compile(
    r"(?:backstop(?:ped|s)?|backed|guaranteed|credit support|guarantee)\s+(?:\w+\s+){0,3}(?:by|from)\s+$"
    # a deck's "Tenant Guarantor: Amazon.com, Inc.", "Tenant Lease Guarantee : Amazon.com", "Serving as the
    # Guarantor of rent and operating expenses,(2) Meta"
    r"|\bGuarant(?:or|ee|y)\s*:\s*$|\bserving\s+as\s+(?:the\s+)?guarantor\b[^.;:]{0,80}?,\s*(?:\(\d\)\s*)?$", re.I
)
_UNKNOWN_TENANT_RE = re.compile(
    # (a deck's capitalised "16-Year AI/HPC Data Center Lease with Volta" too)
    rf"\b(?:{_CONTRACT_NOUN}|Leases?)\b[^.;]{{0,60}}?\bwith\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|AI|of|&))*)"
)
#: A tenant the lexicon does not know, named as the subject of a tenant's act: "CloudSpark Inc. has exercised
#: its option to lease an additional 70 MW", "Kestrel Compute has agreed to lease".
_UNKNOWN_SUBJECT_TENANT_RE = re.compile(
    r"(?P<name>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3}?)(?:,?\s+(?:Inc\.|LLC|Ltd\.?|Corp\.?|Corporation|Limited))?"
    r"\s+(?:(?:has|have)\s+(?:formally\s+)?(?:exercised\s+(?:its|an|the|a)\s+(?:[\w-]+\s+){0,2}option"
    r"|agreed\s+to\s+lease|signed\s+an?\s+(?:[\w-]+\s+){0,3}(?:lease|colocation|hosting|contract))"
    # a customer placing the order a service agreement provides for: "Boosteroid will place an initial purchase
    # for a starting quantity of GPU servers"
    r"|will\s+place\s+an?\s+(?:initial\s+|first\s+)?(?:purchase|order)\b(?=[^.]{0,60}\b(?:GPUs?|servers?|compute)\b))"
)
#: A new customer described and then given a short name: "from a new customer, an AI Compute Fund managed by DNA
#: Holdings Venture Inc. (“DNA Fund”)".
_DEFINED_CUSTOMER_RE = re.compile(
    r"\b(?:from|with|to)\s+(?:a|an|its|the)\s+(?:new\s+|first\s+|existing\s+)?(?:customer|client|tenant),\s+(?:[^.;()“”\"]|\.(?=\S)){3,120}?"
    r"\s*\(\s*[“\"](?P<name>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,3})[”\"]\s*\)")
#: A tenant named by a defined term of its own name: "Lease Agreements ... with a Neocloud (“Neocloud”), for 152 MW".
_SELF_DEFINED_TENANT_RE = re.compile(
    r"\bwith\s+an?\s+(?P<name>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s*\(\s*[“\"](?P=name)[”\"]\s*\)")
#: The second of two tenants in one clause: "colocation agreements with Meridian AI for 80 MW and with Solace Labs
#: for 40 MW".
_SECOND_UNKNOWN_TENANT_RE = re.compile(
    rf"\b{_CONTRACT_NOUN}\b[^.;]{{0,60}}?\bwith\s+[^.;]{{1,80}}?\band\s+with\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&'.-]*(?:\s+(?:[A-Z][\w&'.-]*|AI|of|&))*)"
)
_NOT_A_CONTRACT_RE = re.compile(
    r"\bLOI\b|\bletters?\s+of\s+intent\b|\bnon-binding\b|\bmemorandum\s+of\s+understanding\b|\bMOU\b|\bterm\s+sheet\b"
    r"|\bplanned\s+capacity\b|\bexpand(?:s|ed)?\s+(?:into|to\s+(?=[A-Z][a-z]))", re.I)
#: The words that make an agreement preliminary: "executed an LOI with a US-based hyperscaler", "a binding letter
#: for a ~US$2.6 billion lease agreement", "the LOI contemplates a term of up to 10 years".
_PRELIMINARY_RE = re.compile(
    r"\bLOIs?\b|\bletters?\s+of\s+intent\b|\bbinding\s+letter\b|\bmemorand(?:um|a)\s+of\s+understanding\b|\bMOUs?\b"
    r"|\bterm\s+sheets?\b|\bnon-binding\b|\bheads\s+of\s+(?:terms|agreement)\b", re.I)
#: A figure a contract could be read from: MW, money or a term.
_CONTRACT_FIGURE_RE = re.compile(r"\d[\d,.]*\s?(?:MW|megawatts|GW|gigawatts?)\b|\$\s?\d|\b\d+[- ]year\b", re.I)
_ANONYMOUS_TENANT_RE = re.compile(
    r"\bwith\s+(?P<phrase>(?:an?|one|the|its|our)\s+(?:[\w-]+\s+){0,4}?(?:hyperscaler|customer|tenant|AI company|"
    r"cloud (?:service )?provider|technology company|AI lab|counterparty)"
    # a title without its article: "Signs AI Colocation Agreement with Leading AI Compute Company"
    r"|(?:leading|major|global|large|top)\s+(?:[\w-]+\s+){0,3}?(?:company|hyperscaler|provider|lab))\b",
    re.I,
)
_NAME_STOPWORDS = {
    "The", "This", "These", "Its", "It", "Our", "We", "A", "An", "Company", "Board", "Texas", "New", "Nasdaq",
    "NASDAQ", "NYSE", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Q1", "Q2", "Q3", "Q4", "HPC", "AI", "GPU", "Phase",
    "Tier", "Exhibit", "Item", "Form", "Securities", "Management",
    # a title's "Lease with Total Contract Value of $7.0 Billion": terms, not a tenant
    "Total", "Contract", "Contracted", "Expected", "Annual", "Average", "Initial", "Options", "Renewal",
}
#: A defined term for an unnamed party ("its first customer (the "Initial Customer")") names a role, not a tenant.
_ROLE_NAME_RE = re.compile(r"(?:(?:Initial|First|Second|New|Anchor|Existing)\s+)?(?:Customer|Client|Tenant|Lessee|Purchaser|"
                           r"Counterparty|Guarantor|Buyer|Licensee)s?")
_COMPANY_SUFFIX_RE = re.compile(r",?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|L\.L\.C|PBC|plc|LP|N\.V|S\.A)\.?$")

# Event wording. Infinitives ("an option to expand") are deliberately not events.
_EVENT_RES: tuple[tuple[Event, re.Pattern], ...] = (
    ("terminated", re.compile(
        # "with the ability of each party to terminate within 45 days": a right, not a termination
        # "no termination for convenience" is a term of the contract, not its end; so are a deck's "termination
        # notice" and "termination fee"
        # ("renews for successive one-month periods unless terminated by either party": a condition, no termination)
        r"(?<!\bto )(?<!\bmay )(?<!\bcan )(?<!\bno )(?<!\bwithout )(?<!\bunless )(?<!\bif )(?<!\buntil )\bterminat(?:e|es|ed|ing|ion)\b(?![^.]{0,20}\bright)(?!\s+for\s+convenience)(?!\s+(?:notices?|fees?|payments?|clauses?|provisions?|events?|penalt\w+)\b)|\bcancel(?:s|ed|led|lation)\b|\bwalk(?:s|ed)? away\b", re.I)),
    ("amended", re.compile(
        # "the Securities Act of 1933, as amended" is no amendment; "has amended its lease" is
        r"(?<!\bas )\bamend(?:s|ed|ing|ment|ments)\b(?!,? and restated credit)|"
        # "modify an additional 300 megawatts of our infrastructure" is a build-out, not a contract change
        # ("a modified gross lease" is a kind of lease, not a change to one)
        r"\bmodif(?:y|ies|ied|ication)\b(?!\s+gross\b)(?=[^.]{0,50}\b(?:leases?|contracts?|agreements?|terms?)\b)|"
        r"\brenegotiat\w*|\bextend(?:s|ed)\s+(?:the\s+)?(?:initial\s+)?(?:term|lease|contract|agreement)|\bterm extension\b|"
        r"\brestructur(?:e|es|ed)\s+(?:the|its)\s+(?:lease|contract|agreement)",
        re.I)),
    ("expanded", re.compile(
        # "Expands Strategic Partnership with Fluidstack Through New 168 MW Joint Venture", "Expands
        # TeraWulf's contracted HPC platform to 510 MW": a new contract that grows a relationship or a
        # portfolio is signed, not an expansion of an existing contract.
        # "Expanded into AI and HPC Colocation Business", "Expanded to Ohio": a new market or place, no contract
        # a deck's "99 MW Total Target Expanded Gross Capacity" is a plan
        r"(?<!target )(?<!targeted )(?<!potential )(?<!planned )\bexpand(?:s|ed)\b(?!\s+into\b|\s+to\s+(?-i:[A-Z][a-z]))(?!\s+(?:(?:its|the|their|our|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:partnership|relationship|platform|portfolio|footprint|presence|business|pipeline)\b)|"
        r"\bexpansion of (?:its|the|their|our)\b(?!\s+(?:[\w-]+\s+){0,2}(?:partnership|relationship|platform|portfolio|footprint|presence|business)\b)|\bexercis(?:e|es|ed|ing)\b[^.]{0,40}\boption|\boptions?\s+exercises\b|"
        r"\bupsiz(?:e|es|ed)\b|"
        # "signed two additional cloud services agreements with DNA Fund": more contracts with a customer it serves
        r"\b(?:sign(?:s|ed)?|enter(?:s|ed)?\s+into|execut(?:es|ed))\s+(?:two|three|four|several|an?|\d)?\s*additional\s+(?:[\w-]+\s+){0,3}?"
        r"(?:agreements?|contracts?|leases?|orders?)\s+with\b|"
        # "352 MW IT lease doubles the existing high-investment-grade tenant's contracted capacity to 704 MW"
        r"\b(?:doubl|tripl|increas|grow)(?:es|ed|ing|e|s)?\s+(?:the\s+|its\s+)?existing\s+(?:[\w-]+\s+){0,3}"
        r"(?:tenant|customer|client)['’]s\s+(?:contracted\s+)?(?:capacity|commitment|lease)|\badd(?:s|ed|ing)?\b(?![^.]{0,20}\bpotential)(?:[^.]|\.(?=\d)){0,40}\b(?:MW|megawatts)\b|\bfollow-on\b",
        re.I)),
    ("signed", re.compile(
        # ("may sign a letter of intent later this year", "expects to sign": not yet signed)
        # ("Upon signing a Master Service and Lease Agreement, Boosteroid will place ...": a condition, not yet signed)
        r"(?<!\bmay )(?<!\bto )(?<!\bwill )(?<!\bcould )(?<!\bwould )(?<!\bupon )(?<!\bUpon )\bsign(?:s|ed|ing)?\b|\benter(?:s|ed)?\s+into\b|\bexecut(?:es|ed)\b|"
        # "The Company finalized a service agreement with its first customer"
        r"\bfinaliz(?:es|ed)\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?(?:agreements?|contracts?|leases?)\b|"
        # "Secures Site for New Data Center", "secured financing": securing land or money is no contract
        r"\bsecur(?:es|ed)\b(?!(?:(?!\b(?:leases?|contracts?|agreements?|deals?|colocation|hosting)\b)[^.,;]){0,50}?"
        r"\b(?:sites?|land|acres|property|properties|financing|funding|capital|loan|debt)\b)|\bawarded\b|"
        r"\bagree(?:s|d)?\s+to\s+lease\b|(?<!previously )(?<!already )\bannounc(?:es|ed|ing)\b(?:[^.]|\.(?=\d)){0,60}\b"
        r"(?:agreements?|leases?|contracts?|partnership|joint venture)\b|\bforms?\b[^.]{0,30}\bjoint venture\b|"
        r"\bannouncement of (?:new|the|its|our)\b[^.]{0,40}\b(?:agreements?|leases?|contracts?)\b|"
        # a monthly update's "$4.7B, 16-Year AI/HPC Data Center lease announced for Tydal"
        # ("a colocation agreement announced in January 2026" recalls an earlier one)
        r"\b(?:lease|agreement|contract)s?\s+announced\s+(?:for|at|with)\b|"
        r"\bexecuted\b[^.]{0,30}\b(?:joint venture|JV)\b",
        re.I)),
)
# ("Potential expansion toward ~2x initial deployment", "expansion potential": a prospect, not the news; a deck's
# section title "Capacity, Delivery & Expansion" names a topic)
_HEADLINE_EXPANSION_RE = re.compile(r"(?<!potential )(?<!future )(?<!& )(?<!and )\bexpansion\b(?!\s+(?:potential|options?|rights?|opportunit\w*))", re.I)
_LESSEE_RE = re.compile(r"\bLessee\s+Accounting\b|\bground\s+lease\b|\bright-of-use\s+asset|"
                        r"\blease\s+agreement\s+for\s+(?:a\s+data\s+cent(?:er|re)|(?:approximately\s+)?[\d.,]+\s+acres|land)\b",
                        re.I)

_CLAUSE_SPLIT_RE = re.compile(
    r";|\s-{1,2}\s|\(|\)|,\s+(?=(?:and|or|with|while|which|bringing|including|plus|of which|representing|"
    r"in addition|following|after|whereas|where|as well as|subject to|"
    # "$3.7 billion ..., rising to $8.7 billion if both extensions are exercised", "$3.5 billion over
    # 12 years, an average of $290 million per year": a second figure of another kind in one sentence
    r"rising|increasing|growing|an average|averaging|equivalent to)\b)|\s+(?=bringing\b)|"
    # "US$500 million of annualized revenue and total contract value of US$1.5 billion"
    # (not "800 MW of gross power currently approved and contracted at Helios": one figure's two participles)
    r"\s+and\s+(?=(?:an?\s+|the\s+|its\s+)?(?:total|aggregate|annual\w*|contract\w*(?=\s+(?:value|revenue|backlog|term|lease))|expected|an additional)\b)",
    re.I,
)
# "250 megawatts (MW) of critical IT load", "a Right of First Offer (ROFO) for up to ...", "Hut 8 Corp.
# (Nasdaq, TSX: HUT)", "(the "Agreement")": brackets that only abbreviate or name what precedes them are
# part of the clause, not a boundary; they are blanked (same length, so offsets hold) before splitting.
_INLINE_BRACKET_RE = re.compile(
    r"\((?:MW|GW|kW|MWs|ROF[RO]|HPC|AI|GPUs?|NNN|TCV|ARR|JV|NOI|"
    r"(?:the\s+)?[“\"][^”\"()]{1,40}[”\"](?:\s+or\s+the\s+[“\"][^”\"()]{1,30}[”\"])?|"
    r"(?:NASDAQ|Nasdaq|NYSE|TSX|ASX|S&P|Moody)[^()]{0,40})\)")


def _blank_inline_brackets(text: str) -> str:
    return _INLINE_BRACKET_RE.sub(lambda m: " " * len(m.group(0)), text)


# Headlines join two announcements with "and <Verb>s": "Signs Lease with AWS and Expands Fluidstack ...".
_HEADLINE_VERBS = (
    r"Signs|Expands|Amends|Extends|Terminates|Announces|Secures|Enters|Adds|Increases|Forms|Launches|"
    r"Receives|Completes|Reports|Upsizes|Exercises|Provides|Backstops"
)
_DECK_SPLIT_RE = re.compile(r"\s+>\s+|\s+[•▪●]\s+|;|\s+\|\s+")
_HEADLINE_SPLIT_RE = re.compile(rf"\s+\.(?:\s+\.)*\s+|;|\s+\|\s+|\s+-\s+|\s+and\s+(?=(?:{_HEADLINE_VERBS})\b)|:\s+")


# --- text units ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str


_Role = tuple[_Span, int, int]  # the unit that shows a party's role, and where the party is named in the text


@dataclass
class _Group:
    """The tenant(s) of one contract and the text that speaks of it."""

    tenants: list[str]
    tenant_evidence: dict[str, _Role] = field(default_factory=dict)
    units: list[_Span] = field(default_factory=list)      # body sentences
    headline_units: list[_Span] = field(default_factory=list)
    anonymous: _Span | None = None
    preliminary: _Span | None = None      # the words that make the agreement a letter of intent or the like
    own_headline_only: bool = False       # the headline segments left out of this group stay out of it


def _clauses(unit: _Span) -> list[_Span]:
    """The clauses of `unit`, their text with inline brackets blanked (offsets unchanged)."""
    out, pos = [], 0
    unit = _Span(unit.start, unit.end, _blank_inline_brackets(unit.text))
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
        # a deck's slide flattened into one line of "Label: value" pairs ("Customer: Cerebras Systems IT Load: 5 MW
        # Average Term: 5 years > ..."): a colon joins a label to its value, the slide's "> " points part it
        splitter = _DECK_SPLIT_RE if line.count(": ") >= 3 else _HEADLINE_SPLIT_RE
        for m in splitter.finditer(line):
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
_SUPPLY_RE = re.compile(r"\b(?:purchas\w*|buy\w*|acqui\w*|suppl\w*|procure\w*|order\w*|financ\w*|advis\w*|underwrit\w*"
                        r"|placement\s+agent|vendor|from)\b", re.I)


def _services_to(after: str) -> bool:
    """Does the text after a vendor's name say the contract serves it ("that provided data center and cloud
    services")?"""
    return bool(re.search(r"\b(?:provid\w*|deliver\w*|host\w*|lease\w*)\b[^.;]{0,60}\b(?:services?|capacity|hosting|"
                          r"colocation|data\s+cent(?:er|re))", after, re.I))


def _roles(units: list[_Span], issuer: str | None) -> tuple[dict[str, _Role], dict[str, _Role]]:
    """(tenants, backstop parties): name -> (unit, mention start, mention end) showing its role, in order."""
    tenants: dict[str, _Role] = {}
    backstops: dict[str, _Role] = {}
    for unit in units:
        mentions = find_parties(unit.text)
        for mention in mentions:
            before = unit.text[max(0, mention.start - 140):mention.start]
            after = unit.text[mention.end:mention.end + 80]
            if mention.name in SUPPLIERS and (_SUPPLY_RE.search(before[-60:]) or _SUPPLY_RE.search(after)
                                              or not _services_to(after)):
                # "an agreement with Dell Technologies to purchase the GPUs": a vendor. A vendor is a tenant only
                # where the release says what it is served: "a contract with Hewlett Packard Enterprise Company
                # ("HPE") ... that provided data center and cloud services"
                continue
            if (_BACKSTOP_AFTER_RE.match(after) and not _GUARANTEED_CAPACITY_AFTER_RE.match(after)) or _BACKSTOP_BEFORE_RE.search(before):
                backstops.setdefault(mention.name, (unit, unit.start + mention.start, unit.start + mention.end))
                continue
            if any(r.search(before) for r in _TENANT_BEFORE_RES) or any(r.match(after) for r in _TENANT_AFTER_RES):
                tenants.setdefault(mention.name, (unit, unit.start + mention.start, unit.start + mention.end))
        for m in [*_UNKNOWN_TENANT_RE.finditer(unit.text), *_SECOND_UNKNOWN_TENANT_RE.finditer(unit.text),
                  *_UNKNOWN_SUBJECT_TENANT_RE.finditer(unit.text), *_DEFINED_CUSTOMER_RE.finditer(unit.text),
                  *_SELF_DEFINED_TENANT_RE.finditer(unit.text)]:
            words = _COMPANY_SUFFIX_RE.sub("", m.group("name").strip(" .,'")).split()
            while len(words) > 1 and words[-1] in {"of", "&"}:
                words.pop()
            name = " ".join(words)
            if (not name or words[0] in _NAME_STOPWORDS or (issuer and name.startswith(issuer))
                    # "Cipher has signed a 15-year lease": the issuer's short name as the subject
                    or (m.re is _UNKNOWN_SUBJECT_TENANT_RE and issuer and issuer.split()[0] == words[0])
                    or find_parties(name) or find_sites(name) or len(name) < 3 or _ROLE_NAME_RE.fullmatch(name)):
                continue
            tenants.setdefault(name, (unit, unit.start + m.start("name"), unit.start + m.start("name") + len(name)))
    for name in backstops:
        tenants.pop(name, None)
    return tenants, backstops


def _unnamed_then_named(units: list[_Span], backstops: dict[str, _Role]) -> dict[str, _Role]:
    """A release that signs with "Leading AI Compute Company" and names it once in passing ("..., and Cerebras with
    guaranteed data center capacity"), or names one AI party in the sentence of a lease and its figures with no
    verb that gives it a role: the one AI party it names, where it names no other, is the tenant."""
    anonymous = any(_ANONYMOUS_TENANT_RE.search(u.text) for u in units)
    named: dict[str, _Role] = {}
    beside_a_contract = False
    for unit in units:
        for m in find_parties(unit.text):
            if m.name not in SUPPLIERS and m.name not in backstops and m.name != "Google":
                named.setdefault(m.name, (unit, unit.start + m.start, unit.start + m.end))
                # "... with Fluidstack Ltd. (“Fluidstack”) and other agreements relating to the development and lease
                # of a 244 MW HPC data center facility": named in the very sentence of the lease and its figures
                beside_a_contract |= bool(_CONTRACT_WORDS_RE.search(unit.text) and _QUANTITY_WORDS_RE.search(unit.text))
    return named if len(named) == 1 and (anonymous or beside_a_contract) else {}


def _mentioned(text: str, tenants: list[str]) -> list[str]:
    names = [m.name for m in find_parties(text) if m.name in tenants]
    for name in tenants:
        if name not in names and re.search(rf"\b{re.escape(name)}\b", text):
            names.append(name)
    return list(dict.fromkeys(names))


# "two agreements: a 10-year agreement with CoreWeave for 60 MW ..., and a 5-year agreement with Lambda for
# 20 MW ...": one sentence, one segment per contract.
_TENANT_SEGMENT_RE = re.compile(r";\s+|:\s+|,\s+and\s+(?=(?:a|an|the|its|one)\b)|,?\s+and\s+(?=with\s)|,\s+(?=(?:a|an)\s+[\w-]+\s+(?:agreement|lease|contract))")


_DEFINITION_BRACKET_RE = re.compile(r"\((?:[^()]*[“\"][^()]*)\)")


def _owner_names(text: str, names: list[str]) -> list[str]:
    """The tenants a segment is about: those it names, less one named only inside a defined term's bracket when it
    names several."""
    named = _mentioned(text, names)
    return named if len(named) < 2 else _mentioned(_DEFINITION_BRACKET_RE.sub(" ", text), names)


def _split_by_tenant(sentence: _Span, names: list[str]) -> list[_Span]:
    """A sentence naming several tenants, each in a segment of its own, as those segments (else as is)."""
    if len(_mentioned(sentence.text, names)) < 2:
        return [sentence]
    cuts = [0] + [m.end() for m in _TENANT_SEGMENT_RE.finditer(sentence.text)] + [len(sentence.text)]
    parts = [_Span(sentence.start + a, sentence.start + b, sentence.text[a:b]) for a, b in zip(cuts, cuts[1:])
             if sentence.text[a:b].strip()]
    # a name inside a defined term's bracket ("(the “Neocloud Leases,” and collectively with the AMD Leases, the
    # “Leases”)") refers back; it does not say whose segment this is
    named = [_owner_names(p.text, names) for p in parts]
    if any(len(n) > 1 for n in named) or len({n[0] for n in named if n}) < 2:
        return [sentence]
    # a segment that names no tenant ("Muskogee, OK", "and Hunt County, TX sites" of a list cut at its semicolons)
    # goes on with the one before it
    merged: list[_Span] = []
    for part, n in zip(parts, named):
        if merged and not n:
            last = merged[-1]
            merged[-1] = _Span(last.start, part.end, sentence.text[last.start - sentence.start:part.end - sentence.start])
        else:
            merged.append(part)
    return merged


def _groups(doc: Document, tenants: dict[str, _Role]) -> list[_Group]:
    """Assign every body sentence to the contract of the tenant it (or the last sentence) names."""
    names = list(tenants)
    sentences = []
    origin: list[int] = []      # the document sentence each (split) piece came from
    for i, s in enumerate(doc.sentences):
        pieces = _split_by_tenant(_Span(s.start, s.end, s.text), names)
        sentences.extend(pieces)
        origin.extend([i] * len(pieces))
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
    # "... agreements with A for 80 MW and with B for 40 MW. The agreements have ten-year terms ...": the
    # sentences after one that split into several contracts speak of all of them, until a tenant is named
    shared: list[tuple[str, ...]] = []
    for n, (sentence, ms) in enumerate(zip(sentences, per_sentence)):
        if ms:
            current = key_for(ms)
            same_origin = [key_for(per_sentence[j]) for j in range(len(sentences)) if origin[j] == origin[n] and per_sentence[j]]
            shared = list(dict.fromkeys(k for k in same_origin if k is not None)) if len(set(same_origin)) > 1 else []
            if current is None:
                continue  # names two separate contracts: belongs to neither
        if current is None:
            preamble.append(sentence)
        elif not ms and len(shared) > 1:
            for k in shared:
                groups[k].units.append(sentence)
        else:
            groups[current].units.append(sentence)
    if len(groups) == 1:
        only = next(iter(groups.values()))
        only.units[:0] = preamble
        only.headline_units = headline_units
    else:
        last: tuple[str, ...] | None = None
        for unit in headline_units:
            ms = _owner_names(unit.text, names)
            k = key_for(ms) if ms else last    # a segment naming no tenant goes on with the one before it
            if k is not None:
                groups[k].headline_units.append(unit)
            last = k
        for sentence in preamble:
            if _ALL_THE_CONTRACTS_RE.search(sentence.text):
                for group in groups.values():   # "Each of the Leases is for a fifteen year term": every contract's
                    group.units.append(sentence)
    return list(groups.values())


_ALL_THE_CONTRACTS_RE = re.compile(
    r"\b(?:each|all|both)\s+of\s+the\s+(?:leases|agreements|contracts)\b|\bthe\s+(?:leases|agreements|contracts)\s+(?:each|all|both)\b",
    re.I)


# --- figures -------------------------------------------------------------------------------
@dataclass
class _Found:
    value: float | date | str
    evidence: str
    qualifier: str | None = None
    names_tenant: bool = False  # read from a sentence that names the contract's tenant


@dataclass
class _Figures:
    values: dict[str, list[_Found]] = field(default_factory=dict)

    def add(self, name: str, found: _Found) -> None:
        self.values.setdefault(name, []).append(found)


# "Total ... increases to approximately 270 MW, representing approximately $4.7 billion of cumulative
# revenue": a clause that only qualifies a partnership total is part of that total.
_QUALIFYING_CLAUSE_RE = re.compile(r"^\s*(?:with|representing|equal to|equivalent to|worth|totaling|totalling|for a total of|or)\b",
                                   re.I)
_AS_CUMULATIVE = {"total_contract_value_usd": "cumulative_contract_value_usd",
                  "critical_it_mw": "cumulative_critical_it_mw", "unqualified_mw": "cumulative_critical_it_mw"}


_LEASE_TO_OWN_RE = re.compile(r"\blease[- ]to[- ]own\b", re.I)
_LEASE_TERM_RE = re.compile(r"\blease\s+term\b", re.I)


def _collect(doc: Document, group: _Group, event: Event | None) -> _Figures:
    figures = _Figures()
    for unit in group.headline_units + group.units:
        # A comparison table (label | this | that) needs its header to be read; only "label | value"
        # rows are taken on their own.
        if unit.text.count(CELL_SEP) > 1:
            continue
        after_total = False
        names_tenant = bool(group.tenants) and bool(_mentioned(unit.text, group.tenants))
        last_power: str | None = None      # what the unit's last MW figure was read as
        for clause in _clauses(unit):
            text = clause.text
            inherits = after_total and _QUALIFYING_CLAUSE_RE.match(text) is not None
            after_total = False
            for q in find_money(text):
                if q.negative:
                    continue
                name = classify_money(text, q.start, q.end, event)
                if name and inherits:
                    # a partnership total restated with its extensions is no single contract's potential value
                    name = None if name == "potential_value_with_extensions_usd" else _AS_CUMULATIVE.get(name, name)
                if name:
                    after_total = after_total or name.startswith("cumulative_")
                    figures.add(name, _Found(q.value, _trim(doc, clause, clause.start + q.start, clause.start + q.end), q.qualifier))
            bracket = clause.start > unit.start and unit.text[:clause.start - unit.start].rstrip().endswith("(")
            option_before = last_power == "expansion_options_mw"
            for q in find_power_mw(text):
                name = classify_power(text, q.start, q.end, event)
                if bracket and option_before:
                    # "an option to expand to 135 MW gross (108 MW critical IT load)": the option on another basis
                    continue
                if name == "unqualified_mw" and not text[q.end:].strip():
                    # the figure ends its clause: a bracket right after it may say what it is
                    name = parenthetical_power_kind(unit.text[clause.end - unit.start:clause.end - unit.start + 40]) or name
                if name and inherits:
                    name = _AS_CUMULATIVE.get(name, name)
                if name:
                    after_total = after_total or name.startswith("cumulative_")
                    figures.add(name, _Found(q.value, _trim(doc, clause, clause.start + q.start, clause.start + q.end), q.qualifier))
                last_power = name
            for q in find_terms_years(text):
                found = classify_term(text, q)
                if found is not None and _LEASE_TERM_RE.search(text) and _LEASE_TO_OWN_RE.search(doc.text):
                    # "secured the rights to a new data center site ... under a lease-to-own structure ... The lease
                    # term is 20 years": the company's own lease of the site, not the customer's contract
                    continue
                if found is not None:
                    figures.add("term_years", _Found(q.value, _trim(doc, clause, clause.start + q.start, clause.start + q.end),
                                                     found or None, names_tenant=names_tenant))
            for d in find_dates(text):
                if is_start_date(text, d):
                    figures.add("start_date", _Found(d.value, _trim(doc, clause, clause.start + d.start, clause.start + d.end),
                                                     None if d.precision == "day" else d.precision))
    return figures


def _resolve(figures: _Figures, name: str, evidence: dict, reasons: dict, qualifiers: dict, what: str):
    found = figures.values.get(name, [])
    if not found:
        return None
    distinct = list(dict.fromkeys(f.value for f in found))
    if len(distinct) > 1 and name == "term_years":
        # "The lease term is 20 years" (the issuer's own lease of the site) against "Cerebras has
        # contracted ... under a five-year colocation agreement": the term stated beside the tenant's name.
        beside_tenant = [f for f in found if f.names_tenant]
        if beside_tenant and len({f.value for f in beside_tenant}) == 1:
            found, distinct = beside_tenant, [beside_tenant[0].value]
    if len(distinct) > 1 and name == "term_years":
        # "for a term of 10 years" against "three additional agreements ... over a weighted average term of 32
        # months": an average over other contracts does not contradict the contract's own stated term
        plain = [f for f in found if f.qualifier != "average"]
        if plain and len({f.value for f in plain}) == 1 and len(plain) < len(found):
            found, distinct = plain, [plain[0].value]
    if len(distinct) > 1 and name == "total_contract_value_usd":
        # "Signs $2.5B Master Services Agreement" over "an initial 10-year term valued at approximately $1.1
        # billion and total potential contract value up to $2.5 billion": the headline's figure is the potential
        potential = {f.value for f in figures.values.get("potential_value_with_extensions_usd", [])}
        base = [f for f in found if f.value not in potential]
        if potential and base and len({f.value for f in base}) == 1:
            found, distinct = base, [base[0].value]
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
# New contracts for more capacity with an existing tenant are an expansion, whatever verb the headline
# uses ("Signs New 12-Year Contracts with CoreWeave for an Additional 112 MW").
#: "exercised its option", and the noun "Customer initiated option exercises resulted in an additional 112 MW"
_EXERCISED_OPTION_RE = re.compile(r"\bexercis(?:e|es|ed|ing)\b[^.]{0,40}\boption|\boptions?\s+exercises\b", re.I)
# "rising to $8.7 billion if Fluidstack exercises both of its 5-year extension options": a what-if, and
# an extension of the term is not more capacity.
_HYPOTHETICAL_BEFORE_RE = re.compile(r"\b(?:if|should|when|unless|upon|would|could|may|can|right to|ability to)\b[^.;]{0,40}$", re.I)
_TERM_OPTION_RE = re.compile(r"\b(?:extension|renewal)s?\b", re.I)


def _option_exercised(text: str) -> bool:
    """Does `text` say an expansion option was (or is being) exercised, not might be or extends a term?"""
    for m in _EXERCISED_OPTION_RE.finditer(text):
        if _HYPOTHETICAL_BEFORE_RE.search(text[:m.start()]) or _TERM_OPTION_RE.search(m.group(0)):
            continue
        return True
    return False
_ADDITIONAL_MW_RE = re.compile(r"\badditional\b[^.;]{0,20}\d[\d,.]*\s?(?:MW|megawatts)\b", re.I)
#: A filing note's "an agreement to supply its first customer with an additional 2,048 GPUs": more for a customer
#: already served ("This new agreement replaces the prior agreement" is an amendment instead)
_MORE_FOR_THE_SAME_CUSTOMER_RE = re.compile(
    r"\b(?:supply|provide)\s+(?:its|the|this|our)\s+(?:first|initial|existing|anchor)\s+customer\s+with\s+an\s+additional\s+"
    r"[\d,]+\s+(?:[\w-]+\s+)?(?:GPUs|servers|MW|megawatts)\b", re.I)
#: "This new agreement replaces the prior agreement whereby the Company was to provide ... 2,048 H100 GPUs": an amendment
_REPLACES_RE = re.compile(r"\breplac(?:es|ed|ing)\s+(?:the|its)\s+(?:prior|previous|existing|original|earlier)\s+"
                          r"(?:agreement|contract|lease|order)", re.I)


#: A lease described as in force, with no verb of its signing: "Developing Black Pearl ..., leased to Amazon Data
#: Services", "This lease represents approximately $7.5 billion in total contracted value over an estimated 15-year
#: lease term", "175 MW Critical IT Load Under Contract". A deck or a later filing describes a contract already
#: signed, so it is read as signed.
_IN_FORCE_RE = re.compile(
    r"\b(?:leased|pre-leased|contracted|licensed)\s+to\s+(?!be\b)|"
    # "The Polaris Forge 2 campus has leased 200 MW of critical IT capacity, currently under construction, to a ..."
    r"\b(?:has|have)\s+leased\b[^.;]{0,90}\bto\s+(?:an?|the|its)\b|\bunder\s+(?:(?:an?|the|its)\s+)?(?:\d+|[a-z]+)[- ]year\s+(?:leases?|contracts?|agreements?)\b|"
    r"\bas\s+part\s+of\s+(?:its|the|our)\s+(?:[\w-]+\s+){0,2}(?:lease|contract)(?:\s+agreement)?\b|\bunder\s+contract\b|\bthis\s+(?:lease|contract|agreement)\s+"
    r"(?:represents|covers|provides|has)\b|\bcontracted\s+(?:critical\s+)?(?:IT\s+)?load\b|\btotal\s+contract\s+value\s*(?:\(\d\)\s*)?(?::|(?=\$))|\banchor\s+(?:contract|lease|tenancy)\b|\bunder\s+the\s+terms\s+of\s+the\s+(?:agreements?|contracts?|leases?)\b|\b(?:base[- ])?lease\s+term\b|\bcontracted\s+lease\s+payments\b", re.I)


#: A lease only hoped for or conditional ("would be leased to", "expects ... under contract") is not in force.
_HEDGED_RE = re.compile(r"\b(?:if|would|could|may|expects?|anticipates?)\b", re.I)


def _event(group: _Group, single: bool, headline_units: list[_Span]) -> tuple[Event | None, str | None]:
    event, evidence = _stated_event(group, single, headline_units)
    heads = group.headline_units if group.own_headline_only else (group.headline_units or (headline_units if single else []))
    if event in (None, "signed"):
        replaces = next((u for u in heads + group.units if _REPLACES_RE.search(u.text)), None)
        if replaces is not None:
            return "amended", replaces.text.strip()     # "This new agreement replaces the prior agreement ..."
    if event is None:
        unit = next((u for u in heads + group.units if _IN_FORCE_RE.search(u.text)
                     and not _NOT_A_CONTRACT_RE.search(u.text)
                     and not _HEDGED_RE.search(u.text)), None)
        if unit is not None:
            return "signed", unit.text.strip()
    if event == "signed":
        for unit in group.units:
            if _option_exercised(unit.text):
                return "expanded", unit.text.strip()
        for unit in heads:
            # "... holds an option for an additional 150 MW" is an option, not an expansion.
            if _ADDITIONAL_MW_RE.search(unit.text) and not re.search(r"\boptions?\b|\bright of first", unit.text, re.I):
                return "expanded", unit.text.strip()
        for unit in heads + group.units:
            if _MORE_FOR_THE_SAME_CUSTOMER_RE.search(unit.text):
                return "expanded", unit.text.strip()
    return event, evidence


def _stated_event(group: _Group, single: bool, headline_units: list[_Span]) -> tuple[Event | None, str | None]:
    units = group.headline_units if group.own_headline_only else (group.headline_units or (headline_units if single else []))
    for unit in units:
        event = _event_in(unit.text)
        if event:
            return event, unit.text.strip()
        if _HEADLINE_EXPANSION_RE.search(unit.text):
            return "expanded", unit.text.strip()
    found = [(event, unit.text.strip()) for unit in group.units for event in [_event_in(unit.text)] if event]
    if not found:
        return None, None
    # a filing that recounts the signing ("In June 2024, CloudCo entered into an agreement ...") before the
    # news ("On March 26, 2025, HPE notified CloudCo of its termination of the HPE Agreement"): the termination
    terminated = next((f for f in found if f[0] == "terminated"), None)
    if found[0][0] == "signed" and terminated is not None:
        return terminated
    return found[0]


def _event_in(text: str) -> Event | None:
    for event, pattern in _EVENT_RES:
        m = pattern.search(text)
        if m and event == "expanded" and _EXERCISED_OPTION_RE.fullmatch(m.group(0)) and not _option_exercised(text):
            m = next((x for x in pattern.finditer(text) if not _EXERCISED_OPTION_RE.fullmatch(x.group(0))), None)
        if m:
            return event
    return None


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
    tenants, backstops = _roles(units, issuer_name)
    if not tenants:
        tenants = _unnamed_then_named(units, backstops)
    groups = _groups(doc, tenants) if tenants else []
    if not groups:
        anonymous = next((m for u in units for m in [_ANONYMOUS_TENANT_RE.search(u.text)] if m), None)
        if not any(_CONTRACT_WORDS_RE.search(u.text) for u in units):
            raise ParseError("no AI/HPC contract described: no lease, agreement or contract wording")
        lessee = _LESSEE_RE.search(doc.text)
        if lessee:
            # a 10-K lease note ("Lessee Accounting", "a 99-year ground lease", "a lease agreement for a data
            # center"): leases the company takes for its own sites, with no tenant of its capacity named
            raise ParseError(f"no AI/HPC tenant contract: the leases described are the company's own as lessee "
                             f"('{lessee.group(0)}')")
        # no tenant named: a letter of intent or a site's own build-out beside the contract is no part of it
        # ("Signed AI Customer Colocation LOI for ... Expansion to 144 MW", "Expanded to Ohio with 24 MW Planned
        # Capacity")
        group = _Group([], units=[_Span(s.start, s.end, s.text) for s in doc.sentences if not _NOT_A_CONTRACT_RE.search(s.text)],
                       headline_units=[u for u in headline_units if not _NOT_A_CONTRACT_RE.search(u.text)],
                       own_headline_only=True)
        letter = _letter_of_intent(doc, headline_units, group)
        if letter is not None:
            group = letter
        if anonymous:
            group.anonymous = _Span(0, 0, anonymous.group("phrase"))
        if group.preliminary is None and _event(group, True, headline_units)[0] is None:
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


def _letter_of_intent(doc: Document, headline_units: list[_Span], definitive: _Group) -> _Group | None:
    """The release's letter of intent (or memorandum, term sheet, binding letter) as the contract it
    describes, when no tenant is named and the rest of the release describes no signed contract with figures.

    "We have entered into exclusivity and executed an LOI with a US-based hyperscaler for a 400 MW capacity
    lease of our Ellendale HPC campus": the letter is the news, and its terms are what the release discloses;
    the record says it is preliminary so that no mart counts its MW as contracted. A release that also
    describes a signed contract with figures keeps to that contract (the letter beside it is no part of it).
    """
    units = headline_units + [_Span(s.start, s.end, s.text) for s in doc.sentences]
    said = next((u for u in units if _PRELIMINARY_RE.search(u.text)), None)
    if said is None:
        return None
    if (_event(definitive, True, headline_units)[0] is not None
            and any(_CONTRACT_FIGURE_RE.search(u.text) for u in definitive.headline_units + definitive.units)):
        return None
    if not any(_CONTRACT_FIGURE_RE.search(u.text) for u in units):
        return None
    group = _Group([], units=[_Span(s.start, s.end, s.text) for s in doc.sentences], headline_units=list(headline_units))
    group.preliminary = said
    return group


def _record(
    doc: Document, group: _Group, single: bool, headline_units: list[_Span], backstops: dict[str, _Role],
    issuer: tuple[str, str, str | None] | None, ticker: str | None, announced_date: date | None,
) -> HpcContractEvent | None:
    """The contract of one tenant group, or None when the release gives it no terms at all."""
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
    if event is None and not single and doc.sentences:
        # "announced two AI hosting agreements: a 10-year agreement with A ..., and a 5-year agreement with B":
        # the lead's verb is each listed contract's event
        lead = doc.sentences[0].text
        named = [m.name for m in find_parties(lead)]
        if not named or any(t in named or re.search(rf"\b{re.escape(t)}\b", lead) for t in group.tenants):
            event = _event_in(lead)
            event_evidence = lead.strip() if event else None
    if event is None and group.preliminary is not None:
        # "the LOI contemplates a term of up to 10 years": a letter the release describes was signed
        event, event_evidence = "signed", group.preliminary.text.strip()
    if group.preliminary is None and event == "signed" and event_evidence and _PRELIMINARY_RE.search(event_evidence):
        # "signed a non-binding letter of intent with Nebius for 100 MW": a named tenant's letter
        group.preliminary = _Span(0, 0, event_evidence)
    if group.preliminary is not None:
        values["agreement_stage"] = "preliminary"
        evidence["agreement_stage"] = group.preliminary.text.strip()[:220]
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

    sites = _sites(doc, group)
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
        ("potential_value_with_extensions_usd", "values with extensions"),
    ):
        value = _resolve(figures, name, evidence, reasons, qualifiers, what)
        if value is not None:
            values[name] = value
    # An MW figure without a basis that repeats a qualified one is the same capacity ("Signs 245 MW
    # Lease" over "245 MW of critical IT"); only the others are kept as unqualified.
    repeats = ["critical_it_mw", "gross_mw", "cumulative_critical_it_mw", "expansion_options_mw"]
    if event == "signed" and "critical_it_mw" not in values:
        # a signing's "lease of the full 110MW capacity" beside "a GPU deployment across the 110MW": the total
        # is the lease's own capacity, not a second figure it repeats
        repeats.remove("cumulative_critical_it_mw")
    qualified = {values.get(k) for k in repeats}
    figures.values["unqualified_mw"] = [f for f in figures.values.get("unqualified_mw", []) if f.value not in qualified]
    value = _resolve(figures, "unqualified_mw", evidence, reasons, qualifiers, "capacities without a basis")
    if value is not None:
        values["unqualified_mw"] = value
        _basis_from_total(values, evidence, reasons)
        _basis_from_lease(values, evidence, reasons, qualifiers, doc.headline)

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

    _explain_nulls(values, reasons)
    return HpcContractEvent(**values, evidence=evidence, null_reasons=reasons, qualifiers=qualifiers)


# "a new lease ... for an additional 150MW" beside "the total critical IT capacity across these three leases
# will encompass 400MW": the increment is counted in the total, so it is stated on the total's basis.
_INCREMENT_RE = re.compile(r"\b(?:additional|incremental|another|new|further|expan\w*|add(?:s|ed|ing)?)\b", re.I)


# "a conditional agreement ... for a total of 100 MWs", "exercised its lease option for an additional 150 MW",
# "the 5MW colocation agreement with Cerebras": capacity leased to a tenant, stated without its basis
_LEASED_CAPACITY_RE = re.compile(r"\b(?:leases?|leased|colocation|co-location|hosting|agreements?|contract(?:s|ed)?|"
                                 r"option)\b", re.I)


def _basis_from_lease(values: dict, evidence: dict, reasons: dict, qualifiers: dict, headline: str = "") -> None:
    """Data-centre leases are sized in critical IT load: a contract's MW stated without a basis is read as
    critical IT (and says so in `qualifiers`), unless the release gives any other basis for this contract.
    A part of the headline ("Signs $2.5B Master Services Agreement with Cerebras — 40 MW AI data center ...")
    is read with the whole headline."""
    mw = values.get("unqualified_mw")
    said = evidence.get("unqualified_mw", "")
    in_headline = bool(said) and said.strip() in headline
    if mw is None or any(k in values for k in ("critical_it_mw", "gross_mw")) \
            or not (_LEASED_CAPACITY_RE.search(said) or (in_headline and _LEASED_CAPACITY_RE.search(headline))):
        return
    values["critical_it_mw"] = mw
    evidence["critical_it_mw"] = evidence["unqualified_mw"]
    reasons.pop("critical_it_mw", None)
    qualifiers["critical_it_mw"] = "basis not stated: a lease's capacity is read as critical IT load"


def _basis_from_total(values: dict, evidence: dict, reasons: dict) -> None:
    """Read an unqualified increment as critical IT when the release's partnership total is critical IT."""
    total, increment = values.get("cumulative_critical_it_mw"), values.get("unqualified_mw")
    if (total is None or increment is None or "critical_it_mw" in values or "gross_mw" in values
            or not increment < total or not _INCREMENT_RE.search(evidence.get("unqualified_mw", ""))):
        return
    values["critical_it_mw"] = increment
    evidence["critical_it_mw"] = evidence["unqualified_mw"]
    reasons.pop("critical_it_mw", None)
    # the words that give the basis: the critical IT total the increment is part of
    evidence["critical_it_mw_basis"] = evidence.get("cumulative_critical_it_mw", "")


def _party_pattern(name: str) -> str:
    return KNOWN_PARTIES.get(name, rf"\b{re.escape(name)}\b")


# "the Polaris Forge 2 Campus ... near Harwood, North Dakota": a town that locates the campus just named.
_LOCATES_BEFORE_RE = re.compile(r"\b(?:near|outside(?: of)?|in)\s+$", re.I)


def _sites(doc: Document, group: _Group) -> list[Mention]:
    """Campuses named in the contract's own headline segments and sentences, each with its snippet.

    Sites named only where the release sums up the whole portfolio ("total leased capacity ... across
    its Polaris Forge 1 and Polaris Forge 2 campuses has now reached 600 MW") are left out when the
    contract's own sentences name one; so is a town that only says where the campus just named lies.
    """
    own: list[Mention] = []
    summing_up: list[Mention] = []
    for unit in group.headline_units + group.units:
        mentions = find_sites(unit.text)
        cumulative = sums_up(unit.text)
        for i, m in enumerate(mentions):
            if i and m.start - mentions[i - 1].end < 90 and _LOCATES_BEFORE_RE.search(unit.text[:m.start]):
                continue
            mention = Mention(m.name, unit.start + m.start, unit.start + m.end,
                              _trim(doc, unit, unit.start + m.start, unit.start + m.end))
            (summing_up if cumulative else own).append(mention)
    return own or summing_up


def _explain_nulls(values: dict, reasons: dict) -> None:
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
