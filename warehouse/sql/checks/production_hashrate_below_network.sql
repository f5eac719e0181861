-- holds back: staging.production_facts
-- A miner's hashrate cannot exceed the whole network's over the same period.
with network as (
    select
        f.ticker, f.period_type, f.period_end, f.metric, f.document_hash, f.value,
        avg(h.hashrate_ehs) as network_ehs
    from staging.production_facts as f
    join marts.hashprice_daily as h
        on h.day between f.period_start and f.period_end
    where f.metric in ('hashrate_deployed_ehs', 'hashrate_operating_ehs')
    group by all
)

select ticker, period_type, period_end, metric, document_hash,
       metric || ' ' || value || ' EH/s is above the network''s ' || round(network_ehs, 1) || ' EH/s' as reason
from network
where value > network_ehs
