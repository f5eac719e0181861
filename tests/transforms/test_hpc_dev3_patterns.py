"""transforms.hpc on wording families found in a third development set of real releases.

Every passage here is invented for this project (operators, tenants, places and figures), written in the
layouts the real releases used: a MW figure whose kind is given in brackets right after it ("6MW (IT
load)"), one facility described as "a portion of the total" capacity contracted with the tenant, a
facility's own capacity written before its name ("the 90 MW Riverton data center"), and a headline or
sentence about securing a site (not a contract) beside a previously announced agreement.
"""
from __future__ import annotations

from transforms.hpc import parse_hpc
from tests.transforms.helpers import only_hpc_contract as _one


def test_bracketed_it_load_after_a_mw_figure_is_critical_it():
    r = _one(
        "BOSTON, May 4, 2026 /PRNewswire/ -- Granite Compute Inc. (Nasdaq: GRNC) today signed a seven-year "
        "colocation agreement with Lumen Labs. Lumen Labs has contracted for 6MW (IT load) of dedicated "
        "infrastructure at the company's Oakridge facility.")
    assert r.critical_it_mw == 6
    assert r.unqualified_mw is None


def test_bracketed_gross_after_a_mw_figure_is_gross():
    r = _one(
        "BOSTON, May 4, 2026 /PRNewswire/ -- Granite Compute Inc. (Nasdaq: GRNC) today signed a seven-year "
        "colocation agreement with Lumen Labs for 9 MW (gross) at its Oakridge facility.")
    assert r.gross_mw == 9
    assert r.critical_it_mw is None


def test_a_portion_of_the_total_is_the_cumulative_figure_and_the_facility_size_is_not_critical_it():
    r = _one(
        "TULSA, Okla., Mar. 9, 2026 (BUSINESS WIRE) -- Meridian Data Inc. (Nasdaq: MRDN) and Fluidstack broke "
        "ground today on a new data center. The 90 MW Riverton data center will provide approximately 64 MW of "
        "critical IT load for Fluidstack, with the remaining 26 MW powering cooling systems. The Riverton data "
        "center represents a portion of the total 410 MW of critical IT load that Fluidstack has contracted "
        "from Meridian Data for HPC hosting, with a total potential contract value of $6.1 billion over the "
        "12-year contracts.")
    assert r.critical_it_mw == 64  # neither the 90 MW facility nor the 410 MW whole
    assert r.cumulative_critical_it_mw == 410


def test_securing_a_site_for_a_previously_announced_agreement_is_not_a_signing():
    r = _one(
        "Granite Compute Secures Site for New Data Center to Support Lumen Labs Agreement\n"
        "BOSTON, May 4, 2026 /PRNewswire/ -- Granite Compute Inc. (Nasdaq: GRNC) announced today that it has "
        "secured a new data center site in Oakridge, which will support the previously announced 6MW "
        "colocation agreement with Lumen Labs. Lumen Labs has contracted for 6MW (IT load) under a four-year "
        "colocation agreement announced in January 2026.")
    assert r.event is None
    assert (r.critical_it_mw, r.term_years) == (6, 4)
    assert r.counterparty == "Lumen Labs"


def test_securing_a_lease_at_a_site_is_still_a_signing():
    r = _one(
        "BOSTON, May 4, 2026 /PRNewswire/ -- Granite Compute Inc. (Nasdaq: GRNC) today secured a seven-year lease "
        "with Lumen Labs for 12 MW of critical IT load at its Oakridge site.")
    assert r.event == "signed"
    assert r.critical_it_mw == 12


def test_a_filing_that_recounts_the_signing_before_the_termination_reports_the_termination():
    r = _one(
        "Contract liability\nIn May 2024, Granite Cloud, LLC, a subsidiary of Granite Compute Inc. (Nasdaq: GRNC), entered "
        "into an agreement (the \u201cLumen Agreement\u201d) with Lumen Labs for AI cloud services on GPUs, with a total "
        "commitment of $24 million over a 36-month period. On February 10, 2025, Lumen Labs notified Granite Cloud of "
        "its termination of the Lumen Agreement for cause, effective immediately.")
    assert r.event == "terminated"
    assert (r.counterparty, r.term_years, r.total_contract_value_usd) == ("Lumen Labs", 3, 24e6)


# --- hpc-9: a seventh real set (scored once, then development data) -------------------------------------------

def test_conditional_agreement_with_a_right_to_terminate_and_other_agreements_average_term():
    r = _one(
        "Subsequent Events\nConditional Agreement\nOn March 2, 2025, Granite Compute Inc. (Nasdaq: GRNC) entered into a "
        "conditional agreement to provide HPC datacenter capacity at its Oakridge campus, subject to finalization of "
        "definitive lease documents. The conditional agreement is for a total of 80 MWs for a term of 12 years, with a "
        "total value of approximately $1.9 billion over such 12 year term. The\nconditional agreement is conditioned "
        "upon each party securing financing, with the ability of each party to terminate within 45 days, without "
        "penalty, if the condition is not satisfied.\nOther Agreements\nSubsequent to January 31, 2025, the Company "
        "entered into three additional agreements for services in its cloud services segment totaling a combined "
        "$90.0 million over a weighted average term of 30 months.")
    assert r.event == "signed"
    assert (r.critical_it_mw, r.term_years, r.total_contract_value_usd) == (80, 12, 1.9e9)
    assert r.qualifiers["critical_it_mw"].startswith("basis not stated")


def test_an_exercised_lease_option_states_the_leased_capacity():
    r = _one(
        "Lumen Labs Data Center Lease\nOn July 2, 2025, Lumen Labs exercised its lease option for an additional 120 MW "
        "in a third building at the Oakridge campus, which is in planning stages. The parties are expected to enter "
        "into a new lease agreement on substantially the same terms.", ticker="GRNC")
    assert (r.event, r.critical_it_mw) == ("expanded", 120)


def test_a_lease_note_where_the_company_is_the_lessee_is_no_tenant_contract():
    import pytest
    from transforms.errors import ParseError
    with pytest.raises(ParseError, match="lessee"):
        parse_hpc(
            "7. LEASES\nLessee Accounting\nIn March 2024, Granite Compute Inc. (Nasdaq: GRNC) entered into a lease agreement "
            "for a data center in Austin, Texas with a current operating capacity of 15 MW for its HPC hosting "
            "operations. The lease term is eight years. Total future lease payments were approximately $60.0 million.")
