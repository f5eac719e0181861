"""Filings discovery must skip or classify as "other": conference-call notices, appointments,
meeting results (cover only, no exhibit)."""
from __future__ import annotations

from tools.sec_snapshot.layouts import LayoutContext, Rendered, layout
from tools.sec_snapshot.markup import Para, Run


@layout("other_release")
def other_release(ctx: LayoutContext) -> Rendered:
    headline = ctx.spec.headline
    paragraphs = ctx.spec.terms.get("paragraphs", [])
    blocks = [Para([Run(headline, bold=True)], align="center")]
    if paragraphs:
        blocks.append(Para(ctx.dateline() + [paragraphs[0]], align="justify"))
        blocks += [Para([p], align="justify") for p in paragraphs[1:]]
    blocks += ctx.about() + ctx.contacts()
    return Rendered(headline, blocks)


@layout("cover_only")
def cover_only(ctx: LayoutContext) -> Rendered:
    """An 8-K whose news is in the cover itself (e.g. Item 5.07 vote results): no exhibit."""
    return Rendered(ctx.spec.headline, [], exhibit=False)
