"""`minerwatch` command line: a thin shell over the Prefect flows and read-only queries.

Errors print as one line (exit 1) unless --debug is given; a partial run exits 3.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import os
import sys
from datetime import date
from pathlib import Path

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


def _quiet_prefect(verbose: bool) -> None:
    """Prefect reads these at import: keep its console chatter (and tracebacks of failed runs,
    which the CLI reports as one line) and the analytics ping off. Its logs still reach the
    Prefect API, so the UI shows them."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # A first start on a fresh PREFECT_HOME migrates its database: slower than the 20 s default.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "INFO" if verbose else "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "WARNING")


def _setup_logging(verbose: bool, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    logger = logging.getLogger("minerwatch")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    logger.propagate = False
    logging.getLogger("minerwatch.http").setLevel(logging.INFO if verbose else logging.ERROR)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from None


def _task_runner_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--task-runner", choices=("threads", "dask"), default=None,
                   help="threads (default, MINERWATCH_TASK_RUNNER) or dask: extraction in Dask worker processes "
                        "(MINERWATCH_DASK_ADDRESS, else a local cluster), loads in this process")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="minerwatch", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Prefect and HTTP logs")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("refresh", help="nightly job: fetch what is new since each source's last success")
    p.add_argument("--offline", action="store_true", help="use the recorded snapshot served on loopback")
    p.add_argument("--source", action="append", dest="sources", metavar="NAME", help="limit to a source")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="wait this long for another writer to finish (default: stop at once)")
    _task_runner_option(p)

    p = sub.add_parser("backfill", help="load any date range (resumable, idempotent)")
    p.add_argument("--start", type=_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--end", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--source", action="append", dest="sources", metavar="NAME")
    p.add_argument("--offline", action="store_true")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS")
    _task_runner_option(p)

    p = sub.add_parser("rebuild", help="recreate the warehouse from the raw document archive (no network)")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS")

    p = sub.add_parser("status", help="last runs, freshness, row counts, open quarantine")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("sql", help="read-only query against the published warehouse")
    p.add_argument("query")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")

    p = sub.add_parser("parse", help="parse one document and print its records as JSON")
    p.add_argument("kind", choices=sorted(PARSERS), help="what the document is")
    p.add_argument("file", type=Path)
    p.add_argument("--ticker", help="the issuer, when the document does not say")
    p.add_argument("--period", help="YYYY-MM or YYYY-Qn, for documents that do not name their period")

    p = sub.add_parser("explain", help="where a published value came from: mart row -> facts -> document")
    p.add_argument("table", help="a mart, e.g. marts.miner_production")
    p.add_argument("keys", nargs="+", metavar="KEY=VALUE", help="columns that pick the row, e.g. ticker=RIOT")
    p.add_argument("--metric", help="the column or figure to trace (default: every figure of the row)")
    p.add_argument("--format", choices=("text", "json"), default="text")

    p = sub.add_parser("docs", help="write docs/data_dictionary.md from the warehouse's column comments")
    p.add_argument("--out", type=Path, default=Path("docs/data_dictionary.md"), metavar="PATH")
    p.add_argument("--schema-only", action="store_true",
                   help="document the code's schema (migrations + marts over empty staging), not the published file")

    p = sub.add_parser("report", help="write the HTML report (charts) from the published warehouse")
    p.add_argument("--out", type=Path, default=None, metavar="PATH",
                   help="default: minerwatch-report.html beside the warehouse")

    p = sub.add_parser("export", help="write every mart as Parquet or CSV files, with a manifest")
    p.add_argument("dir", type=Path)
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet")

    p = sub.add_parser("serve", help="serve the nightly refresh on a cron schedule (Prefect deployment)")
    p.add_argument("--cron", default=None, help="cron expression (default MINERWATCH_SCHEDULE_CRON, 0 2 * * *)")
    p.add_argument("--offline", action="store_true")
    p.add_argument("--server-port", type=int, default=4200, help="port for the local Prefect server")
    return parser


