"""AI/HPC contract releases -> HpcContractEvent: golden files per layout, and the wording traps one by one."""
from __future__ import annotations

import io
import json
import os
from contextlib import redirect_stdout
from datetime import date
from pathlib import Path

import pytest

from transforms.errors import ParseError
from transforms.hpc import CLI_KEYS, PARSER_VERSION, HpcContractEvent, looks_like_hpc_release, parse_for_cli, parse_hpc
from transforms.hpc_text import read_document

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures" / "hpc"
GOLDEN = TESTS / "golden" / "hpc"
CASES = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".htm", ".html", ".txt"})
# Regenerate after a deliberate parser change, then read every diff: MINERWATCH_UPDATE_GOLDEN=1 pytest ...
UPDATE = os.environ.get("MINERWATCH_UPDATE_GOLDEN") == "1"


def release(headline: str, *paragraphs: str, dateline: str = "NEW YORK, Aug. 14, 2025 (GLOBE NEWSWIRE) --") -> bytes:
    body = f"{dateline} Example Mining Inc. (NASDAQ: EXMN) (\"Example\") today announced " + paragraphs[0]
    return "\n\n".join([headline, body, *paragraphs[1:], "About Example", "Example is a test company."]).encode()


def one(content: bytes, **kwargs) -> HpcContractEvent:
    [record] = parse_hpc(content, **kwargs)
    return record


# --- golden files ------------------------------------------------------------------------------
def test_every_fixture_has_a_golden_file_and_vice_versa():
    fixtures = {p.stem for p in CASES}
    goldens = {p.stem for p in GOLDEN.glob("*.json")}
    assert fixtures == goldens
    assert len(fixtures) >= 10


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.name)
def test_golden(fixture: Path):
    got = parse_for_cli(fixture.read_bytes())
    golden = GOLDEN / f"{fixture.stem}.json"
    if UPDATE:
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n")
    assert got == json.loads(golden.read_text())


@pytest.mark.parametrize("fixture", CASES, ids=lambda p: p.name)
def test_golden_evidence_is_verbatim_document_text(fixture: Path):
    """Every snippet of evidence can be found in the normalised release text."""
    text = read_document(fixture.read_bytes()).text
    for record in parse_hpc(fixture.read_bytes()):
        for field, snippet in record.evidence.items():
            if snippet != "given by the caller":
                assert snippet in text, (field, snippet)
        for field in CLI_KEYS[:-1]:
            value = getattr(record, field)
            assert (value is None) == (field in record.null_reasons), field


def test_goldens_cover_every_event_and_at_least_five_miners():
    records = [r for p in GOLDEN.glob("*.json") for r in json.loads(p.read_text())]
    assert {r["event"] for r in records} == {"signed", "expanded", "amended", "terminated"}
    real_miners = {r["ticker"] for r in records} - {"KSTL", "RDGL"}  # two fictional issuers
    assert len(real_miners) >= 5
    layouts = {p.suffix for p in CASES}
    assert {".htm", ".txt"} <= layouts


def test_cli_keys_come_first_in_order():
    [row] = parse_for_cli((FIXTURES / "wulf_2025-08-14_fluidstack-lake-mariner.txt").read_bytes())
    assert tuple(row)[:len(CLI_KEYS)] == CLI_KEYS
    assert row["parser_version"] == PARSER_VERSION
    json.dumps(row)  # JSON-ready: dates are ISO strings


def test_minerwatch_parse_hpc_prints_the_records(tmp_path):
    from flows.cli import main

    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["parse", "hpc", str(FIXTURES / "iren_2025-11-03_microsoft-ai-cloud.txt"), "--ticker", "iren"])
    assert code == 0
    [row] = json.loads(out.getvalue())
    assert row["ticker"] == "IREN" and row["counterparty"] == "Microsoft"
    assert row["total_contract_value_usd"] == 9.7e9 and row["term_years"] == 5


# --- the traps, one at a time -------------------------------------------------------------------
def test_headline_gross_mw_and_body_critical_it_mw_are_kept_apart():
    r = one(release(
        "Example Signs 10-Year HPC Lease with Fluidstack for 244 MW Gross",
        "a 10-year HPC colocation agreement with Fluidstack.",
        "The lease covers 168 MW of critical IT load, about 244 MW gross.",
    ))
    assert (r.critical_it_mw, r.gross_mw) == (168, 244)
    assert "168 MW of critical IT" in r.evidence["critical_it_mw"]


