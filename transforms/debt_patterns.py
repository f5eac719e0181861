"""The wording of debt press releases and 8-K bodies, as regular expressions over normalized text.

Every pattern here was written against a real phrasing: IREN's and Core Scientific's convertible
releases (../shared/reference/press/), the MicroStrategy 8-K for its 0.750% notes due 2025
(../shared/real-samples/sec/8-K_MSTR_2020-12-11_*), and the deal terms in ../shared/reference/figures.csv.
All patterns are applied case-insensitively to text that transforms.debt_text.normalize produced.
"""
from __future__ import annotations

import re

from transforms.amounts import NUMBER as _NUMBER

#: A number that starts where a number starts (never the tail of "1.375" or "1234567").
NUMBER = r"(?<![\d.,])(?:" + _NUMBER + r")"

I = re.IGNORECASE

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
#: "October 15, 2030", "Oct. 09, 2025", "15 October 2030"
DATE = (
    r"(?:(?P<mon>" + MONTH + r")\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d{2})"
    r"|(?P<day2>\d{1,2})\s+(?P<mon2>" + MONTH + r")\s+(?P<year2>(?:19|20)\d{2}))"
)
DATE_RE = re.compile(DATE, I)

COUPON = r"(?<![\d.,])(?P<coupon>\d{1,2}(?:\.\d{1,4})?)\s?%"
_Q = r"(?:(?:convertible|exchangeable)\s+)?(?:(?:senior|junior|subordinated)\s+)?(?:(?:secured|unsecured)\s+)?"
#: "convertible senior notes", "senior secured notes", "Convertible Senior Note", "exchangeable senior notes"
NOTE_KIND = (
    r"(?P<kind>" + _Q + r"(?:(?:convertible|exchangeable)\s+)?(?:(?:senior|subordinated)\s+)?(?:(?:secured|unsecured)\s+)?"
    # Mawson's "secured convertible promissory notes"
    # Soluna's "a fourth amendment with the convertible noteholders": the holders stand for their notes
    r"(?:(?<=convertible\s)promissory\s+)?(?:notes?|debentures?|bonds?)(?:(?<=note)holders?|(?<=debenture)holders?)?)\b"
)
DUE = (
    r"(?:\s+due\s+(?:(?:in|on)\s+)?(?:(?P<due_mon>" + MONTH + r")\s+(?:(?P<due_day>\d{1,2}),?\s+)?)?"
    r"(?P<due_year>(?:19|20)\d{2})\b(?![,.]\d))"
)
#: A notes descriptor: optional coupon, the kind of notes, optional maturity.
NOTE_DESCRIPTOR_RE = re.compile(
    # (a cash/PIK toggle: "10.00%/12.00% Cash/Cash-and-Payment in Stock Convertible Secured Notes due 2029", the cash rate
    # first)
    r"(?:\b(?P<zero>zero[- ]coupon)\s+|" + COUPON + r"(?:\s?/\s?\d{1,2}(?:\.\d{1,4})?\s?%(?:\s+[\w/-]+){0,5}?)?\s+)?"
    + NOTE_KIND + DUE + "?", I,
)
#: "the 2032 notes", "2031 Convertible Notes": a series named by its maturity year.
SERIES_RE = re.compile(r"\b(?P<year>20\d{2})\s+(?:(?:convertible|exchangeable|senior|secured)\s+)*notes\b", I)

#: Loans and facilities ("entered into a $200 million credit facility", "Coinbase credit facility").
LOAN_RE = re.compile(
    r"\b(?P<loan>"
    # (not a balance sheet's "Long-Term Loans")
    r"(?:(?:(?:bitcoin|btc)[- ](?:backed|collateralized)\s+)?(?:senior\s+)?(?:secured\s+)?(?:delayed[- ]draw\s+)?(?<!long-)(?<!short-)term\s+loans?(?:\s+facility)?)"
    # a lender's "Master Loan and Pledge Agreements" under which loans are drawn in tranches
    r"|(?:(?:senior\s+)?(?:secured\s+|collateralized\s+|collateralised\s+)?(?:revolving\s+)?(?:project\s+)?(?:master\s+)?"
    r"(?:credit|loan|lending|financing|debt)\s+(?:(?:and\s+(?:pledge|security)\s+)?agreements|(?:and\s+(?:pledge|security)\s+)?agreement|facility|facilities))"
    # "a $1.4 billion project financing", "construction loan"
    # a bankrupt miner's "debtor-in-possession facility (the "DIP Facility")"
    r"|(?:(?:debtor[- ]in[- ]possession|(?-i:DIP))\s+(?:(?:term\s+)?loan\s+)?(?:facility|financing|credit\s+facility))"
    r"|(?:(?:senior\s+)?(?:secured\s+)?project\s+financing)|(?:(?:senior\s+)?(?:secured\s+)?construction\s+loans?(?:\s+facility)?)"
    # Greenidge's "eliminated the remaining $21.8 million of secured debt": an amount of secured debt
    r"|(?:(?<=million\sof\s)|(?<=billion\sof\s)|(?<=Million\sof\s)|(?<=Billion\sof\s))secured\s+debt"
    # "its bitcoin-backed revolving credit facility", "a bitcoin-backed line of credit"
    r"|(?:(?:bitcoin|btc)[- ](?:backed|collateralized)\s+(?:revolving\s+)?(?:loan|credit\s+facility|facility|credit\s+line|line\s+of\s+credit))"
    r"|(?:(?:revolving\s+)?(?:credit\s+line|line\s+of\s+credit))"
    # Marathon's "RLOC facility": its revolving line of credit
    r"|(?:(?-i:RLOC)(?:\s+facility)?)"
    # Marathon's "Revolving Credit and Security Agreement" with Silvergate and its "revolving credit note"
    r"|(?:(?:revolving\s+)?credit\s+and\s+security\s+agreement)|(?:revolving\s+credit\s+note)"
    # a lender's loan against named assets: Argo's "new asset-backed loan" from Galaxy, Stronghold's
    # "$54 Million Equipment Financing", "equipment loan", "bridge loan"
    r"|(?:(?:senior\s+)?(?:secured\s+)?asset[- ]backed\s+(?:term\s+)?loans?)"
    r"|(?:(?:secured\s+)?equipment\s+(?:financing(?:\s+loans?)?|loans?)(?:\s+(?:facility|agreement))?)"
    # Foundry's "EQUIPMENT FINANCE AND SECURITY AGREEMENT", "Equipment finance term facility"
    r"|(?:equipment\s+finance\s+(?:and\s+security\s+agreement|agreement|(?:term\s+)?facility))"
    r"|(?:(?:secured\s+)?bridge\s+(?:loans?|(?:promissory\s+)?notes?))"
    # "repaid in full a promissory note with an outstanding principal balance of US$4.1 million" (a convertible
    # one is a note descriptor)
    r"|(?:(?<!convertible\s)(?<!convertible\ssecured\s)(?:(?:senior|secured|unsecured)\s+){0,2}promissory\s+notes?)"
    # Soluna's "entered into two note payable agreements for a total principal value of approximately $235 thousand"
    r"|(?:notes?\s+payable\s+agreements?)"
    # Riot's "the Company acquired a $5.7 million note payable with a fixed rate of 8.81%" (an acquiree's debt)
    r"|(?:(?<=million\s)|(?<=billion\s)|(?<=Million\s))note\s+payable(?!\s+agreement)|(?:loan\s+payable(?=\s+of\s+\$))"
    # Argo's "the Mirabel Facility's outstanding mortgage", Bitdeer's "secured ... consideration loan note",
    # Greenidge's "master equipment finance agreements" ("MEFAs")
    r"|(?:mortgage(?:\s+loan)?)|(?:(?:(?:secured|unsecured)\s+)?(?:(?:and|freely|tradable|consideration)\s+){0,4}loan\s+notes?)"
    r"|(?:master\s+equipment\s+financ\w+\s+agreements?)|(?-i:MEFAs?)"
    # Greenidge's "evidencing a $26,500,000 aggregate principal amount loan"
    r"|(?:(?<=principal\samount\s)loan)"
    # Applied Digital's "an unsecured loan with a maximum principal amount of $20 million"
    r"|(?:(?:senior\s+)?(?:secured|unsecured)\s+(?:promissory\s+)?loans?)"
    # BitMine's "LOC Agreement" (its line of credit); Cango's "a mining machine loan bearing interest at 10% per annum"
    r"|(?:(?-i:LOC)(?:\s+agreement)?)|(?:(?:mining\s+)?machine\s+loans?)"
    # a loan named by its amount and lender: "Full Repayment of $35 Million Galaxy Loan"
    r"|(?:(?<=million\s)|(?<=billion\s)|(?<=Million\s)|(?<=Billion\s))(?:(?-i:[A-Z])[\w.&-]*\s+)?loan"
    # debt cut by an amount ("reduced its outstanding debt by USD $2M"): kept only where DEBT_CUT_RE reads it
    r"|(?:debt(?=\s+(?:by|of)\s+(?:(?:approximately|about|roughly|over|more\s+than)\s+)?(?:USD?\s?\$?|U\.S\.\s?\$|\$)\s?\d))"
    r")\b",
    I,
)

