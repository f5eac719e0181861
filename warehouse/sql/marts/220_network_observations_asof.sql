-- marts.network_observations_asof(ts): each source's daily network value as the warehouse knew it
-- at timestamp ts, rebuilt from the change log (staging keeps only the latest value), with the
-- first recorded value beside it. Network data carries no publication date, so "known" means
-- "loaded by a run": ts is compared with ops.change_log.changed_at.
create or replace macro marts.network_observations_asof(as_of) as table
with
changes as (
    select
        entity as source,
        metric,
        cast(period as date) as day,
        change_kind,
        new_value,
        changed_at,
        run_id,
        document_hash,
        change_id
    from ops.change_log
    where table_name = 'staging.network_observations'
      and changed_at <= cast(as_of as timestamptz)
),

per_value as (
    select
        source,
        metric,
        day,
        arg_max(change_kind, change_id) as last_change_kind,
        arg_max(new_value, change_id) as value,
        arg_min(new_value, change_id) as first_value,
        min(changed_at) as first_recorded_at,
        max(changed_at) as last_changed_at,
        arg_max(run_id, change_id) as run_id,
        arg_max(document_hash, change_id) as document_hash,
        count(*) filter (where change_kind = 'revise') as revisions
    from changes
    group by source, metric, day
)

select
    source,
    metric,
    day,
    value,
    first_value,
    revisions,
    first_recorded_at,
    last_changed_at,
    run_id,
    document_hash
from per_value
where last_change_kind != 'retract';

comment on macro table marts.network_observations_asof is 'Each source''s daily network values as the warehouse knew them at a timestamp, rebuilt from ops.change_log: select * from marts.network_observations_asof(TIMESTAMPTZ ''2026-01-15 00:00:00+00''). Columns: source, metric, day (as staging.network_observations); value (the value known at as_of); first_value (the first value ever recorded); revisions (revise changes up to as_of); first_recorded_at and last_changed_at (UTC); run_id and document_hash of the change that set value. Values retracted by as_of are left out; a rebuild from the archive starts the history again.';