def test_unqualified_headline_mw_equal_to_a_qualified_body_figure_is_the_same_capacity():
    r = one(release("Example Signs 200 MW HPC Lease with CoreWeave",
                    "a 12-year lease with CoreWeave for 200 MW of critical IT load."))
    assert r.critical_it_mw == 200 and r.unqualified_mw is None


def test_a_leases_mw_without_a_basis_is_read_as_critical_it_and_says_so():
    # data-centre leases are sized in critical IT load; the reading is flagged, and the figure as stated is kept
    r = one(release("Example Signs 15-Year Lease with AWS", "a 15-year lease with AWS for 300 MW of capacity."))
    assert r.critical_it_mw == 300 and r.gross_mw is None
    assert r.unqualified_mw == 300
    assert r.qualifiers["critical_it_mw"].startswith("basis not stated")


def test_mw_without_a_basis_outside_a_contract_is_not_guessed_to_be_critical_it():
    r = one(release("Example Signs 10-Year HPC Lease with Fluidstack",
                    "a 10-year HPC lease with Fluidstack for 40 MW of critical IT load at its campus.",
                    "The campus is being built out to 300 MW of power."))
    assert r.critical_it_mw == 40          # the campus total is not read as the lease's capacity


def test_backstop_amount_is_not_contract_value():
    r = one(release("Example Signs HPC Colocation Agreement with Fluidstack",
                    "a 10-year colocation agreement with Fluidstack for 200 MW of critical IT load.",
                    "Google will backstop $1.8 billion of Fluidstack's lease obligations."))
    assert r.backstop_party == "Google" and r.backstop_usd == 1.8e9
    assert r.total_contract_value_usd is None
    assert r.null_reasons["total_contract_value_usd"].startswith("only a backstop amount")
    assert r.counterparty == "Fluidstack"


def test_contracted_revenue_over_the_term_and_value_with_extensions():
    r = one(release("Example Signs HPC Colocation Agreements with Fluidstack",
                    "two 10-year HPC colocation agreements with Fluidstack covering 200 MW of critical IT load.",
                    "The agreements represent approximately $3.7 billion in contracted revenue over the 10-year "
                    "initial terms, with potential to increase to approximately $8.7 billion with two five-year extensions."))
    assert r.total_contract_value_usd == 3.7e9 and r.term_years == 10
    assert r.potential_value_with_extensions_usd == 8.7e9
    assert r.qualifiers["total_contract_value_usd"] == "approximately"


def test_cumulative_partnership_total_is_not_the_deals_value():
    r = one(release("Example Expands CoreWeave Partnership by 70 MW",
                    "that CoreWeave has exercised its option for approximately 70 MW of additional critical IT load.",
                    "The expansion adds approximately $1.2 billion of revenue over the 12-year term, bringing total "
                    "expected revenue from all CoreWeave contracts to approximately $10.2 billion.",
                    "Total critical IT load contracted with CoreWeave increases to approximately 590 MW."))
    assert r.event == "expanded"
    assert (r.critical_it_mw, r.total_contract_value_usd) == (70, 1.2e9)
    assert (r.cumulative_critical_it_mw, r.cumulative_contract_value_usd) == (590, 10.2e9)


def test_an_extension_option_that_may_be_exercised_is_no_expansion():
    r = one(release("Example Signs 10-Year HPC Colocation Agreements with Fluidstack",
                    "two 10-year HPC colocation agreements with Fluidstack for more than 200 MW of critical IT load.",
                    "Approximately $3.7 billion of contracted revenue over the initial 10-year terms, rising to "
                    "approximately $8.7 billion if Fluidstack exercises both of its 5-year extension options."))
    assert r.event == "signed"
    assert (r.total_contract_value_usd, r.potential_value_with_extensions_usd) == (3.7e9, 8.7e9)
    exercised = one(release("Example Announces Fluidstack Option",
                            "that Fluidstack has exercised its option to lease 160 MW of critical IT load."))
    assert exercised.event == "expanded"