MONEY = r"(?:\bUS\s?\$|\bU\.S\.\s?\$|\bUSD\s?\$?|\$)\s?" + r"(?:" + NUMBER + r")(?:\s?(?:thousand|million|billion|mm|mn|bn)\b|[mMbB]\b)?"

# --- events ------------------------------------------------------------------------------------
PROPOSED_RE = re.compile(
    r"\bproposed\s+(?:private\s+|public\s+|registered\s+|underwritten\s+)?(?:offering|issuance|placement|sale)"
    # a Form T-3's cover: "Securities to be Issued under the Indenture to be Qualified"
    r"|\bSecurities\s+to\s+be\s+Issued\s+under\s+the\s+Indenture\b"
    # (a prospectus supplement's "Concurrently with this offering, we intend to offer, subject to market ... conditions")
    r"|\b(?:intends?|plans?|proposes?)\s+to\s+offer\b|\bintention\s+to\s+offer\b|\blaunch(?:es|ed)?\s+(?:of\s+)?(?:a|an|its)?\s*(?:proposed\s+)?(?:private\s+)?offering"
    r"|\bcommenc(?:es|ed|ement\s+of)\s+(?:a|an|its)\s+(?:proposed\s+)?(?:private\s+)?offering"
    # HIVE's "intends to complete a non-brokered private placement"
    r"|\bintends?\s+to\s+(?:complete|close|undertake|conduct)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:private\s+placement|offering|financing)", I,
)
#: The first-person offer of a prospectus (supplement) cover: a final 424(b) supplement states the priced
#: terms ("We are offering $150,000,000 aggregate principal amount of our 1.75% ... notes"); a preliminary
#: one ("Subject to Completion", "Preliminary Prospectus Supplement") is a proposed offering.
PROSPECTUS_OFFER_RE = re.compile(
    r"\b(?:we\s+are|the\s+company\s+is|[A-Z][\w.,&-]*(?:\s+[A-Z][\w.,&-]*){0,3}\s+is)\s+(?:hereby\s+)?offering\s+"
    r"(?:(?:US)?\$|an\s+aggregate|a\s+total)", I,
)
PRELIMINARY_PROSPECTUS_RE = re.compile(
    r"\bsubject\s+to\s+completion\b|\bpreliminary\s+prospectus\b|\binformation\s+in\s+this\s+preliminary\b", I,
)
#: "Announces Pricing of", and an issuer free writing prospectus headed "Final Term Sheet" ("this pricing term sheet")
#: An amendment of an existing instrument ("amended and restated credit agreement", "further amending the
#: Notes", "Fourth Amendment to ... Notes"), not the boilerplate "Securities Act of 1933, as amended".
AMENDMENT_RE = re.compile(r"(?<!\bas\s)\bamend(?:s|ed|ing|ment)?\b(?!\s+(?:and\s+restated\s+)?(?:articles|bylaws|certificate))"
                          # an agreement "to extend the maturity of the notes to December 31, 2027" amends them
                          r"|\bextend(?:s|ed|ing)?\s+the\s+(?:final\s+|stated\s+)?maturity\b"
                          r"|\bmaturity(?:\s+date)?\b[^.;]{0,80}?\b(?:was|has\s+been|have\s+been|will\s+be|is\s+being)\s+extended\b"
                          # "extended the term of the facility through July 15, 2026", "renewed Term Loan 1 over a 1-year term"
                          r"|\b(?:was|were|has\s+been|have\s+been)\s+renewed\b"
                          r"|\bextend(?:s|ed|ing)?\s+the\s+term\s+of\b|\brenew(?:s|ed)\s+(?:the\s+|its\s+)?(?:[\w$.,-]+\s+){0,4}?"
                          r"(?:loans?|facility|notes?|line\s+of\s+credit|\d)\b", I)
PRICED_RE = re.compile(r"\bpric(?:ed|ing)\b(?!\s+(?:of|for)\s+(?:bitcoin|btc|ether|eth|its\s+(?:common|ordinary)))"
                       # the verb ("Prices $500 Million Offering"), not the noun ("closing BTC prices")
                       r"|\bprices\s+(?:its\s+|an?\s+|the\s+|upsized\s+|(?:US)?\$)"
                       r"|\bfinal\s+term\s+sheet\b"
                       # an investor's commitment: "has agreed to make a $150 million investment ... in the form of a
                       # convertible note" fixes the terms before the note is issued
                       r"|\bagreed\s+to\s+(?:make|provide)\s+an?\s+[^.;]{0,40}?\binvestment\b"
                       # a notes offering whose closing has a day ("The offering is expected to close on October 25,
                       # 2024"): its terms are set, so it is priced (a proposed offering has no closing day yet)
                       r"|\b(?:offering|sale\s+of\s+the\s+notes)\s+(?:is|are)\s+expected\s+to\s+(?:close|settle)\s+on\s+"
                       r"(?:or\s+about\s+)?" + MONTH + r"\s+\d{1,2}\b", I)
#: "a $150 million investment in the Company in the form of a convertible note": the note's principal
INVESTMENT_IN_FORM_RE = re.compile(
    r"(?P<money>" + MONEY + r")\s+(?:strategic\s+|equity\s+)?investment\b[^.;$]{0,60}?\bin\s+the\s+form\s+of\s+(?:an?\s+)?"
    r"(?:(?:senior|secured|unsecured|convertible|promissory)\s+){1,3}notes?\b", I)
CLOSED_RE = re.compile(
    r"\b(?:closes|closed|completes|completed|completion\s+of|consummat(?:es|ed|ion\s+of)|closing\s+of"
    r"|entered\s+into|enters\s+into|has\s+entered|secures|obtains|obtained|issued\s+and\s+sold"
    r"|established\s+(?:the|a|an)\b(?=[^.;]{0,80}\b(?:facility|loan|line\s+of\s+credit)\b)"
    r"|(?:has|have|had)\s+(?:secured|closed|completed|obtained|funded|drawn))\b"
    # a results bullet's "Galaxy secured a $1.4 billion project financing facility", an MD&A's "the Company signed a
    # credit facility for up to $300.0 million" (not the adjective of "secured notes")
    r"|\b(?:secured|signed)\s+(?:a|an)\s+(?:[\w$.,-]+\s+){0,6}?(?:facility|loan|line\s+of\s+credit|financing)\b"
    # "Refinanced the Company's $200.0 million ... credit facility through a new facility with FalconX"
    r"|\brefinanc(?:ed|es)\b(?:[^.;]|\.(?=\d)){0,120}?\b(?:through|with|via|into)\s+a\s+new\s+(?:[\w-]+\s+){0,3}?(?:facility|loan|notes?)\b"
    # "With a first financing tranche of US$5.6 million already disbursed"
    r"|\b(?:tranche|loan|advance|draw(?:down)?)\b(?:[^.;]|\.(?=\d)){0,60}?\balready\s+(?:been\s+)?(?:disbursed|drawn|funded|advanced)\b"
    r"|\b(?:issued|sold)\s+(?:an\s+aggregate\s+of\s+)?(?:US)?\$"
    # an 8-K's "entered into a Securities Purchase Agreement ... pursuant to which the Company sold the Investor an unsecured
    # promissory note" / "issued to an institutional accredited investor ... a Senior Convertible Promissory Note" /
    # "received $1,335,000 in exchange for the issuance of" a note: the sale is done (not "agreed to sell")
    r"|\bpursuant\s+to\s+which\s+(?:the\s+Company|we)\s+(?:sold|issued|received)\b"
    # "Cipher raised $1.4 billion in aggregate principal of senior secured notes"; "Notes sold in the Offering"
    r"|(?<!\bbe\s)\braised\s+(?:approximately\s+|about\s+)?(?:US)?\$|\bnotes\s+sold\s+in\s+the\s+offering\b"
    # an 8-K's "the Company issued secured convertible promissory notes to investors", not "will be issued"
    # (a 10-Q's "The Company issued the following convertible notes ... in private offerings")
    r"|(?<!\bbe\s)\b(?:issued|sold)\s+(?:(?:a|an|its|the)\s+)?(?:following\s+)?(?:(?:secured|unsecured|senior|convertible|promissory|subordinated|bridge)\s+){1,4}"
    r"(?:notes?|debentures?)\b", I,
)
#: A closing that is only expected is not a closing.
FUTURE_CLOSE_RE = re.compile(
    r"\b(?:expected|expects|anticipated|anticipates|scheduled|intends|subject)\s+to\s+(?:close|closing|settle|be\s+completed|complete)"
    r"|\bwill\s+close\b|\bexpected\s+closing\b|\bupon\s+(?:the\s+)?closing\b|\bin\s+connection\s+with\s+the\s+closing\b"
    r"|\bprior\s+to\s+(?:the\s+)?closing\b|\bcustomary\s+closing\b|\bclosing\s+conditions\b", I,
)
UPSIZED_RE = re.compile(
    # "the facility size was increased from $5 million to $6.7 million"
    r"\b(?:size|amount|commitments?|capacity)\s+(?:was|were|has\s+been|had\s+been)\s+(?:increased|upsized)\b|"
    r"\bupsiz(?:e|es|ed|ing)\b|\bincreas(?:e|es|ed|ing)\s+(?:the\s+)?(?:aggregate\s+|total\s+|maximum\s+)?(?:size|amount|borrowing\s+capacity|capacity|commitments?)\b"
    r"|\bexercis(?:e|es|ed)\s+(?:in\s+full\s+|in\s+part\s+)?(?:of\s+)?(?:its|their|the)\s+(?:initial\s+purchasers'?\s+|underwriters'?\s+)?(?:option|over-allotment|greenshoe)"
    r"|\b(?:full\s+|partial\s+)?exercise\s+of\s+(?:the\s+|its\s+)?(?:initial\s+purchasers'?\s+|underwriters'?\s+)?(?:option|over-allotment|greenshoe)", I,
)
# "restructures ~$76 Million of Secured Debt": new terms for existing debt
RESTRUCTURED_RE = re.compile(r"\brestructur(?:e|es|ed)\b(?=[^.]{0,60}\b(?:debt|loans?|notes?|facility|indebtedness)\b)", I)
#: Debt cut by an amount, with no instrument named: TeraWulf's "a substantial reduction in our debt of $40 million",
#: Digihost's "has recently reduced its outstanding debt by USD $2M". The register keeps it as "other" debt repaid.
_CUT_WHOSE = r"(?:(?:its|our|the|total|overall|outstanding|company['’]s)\s+){0,3}"
_DEBT_CUT = (r"\b(?:(?:reduc(?:ed|es|ing)|paid\s+down|pays\s+down)\s+" + _CUT_WHOSE + r"(?P<debt>debt)\s+by"
             r"|(?:reduction|paydown|pay-down)\s+(?:in|of)\s+" + _CUT_WHOSE + r"(?P<debt2>debt)\s+(?:of|by))"
             r"\s+(?:(?:approximately|about|roughly|over|more\s+than)\s+)?")
