-- requires: staging.xbrl_facts(cik, taxonomy, tag, unit, period_start, period_end, value, filed)
-- Quarterly revenue from XBRL (companyfacts, transforms.xbrl.XbrlFact rows) beside the press-release
-- figures of marts.miner_revenue_mix_quarterly. Runs only where the XBRL staging table exists.
update marts.miner_revenue_mix_quarterly as m
set xbrl_total_revenue_usd = x.value,
    xbrl_revenue_tag = x.taxonomy || ':' || x.tag
from (
    select
        mi.ticker,
        f.period_start,
        f.value,
        f.taxonomy,
        f.tag
    from staging.xbrl_facts as f
    join staging.miners as mi
        on mi.cik = f.cik
    where f.unit = 'USD'
      and f.period_start is not null
      and date_diff('day', f.period_start, f.period_end) between 80 and 100
      and (f.taxonomy, f.tag) in (
          ('us-gaap', 'Revenues'),
          ('us-gaap', 'RevenueFromContractWithCustomerExcludingAssessedTax'),
          ('ifrs-full', 'Revenue')
      )
    -- the first tag in the order above that the miner uses for the quarter, its latest filed value
    qualify row_number() over (
        partition by mi.ticker, date_trunc('quarter', f.period_start + interval 15 day)
        order by case f.tag when 'Revenues' then 0 when 'Revenue' then 0 else 1 end, f.filed desc
    ) = 1
) as x
where x.ticker = m.ticker
  and date_trunc('quarter', x.period_start + interval 15 day) = m.quarter_start;
