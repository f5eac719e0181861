"""Where a published value came from: mart row -> staged facts -> source document -> evidence.

`explain()` answers `minerwatch explain TABLE KEY=VALUE... [--metric M]`. Table and column names
are checked against the catalog (warehouse/catalog.py); every value a user gives is a bound
parameter, cast to the column's catalog type. It only reads, so it runs on the analysts'
read-only connection.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb

from warehouse.catalog import Relation, has_relation, quote_ident, relation

#: Rows a key may match before explain asks for a narrower key.
MAX_ROWS = 5
#: Mart columns that carry another name in staging.production_facts.
PRODUCTION_ALIASES = {"proceeds_usd": "btc_sale_proceeds_usd", "avg_price_usd": "btc_avg_sale_price_usd"}
#: Derived miner columns: the disclosed figures they are computed from (formulas in the column comments).
DERIVED_INPUTS = {
    "sell_ratio": ("btc_sold", "btc_produced"),
    "price_vs_market_pct": ("btc_avg_sale_price_usd", "btc_sale_proceeds_usd", "btc_sold"),
    "expected_btc": ("hashrate_operating_ehs", "hashrate_deployed_ehs"),
    "realization": ("btc_produced", "hashrate_operating_ehs", "hashrate_deployed_ehs"),
    "realized_hashrate_ehs": ("btc_produced",),
    "realized_hashprice_usd_per_ph_day": ("btc_produced", "hashrate_operating_ehs", "hashrate_deployed_ehs"),
    "power_hashcost_usd_per_ph_day": ("efficiency_j_per_th", "power_cost_usd_per_kwh"),
    "power_hashcost_to_hashprice_pct": ("efficiency_j_per_th", "power_cost_usd_per_kwh"),
    "share_of_network_pct": ("btc_produced",),
}
#: Network marts: the staging fields behind a derived daily column.
HASHPRICE_INPUTS = ("blocks", "subsidy_btc", "fees_btc", "difficulty", "btc_price_usd")
IDENTITY_COLUMNS = ("ticker", "period_type", "period_start", "period_end", "day", "height", "metric",
                    "quarter_end", "source")
DOCUMENT_COLUMNS = ("document_hash", "url", "source", "endpoint", "ticker", "accession", "filing_date", "form",
                    "exhibit_type", "title", "kind", "first_fetched_at", "archive_path")


class ExplainError(ValueError):
    """The question cannot be answered as asked (unknown table, column or key; no row)."""


def parse_filters(pairs: list[str]) -> dict[str, str]:
    """["ticker=RIOT", "period_end=2025-12-31"] -> {"ticker": "RIOT", "period_end": "2025-12-31"}."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ExplainError(f"expected KEY=VALUE, got {pair!r}")
        out[name.strip()] = value.strip()
    return out


def _rows(con, sql: str, params: list) -> list[dict]:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _mart_rows(con, rel: Relation, filters: dict[str, str]) -> list[dict]:
    where, params = [], []
    for name, value in filters.items():
        col = rel.column(name)
        if col is None:
            raise ExplainError(f"{rel.qualified} has no column {name!r}; columns: "
                               + ", ".join(c.name for c in rel.columns))
        # the type comes from the catalog; the value is a parameter
        if con.execute(f"select try_cast(? as {col.data_type}) is null", [value]).fetchone()[0]:
            raise ExplainError(f"{name}={value} is not a {col.data_type}")
        where.append(f"{quote_ident(col.name)} = cast(? as {col.data_type})")
        params.append(value)
    sql = f"select * from {quote_ident(rel.schema)}.{quote_ident(rel.name)}"
    if where:
        sql += " where " + " and ".join(where)
    return _rows(con, sql + f" limit {MAX_ROWS + 1}", params)


def _json_map(value) -> dict:
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    try:
        parsed = json.loads(value)
    except (TypeError, ValueError):
        return {}
    return parsed if isinstance(parsed, dict) else {}


