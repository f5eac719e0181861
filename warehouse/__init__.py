"""DuckDB warehouse: connect, migrate, load, build marts, check, publish."""
