-- marts.miner_leverage_quarterly: per miner and calendar quarter end, debt from the register
-- (principal) and from XBRL (carrying amount), against equity, cash, bitcoin held, hashrate and
-- mining revenue.
create or replace table marts.miner_leverage_quarterly as
with
register as (
    select
        ticker,
        quarter_end,
        sum(outstanding_principal_usd) filter (where counts_in_total_debt) as total_debt_usd,
        coalesce(sum(outstanding_principal_usd) filter (
            where counts_in_total_debt and instrument = 'convertible_notes'), 0) as convertible_debt_usd,
        coalesce(sum(outstanding_principal_usd) filter (
            where instrument = 'credit_facility' and outstanding_principal_usd > 0), 0)
            as credit_facility_commitments_usd,
        count(*) filter (where counts_in_total_debt and outstanding_principal_usd > 0) as instruments_outstanding,
        coalesce(sum(outstanding_principal_usd / 1000.0 * conversion_rate_per_1000_usd) filter (
            where counts_in_total_debt and instrument = 'convertible_notes'), 0) as shares_on_conversion,
        count(*) filter (where counts_in_total_debt and instrument = 'convertible_notes'
                           and outstanding_principal_usd > 0 and conversion_rate_per_1000_usd is null)
            as converts_without_rate
    from marts.debt_instrument_quarterly
    group by all
),

xbrl as (
    select
        ticker,
        period_end as quarter_end,
        max(value) filter (where metric = 'total_debt') as debt_carrying_usd,
        max(value) filter (where metric = 'convertible_debt') as convertible_carrying_usd,
        max(value) filter (where metric = 'cash') as cash_usd,
        max(value) filter (where metric = 'equity') as equity_usd,
        max(value) filter (where metric = 'digital_assets_fair_value') as digital_assets_fair_value_usd,
        max(value) filter (where metric = 'btc_units') as btc_units_xbrl,
        max(value) filter (where metric = 'revenue') as revenue_usd,
        max(value) filter (where metric = 'interest_expense') as interest_expense_usd,
        to_json(map(list(metric order by metric), list(accession order by metric))) as xbrl_accessions
    from staging.xbrl_metric_values
    where period_end = last_day(period_end) and month(period_end) in (3, 6, 9, 12)
    group by all
),

spine as (
    select ticker, quarter_end from register
    union
    select ticker, quarter_end from xbrl
),

-- BTC held and deployed hashrate: the production report whose period ends at the quarter end, or
-- the latest one ending in the 45 days before it.
holdings as (
    select
        s.ticker,
        s.quarter_end,
        p.btc_held,
        p.period_end as btc_held_period_end
    from spine as s
    join marts.miner_production as p
        on p.ticker = s.ticker
        and p.period_end between s.quarter_end - interval 45 day and s.quarter_end
        and p.btc_held is not null
    qualify row_number() over (partition by s.ticker, s.quarter_end order by p.period_end desc, p.period_type) = 1
),

hashrate as (
    select
        s.ticker,
        s.quarter_end,
        p.hashrate_deployed_ehs
    from spine as s
    join marts.miner_production as p
        on p.ticker = s.ticker
        and p.period_end between s.quarter_end - interval 45 day and s.quarter_end
        and p.hashrate_deployed_ehs is not null
    qualify row_number() over (partition by s.ticker, s.quarter_end order by p.period_end desc, p.period_type) = 1
),

-- BTC produced in the quarter: the quarterly figure, else the sum of three monthly figures.
production as (
    select
        s.ticker,
        s.quarter_end,
        coalesce(
            max(p.btc_produced) filter (where p.period_type = 'quarter' and p.period_end = s.quarter_end),
            case when count(p.btc_produced) filter (where p.period_type = 'month') = 3
                 then sum(p.btc_produced) filter (where p.period_type = 'month') end
        ) as btc_produced_quarter
    from spine as s
    join marts.miner_production as p
        on p.ticker = s.ticker
        and date_trunc('quarter', p.period_end) = date_trunc('quarter', s.quarter_end)
    group by all
),

prices as (
    select
        s.quarter_end,
        max(h.btc_price_usd) filter (where h.day = s.quarter_end) as btc_price_usd,
        avg(h.btc_price_usd) as btc_price_quarter_avg_usd,
        count(h.btc_price_usd) as price_days
    from (select distinct quarter_end from spine) as s
    join marts.hashprice_daily as h
        on date_trunc('quarter', h.day) = date_trunc('quarter', s.quarter_end)
    group by all
),

shares as (
    -- shares outstanding on the cover of the filing for the quarter: the first cover date after it
    select
        s.ticker,
        s.quarter_end,
        f.value as shares_outstanding
    from spine as s
    join staging.xbrl_facts as f
        on f.ticker = s.ticker
        and f.tag = 'EntityCommonStockSharesOutstanding'
        and f.period_end > s.quarter_end
        and f.period_end <= s.quarter_end + interval 120 day
    qualify row_number() over (partition by s.ticker, s.quarter_end order by f.period_end, f.filed desc) = 1
),

