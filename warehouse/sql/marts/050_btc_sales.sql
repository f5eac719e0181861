-- marts.btc_sales: what each miner sold, for how much, against what it mined and the market.
create or replace table marts.btc_sales as
with
sales as (
    select *
    from marts.miner_production
    where btc_sold is not null
),

market as (
    select
        s.ticker,
        s.period_type,
        s.period_end,
        avg(h.btc_price_usd) as market_price_avg_usd,
        min(h.btc_price_usd) as market_price_min_usd,
        max(h.btc_price_usd) as market_price_max_usd
    from sales as s
    join marts.hashprice_daily as h
        on h.day between s.period_start and s.period_end
    group by all
),

final as (
    select
        s.ticker,
        s.period_type,
        s.period_start,
        s.period_end,
        s.btc_sold,
        s.btc_sale_proceeds_usd as proceeds_usd,
        coalesce(s.btc_avg_sale_price_usd, s.btc_sale_proceeds_usd / nullif(s.btc_sold, 0)) as avg_price_usd,
        s.btc_avg_sale_price_usd is null and s.btc_sale_proceeds_usd is not null as avg_price_derived,
        s.btc_produced,
        s.btc_sold / nullif(s.btc_produced, 0) as sell_ratio,
        s.btc_held,
        m.market_price_avg_usd,
        m.market_price_min_usd,
        m.market_price_max_usd,
        100.0 * (coalesce(s.btc_avg_sale_price_usd, s.btc_sale_proceeds_usd / nullif(s.btc_sold, 0))
                 / m.market_price_avg_usd - 1) as price_vs_market_pct,
        s.latest_accession,
        s.source_document_hashes
    from sales as s
    left join market as m using (ticker, period_type, period_end)
)

select *
from final
order by ticker, period_type, period_end;

comment on table marts.btc_sales is 'BTC sales disclosed in production reports: amount, net proceeds, price against the market over the same period, and the sell ratio.';
comment on column marts.btc_sales.ticker is 'Miner ticker.';
comment on column marts.btc_sales.period_type is 'month or quarter.';
comment on column marts.btc_sales.period_start is 'First UTC day of the period.';
comment on column marts.btc_sales.period_end is 'Last UTC day of the period.';
comment on column marts.btc_sales.btc_sold is 'BTC sold in the period (marts.miner_production.btc_sold).';
comment on column marts.btc_sales.proceeds_usd is 'Net proceeds of the sales, USD (marts.miner_production.btc_sale_proceeds_usd).';
comment on column marts.btc_sales.avg_price_usd is 'Average net price per BTC sold, USD: as reported, else proceeds_usd / btc_sold.';
comment on column marts.btc_sales.avg_price_derived is 'True when avg_price_usd was computed as proceeds_usd / btc_sold rather than reported.';
comment on column marts.btc_sales.btc_produced is 'BTC mined in the same period.';
comment on column marts.btc_sales.sell_ratio is 'Sell ratio = btc_sold / btc_produced (above 1: sold more than mined, drawing on the treasury).';
comment on column marts.btc_sales.btc_held is 'BTC held at period end.';
comment on column marts.btc_sales.market_price_avg_usd is 'Mean daily BTC/USD over the period (marts.hashprice_daily.btc_price_usd).';
comment on column marts.btc_sales.market_price_min_usd is 'Lowest daily BTC/USD in the period.';
comment on column marts.btc_sales.market_price_max_usd is 'Highest daily BTC/USD in the period.';
comment on column marts.btc_sales.price_vs_market_pct is 'Realised sale price against the market, % = 100 x (avg_price_usd / market_price_avg_usd - 1).';
comment on column marts.btc_sales.latest_accession is 'Accession of the latest filing that disclosed this period (provenance: staging.production_facts, raw.documents).';
comment on column marts.btc_sales.source_document_hashes is 'JSON: figure -> sha256 of the exhibit its latest value came from (as marts.miner_production; join marts.source_documents d on d.document_hash = (source_document_hashes->>''btc_sold'')).';
