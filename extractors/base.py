"""What an extractor hands the flow: a planned request, fetched later by the shared client."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlannedRequest:
    """One GET a source needs: which endpoint, its URL and query parameters."""

    source: str
    endpoint: str
    url: str
    params: dict = field(default_factory=dict)
