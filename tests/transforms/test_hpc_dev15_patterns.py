"""HPC wording met in the fifteenth held-out set, rewritten as an invented passage: a 10-Q note on a site the
company leases to own for a colocation customer, whose lease term is the company's, not the customer's."""
from __future__ import annotations

from tests.transforms.helpers import only_hpc_contract as _one


def test_the_lease_term_of_a_site_leased_to_own_is_no_contract_term():
    r = _one("On May 2, 2025, the Company announced that it has secured the rights to a new data center site in "
             "Example Town (\u201cEXS-2\u201d), which will support the 8MW colocation agreement with Example AI Systems "
             "(\u201cExample AI\u201d). The transaction was executed under a lease-to-own structure, which includes a "
             "fixed-price purchase option. The lease term is 15 years, with two 5-year extension options.",
             ticker="EXBT")
    assert (r.counterparty, r.critical_it_mw, r.term_years) == ("Example AI Systems", 8.0, None)
