"""AI/HPC wording of the thirty-sixth held-out set (after its one scoring, hpc-25), rewritten as invented passages:
capacity "licensed to" a tenant, an option exercised as the only contract wording, a lease "under a 25-year lease"
or "as part of its Phase One lease agreement" described in force, a monthly line "lease announced for <Site>",
campuses after "at" and site codes with no hyphen, "Upon signing" as a condition, a customer that "will place an
initial purchase" of GPU servers, the one AI party named in the sentence of a lease, and "the lease of a 244 MW
facility" that leases the whole of it."""
from __future__ import annotations

from tests.transforms.helpers import only_hpc_contract as _one


def test_capacity_licensed_to_a_tenant_names_it_and_is_in_force():
    c = _one("Each of the Projects is designed to support high-performance computing workloads, with a critical IT "
             "load of approximately 410 MWs licensed to CoreWeave.", ticker="EXMP")
    assert (c.counterparty, c.critical_it_mw, c.event) == ("CoreWeave", 410, "signed")


def test_an_option_exercised_is_contract_wording_and_a_campus_after_at_needs_no_noun():
    c = _one("CoreWeave also exercised its final option to access an additional 90 MW of critical IT load for its AI "
             "operations, bringing its total commitment to the full 600 MW of approved power capacity at Helios.",
             ticker="GLXY")
    assert (c.counterparty, c.site, c.critical_it_mw, c.event) == ("CoreWeave", "Helios", 90, "expanded")


def test_a_joint_venture_under_a_years_lease_is_in_force():
    c = _one("With regard to the Abernathy joint venture, which is designed to support 120 critical IT MW under a "
             "20-year lease with annual escalators, construction is progressing.", ticker="EXMP")
    assert (c.site, c.critical_it_mw, c.term_years, c.event) == ("Abernathy", 120, 20, "signed")


def test_a_monthly_lines_lease_announced_for_a_campus():
    c = _one("Monthly Highlights\n● Colocation: $2.1B, 12-Year AI/HPC Data Center lease announced for Tydal, Norway "
             "Campus", ticker="EXMP")
    assert (c.site, c.term_years, c.total_contract_value_usd, c.event) == ("Tydal", 12, 2_100_000_000, "signed")


def test_a_site_code_without_a_hyphen():
    c = _one("Example AI secured 100% contracted GPU capacity for its 6.5 MW B204 facility in Malaysia through "
             "long-term commitments, representing more than $300 million in total expected revenue.", ticker="EXMP")
    assert (c.site, c.total_contract_value_usd) == ("B204", 300_000_000)


def test_upon_signing_is_a_condition_and_a_customer_placing_an_order_is_the_tenant():
    c = _one("Upon signing a Master Service and Lease Agreement (“MSA”), Skyforge will place an initial purchase for a "
             "starting quantity of GPU servers with a five-year service duration.\n"
             "The contract represents annual revenue of approximately $2.4 million.", ticker="EXMP")
    assert (c.counterparty, c.term_years, c.annual_revenue_usd, c.event) == ("Skyforge", 5, 2_400_000, None)


def test_the_one_ai_party_in_the_sentence_of_a_lease_is_the_tenant_and_the_lease_of_a_facility_is_its_capacity():
    c = _one("(“Fluidstack”) and other agreements relating to the development and lease of a 180 MW HPC data center "
             "facility near Colorado City, Texas (the “Barber Lake Facility”)", ticker="EXMP")
    assert (c.counterparty, c.site, c.critical_it_mw) == ("Fluidstack", "Barber Lake", 180)


def test_a_campus_that_has_leased_capacity_to_an_unnamed_tenant_is_in_force():
    c = _one("The Granite 2 campus has leased 150 MW of critical IT capacity, currently under construction, to a "
             "U.S.-Based Investment Grade Hyperscaler.", ticker="EXMP")
    assert (c.critical_it_mw, c.event) == (150, "signed")
