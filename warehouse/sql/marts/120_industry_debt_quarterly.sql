-- marts.industry_debt_quarterly: the tracked miners' debt added up per calendar quarter end.
create or replace table marts.industry_debt_quarterly as
with
miners as (
    select
        quarter_end,
        sum(total_debt_usd) as total_debt_usd,
        sum(convertible_debt_usd) filter (where total_debt_usd is not null) as convertible_debt_usd,
        sum(debt_carrying_usd) as debt_carrying_usd,
        count(total_debt_usd) as miners_reporting,
        count(*) filter (where total_debt_usd > 0) as miners_with_debt,
        count(debt_carrying_usd) as miners_reporting_carrying
    from marts.miner_leverage_quarterly
    group by quarter_end
),

flows as (
    select
        quarter_end,
        sum(issued_in_quarter_usd) filter (where counts_in_total_debt) as new_issuance_usd,
        sum(retired_in_quarter_usd) filter (where counts_in_total_debt) as retired_usd
    from marts.debt_instrument_quarterly
    group by quarter_end
),

final as (
    select
        m.quarter_end,
        m.total_debt_usd,
        coalesce(f.new_issuance_usd, 0) as new_issuance_usd,
        coalesce(f.retired_usd, 0) as retired_usd,
        m.miners_reporting,
        m.miners_with_debt,
        m.convertible_debt_usd,
        100.0 * m.convertible_debt_usd / nullif(m.total_debt_usd, 0) as convertible_share_pct,
        m.debt_carrying_usd,
        m.miners_reporting_carrying,
        m.total_debt_usd / nullif(lag(m.total_debt_usd, 4) over (order by m.quarter_end), 0) as total_debt_yoy_ratio
    from miners as m
    left join flows as f using (quarter_end)
    where m.miners_reporting > 0 or m.miners_reporting_carrying > 0
)

select *
from final
order by quarter_end;

comment on table marts.industry_debt_quarterly is 'The tracked miners'' debt per calendar quarter end: each total is the sum of the miners'' rows in marts.miner_leverage_quarterly for that quarter (register principal; XBRL carrying amount beside it).';
comment on column marts.industry_debt_quarterly.quarter_end is 'Calendar quarter end.';
comment on column marts.industry_debt_quarterly.total_debt_usd is 'Principal outstanding at quarter end, USD = sum of total_debt_usd over miners (marts.miner_leverage_quarterly).';
comment on column marts.industry_debt_quarterly.new_issuance_usd is 'Principal issued in the quarter, USD = sum of issued_in_quarter_usd of instruments counting in total debt (notes and term loans priced/closed in the quarter, counted at the closing, else the pricing; exercised options included).';
comment on column marts.industry_debt_quarterly.retired_usd is 'Principal repurchased, exchanged, converted, redeemed or repaid in the quarter, USD.';
comment on column marts.industry_debt_quarterly.miners_reporting is 'Number of miners with a register total_debt_usd that quarter (an instrument seen by then).';
comment on column marts.industry_debt_quarterly.miners_with_debt is 'Number of miners with principal outstanding above zero that quarter.';
comment on column marts.industry_debt_quarterly.convertible_debt_usd is 'Convertible notes principal outstanding, USD = sum over miners.';
comment on column marts.industry_debt_quarterly.convertible_share_pct is 'Convertible share of principal, percent = 100 x convertible_debt_usd / total_debt_usd.';
comment on column marts.industry_debt_quarterly.debt_carrying_usd is 'Carrying amount of debt from XBRL, USD = sum of debt_carrying_usd over the miners that report one (see miners_reporting_carrying).';
comment on column marts.industry_debt_quarterly.miners_reporting_carrying is 'Number of miners with an XBRL carrying amount of debt that quarter.';
comment on column marts.industry_debt_quarterly.total_debt_yoy_ratio is 'total_debt_usd / total_debt_usd four quarters earlier (6.0 = a sixfold rise in a year).';