joined as (
    select
        s.ticker,
        s.quarter_end,
        r.total_debt_usd,
        r.convertible_debt_usd,
        r.credit_facility_commitments_usd,
        r.instruments_outstanding,
        x.debt_carrying_usd,
        x.convertible_carrying_usd,
        x.cash_usd,
        x.equity_usd,
        x.digital_assets_fair_value_usd,
        coalesce(hd.btc_held, x.btc_units_xbrl) as btc_held,
        case
            when hd.btc_held is not null then 'production report ' || strftime(hd.btc_held_period_end, '%Y-%m-%d')
            when x.btc_units_xbrl is not null then 'xbrl CryptoAssetNumberOfUnits'
        end as btc_held_source,
        pr.btc_price_usd,
        hr.hashrate_deployed_ehs,
        case
            when pd.btc_produced_quarter is not null and pr.price_days >= 85
                then pd.btc_produced_quarter * pr.btc_price_quarter_avg_usd
            else x.revenue_usd
        end as mining_revenue_quarter_usd,
        case
            when pd.btc_produced_quarter is not null and pr.price_days >= 85 then 'production x average price'
            when x.revenue_usd is not null then 'xbrl total revenue'
        end as mining_revenue_source,
        x.interest_expense_usd,
        r.shares_on_conversion,
        r.converts_without_rate,
        sh.shares_outstanding,
        x.xbrl_accessions
    from spine as s
    left join register as r using (ticker, quarter_end)
    left join xbrl as x using (ticker, quarter_end)
    left join holdings as hd using (ticker, quarter_end)
    left join hashrate as hr using (ticker, quarter_end)
    left join production as pd using (ticker, quarter_end)
    left join prices as pr using (quarter_end)
    left join shares as sh using (ticker, quarter_end)
),

final as (
    select
        ticker,
        quarter_end,
        total_debt_usd,
        debt_carrying_usd,
        cash_usd,
        equity_usd,
        btc_held,
        btc_held_source,
        btc_price_usd,
        btc_held * btc_price_usd as btc_value_usd,
        digital_assets_fair_value_usd,
        hashrate_deployed_ehs,
        case when equity_usd > 0 then total_debt_usd / equity_usd end as debt_to_equity,
        total_debt_usd - cash_usd - btc_held * btc_price_usd as net_debt_usd,
        total_debt_usd / nullif(btc_held * btc_price_usd, 0) as debt_to_btc_value,
        total_debt_usd / nullif(hashrate_deployed_ehs, 0) as debt_per_ehs,
        mining_revenue_quarter_usd,
        mining_revenue_source,
        mining_revenue_quarter_usd * 4 as annualized_mining_revenue_usd,
        total_debt_usd / nullif(mining_revenue_quarter_usd * 4, 0) as debt_to_annualized_mining_revenue,
        interest_expense_usd,
        convertible_debt_usd,
        100.0 * convertible_debt_usd / nullif(total_debt_usd, 0) as convertible_share_pct,
        credit_facility_commitments_usd,
        instruments_outstanding,
        case when converts_without_rate = 0 then shares_on_conversion end as shares_on_conversion,
        shares_outstanding,
        case when converts_without_rate = 0
             then 100.0 * shares_on_conversion / nullif(shares_outstanding, 0) end as potential_dilution_pct,
        xbrl_accessions
    from joined
)

select *
from final
order by ticker, quarter_end;

