-- holds back: staging.production_facts
-- Production, holdings, sales, hashrate and efficiency can never be negative (power cost can:
-- Riot once printed a negative all-in cost after credits).
select ticker, period_type, period_end, metric, document_hash,
       'negative ' || metric || ' (' || value || ')' as reason
from staging.production_facts
where value < 0
  and metric not in ('power_cost_usd_per_kwh', 'power_credits_usd')
