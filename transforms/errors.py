"""Errors a pure transform raises; the flow turns them into quarantine rows with the reason."""


class ParseError(ValueError):
    """The document cannot be read as the expected format (malformed, truncated, new layout).

    The flow may attach `url` and `document_hash` of the offending body before quarantining it.
    """

    url: str | None = None
    document_hash: str | None = None
