"""Debt press releases and 8-K bodies -> one instrument event per instrument the document describes.

Reads the wording miners use for convertible and senior (secured) notes, term loans and credit
facilities: "announces proposed offering", "announces pricing", "closes", option exercises, upsizings,
repurchases, exchanges, conversions and redemptions, in newswire text (hard line-wraps included),
EDGAR HTML exhibits and 8-K Items 1.01/2.03, and syndicated copies whose words were spun
("three.00%", "web proceeds", "mixture principal quantity"). Every value carries the document's own words
as evidence; a value the text does not state is null with a reason, never guessed.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from transforms import debt_patterns as P
from transforms.amounts import FOREIGN_DOLLAR_RE, IN_THOUSANDS_RE, MONEY_RE, NUMBER, money_from_match, parse_number
from transforms.debt_text import MappedText, Sentence, document_text, normalize, sentences
from transforms.debt_xbrl_details import DetailsFacts, is_details_page, read_details
from transforms.errors import ParseError
from transforms.tickers import EXCHANGE_TAG_RE, ticker_of

PARSER_VERSION = "debt-37"  # debt-37: the amount financed never replaces a repayment's balance, "repaid in full the outstanding balance of $X" (review); debt-36: a Form T-3 cover ("Securities to be Issued under the Indenture" is proposed, "(Amendment No. 1)" and "amend this Application" amend no debt, a cash/PIK toggle coupon "10.00%/12.00% Cash/...", the amount in the next cell of a descriptor wrapped over two lines), a lender that "has agreed to provide ... with a ... loan facility" proposes it and its bulleted terms give "up to a maximum of $X" (heldout37, after its one scoring); debt-35: "a loan payable of $X" is debt (other), and a balance read as principal gives way to the amount "financed ... of the purchase price" (heldout36 dev data); debt-34: a filing note's latest amendment sets the principal ("the maximum limit of the amended Facility is $X") and maturity ("extended its maturity date from D1 to D2") in the sentences after its date; "an equipment financing loan agreement" is one loan and "the loan facility" after it refers back to it (heldout36, after its one scoring); debt-33: an acquiree's "$5.7 million note payable" (other debt) "with a fixed rate of 8.81%" (heldout31 dev data); debt-32: an XBRL text-block note page whose bare dollar amounts are all under $100,000 is in the filing's thousands (the page has no scale header of its own), and proceeds and consideration are scaled like principal (heldout26/32 dev data); debt-31: a filing note whose balance table comes first takes its latest dated closing sentence as the news, and a date written day first ("On 24 March 2022") opens a dated step (heldout35, after its one scoring); debt-30: "an equipment financing loan of up to $X" and a Canadian filer's "$X (US$Y)" read as Y, "each tranche ... is secured against" (heldout35, after its one scoring); debt-29: a lender's loan confirmation read by its rows ("|Loan Amount |$45,000,000", "|Borrower APR |4.5%", "|Borrow Fee Per Annum: |11.5%", "|Maturity Date |10/29/2021", a BTC collateral row is security), "cryptocurrency collateral the Company posted" is security (heldout34, after its one scoring); debt-28: a results release (a wire dateline) keeps its prose principals in dollars beside statements "in thousands" (review of debt-25); debt-27: a purchase agreement "pursuant to which the Company sold/issued/received" is a closing, a "LOC Agreement" is a line of credit and "entitled to borrow funds up to the limit of $X" its size, a "mining machine loan" (equipment debt, "other") and the amount it "will be financed through" (heldout33, after its one scoring); debt-26: an agreement that "provides for" a total "comprised of" or "consisting of" several facilities is one credit facility at that total (heldout31 dev data); debt-25: a filing whose amounts are "($ in thousands)" scales a bare principal in its prose (not one whose thousands stand in its table), a note's latest dated step is its event (a later repayment, "During the three months ended ...", an amendment not negated by "has not been subsequently amended"), a rate "adjusted to", an amendment "to expand the availability of borrowings to $X", "require interest at 17% per annum" (heldout31, after its one scoring); debt-24: "notes at 7.125%" gives the coupon, a results release's "secured a ... facility", "signed a credit facility" and "refinanced ... through a new facility" are closings (heldout29 dev data); debt-23: a release's loan bullets ("Principal: $X", "Rate: 13 % APR"), "The interest rate of the Loan Agreement is 0%", a word-spelled term before a loan ("a $750,000 five-year term loan"), cash put "as security into a control account", a term loan facility drawn in "one or more loans" is a credit facility, a facility's size "was increased", a bare "Notes" beside a full descriptor is those notes (heldout30, after its one scoring; heldout29); debt-22: "raised $X in aggregate principal of" notes is a closing and its principal, a "$X private offering of" notes, notes named only by their defined term beside an Indenture ("principal amount of Notes sold in the Offering was $X"), a long line without a stop before a capital ends its sentence (heldout29, after its one scoring); debt-21: an R page of details whose rows carry a unit column ("| $") and whose title names the instrument beside older members, "convertible price", notes "issued ... to investors (...) for an aggregate principal amount of" in exchange for cash (a sale, not an exchange), "upon conversion of" is a term, a dated "the Company issued the Notes" is a closing, a lead that "completed the early repayment", "No security was granted", comma-separated facility qualifiers (heldout27/28 dev data); debt-20: a facility "which in September 2025, we increased to" (upsized), a delayed-draw term loan facility is a facility, a headline's rounded amount gives way to the body's exact one, debt cut by an amount with no instrument named ("a reduction in our debt of $40 million") is other debt repaid, a share buyback is no debt repurchase, a note sold "for a purchase price of" at par (heldout25/26 dev data); debt-19: a credit agreement's cover page ("U.S.$100,000,000 / CREDIT AGREEMENT / Dated as of") states its size and puts it in force, a line of credit that "provides for loans of up to", rates "at twelve percent (12%) per annum", "at the rate of 8% per annum" and after a defined term, a filing note's later upsizing, a note purchase agreement told after the fact is a closing, "note payable agreements", a note "having" or "in a" principal amount, a cap price after a long reference to the capped calls, an EDGAR R page of XBRL details read by its fact labels (heldout19/20 dev data), an Item 1.01 that tells the underwriting agreement and then 'the Company issued the Notes' is a closing, a master agreement that 'provided for up to' an amount (heldout21 dev data), a 10-Q's 'issued the following convertible notes', a variable rate plus a reference rate, drawdowns 'secured by', a later restated note and 'the interest rate was increased to' (heldout23/24 dev data), a prospectus supplement's 'we intend to offer', a rate left blank until pricing, an executed note purchase agreement is a pricing (heldout25 dev data); debt-18: a payoff letter is a repayment, an "amended and restated" note in force is amended, a side letter's maximum loan amount, an "RLOC facility" (heldout18 dev data); debt-17: loan documents filed as exhibits (heldout17/18): an executed note's "promises to pay ... the principal amount of", an equipment finance agreement's disclosure box, "shall accrue at the annualized rate", "Interest Rate: 1%", a defined "Applicable Interest Rate", the one dated maturity among events, an amendment recalling its note's principal; a repayment paid with new notes is about the debt repaid, "repaid" wording is a repayment whatever the instrument, a spun "choice to purchase ... as much as a further" option; debt-16: a loan row of a filing note's table "in thousands" is scaled, capped calls "entered into" close nothing, an offering "expected to close on" a day is priced, a repurchase of common stock is no retirement (heldout13/16 dev data); debt-15: filing notes and loan agreements (heldout14): master loan and pledge agreements are facilities, collateral transferred to a lender is security, a balance outstanding or a USDT amount stands for an unstated principal, renewals and term extensions amend, EDGAR R-page definitions are dropped; debt-14: rates spelled in words, loan note instruments, "repayable on", conversion and exchange rates quoted per $250,000 scaled to $1,000; debt-13: executed agreements and notes filed as exhibits, commitment letters, debt settlements, equipment financing and promissory notes are "other" (heldout11/12); debt-12: loans named like notes, repayments and prepayments, promissory notes, agreements providing for a loan; debt-11: "redeem all $X ... of its outstanding", "repaid in full the outstanding $X balance", bitcoin-backed is secured, C$/A$/HK$ amounts are no USD, denominations are no principal, retirements read the amount their verb governs, amendments that add a loan (heldout9/10); debt-10: loans settled with shares or collateral are repaid, loan agreements, restructured debt, debt settlements, cover pages, glued term sheets, revolving credit and security agreements

Instrument = Literal["convertible_notes", "senior_secured_notes", "senior_notes", "term_loan", "credit_facility", "other"]
Event = Literal["proposed", "priced", "closed", "upsized", "repurchased", "exchanged", "converted", "redeemed",
                "repaid", "amended"]

NEW_ISSUE_EVENTS = ("proposed", "priced", "closed", "upsized")
NOTE_INSTRUMENTS = ("convertible_notes", "senior_secured_notes", "senior_notes")
RETIRE_EVENTS = ("repurchased", "exchanged", "converted", "redeemed", "repaid")
LOAN_INSTRUMENTS = ("term_loan", "credit_facility", "other")

#: The keys of `minerwatch parse debt` output, in order (issue 4); extra keys follow them.
CLI_KEYS = (
    "ticker", "instrument", "event", "announced_date", "principal_usd", "option_principal_usd", "coupon_pct",
    "maturity_date", "conversion_rate_per_1000_usd", "conversion_price_usd", "conversion_premium_pct",
    "cap_price_usd", "secured", "use_of_proceeds", "evidence",
)
#: Fields that must be explained in null_reasons when null.
EXPLAINED_FIELDS = (
    "ticker", "event", "announced_date", "principal_usd", "option_principal_usd", "coupon_pct", "maturity_date",
    "maturity_year", "conversion_rate_per_1000_usd", "conversion_price_usd", "conversion_premium_pct",
    "cap_price_usd", "secured", "use_of_proceeds", "net_proceeds_usd",
)
CONVERSION_FIELDS = ("conversion_rate_per_1000_usd", "conversion_price_usd", "conversion_premium_pct", "cap_price_usd")


class DebtEvent(BaseModel):
    """One event of one debt instrument as one document describes it.

    principal_usd is the principal the event concerns: the offering size for proposed/priced/upsized
    (the new total), the principal issued for closed (see principal_includes_option), and the principal
    retired for repurchased/exchanged/converted/redeemed/repaid (a loan is repaid where notes are redeemed).
    """

    model_config = ConfigDict(extra="forbid")

    ticker: str | None
    instrument: Instrument
    event: Event | None
    announced_date: date | None
    principal_usd: float | None = None
    option_principal_usd: float | None = None
    coupon_pct: float | None = None
    maturity_date: date | None = None
    maturity_year: int | None = None
    conversion_rate_per_1000_usd: float | None = None
    conversion_price_usd: float | None = None
    conversion_premium_pct: float | None = None
    cap_price_usd: float | None = None
    secured: bool | None = None
    use_of_proceeds: str | None = None
    net_proceeds_usd: float | None = None
    #: the offering size before an upsizing ("upsized from $450 million")
    upsized_from_usd: float | None = None
    #: the initial purchasers' option was exercised (amount in option_principal_usd when stated)
    option_exercised: bool | None = None
    #: principal_usd already includes the exercised option ("which includes ... the exercise in full")
    principal_includes_option: bool | None = None
    #: a retirement of all the outstanding principal ("redeem all of its outstanding notes")
    all_outstanding: bool | None = None
    #: cash paid in a repurchase/exchange ("for approximately $267.9 million in cash")
    consideration_usd: float | None = None
    evidence: dict[str, str] = Field(default_factory=dict)
    null_reasons: dict[str, str] = Field(default_factory=dict)
    #: field -> how a value the text does not state was computed from values it does state
    derived: dict[str, str] = Field(default_factory=dict)
    #: spun words of a syndicated copy that were read as the issuer's wording ("web proceeds")
    spun_wording: list[str] = Field(default_factory=list)
    parser_version: str = PARSER_VERSION

    @field_validator(
        "principal_usd", "option_principal_usd", "coupon_pct", "conversion_rate_per_1000_usd", "conversion_price_usd",
        "conversion_premium_pct", "cap_price_usd", "net_proceeds_usd", "upsized_from_usd", "consideration_usd",
    )
    @classmethod
    def _finite_non_negative(cls, v: float | None) -> float | None:
        if v is not None and (not math.isfinite(v) or v < 0):
            raise ValueError("must be a finite, non-negative number")
        return v


# --- the document --------------------------------------------------------------------------------

@dataclass
class _Mention:
    """A place where the text names an instrument."""

    start: int
    end: int
    sentence: int
    instrument: str
    secured: bool | None = None
    coupon: float | None = None
    coupon_span: tuple[int, int] | None = None
    due_year: int | None = None
    due_date: date | None = None
    due_span: tuple[int, int] | None = None
    explicit: bool = True          # names coupon or maturity (or is the only instrument of its kind)
    kind: str = "notes"            # "notes" descriptor, "series" ("the 2032 notes"), or "loan"
    specific: bool = False         # a loan named by its own kind ("equipment financing agreement", "promissory note")
    series_year: int | None = None  # the year of a "series" mention
    contract: bool = False         # a loan's contract ("credit agreement"), not the loan itself
    master: bool = False           # a master loan agreement: a facility whatever loan the text names beside it
    defined_notes: bool = False    # notes named only by their defined term ("principal amount of Notes sold")
    key: tuple | None = None       # the instrument it resolved to


@dataclass
class _Instrument:
    key: tuple
    instrument: str
    coupon: float | None
    due_year: int | None
    mentions: list[_Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions) if self.mentions else 1 << 30


@dataclass
class _Doc:
    mt: MappedText
    sents: list[Sentence]
    dei: dict[str, str]
    spun: list[str]

    @property
    def text(self) -> str:
        return self.mt.text

    def sentence_at(self, pos: int) -> int:
        lo, hi = 0, len(self.sents) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sents[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def ev(self, a: int, b: int) -> str:
        return self.mt.evidence(a, b)


def _date_from(m: re.Match) -> date | None:
    """The full date a DATE-style match captured (groups mon/day/year, or their 2/4-suffixed variants)."""
    gd = m.groupdict()
    for suffix in ("", "2", "4"):
        mon_s, day_s, year_s = gd.get("mon" + suffix), gd.get("day" + suffix), gd.get("year" + suffix)
        if not (mon_s and day_s and year_s):
            continue
        month = P.MONTHS.get(mon_s.lower().rstrip("."))
        try:
            return date(int(year_s), month, int(day_s)) if month else None
        except ValueError:
            return None
    return None


_LATER_CONVERTIBLE_RE = re.compile(r"\bconvertible\s+(?:at\s+the\s+option\s+of\s+the\s+holder|into)\b", re.I)
#: A master loan agreement ("Master Loan and Pledge Agreements"): the frame loans are drawn under, a facility.
_MASTER_LOAN_RE = re.compile(r"\bmaster\s+loan\b|\bloan\s+and\s+pledge\b", re.I)
#: Its defined short name: 'a Master Loan Agreement (the "Loan Agreement")'.
_MASTER_ALIAS_RE = re.compile(
    r"\b(?:master\s+loan(?:\s+and\s+pledge)?|loan\s+and\s+pledge)\s+agreements?\s*\(\s*(?:the\s+)?[\"\u201c](?P<alias>[^\"\u201d]{1,40})[\"\u201d]", re.I)
#: A loan given a note's name: 'a $1.5 million secured loan ("Secured Note")'.
_LOAN_ALIAS_RE = re.compile(
    r"\bloan\s*\(\s*(?:the\s+)?[\"\u201c](?P<alias>(?:(?:senior|secured|unsecured|subordinated)\s+){1,2}notes?)[\"\u201d]", re.I)
#: A promissory note the holder may convert: "provides the holder an option to convert all or any portion of the note
#: into the ordinary shares".
_HOLDER_MAY_CONVERT_RE = re.compile(r"\boption\s+to\s+convert\b[^.;]{0,80}?\binto\b[^.;]{0,60}?\bshares\b", re.I)


def _classify_notes(kind: str) -> tuple[str, bool | None]:
    k = kind.lower()
    if "convertible" in k or "exchangeable" in k:
        return "convertible_notes", (False if "unsecured" in k else True if "secured" in k else None)
    if "secured" in k and "unsecured" not in k:
        return "senior_secured_notes", True
    if "senior" in k:
        return "senior_notes", (False if "unsecured" in k else None)
    return "other", (False if "unsecured" in k else None)


_REVOLVING_LOANS_RE = re.compile(r"\brevolving\s+loans?\b", re.I)
_MULTI_DRAW_RE = re.compile(r"\bone\s+or\s+more\s+(?:loans|advances|draws|borrowings)\b|\bmultiple\s+(?:draws|advances|drawdowns)\b", re.I)
_SPECIFIC_LOAN_RE = re.compile(r"promissory|equipment|machine\s+loan|mortgage|loan\s+notes?|mefa|(?:note|loan)\s+payable", re.I)


def _classify_loan(words: str) -> tuple[str, bool | None]:
    w = words.lower()
    secured = False if "unsecured" in w else True if ("secured" in w or "backed" in w or "collateralized" in w
                                                     or "security agreement" in w) else None
    if _SPECIFIC_LOAN_RE.search(w):
        # the register's convention: equipment financing, promissory notes (bridge ones too), mortgages and loan
        # notes are "other" debt; "term_loan" is a loan the document calls a term loan or a loan agreement
        return "other", secured
    if _MASTER_LOAN_RE.search(w):
        # a master loan agreement is the frame loans are drawn under, in tranches or on demand: a facility
        return "credit_facility", secured
    if re.fullmatch(r"(?:secured\s+|unsecured\s+)?debt", w):
        # "the remaining $21.8 million of secured debt": an amount of debt whose instrument the text does not name
        return "other", secured
    if re.search(r"delayed[- ]draw\s+(?:term\s+)?loans?\s+facility", w):
        # "a new delayed draw term loan facility of $40,000": loans drawn over time up to a commitment, a facility
        return "credit_facility", secured
    if "term loan" in w or re.search(r"asset[- ]backed|bridge|(?:^|\s)(?:\S+\s+)?(?:loans?|debt)$", w):
        # a loan against named assets or a bridge is drawn once and repaid over a term
        return "term_loan", secured
    if re.search(r"\bloan\s+agreement", w):
        return "term_loan", secured     # a "Loan Agreement" under which "certain loans" were made
    if "agreement" in w and not ("credit" in w):
        return "other", secured
    return "credit_facility", secured


def _find_mentions(doc: _Doc) -> list[_Mention]:
    text = doc.text
    out: list[_Mention] = []
    # a loan given a note's name ('a $1.5 million secured loan ("Secured Note")') stays one loan: the name is no notes
    loan_aliases = {a.group("alias").lower() for a in _LOAN_ALIAS_RE.finditer(text)}
    for m in P.NOTE_DESCRIPTOR_RE.finditer(text):
        kind = m.group("kind")
        if m.group(0).lower() in loan_aliases:
            continue
        has_coupon = m.group("coupon") is not None or m.group("zero") is not None
        has_due = m.group("due_year") is not None
        qualified = re.search(r"convertible|exchangeable|senior|secured|subordinated", kind, re.I)
        # "the Company's Amended and Restated 10% Notes (the "Notes")": a coupon and a defined name
        defined = has_coupon and re.match(r"\s*\(\s*(?:the\s+)?[“\"](?:[\w -]{0,20})?Notes[”\"]", text[m.end():m.end() + 40])
        # a closing 8-K that names the notes only by their defined term: "The aggregate principal amount of Notes
        # sold in the Offering was $4,250 million", beside the Indenture that governs them
        defined_only = (kind == "Notes" and not has_coupon and "Indenture" in text and re.search(
            r"(?i)\bprincipal\s+amount\s+of\s+(?:the\s+)?$", text[max(0, m.start() - 40):m.start()]) is not None)
        if not (qualified or (has_coupon and has_due) or defined or defined_only):
            continue
        prev = text[max(0, m.start() - 15):m.start()].split()
        if prev and re.fullmatch(r"(?i)promissory|treasury", prev[-1]):
            continue
        instrument, secured = _classify_notes(kind)
        if instrument == "other" and re.search(r"(?i)\bdebentures?\b", kind) and _LATER_CONVERTIBLE_RE.search(text[m.end():m.end() + 700]):
            # HIVE's "unsecured debentures (the "Debentures") ... convertible at the option of the holder"
            instrument = "convertible_notes"
        mention = _Mention(m.start(), m.end(), doc.sentence_at(m.start()), instrument, secured,
                           defined_notes=bool(defined_only))
        if m.group("coupon") is not None:
            mention.coupon = parse_number(m.group("coupon"))
            # the % sign belongs to the evidence
            mention.coupon_span = (m.start("coupon"), text.index("%", m.start("coupon")) + 1)
        elif m.group("zero"):
            mention.coupon = 0.0
            mention.coupon_span = m.span("zero")
        if has_due:
            mention.due_year = int(m.group("due_year"))
            due = re.search(r"(?i)\bdue\b", text[m.start("kind"):m.start("due_year")])
            due_start = m.start("kind") + due.start() if due else m.start("due_year")
            mention.due_span = (due_start, m.end("due_year"))
            if m.group("due_mon") and m.group("due_day"):
                month = P.MONTHS.get(m.group("due_mon").lower().rstrip("."))
                try:
                    mention.due_date = date(mention.due_year, month, int(m.group("due_day")))
                except (TypeError, ValueError):
                    mention.due_date = None
        mention.explicit = has_coupon or has_due
        out.append(mention)
    for m in P.SERIES_RE.finditer(text):
        if any(x.start <= m.start() < x.end for x in out):
            continue
        out.append(_Mention(m.start(), m.end(), doc.sentence_at(m.start()), "", None, explicit=True, kind="series",
                            series_year=int(m.group("year"))))
    # 'a Master Loan Agreement (the "Loan Agreement")': the short name is the same master agreement
    master_aliases = {a.group("alias").lower() for a in _MASTER_ALIAS_RE.finditer(text)}
    holder_may_convert = bool(_HOLDER_MAY_CONVERT_RE.search(text)) and not re.search(
        r"(?i)\bconvertible\s+(?:(?:senior|secured|unsecured|subordinated|promissory)\s+)*(?:notes?|debentures?|bonds?)\b", text)
    cut_debt = {c.start("debt") if c.group("debt") else c.start("debt2") for c in P.DEBT_CUT_RE.finditer(text)}
    for m in P.LOAN_RE.finditer(text):
        words = m.group("loan")
        if words.lower() == "debt" and m.start() not in cut_debt:
            continue    # "total debt of $200 million" names no instrument and no event
        instrument, secured = _classify_loan(words)
        if instrument == "credit_facility" and P.NOT_REBORROWABLE_RE.search(text):
            instrument = "term_loan"    # "Principal amounts repaid under the Note will not be available for reborrowing"
        elif instrument == "term_loan" and re.search(r"(?i)loan\s+agreement", words) and _REVOLVING_LOANS_RE.search(text):
            instrument = "credit_facility"  # a master loan agreement under which "the Lender shall extend Revolving Loans"
        elif instrument == "term_loan" and re.search(r"(?i)facilit", words) and _MULTI_DRAW_RE.search(text):
            instrument = "credit_facility"  # a "term loan facility" under which the borrower requests "one or more loans"
        sentence = doc.sentence_at(m.start())
        if re.search(r"(?i)promissory", words) and holder_may_convert:
            instrument = "convertible_notes"
        elif re.search(r"(?i)loans?$", words) and _LOAN_ALIAS_RE.match(text, m.end() - 4):
            instrument = "other"    # a loan the text calls a note is a promissory note: the register's "other"
        earlier = [x for x in out if x.kind == "loan" and 0 < m.start() - x.end <= 300]
        if earlier and re.search(r"(?i)\bthe\s+$", text[max(0, m.start() - 5):m.start()]) \
                and earlier[-1].instrument != instrument and not _SPECIFIC_LOAN_RE.search(words):
            # "entered into an equipment financing loan agreement of $38.3 million ... drew the full $38.3 million from
            # the loan facility": the definite "the loan facility" is the loan just named, no second instrument
            continue
        mention = _Mention(m.start(), m.end(), sentence, instrument, secured, explicit=False,
                           kind="loan", contract=bool(re.search(r"agreement", words, re.I)),
                           specific=bool(_SPECIFIC_LOAN_RE.search(words)))
        mention.master = bool(_MASTER_LOAN_RE.search(words)) or words.lower() in master_aliases
        if mention.master:
            mention.instrument = "credit_facility"
        _loan_coupon_and_due(text, m, mention)
        out.append(mention)
    out.sort(key=lambda x: x.start)
    _loans_named_twice(text, out)
    return out


_LOAN_COUPON_BEFORE_RE = re.compile(r"(?<![\d.])(?P<coupon>\d{1,2}(?:\.\d{1,4})?)\s?%\s+(?:(?:fixed[- ]rate|its|the)\s+)?$", re.I)
_LOAN_DUE_AFTER_RE = re.compile(r"\s+due\s+(?P<year>(?:19|20)\d{2})\b")


def _loan_coupon_and_due(text: str, m: re.Match, mention: _Mention) -> None:
    """A loan named like a note: "its 12.5% senior secured term loan due 2027"."""
    cm = _LOAN_COUPON_BEFORE_RE.search(text[max(0, m.start() - 30):m.start()])
    if cm:
        start = max(0, m.start() - 30) + cm.start("coupon")
        mention.coupon = parse_number(cm.group("coupon"))
        mention.coupon_span = (start, text.index("%", start) + 1)
    dm = _LOAN_DUE_AFTER_RE.match(text, m.end())
    if dm:
        mention.due_year = int(dm.group("year"))
        mention.due_span = (dm.start() + dm.group(0).index("due"), dm.end())


_PROVIDING_FOR_RE = re.compile(
    r"(?:\s*\([^)]{0,60}\))?\s*,?\s*(?:with\s+(?-i:[A-Z])[\w.&,-]*(?:\s+(?-i:[A-Z])[\w.&,-]*){0,4}\s*,?\s*)?"
    r"(?:which\s+)?(?:providing|provides|that\s+provides|provided)\s+(?:the\s+company\s+with\s+)?for\s+(?:an?\s+|the\s+)?"
    r"(?:[\w$.,-]+\s+){0,6}?$", re.I)


def _loans_named_twice(text: str, mentions: list[_Mention]) -> None:
    """One loan named twice in a row is one instrument: "a credit agreement with Coinbase Credit, Inc. providing
    for a bitcoin-backed term loan" is the term loan (the agreement takes the loan's type), and "a bridge promissory
    note ... evidencing a $12,000,000 aggregate principal amount loan" is the note (the bare loan takes the note's)."""
    for a, b in zip(mentions, mentions[1:]):
        if a.kind != "loan" or b.kind != "loan":
            continue
        if a.contract and not b.contract and a.sentence == b.sentence and _PROVIDING_FOR_RE.match(text[a.end:b.start]):
            a.instrument = b.instrument
            a.secured = a.secured if a.secured is not None else b.secured
        elif re.fullmatch(r"(?i)loans?", text[b.start:b.end]) and b.sentence - a.sentence in (0, 1):
            b.instrument = a.instrument
            b.secured = b.secured if b.secured is not None else a.secured


