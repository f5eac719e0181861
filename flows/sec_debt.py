"""Debt releases and 8-K bodies -> staging.debt_events, then the ticker's instruments relinked.

Each document's events load change-aware on (ticker, document_hash, event_key); events a newer
parser no longer finds are retracted. Linking needs every event of the ticker (a closing release
completes a pricing release filed days earlier), so after each document the ticker's events are
read back, linked by transforms.debt_linking, and staging.debt_instruments plus each event's
instrument_id and principal change are rewritten where they differ.
"""
from __future__ import annotations

import json
from collections import Counter

import pandas as pd

from flows.sec import Handler, SecDocument, register
from transforms import debt
from transforms.debt_linking import event_links, format_coupon
from warehouse import load

#: DebtEvent fields stored as JSON text.
JSON_FIELDS = ("evidence", "null_reasons", "derived", "spun_wording")
#: DebtEvent fields stored as plain columns (everything but the JSON ones and parser_version).
VALUE_FIELDS = tuple(f for f in debt.DebtEvent.model_fields if f not in JSON_FIELDS + ("parser_version",))
EVENT_KEYS = ("ticker", "document_hash", "event_key")
INSTRUMENT_COLUMNS = (
    "instrument_id", "ticker", "instrument", "status", "coupon_pct", "maturity_date", "maturity_year",
    "conversion_rate_per_1000_usd", "conversion_price_usd", "conversion_premium_pct", "cap_price_usd", "secured",
    "first_announced", "last_event_date", "issued_principal_usd", "retired_principal_usd",
    "outstanding_principal_usd", "event_count", "null_reasons", "document_hash", "accessions", "run_id",
)


def event_key(e: debt.DebtEvent) -> str:
    """What tells one event of a document from another: instrument, event, maturity year, coupon."""
    coupon = format_coupon(e.coupon_pct) if e.coupon_pct is not None else "-"
    return f"{e.instrument}|{e.event or '-'}|{e.maturity_year or '-'}|{coupon}"