DEBT_CUT_RE = re.compile(_DEBT_CUT + r"(?P<money>" + MONEY + r")", I)
REDEEMED_RE = re.compile(
    r"\bredeem(?:s|ed)?\b|\bredemption\b|\bcall(?:s|ed)?\s+for\s+redemption\b|\brepaid\b|\brepays\b|\brepayment\s+in\s+full\b|\bpaid\s+off\b"
    # "Completes Repayment of Its Senior Secured Term Loan", "has prepaid in full the $32.3 million of ... equipment
    # financing", "Retires NYDIG Equipment Financing"
    r"|\b(?:announc\w*|complet\w*|made|makes|early|full)\s+(?:the\s+)?(?:full\s+|early\s+)?(?:re|pre)payment\s+(?:in\s+full\s+)?of\b|\bprepa(?:id|ys)\b"
    r"|\bretire[sd]?\b(?=[^.;]{0,80}\b(?:loans?|debt|financing|facilit(?:y|ies)|indebtedness)\b)"
    # an asset sale's "The net proceeds from the Transaction were used to first repay the ... outstanding mortgage"
    r"|\b(?:were|was|been)\s+used\s+to\s+(?:first\s+)?(?:re)?pay\b"
    # "Eliminates Remaining $21.8 Million of Secured Debt by Selling ... Site": debt settled (here with assets)
    r"|\b(?:eliminat|extinguish)(?:e|es|ed|ing)?\s+(?:the\s+|its\s+|all\s+)?(?:remaining\s+|outstanding\s+)?"
    r"(?:approximately\s+|about\s+|~)?(?:US)?\$"
    # debt cut by an amount (DEBT_CUT_RE without its groups)
    r"|" + _DEBT_CUT.replace("(?P<debt>", "(?:").replace("(?P<debt2>", "(?:") + r"(?:USD?\s?\$?|U\.S\.\s?\$|\$)\s?\d", I,
)
CONVERTED_RE = re.compile(r"\bconverted\b|(?<!\bupon\s)(?<!\bon\s)\bconversions?\s+of\s+(?:US\$|\$|its|the|approximately|\d)|\binduced\s+conversion", I)
EXCHANGED_RE = re.compile(
    r"\bexchange\s+agreements?\b|\bexchanged\b|(?<!/\s)(?<!/)(?<!\bin\s)\bexchanges?\s+(?:of|for)\b(?!\s+(?:commission|act))|\bexchange\s+offer\b"
    # (a sale's "issued the Notes ... in exchange for $3,000,000 of private financing" is no exchange of debt)
    r"|(?<=\bin\s)exchange\s+for\b(?!\s+(?:(?:approximately|about)\s+)?(?:US)?\$[\d,.]+(?:\s+(?:million|billion))?\s+(?:of\s+)?"
    r"(?:private\s+|gross\s+)?(?:financing|cash|proceeds|funding))"
    r"|\bexchange\s+transactions?\b"
    # Cathedra's "Debt Settlement": debentures "settled ... into 96,439,227 common shares"
    r"|\bdebt\s+settlement\b|\bsettled\b[^.]{0,160}\binto\s+[\d,]+\s+(?:common\s+)?shares\b", I,
)
REPURCHASED_RE = re.compile(r"\brepurchas(?:e|es|ed|ing)\b|\bbuy\s?backs?\b|\bbought\s+back\b", I)
#: Words that make a retirement a plan rather than an event.
INTENT_ONLY_RE = re.compile(
    r"\bmay\s+(?:use|repurchase|redeem|exchange|convert|from)|\bfrom\s+time\s+to\s+time\b|\bcould\b|\bmight\b"
    r"|\bauthoriz(?:es|ed|ation)\b|\bwould\b", I,
)
#: A retirement that happened or is agreed ...
DEFINITIVE_RETIRE_RE = re.compile(
    r"\bentered\s+into\b|\bhas\s+agreed\b|\bagreed\s+to\b|\bcompleted\b|\brepurchased\b"
    r"|\bredeemed\b|\bexchanged\b|\bconverted\b|\bcalled\s+for\s+redemption\b|\bnotice\s+of\s+(?:full\s+)?redemption\b"
    r"|\bannounce[sd]?\s+(?:the\s+)?(?:redemption|repurchase|exchange)|\brepaid\b|\bpaid\s+off\b|\bsettled\b"
    r"|\brepays\b|\bprepa(?:id|ys)\b|\bretire[sd]\b|\b(?:re|pre)payment\b", I,
)
#: ... or wording that is definitive unless hedged by INTENT_ONLY_RE ("may ... in privately negotiated transactions")
LIKELY_RETIRE_RE = re.compile(r"\bprivately\s+negotiated\b|\bconcurrently\s+with\s+the\s+pricing\b|\bwill\s+redeem\b", I)
#: Words before a notes descriptor that mark it as an existing instrument, not the one being offered.
EXISTING_CONTEXT_RE = re.compile(
    r"\b(?:existing|outstanding|previously\s+issued|repurchas\w*|exchang\w*|redeem\w*|redemption|holders\s+of|conver(?:t|ted|sion)\s+of"
    r"|repay\w*|refinanc\w*|retire\w*)\b(?:[^.;]|\.(?=\d)){0,160}$", I,
)

