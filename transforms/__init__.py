"""Pure functions: raw payload -> pydantic records -> DataFrame. No I/O, no Prefect."""