def documents(con, hashes: list[str], archive_dir: Path | None) -> dict[str, dict]:
    """marts.source_documents rows by hash, with the archive object's absolute path and presence."""
    hashes = sorted({h for h in hashes if h})
    if not hashes or not has_relation(con, "marts.source_documents"):
        return {}
    rows = _rows(con, f"select {', '.join(DOCUMENT_COLUMNS)} from marts.source_documents"
                      " where list_contains(?, document_hash)", [hashes])
    out = {}
    for row in rows:
        if archive_dir is not None:
            path = Path(archive_dir) / row["archive_path"]
            row["archive_file"] = str(path)
            row["archived"] = path.is_file()
        out[row["document_hash"]] = row
    for h in hashes:  # a staged fact whose document is not indexed (should not happen): say so
        out.setdefault(h, {"document_hash": h, "missing": "not in raw.documents or ops.loaded_documents"})
    return out


def changes(con, hashes: list[str], entity: str | None, metrics: list[str], period_like: str | None) -> list[dict]:
    """Change-log entries of these facts (newest last)."""
    if not has_relation(con, "marts.change_log") or not metrics:
        return []
    return _rows(con, """
        select change_id, changed_at, run_id, table_name, entity, metric, period, change_kind, old_value,
               new_value, document_hash
        from marts.change_log
        where list_contains(?, metric) and (? is null or entity = ?) and (? is null or period = ?)
        order by change_id""", [metrics, entity, entity, period_like, period_like])


# --- per-mart chains ---------------------------------------------------------------------------
def _production_chain(con, rel: Relation, row: dict, metric: str | None) -> list[dict]:
    hashes = _json_map(row.get("source_document_hashes"))
    if metric in DERIVED_INPUTS:
        metrics = [m for m in DERIVED_INPUTS[metric] if m in hashes]
    elif metric:
        staged = PRODUCTION_ALIASES.get(metric, metric.removesuffix("_first_reported"))
        metrics = [staged] if staged in hashes or _is_production_metric(con, staged) else sorted(hashes)
    else:
        metrics = sorted(hashes)
    params = [row["ticker"], row["period_end"], row.get("period_type"), row.get("period_type"), metrics]
    facts = _rows(con, """
        select metric, value, null_reason, evidence, is_reporting_period, period_type, period_start, period_end,
               accession, filing_date, document_url, document_hash, fetched_at, parser_version, run_id
        from staging.production_facts
        where ticker = ? and period_end = ? and (? is null or period_type = ?) and list_contains(?, metric)
        order by metric, filing_date, is_reporting_period desc, accession""", params)
    held = _rows(con, """
        select metric, document_hash, check_name, reason from ops.held_back
        where table_name = 'staging.production_facts' and ticker = ? and period_end = ?""",
                 [row["ticker"], row["period_end"]])
    held_keys = {(h["metric"], h["document_hash"]): h for h in held}
    out = []
    for m in metrics:
        rows = [f for f in facts if f["metric"] == m]
        for f in rows:
            f["used"] = hashes.get(m) == f["document_hash"]
            hold = held_keys.get((m, f["document_hash"]))
            if hold:
                f["held_back"] = f"{hold['check_name']}: {hold['reason']}"
        period = f"{row.get('period_type')}:{row['period_end']}" if row.get("period_type") else None
        out.append({"metric": m, "value": _mart_value(row, m), "staging_table": "staging.production_facts",
                    "facts": rows, "document_hashes": [f["document_hash"] for f in rows],
                    "changes": changes(con, [], row["ticker"], [m], period)})
    return out


def _is_production_metric(con, metric: str) -> bool:
    return con.execute("select count(*) from staging.production_facts where metric = ?", [metric]).fetchone()[0] > 0


def _mart_value(row: dict, staged_metric: str):
    for col, staged in PRODUCTION_ALIASES.items():
        if staged == staged_metric and col in row:
            return row[col]
    return row.get(staged_metric)