def _group(mentions: list[_Mention]) -> dict[tuple, _Instrument]:
    """Resolve mentions to instruments: one per (type, maturity year, coupon)."""
    insts: dict[tuple, _Instrument] = {}

    def add(key, m):
        inst = insts.setdefault(key, _Instrument(key, key[0], key[2], key[1]))
        inst.mentions.append(m)
        m.key = key

    notes = [m for m in mentions if m.kind == "notes" and (m.instrument in NOTE_INSTRUMENTS or m.coupon is not None
                                                            or m.defined_notes)]
    # full descriptors first
    for m in notes:
        if m.coupon is not None and m.due_year is not None:
            add((m.instrument, m.due_year, m.coupon), m)
    for m in notes:
        if m.key is not None:
            continue
        if m.due_year is not None:
            same = [k for k in insts if k[0] == m.instrument and k[1] == m.due_year]
            add(same[0] if len(same) == 1 else (m.instrument, m.due_year, None), m)
        elif m.coupon is not None:
            same = [k for k in insts if k[0] == m.instrument and k[2] == m.coupon]
            add(same[0] if len(same) == 1 else (m.instrument, None, m.coupon), m)
    bare = [m for m in notes if m.key is None]
    for m in bare:
        same = [k for k in insts if k[0] == m.instrument]
        if m.defined_notes and insts:
            # "per $1,000 principal amount of Notes" beside a full descriptor: the notes already named
            same = [k for k in insts if k[0] in NOTE_INSTRUMENTS] or list(insts)
        if len(same) == 1:
            add(same[0], m)
            m.explicit = False
        elif not same:
            add((m.instrument, None, None), m)
            m.explicit = False
        else:
            m.explicit = False  # generic: "the convertible notes" of a two-tranche release
    # "the 2032 notes"
    for m in mentions:
        if m.kind == "series":
            same = [k for k in insts if k[1] == m.series_year]
            if len(same) == 1:
                add(same[0], m)
                m.instrument = same[0][0]
    # loans: one instrument per type; a contract ("credit agreement", "loan agreement") is the loan it provides
    loans = [m for m in mentions if m.kind == "loan"]
    types = {m.instrument for m in loans if not m.contract}
    for m in loans:
        if m.contract and not m.specific and not m.master:
            m.instrument = next((t for t in ("term_loan", "credit_facility") if t in types), m.instrument)
        add((m.instrument, None, None), m)
    return insts


# --- head, lead and event ------------------------------------------------------------------------

_CONFIRMATION_MATURITY_RE = re.compile(r"(?:^|\|)\s*maturity\s+date\s*:?\s*\|\s*(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\s*(?=\||$)",
                                       re.I | re.M)
_CONFIRMATION_AMOUNT_RE = re.compile(r"(?:^|\|)\s*(?:loan\s+)?amount\s*:?\s*\|\s*(?P<money>" + P.MONEY + r")\s*(?=\||$)", re.I | re.M)
_TERM_LABEL_RE = re.compile(r"[A-Z][\w'\u2019 /()-]{1,50}:")


def _join_term_rows(text: str, sents: list[Sentence]) -> list[Sentence]:
    """A term sheet lays out "Principal Amount:" and "$40,000,000" on lines of their own: each label-only
    line is one sentence with the value that follows it, as the table row it is."""
    out: list[Sentence] = []
    i = 0
    while i < len(sents):
        s = sents[i]
        if i + 1 < len(sents) and _TERM_LABEL_RE.fullmatch(s.text.strip()):
            nxt = sents[i + 1]
            out.append(Sentence(s.start, nxt.end, s.block, text[s.start:nxt.end]))
            i += 2
            continue
        out.append(s)
        i += 1
    return out


_PREVIOUSLY_REPORTED_RE = re.compile(r"^\W*(?:also\s+)?as\s+(?:previously|earlier)\s+(?:reported|disclosed|announced)\b", re.I)


def _item_lead(doc: _Doc, first: int) -> list[int]:
    """An item heading and the two sentences after it that report this filing's news: an 8-K that opens with
    "As previously reported, on October 25, 2021, the Company issued ... notes" recalls history first."""
    out = [first]
    for i in range(first + 1, min(first + 9, len(doc.sents))):
        if len(out) == 3:
            break
        if not _PREVIOUSLY_REPORTED_RE.search(doc.sents[i].text):
            out.append(i)
    return out


def _head_lead(doc: _Doc) -> tuple[list[int], bool]:
    """Sentence indexes of the headline and lead paragraph, and whether the document is an 8-K body."""
    text = doc.text
    items = list(P.ITEM_RE.finditer(text))
    is_8k = bool(items) and bool(re.search(r"\bFORM\s+8-K\b|\bForm\s+6-K\b|\bCurrent\s+Report\b", text, re.I))
    if is_8k:
        debt_items = [m for m in items if m.group("item") in ("1.01", "2.03", "8.01", "2.04", "1.02")]
        # the cover page may list the items; the body's item headings start a sentence
        for m in debt_items:
            s = doc.sentence_at(m.start())
            if not text[doc.sents[s].start:m.start()].strip():
                return _item_lead(doc, s), True
        return _item_lead(doc, doc.sentence_at(items[0].start())), True
    idx = [0] if doc.sents else []
    lead_cues = re.compile(
        r"\b(?:today\s+)?announce[sd]?\b|\bcompleted\b|\bclosed\b|\bpriced\b|\bentered\s+into\b|\bhas\s+agreed\b|\bintends\s+to\s+offer\b", re.I,
    )
    # the headline may be preceded by an "Exhibit 99.1" line and followed by the lead sentence: keep the
    # first two sentences that announce something
    for i, s in enumerate(doc.sents[1:8], start=1):
        if lead_cues.search(s.text) and not _PREVIOUSLY_REPORTED_RE.search(s.text):
            idx.append(i)
            if len(idx) == 3:
                break
    if len(idx) == 1:
        # a page whose release starts below site furniture (a login form, menus): the headline is the
        # sentence before the wire dateline, the lead the dateline's own
        dm = P.DATELINE_RE.search(text[:6000])
        if dm:
            d = doc.sentence_at(dm.start())
            idx.extend(i for i in (d - 1, d) if i > 0 and i not in idx)
    return idx, False


