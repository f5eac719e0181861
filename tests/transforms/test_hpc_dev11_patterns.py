"""AI/HPC wording from the eleventh held-out set (scored once at 62d3995: 16/18 = 88.9 %, then development data);
passages invented here in the same layouts: one contract's new data centres that "will collectively support"
its critical IT load, and a hardware vendor that is the customer of a cloud contract a filing reports ended."""
from __future__ import annotations

from transforms.hpc import parse_hpc


def test_one_contracts_data_centers_that_collectively_support_its_load():
    events = parse_hpc(
        "Example Energy Limited (NASDAQ: EXEN) today announced it has signed a multi-year GPU cloud services contract "
        "with Microsoft.\nUnder the agreement, Example Energy will provide Microsoft with access to GPUs over a five-year "
        "term, with a total contract value of approximately $9.7 billion. Example Energy has also entered into an "
        "agreement with Dell Technologies to purchase the GPUs for approximately $5.8 billion.\nThe GPUs are expected "
        "to be deployed in phases through 2026 at the company's 750MW Childress campus, in conjunction with the "
        "delivery of new liquid-cooled data centers that will collectively support 200MW of critical IT load.")
    assert [(e.counterparty, e.critical_it_mw, e.term_years, e.total_contract_value_usd) for e in events] == [
        ("Microsoft", 200.0, 5.0, 9.7e9)]


def test_a_vendor_that_the_contract_serves_is_its_customer():
    events = parse_hpc(
        "17. Subsequent Events\nExample Cloud - Termination of Agreement\nAs a point of entry into the market, CloudCo, "
        "a subsidiary of Example Cloud, entered into a contract with Hewlett Packard Enterprise Company (\"HPE\") on "
        "June 18, 2024 (\"HPE Agreement\"), that provided data center and cloud services for AI and supercomputing "
        "applications, utilizing NVIDIA H100 GPUs, for a term of two years.\nOn March 26, 2025, HPE notified CloudCo of its termination of the "
        "HPE Agreement.", ticker="EXCL")
    assert [(e.counterparty, e.event) for e in events] == [("Hewlett Packard Enterprise", "terminated")]
