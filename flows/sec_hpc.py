"""AI/HPC (issue 8): contract releases -> staging.hpc_contract_events; the capacity and revenue mix in
results releases and production updates -> staging.capacity_mix / staging.revenue_mix."""
from __future__ import annotations

import json
import re

import pandas as pd

from extractors.edgar.registry import load_registry
from flows.sec import Handler, SecDocument, register, register_predicate
from transforms import hpc, hpc_mix
from transforms.edgar import DocumentSignals, classify_press_release
from warehouse import load

LINEAGE_COLUMNS = ["accession", "filing_date", "document_url", "document_hash", "fetched_at", "parser_version",
                   "run_id"]
_JSON_FIELDS = ("evidence", "null_reasons", "qualifiers")
EVENT_COLUMNS = ["ticker", "contract_ref",
                 *(f for f in hpc.HpcContractEvent.model_fields if f not in ("ticker", "parser_version"))]
_EVENT_COMPARE = [c for c in EVENT_COLUMNS if c not in ("ticker", "contract_ref")]
CAPACITY_COLUMNS = ["ticker", "period_type", "period_end", "metric", "value", "null_reason", "evidence"]
REVENUE_COLUMNS = ["ticker", "period_type", "period_start", "period_end", "metric", "value", "null_reason", "evidence"]
# hpc_mix says "not stated ..." for a figure the release does not give at all: that is no disclosure,
# unlike "the release states different figures ...", which is kept as a null with its reason.
_NOT_DISCLOSED_PREFIX = "not stated"


def _with_lineage(frame: pd.DataFrame, doc: SecDocument, parser_version: str, run_id: str) -> pd.DataFrame:
    frame["accession"] = doc.accession
    frame["filing_date"] = doc.filing_date
    frame["document_url"] = doc.url
    frame["document_hash"] = doc.document_hash
    frame["fetched_at"] = pd.Timestamp(doc.fetched_at) if doc.fetched_at else pd.Timestamp.now(tz="UTC")
    frame["parser_version"] = parser_version
    frame["run_id"] = run_id
    return frame


def contract_ref(event: hpc.HpcContractEvent) -> str:
    """The key of one contract within a document: '<counterparty> @ <site>'."""
    return f"{event.counterparty or '(unnamed tenant)'} @ {event.site or '(no site)'}"


def contract_events_frame(doc: SecDocument, events: list[hpc.HpcContractEvent], run_id: str) -> pd.DataFrame:
    """One row per contract the release describes, every HpcContractEvent field, JSON for the dicts."""
    rows = []
    for event in events:
        dumped = event.model_dump()
        row = {"ticker": doc.ticker, "contract_ref": contract_ref(event)}
        for name in EVENT_COLUMNS[2:]:
            value = dumped[name]
            row[name] = json.dumps(value, sort_keys=True, ensure_ascii=False) if name in _JSON_FIELDS else value
        rows.append(row)
    frame = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    frame = frame.drop_duplicates(subset=["contract_ref"], keep="first")
    for name in ("start_date", "announced_date"):
        frame[name] = pd.to_datetime(frame[name]).dt.date
    return _with_lineage(frame, doc, hpc.PARSER_VERSION, run_id)


def parse_hpc_contracts(doc: SecDocument) -> list[hpc.HpcContractEvent]:
    return hpc.parse_hpc(doc.body, ticker=doc.ticker, announced_date=doc.filing_date)


def load_hpc_contracts(con, ctx, doc: SecDocument, events: list[hpc.HpcContractEvent] | None = None) -> int:
    """Merge one contract release's events (parsed here unless given); events it no longer yields are retracted."""
    events = parse_hpc_contracts(doc) if events is None else events
    frame = contract_events_frame(doc, events, ctx.run_id)
    changed = load.merge_rows(
        con, "staging.hpc_contract_events", frame,
        keys=("ticker", "contract_ref", "document_hash"), compare=_EVENT_COMPARE,
        change_entity="ticker", change_metric="contract_ref", change_period="announced_date",
        change_value="critical_it_mw", run_id=ctx.run_id)
    changed += load.retract_missing(
        con, "staging.hpc_contract_events", frame, document_hash=doc.document_hash,
        keys=("ticker", "contract_ref"), run_id=ctx.run_id, value_column="critical_it_mw",
        metric_key="contract_ref")
    return changed


# --- capacity and revenue mix ---------------------------------------------------------------
def _fiscal_year_end(ticker: str) -> str | None:
    """From the registry (staging.miners mirrors it), so parsing needs no database."""
    return next((m.fiscal_year_end for m in load_registry() if m.ticker == ticker), None)


def _figures(record, fields: tuple[str, ...]):
    """(metric, value, null reason, evidence) of each figure the record discloses."""
    for metric in fields:
        value = getattr(record, metric)
        reason = record.null_reasons.get(metric)
        if value is None and (reason is None or reason.startswith(_NOT_DISCLOSED_PREFIX)):
            continue
        yield metric, value, None if value is not None else reason, record.evidence.get(metric)


def capacity_frame(doc: SecDocument, records: list[hpc_mix.CapacityMixRecord], run_id: str) -> pd.DataFrame:
    """One row per capacity figure (long, like staging.production_facts), with lineage."""
    rows = [(doc.ticker, r.period_type, r.period_end, metric, value, reason, evidence)
            for r in records for metric, value, reason, evidence in _figures(r, hpc_mix.CAPACITY_FIELDS)]
    frame = pd.DataFrame(rows, columns=CAPACITY_COLUMNS).astype({"value": "float64"})
    frame = frame.drop_duplicates(subset=["period_type", "period_end", "metric"], keep="first")
    return _with_lineage(frame, doc, hpc_mix.PARSER_VERSION, run_id)