def test_value_over_the_term_and_its_yearly_average_in_one_sentence():
    r = one(release("Example Announces 12-Year Contracts with CoreWeave",
                    "12-year contracts with CoreWeave to host approximately 200 MW of HPC infrastructure.",
                    "The contracts are expected to generate approximately $3.5 billion of cumulative revenue over "
                    "their 12-year terms, an average of approximately $290 million per year."))
    assert (r.total_contract_value_usd, r.annual_revenue_usd) == (3.5e9, 290e6)


def test_a_clause_qualifying_a_partnership_total_is_part_of_it():
    r = one(release("Example Announces CoreWeave Exercises Option for 70 MW",
                    "that CoreWeave has exercised its option to expand its contracts by approximately 70 MW of "
                    "additional critical IT infrastructure.",
                    "The additional contracts are expected to add approximately $1.2 billion of cumulative revenue.",
                    "Total HPC infrastructure contracted with CoreWeave increases to approximately 270 MW, "
                    "representing approximately $4.7 billion of cumulative revenue."))
    assert (r.event, r.critical_it_mw, r.total_contract_value_usd) == ("expanded", 70, 1.2e9)
    assert (r.cumulative_critical_it_mw, r.cumulative_contract_value_usd) == (270, 4.7e9)


def test_increment_and_total_in_one_clause():
    r = one(release("Example Expands Fluidstack Agreement",
                    "that Fluidstack exercised its option to lease 160 MW of critical IT load.",
                    "This increases total contracted revenue from the partnership by $3.0 billion to $6.7 billion."))
    assert r.total_contract_value_usd == 3.0e9 and r.cumulative_contract_value_usd == 6.7e9


def test_more_than_is_a_lower_bound_and_average_term_is_flagged():
    r = one(release("Example Signs AI Cloud Contracts with Lambda",
                    "AI cloud contracts with Lambda for more than 200 MW of critical IT load.",
                    "The contracts have a 5-year average term."))
    assert r.critical_it_mw == 200 and r.qualifiers["critical_it_mw"] == "at_least"
    assert r.term_years == 5 and r.qualifiers["term_years"] == "average"


def test_annualized_revenue_and_a_gpu_purchase():
    r = one(release("Example Signs US$9.7bn AI Cloud Contract with Microsoft",
                    "a five-year, US$9.7bn AI cloud services contract with Microsoft.",
                    "The contract is expected to generate ~US$1.94bn in annualized revenue.",
                    "Example has agreed to purchase GPUs from Dell for approximately US$5.8bn."))
    assert r.total_contract_value_usd == 9.7e9 and r.annual_revenue_usd == 1.94e9 and r.term_years == 5


def test_site_capacity_and_extension_terms_are_not_the_contracts():
    r = one(release("Example Signs Lease with CoreWeave at Its Denton Campus",
                    "a 12-year lease with CoreWeave for 100 MW of critical IT load at its Denton campus.",
                    "The lease includes two 5-year renewal options.",
                    "The Denton site has 500 MW of power capacity approved by ERCOT."))
    assert r.term_years == 12 and r.critical_it_mw == 100 and r.gross_mw is None
    assert r.site == "Denton"


def test_expansion_option_mw():
    r = one(release("Example Signs Leases with CoreWeave",
                    "two 15-year leases with CoreWeave for 250 MW of critical IT load.",
                    "CoreWeave has an option to lease an additional 150 MW at the campus."))
    assert r.expansion_options_mw == 150 and r.critical_it_mw == 250


def test_two_contracts_in_one_release():
    records = parse_hpc(release(
        "Example Signs 15-Year Lease with AWS and Expands Fluidstack Partnership",
        "two transactions.",
        "Example has signed a 15-year lease with AWS for 300 MW of critical IT load, worth approximately $5.5 billion.",
        "Separately, Fluidstack has exercised its option to lease an additional 39 MW of critical IT load, "
        "adding approximately $830 million of contracted revenue.",
    ))
    by_name = {r.counterparty: r for r in records}
    assert set(by_name) == {"Amazon Web Services", "Fluidstack"}
    assert by_name["Amazon Web Services"].event == "signed"
    assert by_name["Amazon Web Services"].total_contract_value_usd == 5.5e9
    assert by_name["Fluidstack"].event == "expanded" and by_name["Fluidstack"].critical_it_mw == 39


