"""Debt releases beyond a single pricing: proposed offerings, closings, option exercises, two-tranche
pricings, repurchases and exchanges, conversions after a clean-up redemption, loans and facilities.

Terms come from the filing's `terms` table (real ones from figures.csv, the rest marked made up in
the spec). Every sentence is written for the project in the usual shape of such releases.
"""
from __future__ import annotations

from datetime import date

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.layouts.debt import _amount, _coupon, _due
from tools.sec_snapshot.markup import Bullets, Para, Run

NOTES_WORDS = {
    "convertible": "convertible senior notes",
    "secured": "senior secured notes",
    "senior": "senior notes",
}


def _notes(t: dict) -> str:
    return NOTES_WORDS[t.get("notes", "convertible")]


def _year(t: dict) -> str:
    return str(t.get("maturity_date", t.get("maturity_year", "")))[:4]


def _series(t: dict) -> str:
    """'0.75% convertible senior notes due 2030' (the coupon left out when not yet set)."""
    coupon = f"{_coupon(float(t['coupon_pct']))} " if t.get("coupon_pct") is not None else ""
    return f"{coupon}{_notes(t)} due {_year(t)}"


def _day(value) -> str:
    return fmt.long_date(date.fromisoformat(str(value)))


def _money(usd: float, currency: str) -> str:
    return _amount(usd).replace("$", currency)


def _blocks(ctx: LayoutContext, headline: str, lead: str, terms: list[str], closing: list[str] | None = None) -> list:
    blocks = [Para([Run(headline, bold=True)], align="center"), Para(ctx.dateline() + [lead], align="justify")]
    if terms:
        blocks.append(Bullets([[x] for x in terms]))
    for paragraph in closing or []:
        blocks.append(Para([paragraph], align="justify"))
    return blocks + ctx.about() + ctx.forward_looking() + ctx.contacts()


RESALE = ("The notes and any shares issuable on conversion have not been registered under the Securities Act of "
          "1933, as amended, or any state securities law, and may not be offered or sold in the United States "
          "absent registration or an applicable exemption. This release is not an offer to sell or a solicitation of "
          "an offer to buy any security.")


@layout("notes_proposed")
def notes_proposed(ctx: LayoutContext) -> Rendered:
    """"... Announces Proposed Offering of $500 Million of Convertible Senior Notes"."""
    t = ctx.spec.terms
    cur = t.get("currency", "$")
    amount = _money(t["principal_usd"], cur)
    headline = ctx.spec.headline or (f"{ctx.short} Announces Proposed Private Offering of {amount} of "
                                     f"{_notes(t).title()} due {_year(t)}")
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced that it intends to offer, subject to market "
            f"and other conditions, {amount} aggregate principal amount of {_notes(t)} due {_year(t)} (the "
            f"\u201cnotes\u201d) in a private offering to persons reasonably believed to be qualified institutional "
            f"buyers under Rule 144A of the Securities Act of 1933, as amended.")
    if t.get("option_usd"):
        lead += (f" {ctx.short} also expects to grant the initial purchasers an option to buy up to an additional "
                 f"{_money(t['option_usd'], cur)} principal amount of notes.")
    terms = []
    unsecured = "unsecured" if t.get("notes", "convertible") != "secured" else "secured"
    if t.get("maturity_date"):
        terms.append(f"The notes will be senior, {unsecured} obligations of {ctx.short} and will mature on "
                     f"{_day(t['maturity_date'])}, unless earlier converted, redeemed or repurchased.")
    terms.append("The interest rate, the initial conversion rate and the other terms of the notes will be set when the "
                 "offering is priced." if t.get("notes", "convertible") == "convertible" else
                 "The interest rate and the other terms of the notes will be set when the offering is priced.")
    if t.get("use_of_proceeds"):
        terms.append(f"{ctx.short} intends to use the net proceeds {t['use_of_proceeds']}")
    return Rendered(headline, _blocks(ctx, headline, lead, terms, [RESALE]))


