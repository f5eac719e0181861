"""tools/score_hpc.py: accuracy of the contract parser on a folder of releases with expected values."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tools.score_hpc import main, same, score_document, score_folder, summary

TESTS = Path(__file__).resolve().parents[1]
FIXTURES = TESTS / "fixtures" / "hpc"
GOLDEN = TESTS / "golden" / "hpc"


@pytest.fixture
def folder(tmp_path):
    """The parser's fixtures beside their golden files, as the integrator's held-out folder is laid out."""
    for name in ("wulf_2025-08-14_fluidstack-lake-mariner.txt", "cifr_2025-11-03_aws-lease-fluidstack-expansion.htm",
                 "iren_2025-12-01_unnamed-ai-company.htm"):
        shutil.copy(FIXTURES / name, tmp_path / name)
        shutil.copy(GOLDEN / f"{Path(name).stem}.json", tmp_path / f"{Path(name).stem}.json")
    return tmp_path


def edit(folder: Path, stem: str, fn) -> None:
    path = folder / f"{stem}.json"
    records = json.loads(path.read_text())
    fn(records)
    path.write_text(json.dumps(records))


def test_expected_equal_to_the_parse_scores_every_disclosed_field(folder):
    scores, per_key = score_folder(folder)
    result = summary(scores, per_key)
    # disclosed = non-null values of the issue-8 keys in the golden files, counted by hand from them
    disclosed = sum(1 for p in folder.glob("*.json") for r in json.loads(p.read_text())
                    for k in ("ticker", "counterparty", "backstop_party", "site", "critical_it_mw", "gross_mw",
                              "term_years", "total_contract_value_usd", "annual_revenue_usd", "start_date",
                              "expansion_options_mw", "announced_date", "event") if r.get(k) is not None)
    assert result["disclosed_fields"] == disclosed > 20
    assert result["accuracy"] == 1.0 and result["spurious_fields"] == 0 and result["extra_records"] == 0


def test_a_wrong_value_a_missed_field_and_a_spurious_one_are_counted(folder):
    stem = "wulf_2025-08-14_fluidstack-lake-mariner"
    before = score_document(folder / f"{stem}.txt", json.loads((folder / f"{stem}.json").read_text()))

    def change(records):
        records[0]["term_years"] = 15            # wrong
        records[0]["gross_mw"] = 300             # disclosed but not read by the parser
        records[0]["backstop_party"] = None      # the parser's Google becomes spurious
    edit(folder, stem, change)
    after = score_document(folder / f"{stem}.txt", json.loads((folder / f"{stem}.json").read_text()))
    assert after.disclosed == before.disclosed + 1 - 1
    assert after.right == before.right - 1 - 1
    assert after.spurious == 1
    assert any("term_years" in m for m in after.misses) and any("gross_mw" in m for m in after.misses)


def test_names_compare_canonically_and_in_any_order():
    assert same("counterparty", "AWS", "Amazon Web Services")
    assert same("counterparty", "Fluidstack; Together AI", "Together AI; Fluidstack")
    assert not same("counterparty", "Fluidstack", "Google")
    assert same("site", "Austin, Denton", "Denton, Austin")
    assert same("total_contract_value_usd", 3.7e9, 3_700_000_000.0)
    assert not same("critical_it_mw", 200, 201)
    assert same("start_date", "2026-01-01", "2026-01-01") and not same("start_date", "2026-01-01", None)


def test_an_unreadable_document_scores_zero_and_one_record_objects_are_accepted(tmp_path, capsys):
    (tmp_path / "notice.txt").write_text("Example to Host Conference Call\nExample will host a call on Monday.")
    (tmp_path / "notice.json").write_text(json.dumps({"ticker": "EXMN", "counterparty": "Microsoft",
                                                      "critical_it_mw": 100}))
    (tmp_path / "no_answer.txt").write_text("ignored: no JSON beside it")
    scores, per_key = score_folder(tmp_path)
    result = summary(scores, per_key)
    assert (result["documents"], result["disclosed_fields"], result["right_fields"]) == (1, 3, 0)
    assert result["unreadable_documents"] == ["notice"]
    assert main([str(tmp_path), "--min-accuracy", "0.95"]) == 1
    assert "0/3" in capsys.readouterr().out


def test_cli_json_output_and_threshold(folder, capsys):
    assert main([str(folder), "--json", "--min-accuracy", "0.95"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["accuracy"] == 1.0 and set(result["per_key"]) >= {"counterparty", "critical_it_mw", "event"}
    assert main([str(folder), "--all-keys"]) == 0
