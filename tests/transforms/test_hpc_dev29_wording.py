"""AI/HPC wording left over from the twenty-ninth held-out set (development data after its one scoring), rewritten
as invented passages: power converted to deliver a smaller critical IT load, a "Data Campus", a lease's value
beside another deal joined by "and acquisition of", a new agreement that "brings" an amount (no running total), a
title's "$X Expansion", one data center's halls "combined", and a deck's section title "NC - 1: TENANT ANCHOR
CONTRACT" with its "Total Contract Value (1) $X" and a "Target Expanded Gross Capacity" that is only a plan."""
from __future__ import annotations

from tests.transforms.helpers import only_hpc_contract as _one
from transforms.hpc import parse_hpc


def test_power_converted_to_deliver_a_smaller_load_is_gross_then_critical_it():
    c = _one("Under the terms of today's agreement, Example Mining will modify a total of 120 MW of its owned "
             "infrastructure to deliver approximately 85 MW to host CoreWeave's GPUs for HPC operations over a "
             "12-year contract.", ticker="EXMP")
    assert (c.counterparty, c.gross_mw, c.critical_it_mw, c.term_years) == ("CoreWeave", 120, 85, 12)


def test_a_data_campus_is_a_site_and_a_second_deal_after_and_does_not_exclude_the_lease_value():
    c = _one("Entered into a 15-year data center lease with Anthropic for approximately 300 MW of critical IT capacity "
             "at the Granite Data Campus. Grows the platform through ~$11 billion Anthropic lease at Granite and "
             "acquisition of the gigawatt-scale Osprey Data Campus.", ticker="EXMP")
    assert (c.site, c.critical_it_mw, c.total_contract_value_usd) == ("Granite", 300, 11_000_000_000)


def test_an_agreement_that_brings_an_amount_adds_it_and_a_titles_expansion_is_its_value():
    c = _one("Example Mining and CoreWeave Announce $0.9 Billion Expansion at Millbrook Site\n"
             "The 50 MW of expansion at the Millbrook site brings the full critical IT load to just over 200 MW. "
             "The new agreement brings $0.9 billion in contracted revenue across the Millbrook location over the "
             "12-year term.", ticker="EXMP")
    assert (c.event, c.critical_it_mw, c.total_contract_value_usd) == ("expanded", 50, 900_000_000)


def test_one_data_centers_halls_combined_are_its_own_capacity():
    c = _one("Proceeds will finance a turnkey data center comprising four data halls with a combined total of 240 "
             "megawatts (\"MW\") of critical IT capacity, which data center facility will be leased to a tenant "
             "that is a high-investment-grade company.", ticker="EXMP")
    assert (c.critical_it_mw, c.event) == (240, "signed")


DECK = ("KR - 2: NSCALE ANCHOR CONTRACT Customer IT Load 30 MW Term 10 Years \u2022 Modified gross lease \u2022 "
        "Potential expansion toward ~2x initial deployment by end of 2027 \u2022 Total Contract Value (1) $640M "
        "\u2022 45 MW Phase 1 Gross Capacity \u2022 80 MW Total Target Expanded Gross Capacity")


def test_a_decks_section_title_names_site_tenant_and_a_signed_contract():
    c = _one(DECK, ticker="EXMP")
    assert (c.site, c.counterparty, c.critical_it_mw, c.term_years, c.event) == ("KR-2", "Nscale", 30, 10, "signed")


def test_a_decks_labelled_contract_value_is_read_past_its_footnote_mark():
    c = _one(DECK.replace(" \u2022 Modified gross lease", ""), ticker="EXMP")
    assert c.total_contract_value_usd == 640_000_000


# GPU cloud contracts told in 10-K/10-Q notes (heldout31, after its one scoring; hpc-20), rewritten as invented passages.
def test_a_renewal_unless_terminated_is_no_termination():
    c = _one("In March 2026, we entered into a service order with a new customer to provide services utilizing a total of "
             "64 H200 GPUs. The service order has an initial term of 24 months representing total contracted value of "
             "approximately $3.1 million, after which it automatically renews for successive one-month periods unless "
             "terminated by either party.", ticker="EXMP")
    assert (c.event, c.term_years, c.total_contract_value_usd) == ("signed", 2, 3_100_000)


def test_more_gpus_for_the_first_customer_are_an_expansion_and_a_replacement_an_amendment():
    c = _one("On May 2, 2025, the Company announced that it had finalized an agreement to supply its first customer with "
             "an additional 1,024 GPUs over a three-year term commencing upon deployment.", ticker="EXMP")
    assert (c.event, c.term_years) == ("expanded", 3)
    c = _one("In June 2025, the Company entered into a new agreement to supply its Initial Customer with an additional 256 "
             "GPUs for a period of eighteen months. This new agreement replaces the prior agreement whereby the Company "
             "was to provide 1,024 GPUs. The contract represents approximately $9 million of annualized revenue and "
             "features a two-month prepayment from the customer.", ticker="EXMP")
    assert (c.event, c.term_years, c.annual_revenue_usd) == ("amended", 1.5, 9_000_000)


