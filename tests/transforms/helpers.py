"""Assertion helpers the wording tests share: most invented passages describe exactly one instrument or
contract, and a second record would itself be the defect under test."""
from __future__ import annotations

from transforms.debt import DebtEvent, parse_debt
from transforms.hpc import parse_hpc


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