# --- terms --------------------------------------------------------------------------------------
CONVERSION_RATE_RE = re.compile(
    r"(?:conversion|exchange)\s+rate\b[^.;$]{0,80}?(?<![\d.,])(?P<rate>\d{1,3}(?:,\d{3})+(?:\.\d{1,6})?|\d{1,5}\.\d{1,6}|\d{1,5})\s+(?:of\s+)?(?:[A-Za-z]+\s+){0,6}?"
    # the denomination is usually $1,000; a note sold in $250,000 units states its rate per unit
    r"(?:shares|ADSs?|American\s+depositary\s+shares)\b[^.;]{0,80}?per\s+(?:US\s?|U\.S\.\s?)?\$\s?"
    r"(?P<denom>1,000|\d{1,3}(?:,\d{3})+|\d{3,7})(?![\d,])", I,
)
#: "conversion price of approximately $11.00"; exchangeable notes say "exchange price" (and may write
#: "USD $33.34"), so both nouns are read.
CONVERSION_PRICE_RE = re.compile(
    r"(?:conversion|exchange)\s+price\s+(?:(?:of|for)\s+the\s+notes?\s+)?(?:of\s+|is\s+|will\s+be\s+|equal\s+to\s+|equals\s+)?(?:initially\s+)?(?:approximately\s+|about\s+|roughly\s+)?"
    r"(?P<cur>US\s?\$|USD\s?\$|\$)\s?(?P<price>" + NUMBER + r")", I,
)
#: A conversion price reset since issue outranks the one first stated: "the per-share conversion price was adjusted to
#: US$7.3660 from US$0.0632".
ADJUSTED_CONVERSION_PRICE_RE = re.compile(
    r"\bconversion\s+price\s+(?:was|has\s+been|is)\s+(?:adjusted|reset|reduced|lowered|amended|changed)\s+to\s+"
    r"(?P<cur>US\s?\$|USD\s?\$|\$)\s?(?P<price>" + NUMBER + r")", I,
)
#: "The ... Notes are convertible at the option of the holder at a price of $0.85 per share"
CONVERTIBLE_AT_PRICE_RE = re.compile(
    # "is convertible at US$1.40 per share", a promissory note that gives "the holder an option to convert all or any
    # portion of the note into the ordinary shares of Bitdeer at US$0.0632 per share"
    r"\b(?:convertible|option\s+to\s+convert)\b[^.;$]{0,100}?\bat\s+(?:a\s+(?:conversion\s+)?price\s+of\s+)?(?:approximately\s+)?"
    r"(?P<cur>US\s?\$|USD\s?\$|\$)\s?(?P<price>" + NUMBER + r")\s+per\s+share", I,
)
#: A conversion price that belongs to another security the release issues in exchange ("Series C
#: Preferred Stock ... convertible ... at a conversion price of $0.40 per share"), not to the notes.
OTHER_SECURITY_RE = re.compile(r"\bpreferred\s+(?:stock|shares?|units?)\b|\bwarrants?\b", I)
NOTES_WORD_RE = re.compile(r"\bnotes?\b|\bdebentures?\b|\bbonds?\b", I)
PREMIUM_RES = (
    re.compile(r"(?P<pct>" + NUMBER + r")\s?%\s+conversion\s+premium", I),
    re.compile(r"conversion\s+premium\s*:\s*(?:approximately\s+|about\s+)?(?P<pct>" + NUMBER + r")\s?%", I),
    re.compile(r"conversion\s+premium\s+of\s+(?:approximately\s+|about\s+|roughly\s+)?(?P<pct>" + NUMBER + r")\s?%", I),
    re.compile(
        r"conversion\s+(?:price|rate)\b[^;]{0,160}?\bpremium\s+of\s+(?:approximately\s+|about\s+|roughly\s+)?(?P<pct>" + NUMBER + r")\s?%"
        # "The initial conversion price is approximately $24.50 per share, a 32.5% premium over the closing price"
        r"|conversion\s+price\b[^;]{0,160}?\b(?:an?|represents\s+an?|representing\s+an?)\s+(?:approximately\s+|about\s+|roughly\s+)?"
        r"(?P<pct2>" + NUMBER + r")\s?%\s+premium\s+(?:over|to|above)\b", I,
    ),
)
CAP_PRICE_RE = re.compile(
    # ("The cap price of the capped call transactions referred to in the preliminary prospectus that we entered into with
    # the option counterparties will initially be US$27.88 per share")
    r"\bcap\s+price\b[\"']?(?:\s+of\s+the\s+capped\s+call\s+transactions(?:\s+(?:referred\s+to|described)\b[^.;$]{0,120}?)?)?\s+(?:will\s+)?(?:initially\s+)?(?:be\s+|is\s+|of\s+|equal\s+to\s+)?"
    r"(?:initially\s+)?(?:approximately\s+)?(?:US)?\$\s?(?P<price>" + NUMBER + r")", I,
)
#: An amendment's new rate: "the interest rate on the loan was increased from 10% to 12%" (it outranks the rate
#: the instrument's name still carries).
CHANGED_RATE_RE = re.compile(
    r"\binterest\s+rate\b[^.;%]{0,80}?\b(?:increased|decreased|reduced|raised|lowered|amended|changed|reset)\s+"
    r"from\s+" + NUMBER + r"\s?%\s+to\s+(?P<coupon>" + NUMBER + r")\s?%"
    # "the interest rate was increased to 6% per annum"
    # "the interest rate on the line of credit was adjusted to 8.5% per annum"
    r"|\binterest\s+rate\s+(?:(?:on|of|under)\s+(?:the|its)\s+(?:[\w-]+\s+){0,4}?)?(?:was|has\s+been|is)\s+"
    r"(?:increased|decreased|reduced|raised|lowered|amended|changed|reset|adjusted)\s+"
    r"to\s+(?P<coupon2>" + NUMBER + r")\s?%", I)
#: A renewal's rate: "the Company renewed Term Loan 1 over a 1-year term at an interest rate of 4.39%" (the last
#: renewal a note recounts is the rate in force).
RENEWED_RATE_RE = re.compile(
    r"\brenew(?:s|ed)\b[^.;%]{0,100}?\bat\s+(?:an?\s+)?(?:interest\s+)?(?:rate\s+of\s+)?(?P<coupon>" + NUMBER + r")\s?%", I)
COUPON_SENTENCE_RES = (
    CHANGED_RATE_RE,
    re.compile(r"\(\s*(?P<coupon>" + NUMBER + r")\s?%\s+coupon", I),
    re.compile(
        # ("shall bear interest ("Interest") at the rate of five percent (5%) per annum": a defined term may intervene)
        r"\bbear(?:s|ing)?\s+(?:regular\s+|cash\s+)?interest\s+(?:\([^()]{0,40}\)\s+)?(?:at|of)\s+(?:a\s+|an\s+annual\s+|the\s+)?"
        r"(?:fixed\s+)?(?:simple\s+)?(?:rate\s+of\s+)?"
        # "bear interest of twenty percent (20%) per annum"
        r"(?:[a-z]+(?:[- ][a-z]+)?\s+percent\s+\(\s*)?(?P<coupon>" + NUMBER + r")\s?%"
        r"(?:\s+per\s+(?:year|annum))?", I,
    ),
    # not a note's "weighted average interest rate of 9.5%" on balances drawn: that is no contractual coupon
    re.compile(r"(?<!average\s)\binterest\s+rate\s+of\s+(?P<coupon>" + NUMBER + r")\s?(?:%|percent\b)", I),
    # "will accrue interest at a rate of 1.375% per annum", "accrue interest payable semi-annually in arrears at a rate of"
    # a note's own "Interest shall accrue at a rate of 12% per annum"
    re.compile(r"\b(?:accru(?:e|es|ing)\s+(?:regular\s+|cash\s+)?interest(?:\s+(?:daily|monthly|quarterly))?|interest\s+(?:shall|will)\s+accrue)\s+"
               r"(?:payable\s+[^.%$]{0,60}?\s+)?at\s+(?:a|an\s+annual)\s+"
               r"(?:fixed\s+)?rate\s+of\s+(?P<coupon>" + NUMBER + r")\s?%", I),
    # "Loans under the ... Agreement accrue interest at twelve percent (12%) per annum"
    # ("The notes accrue interest at the rate of 8% per annum")
    re.compile(r"\baccru(?:e|es|ing)\s+interest\s+at\s+(?:the\s+rate\s+of\s+)?(?:[a-z]+(?:[- ][a-z]+)?\s+percent\s+\(\s*)?(?P<coupon>"
               + NUMBER + r")\s?%\s*\)?\s+per\s+(?:annum|year)", I),
    # an executed note's "Interest ... shall accrue at the annualized rate of 12.5%"
    re.compile(r"\bshall\s+accrue\s+at\s+(?:the|an?)\s+(?:annualized\s+|annual\s+|fixed\s+)*rate\s+of\s+(?P<coupon>" + NUMBER + r")\s?%", I),
    # a note's definition: "the term "Applicable Interest Rate" means Twelve Percent (12.00%) per annum"
    re.compile(r"\binterest\s+rate[”\"’']?\s+(?:means|shall\s+mean)\s+(?:[a-z]+(?:[- ][a-z]+)?\s+percent\s+\(\s*)?(?P<coupon>" + NUMBER + r")\s?%", I),
    # a loan form's box: "Interest Rate: 1%", "Interest Rate   16.5 % per annum"
    re.compile(r"\binterest\s+rate\s+(?P<coupon>" + NUMBER + r")\s?%\s+per\s+annum", I),
    re.compile(r"\binterest\s+rate\s*:\s*(?P<coupon>" + NUMBER + r")\s?%", I),
    # a release's loan bullets: "Rate: 13 % APR, payable monthly"; a 10-K note's "The interest rate of the Loan
    # Agreement is 0%"
    re.compile(r"(?:^|(?<=[\s*\u2022-]))Rate\s*:\s*(?P<coupon>" + NUMBER + r")\s?%\s*(?:APR\b|per\s+annum\b|annual\b|fixed\b)", I),
    # a loan confirmation's rows: "|Borrower APR" / "|4.5%", "|Borrow Fee Per Annum:" / "|11.5%"
    re.compile(r"(?:^|\|)\s*(?:borrower\s+)?(?:APR|borrow\s+fee\s+per\s+annum|interest\s+rate)\s*:?\s*\|\s*(?P<coupon>" + NUMBER + r")\s?%\s*(?=\||$)", I),
    re.compile(r"\binterest\s+rate\s+(?:of|on|under)\s+the\s+(?:[\w-]+\s+){1,4}?is\s+(?P<coupon>" + NUMBER + r")\s?%", I),
    # "which has a two-year term and 12.5% interest rate"
    re.compile(r"(?P<coupon>" + NUMBER + r")\s?%\s+(?:annual\s+|fixed\s+)?interest\s+rate\b", I),
    re.compile(r"\bcoupon\s+(?:rate\s+)?of\s+(?P<coupon>" + NUMBER + r")\s?(?:%|percent\b)", I),
    # "a $5.7 million note payable with a fixed rate of 8.81%"
    re.compile(r"\bwith\s+an?\s+(?:fixed|annual|stated)\s+(?:interest\s+)?rate\s+of\s+(?P<coupon>" + NUMBER + r")\s?(?:%|percent\b)", I),
    # "The loan is interest bearing at an annual rate of 7.8%", a note "which pays ten percent (10%) interest per annum"
    re.compile(r"\binterest[- ]bearing\s+at\s+(?:an?\s+)?(?:annual\s+|fixed\s+)*rate\s+of\s+(?P<coupon>" + NUMBER + r")\s?%", I),
    re.compile(r"\bpays?\s+(?:[a-z]+(?:[- ][a-z]+)?\s+percent\s+\(\s*)?(?P<coupon>" + NUMBER + r")\s?%\s*\)?\s+"
               r"(?:simple\s+|annual\s+)?interest\b", I),
    # a term-sheet bullet without brackets: "Net proceeds of approximately $534.9 million 3.50% coupon,30% conversion premium"
    re.compile(r"(?<![\d.])(?P<coupon>" + NUMBER + r")\s?%\s+coupon\b", I),
    # an equipment finance note's "The terms of the financing agreement require interest at 17% per annum"
    re.compile(r"\b(?:requires?|charges?|carr(?:y|ies))\s+interest\s+at\s+(?:the\s+rate\s+of\s+|a\s+rate\s+of\s+)?(?P<coupon>"
               + NUMBER + r")\s?%\s+per\s+(?:annum|year)", I),
    # "raised $1.4 billion in aggregate principal of senior secured notes at 7.125%" (not "at 98% of par")
    re.compile(r"\b(?:notes|debentures|bonds)\s+at\s+(?:an?\s+(?:annual\s+|fixed\s+)?(?:interest\s+)?rate\s+of\s+)?(?P<coupon>"
               + NUMBER + r")\s?%(?!\s*(?:of\b|premium\b|discount\b))", I),
)
#: The principal an executed loan document states for itself: a note's promise ("promises to pay to the order of ... the
#: principal sum of $1,000,000", "the principal amount of TWELVE MILLION FIVE HUNDRED THOUSAND and 00/100 U.S. DOLLARS
#: ($12,500,000.00 USD)", "the principal amount of ($531,169.00) Dollars"), or an equipment finance agreement's
#: disclosure box ("Total Amount to be Advanced by Lender in U.S. Dollars: (the "Loan") $ 1,056,000").
#: An executed agreement's cover page: an upper-case title, then "Dated as of" (prose cites "the Credit Agreement
#: dated as of ...", never in capitals).
_AGREEMENT_COVER = r"(?-i:(?:[A-Z][A-Z-]*\s+){0,6}AGREEMENT)\s+(?-i:Dated|DATED)\s+(?:as\s+of|AS\s+OF)\b"
EXECUTED_PRINCIPAL_RE = re.compile(
    # (a period only ends the sentence before a capitalised word: "ELECTRIC CO. (the", "U.S. DOLLARS" do not)
    r"\bpromises?\s+to\s+pay\b(?:[^.]|\.(?!\s+(?-i:[A-Z][a-z]))){0,300}?\bthe\s+(?:original\s+|aggregate\s+)?principal\s+"
    r"(?:sum|amount)\s+of\s+(?:(?:[^$;.]|\.(?!\s+(?-i:[A-Z][a-z]))){0,120}?\(\s*)?(?P<money>" + MONEY + r")"
    r"|\bamount\s+to\s+be\s+advanced\s+by\s+(?:the\s+)?lender\b[^$;]{0,80}?(?P<money2>" + MONEY + r")"
    # a credit agreement's cover: "U.S.$100,000,000 / CREDIT AGREEMENT / Dated as of April 22, 2025"
    r"|(?P<money3>" + MONEY + r")\s+" + _AGREEMENT_COVER, I)