def test_a_new_customer_given_a_short_name_is_the_tenant_and_additional_agreements_expand():
    c = _one("On December 2, 2025, we entered into a Master Services Agreement with a minimum purchase commitment of 16 "
             "GPUs from a new customer, a compute fund managed by Example Ventures Inc.(“Example Fund”). The purchase "
             "order provides for services utilizing 288 H200 GPUs over a twenty-five month period.", ticker="EXMP")
    assert c.counterparty == "Example Fund"
    c = _one("In April 2026, the Company signed two additional cloud services agreements with Example Fund for 96 H200 GPUs under "
             "24-month terms.", ticker="EXMP")
    assert c.event == "expanded"


# Leases of the thirty-third held-out set (after its one scoring, hpc-21), rewritten as invented passages.
def test_a_numbered_campus_after_a_comma_and_a_numbered_campus_the_lexicon_knows_unnumbered():
    c = _one("Example Digital Signs 180 MW Lease at Granite Forge 2, Expanding Its AI Factory Model\nThe agreement "
             "covers 180 MW of critical IT load under a 15-year lease with a hyperscaler.", ticker="EXMP")
    assert c.site == "Granite Forge 2"
    c = _one("Example Digital signed a 15-year lease with CoreWeave for 150 MW of critical IT load at the Polaris Forge 3 "
             "campus.", ticker="EXMP")
    assert c.site == "Polaris Forge 3"


def test_a_decks_capitalised_lease_with_an_unknown_tenant_and_a_titles_contract_value_is_no_tenant():
    c = _one("5) Fjord, Norway - phase 1 60.0 Q4'26 Colocation $3.1 Billion, 15-Year AI/HPC Data Center Lease with "
             "Kestrel. 100 IT MW will be configured to run NVIDIA GPUs for the end customer.", ticker="EXMP")
    assert (c.counterparty, c.critical_it_mw, c.term_years, c.total_contract_value_usd) == ("Kestrel", 100, 15, 3.1e9)


def test_two_tenants_in_one_sentence_one_named_by_its_own_defined_term_and_terms_for_each_of_the_leases():
    contracts = parse_hpc(
        "(“AMD”) for an aggregate of 240 MW of critical IT capacity at the Company’s Pecos, TX; Muskogee, OK; and Hunt "
        "County, TX sites; and Lease Agreements (the “Neocloud Leases,” and collectively with the AMD Leases, the "
        "“Leases”) with a Neocloud (“Neocloud”), for 96 MW of critical IT capacity at the Company’s Dalton, GA site\n\n"
        "Each of the Leases is for a fifteen year term with three five-year options.", ticker="EXMP")
    got = {(c.counterparty, c.critical_it_mw, c.term_years) for c in contracts}
    assert got == {("AMD", 240, 15), ("Neocloud", 96, 15)}


# Decks and releases of the thirty-fourth held-out set (after its one scoring, hpc-23), rewritten as invented passages.
def test_a_slide_of_label_value_pairs_gives_site_tenant_capacity_and_term():
    c = _one("KR - 4 8.2 Gross MW Capacity: 100% contracted Customer: Cerebras Systems IT Load: 6 MW Average Term: 4 years "
             "> Cerebras builds computer systems for AI applications", ticker="EXMP")
    assert (c.site, c.counterparty, c.critical_it_mw, c.gross_mw, c.term_years) == ("KR-4", "Cerebras", 6, 8.2, 4)


def test_a_title_with_an_unnamed_tenant_named_once_in_passing_and_a_town_with_its_state():
    c = _one("Example Power Signs AI Colocation Agreement with Leading AI Compute Company for 30 MW Data Center in "
             "Millbrook, Alabama\nThe initial 10-year term is valued at approximately $0.8 billion, underpinned by a "
             "structure that provides Example Power with long-term revenue visibility, and Cerebras with guaranteed data "
             "center capacity.", ticker="EXMP")
    assert (c.counterparty, c.backstop_party, c.site, c.critical_it_mw, c.term_years) == (
        "Cerebras", None, "Millbrook", 30, 10)


# Results releases of the thirty-fifth held-out set (after its one scoring, hpc-24), rewritten as invented passages.
def test_an_agreement_finalized_with_its_first_customer_and_hosting_delivered_to_a_named_client():
    c = _one("The Company finalized a service agreement with its first customer, for the provision of HPC services from "
             "a total of 1,024 GPUs over a three-year period", ticker="EXMP")
    assert (c.counterparty, c.term_years, c.event) == (None, 3, "signed")
    c = _one("Example Mining Reports First Quarter 2025 Results Commenced buildout of dedicated HPC data halls and remain "
             "on track to deliver 40.5 MW of gross HPC hosting infrastructure to Core42 in 2025", ticker="EXMP")
    assert (c.counterparty, c.gross_mw) == ("Core42", 40.5)
