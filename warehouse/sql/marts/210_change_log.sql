-- marts.change_log: every insert, revision and retraction a run made to a staged fact
-- (ops.change_log, written by warehouse/load.py), with the run and the source document.
-- A table rebuilt with the marts at the end of every run that changed data (not a view): classifying a
-- change needs the changes before it (window functions over the whole log), which a view would redo
-- for every query before the analyst's filter applies.
create or replace table marts.change_log as
with
changes as (
    select
        c.*,
        -- production periods are logged as '<period_type>:<period_end>', network days as the day,
        -- retargets as the block height
        case when c.period like '%:%' then split_part(c.period, ':', 1) end as period_type,
        coalesce(try_cast(c.period as date), try_cast(split_part(c.period, ':', 2) as date)) as period_end,
        -- a miner figure is staged once per document that disclosed it: a later document's figure is
        -- a revision (or a confirmation) of the value published before it
        lag(c.new_value) over fact as previous_value,
        count(*) over (fact rows between unbounded preceding and 1 preceding) as earlier_changes
    from ops.change_log as c
    window fact as (partition by c.table_name, c.entity, c.metric, c.period order by c.change_id)
),

final as (
    select
        c.change_id,
        c.changed_at,
        c.run_id,
        r.flow as run_flow,
        c.table_name,
        c.entity,
        c.metric,
        c.period,
        c.period_type,
        c.period_end,
        case
            when c.change_kind = 'insert' and c.earlier_changes > 0 and c.new_value is not distinct from c.previous_value
                then 'confirm'
            when c.change_kind = 'insert' and c.earlier_changes > 0 then 'revise'
            else c.change_kind
        end as change_kind,
        c.change_kind as staging_change_kind,
        case when c.change_kind = 'insert' and c.earlier_changes > 0 then c.previous_value else c.old_value end
            as old_value,
        c.new_value,
        c.new_value - case when c.change_kind = 'insert' and c.earlier_changes > 0 then c.previous_value
                           else c.old_value end as change_abs,
        100.0 * (c.new_value / nullif(case when c.change_kind = 'insert' and c.earlier_changes > 0
                                           then c.previous_value else c.old_value end, 0) - 1) as change_pct,
        c.document_hash,
        d.url as document_url,
        d.accession,
        d.exhibit_type,
        d.filing_date
    from changes as c
    left join ops.runs as r using (run_id)
    left join marts.source_documents as d using (document_hash)
)

select *
from final
order by change_id;

comment on table marts.change_log is 'Audit trail: every insert, revision and retraction a run made to a staged fact (network observations, retargets, miner figures), with the old and new value, the run and the source document. A rebuild from the archive starts a new trail.';
comment on column marts.change_log.change_id is 'Sequence number of the change (ops.change_log.change_id): later changes have larger ids.';
comment on column marts.change_log.changed_at is 'When the run wrote the change, UTC.';
comment on column marts.change_log.run_id is 'Run that made the change (ops.runs.run_id).';
comment on column marts.change_log.run_flow is 'Kind of run: refresh, backfill or rebuild.';
comment on column marts.change_log.table_name is 'Staging table changed: staging.network_observations, staging.difficulty_adjustments, staging.production_facts, ...';
comment on column marts.change_log.entity is 'Who the fact is about: the network source (mempool, coinmetrics, ...) or the miner ticker.';
comment on column marts.change_log.metric is 'Field changed (units in the name, as in the staging table).';
comment on column marts.change_log.period is 'Period key as logged: a UTC day, <period_type>:<period_end> for miner figures, or a block height for retargets.';
comment on column marts.change_log.period_type is 'month or quarter for miner figures; null for network data.';
comment on column marts.change_log.period_end is 'Day the period ends (the day itself for daily network data); null for retargets.';
comment on column marts.change_log.change_kind is 'What happened to the published fact: insert (first value), revise (value changed: a staged value rewritten, or a later document disclosing the period differently), confirm (a later document repeating the same value) or retract (a newer parser no longer reads it from the document).';
comment on column marts.change_log.staging_change_kind is 'What the run did to the staged row (ops.change_log.change_kind): insert, revise or retract. A later document''s disclosure is a staging insert (one row per document) but a revise or confirm of the fact.';
comment on column marts.change_log.old_value is 'Value before the change: the staged value it replaced, or the value the previous disclosure of the same fact gave (null for an insert).';
comment on column marts.change_log.new_value is 'Value after the change (null for a retraction, or a figure disclosed but unreadable).';
comment on column marts.change_log.change_abs is 'new_value - old_value, in the metric''s unit.';
comment on column marts.change_log.change_pct is 'Relative change, % = 100 x (new_value / old_value - 1).';
comment on column marts.change_log.document_hash is 'sha256 of the document the new value was read from (for a retraction: the document that no longer yields it).';
comment on column marts.change_log.document_url is 'URL of that document (marts.source_documents.url).';
comment on column marts.change_log.accession is 'SEC accession of the filing, where the document is an SEC filing.';
comment on column marts.change_log.exhibit_type is 'Exhibit type (EX-99.1 ...), where known.';
comment on column marts.change_log.filing_date is 'Filing date of the SEC document, where it is one.';