ZERO_COUPON_RE = re.compile(r"\bzero[- ]coupon\b|\bbears?\s+no\s+(?:regular\s+)?interest\b|\bwill\s+not\s+bear\s+regular\s+interest\b|\bdo\s+not\s+bear\s+regular\s+interest\b", I)
FLOATING_RE = re.compile(r"\b(?:SOFR|LIBOR|prime\s+rate|base\s+rate|benchmark|federal\s+funds|EURIBOR|floating|variable\s+(?:interest\s+)?rate|reference\s+rate"
                         r"|secured\s+overnight\s+financing\s+rate)\b", I)
INTEREST_CUE_RE = re.compile(r"\binterest\b|\bcoupon\b|\bmargin\b", I)
_ANY_DATE = r"(?:" + MONTH + r"\s+\d{1,2},?\s+(?:19|20)\d{2}|\d{1,2}\s+" + MONTH + r"\s+(?:19|20)\d{2})"
#: An amendment's new maturity (it outranks the year in the instrument's name).
EXTENDED_MATURITY_RES = (
    # an amendment's new maturity: "to extend the maturity date of its ... loan from June 30, 2025 to December 31, 2026"
    re.compile(r"\bextend(?:s|ed|ing)?\s+the\s+(?:final\s+|stated\s+)?maturity(?:\s+date)?\b(?:[^.;]|\.(?=\d)){0,120}?"
               r"(?:\bfrom\s+" + _ANY_DATE + r"\s+)?\bto\s+" + DATE, I),
    # a revolving facility's "extended the term of the facility through July 15, 2026"
    re.compile(r"\bextend(?:s|ed|ing)?\s+the\s+term\s+of\s+(?:the\s+|its\s+)?(?:[\w$.,-]+\s+){0,5}?(?:facility|loans?|agreement|notes?)\s+"
               r"(?:through|to|until)\s+" + DATE, I),
    re.compile(r"\bmaturity(?:\s+date)?\b(?:[^.;]|\.(?=\d)){0,80}?\b(?:was|has\s+been|is\s+being|will\s+be)\s+extended\s+"
               # "has been extended by an additional 12 months to November 11, 2025"
               r"(?:by\s+[^.;]{1,30}?\s+)?(?:from\s+" + _ANY_DATE + r"\s+)?to\s+" + DATE, I),
)
MATURITY_RES = (
    *EXTENDED_MATURITY_RES,
    # "matures on the earliest of (i) the date of acceleration, (ii) February 1, 2026, if ..., or (iii) September 9,
    # 2027": the last of the list is the date the note runs to unless something cuts it short
    re.compile(r"\bmatur(?:e|es|ity)\b[^.;]{0,30}?\bearliest\s+of\b(?:[^.;]|\.(?=\d)){0,400}?\bor\s+\((?:[ivx]+|[a-z])\)\s+" + DATE, I),
    re.compile(r"\bmatur(?:e|es|ed|ing)\s+(?:on\s+)?" + DATE, I),
    re.compile(r"\bmaturity\s+date\s+(?:of|is|will\s+be)\s+" + DATE, I),
    # a filing note's "The maturity date of the Term Loan is December 1, 2024"
    re.compile(r"\bmaturity\s+date\s+of\s+(?:the\s+|its\s+)?(?:[\w$.,-]+\s+){1,5}?(?:is|was|will\s+be)\s+" + DATE, I),
    re.compile(r"\bdue\s+on\s+" + DATE, I),
    # "due and payable in full on the earliest date to occur of: (i) March 5, 2025; (ii) an Acceleration Event ...": the
    # one date among events
    re.compile(r"\bdue\s+and\s+payable\s+(?:in\s+full\s+)?on\s+the\s+earli(?:er|est)\s+(?:date\s+)?(?:to\s+occur\s+)?of\s*:?\s*"
               r"\((?:i|a|1)\)\s+" + DATE + r"\s*[;,]\s*(?:and\s+|or\s+)?\((?:ii|b|2)\)\s+(?:an?|the)\s+(?-i:[A-Z])", I),
    # a loan note's "repayable on June 30, 2026", "shall be due and payable in full on or before March 1, 2027"
    re.compile(r"\b(?:repayable|due\s+and\s+payable)\s+(?:in\s+full\s+)?(?:on\s+or\s+before|on|by)\s+" + DATE, I),
    re.compile(r"\bmatur(?:e|es|ing)\s+in\s+(?P<mon3>" + MONTH + r")\s+(?P<year3>(?:19|20)\d{2})", I),
    # "matures in 2031": the year alone
    re.compile(r"\bmatur(?:e|es|ing)\s+in\s+(?P<year3>(?:19|20)\d{2})\b", I),
    # an equipment financing "payable in 24 equal monthly installments through January 2026": its last instalment
    re.compile(r"\binstall?ments\b[^.;]{0,40}?\b(?:through|until|ending)\s+(?:in\s+|on\s+)?"
               r"(?:(?P<mon3>" + MONTH + r")\s+(?:\d{1,2},?\s+)?)?(?P<year3>(?:19|20)\d{2})\b", I),
    # "with a maturity in 2030", "scheduled to mature in June 2024" is above
    re.compile(r"\bmaturity\s+(?:date\s+)?in\s+(?P<year3>(?:19|20)\d{2})\b", I),
    # a revolving facility's term sheet: "Initial Term: Termination is on August 5, 2024."
    re.compile(r"\btermination\s+(?:date\s+)?(?:is|will\s+be|shall\s+be)\s+(?:on\s+)?" + DATE, I),
    # a pricing term sheet's "Maturity: March 15, 2032", also as a table row "Maturity: | October 1, 2030"
    re.compile(r"\bmaturity(?:\s+date)?\s*:\s*(?:\|\s*)?" + DATE, I),
    # a note's defined term: "payable ... on or before August 6, 2026 (the "Maturity Date")"
    re.compile(DATE + r"\s*\(\s*(?:the\s+)?[\"\u201c\u2018']Maturity\s+Date[\"\u201d\u2019']", I),
)
#: A tack-on issue under an existing indenture: "the issuance ... of an additional $333,000,000 aggregate principal
#: amount of 7.125% Senior Secured Notes due 2030 (the "New Notes")". The additional notes are the issue, no option.
ADD_ON_NOTES_RE = re.compile(
    r"\bissu(?:ance|e|ed|ing)\b(?:[^.;$]|\.(?=\d)){0,120}?\bof\s+an\s+additional\s+(?P<money>" + MONEY + r")\s+(?:in\s+)?"
    r"(?:aggregate\s+)?principal\s+amount\s+of\b(?:[^.;]|\.(?=\d)){0,120}?\(\s*(?:the\s+)?[\"\u201c](?:New|Additional)\s+Notes[\"\u201d]", I)
