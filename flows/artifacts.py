"""After a run is published: write the HTML report beside the warehouse and leave the run summary
and the report's outline as Prefect artifacts (shown in the Prefect UI with the flow run)."""
from __future__ import annotations

import logging

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from extractors.settings import Settings
from report.build import write_report
from warehouse.status import last_run_changes, open_read_only

log = logging.getLogger("minerwatch")

#: Artifact keys: lowercase letters, digits and dashes (Prefect's rule); one key per kind so the
#: UI shows each run's version under the same name.
SUMMARY_KEY = "minerwatch-run-summary"
REPORT_KEY = "minerwatch-report"
REPORT_NAME = "minerwatch-report.html"


def summary_table(summary: dict) -> list[dict]:
    """One row per source of the run summary."""
    return [{"source": source, "requests": c.get("requests", 0), "documents": c.get("documents", 0),
             "rows_changed": c.get("rows_changed", 0), "last_day": str(c.get("last_day") or "-"),
             "quarantined": len(c.get("quarantined", []))}
            for source, c in sorted(summary.get("sources", {}).items())]


def report_markdown(summary: dict, report: dict, changes: dict) -> str:
    lines = [f"# minerwatch run {summary['run_id']}: {summary['status']}", "",
             f"Report: `{report['path']}` ({report['bytes']:,} bytes, one self-contained HTML file).", "",
             "| chart | status |", "|---|---|"]
    lines += [f"| {key} | {status}{' (' + report['empty'][key] + ')' if key in report['empty'] else ''} |"
              for key, status in report["sections"].items()]
    lines += ["", f"## Changes made by this run: {changes['total']:,}", "", "| table | kind | changes |", "|---|---|---|"]
    lines += [f"| {r['table_name']} | {r['change_kind']} | {r['changes']:,} |" for r in changes["by_table"]]
    failed = summary.get("failed_checks") or {}
    if failed:
        lines += ["", "## Failed data checks", ""] + [f"- {name}: {n} violations" for name, n in failed.items()]
    if summary.get("held_back"):
        lines += ["", f"{summary['held_back']} facts held back by data checks (`minerwatch status`)."]
    for alert in summary.get("alerts") or []:
        lines.append(f"- alert: {alert}")
    return "\n".join(lines) + "\n"


@task(name="publish-report-and-artifacts", cache_policy=NO_CACHE)
def publish_artifacts(settings_json: str, summary: dict) -> dict:
    """Write the report from the published warehouse; create the run-summary table artifact and
    the report's markdown artifact. Returns the report result."""
    settings = Settings.model_validate_json(settings_json)
    con = open_read_only(settings.db)
    try:
        report = write_report(con, settings.db.parent / REPORT_NAME)
        changes = last_run_changes(con)
    finally:
        con.close()
    create_table_artifact(key=SUMMARY_KEY, table=summary_table(summary),
                          description=f"minerwatch run {summary['run_id']}: {summary['status']}")
    create_markdown_artifact(key=REPORT_KEY, markdown=report_markdown(summary, report, changes),
                             description="minerwatch report and the run's changes")
    return report