def revenue_frame(doc: SecDocument, records: list[hpc_mix.RevenueMixRecord], run_id: str) -> pd.DataFrame:
    """One row per revenue figure of the release's own period, with lineage."""
    rows = [(doc.ticker, r.period_type, r.period_start, r.period_end, metric, value, reason, evidence)
            for r in records for metric, value, reason, evidence in _figures(r, hpc_mix.REVENUE_FIELDS)]
    frame = pd.DataFrame(rows, columns=REVENUE_COLUMNS).astype({"value": "float64"})
    frame = frame.drop_duplicates(subset=["period_type", "period_end", "metric"], keep="first")
    return _with_lineage(frame, doc, hpc_mix.PARSER_VERSION, run_id)


def _merge_mix(con, ctx, doc: SecDocument, table: str, frame: pd.DataFrame, compare: tuple[str, ...]) -> int:
    changed = load.merge_rows(
        con, table, frame, keys=("ticker", "period_type", "period_end", "metric", "document_hash"),
        compare=compare, change_entity="ticker", change_metric="metric",
        change_period="period_type || ':' || period_end", change_value="value", run_id=ctx.run_id)
    changed += load.retract_missing(con, table, frame, document_hash=doc.document_hash,
                                    keys=("ticker", "period_type", "period_end", "metric"), run_id=ctx.run_id)
    return changed


def parse_capacity_mix(doc: SecDocument) -> list[hpc_mix.CapacityMixRecord]:
    return hpc_mix.parse_capacity_mix(doc.body, ticker=doc.ticker, fiscal_year_end=_fiscal_year_end(doc.ticker))


def parse_revenue_mix(doc: SecDocument) -> list[hpc_mix.RevenueMixRecord]:
    return hpc_mix.parse_revenue_mix(doc.body, ticker=doc.ticker, fiscal_year_end=_fiscal_year_end(doc.ticker))


def load_capacity_mix(con, ctx, doc: SecDocument, records: list[hpc_mix.CapacityMixRecord] | None = None) -> int:
    """MW by use stated in a results release or production update (none stated: nothing written)."""
    records = parse_capacity_mix(doc) if records is None else records
    return _merge_mix(con, ctx, doc, "staging.capacity_mix", capacity_frame(doc, records, ctx.run_id),
                      ("value", "null_reason", "evidence"))


def load_revenue_mix(con, ctx, doc: SecDocument, records: list[hpc_mix.RevenueMixRecord] | None = None) -> int:
    """Mining / hosting / AI-HPC / total revenue of the release's own period (none stated: nothing written)."""
    records = parse_revenue_mix(doc) if records is None else records
    return _merge_mix(con, ctx, doc, "staging.revenue_mix", revenue_frame(doc, records, ctx.run_id),
                      ("value", "null_reason", "evidence", "period_start"))


# --- classification -------------------------------------------------------------------------
#: Headlines of notices about an event ("Cipher Mining to Host Conference Call"), whose lead may
#: well recite the company's leases: never a contract release. Narrower than the keyword classifier's
#: rule, which also takes "... Contracts with CoreWeave to Host HPC Workloads" for a notice.
_NOTICE_RE = re.compile(
    r"\bto (?:host|hold|report|announce|present|participate|release)\b(?:\s+[\w-]+){0,5}?\s+"
    r"(?:conference call|call|webcast|meeting|conference|results|earnings|event|day)\b|conference call|"
    r"webcast|annual (?:general )?meeting|special meeting|investor conference", re.I)


def _lead(signals: DocumentSignals) -> str:
    return f"{signals.title}\n{signals.description}\n{signals.text}"


def is_hpc_contract_release(signals: DocumentSignals) -> bool:
    """An AI/HPC contract release the keywords miss ("Hut 8 Signs 15-Year Lease with Fluidstack" names
    no HPC word in its headline): not a debt, results or production release, and its lead reads like
    a hosting, colocation or cloud contract (tenant or HPC wording, contract wording, MW/$/years)."""
    if classify_press_release(signals) not in ("hpc", "other"):
        return False
    if _NOTICE_RE.search(signals.title):
        return False
    return hpc.looks_like_hpc_release(_lead(signals))


def is_hpc_keyword_without_contract(signals: DocumentSignals) -> bool:
    """A headline with an HPC keyword ("tenant", "lease agreement") but no contract in its lead: filed
    as "other" so the contract parser does not quarantine, say, an office lease notice."""
    return classify_press_release(signals) == "hpc" and not hpc.looks_like_hpc_release(_lead(signals))


register("hpc", Handler(load_hpc_contracts, hpc.PARSER_VERSION, parse=parse_hpc_contracts))
for _kind in ("results", "production"):
    # Most results releases and updates state no capacity or revenue split: that is not an error.
    register(_kind, Handler(load_capacity_mix, hpc_mix.PARSER_VERSION, optional=True, parse=parse_capacity_mix))
    register(_kind, Handler(load_revenue_mix, hpc_mix.PARSER_VERSION, optional=True, parse=parse_revenue_mix))
register_predicate("hpc", is_hpc_contract_release)
register_predicate("other", is_hpc_keyword_without_contract)
