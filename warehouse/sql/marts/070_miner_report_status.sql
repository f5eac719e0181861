-- marts.miner_report_status: is each miner's next report overdue for its cadence?
-- rebuilt every run: it depends on the run's day (staging.miners.checked_on), not only on the data.
create or replace table marts.miner_report_status as
with
last_reports as (
    select
        ticker,
        max(period_end) filter (where reported_as_own_period) as last_period_end,
        max(last_reported_on) as last_filing_on,
        arg_max(latest_accession, last_reported_on) as last_accession
    from marts.miner_production
    group by ticker
),

expected as (
    select
        m.ticker,
        m.name,
        m.current_cadence,
        m.checked_on,
        l.last_period_end,
        l.last_filing_on,
        l.last_accession,
        case m.current_cadence
            when 'monthly' then last_day(l.last_period_end + interval 1 month)
            else last_day(l.last_period_end + interval 3 month)
        end as next_period_end
    from staging.miners as m
    left join last_reports as l using (ticker)
),

final as (
    select
        *,
        cast(next_period_end + case current_cadence when 'monthly' then 15 else 45 end as date) as due_on,
        case
            when last_period_end is null then 'never reported'
            when checked_on > next_period_end + case current_cadence when 'monthly' then 15 else 45 end
                then 'overdue'
            else 'on time'
        end as report_status,
        greatest(0, checked_on - cast(next_period_end + case current_cadence when 'monthly' then 15 else 45 end
                                      as date)) as days_overdue
    from expected
)

select *
from final
order by ticker;

comment on table marts.miner_report_status is 'Whether each registered miner''s next production report is overdue for its current cadence: a monthly report is due by the 15th of the following month, a quarterly one 45 days after quarter end.';
comment on column marts.miner_report_status.ticker is 'Miner ticker.';
comment on column marts.miner_report_status.name is 'Registered name (staging.miners).';
comment on column marts.miner_report_status.current_cadence is 'monthly or quarterly on checked_on (registry/miners.csv cadence).';
comment on column marts.miner_report_status.checked_on is 'The day the status was computed for (the run''s today, UTC).';
comment on column marts.miner_report_status.last_period_end is 'End of the latest period the miner reported as its own.';
comment on column marts.miner_report_status.last_filing_on is 'Filing date of the latest production disclosure.';
comment on column marts.miner_report_status.next_period_end is 'End of the next period expected = last_period_end + one month (monthly) or three months (quarterly), month end.';
comment on column marts.miner_report_status.due_on is 'Day the next report is due = next_period_end + 15 days (monthly) or + 45 days (quarterly).';
comment on column marts.miner_report_status.report_status is 'on time, overdue (checked_on after due_on) or never reported.';
comment on column marts.miner_report_status.days_overdue is 'Days past due_on (0 when on time) = checked_on - due_on.';
comment on column marts.miner_report_status.last_accession is 'Accession of the latest filing with production figures (marts.source_documents.accession).';
