"""Letters of intent, memoranda and binding letters toward a lease (the held-out sets' labellers read them as
signed agreements; analysts need them apart from definitive leases): the letter's terms are read, the record
says `agreement_stage = "preliminary"`, and a release that also describes a definitive contract keeps to that
contract. Invented passages after the wording of miners' releases and filings."""
from __future__ import annotations

import pytest

from tests.transforms.helpers import only_hpc_contract as _one
from transforms.errors import ParseError
from transforms.hpc import parse_hpc


def test_an_unnamed_hyperscalers_letter_of_intent_is_read_and_marked_preliminary():
    c = _one("We have entered into exclusivity and executed an LOI with a US-based hyperscaler for a 250 MW "
             "capacity lease of our Millbrook HPC campus.", ticker="EXMP")
    assert (c.event, c.agreement_stage, c.site, c.critical_it_mw) == ("signed", "preliminary", "Millbrook", 250)
    assert c.counterparty is None and c.expansion_options_mw is None     # "exclusivity" is no option here
    assert "LOI" in c.evidence["agreement_stage"]


def test_a_letter_that_contemplates_terms_without_a_verb_of_signing_is_signed():
    c = _one("The gross utility load of the site at 40 MW correlates to a critical IT load of approximately 30 MW, "
             "which this LOI contemplates for HPC colocation. The LOI contemplates a term of up to 7 years.",
             ticker="EXMP")
    assert (c.event, c.agreement_stage) == ("signed", "preliminary")
    assert (c.gross_mw, c.critical_it_mw, c.term_years) == (40, 30, 7)


def test_a_named_tenants_letter_of_intent_keeps_its_tenant_and_is_preliminary():
    c = _one("Example Mining Signs Letter of Intent with CoreWeave for 100 MW AI Data Center Lease\n"
             "Example Mining Inc. (NASDAQ: EXMP) today announced that it has signed a non-binding letter of intent "
             "with CoreWeave for a 10-year lease of 100 MW of critical IT load at its Clearwater campus.")
    assert (c.counterparty, c.event, c.agreement_stage, c.critical_it_mw, c.term_years) == (
        "CoreWeave", "signed", "preliminary", 100, 10)


def test_planned_capacity_beside_a_binding_letter_is_no_term_of_it():
    c = _one("Company lists with over 1GW of planned data center capacity, anchored by a binding letter for a "
             "~US$1.2 billion lease agreement. The letter provides for a 12-year lease of the full 60MW capacity "
             "at its Fjellby, Norway data center site.", ticker="EXMP")
    assert (c.agreement_stage, c.critical_it_mw, c.term_years, c.total_contract_value_usd) == (
        "preliminary", 60, 12, 1_200_000_000)


def test_a_definitive_lease_beside_a_letter_of_intent_keeps_to_the_lease():
    c = _one("Example Mining Signs AI Lease at Millbrook\n"
             "Example Mining signed a 10-year lease with a leading AI company for 80 MW of critical IT load at its "
             "Millbrook campus, worth $1.5 billion. Separately, it signed a letter of intent for a further site.",
             ticker="EXMP")
    assert (c.agreement_stage, c.critical_it_mw, c.total_contract_value_usd) == ("definitive", 80, 1_500_000_000)


def test_a_signed_lease_is_definitive():
    c = _one("Example Mining signed a 15-year lease with CoreWeave for 200 MW of critical IT load.", ticker="EXMP")
    assert c.agreement_stage == "definitive"


def test_a_letter_with_no_figure_is_still_no_contract():
    with pytest.raises(ParseError):
        parse_hpc("Example Mining said it is in talks and may sign a letter of intent for AI hosting at a data center "
                  "later this year.", ticker="EXMP")