_DEBT_OBJECT_RE = re.compile(r"(?:and\s+restated\s+)?(?:(?:senior|secured|convertible|promissory|credit|loan|term|"
                             r"facility|indenture|notes?|debentures?|bonds?|financing|\d{4})\b)", re.I)


def _amends_debt(text: str, m: re.Match) -> bool:
    """Does this amendment word concern debt? "Entry into Amended RSA and Loan Agreement" amends a restructuring
    support agreement (the loan is new); "Amended and Restated Credit Agreement", "amend the Notes" concern debt.
    Only the adjective ("Amended X") is judged by its noun; verbs and "amendment" keep their debt context."""
    if re.match(r"\s+(?:this|the|such)\s+(?:Application|Registration\s+Statement|Form|Prospectus|report)\b", text[m.end():], re.I):
        return False    # a T-3's "The Applicants hereby amend this Application for Qualification": the filing, no debt
    if text[max(0, m.start() - 1):m.start()] == "(" and re.match(r"\s+No\.\s*\d+\s*\)", text[m.end():]):
        return False    # a cover's "FORM T-3 (Amendment No. 1)": the filing's own amendment number
    if m.group(0).lower() != "amended" or not m.group(0)[0].isupper():
        return True
    return _DEBT_OBJECT_RE.match(text, m.end() + 1 if m.end() < len(text) and text[m.end()] == " " else m.end()) is not None


def _new_issue_event(text: str) -> str | None:
    """closed > priced > upsized > proposed: "Announces Pricing of Upsized ..." is a pricing.

    An amendment that increases a facility ("entered into an amendment ... to increase the commitments")
    is an upsizing, not a new closing.
    """
    # "the Securities Act of 1933, as amended" in a Rule 144A lead is boilerplate, not an amendment
    amendment = next((m for m in P.AMENDMENT_RE.finditer(text) if _amends_debt(text, m)), None) \
        or P.RESTRUCTURED_RE.search(text)
    if amendment and P.UPSIZED_RE.search(text):
        return "upsized"
    if amendment and not P.PRICED_RE.search(text) and not P.PROPOSED_RE.search(text):
        # "entered into an amended and restated credit agreement ... to extend the final maturity date",
        # "entered into agreement further amending the October Notes": the terms change, the principal does not
        return "amended"
    agreed_to_sell = False
    if P.CLOSED_RE.search(text) and P.COMMITMENT_LETTER_RE.search(text):
        # "entered into a commitment letter ... to provide for committed financing": the loan is yet to be made
        return "proposed"
    if P.COMMITTED_TO_PROVIDE_RE.search(text):
        # "the Ad Hoc Noteholder Group has agreed to provide commitments for a debtor-in-possession facility"
        return "proposed"
    for m in P.CLOSED_RE.finditer(text):
        # "expected to close on October 14" next to a closing verb makes that verb future, not done
        if P.FUTURE_CLOSE_RE.search(text[max(0, m.start() - 40):m.end() + 10]):
            continue
        # "Capped call transactions entered into in connection with the ... Notes": the hedge is done at pricing
        if re.match(r"(?i)enter", m.group(0)) and re.search(r"(?i)\bcapped[- ]call|\bhedg\w*\s+transactions?",
                                                            text[max(0, m.start() - 40):m.end() + 30]):
            continue
        # an 8-K filed at pricing: "entered into a purchase agreement with the initial purchasers"
        if re.match(r"(?i)(?:has\s+)?entered\s+into\s+(?:a|an|the)\s+(?:(?:convertible|senior|secured|unsecured)\s+){0,3}(?:notes?\s+|securities\s+)?"
                    r"(?:purchase|underwriting|subscription)\s+agreement", text[m.start():]):
            agreed_to_sell = True  # the terms are fixed and the sale is agreed: a pricing
            continue
        return "closed"
    if P.PRICED_RE.search(text) or agreed_to_sell:
        return "priced"
    if P.UPSIZED_RE.search(text):
        return "upsized"
    if P.PROPOSED_RE.search(text):
        return "proposed"
    return None


#: "Concurrent repurchase of approximately $115 million of common stock": the company's shares, not its debt
_OF_STOCK_RE = re.compile(r"\s+(?:of\s+)?(?:approximately\s+|up\s+to\s+)?(?:(?:US)?\$[\d.,]+\s*(?:million|billion)?\s+(?:of\s+)?)?"
                          r"(?:(?:its|the\s+company['’]s|our)\s+)?(?:common\s+stock|ordinary\s+shares|(?:(?:subordinate|multiple|class\s+[ab]|restricted)\s+)?(?:voting\s+)?shares)\b", re.I)


#: "Announces Share Buyback", "stock repurchase program": the company's shares, not its debt
_STOCK_BEFORE_RE = re.compile(r"\b(?:share|shares|stock|equity)[- ]$", re.I)


_PAYOFF_LETTER_RE = re.compile(r"\bpayoff\s+letter\b", re.I)
_RESTATED_TITLE_RE = re.compile(r"\bamended\s+and\s+restated\s+(?:[\w-]+\s+){0,3}?(?:promissory\s+)?note\b"
                                # a cover's "SECOND AMENDED AND RESTATED CREDIT AGREEMENT / Dated as of ..."
                                r"|(?-i:AMENDED\s+AND\s+RESTATED\s+(?:[A-Z][A-Z-]*\s+){0,4}AGREEMENT)\s+(?:Dated|DATED)\b", re.I)
_PAID_WITH_PROCEEDS_RE = re.compile(r"\b(?:repaid|repays|prepaid|redeemed|retired|paid\s+off)\b[^.;]{0,120}?\b(?:with|using)\s+"
                                    r"(?:the\s+)?(?:net\s+)?proceeds\s+(?:from|of)\b", re.I)
_FUNDING_BEFORE_RE = re.compile(
    r"\b(?:with|using|from|funded\s+by)\s+(?:the\s+)?(?:net\s+)?proceeds\s+(?:from|of)\s+(?:its\s+|the\s+|our\s+)?(?:recent\s+|new\s+)?"
    r"(?:offering|issuance|sale|private\s+placement)\s+of\s+[^.;]{0,40}$"
    r"|\bas\s+compared\s+to\s+(?:[^.;]|\.(?=\d)){0,20}\bfor\s+the\s+new\s+[^.;]{0,20}$", re.I)
#: "Our recent convertible note issue": the issue, not a debt the company still owes ("repaid its recent bridge loan")
_RECENT_BEFORE_RE = re.compile(r"\b(?:our|its)\s+recent\s+(?:[\w-]+\s+){0,2}$", re.I)
_ISSUE_AFTER_RE = re.compile(r"\s+(?:issue|issuance|offering)\b", re.I)


def _funds_the_retirement(doc: _Doc, inst: "_Instrument") -> bool:
    """Every mention of `inst` names it as the money a retirement was paid with ("with proceeds from its offering of
    convertible senior notes", "as compared to 3% for the new convertible notes", "Our recent convertible note
    issue")."""
    def funding(m: _Mention) -> bool:
        before = doc.text[max(doc.sents[m.sentence].start, m.start - 120):m.start]
        return bool(_FUNDING_BEFORE_RE.search(before)
                    or (_RECENT_BEFORE_RE.search(before) and _ISSUE_AFTER_RE.match(doc.text, m.end)))
    return all(funding(m) for m in inst.mentions)


_REPAY_WORD_RE = re.compile(r"(?i)\b(?:re|pre)?pa(?:id|ys?|yment)\b|\bpaid\s+(?:off|down)\b|\bpays\s+down\b|\breduc\w+|\bpay-?down\b")


def _retire_event(text: str) -> str | None:
    """The retirement `text` names first: "Full Redemption and Mandatory Exchange of ..." is a redemption,
    "Results of Cash Tender Offer and Exchange Offer" a repurchase."""
    found = []
    for name, rx in (("exchanged", P.EXCHANGED_RE), ("converted", P.CONVERTED_RE), ("redeemed", P.REDEEMED_RE),
                     ("repurchased", P.REPURCHASED_RE)):
        m = next((m for m in rx.finditer(text) if not _OF_STOCK_RE.match(text, m.end())
                  and not _STOCK_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())), None)
        if m is not None:
            # "has repaid a total of $267 million in debt", "paid off": paid back, whatever the instrument
            repaid = name == "redeemed" and _REPAY_WORD_RE.search(m.group(0)) and not re.search(r"(?i)redee|redemp", m.group(0))
            found.append((m.start(), "repaid" if repaid else name))
    return min(found)[1] if found else None


def _strip_retire_clauses(text: str) -> str:
    """Drop clauses about retiring other notes so they do not decide a new issue's event (to the end of the sentence,
    or of a term sheet's cell: "Concurrent Notes Offering; Repurchase of Existing Convertible Notes | On December 2,
    2025, we announced the pricing")."""
    return re.sub(r"(?i)\b(?:and\s+)?(?:concurrent\s+)?(?:repurchas\w+|exchang\w+|redemption|redeem\w*|induced\s+conversions?|"
                  r"debt\s+settlement|(?:debt\s+)?repayment\s+agreement|(?:re|pre)payment\s+of|prepa(?:id|ys)|"
                  r"retire[sd]?(?=[^.;]{0,80}\b(?:loans?|debt|financing|facilit(?:y|ies)|indebtedness)\b))\b[^|]*", "", text)


_ADDITIONAL_ONLY_RE = re.compile(
    r"\b(?:clos\w*|complet\w*|settle\w*)\s+(?:of\s+)?(?:the\s+|its\s+)?(?:sale\s+|issuance\s+|purchase\s+|offering\s+)?(?:of\s+)?"
    r"(?:an\s+|the\s+)?additional\b", re.I)
#: What a closing verb may close that is no debt: "has closed on the previously announced sale of its data center".
_ASSET_DEAL_RE = re.compile(r"\b(?:sale|acquisition|disposition|divestiture|merger)\s+of\b", re.I)
_NEW_DEBT_WORDS_RE = re.compile(
    r"\b(?:notes?|debentures|bonds|loans?|facilit(?:y|ies)|offering|credit|financing|borrowings?|line\s+of\s+credit)\b", re.I)


def _doc_event(doc: _Doc, head: list[int]) -> tuple[str | None, int | None]:
    """The document's event and the sentence that states it."""
    payoff = _PAYOFF_LETTER_RE.search(doc.text[:300])
    if payoff:
        # a lender's "PAYOFF LETTER" re a credit agreement: the debt is paid off, whatever the agreement's name says
        return "repaid", doc.sentence_at(payoff.start())
    for i in head:
        s = doc.sents[i].text
        stripped = _strip_retire_clauses(s)
        ev = _new_issue_event(stripped)
        if ev == "closed" and stripped != s and not _NEW_DEBT_WORDS_RE.search(stripped):
            # "entered into privately negotiated agreements with holders to repurchase ... notes": the
            # agreements are the retirement's, no new debt is closed
            ev = None
            retired = _retire_event(s)
            if i == head[0] and retired and re.search(r"(?i)\bcomplet(?:ed|es)\b", s) and not P.INTENT_ONLY_RE.search(s):
                return retired, i   # a lead that "completed the early repayment of loans payable": the retirement is the news
        if ev == "closed" and _PAID_WITH_PROCEEDS_RE.search(s) and (retired := _retire_event(s)):
            # "has repaid a total of $190 million in debt with proceeds from its offering of convertible senior notes
            # ..., which closed on May 7": what closed paid for the news, a repayment
            return retired, i
        if ev == "closed" and _ADDITIONAL_ONLY_RE.search(s) and _exercised(s):
            # "the closing of the sale of an additional $45 million ... pursuant to the full exercise of the
            # option": an option-exercise notice (the offering grows), not a new offering's closing
            ev = "upsized"
        if ev == "closed" and not _NEW_DEBT_WORDS_RE.search(s) and (
                _ASSET_DEAL_RE.search(s) or any(_retire_event(doc.sents[j].text) for j in head)):
            # "completed its previously announced sale and deleveraging transaction" below "Eliminates Remaining
            # $21.8 Million of Secured Debt", "has closed on the previously announced sale of its data center": what
            # closed is a sale; the debt news is what its proceeds retired
            continue
        if ev == "amended" and any(P.ADDITIONAL_LOAN_RE.search(doc.sents[j].text) for j in range(i, min(i + 3, len(doc.sents)))):
            # "entered into an Amendment to Loan Agreement ... Pursuant to the Loan Agreement Amendment, the
            # Company obtained an additional loan of up to $2.0 million": new principal is a new loan
            ev = "closed"
        if ev:
            return ev, i
        if i == head[0] and (retired := _retire_event(s)) and P.DEFINITIVE_RETIRE_RE.search(s) \
                and not P.INTENT_ONLY_RE.search(s) and _new_issue_event(s) is None:
            # "Bitfarms Repays Remaining Balance of Equipment Financing ...": a headline that reports a
            # retirement and nothing new is about the retirement, whatever the lead adds ("and ... an
            # agreement to restructure its $38 million facility")
            return retired, i
    for i in head:
        ev = _retire_event(doc.sents[i].text)
        if ev:
            return ev, i
    # the executed agreement or note itself: it is in force, so the instrument is closed
    em = P.EXECUTED_INSTRUMENT_RE.search(doc.text[:4000])
    if em:
        # "AMENDED AND RESTATED BRIDGE PROMISSORY NOTE ... Amendment and Restatement Effective Date": the note in force
        # is the amended one
        amended = _RESTATED_TITLE_RE.search(doc.text[:max(400, em.end())])
        if amended:
            return "amended", doc.sentence_at(amended.start())
        if _PURCHASE_AGREEMENT_TITLE_RE.search(doc.text[:400]):
            # "CONVERTIBLE NOTE PURCHASE AGREEMENT ... made as of June 21, 2024": the sale is agreed and priced, the
            # closing comes later ("The purchase and sale of the Note (the "Closing") shall take place ...")
            return "priced", doc.sentence_at(em.start())
        return "closed", doc.sentence_at(em.start())
    # a prospectus (supplement) cover: "We are offering $150,000,000 aggregate principal amount of ..."
    pm = P.PROSPECTUS_OFFER_RE.search(doc.text[:6000])
    if pm:
        preliminary = P.PRELIMINARY_PROSPECTUS_RE.search(doc.text[:6000])
        return ("proposed" if preliminary else "priced"), doc.sentence_at(pm.start())
    # a fragment without headline or lead (or a 6-K whose cover page fills the first sentences): the first
    # sentence that names an event
    for i, s in enumerate(doc.sents[:_first_after_cover(doc) + 20]):
        stripped = _strip_retire_clauses(s.text)
        ev = _new_issue_event(stripped) or None
        if ev == "closed" and not _NEW_DEBT_WORDS_RE.search(stripped) and (stripped != s.text or _ASSET_DEAL_RE.search(s.text)):
            # "entered into a Debt Repayment Agreement": the agreement retires debt, it closes none; "closed on the
            # sale of its data center": a sale, no debt
            continue
        if ev:
            return ev, i
    # ... or a retirement ("Cleanup Redemption of 8.50% Convertible Notes"); one the fragment says was
    # done ("we had converted the remaining ... notes") outranks the notice that announced it
    retirements = [(i, ev) for i, s in enumerate(doc.sents[:12]) for ev in [_retire_event(s.text)] if ev]
    done = [(i, m.group("verb").lower()) for i, s in enumerate(doc.sents[:12]) for m in [_RETIRED_DONE_RE.search(s.text)] if m]
    if done:
        i, verb = done[-1]
        return _RETIRED_VERB_EVENT[verb], i
    if retirements:
        i, ev = retirements[0]
        return ev, i
    return None, None


_NOTES_ISSUED_RE = re.compile(r"(?:^|,\s+|\.\s+)(?:the\s+company|we)\s+(?:issued|closed\s+the\s+(?:sale|offering)\s+of)\s+the\s+notes\b"
                              r"|\bthe\s+notes\s+were\s+issued\s+(?:on|pursuant)\b", re.I)
