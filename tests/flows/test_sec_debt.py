"""The debt handler: debt documents -> staging.debt_events with lineage, change-aware, relinked per ticker."""
from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from flows import sec_debt
from flows.sec import HANDLERS, SecDocument, classify
from transforms import debt
from transforms.edgar import signals_for
from warehouse.db import migrate, transaction

FIXTURES = Path(__file__).parents[1] / "fixtures" / "debt"
LINEAGE = {"accession", "filing_date", "document_url", "document_hash", "fetched_at", "parser_version", "run_id"}


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    migrate(con)
    yield con
    con.close()


def document(name: str, ticker: str | None = None, body: bytes | None = None, filed: date | None = None) -> SecDocument:
    body = body if body is not None else (FIXTURES / name).read_bytes()
    ticker = ticker or name.split("_")[0].upper()
    filed = filed or date.fromisoformat(name.split("_")[1])
    digest = hashlib.sha256(body).hexdigest()
    accession = f"0000000000-{filed:%y}-{int(digest[:6], 16) % 1_000_000:06d}"
    return SecDocument(ticker, accession, filed, f"http://sec.test/{name}", digest, "2026-01-02T03:04:05+00:00",
                       "debt", body)


def load(con, doc: SecDocument, run_id: str = "run-1") -> int:
    with transaction(con):
        return sec_debt.load_debt(con, SimpleNamespace(run_id=run_id), doc)


def rows(con, sql: str, params=None) -> list[dict]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def test_the_handler_is_registered_for_debt_documents():
    assert [h.load for h in HANDLERS["debt"]] == [sec_debt.load_debt]
    assert HANDLERS["debt"][0].parser_version == debt.PARSER_VERSION and not HANDLERS["debt"][0].optional


def test_every_debt_event_field_and_the_lineage_are_columns(con):
    columns = {r[0] for r in con.execute("select column_name from duckdb_columns() where schema_name = 'staging'"
                                         " and table_name = 'debt_events'").fetchall()}
    assert set(debt.DebtEvent.model_fields) | LINEAGE | {"event_key", "event_date", "instrument_id",
                                                         "principal_change_usd"} == columns


def test_a_pricing_with_a_repurchase_loads_two_events_with_lineage_and_evidence(con):
    doc = document("btdr_2025-11-12_convertible-pricing-repurchase.txt")
    assert load(con, doc) > 0
    events = rows(con, "select * from staging.debt_events order by event_key")
    assert [(e["event_key"], e["principal_usd"]) for e in events] == [
        ("convertible_notes|priced|2031|4.00", 400e6), ("convertible_notes|repurchased|2029|5.25", 200e6)]
    priced, repurchased = events
    assert (priced["conversion_rate_per_1000_usd"], priced["cap_price_usd"], priced["maturity_date"]) == (
        56.2635, 27.88, date(2031, 11, 15))
    assert repurchased["consideration_usd"] == 267.9e6
    assert json.loads(priced["evidence"])["principal_usd"].startswith("US$400.0 million aggregate principal amount")
    assert "not applicable" in json.loads(repurchased["null_reasons"])["option_principal_usd"]
    for e in events:
        assert (e["ticker"], e["accession"], e["document_hash"], e["document_url"]) == (
            "BTDR", doc.accession, doc.document_hash, doc.url)
        assert (e["parser_version"], e["run_id"], e["filing_date"]) == (debt.PARSER_VERSION, "run-1", doc.filing_date)
        assert e["event_date"] == date(2025, 11, 12) and e["instrument_id"]


def test_reloading_the_same_document_changes_nothing(con):
    doc = document("iren_2025-10-09_convertible-pricing.txt")
    assert load(con, doc) > 0
    log = con.execute("select count(*) from ops.change_log").fetchone()[0]
    assert load(con, doc, run_id="run-2") == 0
    assert con.execute("select count(*) from ops.change_log").fetchone()[0] == log
    assert con.execute("select distinct run_id from staging.debt_events").fetchall() == [("run-1",)]


def test_events_of_one_instrument_share_its_id_and_the_instrument_carries_their_state(con):
    for name in ("bitf_2025-10-15_convertible-proposed.txt", "bitf_2025-10-16_convertible-pricing.txt",
                 "bitf_2025-10-21_convertible-closing.txt"):
        load(con, document(name))
    events = rows(con, "select event, instrument_id, principal_change_usd from staging.debt_events order by event_date")
    assert [(e["event"], e["principal_change_usd"]) for e in events] == [
        ("proposed", 0.0), ("priced", 0.0), ("closed", 588e6)]
    assert {e["instrument_id"] for e in events} == {"BITF-convertible_notes-2031-1.375"}
    (inst,) = rows(con, "select * from staging.debt_instruments")
    assert (inst["status"], inst["issued_principal_usd"], inst["outstanding_principal_usd"], inst["event_count"]) == (
        "closed", 588e6, 588e6, 3)
    assert len(json.loads(inst["accessions"])) == 3