def _network_chain(con, rel: Relation, row: dict, metric: str | None) -> list[dict]:
    hashes = _json_map(row.get("source_document_hashes"))
    if rel.name == "network_source_comparison":
        metrics = [row["metric"]]
    elif metric and metric in hashes:
        metrics = [metric]
    elif metric and metric.startswith(("hashvalue", "hashprice", "reward_per_block", "fee_share")):
        metrics = [m for m in HASHPRICE_INPUTS if m in hashes]
    else:  # the fields the row shows, plus mempool's reward where it stood in for Coin Metrics
        metrics = [m for m in sorted(hashes) if m in row or (m == "reward_per_block_btc"
                                                               and row.get("reward_source") == "mempool")]
    day = row["day"]
    out = []
    for m in metrics:
        facts = _rows(con, """
            select o.source, o.endpoint, o.metric, o.day, o.value, p.priority, o.document_hash, o.url, o.fetched_at,
                   o.parser_version, o.run_id
            from staging.network_observations as o
            left join staging.source_priority as p using (metric, source)
            where o.metric = ? and o.day = ?
            order by p.priority nulls last, o.source""", [m, day])
        if m == "difficulty":
            facts += _rows(con, """
                select source, 'difficulty-adjustments' as endpoint, 'difficulty' as metric, height, time,
                       value, document_hash, url, fetched_at, parser_version, run_id
                from (select *, difficulty as value, lead(time) over (order by height) as ends_at
                      from staging.difficulty_adjustments where source = 'mempool')
                where time < cast(? as date) + interval 1 day
                  and coalesce(ends_at, timestamptz '9999-12-31') > cast(? as date)
                order by height""", [day, day])
        for f in facts:
            f["used"] = f["document_hash"] == hashes.get(m) or (rel.name == "network_source_comparison"
                                                                 and f["source"] == row.get("canonical_source"))
            f["evidence"] = _network_evidence(f)
        out.append({"metric": m, "value": row.get(m, row.get("canonical_value")),
                    "staging_table": "staging.network_observations", "facts": facts,
                    "document_hashes": [f["document_hash"] for f in facts],
                    "changes": [c for c in changes(con, [], None, [m], str(day))]})
    return out


def _network_evidence(fact: dict) -> str:
    if "height" in fact:
        return f"retarget at height {fact['height']} ({fact['time']}): difficulty {fact['value']:,.0f}"
    return f"{fact['source']} {fact['endpoint']}: {fact['metric']} for {fact['day']} = {fact['value']:,.6g}"


def _retarget_chain(con, rel: Relation, row: dict, metric: str | None) -> list[dict]:
    facts = _rows(con, """
        select source, height, time, difficulty as value, adjustment_ratio, document_hash, url, fetched_at,
               parser_version, run_id
        from staging.difficulty_adjustments where height = ? order by source""", [row["height"]])
    for f in facts:
        f["used"] = f["source"] == "mempool"
        f["evidence"] = f"{f['source']} difficulty-adjustments: height {f['height']} at {f['time']}"
    return [{"metric": "difficulty", "value": row.get("difficulty"), "staging_table": "staging.difficulty_adjustments",
             "facts": facts, "document_hashes": [f["document_hash"] for f in facts],
             "changes": changes(con, [], None, ["difficulty"], str(row["height"]))}]