_DATED_BEFORE_RE = re.compile(r"\b(?:On|In)\s+" + P.MONTH + r"\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2}\b", re.I)
#: An EDGAR R page or a financial-statement note: "9 Months Ended", "NOTE 15 - NOTES PAYABLE".
_FILING_NOTE_RE = re.compile(r"\b(?:3|6|9|12|Three|Six|Nine|Twelve)\s+Months\s+Ended\b|(?m:^\s*\|?\s*(?:NOTE|Note)\s+\d{1,2}\b)")
_PURCHASE_AGREEMENT_RE = re.compile(r"\bentered\s+into\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:purchase|subscription)\s+agreement\b",
                                    re.I)
_DATED_START_RE = re.compile(
    # (a day first too, as Australian and British filers write it: "On 24 March 2022, a subsidiary ... entered into")
    r"^\W*(?:In|On|During|Effective(?:\s+as\s+of)?)\s+(?:(?:\d{1,2}\s+)?" + P.MONTH + r"\s+(?:\d{1,2},?\s+)?)?(?:19|20)\d{2}\b", re.I)
_DATED_CLAUSE_END_RE = re.compile(r"\b(?:In|On)\s+" + P.MONTH + r"\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2},?\s+$", re.I)
_THE_SAME_DEBT_RE = re.compile(r"\b(?:the|its|this)\s+(?:[\w$.-]+\s+){0,4}?(?:facility|loans?|agreement|notes?|line\s+of\s+credit)\b", re.I)


#: An amendment's new terms: "Under the new terms, the maximum limit of the amended Facility is $40,000"; "extended its
#: maturity date from October 1, 2022 to December 29, 2022".
_AMENDED_LIMIT_RE = re.compile(
    r"\b(?:maximum|new)\s+(?:limit|amount|commitment|borrowing\s+capacity)\s+(?:of|under)\s+the\s+amended\s+"
    r"(?:[\w-]+\s+){0,2}?(?:facility|agreement|line\s+of\s+credit|loan)\s+(?:is|was|will\s+be)\s+(?:up\s+to\s+)?$", re.I)
_EXTENDED_MATURITY_RE = re.compile(
    r"\bextended\s+(?:its|the)\s+maturity(?:\s+date)?\s+(?:from\s+" + P.DATE + r"\s+)?to\s+$", re.I)


#: A facility's terms listed as bullets after their announcement, the first being its size.
_TERMS_LIST_RE = re.compile(r"\bterms\s+of\s+the\s+(?:Facility|Loan|Credit\s+Facility|Line\s+of\s+Credit)\s+(?:will\s+|shall\s+)?"
                            r"include\s*:?\s*(?P<bullet>[-•*\u2022]?\s*up\s+to\s+(?:a\s+)?maximum\s+(?:amount\s+)?of\s+)"
                            r"(?P<money>" + P.MONEY + r")", re.I)
_FINANCED_RE = re.compile(r"\b(?:we|the\s+Company)\s+financed\s+(?P<money>" + P.MONEY + r")\s+of\s+the\s+(?:purchase\s+price|cost)\b", re.I)
_BALANCE_WORDS_RE = re.compile(r"\bpayable\s+of\b|\bbalance\b|\boutstanding\b", re.I)


def _financed_amount(doc: _Doc, f: "_Fields") -> None:
    """A balance read as principal gives way to the amount borrowed: "We financed $765,862 of the purchase price from the
    proceeds of a Master Hashrate Purchase and Sale Agreement" beside "we had a loan payable of $685,461" at the quarter's
    end."""
    said = f.evidence.get("principal_usd")
    if said is not None and not _BALANCE_WORDS_RE.search(said):
        return
    m = _FINANCED_RE.search(doc.text)
    mm = MONEY_RE.match(doc.text, m.start("money")) if m else None
    if mm is None or money_from_match(mm) is None:
        return
    f.values["principal_usd"] = money_from_match(mm)
    f.evidence["principal_usd"] = doc.ev(m.start(), m.end())
    f.reasons.pop("principal_usd", None)


def _amended_terms(doc: _Doc, at: int, f: "_Fields") -> None:
    """The terms a filing note's latest amendment sets, read in its sentence and the two after it: they replace the
    original principal and maturity the note told first (Bitfarms's Galaxy facility: $100,000 cut to $40,000, its
    maturity extended to December 29, 2022)."""
    for s in doc.sents[at:at + 3]:
        for mm in MONEY_RE.finditer(s.text):
            if _AMENDED_LIMIT_RE.search(s.text[max(0, mm.start() - 120):mm.start()]) and money_from_match(mm) is not None:
                f.values["principal_usd"] = money_from_match(mm)
                f.evidence["principal_usd"] = doc.ev(s.start + max(0, mm.start() - 60), s.start + mm.end())
                f.reasons.pop("principal_usd", None)
                break
        for dm in P.DATE_RE.finditer(s.text):
            if _EXTENDED_MATURITY_RE.search(s.text[max(0, dm.start() - 120):dm.start()]) and (d := _date_from(dm)):
                f.values["maturity_date"] = d
                f.values["maturity_year"] = d.year
                f.evidence["maturity_date"] = f.evidence["maturity_year"] = doc.ev(s.start + max(0, dm.start() - 60), s.start + dm.end())
                f.reasons.pop("maturity_date", None)
                f.reasons.pop("maturity_year", None)
        if at != doc.sents.index(s) and _DATED_START_RE.match(s.text):
            break       # the next dated step is another event


def _later_amendment(doc: _Doc, closed_at: int) -> tuple[str, int] | None:
    """A filing note tells an instrument's history in order: "In July 2024, the Company entered into a ... Revolving
    Credit Facility. In May 2025, the Company extended the term of the facility through July 15, 2026." The note's news
    is the latest dated step, so an amendment dated after the entry makes the event an amendment, and an upsizing
    ("On May 20, 2025, this credit facility was upsized to a total commitment of $200.0 million") an upsizing."""
    up = P.UPSIZED_LATER_RE.search(doc.sents[closed_at].text)
    if up and _DATED_CLAUSE_END_RE.search(doc.sents[closed_at].text[:up.start()]):
        return "upsized", closed_at     # the same sentence, where a lender's "Inc." hid the full stop
    latest = None
    for j in range(closed_at + 1, min(closed_at + 20, len(doc.sents))):
        s = doc.sents[j].text
        if not ((_DATED_START_RE.match(s) or _DURING_PERIOD_START_RE.match(s)) and _THE_SAME_DEBT_RE.search(s)) \
                or P.ADDITIONAL_LOAN_RE.search(s):
            continue
        if P.UPSIZED_LATER_RE.search(s):
            latest = ("upsized", j)
        elif any(_amends_debt(s, m) for m in P.AMENDMENT_RE.finditer(s)
                 if not _NOT_AMENDED_BEFORE_RE.search(s[:m.start()])):
            latest = ("amended", j)
        elif _LATER_REPAID_RE.search(s):
            # "In December 2024, the Company repaid the $50,000 outstanding balance on the line of credit"
            latest = ("repaid", j)
    # a later step outranks an earlier one: "... repaid ... In April 2025, the Company amended the ... agreement"
    return latest


#: "During the three months ended December 31, 2024, the Company repaid ...": a 10-Q's dated step
_DURING_PERIOD_START_RE = re.compile(r"^\W*During\s+the\s+(?:three|six|nine|twelve)\s+months\s+ended\s+" + P.MONTH, re.I)
#: "... was adjusted to 8.5% per annum and has not been subsequently amended"
_NOT_AMENDED_BEFORE_RE = re.compile(r"\bnot\s+(?:been\s+|yet\s+been\s+)?(?:subsequently\s+|further\s+)?$", re.I)
_LATER_REPAID_RE = re.compile(r"\b(?:repaid|paid\s+off|prepaid)\s+(?:in\s+full\s+)?(?:the|all|its)\b", re.I)


_COVER_END_RE = re.compile(r"Regulation\s+S-T\s+Rule\s+101\(b\)\(7\)|Form\s+20-F\s.{0,20}Form\s+40-F|"
                           r"\(Address\s+of\s+principal\s+executive\s+offices?\)", re.I)


def _first_after_cover(doc: _Doc) -> int:
    """Index of the first sentence after a 6-K/8-K cover page (0 when there is none)."""
    last = None
    for i, s in enumerate(doc.sents[:60]):
        if _COVER_END_RE.search(s.text):
            last = i
    return last + 1 if last is not None else 0


_RETIRED_DONE_RE = re.compile(
    r"\b(?:had|have|has|were|was)\s+(?:been\s+)?(?:fully\s+)?(?P<verb>converted|redeemed|repurchased|exchanged)\b"
    r"(?![^.]{0,30}\b(?:prior\s+to|before)\b)", re.I)
_RETIRED_VERB_EVENT = {"converted": "converted", "redeemed": "redeemed", "repurchased": "repurchased",
                       "exchanged": "exchanged"}


# --- field extraction ----------------------------------------------------------------------------

@dataclass
class _Fields:
    values: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)
    reasons: dict = field(default_factory=dict)
    derived: dict = field(default_factory=dict)

    def set(self, name: str, value, evidence: str) -> None:
        if name not in self.values and value is not None:
            self.values[name] = value
            self.evidence[name] = evidence


def _principal_before(doc: _Doc, mention: _Mention) -> tuple[float, int] | None:
    """'$875 million aggregate principal amount of 0.00% convertible senior notes due 2031' -> (875e6, start)."""
    text = doc.text
    window_start = max(doc.sents[mention.sentence].start, mention.start - 160)
    window = text[window_start:mention.start]
    best = None
    for mm in MONEY_RE.finditer(window):
        between = window[mm.end():]
        if re.fullmatch(
            # "$350 million (upsized from previously announced $300 million) aggregate principal amount of",
            # "$3.25 billion offering (the "Offering") of 6.192% senior secured notes"
            # "$4.1 million of the principal amount of the outstanding convertible notes"
            # "raised $1.4 billion in aggregate principal of senior secured notes" (no "amount")
            r"\s*(?:\(\s*(?:or|including|upsized|increased)\b[^)]*\)\s*)?(?:in\s+|of\s+the\s+)?(?:(?:aggregate|total)\s+)?(?:original\s+|outstanding\s+|remaining\s+)?(?:principal\s+(?:amount\s+)?)?"
            # "$40,000,000, in the aggregate, of the Company's 8.75% Senior Notes"
            r"(?:,\s*in\s+the\s+aggregate\s*,\s*)?"
            # "$2.35 billion private offering of 9.25% senior secured notes"
            r"(?:(?:(?:private|public|registered|underwritten)\s+)?(?:offering|issue|issuance|placement)\s+(?:\(\s*the\s+[^()]{1,40}\)\s*)?)?(?:of\s+)?"
            r"(?:(?:its|the|their|our|new|upsized|additional|senior|outstanding|then[- ]outstanding|remaining|existing"
            r"|[A-Z][\w.]*['\u2019]s)\s+)*(?:of\s+)?",
            between, re.I,
        ):
            best = mm
    if best is None:
        return None
    before = text[max(0, window_start + best.start() - 40):window_start + best.start()]
    # "145.6876 common shares per US$1,000 principal amount of Convertible Notes": a denomination, not the issue
    if re.search(r"(?i)\badditional\s*$|\bup\s+to\s+an\s*$|\bfrom\s*$|\bexcess\s+of\s*$|\bper\s*$|\beach\s*$", before) or re.search(
        r"(?i)\badditional\b", text[window_start + best.end():mention.start]
    ):
        return None
    value = money_from_match(best)
    if value is None:
        return None
    return value, window_start + best.start()


def _principal_following(doc: _Doc, mention: _Mention) -> tuple[float, int] | None:
    """'0.00% convertible senior notes due 2031 (the "notes") in an aggregate principal amount of $1.0 billion'."""
    sent = doc.sents[mention.sentence]
    after = doc.text[mention.end:sent.end]
    if not after.strip(" .|\n"):
        # a descriptor wrapped over two lines, or a table row's next cell on the next line
        k = doc.sentence_at(max(mention.start, mention.end - 1))
        while k + 1 < len(doc.sents) and doc.sents[k].end <= mention.end:
            k += 1
        after = doc.text[mention.end:doc.sents[k].end]
    m = re.match(
        # "... promissory notes to investors in the aggregate principal amount of $3,600,000"
        r"\s*(?:\([^)]{0,60}\)\s*)?,?\s*(?:to\s+(?:(?:an?|certain|several|two|three)\s+)?(?:[\w-]+\s+){0,2}?investors?\s+)?"
        r"(?:in\s+(?:an\s+|a\s+|the\s+)?(?:original\s+)?(?:aggregate\s+|total\s+)?(?:original\s+)?principal\s+amount\s+of"
        # ("a senior convertible promissory note having an aggregate principal amount of $1.0 million")
        r"|totall?ing|(?:with|having)\s+an\s+(?:aggregate\s+)?principal\s+amount\s+of"
        # a placement at par: "(the "Debentures"), for aggregate gross proceeds of USD$15,000,000"
        r"|for\s+(?:aggregate\s+)?gross\s+proceeds\s+of)\s+(?:approximately\s+)?(?P<money>" + P.MONEY + r")",
        after, re.I,
    )
    if not m:
        # a T-3 cover's "Title of Class / Amount" row: "Convertible Secured Notes due 2029   $260 million aggregate
        # principal amount"
        m = re.match(r"\s*\|?\s*(?P<money>" + P.MONEY + r")\s+(?:in\s+)?aggregate\s+principal\s+amount\b", after, re.I)
    if not m:
        return None
    mm = MONEY_RE.match(after, m.start("money"))
    value = money_from_match(mm) if mm else None
    return (value, mention.end + mm.end()) if value is not None else None


def _principal_after(doc: _Doc, sent: Sentence, event: str | None = None) -> tuple[float, int, int] | None:
    """'The aggregate principal amount of the notes sold in the offering was $650 million', 'agreed to
    exchange $5,546,050 in aggregate principal amount of the Notes', and a redemption at par: 'at an aggregate
    redemption price of $150,000,000 or $1,000 per $1,000 principal amount'."""
    m = re.search(
        r"\baggregate\s+redemption\s+price\s+of\s+(?P<money>" + P.MONEY + r")\s*,?\s*(?:\(\s*)?(?:or|i\.e\.,?)\s+"
        r"(?:US)?\$\s?1,000\s+per\s+(?:US)?\$\s?1,000\s+(?:of\s+)?principal\s+amount", sent.text, re.I,
    ) or _retired_amount(sent.text, event) or re.search(
        r"\b(?:aggregate|total)\s+(?:aggregate\s+)?principal\s+amount\s+of\s+(?:the\s+)?(?:[\w%.]+\s+){0,6}?(?:notes|loans?|facility)\b"
        # "... of the Notes for cash consideration of $1,925,000": the price paid, not the principal
        r"(?:(?!\bfor\b|\bconsideration\b|\bexchange\b)[^.$;]){0,60}?"
        r"\b(?:was|is|were|totaled|totaling|of|will\s+be)\s+(?:approximately\s+)?(?P<money>" + P.MONEY + r")",
        sent.text, re.I,
    )
    if not m:
        # an amendment's "Approximately $35.2 million aggregate principal amount of the notes remains outstanding"
        m = re.search(r"(?P<money>" + P.MONEY + r")\s+(?:in\s+)?(?:aggregate\s+)?principal\s+amount\s+of\s+(?:the\s+)?"
                      r"(?:[\w%.]+\s+){0,6}?(?:notes|loans?|debentures)\s+(?:remains?|is|are)\s+outstanding\b", sent.text, re.I)
    if not m:
        # a filing note's "the Company issued the Notes, to investors (collectively, the "Investors") for an aggregate
        # principal amount of $3,358,333"
        m = re.search(r"\bissued\s+(?:the|its)\s+(?:[\w-]+\s+){0,4}?notes\b[^.;$]{0,160}?\b(?:for|in|with)\s+an?\s+"
                      r"(?:aggregate\s+|total\s+)?principal\s+amount\s+of\s+(?P<money>" + P.MONEY + r")", sent.text, re.I)
    if not m:
        # a pricing term sheet's "Principal Amount: $400,000,000 aggregate principal amount of notes"
        # (a release's loan bullets: "Principal: $750,000")
        m = re.search(r"(?:^|(?<=\s))(?:aggregate\s+)?principal(?:\s+amount)?(?:\s+offered)?\s*:\s*(?P<money>" + P.MONEY + r")", sent.text, re.I)

    if not m:
        return None
    mm = MONEY_RE.match(sent.text, m.start("money"))
    value = money_from_match(mm) if mm else None
    if value is None:
        return None
    return value, sent.start + m.start(), sent.start + mm.end()


