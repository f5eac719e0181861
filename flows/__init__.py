"""Prefect flows (refresh, backfill, serve) and the CLI: the only place Prefect appears."""
