"""AI/HPC wording of investor decks and restated leases met in the twenty-seventh held-out set (development data),
rewritten as invented passages: bullets run together on one line, hyphens a PDF extraction spaced out ("15 - year"),
the basis between a figure and its unit ("300 Gross MW / 216 MW Critical IT Load"), a tenant's parent as "Tenant
Guarantor:", a lease described as in force with no verb of its signing, sites the lexicon lacks, and a campus-level
total beside the lease's own value."""
from __future__ import annotations

import pytest

from tests.transforms.helpers import only_hpc_contract as _one

DECK = ("Financing Overview ~$ 4.1 Bn Contracted Lease Payments \u2022 Developing Kestrel Ridge (250 Gross MW / 180 MW "
        "Critical IT Load), leased to CoreWeave, Inc. (Tenant Guarantor: Oracle Corporation) \u2022 Terms: \u2022 "
        "MW IT Load: 180 MW \u2022 Tenor: 15 - year lease with three 5 - year tenant extension options \u2022 Tenant "
        "Termination Rights: casualty and condemnation, with termination notice of 120 - day \u2022 Oracle Corporation "
        "unconditionally guarantees all base rent due by the tenant")


def test_a_flattened_deck_reads_basis_term_and_guarantor_and_is_no_termination():
    c = _one(DECK, ticker="EXDK")
    assert (c.counterparty, c.backstop_party, c.critical_it_mw, c.gross_mw, c.term_years, c.event) == (
        "CoreWeave", "Oracle", 180, 250, 15, "signed")


def test_without_the_bullets_the_extension_options_are_still_no_term():
    c = _one(DECK.replace(" \u2022 ", ". "), ticker="EXDK")
    assert c.term_years == 15


@pytest.mark.parametrize("passage, site", [
    ("This lease represents approximately $6.1 billion in total contracted value over an estimated 15-year lease "
     "term and covers 250 megawatts (MW) of critical IT load for the hyperscaler. Initial operations at Granite Forge 2 "
     "are anticipated to commence in mid-2028", "Granite Forge 2"),
    ("Developing Millbrook, a 150 MW critical IT AI data center campus leased to a high-investment-grade technology "
     "company, with ~$5.2 billion of base-term contract value and ~$300 million of average annual NOI; 20 Years Base "
     "Lease Term", "Millbrook"),
])
def test_an_unnamed_tenants_lease_in_force_is_signed(passage, site):
    c = _one(passage, ticker="EXDK")
    assert (c.event, c.site, c.term_years) == ("signed", site, (15 if "15-year" in passage else 20))
    assert c.total_contract_value_usd == (6.1e9 if "6.1" in passage else 5.2e9)


def test_a_second_lease_doubling_the_existing_tenants_capacity_with_a_campus_total():
    c = _one("Example Mining Fully Leases 1 GW Heron Point AI Data Center Campus with Second 300 MW IT Lease . . 15-year, "
             "300 MW IT lease doubles the existing investment-grade tenant's contracted capacity to 600 MW\n- Base-Term "
             "Contract Value: $8.4 billion over a 15-year base lease term, inclusive of a 3.0% annual base rent escalator; "
             "base-term contract value for the full 1,000 MW campus rises to $16.8 billion\n- Supported by 450 MW of "
             "utility capacity", ticker="EXDK")
    assert (c.event, c.site, c.critical_it_mw, c.gross_mw) == ("expanded", "Heron Point", 300, 450)
    assert (c.total_contract_value_usd, c.annual_revenue_usd) == (8.4e9, None)


def test_a_site_code_as_premises_and_a_second_predicate_that_names_an_investment():
    c = _one("On May 4, 2026, the Company executed a 20-year lease agreement with Anthropic. The KR-7 Premises will provide "
             "200 MW of critical IT load. The lease is expected to generate approximately $16 billion of contracted lease "
             "revenue over the initial term and is expected to be supported by an investment-grade guarantee.",
             ticker="EXDK")
    assert (c.site, c.total_contract_value_usd, c.term_years) == ("KR-7", 16e9, 20)


def test_a_verb_before_a_title_case_campus_is_no_site():
    c = _one("Example Mining Forms Joint Venture with Fluidstack to Build HPC Campus in Abernathy, Texas\nThe joint venture "
             "will deliver 160 MW of critical IT load under a 25-year lease.", ticker="EXDK")
    assert c.site != "Build"


def test_infrastructure_to_host_a_tenants_operations_under_the_terms_of_the_agreements():
    c = _one("Once the approximately 150 MW of HPC infrastructure is operational, the project is estimated to generate total "
             "revenue of over $2.5 billion during the initial 12-year terms of the contracts. Under the terms of the "
             "agreements, Example Mining will deliver approximately 150 megawatts of infrastructure to host CoreWeave's "
             "high-performance compute operations.", ticker="EXDK")
    assert (c.counterparty, c.event, c.term_years) == ("CoreWeave", "signed", 12)


def test_a_deck_without_ai_words_a_modified_gross_lease_and_per_mw_revenue():
    c = _one("Capacity and Delivery . . \u25cf Example Data Centers will deliver 90 IT MW of contracted critical load to "
             "Nscale across 3 data halls . . \u25cf Total contract value: Approximately $3.1 billion over the initial 15-year "
             "base term . . \u25cf Modified gross lease: electricity costs fully reimbursed by tenant . . \u25cf Revenue per IT "
             "MW: Expected average annual revenue of $2.3 million per IT MW over 15 years . . \u25cf Escalators: 3% annual "
             "increases on the lease . . \u25cf Potential expansion toward 2x the initial deployment", ticker="EXDK")
    assert (c.counterparty, c.critical_it_mw, c.term_years, c.event) == ("Nscale", 90, 15, "signed")
    assert (c.total_contract_value_usd, c.annual_revenue_usd) == (3.1e9, None)


def test_contractual_annual_rate_escalators_name_no_annual_revenue():
    c = _one("Example Mining signed a 10-year, 40 MW IT load agreement with Nscale. Total contract value of approximately "
             "$865 million, inclusive of contractual annual rate escalators.", ticker="EXDK")
    assert (c.total_contract_value_usd, c.annual_revenue_usd) == (865e6, None)
