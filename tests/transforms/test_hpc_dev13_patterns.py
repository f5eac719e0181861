"""HPC wording from the thirteenth held-out set (scored once at df205ec: 9/14 = 64.3 % on 4 passages, then
development data); passages invented here in the same layouts: a results release whose comparative revenue is no
contract's value, "total potential revenue ... over 12 years" of signed contracts, a site the company already runs
beside the contracted capacity, and a lease amendment that replaces the original power figure."""
from __future__ import annotations

from tests.transforms.helpers import only_hpc_contract as _one

RESULTS = ("Example Scientific, Inc. (NASDAQ: EXSC) today announced financial results for the fiscal second quarter of "
           "2024. Total revenue was $141.1 million, as compared to $126.9 million for the same period last year. "
           "\"Key achievements include commencing HPC hosting operations at our 16-megawatt Austin data center, and "
           "signing long-term contracts to host 382 megawatts of high-performance computing with our current client. "
           "These long-term contracts represent total potential revenue of approximately $6.7 billion over 12 years.\"")


def test_the_contracts_value_over_their_term_and_not_the_prior_years_revenue():
    r = _one(RESULTS)
    assert (r.total_contract_value_usd, r.term_years, r.potential_value_with_extensions_usd) == (6.7e9, 12, None)


def test_a_site_the_company_already_runs_is_not_the_contracted_capacity():
    r = _one(RESULTS)
    assert r.critical_it_mw == 382


def test_potential_value_with_extension_options_stays_apart():
    r = _one("Example Scientific, Inc. (NASDAQ: EXSC) signed a 10-year lease with Example Cloud for 100 MW of critical "
             "IT load, valued at $3.0 billion over the initial term, with potential revenue of $6.0 billion over 20 "
             "years if both extension options are exercised.")
    assert (r.total_contract_value_usd, r.potential_value_with_extensions_usd) == (3.0e9, 6.0e9)


def test_an_amendment_replaces_the_original_power_figure():
    r = _one("Example Scientific Announces Approval of Lease Amendments with the City of Riverton to Enable "
             "High-Performance Computing Expansion\nRiverton, TX, Nov. 20, 2024 - Example Scientific Inc. (Nasdaq: "
             "EXSC) today announced the City Council's approval of amendments to the Company's power purchase "
             "agreements and land leases. Under the original agreement, Example Scientific leased approximately 31 "
             "acres of city-owned land and had access to 297 megawatts (MW) of power. The approval increases the "
             "leased land to approximately 78 acres and the Company's access to power to 394 MW.")
    assert (r.event, r.gross_mw) == ("amended", 394)
