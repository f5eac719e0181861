-- The industry's debt is the sum of its miners' debt, quarter by quarter.
select i.quarter_end, i.total_debt_usd, m.total_debt_usd as sum_of_miners_usd
from marts.industry_debt_quarterly as i
join (
    select quarter_end, sum(total_debt_usd) as total_debt_usd
    from marts.miner_leverage_quarterly
    group by quarter_end
) as m using (quarter_end)
where abs(coalesce(i.total_debt_usd, 0) - coalesce(m.total_debt_usd, 0)) > 0.5
