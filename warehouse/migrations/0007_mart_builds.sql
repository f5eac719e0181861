-- One row per run that rebuilt the marts, with a fingerprint of everything the marts are built from
-- (raw and staging tables, the change log, loaded documents, the mart and check SQL). A run whose inputs
-- match the last build's (a nightly refresh that found nothing new) rebuilds only the marts that depend on
-- the run's day and reuses the last build's check results (warehouse/marts.py).
create table ops.mart_builds (
    run_id             varchar primary key,
    inputs_fingerprint varchar not null,
    rebuilt            boolean not null,     -- false: inputs unchanged, only the day's marts rebuilt
    built_at           timestamptz not null
);
