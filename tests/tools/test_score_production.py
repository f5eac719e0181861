"""tools/score_production.py: the outcome of each field, the directory mode for held-out passages, and the
snapshot's accuracy as a regression guard for the production parser."""
from __future__ import annotations

import json

from tests.edgar_support import SNAPSHOT
from tools.build_sec_snapshot import DEFAULT_SPEC
from tools.score_production import directory_cases, main, score_cases, snapshot_cases

DOC = """Bitcoin Mining Update for May 2025
Bitcoin produced: 450
Bitcoin held: 19,000
Bitcoin sold: 410
Average operating hashrate: 30.2 EH/s
"""


def _write(folder, name, body, truth):
    (folder / f"{name}.txt").write_text(body, encoding="utf-8")
    (folder / f"{name}.json").write_text(json.dumps(truth), encoding="utf-8")


def test_each_field_is_correct_wrong_missing_or_spurious(tmp_path):
    _write(tmp_path, "may", DOC, {
        "ticker": "TEST", "period_type": "month", "period_start": "2025-05-01", "period_end": "2025-05-31",
        "btc_produced": 450, "btc_held": 19001, "btc_sold": None, "efficiency_j_per_th": 18.5,
        "hashrate_operating_ehs": 30.2})
    score = score_cases(directory_cases(tmp_path))
    outcomes = {i.field: i.outcome for i in score.items}
    assert outcomes == {"btc_produced": "correct", "btc_held": "wrong", "btc_sold": "spurious",
                        "efficiency_j_per_th": "missing", "hashrate_operating_ehs": "correct"}
    assert (score.disclosed, score.correct, score.spurious) == (4, 2, 1)
    assert score.accuracy == 0.5


def test_wrong_period_counts_every_field_missing(tmp_path):
    _write(tmp_path, "june", DOC, {"ticker": "TEST", "period_type": "month", "period_end": "2025-06-30",
                                   "btc_produced": 450})
    score = score_cases(directory_cases(tmp_path))
    assert [(i.field, i.outcome) for i in score.items] == [("btc_produced", "missing")]


def test_a_list_scores_every_period_and_extra_periods_are_spurious(tmp_path):
    body = ("Riot production update for April 2025\nMetric\nApril 2025\nMarch 2025\n"
            "Bitcoin Produced\n463\n533\nBitcoin Held\n19,211\n19,223\n")
    _write(tmp_path, "riot", body, [
        {"ticker": "RIOT", "period_type": "month", "period_end": "2025-04-30", "btc_produced": 463,
         "btc_held": 19211}])
    score = score_cases(directory_cases(tmp_path))
    by_period = {(i.period[1], i.field): i.outcome for i in score.items}
    assert by_period[("2025-04-30", "btc_produced")] == "correct"
    assert by_period[("2025-03-31", "btc_produced")] == "spurious"


def test_collector_header_and_tolerance(tmp_path):
    (tmp_path / "may.txt").write_text("SOURCE: https://example.invalid/release\n---\n" + DOC, encoding="utf-8")
    (tmp_path / "may.json").write_text(json.dumps({"ticker": "TEST", "period_type": "month",
                                                   "period_end": "2025-05-31", "btc_produced": 450,
                                                   "btc_held": 19050, "btc_sold": 410,
                                                   "hashrate_operating_ehs": 30.2}))
    outcomes = {i.field: i.outcome for i in score_cases(directory_cases(tmp_path)).items}
    assert outcomes["btc_held"] == "wrong" and list(outcomes.values()).count("correct") == 3
    assert main(["--dir", str(tmp_path), "--rel-tol", "0.005", "--min-accuracy", "1"]) == 0


def test_unreadable_document_is_reported_and_its_fields_missing(tmp_path):
    _write(tmp_path, "blank", "nothing to see here, just words\n", {
        "ticker": "TEST", "period_type": "month", "period_end": "2025-05-31", "btc_produced": 1})
    score = score_cases(directory_cases(tmp_path))
    assert len(score.errors) == 1 and [i.outcome for i in score.items] == ["missing"]


def test_cli_exit_code_and_table(tmp_path, capsys):
    _write(tmp_path, "may", DOC, {"ticker": "TEST", "period_type": "month", "period_end": "2025-05-31",
                                  "btc_produced": 450, "btc_held": 19000, "btc_sold": 410,
                                  "hashrate_operating_ehs": 30.2})
    assert main(["--dir", str(tmp_path), "--min-accuracy", "0.98"]) == 0
    out = capsys.readouterr().out
    assert "overall: 4 of 4 disclosed fields right = 100.0%; 0 spurious" in out
    (tmp_path / "may.json").write_text(json.dumps({"ticker": "TEST", "period_type": "month",
                                                   "period_end": "2025-05-31", "btc_produced": 451}))
    assert main(["--dir", str(tmp_path), "--min-accuracy", "0.98"]) == 1


def test_snapshot_exhibits_score_at_least_98_percent_with_nothing_spurious():
    cases, stale = snapshot_cases(DEFAULT_SPEC, SNAPSHOT)
    assert not stale, f"snapshot differs from the spec: {stale[:3]}"
    assert len(cases) >= 60
    score = score_cases(cases)
    wrong = [i for i in score.items if i.outcome != "correct"]
    assert score.accuracy >= 0.98, wrong[:10]
    assert score.spurious == 0, [i for i in wrong if i.outcome == "spurious"][:10]
    # every document with figures is readable
    assert all(not c.expected for c in cases if c.name in score.errors)
