"""transforms.hpc on the wording families that held-out real releases showed the parser missing.

The passages are written for this project (invented operators, tenants and figures) in the layouts of real
AI/HPC contract releases: "more than N MW of critical IT load" beside a "potential" capacity, an increment
whose basis only the partnership total states, incremental MW, figures of earlier leases recalled in the
same sentence, company-wide ARR targets beside a contract's ARR, and two figures of one clause that only
their own words tell apart. One test per rule, each with its distractor.
"""
from __future__ import annotations

from transforms.hpc import parse_hpc
from tests.transforms.helpers import only_hpc_contract as _one


def test_more_than_critical_it_beside_a_potential_capacity_and_extension_value():
    r = _one(
        "Harbor Compute Signs 180+ MW AI Hosting Agreements with Fluidstack\n"
        "Contracted Revenue of ~$4.1 Billion, with Potential to Reach $9.2 Billion Through Extensions\n"
        "Fluidstack Granted Exclusivity for Building 7, Adding Potential 90 MW of Critical IT Load\n"
        "EASTON, Md., Mar. 2, 2026 (GLOBE NEWSWIRE) -- Harbor Compute Inc. (Nasdaq: HRBC) today announced two "
        "15-year colocation agreements with Fluidstack. Harbor Compute is to provide more than 180 MW of critical IT "
        "load (about 230 MW of gross capacity) on its Harbor Point campus. Over the initial 15-year terms the "
        "agreements carry approximately $4.1 billion in contracted revenue and include two five-year extension "
        "options, which would lift total contract revenue to approximately $9.2 billion if exercised. Google is "
        "backstopping $1.5 billion of Fluidstack's lease obligations.")
    assert (r.event, r.counterparty, r.backstop_party) == ("signed", "Fluidstack", "Google")
    assert (r.critical_it_mw, r.gross_mw, r.term_years) == (180, 230, 15)
    assert r.qualifiers["critical_it_mw"] == "at_least"
    assert (r.total_contract_value_usd, r.potential_value_with_extensions_usd, r.backstop_usd) == (4.1e9, 9.2e9, 1.5e9)
    assert r.expansion_options_mw == 90  # the exclusivity's potential capacity, not the contract's


def test_increment_read_on_the_basis_of_the_partnership_total_it_is_part_of():
    r = _one(
        "DALLAS, Sep. 2, 2026 (GLOBE NEWSWIRE) -- Prairie Digital (NASDAQ: PRDG) has signed a third lease with "
        "CoreWeave, for an additional 120MW at the Dakota Ridge Campus. Prairie Digital's total expected lease "
        "revenue with the tenant now comes to approximately $9B, which includes $6B from the initial two 15-year "
        "leases signed in March.\n"
        "The total critical IT capacity across these three leases will be 370MW.")
    assert (r.event, r.critical_it_mw, r.cumulative_critical_it_mw) == ("signed", 120, 370)
    assert "additional 120MW" in r.evidence["critical_it_mw"]
    assert "370MW" in r.evidence["critical_it_mw_basis"]
    # $9B is the partnership's, $6B and the 15-year term are the earlier leases'
    assert r.cumulative_contract_value_usd == 9e9
    assert r.total_contract_value_usd is None and r.term_years is None


def test_unqualified_lease_increment_without_a_critical_it_total_is_read_as_critical_it_and_flagged():
    # hpc-9: a lease's MW with no basis is read as critical IT (the leasing basis), flagged in qualifiers
    r = _one("DALLAS, Sep. 2, 2026 (GLOBE NEWSWIRE) -- Prairie Digital (NASDAQ: PRDG) has signed a third lease with "
             "CoreWeave, for an additional 120MW at the Dakota Ridge Campus.")
    assert r.critical_it_mw == 120 and r.unqualified_mw == 120
    assert r.qualifiers["critical_it_mw"].startswith("basis not stated")