def test_the_id_of_a_proposed_offering_follows_its_pricing_and_the_old_instrument_is_retracted(con):
    load(con, document("bitf_2025-10-15_convertible-proposed.txt"))
    assert con.execute("select instrument_id from staging.debt_instruments").fetchall() == [
        ("BITF-convertible_notes-2031-na",)]
    load(con, document("bitf_2025-10-16_convertible-pricing.txt"))
    assert con.execute("select instrument_id from staging.debt_instruments").fetchall() == [
        ("BITF-convertible_notes-2031-1.375",)]
    assert con.execute("select count(*) from ops.change_log where table_name = 'staging.debt_instruments'"
                       " and change_kind = 'retract' and metric = 'BITF-convertible_notes-2031-na'").fetchone()[0] == 1


def test_a_repurchase_reduces_the_outstanding_principal(con):
    load(con, document("btdr_2024-11-22_convertible-pricing.htm"))
    assert con.execute("select outstanding_principal_usd from staging.debt_instruments"
                       " where instrument_id = 'BTDR-convertible_notes-2029-5.25'").fetchone() == (360e6,)
    load(con, document("btdr_2025-11-12_convertible-pricing-repurchase.txt"))
    assert rows(con, "select issued_principal_usd, retired_principal_usd, outstanding_principal_usd"
                     " from staging.debt_instruments where instrument_id = 'BTDR-convertible_notes-2029-5.25'") == [
        {"issued_principal_usd": 360e6, "retired_principal_usd": 200e6, "outstanding_principal_usd": 160e6}]


def test_events_a_newer_parser_no_longer_finds_are_retracted(con, monkeypatch):
    doc = document("btdr_2025-11-12_convertible-pricing-repurchase.txt")
    load(con, doc)
    real_parse = debt.parse_debt
    monkeypatch.setattr(sec_debt.debt, "parse_debt", lambda body, ticker=None: [
        e for e in real_parse(body, ticker=ticker) if e.event != "repurchased"])
    assert load(con, doc, run_id="run-2") >= 1
    assert con.execute("select event from staging.debt_events").fetchall() == [("priced",)]
    (retract,) = rows(con, "select * from ops.change_log where change_kind = 'retract'"
                           " and table_name = 'staging.debt_events'")
    assert (retract["old_value"], retract["run_id"], retract["document_hash"]) == (200e6, "run-2", doc.document_hash)
    assert con.execute("select count(*) from staging.debt_instruments"
                       " where instrument_id = 'BTDR-convertible_notes-2029-5.25'").fetchone()[0] == 0


def test_an_undated_document_is_dated_by_its_filing(con):
    body = (b"Example Mining Corp. (NASDAQ: EXMN) today announced that it has closed its offering of $100 million "
            b"aggregate principal amount of 2.00% convertible senior notes due 2030.")
    load(con, document("exmn_undated.txt", ticker="EXMN", body=body, filed=date(2025, 3, 4)))
    (e,) = rows(con, "select announced_date, event_date, instrument_id from staging.debt_events")
    assert e == {"announced_date": None, "event_date": date(2025, 3, 4), "instrument_id": "EXMN-convertible_notes-2030-2.00"}


def test_an_unreadable_debt_document_raises_parse_error_and_writes_nothing(con):
    from transforms.errors import ParseError

    with pytest.raises(ParseError):
        load(con, document("exmn_empty.txt", ticker="EXMN", body=b"Nothing about any financing.", filed=date(2025, 1, 2)))
    assert con.execute("select count(*) from staging.debt_events").fetchone()[0] == 0


@pytest.mark.parametrize("name, items", [
    ("bitf_2025-10-15_convertible-proposed.txt", ()),
    ("riot_2024-12-10_convertible-pricing-spun.txt", ()),
    ("bitf_2025-10-21_convertible-closing.txt", ()),
    ("btdr_2025-11-12_convertible-pricing-repurchase.txt", ()),
    ("btdr_2025-09-08_convertible-conversion.txt", ()),
    ("btdr_2025-04-21_loan-facility.txt", ()),
    ("exmn_2025-07-01_coinbase-credit-facility.txt", ()),
    ("wulf_2025-10-23_8-k-senior-secured-closing.htm", ("1.01", "2.03", "9.01")),
    ("exmn_2025-03-05_8-k-term-loan.htm", ("1.01", "2.03", "9.01")),
])
def test_discovery_sends_debt_releases_and_8k_bodies_to_the_debt_handler(name, items):
    signals = signals_for((FIXTURES / name).read_bytes(), form="8-K", items=items)
    assert classify(signals) == "debt"


def test_an_8k_creating_a_direct_financial_obligation_is_debt_whatever_its_first_lines_say():
    cover = (b"<html><body><p><b>UNITED STATES</b></p><p><b>FORM 8-K</b></p><p><b>Example Mining Corp.</b></p>"
             b"<p>Item 2.03 Creation of a Direct Financial Obligation.</p></body></html>")
    assert classify(signals_for(cover, form="8-K", items=("2.03", "9.01"))) == "debt"
    production = (b"<html><body><p><b>Example Mining Announces October 2025 Production and Operations Updates</b></p>"
                  b"<p>Example mined 500 bitcoin in October.</p></body></html>")
    assert classify(signals_for(production, form="8-K", items=("7.01", "9.01"))) == "production"