# --- commands ------------------------------------------------------------------------------
def cmd_run(args) -> int:
    from extractors.settings import load_settings
    from flows.pipeline import ALL_SOURCES, backfill_flow, preflight, refresh_flow, with_task_runner
    from warehouse.publish import probe_writer_lock

    settings = load_settings()
    preflight(settings, args.sources or list(ALL_SOURCES), args.offline)  # fail in a second, not after
    if not args.wait:                                                     # Prefect has started
        probe_writer_lock(settings.lock_path)

    if args.command == "refresh":
        summary = with_task_runner(refresh_flow, args.task_runner)(offline=args.offline, sources=args.sources,
                                                                   wait_s=args.wait)
    else:
        summary = with_task_runner(backfill_flow, args.task_runner)(
            start=args.start, end=args.end, sources=args.sources, offline=args.offline, wait_s=args.wait)
    _print_run_summary(summary)
    return EXIT_PARTIAL if summary["status"] == "partial" else EXIT_OK


def _print_run_summary(summary: dict) -> None:
    print(f"run {summary['run_id']}: {summary['status']}")
    for source, c in summary["sources"].items():
        print(f"  {source:<15} {c['requests']:>4} requests  {c['documents']:>4} documents  "
              f"{c['rows_in']:>8,} rows read  {c['rows_changed']:>8,} changed  "
              f"last day {c['last_day'] or '-'}")
        for item in c["quarantined"]:
            print(f"    quarantined: {item}")
    for name, n in summary["failed_checks"].items():
        print(f"  data check {name}: {n} violations")


def cmd_rebuild(args) -> int:
    from flows.rebuild import rebuild_flow

    summary = rebuild_flow(wait_s=args.wait)
    print(f"run {summary['run_id']}: {summary['status']} ({summary['documents']} archived documents replayed)")
    for source, c in summary["sources"].items():
        print(f"  {source:<15} {c['documents']:>5} documents  {c['rows_changed']:>9,} rows")
        for item in c["unreadable"]:
            print(f"    unreadable: {item}")
    for name, n in summary["failed_checks"].items():
        print(f"  data check {name}: {n} violations")
    return EXIT_PARTIAL if summary["status"] == "partial" else EXIT_OK


def cmd_status(args) -> int:
    from extractors.settings import load_settings
    from warehouse.status import collect_status, open_read_only

    settings = load_settings()
    con = open_read_only(settings.db)
    try:
        status = collect_status(con)
    finally:
        con.close()
    if args.format == "json":
        print(json.dumps(status, default=str, indent=2))
        return EXIT_OK
    print(f"warehouse {settings.db} (schema v{status['schema_version']})")
    print("\nlast runs")
    _print_table(status["runs"], ["run_id", "flow", "started_at", "seconds", "status", "quarantined", "message"])
    print("\nfreshness (newest complete UTC day loaded per source)")
    _print_table(status["freshness"], ["source", "last_day", "days_behind", "last_success_at"])
    print("\nrows per table")
    _print_table(status["tables"], ["table", "rows"])
    print(f"\nopen quarantine items: {len(status['quarantine_open'])}")
    _print_table(status["quarantine_open"], ["quarantine_id", "source", "endpoint", "attempts", "reason"])
    print(f"\nfailed data checks in the last run: {len(status['failed_checks'])}")
    _print_table(status["failed_checks"], ["check_name", "violations", "sample"])
    print(f"\nfacts held back by data checks: {len(status['held_back'])}")
    _print_table(status["held_back"], ["ticker", "period_end", "metric", "check_name", "reason"])
    print(f"\nminer reports overdue or never seen: {len(status['reports_overdue'])}")
    _print_table(status["reports_overdue"], ["ticker", "current_cadence", "last_period_end", "due_on",
                                             "days_overdue", "report_status"])
    changes = status["last_run_changes"]
    print(f"\nchanges made by the last run ({changes['run_id'] or 'none'}): {changes['total']:,}")
    _print_table(changes["by_table"], ["table_name", "change_kind", "changes"])
    if changes["examples"]:
        print("  for example:")
        _print_table(changes["examples"], ["change_kind", "table_name", "entity", "metric", "period", "old_value",
                                           "new_value", "accession"])
    print("\nsource disagreements beyond tolerance (last 90 days)")
    _print_table(status["source_disagreements"], ["metric", "days_beyond_tolerance", "latest_day", "worst_spread",
                                                  "tolerance"])
    return EXIT_OK