comment on table marts.miner_leverage_quarterly is 'Leverage per miner and calendar quarter end. total_debt_usd is principal outstanding from the debt register (marts.debt_instrument_quarterly: notes and term loans seen in filings from 2024 on; debt issued before the register starts is missing unless a later event states it); debt_carrying_usd is the balance-sheet carrying amount from XBRL. Ratios use the register principal.';
comment on column marts.miner_leverage_quarterly.ticker is 'Miner ticker (registry/miners.csv).';
comment on column marts.miner_leverage_quarterly.quarter_end is 'Calendar quarter end (fiscal quarters of the tracked miners end on calendar quarter ends).';
comment on column marts.miner_leverage_quarterly.total_debt_usd is 'Principal outstanding at quarter end, USD = sum of outstanding_principal_usd of the miner''s register instruments that count in total debt (known principal; credit facility commitments excluded). Null when the register has no instrument of the miner by then.';
comment on column marts.miner_leverage_quarterly.debt_carrying_usd is 'Carrying amount of debt at quarter end from XBRL, USD (LongTermDebt, else current + noncurrent, convertible or senior notes tags; ifrs-full Borrowings for IFRS filers; latest filed version, so a 10-Q/A restatement wins). Net of discounts and issuance costs, so below principal.';
comment on column marts.miner_leverage_quarterly.cash_usd is 'Cash and cash equivalents at quarter end from XBRL, USD (restricted cash excluded).';
comment on column marts.miner_leverage_quarterly.equity_usd is 'Stockholders'' equity attributable to the parent at quarter end from XBRL, USD (ifrs-full EquityAttributableToOwnersOfParent / Equity for IFRS filers).';
comment on column marts.miner_leverage_quarterly.btc_held is 'BTC held at quarter end: from the production report ending at the quarter end (or the latest one ending within 45 days before it), else XBRL CryptoAssetNumberOfUnits.';
comment on column marts.miner_leverage_quarterly.btc_held_source is 'Where btc_held came from: ''production report YYYY-MM-DD'' (period end of the report) or ''xbrl CryptoAssetNumberOfUnits''.';
comment on column marts.miner_leverage_quarterly.btc_price_usd is 'BTC/USD price on the quarter-end day (marts.hashprice_daily.btc_price_usd, Coin Metrics PriceUSD).';
comment on column marts.miner_leverage_quarterly.btc_value_usd is 'Value of the BTC held at the quarter-end price, USD = btc_held x btc_price_usd.';
comment on column marts.miner_leverage_quarterly.digital_assets_fair_value_usd is 'Crypto assets at fair value from XBRL, USD (CryptoAssetFairValue or current + noncurrent), for comparison with btc_value_usd.';
comment on column marts.miner_leverage_quarterly.hashrate_deployed_ehs is 'Deployed hashrate at quarter end, EH/s, from the production report ending at (or within 45 days before) the quarter end.';
comment on column marts.miner_leverage_quarterly.debt_to_equity is 'total_debt_usd / equity_usd (principal over book equity); null when equity is not positive.';
comment on column marts.miner_leverage_quarterly.net_debt_usd is 'Net debt, USD = total_debt_usd - cash_usd - btc_value_usd; null when any part is unknown.';
comment on column marts.miner_leverage_quarterly.debt_to_btc_value is 'total_debt_usd / btc_value_usd: how many times the BTC held would have to be sold to repay the principal.';
comment on column marts.miner_leverage_quarterly.debt_per_ehs is 'Debt per unit of deployed hashrate, USD per EH/s = total_debt_usd / hashrate_deployed_ehs.';
comment on column marts.miner_leverage_quarterly.mining_revenue_quarter_usd is 'Mining revenue of the quarter, USD = BTC produced in the quarter (quarterly figure, or three monthly ones) x average daily BTC price over the quarter; without production figures, XBRL total revenue for the quarter (includes hosting/HPC revenue; see mining_revenue_source).';
comment on column marts.miner_leverage_quarterly.mining_revenue_source is '''production x average price'' or ''xbrl total revenue''.';
comment on column marts.miner_leverage_quarterly.annualized_mining_revenue_usd is 'Annualized mining revenue, USD = mining_revenue_quarter_usd x 4.';
comment on column marts.miner_leverage_quarterly.debt_to_annualized_mining_revenue is 'total_debt_usd / annualized_mining_revenue_usd: years of gross mining revenue the principal represents.';
comment on column marts.miner_leverage_quarterly.interest_expense_usd is 'Interest expense of the quarter from XBRL, USD (a fourth quarter reported only for the year is the year minus nine months).';
comment on column marts.miner_leverage_quarterly.convertible_debt_usd is 'Convertible notes principal outstanding at quarter end from the register, USD.';
comment on column marts.miner_leverage_quarterly.convertible_share_pct is 'Convertible share of debt, percent = 100 x convertible_debt_usd / total_debt_usd.';
comment on column marts.miner_leverage_quarterly.credit_facility_commitments_usd is 'Credit facility commitments in the register at quarter end, USD: not in total_debt_usd (the drawn balance is not in the releases).';
comment on column marts.miner_leverage_quarterly.instruments_outstanding is 'Number of register instruments with principal outstanding at quarter end that count in total_debt_usd.';
comment on column marts.miner_leverage_quarterly.shares_on_conversion is 'Shares issuable if every outstanding convertible converted at its initial rate = sum of principal / 1,000 x conversion_rate_per_1000_usd; null when an outstanding convertible has no known rate.';
comment on column marts.miner_leverage_quarterly.shares_outstanding is 'Common shares outstanding from the XBRL cover page (dei:EntityCommonStockSharesOutstanding) of the first cover dated within 120 days after the quarter end.';
comment on column marts.miner_leverage_quarterly.potential_dilution_pct is 'Potential dilution from conversion, percent = 100 x shares_on_conversion / shares_outstanding.';
comment on column marts.miner_leverage_quarterly.xbrl_accessions is 'JSON: XBRL metric -> accession of the filing its value came from.';
