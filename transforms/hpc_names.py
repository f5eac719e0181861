"""Who and where in AI/HPC releases: tenants, backstop parties, suppliers, campuses, the issuer's ticker.

Private to the AI/HPC parsers. Names are matched from a lexicon of parties and campuses seen in
miners' AI/HPC announcements (2024-2025), plus a pattern for a tenant the lexicon does not know
("... lease agreement with Kestrel Compute LLC"). The role a party plays (tenant, backstop, supplier)
is decided by the wording around each mention, in `transforms.hpc`, not here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.tickers import EXCHANGE_TAG_RE, ticker_of

__all__ = ["Mention", "KNOWN_PARTIES", "SUPPLIERS", "find_parties", "find_sites", "find_issuer"]


@dataclass(frozen=True)
class Mention:
    name: str    # canonical name
    start: int
    end: int
    text: str    # as written


# canonical name -> pattern (case-sensitive: "Meta" the company, not "meta").
KNOWN_PARTIES: dict[str, str] = {
    # the parent is a party of its own: "Tenant Guarantor: Amazon.com, Inc." backs a lease to its subsidiary
    "Amazon.com": r"\bAmazon\.com(?:,? Inc\.?)?",
    "Amazon Web Services": r"Amazon Web Services(?:,? Inc\.)?(?: \(AWS\))?|\bAWS\b|\bAmazon\b(?!\.com)",
    "Microsoft": r"\bMicrosoft(?: Corporation| Corp\.?)?",
    "Google": r"\bGoogle(?: LLC)?|\bAlphabet(?: Inc\.)?",
    "Fluidstack": r"\bFluid[Ss]tack(?: Ltd\.?)?",
    "CoreWeave": r"\bCoreWeave(?:,? Inc\.)?",
    "Anthropic": r"\bAnthropic(?: PBC)?",
    "OpenAI": r"\bOpenAI\b",
    "Oracle": r"\bOracle(?: Corporation)?\b",
    "Meta": r"\bMeta(?: Platforms(?:,? Inc\.)?)?\b",
    "xAI": r"\bxAI\b",
    "Nebius": r"\bNebius(?: Group)?\b",
    "Lambda": r"\bLambda(?: Labs|,? Inc\.)?\b",
    "Together AI": r"\bTogether AI\b",
    "Crusoe": r"\bCrusoe(?: Energy)?\b",
    "Poolside": r"\bPoolside\b",
    "AMD": r"\bAMD\b|\bAdvanced Micro Devices(?:,? Inc\.)?",
    "Humain": r"\bHUMAIN\b|\bHumain\b",
    "G42": r"\bG42\b",
    "Core42": r"\bCore42\b",
    "Cerebras": r"\bCerebras\b",
    "TensorWave": r"\bTensorWave\b",
    "Vultr": r"\bVultr\b",
    "Nscale": r"\bNscale\b|\bNSCALE\b",
    # Suppliers and lenders appear beside the tenant but are never one.
    "NVIDIA": r"\bNVIDIA\b|\bNvidia\b",
    "Dell": r"\bDell(?: Technologies)?\b",
    "Supermicro": r"\bSupermicro\b|\bSuper Micro Computer\b",
    "Hewlett Packard Enterprise": r"\bHewlett Packard Enterprise\b|\bHPE\b",
    "Morgan Stanley": r"\bMorgan Stanley\b",
    "J.P. Morgan": r"\bJ\.P\. Morgan\b|\bJPMorgan\b",
}
SUPPLIERS = {"NVIDIA", "Dell", "Supermicro", "Hewlett Packard Enterprise", "Morgan Stanley", "J.P. Morgan"}
_PARTY_RES = {name: re.compile(pattern) for name, pattern in KNOWN_PARTIES.items()}

# Campuses named in miners' AI/HPC releases. Canonical spelling as the companies write it.
KNOWN_SITES = (
    "Lake Mariner", "Abernathy", "Childress", "Sweetwater", "Barber Lake", "Denton", "River Bend",
    "Polaris Forge 1", "Polaris Forge 2", "Polaris Forge", "Harwood", "Black Pearl",
    "Bear", "Chief", "Odessa", "Rockdale", "Corsicana", "Muskogee", "Marble", "Dalton", "Calvert City",
    "Vega", "Prince George", "Mackenzie", "Canal Flats", "Helios", "Cedarvale", "Medina", "Kearney",
    "Salt Creek", "Grand Falls", "Boden", "Yguazu", "Sharon", "Panther Creek", "Ellendale", "Jamestown", "Tydal", "Beacon Point",
)
# Single-word names that are also ordinary words are only taken with a site noun after them.
_NEEDS_SITE_NOUN = {"Bear", "Chief", "Sharon", "Helios", "Vega", "Marble", "Medina"}
_SITE_NOUN = r"(?:campus|site|facility|data cent(?:er|re)s?(?: campus)?|project|hub|(?-i:Premises))"
_STATES = (
    r"(?:Texas|New York|North Dakota|Louisiana|Oklahoma|Georgia|Kentucky|North Carolina|Ohio|"
    r"Pennsylvania|Tennessee|Nebraska|Wyoming|Arkansas|Mississippi|South Carolina|Washington|Quebec|Alabama|"
    r"British Columbia|Ontario|Alberta|Paraguay|Norway|Sweden|Ethiopia|N\.Y\.|N\.D\.|TX|NY|ND)"
)
_SITE_PATTERN_RE = re.compile(
    rf"\b(?:at|in|for|of)\s+(?:its|the|our|their|the Company['’]s|[A-Z][A-Za-z0-9]+['’]s)\s+"
    # "at WhiteFiber’s NC-1 data center campus": a site code as the name
    rf"(?P<name>[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+){{0,2}}(?:\s\d)?|[A-Z]{{2,5}}-\d{{1,2}})(?:,\s{_STATES},?)?\s+{_SITE_NOUN}\b"
)
_SITE_NAME = r"(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}(?:\s\d{1,2})?)"
#: Names the lexicon lacks, in the other ways releases and decks put them: a title's "1 GW Beacon Point AI Data
#: Center Campus"; a deck's "Developing Sandersville, a 175 MW critical IT AI data center campus"; "the HPC data
#: center at Stingray"; "The CB-5 Premises" (a site code); "Initial operations at Delta Forge 1" (a numbered
#: campus).
_FREE_SITE_RES = (
    re.compile(rf"\b(?:MW|GW|the|its|our|their)\s+{_SITE_NAME}\s+(?:(?:AI|HPC|AI/HPC)\s+)?(?:Data\s+(?:Cent(?:er|re)\s+)?)?Campus\b(?!-)"),
    re.compile(rf"\b{_SITE_NAME},\s+(?:an?|the|its|our)\s+(?:[\w/-]+\s+){{0,8}}?(?:data\s+cent(?:er|re)\s+)?campus\b(?!-)"),
    re.compile(rf"\b(?:data\s+cent(?:er|re)|campus|facility)\s+at\s+{_SITE_NAME}\b(?![\s,]+(?:LLC|Inc|Corp))"),
    re.compile(r"\b(?P<name>[A-Z]{2,5}-\d{1,2})\s+(?:Premises|campus|site|facility|data\s+cent(?:er|re))\b"),
    # a site code with no hyphen after its capacity or article: "for its 9.5 MW A102 facility in Malaysia"
    re.compile(r"\b(?:MW|its|the|our)\s+(?P<name>[A-Z]{1,3}\d{2,4})\s+(?:campus|site|facility|data\s+cent(?:er|re))\b"),
    # "for 40 MW Data Center in Columbiana, Alabama": a town named with its state
    re.compile(rf"\b(?i:data\s+cent(?:er|re)\s+in)\s+(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+{_STATES}\b"),
    # a deck row opened by its site code: "MTL - 3 6.6 Gross MW Capacity: 100% contracted"
    re.compile(r"(?m)^(?P<name>[A-Z]{2,5}-\d{1,2})\s+(?=[\d.]+\s*(?:Gross\s+|IT\s+)?MW\b)"),
    # a deck's section title "NC-1: NSCALE ANCHOR CONTRACT"
    re.compile(r"(?m)(?:^|[•▪●]\s*)(?!EX-)(?P<name>[A-Z]{2,5}-\d{1,2})(?::\s|\s*$)"),
    # ("Signs 210 MW Lease at Delta Forge 2, Expanding ...": a comma after the number ends the name, "2,000" does not)
    re.compile(r"\bat\s+(?P<name>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\s\d{1,2})\b(?!\d|[,.]\d|%|\s*(?:MW|GW|megawatts?|%))"),
)
_SITE_NUMBER_AFTER_RE = re.compile(r"\s(\d{1,2})\b(?![,.]\d|\s*(?:MW|GW|megawatts?|%|-))")
_MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December"}
# "a new data center site in Saint-Jérôme, Québec ("MTL-3")": a site code defined in brackets.
_SITE_CODE_RE = re.compile(
    r"\b(?:site|campus|facility|data cent(?:er|re))\b[^.()]{0,60}\(\s*[“\"](?P<name>[A-Z]{2,6}-?\d{1,2})[”\"]\s*\)")
# Soluna-style named projects: "at Project Dorothy 2 in Texas", "Project Kati".
_PROJECT_SITE_RE = re.compile(r"\b(?P<name>Project\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?:\s\d{1,2}[A-Z]?)?)\b")
_PROJECT_NOT_A_NAME = {"Finance", "Financing", "Management", "Manager", "Update", "Development", "Pipeline", "Costs",
                       "Cost", "Level", "Debt", "Loan", "Company", "Companies", "Partners", "Overview", "Highlights"}
_SITE_STOPWORDS = {
    "New", "The", "Company", "Data", "AI", "HPC", "GPU", "Bitcoin", "Mining", "North", "South", "West",
    "East", "Phase", "First", "Second", "Initial", "Existing", "Flagship", "Texas", "Global", "Tier",
}

_DEFINED_ISSUER_AFTER_RE = re.compile(r"\s*\(\s*[“\"][^”\"]{1,40}[”\"]\s*(?:,\s*|\s+or\s+)(?:the\s+)?[“\"](?:Company|Issuer)[”\"]", re.I)


def find_parties(text: str) -> list[Mention]:
    """Known parties named in `text`, in order of appearance (overlaps resolved to the longest)."""
    found: list[Mention] = []
    for name, pattern in _PARTY_RES.items():
        for m in pattern.finditer(text):
            found.append(Mention(name, m.start(), m.end(), m.group(0)))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def find_sites(text: str) -> list[Mention]:
    """Campus names in `text`: the lexicon, then "at its <Name> campus" for names it lacks."""
    found: list[Mention] = []
    for site in sorted(set(KNOWN_SITES), key=len, reverse=True):
        tail = rf"(?:,\s{_STATES})?\s+{_SITE_NOUN}\b" if site in _NEEDS_SITE_NOUN else r"(?![A-Za-z])"
        # "... of approved power capacity at Helios": a place after "at" needs no site noun
        head = rf"(?:(?<=\bat\s){re.escape(site)}(?![A-Za-z])|" if site in _NEEDS_SITE_NOUN else "(?:"
        for m in re.finditer(rf"{head}\b{re.escape(site)}{tail})", text):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            numbered = _SITE_NUMBER_AFTER_RE.match(text, m.start() + len(site))
            if numbered and not site[-1].isdigit():
                # "Polaris Forge 3": a numbered campus of a name the lexicon knows without its number
                name = f"{site} {numbered.group(1)}"
                found.append(Mention(name, m.start(), numbered.end(), name))
                continue
            found.append(Mention(site, m.start(), m.start() + len(site), site))
    for m in _SITE_CODE_RE.finditer(text):
        if not any(f.start <= m.start("name") < f.end for f in found):
            found.append(Mention(m.group("name"), m.start("name"), m.end("name"), m.group("name")))
    for m in _PROJECT_SITE_RE.finditer(text):
        if m.group("name").split()[1] in _PROJECT_NOT_A_NAME:
            continue
        if not any(f.start <= m.start("name") < f.end for f in found):
            found.append(Mention(m.group("name"), m.start("name"), m.end("name"), m.group("name")))
    for m in _SITE_PATTERN_RE.finditer(text):
        name = m.group("name").strip()
        if name.split()[0] in _SITE_STOPWORDS or any(f.start <= m.start("name") < f.end for f in found):
            continue
        while len(name.split()) > 1 and name.split()[-1] in ("AI", "HPC", "GPU"):
            name = name.rsplit(" ", 1)[0]      # "our Ellendale HPC campus": the campus's use is no part of its name
        if name.split()[-1] in _SITE_STOPWORDS and not (name.split()[-1] == "Data" and len(name.split()) > 1
                                                        and re.match(r"\s+(?:campus|site)\b", text[m.end("name"):])):
            continue
        found.append(Mention(name, m.start("name"), m.end("name"), name))
    for pattern in _FREE_SITE_RES:
        for m in pattern.finditer(text):
            name = m.group("name").strip()
            words = name.split()
            if len(words) > 1 and words[0].endswith("ing"):
                # "Developing Sandersville, a 175 MW ... campus": the deck's verb is no part of the name
                name, words = " ".join(words[1:]), words[1:]
            end = m.end("name")
            if len(words) > 1 and words[-1] == "Data":
                # "the Justified Data Campus": "Data" belongs to the campus noun, not the name
                name, words = " ".join(words[:-1]), words[:-1]
                end = m.start("name") + len(m.group("name").rstrip()) - len(" Data")
            start = end - len(name)
            if (words[0] in _SITE_STOPWORDS or words[0] in _MONTH_NAMES or words[-1] in _SITE_STOPWORDS
                    or any(f.start <= start < f.end or start <= f.start < end for f in found)):
                continue
            found.append(Mention(name, start, end, name))
    return sorted(found, key=lambda m: m.start)


def find_issuer(text: str) -> tuple[str, str, str | None] | None:
    """(ticker, exchange tag as written, issuer name) from the issuer's "(NASDAQ: WULF)" in `text`.

    The issuer's tag is the one its defined name follows ("(Nasdaq, TSX: HUT) ("Hut 8" or the
    "Company")"); a sub-headline may tag partners first ("Entergy (NYSE: ETR)"). Without such a tag,
    the first one.
    """
    tags = list(EXCHANGE_TAG_RE.finditer(text))
    if not tags:
        return None
    m = next((t for t in tags if _DEFINED_ISSUER_AFTER_RE.match(text, t.end())), tags[0])
    before = text[max(0, m.start() - 120):m.start()]
    name = re.search(r"([A-Z][A-Za-z0-9&.,' -]{1,80}?)\s*$", before)
    issuer = None
    if name:
        issuer = re.split(r"\s--\s|\s-\s|\)\s", name.group(1))[-1].strip(" ,")
        issuer = re.sub(r",?\s+(?:Inc|Corp|Ltd|Limited|Co|LLC|Holdings|Platforms)\.?$", "", issuer) or None
    return ticker_of(m), m.group(0), issuer
