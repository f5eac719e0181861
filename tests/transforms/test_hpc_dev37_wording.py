"""AI/HPC wording of the thirty-seventh held-out set (after its one scoring, hpc-26), rewritten as an invented
passage: "under 15-year leases" (no article, plural) describes leases in force, one figure's two participles
("currently approved and contracted") stay one clause, and "$X in average annual revenue" is annual revenue even
where extension options were named before it."""
from __future__ import annotations

from tests.transforms.helpers import only_hpc_contract as _one


def test_leases_in_force_with_gross_power_approved_and_contracted_and_annual_revenue_after_options():
    c = _one("Across Phases I and II, CoreWeave has committed to 300 MW of critical IT load — the full 450 MW of gross "
             "power currently approved and contracted at Helios — under 12-year leases that include two five-year "
             "extension options and are expected to generate more than $600 million in average annual revenue",
             ticker="GLXY")
    assert (c.counterparty, c.site, c.critical_it_mw, c.gross_mw, c.term_years) == ("CoreWeave", "Helios", 300, 450, 12)
    assert (c.annual_revenue_usd, c.potential_value_with_extensions_usd, c.event) == (600_000_000, None, "signed")
