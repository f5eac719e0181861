-- marts.miner_vs_network: each miner's reported production against what its hashrate should have
-- earned on the network over the same days (DOMAIN.md: expected production, realization).
create or replace table marts.miner_vs_network as
with
production as (
    select *
    from marts.miner_production
    where btc_produced is not null
),

network as (
    select
        p.ticker,
        p.period_type,
        p.period_end,
        count(h.day) as days_covered,
        sum(h.hashvalue_btc_per_ph_day) as hashvalue_sum_btc_per_ph,
        avg(h.hashprice_usd_per_ph_day) as network_hashprice_usd_per_ph_day,
        avg(h.hashrate_ehs) as network_hashrate_ehs,
        avg(h.btc_price_usd) as btc_price_avg_usd
    from production as p
    join marts.hashprice_daily as h
        on h.day between p.period_start and p.period_end
    group by all
),

joined as (
    select
        p.ticker,
        p.period_type,
        p.period_start,
        p.period_end,
        p.period_end - p.period_start + 1 as period_days,
        n.days_covered,
        p.btc_produced,
        coalesce(p.hashrate_operating_ehs, p.hashrate_deployed_ehs) as hashrate_basis_ehs,
        case
            when p.hashrate_operating_ehs is not null then 'operating'
            when p.hashrate_deployed_ehs is not null then 'deployed'
        end as hashrate_basis,
        p.efficiency_j_per_th,
        p.power_cost_usd_per_kwh,
        n.hashvalue_sum_btc_per_ph,
        n.network_hashprice_usd_per_ph_day,
        n.network_hashrate_ehs,
        n.btc_price_avg_usd,
        p.source_document_hashes
    from production as p
    join network as n using (ticker, period_type, period_end)
),

final as (
    select
        *,
        hashrate_basis_ehs * 1000 * hashvalue_sum_btc_per_ph as expected_btc,
        btc_produced / nullif(hashrate_basis_ehs * 1000 * hashvalue_sum_btc_per_ph, 0) as realization,
        btc_produced / nullif(hashvalue_sum_btc_per_ph, 0) / 1000 as realized_hashrate_ehs,
        btc_produced * btc_price_avg_usd / nullif(hashrate_basis_ehs * 1000 * days_covered, 0)
            as realized_hashprice_usd_per_ph_day,
        efficiency_j_per_th * 24 * power_cost_usd_per_kwh as power_hashcost_usd_per_ph_day,
        100.0 * efficiency_j_per_th * 24 * power_cost_usd_per_kwh / nullif(network_hashprice_usd_per_ph_day, 0)
            as power_hashcost_to_hashprice_pct,
        100.0 * btc_produced / nullif(hashvalue_sum_btc_per_ph, 0) / 1000 / nullif(network_hashrate_ehs, 0)
            as share_of_network_pct,
        days_covered = period_days as full_period_covered
    from joined
)

select *
from final
order by ticker, period_type, period_end;

comment on table marts.miner_vs_network is 'Reported production against the network: expected BTC from the miner''s hashrate and the daily hashvalue, realization, realized hashrate and hashprice, and power-only hashcost against hashprice. Joins marts.miner_production to marts.hashprice_daily over the period''s days.';
comment on column marts.miner_vs_network.ticker is 'Miner ticker.';
comment on column marts.miner_vs_network.period_type is 'month or quarter.';
comment on column marts.miner_vs_network.period_start is 'First UTC day of the period.';
comment on column marts.miner_vs_network.period_end is 'Last UTC day of the period.';
comment on column marts.miner_vs_network.period_days is 'Days in the period = period_end - period_start + 1.';
comment on column marts.miner_vs_network.days_covered is 'Days of the period with a row in marts.hashprice_daily.';
comment on column marts.miner_vs_network.btc_produced is 'BTC mined in the period, as reported.';
comment on column marts.miner_vs_network.hashrate_basis_ehs is 'Hashrate used for the expectation, EH/s: average operating hashrate, else deployed hashrate at period end (see hashrate_basis).';
comment on column marts.miner_vs_network.hashrate_basis is 'operating or deployed: which reported hashrate hashrate_basis_ehs is.';
comment on column marts.miner_vs_network.efficiency_j_per_th is 'Fleet efficiency, J/TH.';
comment on column marts.miner_vs_network.power_cost_usd_per_kwh is 'All-in power cost, USD/kWh.';
comment on column marts.miner_vs_network.hashvalue_sum_btc_per_ph is 'Sum over the period''s days of hashvalue_btc_per_ph_day: BTC one PH/s earns over the period.';
comment on column marts.miner_vs_network.network_hashprice_usd_per_ph_day is 'Mean network hashprice over the period, USD/PH/s/day.';
comment on column marts.miner_vs_network.network_hashrate_ehs is 'Mean network hashrate over the period, EH/s.';
comment on column marts.miner_vs_network.btc_price_avg_usd is 'Mean BTC/USD over the period.';
comment on column marts.miner_vs_network.expected_btc is 'Expected production, BTC = hashrate_basis_ehs x 1000 (PH/s) x hashvalue_sum_btc_per_ph.';
comment on column marts.miner_vs_network.realization is 'Realization = btc_produced / expected_btc (uptime, luck, pool fees, curtailment).';
comment on column marts.miner_vs_network.realized_hashrate_ehs is 'Realized hashrate, EH/s = btc_produced / hashvalue_sum_btc_per_ph / 1000: the hashrate that would earn the reported BTC at network-average luck.';
comment on column marts.miner_vs_network.realized_hashprice_usd_per_ph_day is 'Realized hashprice, USD/PH/s/day = btc_produced x btc_price_avg_usd / (hashrate_basis_ehs x 1000 x days_covered).';
comment on column marts.miner_vs_network.power_hashcost_usd_per_ph_day is 'Power-only hashcost, USD/PH/s/day = efficiency_j_per_th x 24 x power_cost_usd_per_kwh (1 J/TH = 1 kW per PH/s).';
comment on column marts.miner_vs_network.power_hashcost_to_hashprice_pct is 'Power hashcost as % of network hashprice = 100 x power_hashcost_usd_per_ph_day / network_hashprice_usd_per_ph_day.';
comment on column marts.miner_vs_network.share_of_network_pct is 'Share of network hashrate, % = 100 x realized_hashrate_ehs / network_hashrate_ehs.';
comment on column marts.miner_vs_network.full_period_covered is 'True when every day of the period has network data (otherwise expected_btc covers part of it).';
comment on column marts.miner_vs_network.source_document_hashes is 'JSON: production figure -> sha256 of the exhibit its latest value came from (as marts.miner_production; join marts.source_documents on document_hash).';