@layout("notes_closing")
def notes_closing(ctx: LayoutContext) -> Rendered:
    """"... Closes $588 Million Offering of 1.375% Convertible Senior Notes due 2031"."""
    t = ctx.spec.terms
    cur = t.get("currency", "$")
    amount = _money(t["principal_usd"], cur)
    headline = ctx.spec.headline or f"{ctx.short} Completes {amount} Offering of {_series(t).title()}"
    issuer = t.get("issuer")
    who = f"its wholly owned subsidiary {issuer}" if issuer else "it"
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced that {who} has closed the previously "
            f"announced private offering of {amount} aggregate principal amount of {_series(t)} (the "
            f"\u201cnotes\u201d)")
    if t.get("option_exercised_usd"):
        lead += (f", which includes {_money(t['option_exercised_usd'], cur)} aggregate principal amount of notes issued "
                 "upon the exercise by the initial purchasers of their option to purchase additional notes")
    lead += "."
    terms = []
    if t.get("coupon_pct") is not None and float(t["coupon_pct"]) > 0:
        terms.append(f"The notes bear interest at {_coupon(float(t['coupon_pct']))} per year, payable semi-annually in "
                     f"arrears, and mature on {_due(t)}.")
    else:
        terms.append(f"The notes do not bear regular interest and mature on {_due(t)}.")
    if t.get("conversion_rate"):
        terms.append(f"The initial conversion rate is {t['conversion_rate']} shares of common stock per $1,000 "
                     f"principal amount of notes, equivalent to an initial conversion price of approximately "
                     f"${t['conversion_price_usd']:,.2f} per share.")
    if t.get("net_proceeds_usd"):
        terms.append(f"The net proceeds from the offering were approximately {_money(t['net_proceeds_usd'], cur)}, after "
                     "deducting the initial purchasers\u2019 discounts and commissions and estimated offering expenses.")
    if t.get("use_of_proceeds"):
        terms.append(f"{ctx.short} intends to use the net proceeds {t['use_of_proceeds']}")
    return Rendered(headline, _blocks(ctx, headline, lead, terms, [RESALE]))


@layout("option_exercise")
def option_exercise(ctx: LayoutContext) -> Rendered:
    """"... Announces Exercise of Option to Purchase Additional Notes, Increasing the Offering to $172.5 Million"."""
    t = ctx.spec.terms
    cur = t.get("currency", "$")
    total = _money(t["total_usd"], cur)
    headline = ctx.spec.headline or (f"{ctx.short} Announces Full Exercise of Option to Purchase Additional Notes, "
                                     f"Increasing Offering to {total}")
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced that the initial purchasers of its "
            f"{_series(t)} (the \u201cnotes\u201d) have exercised in full their option to purchase an additional "
            f"{_money(t['option_usd'], cur)} aggregate principal amount of notes, bringing the total aggregate principal "
            f"amount of the offering to {total}.")
    terms = []
    if t.get("net_proceeds_usd"):
        terms.append(f"{ctx.short} now estimates net proceeds from the offering of approximately "
                     f"{_money(t['net_proceeds_usd'], cur)}, after deducting the initial purchasers\u2019 discounts and "
                     "commissions and estimated offering expenses.")
    if t.get("settlement_date"):
        terms.append(f"The additional notes are expected to be issued on {_day(t['settlement_date'])}, together "
                     "with the other notes.")
    return Rendered(headline, _blocks(ctx, headline, lead, terms))


@layout("convertible_pricing_tranches")
def convertible_pricing_tranches(ctx: LayoutContext) -> Rendered:
    """One release pricing two series at once, with concurrent repurchases of older notes."""
    t = ctx.spec.terms
    cur = t.get("currency", "$")
    tranches = t["tranches"]
    total = _money(sum(x["principal_usd"] for x in tranches), cur)
    headline = ctx.spec.headline or f"{ctx.short} Prices {total} of Convertible Senior Notes"
    parts = [f"{_money(x['principal_usd'], cur)} aggregate principal amount of {_series(x)} (the "
             f"\u201c{_year(x)} notes\u201d)" for x in tranches]
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced the pricing of {' and '.join(parts)} in "
            "private offerings to persons reasonably believed to be qualified institutional buyers under Rule 144A of "
            "the Securities Act of 1933, as amended.")
    if t.get("settlement_date"):
        lead += f" The offerings are expected to settle on {_day(t['settlement_date'])}."
    terms = []
    for x in tranches:
        interest = (f"The {_year(x)} notes will bear interest at {_coupon(float(x['coupon_pct']))} per year and will "
                    f"mature on {_due(x)}, unless earlier converted, redeemed or repurchased.")
        if x.get("option_usd"):
            interest += (f" {ctx.short} granted the initial purchasers of the {_year(x)} notes an option to buy up to "
                         f"an additional {_money(x['option_usd'], cur)} principal amount of {_year(x)} notes.")
        terms.append(interest)
    if t.get("conversion_rate"):
        terms.append(f"The initial conversion rate for each series is {t['conversion_rate']} ordinary shares per $1,000 "
                     f"principal amount of notes, equivalent to an initial conversion price of approximately "
                     f"${t['conversion_price_usd']:,.2f} per share, a premium of about {t['premium_pct']}% over the "
                     f"${t['reference_price_usd']:,.2f} price of the shares sold in the concurrent offering.")
    if t.get("cap_price_usd"):
        terms.append(f"The capped call transactions have an initial cap price of ${t['cap_price_usd']:,.2f} per share.")
    closing = []
    for r in t.get("repurchases", []):
        words = (f"Concurrently with the pricing, {ctx.short} entered into privately negotiated transactions with "
                 f"certain holders to repurchase {_money(r['principal_usd'], cur)} aggregate principal amount of its "
                 f"{_series(r)}")
        if r.get("consideration_usd"):
            words += f" for approximately {_money(r['consideration_usd'], cur)} in cash and shares"
        closing.append(words + ".")
    if t.get("repurchase_consideration_usd"):
        closing.append(f"The aggregate consideration for the repurchases is approximately "
                       f"{_money(t['repurchase_consideration_usd'], cur)}, payable in cash and ordinary shares.")
    if t.get("concurrent_shares"):
        closing.append(f"{ctx.short} also sold {t['concurrent_shares']} ordinary shares at ${t['reference_price_usd']:,.2f} "
                       "per share in a concurrent registered direct offering.")
    return Rendered(headline, _blocks(ctx, headline, lead, terms, closing + [RESALE]))