def _generic_chain(con, rel: Relation, row: dict, metric: str | None) -> list[dict]:
    """Any other mart (debt, HPC, ...): documents named by its hash and accession columns, the
    staged facts of those documents, and its evidence column."""
    hashes: list[str] = []
    for name, value in row.items():
        if name == "document_hash" or name.endswith("_document_hash"):
            hashes.append(value)
        elif name.endswith("document_hashes"):
            mapping = _json_map(value)
            hashes += [mapping[metric]] if metric in mapping else list(mapping.values())
            if isinstance(value, list):
                hashes += value
    accessions = [v for k, v in row.items() if k in ("accession", "latest_accession", "last_accession") and v]
    accessions += list(_json_map(row.get("source_accessions")).values())
    if accessions and has_relation(con, "marts.source_documents"):
        hashes += [r[0] for r in con.execute(
            "select document_hash from marts.source_documents where list_contains(?, accession)"
            " and kind is distinct from 'other'", [sorted(set(accessions))]).fetchall()]
    hashes = sorted({h for h in hashes if isinstance(h, str) and h})
    facts = []
    for table in _staging_tables_with_documents(con):
        facts += [{"staging_table": table, **f} for f in _rows(
            con, f"select * from staging.{quote_ident(table)} where list_contains(?, document_hash) limit 50",
            [hashes])] if hashes else []
    evidence = row.get("evidence")
    if metric and isinstance(evidence, str):
        evidence = _json_map(evidence).get(metric, evidence)
    return [{"metric": metric or "(row)", "value": row.get(metric) if metric else None,
             "staging_table": ", ".join(sorted({f["staging_table"] for f in facts})) or None,
             "facts": facts, "document_hashes": hashes, "evidence": evidence, "changes": []}]


def _staging_tables_with_documents(con) -> list[str]:
    return [r[0] for r in con.execute(
        "select table_name from duckdb_columns() where schema_name = 'staging' and column_name = 'document_hash'"
        " and table_name in (select table_name from duckdb_tables() where schema_name = 'staging')"
        " order by 1").fetchall()]


def _chain_builder(rel: Relation, row: dict):
    if "ticker" in row and "period_end" in row and "source_document_hashes" in row:
        return _production_chain
    if rel.name in ("hashprice_daily", "network_source_comparison") and "day" in row:
        return _network_chain
    if rel.name == "difficulty_adjustments":
        return _retarget_chain
    return _generic_chain


def explain(con: duckdb.DuckDBPyConnection, table: str, filters: dict[str, str], metric: str | None = None,
            archive_dir: Path | None = None) -> dict:
    """The provenance chain of the mart rows `filters` selects (at most MAX_ROWS).

    Returns {"table", "filters", "metric", "column_comment", "rows": [{"row", "chain": [{"metric",
    "value", "staging_table", "facts", "changes", "documents"}]}]}.
    """
    rel = relation(con, table)
    if metric is not None and rel.column(metric) is None and metric not in _json_map_keys(con, rel):
        raise ExplainError(f"{rel.qualified} has no column or metric {metric!r}")
    rows = _mart_rows(con, rel, filters)
    if not rows:
        raise ExplainError(f"no row of {rel.qualified} matches "
                           + " ".join(f"{k}={v}" for k, v in filters.items()))
    if len(rows) > MAX_ROWS:
        raise ExplainError(f"more than {MAX_ROWS} rows of {rel.qualified} match; add a key "
                           f"(columns: {', '.join(c.name for c in rel.columns[:8])}, ...)")
    column = rel.column(metric) if metric else None
    result = {"table": rel.qualified, "filters": filters, "metric": metric,
              "column_comment": column.comment if column else None, "rows": []}
    build = _chain_builder(rel, rows[0])
    for row in rows:
        chain = build(con, rel, row, metric)
        for link in chain:
            docs = documents(con, link["document_hashes"], archive_dir)
            used = [f["document_hash"] for f in link["facts"] if f.get("used")]
            link["documents"] = sorted(docs.values(), key=lambda d: (d["document_hash"] not in used,
                                                                     d["document_hash"]))
        result["rows"].append({"row": row, "chain": chain})
    return result


def _json_map_keys(con, rel: Relation) -> set[str]:
    if rel.column("source_document_hashes") is None:
        return set()
    keys = con.execute(
        f"select distinct unnest(json_keys(source_document_hashes)) from {quote_ident(rel.schema)}."
        f"{quote_ident(rel.name)} limit 1000").fetchall()
    return {k for (k,) in keys} | set(PRODUCTION_ALIASES)


