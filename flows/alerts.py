"""Alerts through a configurable Apprise URL (mailto://, slack://, json://host/path, ...).

Prefect already depends on Apprise. An alert that cannot be delivered is logged, never raised:
a broken notification target must not fail the nightly run it reports on.
"""
from __future__ import annotations

import logging

from extractors.settings import Settings

log = logging.getLogger("minerwatch")


def send_alert(settings: Settings, title: str, lines: list[str], *, level: str = "warning") -> bool:
    """Send one alert; returns True when delivered (False when no target is configured or it failed)."""
    if not settings.alert_url:
        return False
    import apprise

    notifier = apprise.Apprise()
    if not notifier.add(settings.alert_url):
        log.warning("alert target MINERWATCH_ALERT_URL is not a valid Apprise URL; alert not sent: %s", title)
        return False
    notify_type = {"info": apprise.NotifyType.INFO, "warning": apprise.NotifyType.WARNING,
                   "failure": apprise.NotifyType.FAILURE}.get(level, apprise.NotifyType.WARNING)
    ok = bool(notifier.notify(title=title, body="\n".join(lines) or title, notify_type=notify_type))
    if not ok:
        log.warning("alert could not be delivered to MINERWATCH_ALERT_URL: %s", title)
    return ok


def run_alert_lines(summary: dict) -> list[str]:
    """What a partial or failed run's alert says: what failed and where to look."""
    lines = [f"run {summary.get('run_id')}: {summary.get('status')}"]
    if summary.get("message"):
        lines.append(summary["message"])
    for source, counts in (summary.get("sources") or {}).items():
        for item in counts.get("quarantined") or []:
            lines.append(f"quarantined [{source}] {item}")
    for check, n in (summary.get("failed_checks") or {}).items():
        lines.append(f"data check {check}: {n} violations held back")
    for item in summary.get("alerts") or []:
        lines.append(item)
    lines.append("details: minerwatch status")
    return lines