def events_frame(doc: SecDocument, events: list[debt.DebtEvent]) -> pd.DataFrame:
    """One row per event with every DebtEvent field and the document's lineage."""
    rows, seen = [], Counter()
    for e in events:
        key = event_key(e)
        seen[key] += 1
        row = {name: getattr(e, name) for name in VALUE_FIELDS}
        row["ticker"] = doc.ticker  # the filer, whatever ticker the text names
        row["event_key"] = key if seen[key] == 1 else f"{key}#{seen[key]}"
        row["event_date"] = e.announced_date or doc.filing_date
        for name in JSON_FIELDS:
            row[name] = json.dumps(getattr(e, name), sort_keys=True, default=str)
        row["parser_version"] = e.parser_version
        rows.append(row)
    columns = ["ticker", "event_key", *[f for f in VALUE_FIELDS if f != "ticker"], "event_date", *JSON_FIELDS,
               "parser_version"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["accession"] = doc.accession
    frame["filing_date"] = doc.filing_date
    frame["document_url"] = doc.url
    frame["document_hash"] = doc.document_hash
    frame["fetched_at"] = pd.Timestamp(doc.fetched_at) if doc.fetched_at else pd.Timestamp.now(tz="UTC")
    for name in ("principal_usd", "option_principal_usd", "coupon_pct", "conversion_rate_per_1000_usd",
                 "conversion_price_usd", "conversion_premium_pct", "cap_price_usd", "net_proceeds_usd",
                 "upsized_from_usd", "consideration_usd"):
        frame[name] = frame[name].astype("float64")
    frame["maturity_year"] = frame["maturity_year"].astype("Int64")
    for name in ("secured", "option_exercised", "principal_includes_option", "all_outstanding"):
        frame[name] = frame[name].astype("boolean")
    return frame


def parse_debt(doc: SecDocument) -> list[debt.DebtEvent]:
    return debt.parse_debt(doc.body, ticker=doc.ticker)


def load_debt(con, ctx, doc: SecDocument, events: list[debt.DebtEvent] | None = None) -> int:
    """Merge one document's debt events (parsed here unless given), retract those it no longer yields,
    relink the ticker."""
    events = parse_debt(doc) if events is None else events
    frame = events_frame(doc, events)
    frame["run_id"] = ctx.run_id
    compare = [c for c in frame.columns if c not in EVENT_KEYS + ("fetched_at", "run_id", "document_url")]
    changed = load.merge_rows(
        con, "staging.debt_events", frame, keys=EVENT_KEYS, compare=compare,
        change_entity="ticker", change_metric="event_key", change_period="event_date",
        change_value="principal_usd", run_id=ctx.run_id)
    changed += load.retract_missing(
        con, "staging.debt_events", frame, document_hash=doc.document_hash, keys=("ticker", "event_key"),
        run_id=ctx.run_id, value_column="principal_usd")
    return changed + relink_ticker(con, doc.ticker, ctx.run_id)


def _stored_events(con, ticker: str) -> tuple[list[tuple], list[debt.DebtEvent]]:
    """The ticker's stored events as DebtEvents (dated by event_date) and their staging keys."""
    cur = con.execute(
        f"select document_hash, event_key, event_date, accession, {', '.join(VALUE_FIELDS)}, {', '.join(JSON_FIELDS)}"
        " from staging.debt_events where ticker = ? order by event_date, filing_date, accession, event_key",
        [ticker])
    names = [d[0] for d in cur.description]
    keys, events = [], []
    for row in cur.fetchall():
        rec = dict(zip(names, row))
        keys.append((rec.pop("document_hash"), rec.pop("event_key"), rec["event_date"], rec.pop("accession")))
        rec["announced_date"] = rec.pop("event_date")  # undated documents link by their filing date
        for name in JSON_FIELDS:
            rec[name] = json.loads(rec[name])
        events.append(debt.DebtEvent.model_validate(rec))
    return keys, events


def relink_ticker(con, ticker: str, run_id: str) -> int:
    """Link all of the ticker's events again; write instruments and event links that changed."""
    keys, events = _stored_events(con, ticker)
    states, links = event_links(events)
    updates = pd.DataFrame(
        [(ticker, doc_hash, key, link.instrument_id if link else None, link.principal_change_usd if link else None)
         for (doc_hash, key, _, _), link in zip(keys, links)],
        columns=["ticker", "document_hash", "event_key", "instrument_id", "principal_change_usd"])
    changed = 0
    if not updates.empty:
        con.register("_links_df", updates)
        try:
            changed += con.execute(
                """
                update staging.debt_events as t
                set instrument_id = l.instrument_id, principal_change_usd = l.principal_change_usd
                from _links_df as l
                where t.ticker = l.ticker and t.document_hash = l.document_hash and t.event_key = l.event_key
                  and (t.instrument_id is distinct from l.instrument_id
                       or t.principal_change_usd is distinct from l.principal_change_usd)
                """).fetchone()[0]
        finally:
            con.unregister("_links_df")
    frame = instruments_frame(ticker, states, keys, links, run_id)
    if not frame.empty:
        changed += load.merge_rows(
            con, "staging.debt_instruments", frame, keys=("instrument_id",),
            compare=[c for c in frame.columns if c not in ("instrument_id", "run_id")],
            change_entity="ticker", change_metric="instrument_id", change_period="last_event_date",
            change_value="outstanding_principal_usd", run_id=run_id)
    gone = con.execute(
        "select instrument_id, outstanding_principal_usd, document_hash from staging.debt_instruments"
        " where ticker = ? and instrument_id not in (select unnest(?::varchar[]))",
        [ticker, [s.instrument_id for s in states]]).fetchall()
    for instrument_id, outstanding, doc_hash in gone:
        con.execute(
            "insert into ops.change_log (run_id, table_name, entity, metric, period, change_kind, old_value,"
            " new_value, document_hash, changed_at) values (?, 'staging.debt_instruments', ?, ?, '', 'retract', ?,"
            " null, ?, current_timestamp)", [run_id, ticker, instrument_id, outstanding, doc_hash])
        con.execute("delete from staging.debt_instruments where instrument_id = ?", [instrument_id])
    return changed + len(gone)


def instruments_frame(ticker, states, keys, links, run_id) -> pd.DataFrame:
    """One row per linked instrument: its state, the documents behind it, and the latest one."""
    docs: dict[str, list[tuple]] = {}
    for (doc_hash, _, event_date, accession), link in zip(keys, links):
        if link is not None:
            docs.setdefault(link.instrument_id, []).append((event_date, accession, doc_hash))
    rows = []
    for s in states:
        behind = sorted(docs.get(s.instrument_id, []))
        rows.append({
            **{c: getattr(s, c) for c in INSTRUMENT_COLUMNS if hasattr(s, c) and c not in ("null_reasons",)},
            "ticker": ticker,
            "event_count": len(s.events),
            "null_reasons": json.dumps(s.null_reasons, sort_keys=True),
            "document_hash": behind[-1][2] if behind else "",
            "accessions": json.dumps(sorted({a for _, a, _ in behind})),
            "run_id": run_id,
        })
    frame = pd.DataFrame(rows, columns=list(INSTRUMENT_COLUMNS))
    for name in ("coupon_pct", "conversion_rate_per_1000_usd", "conversion_price_usd", "conversion_premium_pct",
                 "cap_price_usd", "issued_principal_usd", "retired_principal_usd", "outstanding_principal_usd"):
        frame[name] = frame[name].astype("float64")
    frame["maturity_year"] = frame["maturity_year"].astype("Int64")
    frame["secured"] = frame["secured"].astype("boolean")
    return frame


register("debt", Handler(load_debt, debt.PARSER_VERSION, parse=parse_debt))
