"""Production updates (and the production figures in results releases) -> staging.production_facts."""
from __future__ import annotations

import pandas as pd

from flows.sec import Handler, SecDocument, register
from transforms import production
from warehouse import load

FACT_COLUMNS = ["ticker", "period_type", "period_start", "period_end", "metric", "value", "null_reason",
                "evidence", "is_reporting_period"]


def facts_frame(doc: SecDocument, records: list[production.ProductionRecord]) -> pd.DataFrame:
    """One row per disclosed figure: a value with its evidence, or a null with the reason it stayed null."""
    rows = []
    for rec in records:
        for metric in production.METRIC_FIELDS:
            value = getattr(rec, metric)
            reason = rec.null_reasons.get(metric)
            if value is None and reason is None:
                continue  # not disclosed at all
            rows.append((doc.ticker, rec.period_type, rec.period_start, rec.period_end, metric, value, reason,
                         rec.evidence.get(metric), rec.is_reporting_period))
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)
    # A document that states one period twice (a table and a prose line) keeps its own period's
    # statement: reporting-period rows first, then the first of the rest.
    frame = frame.sort_values("is_reporting_period", ascending=False, kind="stable")
    frame = frame.drop_duplicates(subset=["period_type", "period_end", "metric"], keep="first")
    frame["accession"] = doc.accession
    frame["filing_date"] = doc.filing_date
    frame["document_url"] = doc.url
    frame["document_hash"] = doc.document_hash
    frame["fetched_at"] = pd.Timestamp(doc.fetched_at) if doc.fetched_at else pd.Timestamp.now(tz="UTC")
    frame["parser_version"] = production.PARSER_VERSION
    return frame


def parse_production(doc: SecDocument) -> list[production.ProductionRecord]:
    return production.parse_production(doc.body, ticker=doc.ticker)


def load_production(con, ctx, doc: SecDocument, records: list[production.ProductionRecord] | None = None) -> int:
    """Merge one document's figures (parsed here unless given); figures it no longer yields are retracted."""
    records = parse_production(doc) if records is None else records
    frame = facts_frame(doc, records)
    frame["run_id"] = ctx.run_id
    changed = load.merge_rows(
        con, "staging.production_facts", frame,
        keys=("ticker", "period_type", "period_end", "metric", "document_hash"),
        compare=("value", "null_reason", "evidence", "period_start", "is_reporting_period"),
        change_entity="ticker", change_metric="metric", change_period="period_type || ':' || period_end",
        change_value="value", run_id=ctx.run_id)
    changed += load.retract_missing(
        con, "staging.production_facts", frame, document_hash=doc.document_hash,
        keys=("ticker", "period_type", "period_end", "metric"), run_id=ctx.run_id)
    return changed


register("production", Handler(load_production, production.PARSER_VERSION, parse=parse_production))
# Quarterly results releases often carry the quarter's production; when they do not, that is fine.
register("results", Handler(load_production, production.PARSER_VERSION, optional=True, parse=parse_production))