def test_incremental_mw_of_critical_it_from_an_option_exercise():
    r = _one(
        "Core Hosting Announces Exercise of Contract Option by CoreWeave\n"
        "Expands Total Contracted Infrastructure to Approximately 570 Megawatts of Critical IT Load\n"
        "AUSTIN, Texas, Oct. 5, 2026 -- Core Hosting, Inc. (NASDAQ: COHO) said CoreWeave has exercised an option "
        "granted in the previously announced 200 megawatt hosting contract signed with CoreWeave on May 1, 2026.\n"
        "Core Hosting will convert one of its sites to provide approximately 70 incremental MW of critical IT load "
        "for CoreWeave. This new 12-year hosting contract should add approximately $1.1 billion of revenue.")
    assert (r.event, r.critical_it_mw, r.term_years, r.total_contract_value_usd) == ("expanded", 70, 12, 1.1e9)
    assert r.cumulative_critical_it_mw == 570


def test_company_wide_arr_target_is_not_the_contracts_annual_revenue():
    r = _one(
        "Secured $6.1bn AI Cloud Contract with Microsoft\n"
        "Company Targets $4.0bn AI Cloud ARR for 2027\n"
        "NEW YORK, Feb. 10, 2027 (GLOBE NEWSWIRE) -- Outback Compute Limited (NASDAQ: OBCL) today reported its "
        "financial results for the three months ended December 31, 2026.\n"
        "Highlights\n"
        "- Aiming for $4.0bn of AI Cloud ARR by the end of 2027, a target for the whole segment\n"
        "- Signed $6.1bn contract with Microsoft:\n"
        "- Rolled out at Childress in stages during 2027\n"
        "- 4-year average term\n"
        "- $1.5bn expected ARR contribution2\n")
    assert (r.counterparty, r.total_contract_value_usd, r.annual_revenue_usd, r.term_years) == (
        "Microsoft", 6.1e9, 1.5e9, 4)


def test_annual_revenue_and_the_value_over_the_term_in_one_clause():
    r = _one("Prairie Digital (NASDAQ: PRDG) today announced that it has signed a 10-year lease with CoreWeave for "
             "100 MW of critical IT load at its Dakota campus. The lease is expected to generate approximately $250 "
             "million of annual revenue, or approximately $2.5 billion over the term.")
    assert (r.annual_revenue_usd, r.total_contract_value_usd, r.critical_it_mw) == (250e6, 2.5e9, 100)


def test_contract_value_with_a_decimal_before_the_contract_word():
    r = _one("Outback Compute Limited (NASDAQ: OBCL) today announced a $4.2 billion, five-year AI cloud services "
             "contract with Microsoft. The contract will be delivered at its Childress campus and is expected to "
             "contribute approximately $840 million in annualized revenue. Outback will purchase GPUs and ancillary "
             "equipment from Dell for approximately $3.1 billion.")
    assert (r.event, r.total_contract_value_usd, r.annual_revenue_usd, r.term_years) == ("signed", 4.2e9, 840e6, 5)


def test_lower_case_it_is_not_information_technology():
    r = _one("Hashland Inc. (NASDAQ: HSHL) today announced that it has formed a joint venture with Nexus Data to "
             "develop a 200 MW AI data center at its Rockwell site.")
    assert r.critical_it_mw is None and r.unqualified_mw == 200 and r.event == "signed"


def test_amended_contract_states_its_new_total_contract_value():
    r = _one("DENVER, Jan. 20, 2026 (GLOBE NEWSWIRE) -- Front Range Digital (NASDAQ: FRDG) today announced an "
             "amendment to its colocation agreement with CoreWeave at its Boulder campus, extending the term from 10 "
             "years to 15 years and increasing the total contract value from $2.0 billion to $3.1 billion.")
    assert (r.event, r.term_years, r.total_contract_value_usd, r.cumulative_contract_value_usd) == (
        "amended", 15, 3.1e9, None)


def test_two_contracts_listed_in_one_sentence():
    records = parse_hpc(
        "HOUSTON, July 7, 2026 (GLOBE NEWSWIRE) -- Bayou Compute (NASDAQ: BYOU) today announced two AI hosting "
        "agreements: a 10-year agreement with CoreWeave for 60 MW of critical IT load at its Cypress site, worth "
        "approximately $1.4 billion, and a 5-year agreement with Lambda for 20 MW of critical IT load at its Bayou "
        "site, worth approximately $300 million.")
    got = {(r.counterparty, r.critical_it_mw, r.term_years, r.total_contract_value_usd, r.event) for r in records}
    assert got == {("CoreWeave", 60, 10, 1.4e9, "signed"), ("Lambda", 20, 5, 300e6, "signed")}


