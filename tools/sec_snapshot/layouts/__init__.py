"""Exhibit layouts: what each miner's release contains, as blocks a Markup renders.

A layout is a function `(LayoutContext) -> Rendered`, registered with `@layout("name")`; a spec
filing names it in `layout = "..."`. To add a document type (an HPC contract release, a new
miner's results layout), write one function in a module here and import the module below.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from tools.sec_snapshot.fmt import wire_date
from tools.sec_snapshot.markup import Block, Para, Run
from tools.sec_snapshot.spec import Filer, FilingSpec, Period


@dataclass
class Rendered:
    headline: str
    blocks: list[Block]
    exhibit: bool = True   # False: a cover-only filing (no EX-99.1)
    #: period key ("2025-12", "2025-Q4", "2025-FY") -> production field -> the figure as printed, in the
    #: parser's units (USD, EH/s, USD/kWh): what the document discloses, for tools/score_production.py
    facts: dict[str, dict[str, float]] = field(default_factory=dict)


@dataclass
class LayoutContext:
    spec: FilingSpec
    filer: Filer
    panel: dict[str, Period]
    facts: dict[str, dict[str, float]] = field(default_factory=dict)

    def disclose(self, key: str, name: str, value: float | None) -> None:
        """Record that the document states `name` = `value` (as printed) for period `key`."""
        if value is not None:
            self.facts.setdefault(key, {})[name] = float(value)

    @property
    def h(self) -> dict[str, Any]:
        return self.filer.header

    @property
    def short(self) -> str:
        return self.h.get("short_name", self.filer.ticker)

    def period(self, key: str | None) -> Period | None:
        return self.panel.get(key) if key else None

    def v(self, key: str | None, name: str, default: Any = None) -> Any:
        p = self.period(key)
        return p.get(name, default) if p is not None else default

    def dateline(self) -> list:
        """"CASTLE ROCK, Colo., Jan. 7, 2026 /PRNewswire/ -- Riot Platforms, Inc. (NASDAQ: RIOT) ..."."""
        wire = self.h.get("wire", "GLOBE NEWSWIRE")
        wire_text = f" /{wire}/" if wire == "PRNewswire" else f" ({wire})"
        return [Run(f"{self.h.get('dateline', 'NEW YORK')}, {wire_date(self.spec.filed)}", bold=True),
                f"{wire_text} -- "]

    def legal_intro(self) -> str:
        market = self.h.get("exchange_tag", "NASDAQ")
        listing = self.h.get("listing_text") or f"({market}: {self.filer.ticker})"
        name = self.h.get("press_name") or self.h.get("display_name", self.filer.name)
        return f"{name} {listing}"

    def about(self) -> list[Block]:
        return [Para([Run(f"About {self.short}", bold=True)]), Para([self.h.get("about", "")], align="justify")]

    def forward_looking(self) -> list[Block]:
        return [Para([Run("Forward-Looking Statements", bold=True)]),
                Para(["Statements in this release about plans, expectations and future operations are forward-looking "
                      "and rest on management's current assumptions. Actual results may differ materially because of "
                      "bitcoin price and network difficulty, power prices and availability, equipment delivery and "
                      "performance, financing conditions and the other risks described in the Company's filings with "
                      "the Securities and Exchange Commission. The Company undertakes no duty to update them."],
                     align="justify")]

    def contacts(self) -> list[Block]:
        return [Para([Run("Investor Contact:", bold=True)]),
                Para([self.h.get("ir_contact", "Investor Relations")], space_before=False)]


LayoutFn = Callable[[LayoutContext], Rendered]
LAYOUTS: dict[str, LayoutFn] = {}


def layout(name: str) -> Callable[[LayoutFn], LayoutFn]:
    def register(fn: LayoutFn) -> LayoutFn:
        if name in LAYOUTS:
            raise ValueError(f"layout {name!r} registered twice")
        LAYOUTS[name] = fn
        return fn
    return register


def render(name: str, ctx: LayoutContext) -> Rendered:
    if name not in LAYOUTS:
        raise KeyError(f"unknown layout {name!r}; known: {sorted(LAYOUTS)}")
    rendered = LAYOUTS[name](ctx)
    if not rendered.facts:
        rendered.facts = ctx.facts
    return rendered


# Register the layouts (import for side effects).
from tools.sec_snapshot.layouts import (  # noqa: E402,F401
    cleanspark, debt, debt_events, hpc, iren, mara, monthly_prose, other, results, riot,
)
