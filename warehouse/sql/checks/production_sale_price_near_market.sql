-- holds back: staging.production_facts
-- A reported average sale price more than 30% away from the period's mean market price is a
-- misread (or a misprint) until a person looks at it.
with priced as (
    select
        f.ticker, f.period_type, f.period_end, f.document_hash, f.value,
        avg(h.btc_price_usd) as market_usd
    from staging.production_latest as f
    join marts.hashprice_daily as h
        on h.day between f.period_start and f.period_end
    where f.metric = 'btc_avg_sale_price_usd'
    group by all
)

select ticker, period_type, period_end, 'btc_avg_sale_price_usd' as metric, document_hash,
       'average sale price $' || round(value) || ' is ' || round(100 * (value / market_usd - 1)) ||
       '% from the period''s mean market price $' || round(market_usd) as reason
from priced
where abs(value / market_usd - 1) > 0.30