def cmd_sql(args) -> int:
    from extractors.settings import load_settings
    from warehouse.status import open_read_only

    con = open_read_only(load_settings().db)
    try:
        cur = con.execute(args.query)
        if cur.description is None:
            return EXIT_OK
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    if args.format == "json":
        print(json.dumps([dict(zip(cols, r)) for r in rows], default=str, indent=1))
    elif args.format == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(cols)
        writer.writerows(rows)
        sys.stdout.write(buf.getvalue())
    else:
        _print_table([dict(zip(cols, r)) for r in rows], cols)
    return EXIT_OK


def _read_only():
    from extractors.settings import load_settings
    from warehouse.status import open_read_only

    settings = load_settings()
    return settings, open_read_only(settings.db)


def cmd_explain(args) -> int:
    from warehouse.provenance import explain, parse_filters, render_text

    settings, con = _read_only()
    try:
        result = explain(con, args.table, parse_filters(args.keys), args.metric, archive_dir=settings.archive_path)
    finally:
        con.close()
    if args.format == "json":
        print(json.dumps(result, default=str, indent=1, ensure_ascii=False))
    else:
        sys.stdout.write(render_text(result))
    return EXIT_OK


def cmd_docs(args) -> int:
    from warehouse.dictionary import render_dictionary, schema_only_warehouse

    if args.schema_only:
        con = schema_only_warehouse()
    else:
        _, con = _read_only()
    try:
        text = render_dictionary(con)
    finally:
        con.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({text.count(chr(10) + '## marts.')} marts)")
    return EXIT_OK


def cmd_report(args) -> int:
    from report.build import write_report

    settings, con = _read_only()
    try:
        out = args.out or settings.db.parent / "minerwatch-report.html"
        result = write_report(con, out)
    finally:
        con.close()
    drawn = [k for k, v in result["sections"].items() if v == "drawn"]
    print(f"wrote {result['path']} ({result['bytes']:,} bytes): {len(drawn)} charts")
    for key, reason in result["empty"].items():
        print(f"  {key}: no data yet ({reason})")
    return EXIT_OK


def cmd_export(args) -> int:
    from warehouse.export import export_marts

    _, con = _read_only()
    try:
        manifest = export_marts(con, args.dir, args.format)
    finally:
        con.close()
    for f in manifest["files"]:
        print(f"  {f['file']:<45} {f['rows']:>9,} rows")
    print(f"wrote {len(manifest['files'])} marts and manifest.json to {args.dir}")
    return EXIT_OK


#: `minerwatch parse KIND FILE`: KIND -> "module:function"; the function takes
#: (content: bytes, ticker: str | None, period: str | None) and returns a list of JSON-able dicts,
#: raising transforms.errors.ParseError when the document cannot be read.
PARSERS = {
    "production": "transforms.production:parse_for_cli",
    "debt": "transforms.debt:parse_for_cli",
    "hpc": "transforms.hpc:parse_for_cli",
}


def cmd_parse(args) -> int:
    import importlib

    module_name, func_name = PARSERS[args.kind].split(":")
    try:
        parse_fn = getattr(importlib.import_module(module_name), func_name)
    except (ImportError, AttributeError):
        raise RuntimeError(f"the {args.kind} parser is not available in this version") from None
    if not args.file.is_file():
        raise FileNotFoundError(f"no such file: {args.file}")
    records = parse_fn(args.file.read_bytes(), ticker=args.ticker, period=args.period)
    print(json.dumps(records, default=str, indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_serve(args) -> int:
    from flows.serve import serve

    serve(cron=args.cron, offline=args.offline, server_port=args.server_port)
    return EXIT_OK


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def _print_table(rows: list[dict], cols: list[str]) -> None:
    if not rows:
        print("  (none)")
        return
    cells = [[_fmt(r.get(c)) for c in cols] for r in rows]
    widths = [min(60, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(cols)]
    print("  " + "  ".join(c.ljust(w) for c, w in zip(cols, widths)))
    for row in cells:
        print("  " + "  ".join(v[:w].ljust(w) for v, w in zip(row, widths)))


COMMANDS = {"rebuild": cmd_rebuild, "refresh": cmd_run, "backfill": cmd_run, "status": cmd_status, "sql": cmd_sql, "serve": cmd_serve,
            "parse": cmd_parse, "explain": cmd_explain, "docs": cmd_docs, "report": cmd_report, "export": cmd_export}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _quiet_prefect(args.verbose)
    _setup_logging(args.verbose, args.quiet)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("minerwatch: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's one place that turns errors into a line
        if args.debug:
            raise
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"minerwatch: error: {message}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
