"""HPC wording that the third real dev set showed (sentences invented here, shaped like it):
abbreviations in brackets, partners tagged before the issuer, portfolio totals and targets beside the
contract's own figures, towns that only locate a campus, site codes, and a second lease in the release."""
from __future__ import annotations

from transforms.hpc import parse_hpc


def release(headline: str, *paragraphs: str, issuer_tag: str = "(NASDAQ: EXMN) (\"Example\" or the \"Company\")") -> bytes:
    body = f"NEW YORK, Aug. 14, 2025 (GLOBE NEWSWIRE) -- Example Mining Inc. {issuer_tag} today announced " + paragraphs[0]
    return "\n\n".join([headline, body, *paragraphs[1:], "About Example", "Example is a test company."]).encode()


def one(content: bytes):
    [record] = parse_hpc(content)
    return record


def test_an_abbreviation_in_brackets_does_not_cut_the_figure_from_its_basis():
    r = one(release("Example Signs Lease With CoreWeave",
                    "that it will deliver 120 megawatts (MW) of critical IT load to CoreWeave under a 12-year lease "
                    "at its Red Mesa campus."))
    assert r.critical_it_mw == 120
    assert "(MW)" in r.evidence["critical_it_mw"]


def test_a_right_of_first_offer_in_brackets_is_an_option_not_the_contract():
    r = one(release("Example Signs 15-Year Lease With Fluidstack",
                    "that it has signed a 15-year lease with Fluidstack for 90 megawatts (MW) of IT capacity at its "
                    "Red Mesa campus. The lease grants Fluidstack a Right of First Offer (ROFO) for up to an additional "
                    "400 MW of IT capacity at future phases of the campus."))
    assert r.critical_it_mw == 90
    assert r.expansion_options_mw == 400


def test_a_first_right_of_refusal_is_an_option_too():
    r = one(release("Example Signs Lease With CoreWeave",
                    "that it has entered into a lease with CoreWeave covering 60 MW of critical IT load at its Red Mesa "
                    "campus. CoreWeave also holds a first right of refusal for an additional 140 MW of critical IT."))
    assert (r.critical_it_mw, r.expansion_options_mw) == (60, 140)


def test_the_issuer_is_the_tag_its_defined_name_follows_not_a_partner_tagged_first():
    content = (b"Example Signs Lease With Fluidstack\n\n"
               b"Execution partners Entergy (NYSE: ETR) and Vertiv (NYSE: VRT)\n\n"
               b"MIAMI, FL, December 17, 2025 -- Example Corp. (Nasdaq, TSX: EXMN) (\"Example\" or the \"Company\") "
               b"today announced that it has signed a 15-year lease with Fluidstack for 50 MW of critical IT capacity "
               b"at its Red Mesa campus.\n\nAbout Example\n\nExample is a test company.")
    assert one(content).ticker == "EXMN"


def test_a_new_contract_that_expands_a_partnership_is_signed():
    r = one(release("Example Expands Strategic Partnership With Fluidstack Through New 80 MW Joint Venture",
                    "that it has executed a joint venture with Fluidstack to deliver 80 MW of critical IT load at its "
                    "Red Mesa campus. Expands Example's contracted HPC platform to 300 MW of critical IT load."))
    assert r.event == "signed"
    assert r.critical_it_mw == 80


def test_modifying_infrastructure_is_not_amending_a_contract():
    r = one(release("Example Reports May Operations",
                    "its May update. \"Our new long-term hosting contracts with CoreWeave cover 200 MW of critical IT "
                    "load,\" said the CEO. \"Our discussions to modify an additional 300 megawatts of our infrastructure "
                    "for HPC hosting continue.\""))
    assert r.event != "amended"


def test_a_growth_target_range_is_not_the_contract_capacity():
    r = one(release("Example Signs 25-Year Lease With Fluidstack",
                    "that it has signed a 25-year lease with Fluidstack for 150 MW of critical IT load at its Red Mesa "
                    "campus, and supports a growth strategy targeting 250-500 MW of critical IT load annually."))
    assert r.critical_it_mw == 150


def test_sites_named_only_in_a_portfolio_total_and_a_locating_town_are_not_the_contract_site():
    r = one(release("Example Signs Lease With CoreWeave",
                    "that it has signed a 15-year lease with CoreWeave for 200 MW of critical IT load at its Polaris "
                    "Forge 2 campus near Harwood, North Dakota.",
                    "With this agreement, Example's total leased capacity across its Polaris Forge 1 and Polaris Forge 2 "
                    "campuses has now reached 600 MW."))
    assert r.site == "Polaris Forge 2"
    assert r.critical_it_mw == 200


def test_a_site_code_defined_in_brackets_is_the_site():
    r = one(release("Example Secures Site for Cerebras Colocation Contract",
                    "that it has secured a new data center site in Laval, Quebec (\"QC-4\") which will support its "
                    "5MW (IT load) colocation agreement with Cerebras."))
    assert r.site == "QC-4"


def test_the_term_stated_beside_the_tenant_wins_over_the_issuers_own_site_lease():
    r = one(release("Example Secures Site for Cerebras Colocation Contract",
                    "that it has secured a new data center site in Laval, Quebec (\"QC-4\").",
                    "The site lease term is 20 years, with two 5-year extension options.",
                    "Cerebras has contracted for 5MW (IT load) under a five-year colocation agreement."))
    assert r.term_years == 5
    assert "Cerebras" in r.evidence["term_years"] or "five-year" in r.evidence["term_years"]


def test_capacity_still_in_talks_is_no_contracts():
    r = one(release("Example Signs Hosting Contracts With CoreWeave",
                    "new 12-year hosting contracts with CoreWeave for 150 megawatts of critical IT load. \"Our discussions "
                    "with potential clients to convert an additional 250 megawatts of our infrastructure continue,\" said "
                    "the CEO."))
    assert r.critical_it_mw == 150
    assert r.unqualified_mw is None and r.gross_mw is None


def test_a_defined_role_for_an_unnamed_customer_is_no_counterparty():
    r = one(release("Example Digital Expands GPU Cloud Contract",
                    "that it entered into an amendment of its master services agreement with its first customer (the "
                    "\u201cInitial Customer\u201d).",
                    "Pursuant to the amendment, the Company has agreed to increase the scope of the contract with the "
                    "Initial Customer. The Company will supply the Initial Customer with computational power from an "
                    "additional 512 GPUs, for more than $20 million of annualized revenue."))
    assert r.counterparty is None
