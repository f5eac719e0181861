-- holds back: staging.production_facts
-- BTC held does not jump tenfold (or fall to a tenth) from one period to the next: that is a
-- misread figure (a glued footnote digit, a thousands separator read as a decimal point).
with held as (
    select
        ticker, period_type, period_end, document_hash, value,
        lag(value) over (partition by ticker, period_type order by period_end) as previous_value
    from staging.production_latest
    where metric = 'btc_held'
)

select ticker, period_type, period_end, 'btc_held' as metric, document_hash,
       'btc_held ' || value || ' against ' || previous_value || ' the period before' as reason
from held
where previous_value >= 100
  and (value > 10 * previous_value or value < previous_value / 10)
