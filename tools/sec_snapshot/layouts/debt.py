"""Debt releases: pricing of convertible senior notes and of senior secured notes.

Terms come from the filing's `terms` table in the spec (real ones from figures.csv: principal,
coupon, maturity, conversion rate and price, premium, cap price, option, net proceeds). The
wording is written for the project in the usual shape of a Rule 144A pricing release.
"""
from __future__ import annotations

from datetime import date

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.markup import Bullets, Para, Run


def _amount(usd: float) -> str:
    """$875 million, $3.2 billion."""
    if usd >= 1e9:
        text = f"{usd / 1e9:.3f}".rstrip("0").rstrip(".")
        return f"${text} billion"
    text = f"{usd / 1e6:,.1f}".rstrip("0").rstrip(".")
    return f"${text} million"


def _coupon(pct: float) -> str:
    """0.00%, 3.50%, 1.375%: two decimals unless the rate needs three."""
    text = f"{pct:.3f}"
    return f"{pct:.2f}%" if text.endswith("0") else f"{text}%"


def _due(terms: dict) -> str:
    maturity = terms.get("maturity_date")
    if maturity:
        return fmt.long_date(date.fromisoformat(str(maturity)))
    return str(terms.get("maturity_year", ""))


@layout("convertible_pricing")
def convertible_pricing(ctx: LayoutContext) -> Rendered:
    t = ctx.spec.terms
    principal = t["principal_usd"]
    coupon = _coupon(float(t["coupon_pct"]))
    due_year = str(t.get("maturity_date", t.get("maturity_year")))[:4]
    upsized = " upsized" if t.get("upsized_from_usd") else ""
    headline = ctx.spec.headline or (f"{ctx.short} Announces Pricing of{upsized.title()} {_amount(principal)} "
                                     f"Offering of {coupon} Convertible Senior Notes due {due_year}")
    placement = ("in an underwritten public offering registered with the Securities and Exchange Commission"
                 if t.get("registered") else
                 "in a private offering to persons reasonably believed to be qualified institutional buyers under "
                 "Rule 144A of the Securities Act of 1933, as amended")
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced the pricing of its{upsized} offering of "
            f"{_amount(principal)} aggregate principal amount of {coupon} convertible senior notes due {due_year} "
            f"(the \u201cnotes\u201d) {placement}.")
    if t.get("upsized_from_usd"):
        lead += f" The offering was increased from the previously announced {_amount(t['upsized_from_usd'])}."
    if t.get("option_usd"):
        lead += (f" {ctx.short} also granted the initial purchasers an option to buy, within a 13-day period "
                 f"beginning on the date the notes are first issued, up to an additional {_amount(t['option_usd'])} "
                 f"principal amount of notes.")
    if t.get("settlement_date"):
        lead += (f" The offering is expected to settle on {fmt.long_date(date.fromisoformat(str(t['settlement_date'])))}, "
                 "subject to customary closing conditions.")
    terms = []
    interest = ("The notes will not bear regular interest, and the principal amount will not accrete"
                if float(t["coupon_pct"]) == 0 else
                f"The notes will bear interest at {coupon} per year, payable semi-annually in arrears")
    terms.append(f"{interest}. The notes will mature on {_due(t)}, unless earlier converted, redeemed or repurchased.")
    if t.get("conversion_rate"):
        conv = (f"The initial conversion rate is {t['conversion_rate']} shares per $1,000 principal amount of notes, "
                f"equivalent to an initial conversion price of approximately ${t['conversion_price_usd']:,.2f} per share")
        if t.get("premium_pct") and t.get("reference_price_usd"):
            conv += (f", a premium of about {t['premium_pct']}% over the last reported sale price of "
                     f"${t['reference_price_usd']:,.2f} per share on {fmt.long_date(ctx.spec.report_date or ctx.spec.filed)}")
        terms.append(conv + ".")
    elif t.get("premium_pct"):
        terms.append(f"The notes carry a conversion premium of {t['premium_pct']}%.")
    if t.get("net_proceeds_usd"):
        net = f"{ctx.short} estimates net proceeds from the offering of approximately {_amount(t['net_proceeds_usd'])}"
        if t.get("net_proceeds_with_option_usd"):
            net += (f" (or approximately {_amount(t['net_proceeds_with_option_usd'])} if the initial purchasers fully "
                    "exercise their option)")
        terms.append(net + ".")
    if t.get("cap_price_usd"):
        terms.append(f"{ctx.short} entered into capped call transactions with an initial cap price of "
                     f"${t['cap_price_usd']:,.2f} per share"
                     + (f", a premium of {t['cap_premium_pct']}% over the reference price." if t.get("cap_premium_pct")
                        else "."))
    if t.get("use_of_proceeds"):
        terms.append(f"{ctx.short} intends to use the net proceeds {t['use_of_proceeds']}")
    for r in t.get("repurchases", []):  # older notes bought back alongside the offering
        coupon_r = _coupon(float(r["coupon_pct"]))
        words = (f"Concurrently with the pricing, {ctx.short} entered into privately negotiated transactions with certain "
                 f"holders to repurchase {_amount(r['principal_usd'])} aggregate principal amount of its {coupon_r} "
                 f"convertible senior notes due {r['maturity_year']}")
        if r.get("consideration_usd"):
            words += f" for approximately {_amount(r['consideration_usd'])} in cash"
        terms.append(words + ".")
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para(ctx.dateline() + [lead], align="justify"),
        Para([Run("Key terms", bold=True)]),
        Bullets([[x] for x in terms]),
        Para(["The notes and any shares issuable on conversion have not been registered under the Securities Act or "
              "any state securities law and may not be offered or sold in the United States without registration or "
              "an applicable exemption. This release is not an offer to sell or a solicitation of an offer to buy any "
              "security."], align="justify"),
    ]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)