def test_tenants_named_only_together_form_one_contract():
    r = one(release("Example Signs AI Cloud Contracts with Together AI and Fluidstack",
                    "AI cloud contracts with Together AI and Fluidstack adding US$250 million of annualized revenue."))
    assert r.counterparty == "Together AI; Fluidstack" and r.annual_revenue_usd == 250e6


def test_unnamed_tenant_gets_a_null_with_the_wording():
    r = one(release("Example Signs 15-Year HPC Lease", "a 15-year HPC lease with an investment-grade hyperscaler "
                    "for 120 MW of critical IT load."))
    assert r.counterparty is None
    assert "investment-grade hyperscaler" in r.null_reasons["counterparty"]
    assert r.critical_it_mw == 120 and r.term_years == 15


def test_unknown_tenant_name_is_read_from_the_agreement_wording():
    r = one(release("Example Amends HPC Agreement", "it has amended its HPC colocation agreement with Granite Cloud "
                    "Partners LLC, extending the initial term from 7 years to 10 years."))
    assert r.counterparty == "Granite Cloud Partners" and r.event == "amended" and r.term_years == 10


def test_terminated_event_and_no_guessed_start():
    r = one(release("Example Terminates HPC Hosting Agreement with Bluegill Compute",
                    "it has terminated its 5-year HPC hosting agreement with Bluegill Compute, Inc. covering 30 MW of "
                    "critical IT load, effective March 31, 2026."))
    assert r.event == "terminated" and r.start_date is None and r.counterparty == "Bluegill Compute"


def test_start_date_precision_is_recorded():
    r = one(release("Example Signs Lease with CoreWeave", "a 10-year lease with CoreWeave for 50 MW of critical IT "
                    "load, with rent expected to commence in August 2026."))
    assert r.start_date == date(2026, 8, 1) and r.qualifiers["start_date"] == "month"


def test_ticker_and_date_arguments():
    content = b"Example Signs Lease with CoreWeave\nExample has signed a 10-year HPC colocation lease with CoreWeave for 50 MW of critical IT load."
    r = one(content, ticker="exmn", announced_date=date(2025, 1, 2))
    assert r.ticker == "EXMN" and r.evidence["ticker"] == "given by the caller"
    assert r.announced_date == date(2025, 1, 2)
    bare = one(content)
    assert bare.ticker is None and bare.announced_date is None
    assert "ticker" in bare.null_reasons and "announced_date" in bare.null_reasons


def test_boilerplate_after_about_is_not_read():
    r = one(release("Example Signs Lease with CoreWeave",
                    "a 10-year HPC colocation lease with CoreWeave for 50 MW of critical IT load.",
                    "About Fluidstack",
                    "Fluidstack signed a 20-year lease with Example for 999 MW."))
    assert r.counterparty == "CoreWeave" and r.critical_it_mw == 50


# --- refusals -----------------------------------------------------------------------------------
@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"%PDF-1.7 binary", "not a text document"),
    (bytes(range(256)) * 4, "not a text document"),
    (b"Riot Produces 463 Bitcoin in April 2025\nRiot mined 463 bitcoin and sold 475 bitcoin for $38.8 million.",
     "not an AI/HPC contract release"),
    (b"Example HPC update\nOur AI data center campus is progressing and energized 200 MW of GPU capacity this year.",
     "not an AI/HPC contract release"),
    (b"Example HPC update\nOur AI data center campus is progressing; lease discussions continue for 200 MW.",
     "no AI/HPC contract described"),
])
def test_unreadable_or_unrelated_documents_raise_parse_error(content, reason):
    with pytest.raises(ParseError, match=reason):
        parse_hpc(content)


def test_wrong_type_raises_parse_error():
    with pytest.raises(ParseError):
        parse_hpc(12345)  # type: ignore[arg-type]


# --- discovery ----------------------------------------------------------------------------------
def test_looks_like_hpc_release():
    for path in CASES:
        assert looks_like_hpc_release(path.read_bytes()), path.name
    assert not looks_like_hpc_release("Riot Produces 463 Bitcoin in April 2025. Bitcoin held 19,211.")
    assert not looks_like_hpc_release("<p>TeraWulf announces pricing of $500 million convertible notes due 2030</p>")
    assert looks_like_hpc_release("<p>Example signs a 10-year <b>HPC</b> colocation lease for 200&nbsp;MW of critical IT</p>")
