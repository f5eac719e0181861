"""Assertion helpers the wording tests share: most invented passages describe exactly one instrument,
contract or reporting period, and a second record would itself be the defect under test."""
from __future__ import annotations

from transforms.debt import DebtEvent, parse_debt
from transforms.hpc import parse_hpc
from transforms.production import parse_production


def only_debt_event(text: str | bytes, **kw) -> DebtEvent:
    """The one debt event `text` describes; fails, listing them, when it yields none or several."""
    events = parse_debt(text, **kw)
    assert len(events) == 1, events
    return events[0]


def only_hpc_contract(text: str | bytes, **kw):
    """The one HPC contract `text` describes; fails, listing them, when it yields none or several."""
    records = parse_hpc(text, **kw)
    assert len(records) == 1, records
    return records[0]


def only_production_record(text: str | bytes, **kw):
    """The one production record `text` yields (its own period); fails, listing them, when there are none or several."""
    records = parse_production(text, **kw)
    assert len(records) == 1, records
    return records[0]
