"""Capacity-mix sentences (MW by use, energized vs under construction) that layouts add to a release.

Miners state their power capacity in a few recurring shapes: a "Data Center Capacity" bullet list in
results releases, `Label: value` lines in CleanSpark's update, one dense highlight bullet in IREN's
monthly update, a build-out bullet in Cipher's. Figures come from the panel's `capacity_*` keys; a
period without them renders nothing, so adding this to a layout leaves its other documents as they
were. The contracted-power and pipeline keys render figures that are *not* capacity (as real releases
put them beside it).
"""
from __future__ import annotations

from tools.sec_snapshot import fmt
from tools.sec_snapshot.layouts import LayoutContext
from tools.sec_snapshot.markup import Block, Bullets, Para, Run

KEYS = ("capacity_energized_mw", "capacity_self_mining_mw", "capacity_hosting_mw", "capacity_hpc_mw",
        "capacity_under_construction_mw", "capacity_hpc_under_construction_mw", "capacity_hpc_site",
        "capacity_contracted_power_mw", "capacity_pipeline_mw")


def _mw(v: float) -> str:
    return fmt.commas(v, 1 if v % 1 else 0)


def has_capacity(ctx: LayoutContext, key: str | None) -> bool:
    return any(ctx.v(key, k) is not None for k in KEYS)


def capacity_sentences(ctx: LayoutContext, key: str, style: str) -> list[str]:
    """The capacity statements of period `key` in a company's style: results | clsk | iren | cifr."""
    v = lambda f: ctx.v(key, f"capacity_{f}")  # noqa: E731
    energized, hpc, mining, hosting = v("energized_mw"), v("hpc_mw"), v("self_mining_mw"), v("hosting_mw")
    building, hpc_building, site = v("under_construction_mw"), v("hpc_under_construction_mw"), v("hpc_site")
    contracted, pipeline = v("contracted_power_mw"), v("pipeline_mw")
    at_site = f" at {site}" if site else ""
    out: list[str] = []
    if style == "clsk":
        end = fmt.month_end(key)
        month = fmt.MONTHS[end.month]
        if energized is not None:
            out.append(f"Energized capacity as of {month} {end.day}: {_mw(energized)} MW")
        if contracted is not None:
            out.append(f"Contracted power capacity: {contracted / 1000:.2f} GW")
        if hpc_building is not None:
            out.append(f"AI data center capacity under construction{at_site}: {_mw(hpc_building)} MW")
        return out
    if style == "iren":
        parts = []
        if energized is not None:
            parts.append(f"{_mw(energized)} MW operating"
                         + (f", of which {_mw(hpc)} MW supports AI Cloud" if hpc is not None else ""))
        if hpc_building is not None:
            parts.append(f"{_mw(hpc_building)} MW under construction{at_site} for AI Cloud")
        if pipeline is not None:
            parts.append(f"a further {_mw(pipeline)} MW of secured power in the development pipeline")
        return ["Data centers: " + "; ".join(parts)] if parts else []
    if style == "cifr":
        if mining is not None:
            out.append(f"Self-mining operations used approximately {_mw(mining)} MW of energized capacity")
        if hpc_building is not None:
            out.append(f"HPC data center capacity under construction{at_site}: {_mw(hpc_building)} MW")
        if pipeline is not None:
            out.append(f"Development pipeline of approximately {_mw(pipeline)} MW across future sites")
        return out
    if style != "results":
        raise ValueError(f"unknown capacity style {style!r}")
    if energized is not None:
        out.append(f"Energized capacity of {_mw(energized)} MW at quarter end"
                   + (f", of which {_mw(hpc)} MW supported AI/HPC customers." if hpc is not None else "."))
    elif hpc is not None:
        out.append(f"{_mw(hpc)} MW of energized capacity supported AI/HPC customers.")
    if mining is not None:
        out.append(f"Self-mining operations used {_mw(mining)} MW.")
    if hosting is not None:
        out.append(f"Hosting customers used {_mw(hosting)} MW.")
    if hpc_building is not None and building is not None and building > hpc_building:
        out.append(f"{_mw(building)} MW under construction, of which {_mw(hpc_building)} MW is AI/HPC data center "
                   f"capacity{at_site}.")
    elif hpc_building is not None:
        out.append(f"{_mw(hpc_building)} MW of AI/HPC data center capacity under construction{at_site}.")
    elif building is not None:
        out.append(f"{_mw(building)} MW of additional capacity under construction.")
    if contracted is not None:
        out.append(f"Contracted power of {_mw(contracted)} MW across the portfolio.")
    if pipeline is not None:
        out.append(f"A development pipeline of approximately {_mw(pipeline)} MW of additional power capacity.")
    return out


def capacity_blocks(ctx: LayoutContext, key: str | None, heading: str = "Data Center Capacity") -> list[Block]:
    """A results release's capacity section: a bold heading and one bullet per statement."""
    if key is None or not has_capacity(ctx, key):
        return []
    return [Para([Run(heading, bold=True)]), Bullets([[s] for s in capacity_sentences(ctx, key, "results")])]