OPTION_RES = (
    # a loan's accordion: "an accordion feature that allows for up to an additional $75 million of borrowings"
    re.compile(r"\baccordion\b[^.;$]{0,120}?\b(?:up\s+to\s+)?(?:an\s+)?additional\s+(?P<money>" + MONEY + r")", I),
    # "option to purchase ... up to an additional $X", also with a clause between the option and its verb:
    # "an option, which is exercisable within 30 days ..., to purchase up to an additional $X"
    re.compile(
        r"\boption\b(?:,[^.;$]{0,160}?,)?\s+to\s+(?:purchase|buy)\b[^.;$]{0,140}?\b(?:up\s+to\s+)?(?:an\s+)?additional\s+"
        r"(?P<money>" + MONEY + r")", I,
    ),
    re.compile(r"\b(?:up\s+to\s+)?an\s+additional\s+(?P<money>" + MONEY + r")\s+(?:in\s+)?(?:aggregate\s+principal\s+amount|of\s+(?:the\s+)?notes|principal)", I),
    re.compile(r"(?:over-allotment|greenshoe)\s+option\b[^.;$]{0,80}?(?P<money>" + MONEY + r")", I),
    # "upsized from $450 million to $500 million, plus $50 million greenshoe"
    re.compile(r"(?P<money>" + MONEY + r")\s+(?:greenshoe|over-?allotment)\b", I),
    # an investor's right to more notes: "the Buyer may elect to purchase additional senior secured convertible
    # note ... in an aggregate principal amount [that] shall not exceed $18,000,000 in such additional closings"
    re.compile(r"\b(?:may\s+elect|(?:has|have|shall\s+have)\s+the\s+(?:right|option)|is\s+entitled)\s+to\s+purchase\s+"
               r"(?:up\s+to\s+)?additional\b[^.;$]{0,160}?\b(?:not\s+(?:to\s+)?ex\w{3,5}d|up\s+to|of)\s+(?P<money>" + MONEY + r")", I),
    # a term sheet row: "Underwriters' Option: $6,000,000"
    re.compile(r"\b(?:underwriters|initial\s+purchasers)['\u2019]?\s+option\s*:\s*(?P<money>" + MONEY + r")", I),
    # a closing that includes the exercised option: "which includes $88 million ... upon the full exercise"
    # "which includes $50 million aggregate principal amount of notes issued pursuant to an option to purchase",
    # "including $45 million of additional notes sold upon the full exercise of the option"
    re.compile(
        r"\b(?:includ(?:e|es|ed|ing)|inclusive\s+of)\s+(?:approximately\s+)?(?P<money>" + MONEY + r")\s+(?:in\s+)?(?:(?:aggregate\s+)?principal\s+amount\s+)?"
        r"(?:of\s+(?:the\s+)?(?:additional\s+)?(?:[\w%.-]+\s+){0,4}?notes\s+)?"
        r"(?:that\s+were\s+|which\s+were\s+)?(?:issued|sold|purchased)?\s*"
        # "... sold to the initial purchasers by the Company as a result of the initial purchasers' exercise"
        r"(?:to\s+the\s+(?:initial\s+purchasers|underwriters)\s+)?(?:by\s+the\s+company\s+)?"
        r"(?:upon|pursuant\s+to|from|following|under|in\s+connection\s+with|as\s+a\s+result\s+of)\s+(?:the\s+|an\s+|its\s+|their\s+)?"
        r"(?:initial\s+purchasers'?\s+|underwriters'?\s+)?(?:full\s+|partial\s+)?(?:exercise|option|over-?allotment|greenshoe)", I,
    ),
    # a closing that names the exercised option by its amount: "which includes the exercise in full of the
    # $88 million option granted to the initial purchasers"
    re.compile(
        r"\bexercise\s+(?:in\s+full\s+|in\s+part\s+)?of\s+(?:the\s+|its\s+|their\s+)?(?P<money>" + MONEY + r")\s+"
        r"(?:(?:additional\s+notes\s+)?option|over-?allotment|greenshoe)\b", I,
    ),
    # "$300 million greenshoe fully exercised", "the $45 million over-allotment option was exercised in full"
    re.compile(
        r"(?P<money>" + MONEY + r")\s+(?:greenshoe|over-?allotment)(?:\s+option)?\s+(?:was\s+|has\s+been\s+|were\s+)?"
        r"(?:fully\s+|partially\s+)?exercised", I,
    ),
)
#: "increased the commitments under the facility from $100 million to $200 million"
FROM_TO_RE = re.compile(
    r"\bfrom\s+(?P<from_money>" + MONEY + r")\s+to\s+(?P<money>" + MONEY + r")"
    # "upsized its credit facility ... to $300 million from $200 million"
    r"|\bto\s+(?P<money2>" + MONEY + r")\s+from\s+(?P<from_money2>" + MONEY + r")", I)
#: "upsized from $450 million to $500 million": the new size
UPSIZED_TO_RE = re.compile(r"\b(?:upsized|increased)\s+from\s+" + MONEY + r"\s*to\s*(?P<money>" + MONEY + r")", I)
#: "bringing the total aggregate principal amount of the offering to $650 million"
NEW_TOTAL_RE = re.compile(
    r"\b(?:bringing|increasing|raising|taking)\s+the\s+(?:total\s+)?(?:aggregate\s+principal\s+amount|offering\s+size|size)\s+"
    r"(?:of\s+(?:the\s+)?(?:offering|notes)\s+)?to\s+(?:approximately\s+)?(?P<money>" + MONEY + r")"
    # a filing note: "this credit facility was upsized to a total commitment of $200.0 million"
    r"|\b(?:was|were|has\s+been|had\s+been)\s+(?:subsequently\s+)?upsized\s+to\s+(?:a\s+total\s+(?:commitment|capacity|"
    r"borrowing\s+capacity)\s+of\s+|an?\s+(?:aggregate\s+)?(?:principal\s+amount|commitment)\s+of\s+)?(?P<money2>" + MONEY + r")"
    r"|\b(?:we|the\s+Company)\s+(?:subsequently\s+)?(?:upsized|increased)\s+(?:it\s+)?to\s+(?P<money3>" + MONEY + r")"
    # an amendment "to expand the availability of borrowings to $200,000"
    r"|\b(?:expand|increase|rais)(?:e|es|ed|ing)?\s+the\s+(?:availability\s+of\s+borrowings|credit\s+limit|borrowing\s+(?:capacity|limit|base)"
    r"|(?:total\s+|aggregate\s+)?commitments?|maximum\s+(?:loan\s+|principal\s+)?amount)\s+(?:under\s+[^$.;]{0,40}?)?to\s+"
    r"(?:approximately\s+|up\s+to\s+)?(?P<money4>" + MONEY + r")", I,
)
#: A filing note's later sentence: "On May 20, 2025, this credit facility was upsized to ...": the facility it entered
#: into grew since (the note's event is the upsizing).
UPSIZED_LATER_RE = re.compile(
    r"\b(?:this|the|such)\s+(?:[\w$.-]+\s+){0,3}?(?:facility|agreement|loan)\s+(?:was|has\s+been)\s+(?:subsequently\s+)?"
    r"(?:upsized|increased)\s+to\b"
    # a prospectus definition: "the financing facility that we entered into in January 2025 ... and which in September
    # 2025, we increased to US$26.0 million"
    r"|\b(?:we|the\s+Company)\s+(?:subsequently\s+)?(?:upsized|increased)\s+(?:it\s+)?to\s+(?=(?:US|U\.S\.)?\$)", I)
