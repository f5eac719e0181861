-- Issuance per block must equal the subsidy schedule (50 BTC halved every 210,000 blocks),
-- except on a halving day, when blocks of two epochs mix.
with per_block as (
    select
        day,
        subsidy_btc / blocks as subsidy_per_block_btc
    from marts.hashprice_daily
    where blocks > 0 and subsidy_btc is not null
)

select day, subsidy_per_block_btc
from per_block
where not list_contains([50.0, 25.0, 12.5, 6.25, 3.125, 1.5625], round(subsidy_per_block_btc, 6))
  and day not in (date '2012-11-28', date '2016-07-09', date '2020-05-11', date '2024-04-20')
