-- marts.network_source_comparison: where two or more sources cover a day, how far apart they are.
create or replace table marts.network_source_comparison as
with
observations as (
    select
        o.metric,
        o.day,
        o.source,
        o.value,
        o.document_hash,
        p.priority,
        p.tolerance
    from staging.network_candidates as o
    join staging.source_priority as p using (metric, source)
),

per_day as (
    select
        metric,
        day,
        count(*) as sources,
        arg_min(source, priority) as canonical_source,
        arg_min(value, priority) as canonical_value,
        min(value) as min_value,
        max(value) as max_value,
        max(tolerance) as tolerance,
        string_agg(source || '=' || cast(round(value, 6) as varchar), ', ' order by priority) as values_by_source,
        to_json(map(list(source order by source), list(document_hash order by source))) as source_document_hashes
    from observations
    group by metric, day
    having count(*) >= 2
),

final as (
    select
        metric,
        day,
        sources,
        canonical_source,
        canonical_value,
        min_value,
        max_value,
        (max_value - min_value) / nullif(abs(canonical_value), 0) as spread_ratio,
        tolerance,
        coalesce((max_value - min_value) / nullif(abs(canonical_value), 0) > tolerance, false)
            as exceeds_tolerance,
        values_by_source,
        source_document_hashes
    from per_day
)

select *
from final
order by metric, day;

comment on table marts.network_source_comparison is 'Cross-source check of each network field per UTC day where at least two sources report it; exceeds_tolerance marks disagreements shown by minerwatch status.';
comment on column marts.network_source_comparison.metric is 'Field compared (same names and units as staging.network_observations.metric).';
comment on column marts.network_source_comparison.day is 'UTC calendar day the values describe (same day boundary as marts.hashprice_daily.day).';
comment on column marts.network_source_comparison.sources is 'Number of sources with a value for the day.';
comment on column marts.network_source_comparison.canonical_source is 'Source used by the marts for this field (lowest staging.source_priority.priority).';
comment on column marts.network_source_comparison.canonical_value is 'Value of the canonical source.';
comment on column marts.network_source_comparison.min_value is 'Smallest value across sources.';
comment on column marts.network_source_comparison.max_value is 'Largest value across sources.';
comment on column marts.network_source_comparison.spread_ratio is 'Relative disagreement = (max_value - min_value) / |canonical_value|.';
comment on column marts.network_source_comparison.tolerance is 'Largest spread_ratio accepted for this field (staging.source_priority.tolerance): hashrate estimates differ by block luck and averaging window, prices by fixing time.';
comment on column marts.network_source_comparison.exceeds_tolerance is 'True when spread_ratio > tolerance.';
comment on column marts.network_source_comparison.values_by_source is 'Each source''s value, canonical first.';
comment on column marts.network_source_comparison.source_document_hashes is 'JSON: source -> sha256 of the document its value was read from (marts.source_documents.document_hash).';
