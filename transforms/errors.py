"""Errors a pure transform raises; the flow turns them into quarantine rows with the reason."""


class ParseError(ValueError):
    """The document cannot be read as the expected format (malformed, truncated, new layout)."""