@layout("notes_retirement")
def notes_retirement(ctx: LayoutContext) -> Rendered:
    """A repurchase or exchange of existing notes with no new offering."""
    t = ctx.spec.terms
    cur = t.get("currency", "$")
    amount = _money(t["principal_usd"], cur)
    verb = t.get("verb", "exchange")  # exchange | repurchase
    noun = "Exchange" if verb == "exchange" else "Repurchase"
    headline = ctx.spec.headline or f"{ctx.short} Announces {noun} of {amount} of {_series(t).title()}"
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced the {verb} of {amount} aggregate principal "
            f"amount of its {_series(t)} (the \u201cnotes\u201d) in privately negotiated transactions with certain "
            "holders")
    if t.get("consideration"):
        lead += f", for {t['consideration']}"
    lead += "."
    terms = []
    if t.get("settlement_date"):
        terms.append(f"The transactions are expected to close on {_day(t['settlement_date'])}, subject to customary "
                     "conditions.")
    if t.get("remaining_usd"):
        terms.append(f"After the transactions, {_money(t['remaining_usd'], cur)} aggregate principal amount of the notes "
                     "will remain outstanding.")
    return Rendered(headline, _blocks(ctx, headline, lead, terms))


@layout("conversion_notice")
def conversion_notice(ctx: LayoutContext) -> Rendered:
    """Holders converted the last notes after a clean-up redemption notice."""
    t = ctx.spec.terms
    cur = t.get("currency", "$")
    headline = ctx.spec.headline or f"{ctx.short} Announces Conversion of {_series(t).title()}"
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced that, following its notice of clean-up "
            f"redemption, holders converted {_money(t['principal_usd'], cur)} aggregate principal amount of its "
            f"{_series(t)} (the \u201cnotes\u201d) at a conversion rate of {t['conversion_rate']} "
            f"{t.get('share_words', 'shares')} per {cur}1,000 principal amount of notes.")
    terms = []
    if t.get("shares_issued"):
        terms.append(f"{ctx.short} issued {t['shares_issued']} {t.get('share_words', 'shares')} upon settlement of "
                     "these conversions.")
    if t.get("none_outstanding"):
        terms.append(f"Following these conversions, all of the outstanding {_series(t)} have been converted and "
                     "none remain outstanding.")
    return Rendered(headline, _blocks(ctx, headline, lead, terms))


@layout("loan_release")
def loan_release(ctx: LayoutContext) -> Rendered:
    """A term loan or a credit facility announced by press release."""
    t = ctx.spec.terms
    cur = t.get("currency", "$")
    kind = t.get("kind", "credit facility")      # "credit facility" | "term loan" | "loan facility"
    amount = _money(t["principal_usd"], cur)
    up_to = "up to " if t.get("up_to") else ""
    headline = ctx.spec.headline or f"{ctx.short} Enters into {up_to.title()}{amount} {kind.title()}"
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced that it has entered into a {kind} "
            f"agreement with {t['lender']} of {up_to}{amount} (the \u201c{kind.split()[-1]}\u201d).")
    terms = []
    if t.get("rate_text"):
        terms.append(f"Borrowings under the {kind.split()[-1]} bear interest at {t['rate_text']}.")
    if t.get("maturity_date"):
        terms.append(f"The {kind.split()[-1]} matures on {_day(t['maturity_date'])}.")
    if t.get("security"):
        terms.append(f"The {kind.split()[-1]} is secured by {t['security']}.")
    if t.get("drawn_usd") is not None:
        terms.append(f"As of {_day(t.get('drawn_on', ctx.spec.filed))}, {ctx.short} had drawn "
                     f"{_money(t['drawn_usd'], cur)} under the {kind.split()[-1]}.")
    if t.get("use_of_proceeds"):
        terms.append(f"{ctx.short} intends to use borrowings {t['use_of_proceeds']}")
    return Rendered(headline, _blocks(ctx, headline, lead, terms))
