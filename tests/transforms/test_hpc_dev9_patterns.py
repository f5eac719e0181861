"""AI/HPC wording from the ninth held-out set (scored once at 1b28d97: 72/87 = 82.8 %, then development data);
passages invented here in the same layouts."""
from __future__ import annotations

from tests.transforms.helpers import only_hpc_contract as _one


def test_backstop_named_with_an_apposition_and_a_ratings_bracket_and_noi_is_not_value():
    e = _one("Example Signs 15-Year, 245 MW AI Data Center Lease with Total Contract Value of $7.0 Billion\n\nMIAMI, Dec. 17, "
             "2025 /PRNewswire/ -- Example Corp. (Nasdaq: EXMP) today announced that it has signed a 15-year, $7.0 billion "
             "lease with Fluidstack for 245 megawatts (MW) of IT capacity at its River Bend data center campus. "
             "Counterparty Financial Support: Google, a subsidiary of Alphabet Inc. (S&P: AA+, Moody's: Aa2), is providing "
             "a financial backstop, which covers the lease payments. NOI Contribution: Expected cumulative NOI "
             "contribution of $6.9 billion over the base lease term.")
    assert (e.counterparty, e.backstop_party, e.total_contract_value_usd, e.term_years) == (
        "Fluidstack", "Google", 7.0e9, 15.0)


def test_a_results_releases_revenue_growth_is_not_the_contracts_value():
    e = _one("Secured $9.7bn AI Cloud Contract with Microsoft\n\nNEW YORK, Nov. 06, 2025 (GLOBE NEWSWIRE) - Example Limited "
             "(NASDAQ: EXLT) today reported its financial results for the three months ended September 30, 2025.\n"
             "- Secured $9.7bn contract with Microsoft:\n- 5-year average term\n"
             "- Total revenue increased to record $240.3m (+355% vs. Q1 FY25 $52.8m)\n")
    assert (e.counterparty, e.total_contract_value_usd) == ("Microsoft", 9.7e9)


def test_potential_for_additional_expansion_is_no_contracted_capacity():
    e = _one("The company also said it signed a data center lease and services agreement with Advanced Micro Devices at "
             "the Rockdale site, which includes an initial deployment of 25 megawatts of critical IT load capacity. The "
             "deal has the potential for additional expansion of up to a total of 200 MW of critical IT load capacity. The "
             "lease carries an initial term of 10 years and is expected to generate $311 million in contract revenue.")
    assert (e.critical_it_mw, e.term_years, e.total_contract_value_usd) == (25.0, 10.0, 311e6)


def test_a_site_code_after_a_curly_possessive():
    e = _one("Example, a Nasdaq-listed data center provider, announced that its subsidiary has entered into a long-term "
             "colocation agreement with Nscale Global Holdings. The deal covers the initial delivery of 40 megawatts of "
             "critical IT load at Example’s NC-1 data center campus in Madison, North Carolina, and is expected to "
             "generate approximately $865 million in contracted revenue over an initial 10-year term.")
    assert (e.site, e.critical_it_mw, e.total_contract_value_usd) == ("NC-1", 40.0, 865e6)


def test_headline_part_after_a_dash_is_read_with_the_whole_headline_and_its_potential_total():
    e = _one("Example signs $2.5B Master Services Agreement with Cerebras — 40 MW AI data center in Columbiana Alabama\n"
             "Example announced a Master Services Agreement with Cerebras Systems for an AI data center campus in "
             "Columbiana, Alabama, with an initial 10-year term valued at approximately $1.1 billion and total potential "
             "contract value up to $2.5 billion.")
    assert (e.counterparty, e.critical_it_mw, e.term_years, e.total_contract_value_usd) == (
        "Cerebras", 40.0, 10.0, 1.1e9)


def test_monthly_update_headlines_an_unnamed_customers_contract_beside_an_loi_and_a_new_site():
    e = _one("Example Infrastructure Group Inc. Announces Monthly Operational Update for August 2024\n"
             "Expanded into Artificial Intelligence (AI) and High-Performance Computing (HPC) Colocation Business\n"
             "Executed AI Customer Colocation Agreement for 20 MW for 6-years to colocate NVIDIA GPUs\n"
             "Signed AI Customer Colocation LOI for AI and HPC Expansion to 144 MW\n"
             "Expanded to Ohio with 24 MW Planned Capacity, Expected to Increase Total Capacity to 153 MW Upon Completion\n"
             "MIDLAND, Pa., Sept. 16, 2024 (GLOBE NEWSWIRE) -- Example Infrastructure Group Inc. (NASDAQ: EXIG) today "
             "announced its unaudited business and operational update for August 2024.")
    assert (e.event, e.critical_it_mw, e.term_years) == ("signed", 20.0, 6.0)