def test_tenant_backed_by_a_third_party():
    r = _one("AUSTIN, Texas, Feb. 9, 2026 (GLOBE NEWSWIRE) -- Lone Star Compute (NASDAQ: LSCP) today announced a "
             "10-year lease with Fluidstack, backed by Google, for 80 MW of critical IT load at its Pecan campus. "
             "Google has agreed to backstop $600 million of Fluidstack's lease obligations. The lease represents "
             "approximately $1.9 billion of contracted revenue.")
    assert (r.counterparty, r.backstop_party, r.backstop_usd, r.total_contract_value_usd) == (
        "Fluidstack", "Google", 600e6, 1.9e9)


def test_a_passage_without_dateline_that_opens_with_prose_has_no_headline():
    r = _one("Mesa Mining Corp. (NASDAQ: MESA) announced that it has signed a 15-year lease with Amazon Web Services "
             "for 300 MW of critical IT capacity at its Mesa campus, representing approximately $5.5 billion of "
             "contracted rent over the initial term. The lease includes two 5-year renewal options.")
    assert (r.term_years, r.total_contract_value_usd, r.potential_value_with_extensions_usd) == (15, 5.5e9, None)


def test_partnership_total_restated_with_extensions_across_its_capacity():
    r = _one(
        "Ridge Hash Signs Additional 56 MW 10-Year AI Hosting Agreement with Fluidstack at Barber Lake\n"
        "NEW YORK, Nov. 20, 2026 (GLOBE NEWSWIRE) -- (NASDAQ:RDGH) Ridge Hash Inc. today announced it has signed a new "
        "10-year agreement with Fluidstack for an additional 39 MW of critical IT load at its Barber Lake site, "
        "expanding the original transaction. The expansion brings the partnership to approximately $3.8 billion of "
        "contracted revenue, or approximately $9.0 billion including extension options, across 207 MW of critical "
        "IT load. The new agreement contributes approximately $830 million over its initial term. Google has agreed "
        "to increase its backstop by $333 million, bringing the total backstop to $1.73 billion.")
    assert (r.event, r.critical_it_mw, r.total_contract_value_usd, r.term_years) == ("expanded", 39, 830e6, 10)
    assert (r.cumulative_critical_it_mw, r.cumulative_contract_value_usd) == (207, 3.8e9)
    # "including extension options" belongs to the partnership total: no option capacity, no deal potential
    assert r.expansion_options_mw is None and r.potential_value_with_extensions_usd is None
    assert (r.backstop_party, r.backstop_usd) == ("Google", 1.73e9)


def test_a_tenant_the_lexicon_does_not_know_named_as_the_subject_of_an_option_exercise():
    e = _one("Example Mining Expands Partnership with Kestrel Cloud to 350 MW\n\nExample Mining Corp. (NASDAQ: EXMC) "
             "announced that Kestrel Cloud Inc. has exercised its option to lease an additional 70 MW at the Company's "
             "Red River data center campus, bringing its total contracted critical IT load at the site to 350 MW. The "
             "expansion adds approximately $1.1 billion in contract value over a 12-year term.")
    assert (e.counterparty, e.event, e.critical_it_mw, e.term_years, e.total_contract_value_usd) == (
        "Kestrel Cloud", "expanded", 70.0, 12.0, 1.1e9)


def test_the_issuers_short_name_as_subject_is_not_a_tenant():
    events = parse_hpc("Example Mining Signs 15-Year Lease with Amazon Web Services\n\nExample Mining Inc. (NASDAQ: EXMC) "
                       "today announced that Example has signed a 15-year lease with Amazon Web Services for 300 MW of "
                       "critical IT load at its Barber Lake site.")
    assert {e.counterparty for e in events} == {"Amazon Web Services"}


def test_two_tenants_in_one_clause_and_the_terms_they_share():
    events = parse_hpc("Example Hash Announces Colocation Agreements Totaling 120 MW with Two Tenants\n\nExample Hash Corp. "
                       "(NASDAQ: EXHH) today announced it has executed colocation agreements with Kestrel AI for 80 MW and "
                       "with Solace Labs for 40 MW of critical IT load at its Bakersfield campus. The agreements have "
                       "ten-year terms and together are expected to generate approximately $2.0 billion of revenue.")
    by_tenant = {e.counterparty: e for e in events}
    assert set(by_tenant) == {"Kestrel AI", "Solace Labs"}
    assert (by_tenant["Kestrel AI"].critical_it_mw, by_tenant["Solace Labs"].critical_it_mw) == (80.0, 40.0)
    assert {e.term_years for e in events} == {10.0}
    # "together": the two contracts' combined value is neither contract's
    assert {e.total_contract_value_usd for e in events} == {None}