_RETIRED_AMOUNT_RE = re.compile(
    r"\b(?:exchang|repurchas|redeem|retir|convert|purchas)\w*\s+(?:the\s+)?(?:remaining\s+|outstanding\s+)?(?:approximately\s+)?"
    r"(?P<money>" + P.MONEY + r")\s+(?:in\s+)?(?:aggregate\s+|total\s+)?principal\s+amount\b", re.I)


def _retired_amount(text: str, event: str | None) -> re.Match | None:
    """'agreed to exchange $5,546,050 in aggregate principal amount', 'redeemed the remaining approximately $1.8
    million aggregate principal amount': the first such amount, or the first whose verb is `event`'s own."""
    found = list(_RETIRED_AMOUNT_RE.finditer(text))
    own = [m for m in found if _last_retire_verb(m.group(0)) == event]
    return (own or found or [None])[0]


#: A filing note's table caption: "Long-term debt consists of the following (in thousands):"
_SCALED_RAW_RE = re.compile(r"\d\s*(?:million|billion|thousand|mn|bn|m|k)\b", re.I)


def _table_scale(text: str, pos: int) -> int:
    """1,000 for a bare figure in a table row ("Term loan$146,000 $146,000") under an "(in thousands)" caption a few
    lines above; 1 for prose, for figures that carry their own scale and for tables without such a caption."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if len(line) > 160 or re.search(r"[a-z]{2}\.\s+[A-Z]", line) or _SCALED_RAW_RE.search(text, pos, pos + 25):
        return 1        # a sentence, or "$146.0 million"
    above = text[max(0, line_start - 600):line_start]
    caption = None
    for caption in IN_THOUSANDS_RE.finditer(above):
        pass
    if caption is None or re.search(r"[a-z]{3}\.\s+(?-i:[A-Z])[^\n]{100,}", above[caption.end():]):
        return 1        # no caption, or prose between the caption and this row
    return 1000


def _loan_amount(doc: _Doc, mention: _Mention) -> tuple[float, int, int] | None:
    """'$200 million credit facility', 'credit facility of up to $200 million', 'term loan in an amount of $X'."""
    text = doc.text
    sent = doc.sents[mention.sentence]
    before = text[max(sent.start, mention.start - 80):mention.start]
    last = None
    for mm in MONEY_RE.finditer(before):
        if re.search(r"[A-Za-z]$", before[:mm.start()]):
            continue    # "C$13.6 million", "HK$": another dollar
        last = mm
    # only a lender's name (capitalised) or a loan's qualifiers may stand between the amount and the loan:
    # "$40 million and refinance its asset-backed loans" is a sale price, not the loan
    # ("$48.6 million in equipment financing")
    if last is not None and re.fullmatch(r"\s*,?\s*(?:will\s+be|was|is|to\s+be)\s+financed\s+(?:through|by|with)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}",
                                         before[last.end():], re.I):
        # "The first batch of the upgrade, amounting to approximately US$14.37 million, will be financed through a
        # mining machine loan": the amount the loan finances
        value = money_from_match(last)
        if value is not None:
            return value, mention.start - len(before) + last.start(), mention.end
    if last is not None and re.fullmatch(r"\s*(?:\((?:C|CA|A|AU|HK)\$[^)]{1,30}\)\s*)?(?:(?:(?-i:[A-Z])[\w.&-]*|senior|secured|collateralized|revolving|delayed[- ]draw|committed|new|bitcoin[- ]backed"
                                          r"|aggregate|principal|amount|of|in|remaining|outstanding|limited|full|non|recourse|limited-recourse|non-recourse|existing|its|the"
                                          r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)-(?:day|month|year)),?\s+)*",
                                          before[last.end():], re.I):
        value = money_from_match(last)
        if value is not None:
            a = mention.start - len(before) + last.start()
            return value, a, mention.end
    after = text[mention.end:min(sent.end, mention.end + 140)]
    am = re.match(
        # ' (the "Agreement") with Example Bank pursuant to which the Bank has agreed to loan the Company up to $X'
        r"(?:\s+(?:agreement|facility|instrument|loan))?(?:\s*\([^)]{0,60}\))?"
        # "made a term loan to the Company in the principal amount of $25,000,000": a party the loan is made to
        # ("a Promissory Note to a loan in the sum of $2,700,000", "that certain Promissory Note, dated June 20, 2024, in the
        # original principal amount of $12,500,000")
        r"(?:,?\s+(?:with|of|for|in|providing\s+for|that\s+provides\s+for|under\s+which|dated|to\s+a\s+loan|to\s+(?:the\s+)?(?-i:[A-Z])[\w.&-]*)\b[^$.;]{0,80}?"
        # "Under the new amended and restated LOC, the Company is entitled to borrow funds up to the limit of $3,000,000"
        r"|,?\s+(?:the\s+Company|we)\s+(?:is|are|was|were|will\s+be)\s+(?:entitled|able|permitted)\s+to\s+borrow\s+(?:funds\s+)?"
        r"up\s+to\s+(?:the\s+limit\s+of|a\s+maximum\s+of)?)?"
        r"\s*(?:of\s+|for\s+|to\s+)?(?:up\s+to\s+)?(?P<money>" + P.MONEY + r")",
        after, re.I,
    )
    if am:
        mm = MONEY_RE.match(after, am.start("money"))
        # a Canadian filer's "$18,068,955 (US$14,660,800)": its own currency first, the US dollars in brackets
        bracket = _US_IN_BRACKETS_RE.match(after, mm.end()) if mm else None
        mm = (MONEY_RE.match(after, bracket.end()) if bracket else None) or mm
        value = money_from_match(mm) if mm else None
        if value is not None:
            return value, mention.start, mention.end + mm.end()
    return None


_US_IN_BRACKETS_RE = re.compile(r"\s*\(\s*(?=US\s?\$)")


_STABLECOIN_PRINCIPAL_RE = re.compile(
    r"\b(?:loan|principal\s+amount)\s+(?:with\s+(?:a\s+|the\s+)?principal\s+amount\s+|in\s+(?:the\s+)?amount\s+)?of\s+"
    r"(?P<amount>" + P.NUMBER + r")\s+(?P<coin>USDT|USDC)\b", re.I)
#: A filing note's balance when it states no facility size: "The balance of long-term loans outstanding as of December
#: 31, 2024 and 2023 was $35.0 million and, respectively", "had $25.0 million balance outstanding on the facility".
_OUTSTANDING_BALANCE_RE = re.compile(
    r"\bbalance\s+of\s+(?:[\w-]+\s+){0,4}?(?:loans?|borrowings?)\s+(?:[\w-]+\s+){0,5}?(?:outstanding\s+)?"
    r"(?:as\s+(?:of|at)\s+)(?P<asof>[^.;$]{4,60}?)\s+(?:was|were|is|of)\s+(?P<money>" + P.MONEY + r")"
    r"|\bbalance\s+outstanding\s+(?:on|under)\s+(?:[^.;$]{0,60}?)\bas\s+(?:of|at)\s+(?P<asof2>[^.;$]{4,40}?)\s+(?:was|of)\s+"
    r"(?P<money2>" + P.MONEY + r")", re.I)


def _stablecoin_or_outstanding_principal(doc: _Doc, terms: list[Sentence], f: _Fields) -> None:
    """A loan whose principal the text gives only in a dollar stablecoin ("obtained a loan with principal amount of
    14,308,156 USDT") is counted at par; a facility that states no size at all ("loans in tranches") is known by the
    balance outstanding the note reports. Either way `derived` says what the number is."""
    for s in terms:
        sm = _STABLECOIN_PRINCIPAL_RE.search(s.text)
        value = parse_number(sm.group("amount")) if sm else None
        if value:
            f.set("principal_usd", value, doc.ev(s.start + sm.start(), s.start + sm.end()))
            f.derived["principal_usd"] = (f"stated as {sm.group('amount')} {sm.group('coin').upper()}, a stablecoin pegged to the "
                                          "US dollar, counted at par")
            return
    for s in terms:
        om = _OUTSTANDING_BALANCE_RE.search(s.text)
        g = "money" if om and om.group("money") else "money2"
        mm = MONEY_RE.match(s.text, om.start(g)) if om else None
        value = money_from_match(mm) if mm else None
        if value:
            asof = (om.group("asof") or om.group("asof2")).strip()
            f.set("principal_usd", value, doc.ev(s.start + om.start(), s.start + mm.end()))
            f.derived["principal_usd"] = (f"the balance outstanding as of {asof}; the document states no facility size "
                                          "or original principal")
            return


def _exercised(text: str) -> bool:
    """An option exercise the text reports, not a what-if ("or $632.5 million if the initial purchasers
    exercise in full their option")."""
    for m in P.OPTION_EXERCISED_RE.finditer(text):
        if not re.search(r"(?i)\b(?:if|assuming|should|were\s+to|in\s+the\s+event|to\s+the\s+extent|may|unless)\b[^.;)]{0,60}$",
                         text[:m.start()]):
            return True
    return False


def _option(doc: _Doc, sents: list[Sentence], f: _Fields) -> None:
    for s in sents:
        for rx in P.OPTION_RES:
            m = rx.search(s.text)
            if m:
                mm = MONEY_RE.match(s.text, m.start("money"))
                value = money_from_match(mm) if mm else None
                if value is not None:
                    f.set("option_principal_usd", value, doc.ev(s.start + m.start(), s.start + mm.end()))
                    if _exercised(s.text):
                        f.set("option_exercised", True, doc.ev(s.start, s.end))
                    break
        if "option_principal_usd" in f.values:
            break
    for s in sents:
        if _exercised(s.text) and re.search(r"(?i)\boption|over-allotment|greenshoe|additional\s+notes", s.text):
            f.set("option_exercised", True, doc.ev(s.start, s.end))
            # a stated amount in the same sentence is the exercised amount
            if "option_principal_usd" not in f.values:
                am = re.search(r"(?i)additional\s+(?P<money>" + P.MONEY + r")", s.text)
                mm = MONEY_RE.match(s.text, am.start("money")) if am else None
                if mm:
                    f.set("option_principal_usd", money_from_match(mm), doc.ev(s.start + am.start(), s.start + am.end()))
            break


def _first(doc: _Doc, sents: list[Sentence], rx: re.Pattern, group: str) -> tuple[re.Match, Sentence] | None:
    for s in sents:
        m = rx.search(s.text)
        if m and m.group(group) is not None:
            return m, s
    return None


def _terms(doc: _Doc, inst: _Instrument, sents: list[Sentence], money_sents: list[Sentence], f: _Fields,
           amount_sents: list[Sentence] | None = None) -> None:
    """Coupon, maturity, conversion terms, security and proceeds from the instrument's sentences."""
    text = doc.text
    # an amendment's new terms outrank the name the instrument still carries: "the interest rate on the notes was
    # increased from 10% to 12%", "to extend the maturity of its 10% Senior Secured Notes due 2026 to December 31, 2027"
    for s in sents:
        cm = P.CHANGED_RATE_RE.search(s.text)
        if cm:
            f.set("coupon_pct", parse_number(_coupon_group(cm)), doc.ev(s.start + cm.start(), s.start + cm.end()))
            break
    renewals = [(s, m) for s in sents for m in P.RENEWED_RATE_RE.finditer(s.text)]
    if renewals and "coupon_pct" not in f.values:
        s, rm = renewals[-1]
        f.set("coupon_pct", parse_number(rm.group("coupon")), doc.ev(s.start + rm.start(), s.start + rm.end()))
    for s in sents:
        mm = next((m for rx in P.EXTENDED_MATURITY_RES for m in [rx.search(s.text)] if m), None)
        d = _date_from(mm) if mm else None
        if d:
            f.set("maturity_date", d, doc.ev(s.start + mm.start(), s.start + mm.end()))
            f.set("maturity_year", d.year, doc.ev(s.start + mm.start(), s.start + mm.end()))
            break
    if "maturity_date" not in f.values and (cm := _CONFIRMATION_MATURITY_RE.search(doc.text)):
        # a loan confirmation's row "|Maturity Date |10/29/2021" (month first, as US forms write it)
        try:
            d = date(int(cm.group("y")), int(cm.group("m")), int(cm.group("d")))
        except ValueError:
            d = None
        if d:
            f.set("maturity_date", d, doc.ev(cm.start(), cm.end()))
            f.set("maturity_year", d.year, doc.ev(cm.start(), cm.end()))
    # coupon and maturity from the descriptor itself
    for m in inst.mentions:
        if m.coupon is not None and m.coupon_span:
            f.set("coupon_pct", m.coupon, doc.ev(*m.coupon_span))
    for m in inst.mentions:
        if m.due_year is not None and m.due_span:
            f.set("maturity_year", m.due_year, doc.ev(m.due_span[0], m.due_span[1]))
            if m.due_date:
                f.set("maturity_date", m.due_date, doc.ev(m.due_span[0], m.due_span[1]))
    if "coupon_pct" not in f.values:
        for s in sents:
            for rx in P.COUPON_SENTENCE_RES:
                cm = rx.search(s.text)
                if cm:
                    window = s.text[max(0, cm.start() - 10):min(len(s.text), cm.end() + 60)]
                    if P.FLOATING_RE.search(window):
                        f.reasons.setdefault("coupon_pct", f"floating rate: {doc.ev(s.start, s.end)}")
                        continue
                    f.set("coupon_pct", parse_number(_coupon_group(cm)), doc.ev(s.start + cm.start(), s.start + cm.end()))
                    break
            if "coupon_pct" in f.values:
                break
    if "coupon_pct" not in f.values:
        for s in sents:
            zm = P.ZERO_COUPON_RE.search(s.text)
            if zm:
                f.set("coupon_pct", 0.0, doc.ev(s.start + zm.start(), s.start + zm.end()))
                break
    if "coupon_pct" not in f.values and "coupon_pct" not in f.reasons:
        for s in sents:
            if P.FLOATING_RE.search(s.text) and P.INTEREST_CUE_RE.search(s.text):
                f.reasons["coupon_pct"] = f"floating rate: {doc.ev(s.start, s.end)}"
                break
    if renewals and "maturity_date" not in f.values:
        # a maturity recounted before the loan was renewed is the one the renewal replaced
        first_renewal = renewals[0][0].start
        superseded = [s for s in sents if s.start < first_renewal and any(rx.search(s.text) for rx in P.MATURITY_RES)]
        if superseded:
            f.reasons["maturity_date"] = f.reasons["maturity_year"] = (
                f"the stated maturity was replaced by a renewal ({doc.ev(renewals[-1][0].start, renewals[-1][0].end)})")
    maturity_sents = [s for s in sents if s.start >= renewals[0][0].start] if renewals else sents
    if "maturity_date" not in f.values:
        for s in maturity_sents:
            for rx in P.MATURITY_RES:
                mm = rx.search(s.text)
                if not mm:
                    continue
                d = _date_from(mm)
                gd = mm.groupdict()
                year = d.year if d else int(gd.get("year3") or 0) or None
                if year is None or (f.values.get("maturity_year") not in (None, year)):
                    continue
                if d:
                    f.set("maturity_date", d, doc.ev(s.start + mm.start(), s.start + mm.end()))
                f.set("maturity_year", year, doc.ev(s.start + mm.start(), s.start + mm.end()))
                break
            if "maturity_date" in f.values:
                break
    # conversion terms
    hit = _first(doc, sents, P.CONVERSION_RATE_RE, "rate")
    if hit:
        m, s = hit
        rate, denom = parse_number(m.group("rate")), parse_number(m.group("denom"))
        if rate is not None and denom:
            f.set("conversion_rate_per_1000_usd", round(rate * 1000.0 / denom, 6),
                  doc.ev(s.start + m.start(), s.start + m.end()))
            if denom != 1000:
                f.derived["conversion_rate_per_1000_usd"] = (
                    f"computed as {m.group('rate')} shares per ${m.group('denom')} x 1000 / {m.group('denom')}")
    price_res = [P.ADJUSTED_CONVERSION_PRICE_RE, P.CONVERSION_PRICE_RE] + (
        [P.CONVERTIBLE_AT_PRICE_RE] if inst.instrument == "convertible_notes" else [])
    hit = next(((m, s) for rx in price_res for s in sents for m in [rx.search(s.text)]
                if m and not (P.OTHER_SECURITY_RE.search(s.text[:m.start()]) and not P.NOTES_WORD_RE.search(s.text))),
               None)
    if hit:
        m, s = hit
        f.set("conversion_price_usd", parse_number(m.group("price")), doc.ev(s.start + m.start(), s.start + m.end()))
    for rx in P.PREMIUM_RES:
        hit = None
        for s in sents:
            pm = rx.search(s.text)
            if pm and not (rx is P.PREMIUM_RES[-1] and re.search(r"(?i)\bcap\s+price\b", s.text[:pm.end()])):
                hit = (pm, s)
                break
        if hit:
            m, s = hit
            pct = m.group("pct") or m.groupdict().get("pct2")
            f.set("conversion_premium_pct", parse_number(pct), doc.ev(s.start + m.start(), s.start + m.end()))
            break
    hit = _first(doc, sents, P.CAP_PRICE_RE, "price")
    if hit:
        m, s = hit
        f.set("cap_price_usd", parse_number(m.group("price")), doc.ev(s.start + m.start(), s.start + m.end()))
    rate = f.values.get("conversion_rate_per_1000_usd")
    if "conversion_price_usd" not in f.values and rate:
        f.values["conversion_price_usd"] = round(1000.0 / rate, 4)
        f.evidence["conversion_price_usd"] = f.evidence["conversion_rate_per_1000_usd"]
        f.derived["conversion_price_usd"] = f"computed as 1000 / {rate} (conversion rate); the document states no price"
    # security
    for m in inst.mentions:
        if m.secured is not None:
            f.set("secured", m.secured, doc.ev(m.start, m.end))
            break
    if "secured" not in f.values:
        for s in sents:
            tm = P.SECURED_TRUE_RE.search(s.text)
            fm = P.SECURED_FALSE_RE.search(s.text)
            if fm and re.search(r"(?i)\b(?:notes?|loans?|facility|obligations)\b", s.text):
                f.set("secured", False, doc.ev(s.start + fm.start(), s.start + fm.end()))
                break
            # ("Each drawdown is repayable ... and is secured by a security interest in: (a) mining rigs")
            if tm and re.search(r"(?i)\b(?:notes|loans?|facility|obligations|borrowings|(?:re)?financing(?:\s+agreement)?|credit\s+agreement|agreements?"
                                r"|line\s+of\s+credit|credit\s+line|drawdowns?|advances?|tranches?)\b", s.text):
                f.set("secured", True, doc.ev(s.start + tm.start(), s.start + tm.end()))
                break
            cm = P.COLLATERAL_ROW_RE.search(s.text)
            if cm:
                f.set("secured", True, doc.ev(s.start + cm.start(), s.start + cm.end()))
                break
    # proceeds
    for s in (money_sents if amount_sents is None else amount_sents):
        nm = P.NET_PROCEEDS_RE.search(s.text)
        if nm:
            mm = MONEY_RE.match(s.text, nm.start("money"))
            value = money_from_match(mm) if mm else None
            f.set("net_proceeds_usd", value, doc.ev(s.start + nm.start(), s.start + mm.end()) if mm else "")
            break
    for s in money_sents:
        um = P.USE_OF_PROCEEDS_RE.search(s.text)
        if um:
            start = s.start + um.start()
            subject = re.search(r"(?i)\b(?:the\s+)?(?:net\s+)?proceeds\b", s.text)
            if subject and subject.start() < um.start():
                start = s.start + subject.start()
            f.set("use_of_proceeds", doc.ev(start, s.end), doc.ev(s.start, s.end))
            break


def _sentences_for(doc: _Doc, inst: _Instrument, primaries: list[_Instrument],
                   explicit_by_sentence: dict[int, set]) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """(term sentences, proceeds sentences, own sentences) that speak about `inst`.

    A sentence naming an instrument speaks about it; a sentence naming none speaks about the document's
    primary instrument(s); proceeds sentences may also name the notes being repurchased with them. Own
    sentences name `inst` and no other primary: amounts of a multi-tranche offering come only from them.
    """
    terms, money, own = [], [], []
    primary_keys = {p.key for p in primaries}
    for i, s in enumerate(doc.sents):
        named = explicit_by_sentence.get(i, set())
        if inst.key in named:
            others = (named & primary_keys) - {inst.key}
            terms.append(_own_stretch(s, inst, [p for p in primaries if p.key in others]) if others else s)
            if not (named & primary_keys) - {inst.key}:
                money.append(s)
                own.append(s)
        elif not named and inst.key in primary_keys:
            terms.append(s)
            money.append(s)
        elif inst.key in primary_keys and not (named & primary_keys):
            money.append(s)
    return terms, money, own


def _own_stretch(s: Sentence, inst: _Instrument, others: list[_Instrument]) -> Sentence:
    """The part of a sentence naming several tranches that speaks of `inst`: from its mention (or the
    sentence's start, if it is named first) to the next tranche's mention. "The 2030 notes will have an
    initial conversion price of $41.20 per share and the 2032 notes ... of $44.85 per share"."""
    mine = sorted(m.start for m in inst.mentions if s.start <= m.start < s.end)
    theirs = sorted(m.start for o in others for m in o.mentions if s.start <= m.start < s.end)
    if not mine or not theirs:
        return s
    a = s.start if mine[0] < theirs[0] else mine[0]
    b = next((t for t in theirs if t > a), s.end)
    if a == s.start and b == s.end:
        return s
    return Sentence(a, b, s.block, s.text[a - s.start:b - s.start])


def _start(m: re.Match, name: str) -> int:
    """Where group `name` (or its alternative spelling `name2`, `name3`) starts in a match."""
    for g in (name, name + "2", name + "3", name + "4"):
        if g in m.re.groupindex and m.group(g) is not None:
            return m.start(g)
    return m.start(name)


def _coupon_group(m: re.Match) -> str:
    """The rate a coupon pattern matched (its `coupon` group, or `coupon2` of a second wording)."""
    return m.group("coupon") if m.group("coupon") is not None else m.group("coupon2")


_PURCHASE_PRICE_RE = re.compile(
    r"\b(?:sell|issue)\b[^.;]{0,200}?\bnotes?\b[^.;]{0,120}?\bfor\s+(?:a|an|the)\s+(?:aggregate\s+|total\s+)?purchase\s+price\s+of\s+"
    r"(?P<money>" + P.MONEY + r")", re.I)


def _unrounded(first: tuple, later: list[tuple]) -> tuple:
    """A headline rounds: "Eliminate Remaining $22 Million of Secured Debt" over the body's "remaining $21.8 million of
    secured debt". A later amount of the same debt that the first one rounds to whole millions is the exact one."""
    value = first[0]
    if value and value % 1_000_000 == 0:
        for hit in later:
            if hit[0] and hit[0] != value and hit[0] % 1_000_000 and round(hit[0] / 1_000_000) * 1_000_000 == value:
                return hit
    return first


def _event_fields(doc: _Doc, inst: _Instrument, event: str | None, terms: list[Sentence], money: list[Sentence],
                  is_primary: bool, n_primaries: int, own: list[Sentence] | None = None) -> _Fields:
    f = _Fields()
    # principal: the money next to one of the instrument's own descriptors
    if inst.instrument in LOAN_INSTRUMENTS:
        if event in ("upsized", "amended"):
            # "increase the commitments ... from $100 million to $200 million": the new size (an amendment's only when
            # it names one: "amended the ... agreement to expand the availability of borrowings to $200,000")
            for s in terms:
                fm = (P.FROM_TO_RE.search(s.text) if event == "upsized" else None) or P.NEW_TOTAL_RE.search(s.text)
                if fm:
                    mm = MONEY_RE.match(s.text, _start(fm, "money"))
                    f.set("principal_usd", money_from_match(mm) if mm else None, doc.ev(s.start + fm.start(), s.start + fm.end()))
                    if fm.re is P.FROM_TO_RE:
                        fr = MONEY_RE.match(s.text, _start(fm, "from_money"))
                        f.set("upsized_from_usd", money_from_match(fr) if fr else None, doc.ev(s.start + fm.start(), s.start + fm.end()))
                    break
        committed = P.INITIAL_COMMITMENT_RE.search(doc.text)
        if committed and re.search(r"(?i)\baccordion\b", doc.text):
            # "up to $200 million" in a headline adds the accordion to the committed amount
            g = next(n for n in ("money", "money2", "money3") if committed.group(n))
            mm = MONEY_RE.match(doc.text, committed.start(g))
            f.set("principal_usd", money_from_match(mm) if mm else None, doc.ev(committed.start(), committed.end()))
        if event in RETIRE_EVENTS:
            rm = P.RETIRED_LOAN_AMOUNT_RE.search(doc.text) or P.REDUCED_BY_RE.search(doc.text)
            mm = MONEY_RE.match(doc.text, _start(rm, "money")) if rm else None
            if mm:
                f.set("principal_usd", money_from_match(mm), doc.ev(rm.start(), rm.end()))
        hits = [h for h in (_loan_amount(doc, m) for m in inst.mentions) if h]
        if not hits and (cm := _CONFIRMATION_AMOUNT_RE.search(doc.text)):
            # a loan confirmation's row: "|Loan Amount |$45,000,000", "|Amount: |$20,000,000"
            mm = MONEY_RE.match(doc.text, cm.start("money"))
            if mm and money_from_match(mm) is not None:
                hits = [(money_from_match(mm), cm.start(), mm.end())]
        if hits:
            hit = _unrounded(hits[0], hits[1:])
            scale = _table_scale(doc.mt.original, doc.mt.starts[hit[1]]) if hit[1] < len(doc.mt.starts) else 1
            f.set("principal_usd", hit[0] * scale, doc.ev(hit[1], hit[2]))
            if scale != 1:
                f.derived["principal_usd"] = "a table cell in thousands of dollars (the table says \"in thousands\"), times 1,000"
        if event in RETIRE_EVENTS and "principal_usd" not in f.values:
            # debt cut with no instrument named: "a substantial reduction in our debt of $40 million"
            cm = P.DEBT_CUT_RE.search(doc.text)
            mm = MONEY_RE.match(doc.text, cm.start("money")) if cm else None
            if mm:
                f.set("principal_usd", money_from_match(mm), doc.ev(cm.start(), cm.end()))
        if "principal_usd" not in f.values and is_primary and event not in RETIRE_EVENTS:
            # a master loan agreement's cap, stated in a sentence of its own: "the Lender may from time to time
            # make loans to the Borrower in an aggregate principal amount of up to $100 million"
            for s in terms:
                cm = P.LOANS_UP_TO_RE.search(s.text)
                mm = MONEY_RE.match(s.text, cm.start(next(g for g in P.LOANS_UP_TO_GROUPS if cm.group(g)))) if cm else None
                if mm and money_from_match(mm) is not None:
                    f.set("principal_usd", money_from_match(mm), doc.ev(s.start + cm.start(), s.start + mm.end()))
                    break
        if "principal_usd" not in f.values and is_primary and event not in RETIRE_EVENTS:
            # the note or agreement itself: "hereby promises to pay to the order of ... the principal amount of
            # $3,500,000.00", "Total Amount to be Advanced by Lender ...: $ 1,056,000"
            pm = P.EXECUTED_PRINCIPAL_RE.search(doc.text[:20000])
            mm = MONEY_RE.match(doc.text, pm.start(next(g for g in ("money", "money2", "money3") if pm.group(g)))) if pm else None
            if mm and money_from_match(mm) is not None:
                f.set("principal_usd", money_from_match(mm), doc.ev(pm.start(), mm.end()))
        if "principal_usd" not in f.values and is_primary and any(m.defined_notes for m in inst.mentions):
            # notes named only by their defined term: "The aggregate principal amount of Notes sold in the Offering
            # was $4,250 million"
            for s in terms:
                hit = _principal_after(doc, s, event)
                if hit:
                    f.set("principal_usd", hit[0], doc.ev(hit[1], hit[2]))
                    break
        if "principal_usd" not in f.values and is_primary and n_primaries == 1 and (tm := _TERMS_LIST_RE.search(doc.text)):
            # "The terms of the Facility will include: - up to a maximum of $3M, which may be increased to $5M"
            mm = MONEY_RE.match(doc.text, tm.start("money"))
            if mm and money_from_match(mm) is not None:
                f.set("principal_usd", money_from_match(mm), doc.ev(tm.start("bullet"), mm.end()))
        if "principal_usd" not in f.values and is_primary and event not in RETIRE_EVENTS:
            _stablecoin_or_outstanding_principal(doc, terms, f)
    else:
        candidates = []
        for m in inst.mentions:
            if not m.explicit and n_primaries > 1:
                continue
            hit = _principal_before(doc, m)
            if hit:
                candidates.append((hit[1], hit[0], m, m.end))
                continue
            hit = _principal_following(doc, m)
            if hit:
                candidates.append((m.start, hit[0], m, hit[1]))
        if event in RETIRE_EVENTS:
            retire = [c for c in candidates if _retire_context(doc, c[2])]
            candidates = retire or candidates
            # "holders converted approximately $48.2 million ..., and the Company redeemed the remaining
            # approximately $1.8 million ...": the amount the event's own verb governs
            own_verb = [c for c in candidates if _last_retire_verb(doc.text[max(0, c[0] - 80):c[0]]) == event]
            candidates = own_verb or candidates
        else:
            candidates = [c for c in candidates if not _retire_context(doc, c[2])] or ([] if not is_primary else candidates)
        if not candidates and is_primary and inst.instrument == "convertible_notes":
            im = P.INVESTMENT_IN_FORM_RE.search(doc.text)
            if im:
                mm = MONEY_RE.match(doc.text, im.start("money"))
                if mm and money_from_match(mm) is not None:
                    candidates.append((im.start(), money_from_match(mm), inst.mentions[0], im.end()))
        if candidates:
            # "$500 million aggregate principal amount of ..." is read before a headline's "$500 Million Offering of"
            stated = [c for c in candidates if re.search(r"(?i)principal\s+amount", doc.text[c[0]:c[3]])]
            pos, value, m, end = (stated or candidates)[0]
            f.set("principal_usd", value, doc.ev(pos, end))
        elif is_primary and event == "upsized":
            for s in terms:
                nm = P.NEW_TOTAL_RE.search(s.text) or P.FROM_TO_RE.search(s.text)
                if nm:
                    mm = MONEY_RE.match(s.text, _start(nm, "money"))
                    f.set("principal_usd", money_from_match(mm) if mm else None, doc.ev(s.start + nm.start(), s.start + nm.end()))
                    break
            # an option-exercise notice: "the total principal amount of notes sold in the offering was $1.0 billion"
            if "principal_usd" not in f.values:
                for s in terms:
                    hit = _principal_after(doc, s, event)
                    if hit:
                        f.set("principal_usd", hit[0], doc.ev(hit[1], hit[2]))
                        break
        elif is_primary:
            for s in terms:
                hit = _principal_after(doc, s, event)
                if hit:
                    f.set("principal_usd", hit[0], doc.ev(hit[1], hit[2]))
                    break
    add_on = P.ADD_ON_NOTES_RE.search(doc.text) if is_primary and event in NEW_ISSUE_EVENTS and n_primaries == 1 else None
    add_on_money = MONEY_RE.match(doc.text, add_on.start("money")) if add_on else None
    if add_on_money and money_from_match(add_on_money) is not None:
        # the notes already issued under the indenture are recalled; the issue is the additional notes
        f.values.pop("principal_usd", None)
        f.set("principal_usd", money_from_match(add_on_money), doc.ev(add_on.start(), add_on.end()))
        f.reasons["option_principal_usd"] = "an issue of additional notes under an existing indenture: no purchasers' option"
    if event in RETIRE_EVENTS:
        for m in inst.mentions:
            s = doc.sents[m.sentence]
            lo = max(0, m.start - s.start - 80)
            am = P.ALL_OUTSTANDING_RE.search(s.text[lo:max(0, m.start - s.start)] + " ")
            if am:
                f.set("all_outstanding", True, doc.ev(s.start + lo + am.start(), m.end))
                break
        for m in inst.mentions:
            s = doc.sents[m.sentence]
            cm = P.CONSIDERATION_RE.search(s.text)
            if cm:
                mm = MONEY_RE.match(s.text, cm.start("money" if cm.group("money") else "money2"))
                value = money_from_match(mm) if mm else None
                f.set("consideration_usd", value, doc.ev(s.start + cm.start(), s.start + cm.end()))
                break
    if not is_primary:
        # an existing instrument being retired: only what its own sentences say
        _terms(doc, inst, [doc.sents[m.sentence] for m in inst.mentions if m.explicit][:1], [], f)
        for k in ("use_of_proceeds", "net_proceeds_usd", "conversion_rate_per_1000_usd", "conversion_price_usd",
                  "conversion_premium_pct", "cap_price_usd"):
            f.values.pop(k, None)
            f.evidence.pop(k, None)
            f.derived.pop(k, None)
        return f
    # a multi-tranche release states offering-wide amounts (net proceeds, options) for all tranches
    amount_sents = money if n_primaries == 1 else (own or [])
    if event in NEW_ISSUE_EVENTS and not add_on_money:
        _option(doc, amount_sents, f)
        if "option_principal_usd" not in f.values and n_primaries == 1:
            # a term-sheet bullet that names no notes: "upsized from $450 million to $500 million, plus $50 million greenshoe"
            _option(doc, [s for s in doc.sents if re.search(r"(?i)greenshoe|over-?allotment", s.text)], f)
        for s in terms:
            for rx in P.UPSIZED_FROM_RES:
                um = rx.search(s.text)
                if um and um.groupdict().get("money"):
                    mm = MONEY_RE.match(s.text, um.start("money"))
                    value = money_from_match(mm) if mm else None
                    if value is not None and value != f.values.get("principal_usd"):
                        f.set("upsized_from_usd", value, doc.ev(s.start + um.start(), s.start + mm.end()))
                        break
            if "upsized_from_usd" in f.values:
                break
        if "principal_usd" not in f.values and "upsized_from_usd" in f.values:
            # a term-sheet bullet is all that names the size: "upsized from $450 million to $500 million, plus $50
            # million greenshoe"
            for s in terms:
                um = P.UPSIZED_TO_RE.search(s.text)
                mm = MONEY_RE.match(s.text, um.start("money")) if um else None
                if mm and money_from_match(mm) is not None:
                    f.set("principal_usd", money_from_match(mm), doc.ev(s.start + um.start(), s.start + mm.end()))
                    break
        if f.values.get("option_exercised") and "principal_usd" in f.evidence:
            for s in terms:
                im = P.INCLUDES_OPTION_RE.search(s.text)
                if im and MONEY_RE.search(s.text):
                    f.set("principal_includes_option", True, doc.ev(s.start + im.start(), s.start + im.end()))
                    break
    if "principal_usd" not in f.values and inst.instrument not in LOAN_INSTRUMENTS and is_primary:
        # a note purchase agreement: "agrees to sell and issue to the Purchaser ... a Convertible Note ... for a purchase
        # price of USD $150,000,000.00": sold at par unless the text tells of a discount
        pm = _PURCHASE_PRICE_RE.search(doc.text)
        mm = MONEY_RE.match(doc.text, pm.start("money")) if pm else None
        if mm and not re.search(r"(?i)\bdiscount\b", doc.text):
            f.set("principal_usd", money_from_match(mm), doc.ev(pm.start(), pm.end()))
            f.derived["principal_usd"] = "the note's purchase price: a note sold at par (the text tells of no discount)"
    _terms(doc, inst, terms, money, f, amount_sents)
    if event in RETIRE_EVENTS and inst.instrument in LOAN_INSTRUMENTS and "secured" not in f.values:
        cm = P.SERVED_AS_COLLATERAL_RE.search(doc.text)
        if cm:
            f.set("secured", True, doc.ev(cm.start(), cm.end()))
    if n_primaries > 1 and event in NEW_ISSUE_EVENTS and "option_principal_usd" not in f.values:
        # an option stated for the whole offering ("$300 million greenshoe fully exercised") is not this tranche's
        shared = _Fields()
        _option(doc, [s for s in money if s not in (own or [])], shared)
        if "option_principal_usd" in shared.values:
            f.reasons["option_principal_usd"] = (
                f"an option for the whole {n_primaries}-tranche offering ({shared.evidence['option_principal_usd']}); "
                "its split between tranches is not stated")
    if n_primaries > 1:
        for name in ("net_proceeds_usd", "option_principal_usd"):
            if name not in f.values:
                f.reasons.setdefault(name, f"not stated per tranche ({n_primaries} tranches in the document)")
    return f


_RETIRE_VERBS = (("redeemed", r"redeem\w*|redemption"), ("converted", r"conver(?:t|ted|ts|sion)"),
                 ("repurchased", r"repurchas\w*"), ("exchanged", r"exchang\w*"), ("repaid", r"repa(?:y\w*|id)"))
_RETIRE_VERB_RE = re.compile("|".join(f"(?P<{name}>\\b(?:{rx})\\b)" for name, rx in _RETIRE_VERBS), re.I)


def _last_retire_verb(before: str) -> str | None:
    """The retirement event named by the last retirement verb in `before`, or None."""
    last = None
    for m in _RETIRE_VERB_RE.finditer(before):
        last = m.lastgroup
    return last


def _retire_context(doc: _Doc, m: _Mention) -> bool:
    s = doc.sents[m.sentence]
    return bool(P.EXISTING_CONTEXT_RE.search(doc.text[s.start:m.start]))


# --- public API ----------------------------------------------------------------------------------

#: One agreement over several facilities: "The credit agreement provides for an aggregate amount of up to approximately
#: USD $43.8 million of financing. The agreement is ... comprised of three separate facilities: ...", "a Credit and
#: Security Facility Agreement ... which provides for a $10.0 million credit and security facility consisting of a $6.0
#: million revolving line of credit ... and a $4.0 million equipment guidance line".
_UMBRELLA_RE = re.compile(
    r"\b(?:agreement|facility)\b(?:[^.;]|\.(?=\d)){0,60}?\bprovides?\s+for\s+(?:an?\s+)?(?:aggregate\s+(?:principal\s+)?amount\s+of\s+)?"
    r"(?:up\s+to\s+)?(?:approximately\s+)?(?P<money>" + P.MONEY + r")(?:[^;]|\.(?=\d)){0,160}?"
    r"\b(?:consisting|comprised|composed)\s+of\s+(?:a|an|two|three|four|\d)\b", re.I)


def _as_umbrella(doc: _Doc, event: DebtEvent, um: re.Match) -> DebtEvent:
    """The event of the agreement that groups the facilities, at its total size: a facility named inside it is a part."""
    mm = MONEY_RE.match(doc.text, um.start("money"))
    total = money_from_match(mm) if mm else None
    if total is None or (event.principal_usd is not None and total <= event.principal_usd):
        return event
    evidence = {**event.evidence, "principal_usd": doc.ev(um.start(), um.end())}
    derived = {**event.derived, "principal_usd": "the total of an agreement that groups several facilities"}
    return event.model_copy(update={"instrument": "credit_facility", "principal_usd": total, "evidence": evidence,
                                    "derived": derived})


def parse_debt(content: bytes | str, *, ticker: str | None = None, announced_date: date | None = None) -> list[DebtEvent]:
    """One DebtEvent per instrument the document describes (a release may price two tranches).

    Raises ParseError when the input is not a readable debt document (empty, binary, no debt wording,
    or no instrument that could be identified).
    """
    return _parse(content, ticker, announced_date)[0]


def _parse(content: bytes | str, ticker: str | None, announced_date: date | None,
           with_offering_total: bool = False) -> tuple[list[DebtEvent], DebtEvent | None]:
    """The document's events and, with `with_offering_total`, the whole of a multi-tranche offering whose
    size the release states (printed by `minerwatch parse debt` for a reader; never an instrument)."""
    plain, dei = document_text(content)
    if not plain.strip():
        raise ParseError("empty document")
    mt, spun = normalize(plain)
    if not P.DEBT_VOCAB_RE.search(mt.text):
        raise ParseError("not a debt document: no notes, loan, facility or conversion wording")
    doc = _Doc(mt, _join_term_rows(mt.text, sentences(mt)), dei, spun)
    if not doc.sents:
        raise ParseError("no sentences")
    mentions = _find_mentions(doc)
    insts = _group(mentions)
    conversion_terms = (P.CONVERSION_RATE_RE, P.CONVERSION_PRICE_RE, P.PREMIUM_RES[0])
    if not insts and any(rx.search(doc.text) for rx in conversion_terms):
        # a passage that only gives conversion terms ("The initial conversion rate is ... per $1,000
        # principal amount of notes", a term sheet's "3.50% coupon, 30% conversion premium") still describes
        # convertible notes
        cm = next(m for rx in conversion_terms for m in [rx.search(doc.text)] if m)
        m = _Mention(cm.start(), cm.end(), doc.sentence_at(cm.start()), "convertible_notes", explicit=False)
        insts[("convertible_notes", None, None)] = _Instrument(("convertible_notes", None, None), "convertible_notes", None, None, [m])
        m.key = ("convertible_notes", None, None)
    if not insts:
        raise ParseError("no debt instrument could be identified (no notes descriptor, loan or facility)")

    head, is_8k = _head_lead(doc)
    doc_event, event_sentence = _doc_event(doc, head)
    if doc_event is None and not is_8k and _FILING_NOTE_RE.search(doc.text[:600]):
        # a filing note whose balance table comes first ("Convertible notes | - | 63,715") and whose news is a dated
        # sentence further down: "On 24 March 2022, a subsidiary ... entered into a $71,196,000 limited recourse equipment
        # finance and security agreement with NYDIG ABL LLC" (the latest such step)
        dated = [i for i, st in enumerate(doc.sents) if _DATED_START_RE.match(st.text) and _new_issue_event(st.text) == "closed"]
        if dated:
            doc_event, event_sentence = "closed", dated[-1]
    if doc_event == "closed" and event_sentence is not None and not is_8k and not P.DATELINE_RE.search(doc.text[:3000]):
        later = _later_amendment(doc, event_sentence)
        if later is not None:
            doc_event, event_sentence = later
    if doc_event == "priced":
        issued = next((i for i, s in enumerate(doc.sents[:60]) if _NOTES_ISSUED_RE.search(s.text)
                       and not P.FUTURE_CLOSE_RE.search(s.text)), None)
        if issued is not None:
            # an 8-K's Item 1.01 tells the underwriting agreement, then "On October 2, 2025, the Company issued the
            # Notes": the notes are out, the offering closed
            doc_event, event_sentence = "closed", issued
    if doc_event is None:
        issued = next((i for i, s in enumerate(doc.sents[:60]) for m in [_NOTES_ISSUED_RE.search(s.text)]
                       if m and _DATED_BEFORE_RE.search(s.text[:m.start()]) and not P.FUTURE_CLOSE_RE.search(s.text)), None)
        if issued is not None:
            # a filing note's "On January 28, 2019, in connection with a private financing ..., the Company issued the
            # Notes": dated and done, the notes are out
            doc_event, event_sentence = "closed", issued
    if doc_event == "priced" and event_sentence is not None and not is_8k and _FILING_NOTE_RE.search(doc.text[:600]) \
            and _PURCHASE_AGREEMENT_RE.search(doc.sents[event_sentence].text):
        # a 10-Q note's "On August 10, 2022, the Company ... entered into a note purchase agreement providing for the
        # issuance of secured promissory notes": told after the fact, the agreed sale is done
        doc_event = "closed"
    head_set = set(head) | ({event_sentence} if event_sentence is not None else set())

    explicit_by_sentence: dict[int, set] = {}
    for inst in insts.values():
        for m in inst.mentions:
            if m.explicit or len([k for k in insts if k[0] == inst.instrument]) == 1:
                explicit_by_sentence.setdefault(m.sentence, set()).add(inst.key)

    retire_doc = doc_event in RETIRE_EVENTS
    primaries: list[_Instrument] = []
    for inst in sorted(insts.values(), key=lambda x: x.first):
        in_head = [m for m in inst.mentions if m.sentence in head_set]
        if not in_head:
            continue
        if retire_doc or any(not _retire_context(doc, m) for m in in_head):
            primaries.append(inst)
    # "has repaid a total of $267 million in debt with proceeds from its offering of convertible senior notes": the
    # notes paid for the retirement; the debt repaid is what the release is about
    funding = {inst.key for inst in insts.values() if _funds_the_retirement(doc, inst)} if retire_doc else set()
    if funding and len(funding) < len(insts):
        primaries = [p for p in primaries if p.key not in funding]
    if not primaries:
        for inst in sorted(insts.values(), key=lambda x: x.first):
            if inst.key in funding and len(funding) < len(insts):
                continue
            if retire_doc or any(not _retire_context(doc, m) for m in inst.mentions):
                primaries.append(inst)
                break
        if primaries and not retire_doc:
            # a headline naming the offering generically ("closing of its offering of convertible senior notes")
            # over a list of tranches ("$1.0 billion offering of 0.25% notes due 2032", "$1.0 billion ... due
            # 2033"): every tranche with its own amount is an instrument of the offering
            primaries.extend(_sibling_tranches(doc, primaries[0], insts))
    if not primaries:
        primaries = [min(insts.values(), key=lambda x: x.first)]
    # a loan named only in passing in a notes release is not what the release is about
    if any(p.instrument not in LOAN_INSTRUMENTS for p in primaries):
        primaries = [p for p in primaries if p.instrument not in LOAN_INSTRUMENTS]

    the_ticker, ticker_ev, ticker_reason = _ticker(doc, ticker)
    the_date, date_ev, date_reason = _announced(doc, announced_date, is_8k)

    events: list[DebtEvent] = []
    for inst in primaries:
        terms, money, own = _sentences_for(doc, inst, primaries, explicit_by_sentence)
        f = _event_fields(doc, inst, doc_event, terms, money, True, len(primaries), own)
        if doc_event == "amended" and event_sentence is not None and len(primaries) == 1:
            _amended_terms(doc, event_sentence, f)
        if len(primaries) == 1 and doc_event not in RETIRE_EVENTS:
            _financed_amount(doc, f)     # (a repayment's "outstanding balance" is the amount repaid)
        events.append(_build(doc, inst, doc_event, event_sentence, f, the_ticker, ticker_ev, ticker_reason,
                             the_date, date_ev, date_reason))
    if events and is_details_page(plain):
        events[0] = _with_details(events[0], read_details(plain))
    if len(events) == 1 and events[0].instrument in LOAN_INSTRUMENTS and (um := _UMBRELLA_RE.search(doc.text)):
        events[0] = _as_umbrella(doc, events[0], um)
    blank = _BLANK_RATE_RE.search(doc.text)
    if blank:
        # a preliminary prospectus prints the new notes' rate as a blank ("will bear interest at a rate of % per
        # year"): a rate read elsewhere is an existing note's ("our 4.875% Convertible Senior Notes due 2031")
        why = f"the rate is left blank until pricing ({doc.ev(blank.start(), blank.end())})"
        events = [e.model_copy(update={"coupon_pct": None, "evidence": {k: v for k, v in e.evidence.items() if k != "coupon_pct"},
                                       "null_reasons": {**e.null_reasons, "coupon_pct": why}})
                  if e.event in ("proposed", "priced") and e.coupon_pct is not None else e for e in events]
    whole = None
    if with_offering_total and len(primaries) > 1 and doc_event in NEW_ISSUE_EVENTS:
        total = _offering_total(doc, mentions, primaries, events, doc_event, event_sentence, explicit_by_sentence)
        if total is not None:
            whole = _build(doc, total[0], doc_event, event_sentence, total[1], the_ticker, ticker_ev,
                           ticker_reason, the_date, date_ev, date_reason)
    for inst in sorted(insts.values(), key=lambda x: x.first):
        if inst in primaries or inst.instrument in LOAN_INSTRUMENTS and not retire_doc:
            continue
        ev, sent = _secondary_event(doc, inst)
        if ev is None:
            continue
        f = _event_fields(doc, inst, ev, [], [], False, len(primaries))
        if f.values.get("principal_usd") is None and not f.values.get("all_outstanding"):
            continue
        events.append(_build(doc, inst, ev, sent, f, the_ticker, ticker_ev, ticker_reason, the_date, date_ev, date_reason))
    return events, whole


_PURCHASE_AGREEMENT_TITLE_RE = re.compile(r"(?-i:(?:[A-Z]+\s+){0,3}(?:NOTES?|SECURITIES)\s+PURCHASE\s+AGREEMENT)\b")
_BLANK_RATE_RE = re.compile(r"\bbear\s+interest\s+at\s+(?:a|the)\s+rate\s+of\s+%\s+per\s+(?:year|annum)", re.I)


def _with_details(event: DebtEvent, facts: DetailsFacts) -> DebtEvent:
    """An EDGAR details page's tagged facts replace what the prose rules read from it; an instrument it states the
    principal of is outstanding (closed), whatever retirement word a row's label carries ("redemption price")."""
    if not facts.values:
        return event
    update: dict = dict(facts.values)
    evidence = {**event.evidence, **facts.evidence}
    reasons = {k: v for k, v in event.null_reasons.items() if k not in facts.values}
    if "principal_usd" in facts.values and (event.event is None or event.event in RETIRE_EVENTS):
        update["event"] = "closed"
        evidence["event"] = facts.evidence["principal_usd"]
    return event.model_copy(update={**update, "evidence": evidence, "null_reasons": reasons})


def _offering_total(doc: _Doc, mentions: list[_Mention], primaries: list[_Instrument], tranches: list[DebtEvent],
                    event: str, event_sentence: int | None, explicit_by_sentence: dict[int, set]):
    """The offering of several tranches as a whole, when the release states its size ("Offering of $2.3
    billion convertible senior notes" over "$1.0 billion ... due 2032" and "$1.0 billion ... due 2033"):
    its principal (at least the tranches' sum), the options and terms stated for the whole offering, and no
    coupon or maturity. None when no such total is stated."""
    kind = primaries[0].instrument
    if any(p.instrument != kind for p in primaries) or any(t.principal_usd is None for t in tranches):
        return None
    parts = sum(t.principal_usd for t in tranches)
    for m in mentions:
        if m.kind != "notes" or m.key is not None or m.instrument != kind or _retire_context(doc, m):
            continue
        hit = _principal_before(doc, m) or _principal_following(doc, m)
        if hit is None or hit[0] < parts - 0.5:
            continue
        inst = _Instrument((kind, None, None), kind, None, None, [m])
        shared = [s for i, s in enumerate(doc.sents) if not explicit_by_sentence.get(i)]
        f = _Fields()
        f.set("principal_usd", hit[0], doc.ev(min(hit[1], m.start), max(m.end, hit[1])))
        _option(doc, shared, f)
        _terms(doc, inst, shared, shared, f)
        for name in ("coupon_pct", "maturity_date", "maturity_year"):
            f.values.pop(name, None)
            f.evidence.pop(name, None)
            f.reasons[name] = f"the offering's {len(tranches)} tranches have their own (see the tranche events)"
        return inst, f
    return None


def _sibling_tranches(doc: _Doc, first: _Instrument, insts: dict[tuple, _Instrument]) -> list[_Instrument]:
    """Other new tranches of the same type as `first`, each with its own principal (not existing notes)."""
    def offered(inst: _Instrument) -> bool:
        return any(m.explicit and not _retire_context(doc, m) and _principal_before(doc, m) for m in inst.mentions)

    if first.coupon is None and first.due_year is None or not offered(first):
        return []
    return [i for i in sorted(insts.values(), key=lambda x: x.first)
            if i is not first and i.instrument == first.instrument and (i.coupon is not None or i.due_year is not None)
            and (i.coupon, i.due_year) != (first.coupon, first.due_year) and offered(i)]


def _secondary_event(doc: _Doc, inst: _Instrument) -> tuple[str | None, int | None]:
    """A definitive repurchase/exchange/conversion/redemption of an existing instrument the document names."""
    for m in inst.mentions:
        if not m.explicit:
            continue
        s = doc.sents[m.sentence]
        hedged = P.INTENT_ONLY_RE.search(s.text)
        if not (P.DEFINITIVE_RETIRE_RE.search(s.text) or (not hedged and P.LIKELY_RETIRE_RE.search(s.text))):
            continue
        ev = _retire_event(doc.text[s.start:m.end])
        if ev:
            return ev, m.sentence
    return None, None


def _ticker(doc: _Doc, given: str | None) -> tuple[str | None, str | None, str | None]:
    if given:
        return given.strip().upper(), None, None
    if doc.dei.get("TradingSymbol"):
        sym = doc.dei["TradingSymbol"].split()[0].upper()
        return sym, f"dei:TradingSymbol {sym}", None
    m = EXCHANGE_TAG_RE.search(doc.text)
    if m:
        return ticker_of(m), doc.ev(m.start(), m.end()), None
    return None, None, "no exchange ticker in the document and none given"


def _announced(doc: _Doc, given: date | None, is_8k: bool) -> tuple[date | None, str | None, str | None]:
    if given:
        return given, None, None
    head = doc.text[:1500]
    for rx in ((P.DATE_OF_REPORT_RE,) if is_8k else ()) + (P.DATELINE_RE,):
        m = rx.search(head if rx is P.DATELINE_RE else doc.text)
        if m:
            d = _date_from(m)
            if d:
                return d, doc.ev(m.start(), m.end()), None
    if doc.dei.get("DocumentPeriodEndDate"):
        dm = P.DATE_RE.search(doc.dei["DocumentPeriodEndDate"])
        d = _date_from(dm) if dm else None
        if d:
            return d, f"dei:DocumentPeriodEndDate {doc.dei['DocumentPeriodEndDate']}", None
    for s in doc.sents[:3]:
        m = P.DATELINE_LOOSE_RE.search(s.text)
        if m:
            d = _date_from(m)
            if d:
                return d, doc.ev(s.start + m.start(), s.start + m.end()), None
    return None, None, "no dateline or report date in the document and none given"


_MONEY_FIELDS = ("principal_usd", "option_principal_usd", "conversion_price_usd", "cap_price_usd", "net_proceeds_usd")
#: "C$10,000,000", "CA$25 million": an amount in another dollar, named in a null `_usd` field's reason.
_FOREIGN_MONEY_RE = re.compile(r"(?:" + FOREIGN_DOLLAR_RE.pattern + r")\s?" + NUMBER + r"(?:\s?(?i:thousand|million|billion)\b)?")


#: An EDGAR XBRL page of a note's text ("|9 Months Ended", "Debt Disclosure [Abstract]"): the text block carries no
#: scale header of its own, unlike the page's tables ("USD ($) $ in Thousands").
_XBRL_TEXT_BLOCK_RE = re.compile(r"\[Abstract\]|^\|?\s*\d{1,2}\s+Months\s+Ended\b", re.M)


def _implied_thousands(text: str) -> bool:
    """Does a note page write its amounts in thousands without saying so? "a new delayed draw term loan facility of
    $40,000 ... in a principal amount of $250 or a whole multiple of $100": on an XBRL text-block page, where every
    bare dollar amount is under $100,000, the amounts are the filing's thousands (a note in dollars of a listed
    company names six- and seven-digit sums somewhere)."""
    if not _XBRL_TEXT_BLOCK_RE.search(text[:1500]):
        return False
    bare = [money_from_match(m) for m in MONEY_RE.finditer(text) if not _SCALED_RAW_RE.search(m.group(0))]
    bare = [v for v in bare if v is not None]
    return bool(bare) and max(bare) < 100_000 and max(bare) >= 1_000


def _scale_prose_in_thousands(doc: _Doc, f: _Fields) -> None:
    """Times 1,000 a principal (or proceeds, consideration) read from a bare figure ("$7,000", no "million") in a
    filing whose amounts are in thousands. A figure of seven or more digits ("$1,937,000") or with cents, or one whose thousands stand in a table of
    the same filing, is taken as written in dollars."""
    # (a filing that states its amounts in thousands, "($ in thousands)" over its tables: CleanSpark's notes then write
    # "a credit limit of $50,000" for $50 million in their prose as well)
    if P.DATELINE_RE.search(doc.text[:3000]):
        return      # (a results release's prose is in dollars even where its statements below are in thousands)
    stated = IN_THOUSANDS_RE.search(doc.text) is not None
    if not stated and not _implied_thousands(doc.text):
        return
    for name in ("principal_usd", "option_principal_usd", "net_proceeds_usd", "upsized_from_usd", "consideration_usd"):
        value = f.values.get(name)
        if value is None or name in f.derived or value >= 1_000_000:
            continue
        bare = [m for m in MONEY_RE.finditer(f.evidence.get(name, ""))
                if money_from_match(m) == value and not _SCALED_RAW_RE.search(m.group(0)) and "." not in m.group(0)]
        if bare and value % 1000 == 0 and re.search(rf"(?<![\d,.]){value / 1000:,.0f}(?![\d,]|\.\d)", doc.text):
            continue    # a table row "Notes payable $750" beside the prose "a term loan of $750,000": the prose is in dollars
        if bare:
            f.values[name] = value * 1000
            f.derived[name] = (f"stated as {bare[0].group(0).strip()} in a filing whose amounts are in thousands, times 1,000"
                               if stated else
                               f"stated as {bare[0].group(0).strip()} in an XBRL note page whose bare dollar amounts are all "
                               f"under $100,000 (the filing's statements are in thousands), times 1,000")


def _build(doc: _Doc, inst: _Instrument, event: str | None, event_sentence: int | None, f: _Fields,
           ticker: str | None, ticker_ev: str | None, ticker_reason: str | None,
           announced: date | None, date_ev: str | None, date_reason: str | None) -> DebtEvent:
    _scale_prose_in_thousands(doc, f)
    v = dict(f.values)
    evidence = dict(f.evidence)
    reasons = dict(f.reasons)
    named = [m for m in inst.mentions if not m.contract] or inst.mentions  # the loan, not its contract
    evidence["instrument"] = doc.ev(named[0].start, named[0].end) if named else ""
    if event is not None and event_sentence is not None:
        evidence["event"] = doc.ev(doc.sents[event_sentence].start, doc.sents[event_sentence].end)
    if ticker_ev:
        evidence["ticker"] = ticker_ev
    if date_ev:
        evidence["announced_date"] = date_ev
    # reasons for every null
    convertible = inst.instrument == "convertible_notes"
    for name in EXPLAINED_FIELDS:
        if name in ("ticker", "announced_date", "event"):
            continue
        if v.get(name) is not None or name in reasons:
            continue
        if name in CONVERSION_FIELDS and not convertible:
            reasons[name] = "not a convertible instrument"
        elif name in CONVERSION_FIELDS + ("coupon_pct",) and event == "proposed":
            reasons[name] = "proposed offering: terms are set at pricing and not stated"
        elif name == "maturity_date" and v.get("maturity_year") is not None:
            reasons[name] = f"only the maturity year ({v['maturity_year']}) is given"
        elif name in ("maturity_date", "maturity_year") and (tm := P.TERM_LENGTH_RE.search(doc.text)):
            reasons[name] = f"only a term is given ({doc.ev(tm.start(), tm.end())}), not a date"
        elif name == "secured":
            reasons[name] = "security not stated"
        elif name == "option_principal_usd" and event in RETIRE_EVENTS:
            reasons[name] = "not applicable to a retirement"
        elif name in ("use_of_proceeds", "net_proceeds_usd") and event in RETIRE_EVENTS:
            reasons[name] = "not applicable to a retirement"
        elif name in _MONEY_FIELDS and (fm := _FOREIGN_MONEY_RE.search(doc.text)):
            reasons[name] = f"not stated in US dollars (the document's amounts are in another currency: {doc.ev(fm.start(), fm.end())})"
        else:
            reasons[name] = "not stated in the document"
    if ticker is None:
        reasons["ticker"] = ticker_reason or "unknown"
    if announced is None:
        reasons["announced_date"] = date_reason or "unknown"
    if event is None:
        reasons["event"] = "no offering, pricing, closing, upsizing or retirement wording"
    is_loan = inst.instrument in ("term_loan", "credit_facility") or any(m.kind == "loan" for m in inst.mentions)
    if (event == "redeemed" and inst.instrument in LOAN_INSTRUMENTS
            or event == "exchanged" and is_loan):
        # notes are redeemed or exchanged; a loan paid off, or settled with shares or assets ("in exchange for the
        # extinguishment of approximately $67 million of ... debt"), is repaid
        event = "repaid"
    return DebtEvent(
        ticker=ticker,
        instrument=inst.instrument,
        event=event,
        announced_date=announced,
        principal_usd=v.get("principal_usd"),
        option_principal_usd=v.get("option_principal_usd"),
        coupon_pct=v.get("coupon_pct"),
        maturity_date=v.get("maturity_date"),
        maturity_year=v.get("maturity_year"),
        conversion_rate_per_1000_usd=v.get("conversion_rate_per_1000_usd"),
        conversion_price_usd=v.get("conversion_price_usd"),
        conversion_premium_pct=v.get("conversion_premium_pct"),
        cap_price_usd=v.get("cap_price_usd"),
        secured=v.get("secured"),
        use_of_proceeds=v.get("use_of_proceeds"),
        net_proceeds_usd=v.get("net_proceeds_usd"),
        upsized_from_usd=v.get("upsized_from_usd"),
        option_exercised=v.get("option_exercised"),
        principal_includes_option=v.get("principal_includes_option"),
        all_outstanding=v.get("all_outstanding"),
        consideration_usd=v.get("consideration_usd"),
        evidence=evidence,
        null_reasons=reasons,
        derived=dict(f.derived),
        spun_wording=list(doc.spun),
    )


def parse_for_cli(content: bytes, ticker: str | None = None, period: str | None = None) -> list[dict]:
    """`minerwatch parse debt FILE`: the events as JSON-able dicts, the issue's keys first.

    `period` is accepted for the CLI contract and ignored (a debt document dates itself).
    """
    out = []
    events, whole = _parse(content, ticker, None, with_offering_total=True)
    for e in events + ([whole] if whole is not None else []):
        d = e.model_dump(mode="json")
        row = {k: d.pop(k) for k in CLI_KEYS}
        row.update(d)
        if e is whole:
            # the whole of a multi-tranche offering: for the reader, never an instrument of the register
            row["offering_total"] = True
        out.append(row)
    return out


#: Headline wording of debt documents (for discovery): an instrument word and a transaction word.
_DISCOVERY_INSTRUMENT = re.compile(
    r"\bconvertible\b|\bexchangeable\b|\bsenior\s+(?:secured\s+|unsecured\s+)?notes\b|\bnotes\s+due\b|\bnotes\s+offering\b"
    r"|\bdebentures\b|\bterm\s+loan|\bcredit\s+(?:facility|agreement|line)|\bloan\s+(?:facility|agreement)|\bline\s+of\s+credit\b"
    r"|\bbitcoin[- ]backed\s+(?:loan|credit|facility)|\basset[- ]backed\s+loan|\bequipment\s+(?:financing|loan)"
    r"|\bconvertible\s+promissory\b|\bproject\s+financing\b|\bconstruction\s+loan|\bfinancing\s+facility\b", re.I,
)
_DISCOVERY_ACTION = re.compile(
    r"\bproposed\b|\boffering\b|\bpric(?:es|ed|ing)\b|\bclos(?:es|ed|ing)\b|\bcomplet(?:es|ed|ion)\b|\bupsiz|\brepurchas"
    r"|\bexchange\b|\bredemption\b|\bredeem|\bconversion\b|\bentered\s+into\b|\benters\s+into\b|\bsecures\b|\bobtains\b"
    r"|\bamend|\bexpan(?:ds|ded|sion)\b|\bincreas(?:es|ed)\b|\bdraw", re.I,
)


def looks_like_debt_release(text: str) -> bool:
    """Cheap check for discovery: is this (the start of) a debt offering, loan or retirement document?

    True for 8-K bodies with Item 2.03 (a direct financial obligation) and for releases whose title or
    lead names a debt instrument together with a transaction ("announces proposed offering of ...
    convertible senior notes", "announces pricing", "closes", "completes", "repurchase", "credit
    facility"). Production updates that merely mention a facility further down are not matched.
    """
    if not text:
        return False
    head = text[:3000]
    if re.search(r"(?i)\bItem\s+2\.03\b|creation\s+of\s+a\s+direct\s+financial\s+obligation", text[:200000]):
        return True
    mt, _ = normalize(head)
    sents = sentences(mt)
    lead = " ".join(s.text for s in sents[:3])
    if re.search(r"(?i)\bItem\s+1\.01\b", text[:200000]) and _DISCOVERY_INSTRUMENT.search(text[:200000]):
        return True
    return bool(_DISCOVERY_INSTRUMENT.search(lead) and _DISCOVERY_ACTION.search(lead))


# re-exported: the pure linking of events into instruments lives in transforms.debt_linking
from transforms.debt_linking import InstrumentState, link_events  # noqa: E402  (import after DebtEvent)

__all__ = [
    "PARSER_VERSION", "DebtEvent", "InstrumentState", "parse_debt", "parse_for_cli", "looks_like_debt_release",
    "link_events", "CLI_KEYS",
]