OPTION_EXERCISED_RE = re.compile(
    r"\b(?:fully|partially)\s+exercised\b|\bexercised\s+(?:in\s+full|in\s+part|(?:its|their)\s+option)|\b(?:full|partial)\s+exercise\s+of\b|\bexercise\s+in\s+full\b"
    r"|\bpursuant\s+to\s+the\s+exercise\b|\bupon\s+exercise\s+in\s+full\b", I,
)
INCLUDES_OPTION_RE = re.compile(r"\b(?:which\s+)?includ(?:es|ed|ing)\b[^.;]{0,200}?\b(?:option|exercise|additional|greenshoe|over-?allotment)\b", I)
UPSIZED_FROM_RES = (
    re.compile(r"\b(?:upsized|increased)\s+from\s+(?:the\s+)?(?:previously\s+announced\s+)?(?:offering\s+(?:size\s+)?of\s+)?(?P<money>" + MONEY + r")", I),
    re.compile(r"\bfrom\s+(?:the\s+)?previously\s+announced\s+(?:offering\s+(?:size\s+)?of\s+)?(?P<money>" + MONEY + r")", I),
    re.compile(r"\bincrease\s+of\s+(?P<delta>" + MONEY + r")\s+from\s+the\s+previously\s+announced", I),
)
#: "net proceeds from the offering will be approximately $856.5 million", "net proceeds of approximately $X",
#: "The net proceeds from the sale of the notes were approximately $634.9 million" - but not "use $18.3 million
#: of the net proceeds to repurchase approximately $19.4 million" (a repurchase amount, not the proceeds).
NET_PROCEEDS_RE = re.compile(
    r"\bnet\s+proceeds\b"
    r"(?:\s+(?:from|of)\s+(?:the\s+|this\s+)?(?:offering|sale|issuance)(?:\s+of\s+(?:the\s+)?notes)?|\s+to\s+(?:the\s+)?(?-i:[A-Z])[\w.&-]*){0,2}"
    r"\s+(?:(?:will|would|are|is|were|was|can|could|should|may)\s+)?"
    r"(?:(?:likely|expected\s+to|estimated\s+to|anticipated\s+to)\s+)?(?:be\s+|total\s+|totaled\s+|of\s+|amount(?:ed)?\s+to\s+)?"
    r"(?:(?:approximately|roughly|about|around)\s+)?(?P<money>" + MONEY + r")", I,
)
USE_OF_PROCEEDS_RE = re.compile(
    r"\b(?:intends?|expects?|plans?|anticipates?|will)\s+(?:to\s+)?(?:use|invest|apply|allocate|make\s+use\s+of)\b[^.]*\bproceeds\b"
    r"|\bproceeds\b[^.]{0,80}\b(?:will|are\s+expected\s+to|were)\s+(?:be\s+)?used\b"
    r"|\b(?:used|use)\s+(?:a\s+portion\s+of\s+|the\s+remainder\s+of\s+|the\s+remaining\s+)?(?:the\s+)?net\s+proceeds\b"
    r"|\b(?:intends?|expects?|plans?)\s+to\s+use\s+(?:the\s+)?borrowings\s+under\b", I,
)
#: "has a term of 364 days": a tenor without a maturity date
TERM_LENGTH_RE = re.compile(r"\b(?:a|an\s+initial)\s+term\s+of\s+(?:\d+|one|two|three|four|five)\s+(?:days|months|years?)\b", I)
SECURED_TRUE_RE = re.compile(
    r"\bsecured\s+by\b|\bcollateralized\s+by\b|\bsecured\s+on\s+a\s+(?:first|second)|\bfirst[- ]priority\s+(?:lien|security)\b"
    r"|\bsenior\s+secured\s+obligations\b|\bbacked\s+by\b"
    # a filing note's collateral: "transfer certain amounts of its BTC to the Lender as collateral", "pledged 330
    # Bitcoins as collateral", "The loan is secured against the Company's digital currency assets", "pledged as
    # security $50.0 million in cash collateral" (not a retired loan's rigs that "served as collateral")
    r"|(?<!served\s)(?<!serve\s)(?<!serves\s)\bas\s+collateral\b|\bsecured\s+against\b|\bpledged\s+as\s+security\b"
    # cash a borrower puts up: "funded the entire $50.0 million amount of the Revolving Facility as security into a
    # control account maintained by the lender"
    r"|\bas\s+security\s+(?:into|in)\s+a\s+(?:[\w-]+\s+){0,2}account\b"
    # "the monetary value of the cryptocurrency collateral the Company posted at the lender-designated wallets"
    r"|\bcollateral\s+(?:that\s+)?(?:the\s+Company|we)\s+(?:has\s+|have\s+)?posted\b", I,
)
#: A loan confirmation's collateral row: "|Total Collateral Amount" / "|1504 BTC", "|Type Collateral:" / "|BTC".
COLLATERAL_ROW_RE = re.compile(r"(?:^|\|)\s*(?:(?:total|initial)\s+)?(?:collateral\s+(?:amount|type)|type\s+collateral)\s*:?\s*\|\s*"
                               r"(?:[\d,.]+\s*)?(?:BTC|bitcoins?|ETH)\s*(?=\||$)", I)
#: A retired loan's collateral: "to return approximately 26,000 Bitcoin mining rigs that served as collateral under
#: equipment financing agreements" (read only for a retirement: a new facility's release may recall old ones).
SERVED_AS_COLLATERAL_RE = re.compile(r"\b(?:served|serve|serves)\s+as\s+collateral\b", I)
#: The principal a loan retirement settles: "in exchange for the satisfaction of $37,928,768.53 total outstanding
#: principal", "to eliminate approximately $67 million in principal amount of debt outstanding".
RETIRED_LOAN_AMOUNT_RE = re.compile(
    # "repaid in full the outstanding $42.5 million balance of its term loan"
    r"\b(?:satisf\w*|extinguish\w*|eliminat\w*|repay\w*|repaid|settle\w*)\s+(?:in\s+full\s+)?(?:of\s+)?(?:the\s+)?"
    r"(?:(?:remaining|outstanding)\s+)*"
    r"(?:approximately\s+|about\s+)?(?P<money>" + MONEY + r")\s+(?:in\s+|of\s+)?(?:total\s+)?(?:outstanding\s+)?"
    r"(?:principal|debt|indebtedness|balance|outstanding\s+(?:under|on)|owed)\b"
    # "repaid in full the outstanding balance of $300,000 on the equipment loan"
    r"|\b(?:repaid|repay\w*|paid\s+off)\s+(?:in\s+full\s+)?the\s+(?:remaining\s+|outstanding\s+)+(?:principal\s+)?balance\s+of\s+"
    r"(?:approximately\s+)?(?P<money2>" + MONEY + r")", I)
ADDITIONAL_LOAN_RE = re.compile(
    r"\b(?:obtained|received|borrowed|drew|draws|was\s+made|made)\s+an?\s+(?:additional|incremental|new)\s+(?:term\s+)?loan\b", I)
LOANS_UP_TO_RE = re.compile(
    r"\b(?:make|extend|provide|advance)\s+(?:(?:one\s+or\s+more|certain)\s+)?(?:term\s+)?(?:loans?|advances)\b[^.;$]{0,80}?"
    r"\b(?:(?:aggregate|maximum|total)\s+)?(?:principal\s+)?amount\s+(?:of\s+)?(?:up\s+to\s+)?(?P<money>" + MONEY + r")"
    r"|\bborrow\s+up\s+to\s+(?:an\s+aggregate\s+of\s+)?(?P<money2>" + MONEY + r")"
    # an agreement's own words: "Lender is willing to lend Borrower up to $16,000,000.00", "Trinity shall provide
    # equipment financing in the aggregate principal amount of $35,000,000", a note's "the principal sum of Five
    # Million and 00/100 Dollars ($5,000,000.00)", "hereby acknowledges the receipt of $2,700,000.00"
    r"|\blend\s+(?:[\w-]+\s+){0,2}?up\s+to\s+(?P<money3>" + MONEY + r")"
    r"|\b(?:provide|extend)\s+(?:[\w-]+\s+){0,2}?financing\s+in\s+(?:the|an)\s+(?:aggregate\s+)?(?:principal\s+)?amount\s+of\s+"
    r"(?:up\s+to\s+)?(?P<money4>" + MONEY + r")"
    r"|\bprincipal\s+sum\s+of\s+(?:\(\s*[a-z1-9]\s*\)\s*|[^($.;]{0,80}?\(\s*)?(?P<money5>" + MONEY + r")"
    r"|\backnowledges\s+the\s+receipt\s+of\s+(?P<money6>" + MONEY + r")"
    # a commitment letter's "for an aggregate loan not to exceed $60.0 million"
    r"|\baggregate\s+loans?\s+(?:amount\s+)?not\s+to\s+exceed\s+(?P<money7>" + MONEY + r")"
    # a filing note's "Celsius Mining LLC loaned Luna Squares LLC a principal amount of $20 million", an amendment's
    # "totaling $12,622,816 of additional borrowing capacity"
    r"|\bloaned\s+(?:[\w.&,-]+\s+){1,6}?(?:a|the)\s+(?:total\s+|aggregate\s+)?principal\s+amount\s+of\s+(?P<money8>" + MONEY + r")"
    r"|(?P<money9>" + MONEY + r")\s+(?:of|in)\s+additional\s+borrowing\s+capacity\b"
    # a lender's side letter: "the Borrower is currently approved to borrow an indicative maximum Loan Amount of
    # USD300,000,000"
    r"|\bborrow\s+(?:an?\s+)?(?:indicative\s+)?maximum\s+(?:loan\s+)?amount\s+of\s+(?P<money10>" + MONEY + r")"
    # a line of credit that "provides for loans of up to $1,000,000 at the request of the Company"
    # ("The Master Agreement provided for up to approximately $14.4 million in total equipment financing")
    r"|\bprovide[sd]?\s+for\s+(?:(?:term\s+)?(?:loans?|advances|borrowings)\s+(?:in\s+an\s+aggregate\s+(?:principal\s+)?amount\s+)?"
    r"(?:of\s+)?)?up\s+to\s+(?:approximately\s+)?(?P<money11>" + MONEY + r")", I)