def test_a_results_releases_quarterly_revenue_is_not_the_contracts_value():
    e = _one("Example Mining Reports Third Quarter 2025 Results\n\nExample Mining Inc. (NASDAQ: EXMI) reported revenue of "
             "$88 million for the third quarter. During the quarter, Example signed its first HPC colocation agreement, "
             "a 10-year contract with Delphi Compute for 50 MW of critical IT capacity at its Warren site, representing "
             "approximately $1.2 billion in contracted revenue.")
    assert (e.counterparty, e.critical_it_mw, e.term_years, e.total_contract_value_usd) == (
        "Delphi Compute", 50.0, 10.0, 1.2e9)


def test_has_amended_is_an_amendment_and_as_amended_is_not():
    e = _one("Example Provides Update on HPC Hosting Agreement\n\nExample Inc. (NASDAQ: EXPL) announced that it has amended "
             "its hosting agreement with Quanta AI to reduce the contracted capacity at its Wolf Creek site from 60 MW to "
             "40 MW of critical IT load, while extending the term to seven years.")
    assert (e.counterparty, e.event, e.critical_it_mw, e.term_years) == ("Quanta AI", "amended", 40.0, 7.0)
    e = _one("Example Signs 10-Year Colocation Agreement with Quanta AI\n\nExample Inc. (NASDAQ: EXPL) today announced "
             "that it has signed a 10-year colocation agreement with Quanta AI for 40 MW of critical IT load. This release "
             "contains forward-looking statements within the meaning of the Securities Act of 1933, as amended.")
    assert e.event == "signed"


def test_a_lease_sized_in_it_load_and_gross_power_without_the_words_hpc_or_ai():
    e = _one("Example Mining Signs 1.2 GW Campus Lease\n\nExample Mining Inc. (NASDAQ: EXMG) announced a 20-year lease "
             "with Vela Compute covering 1.2 GW of gross power capacity at its Big Sky campus, with approximately 900 "
             "megawatts of IT load. Total contract value is estimated at $22 billion.")
    assert (e.counterparty, e.gross_mw, e.critical_it_mw, e.term_years, e.total_contract_value_usd) == (
        "Vela Compute", 1200.0, 900.0, 20.0, 22e9)


def test_a_named_project_is_the_site_and_project_financing_is_not():
    e = _one("Example Holdings Signs 20 MW Colocation Agreement with Hyperion for Project Dora 2\n\nALBANY, N.Y., March 2, "
             "2025 -- Example Holdings, Inc. (NASDAQ: EXHD) today announced it has signed a colocation agreement with "
             "Hyperion Compute for 20 MW of AI workloads at Project Dora 2 in Texas. The three-year agreement is expected "
             "to generate approximately $18 million in annual revenue.")
    assert (e.counterparty, e.site, e.critical_it_mw, e.term_years, e.annual_revenue_usd) == (
        "Hyperion Compute", "Project Dora 2", 20.0, 3.0, 18e6)
    from transforms.hpc_names import find_sites
    assert [m.name for m in find_sites("funded with Project Financing from a bank")] == []


def test_a_range_of_terms_over_several_contracts_is_no_contracts_term():
    from transforms.hpc_numbers import find_terms_years
    assert [q.value for q in find_terms_years("contracts with terms of 2 to 3 years")] == []
    assert [q.value for q in find_terms_years("3-5 year terms")] == []
    assert [q.value for q in find_terms_years("between two and three years")] == []
    assert [q.value for q in find_terms_years("a 10-year and a 5-year lease")] == [10.0, 5.0]
    e = _one("Example Energy Signs Multi-Year AI Cloud Contracts\n\nExample Energy Limited (NASDAQ: EXEN) has signed "
             "multi-year AI cloud contracts with leading AI companies for approximately 11,000 NVIDIA GPUs, which are "
             "expected to generate approximately US$225 million in annualized run-rate revenue once fully ramped. The "
             "contracts have terms of 2 to 3 years.")
    assert e.term_years is None
