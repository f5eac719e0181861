"""AI/HPC contract releases (hosting, colocation, cloud leases): the extension point for issue 8.

One generic layout driven by the spec's `terms` (counterparty, site, MW, term, contract value);
helpers adding HPC documents can register company-specific layouts beside it.
"""
from __future__ import annotations

from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.layouts.debt import _amount
from tools.sec_snapshot.markup import Bullets, Para, Run


@layout("hpc_contract")
def hpc_contract(ctx: LayoutContext) -> Rendered:
    t = ctx.spec.terms
    headline = ctx.spec.headline or f"{ctx.short} Signs AI/HPC Lease with {t['counterparty']}"
    lead = (f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d) today announced a {t.get('term_years', '')}-year lease "
            f"with {t['counterparty']} for AI and high-performance computing capacity"
            + (f" at its {t['site']} site" if t.get("site") else "") + ".")
    bullets = []
    if t.get("critical_it_mw"):
        bullets.append([f"{t['critical_it_mw']} MW of critical IT load"
                        + (f" within {t['gross_mw']} MW of gross capacity" if t.get("gross_mw") else "")])
    if t.get("total_contract_value_usd"):
        bullets.append([f"Total contract value of approximately {_amount(t['total_contract_value_usd'])} over the "
                        f"initial term"])
    if t.get("start"):
        bullets.append([f"Rent expected to begin in {t['start']}"])
    if t.get("backstop_party"):
        bullets.append([f"{t['backstop_party']} backstops the lease obligations"])
    for note in t.get("highlights", []):
        bullets.append([note])
    blocks = [Para([Run(headline, bold=True)], align="center"), Para(ctx.dateline() + [lead], align="justify"),
              Para([Run("Transaction highlights", bold=True)]), Bullets(bullets)]
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)


@layout("hpc_release")
def hpc_release(ctx: LayoutContext) -> Rendered:
    """A contract release as the miners write them: a headline (often two announcements joined by
    "and" or ";"), a dateline lead, transaction bullets, closing paragraphs. The prose is the spec's
    (`terms.lead`, `paragraphs`, `bullets`, `closing`), written for the project in each company's
    usual shape; `terms.facts` records the contract's figures for the README and the tests."""
    t = ctx.spec.terms
    headline = ctx.spec.headline
    if not headline or not t.get("lead"):
        raise ValueError(f"{ctx.spec.ticker} {ctx.spec.filed}: hpc_release needs a headline and terms.lead")
    blocks = [Para([Run(headline, bold=True)], align="center")]
    if t.get("subheadline"):
        blocks.append(Para([Run(t["subheadline"], italic=True)], align="center"))
    blocks.append(Para(ctx.dateline() + [f"{ctx.legal_intro()} (\u201c{ctx.short}\u201d or the \u201cCompany\u201d) "
                                         f"{t['lead']}"], align="justify"))
    for paragraph in t.get("paragraphs", []):
        blocks.append(Para([paragraph], align="justify"))
    if t.get("bullets"):
        blocks += [Para([Run(t.get("bullets_heading", "Transaction Highlights"), bold=True)]),
                   Bullets([[b] for b in t["bullets"]])]
    for paragraph in t.get("closing", []):
        blocks.append(Para([paragraph], align="justify"))
    blocks += ctx.about() + ctx.forward_looking() + ctx.contacts()
    return Rendered(headline, blocks)
