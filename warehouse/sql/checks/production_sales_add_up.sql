-- holds back: staging.production_facts
-- BTC sold x average price must match net proceeds within 5% (Riot Dec 2025: 1,818 x $88,870
-- = $161.57M against $161.6M reported); otherwise one of the three figures is wrong.
with sales as (
    select
        ticker, period_type, period_end,
        max(value) filter (where metric = 'btc_sold') as sold,
        max(value) filter (where metric = 'btc_avg_sale_price_usd') as price,
        max(value) filter (where metric = 'btc_sale_proceeds_usd') as proceeds,
        list(struct_pack(metric := metric, document_hash := document_hash)) as sources
    from staging.production_latest
    where metric in ('btc_sold', 'btc_avg_sale_price_usd', 'btc_sale_proceeds_usd')
    group by all
),

broken as (
    select *
    from sales
    where sold > 0 and price > 0 and proceeds > 0
      and abs(sold * price / proceeds - 1) > 0.05
)

select ticker, period_type, period_end, s.metric, s.document_hash,
       'sold ' || sold || ' BTC x $' || round(price) || ' = $' || round(sold * price) ||
       ' does not match proceeds of $' || round(proceeds) as reason
from broken, unnest(sources) as t(s)