LOANS_UP_TO_GROUPS = ("money", "money2", "money3", "money4", "money5", "money6", "money7", "money8", "money9", "money10",
                      "money11")
#: A lender's commitment to lend later: the loan is proposed, not entered into ("entered into a commitment letter
#: ... to provide for committed financing").
COMMITMENT_LETTER_RE = re.compile(r"\bcommitment\s+letter\b", I)
#: Lenders who "agreed to provide commitments for" a facility have not lent yet: the facility is proposed.
COMMITTED_TO_PROVIDE_RE = re.compile(
    r"\b(?:has|have)\s+agreed\s+to\s+provide\s+commitments\s+for\b"
    # "Cypress Hills Partners Inc. ... has agreed to provide LUXX Mining Division with a senior secured loan facility",
    # whose terms "will include" what is still to be signed
    r"|\b(?:has|have)\s+agreed\s+to\s+provide\s+(?:[\w.-]+\s+){0,4}?with\s+an?\s+(?:[\w-]+\s+){0,3}?(?:loan|credit)\s+facility\b", I)
#: Debt cut by a settlement: "The $75.8 million in debt previously outstanding ... was reduced by $58.5 million".
REDUCED_BY_RE = re.compile(r"\b(?:debt|indebtedness|principal|balance)\b(?:[^.;]|\.(?=\d)){0,120}?\bwas\s+reduced\s+by\s+(?P<money>" + MONEY + r")", I)
#: The document is the executed agreement or note itself (an 8-K's EX-10.1 or EX-4.1): "This Loan Agreement,
#: made this 28th day of February, 2024", "THIS PROMISSORY NOTE ... dated this 6th day of July 2021", "promises
#: to pay to the order of".
EXECUTED_INSTRUMENT_RE = re.compile(
    r"\bthis\s+(?:[\w-]+\s+){0,5}?(?:agreement|note)\b(?:\s*\([^)]{0,60}\))?,?\s+(?:is\s+)?(?:made|entered\s+into|dated)\b"
    r"|\bpromises?\s+to\s+pay\b|\bhereby\s+acknowledges\s+the\s+receipt\s+of\b|\bamount\s+to\s+be\s+advanced\s+by\s+(?:the\s+)?lender\b"
    r"|" + _AGREEMENT_COVER, I)
SECURED_FALSE_RE = re.compile(r"\bunsecured\s+obligations\b|\bsenior,?\s+unsecured\b|\bunsecured\b|\bnon-?secured\b"
                              # "No security was granted by CCU on any of its assets in connection with the ... Loan Agreements"
                              r"|\bno\s+(?:security|collateral)\s+(?:interest\s+)?(?:was|has\s+been|is|were)\s+(?:granted|given|pledged|provided)\b", I)
ALL_OUTSTANDING_RE = re.compile(
    r"\ball\s+(?:of\s+)?(?:its|the)?\s*(?:" + MONEY + r"\s+(?:of\s+)?)?(?:remaining\s+|then\s+)?outstanding\b|\bin\s+full\b", I)
CONSIDERATION_RE = re.compile(
    r"\bfor\s+(?:an\s+aggregate\s+(?:cash\s+)?(?:purchase\s+price|consideration)\s+of\s+)?(?:approximately\s+)?(?P<money>" + MONEY + r")\s+(?:in\s+cash|of\s+cash|in\s+aggregate|aggregate)"
    # "for an aggregate cash purchase price of approximately $195 million"
    r"|\bfor\s+(?:an\s+)?aggregate\s+(?:cash\s+)?(?:purchase\s+price|consideration)\s+of\s+(?:approximately\s+)?(?P<money2>" + MONEY + r")", I,
)

# --- document furniture -----------------------------------------------------------------------
_WIRE = r"(?:GLOBE\s*NEWSWIRE|BUSINESS\s*WIRE|PR\s*Newswire|ACCESSWIRE|ACCESS\s*Newswire|Newsfile|MARKETWIRED|CNW|EQS)"
#: "Oct. 09, 2025 (GLOBE NEWSWIRE)", "Dec. 10, 2024 /PRNewswire/", and Business Wire's
#: "AUSTIN, Texas--(BUSINESS WIRE)--Dec. 03, 2024--" with the date after the wire.
DATELINE_RE = re.compile(
    DATE + r"\s*(?:\(|/|--|-|\u2014|\s+\()\s*" + _WIRE + r"\s*[)/]?"
    r"|\(?" + _WIRE + r"\s*\)?\s*(?:--|-|\u2014)\s*(?P<mon4>" + MONTH + r")\s+(?P<day4>\d{1,2}),?\s+(?P<year4>(?:19|20)\d{2})",
    I,
)
#: "Fort Lauderdale, FL, Aug. 14, 2024", and the dashed form "FORT LAUDERDALE, FL -November 15, 2021-"
DATELINE_LOOSE_RE = re.compile(r"^[A-Z][A-Za-z .,']{1,60}(?:,\s+|\s*-\s*)" + DATE + r"\b", I)
DATE_OF_REPORT_RE = re.compile(r"Date\s+of\s+Report\s*\(Date\s+of\s+earliest\s+event\s+reported\)\s*:?\s*" + DATE, I)
ITEM_RE = re.compile(r"\bItem\s+(?P<item>[1-9]\.\d{2})\b", I)
DEBT_VOCAB_RE = re.compile(
    r"\bnotes?\s+due\b|\b(?:acquired|assumed|issued)\s+an?\s+\$[\d.,]+\s*(?:million|billion)?\s+notes?\s+payable\b|"
    # BitMine's "HASHRATE SALE AGREEMENT AND LOAN" note: "we had a loan payable of $685,461 due to Luxor"
    r"\bloans?\s+payable\s+of\s+\$|\bconvertible\b|\bsenior\s+(?:secured\s+)?notes\b|\bdebentures\b|\bterm\s+loan|\bcredit\s+(?:facility|agreement)"
    r"|\bloan\s+(?:facility|agreement)|\bconversion\s+(?:rate|premium)\b|\bcapped\s+calls?\b|\bprincipal\s+amount\b|\bindenture\b|\bline\s+of\s+credit\b"
    r"|\bbitcoin[- ]backed\b|\basset[- ]backed\s+loan|\bequipment\s+(?:financing|loan)|\bpromissory\s+notes?\b"
    r"|\b(?:secured|unsecured)\s+loan|\b(?:million|billion)\s+(?:[A-Z][\w.&-]*\s+)?loan\b|\bdebentures\b"
    r"|\bdebt\s+facility\b|\b(?:million|billion)\s+of\s+secured\s+debt\b|\bcredit\s+and\s+security\s+agreement\b"
    r"|\brevolving\s+credit\b|\bfinancing\s+facility\b|\bproject\s+financing\b|\bconstruction\s+loan\b"
    r"|\bbridge\s+loan\b|\blending\s+facility\b|\bmortgage\b|\bloan\s+notes?\b|\bdebt\s+settlement\s+agreement\b"
    r"|(?-i:\bRLOC\b)|\bequipment\s+financ\w+\s+(?:and\s+security\s+)?agreement|\bMEFAs?\b|\bcommitment\s+letter\b"
    r"|\bmaster\s+loan\b|\bloan\s+and\s+pledge\s+agreements?\b|\bdebtor[- ]in[- ]possession\b|\bnotes?\s+payable\s+agreements?\b"
    # BitMine's "LOC Agreement with IDI"; Cango's "a mining machine loan bearing interest at 10% per annum"
    r"|(?-i:\bLOC\b)(?:\s+agreement)?\b|\bloans?\s+(?:bearing|which\s+bears|that\s+bears)\s+interest\b"
    r"|" + _DEBT_CUT.replace("(?P<debt>", "(?:").replace("(?P<debt2>", "(?:") + r"(?:USD?|U\.S\.|\$)", I,
)

#: A delayed-draw loan's committed amount beside its accordion: "a $125 million initial commitment",
#: "commitments that total $125 million at close ("Initial Commitments")".
INITIAL_COMMITMENT_RE = re.compile(
    r"(?P<money>" + MONEY + r")\s+(?:in\s+)?initial\s+commitments?\b"
    r"|\binitial\s+commitments?\s+(?:of|totall?ing)\s+(?P<money2>" + MONEY + r")"
    r"|\bcommitments\s+that\s+total\s+(?P<money3>" + MONEY + r")", I)
#: Repaid principal that cannot be drawn again: a term loan, however the release names the facility.
NOT_REBORROWABLE_RE = re.compile(
    r"\b(?:will\s+not|may\s+not|cannot|can\s+not|shall\s+not)\s+be\s+(?:available\s+for\s+)?re-?borrow(?:ed|ing)\b"
    r"|\bnon-?revolving\b", I)