# --- text ----------------------------------------------------------------------------------------
def render_text(result: dict) -> str:
    """The chain as indented lines, one block per mart row and metric."""
    lines = []
    key = " ".join(f"{k}={v}" for k, v in result["filters"].items())
    for item in result["rows"]:
        row = item["row"]
        head = {k: v for k, v in row.items() if not _is_bulky(k, v)}
        if result.get("metric"):  # the row's identity and the traced figure, not every column
            keep = set(IDENTITY_COLUMNS) | set(result["filters"]) | {
                result["metric"], f"{result['metric']}_first_reported", "revised", "latest_accession"}
            head = {k: v for k, v in head.items() if k in keep}
        lines.append(f"{result['table']} {key}")
        lines.append("  row: " + ", ".join(f"{k}={_fmt(v)}" for k, v in head.items() if v is not None))
        if result.get("column_comment"):
            lines.append(f"  {result['metric']}: {result['column_comment']}")
        for link in item["chain"]:
            lines.append(f"  {link['metric']} = {_fmt(link.get('value'))}"
                         + (f"   <- {link['staging_table']}" if link.get("staging_table") else ""))
            for fact in link["facts"]:
                mark = "*" if fact.get("used") else "-"
                lines.append(f"    {mark} " + _fact_line(fact))
                if fact.get("evidence"):
                    lines.append(f"        evidence: {_one_line(fact['evidence'])}")
                if fact.get("held_back"):
                    lines.append(f"        held back: {fact['held_back']}")
            if link.get("evidence") and not link["facts"]:
                lines.append(f"    evidence: {_one_line(str(link['evidence']))}")
            for doc in link.get("documents", []):
                lines += _doc_lines(doc)
            for change in link.get("changes", []):
                lines.append(f"    change {change['change_kind']} {_fmt(change['old_value'])} -> "
                             f"{_fmt(change['new_value'])} by run {change['run_id']} at {change['changed_at']}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _fact_line(fact: dict) -> str:
    parts = [_fmt(fact.get("value"))]
    for key in ("source", "period_type", "period_end", "filing_date", "accession", "height",
                "parser_version", "run_id"):
        if fact.get(key) is not None:
            parts.append(f"{key}={_fmt(fact[key])}")
    if "is_reporting_period" in fact:
        parts.append("own period" if fact["is_reporting_period"] else "comparison column")
    if fact.get("null_reason"):
        parts.append(f"null: {fact['null_reason']}")
    if fact.get("document_hash"):
        parts.append(f"doc={fact['document_hash'][:12]}")
    return "  ".join(parts)


def _doc_lines(doc: dict) -> list[str]:
    if doc.get("missing"):
        return [f"    document {doc['document_hash']}: {doc['missing']}"]
    bits = [doc.get("source"), doc.get("ticker"), doc.get("accession"), doc.get("form"), doc.get("exhibit_type")]
    head = "    document " + " ".join(str(b) for b in bits if b)
    if doc.get("title"):
        head += f" {json.dumps(doc['title'], ensure_ascii=False)}"
    if doc.get("kind"):
        head += f" ({doc['kind']})"
    lines = [head, f"      url: {doc.get('url')}"]
    when = [f"fetched_at: {doc.get('first_fetched_at')}"]
    if doc.get("filing_date"):
        when.append(f"filed: {doc['filing_date']}")
    lines.append("      " + "   ".join(when))
    lines.append(f"      sha256: {doc['document_hash']}")
    where = doc.get("archive_file") or doc.get("archive_path")
    state = "" if "archived" not in doc else (" (present)" if doc["archived"] else " (missing from the archive)")
    lines.append(f"      archive: {where}{state}")
    return lines


def _is_bulky(name: str, value) -> bool:
    return name in ("evidence", "first_reported", "source_accessions", "source_document_hashes") or (
        isinstance(value, str) and len(value) > 200)


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _fmt(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)
