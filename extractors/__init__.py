"""I/O only: one module per source, one HTTP client, one settings class."""