@layout("secured_notes_pricing")
def secured_notes_pricing(ctx: LayoutContext) -> Rendered:
    t = ctx.spec.terms
    principal = t["principal_usd"]
    coupon = f"{float(t['coupon_pct']):.3f}%"
    issuer = t.get("issuer", ctx.short)
    due_year = str(t.get("maturity_date", t.get("maturity_year")))[:4]
    headline = ctx.spec.headline or (f"{ctx.short} Announces Pricing of {_amount(principal)} of {coupon} Senior "
                                     f"Secured Notes due {due_year}")
    named = "additional notes" if t.get("additional_to") else "notes"
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced that {issuer}, a wholly owned "
            f"subsidiary, priced its offering of {_amount(principal)} aggregate principal amount of {coupon} senior "
            f"secured notes due {due_year} (the \u201c{named}\u201d) at {t.get('issue_price_pct', 100)}% of par, in a "
            f"private offering under Rule 144A and Regulation S of the Securities Act.")
    if t.get("additional_to"):
        lead += f" The additional notes will form a single series with {t['additional_to']}."
    terms = [f"The notes will bear interest at {coupon} per year, payable semi-annually"
             + (f" on {t['interest_dates']}" if t.get("interest_dates") else "") + f", and will mature on {_due(t)}."]
    if t.get("security"):
        terms.append(f"The notes will be senior secured obligations of {issuer}, secured by {t['security']}.")
    if t.get("settlement_date"):
        terms.append(f"The offering is expected to close on "
                     f"{fmt.long_date(date.fromisoformat(str(t['settlement_date'])))}, subject to customary conditions.")
    if t.get("use_of_proceeds"):
        terms.append(f"{issuer} intends to use the net proceeds {t['use_of_proceeds']}")
    blocks = [
        Para([Run(headline, bold=True)], align="center"),
        Para(ctx.dateline() + [lead], align="justify"),
        Bullets([[x] for x in terms]),
        Para(["The notes have not been registered under the Securities Act and may not be offered or sold in the "
              "United States absent registration or an applicable exemption."], align="justify"),
    ]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)
