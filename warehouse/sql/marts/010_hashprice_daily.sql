-- marts.hashprice_daily: one row per UTC day since 2009-01-03, gross (no pool fee) hashprice.
-- Each field comes from its canonical source (staging.source_priority, lowest priority wins),
-- falling back to the next source where the canonical one has no value for the day.
create or replace table marts.hashprice_daily as
with
canonical as (
    select
        o.metric,
        o.day,
        o.value,
        o.source,
        o.document_hash
    from staging.network_candidates as o
    join staging.source_priority as p using (metric, source)
    qualify row_number() over (partition by o.metric, o.day order by p.priority) = 1
),

wide as (
    select
        day,
        max(value) filter (where metric = 'blocks') as blocks,
        max(value) filter (where metric = 'difficulty') as difficulty,
        max(source) filter (where metric = 'difficulty') as difficulty_source,
        max(value) filter (where metric = 'subsidy_btc') as subsidy_btc,
        max(value) filter (where metric = 'fees_btc') as fees_btc,
        max(source) filter (where metric = 'fees_btc') as fees_source,
        max(value) filter (where metric = 'reward_per_block_btc') as mempool_reward_per_block_btc,
        max(value) filter (where metric = 'fees_per_block_btc') as mempool_fees_per_block_btc,
        max(value) filter (where metric = 'hashrate_ehs') as hashrate_ehs,
        max(source) filter (where metric = 'hashrate_ehs') as hashrate_source,
        max(value) filter (where metric = 'btc_price_usd') as btc_price_usd,
        max(source) filter (where metric = 'btc_price_usd') as price_source,
        to_json(map(list(metric order by metric), list(document_hash order by metric))) as source_document_hashes
    from canonical
    group by day
),

rewards as (
    select
        *,
        case
            when blocks > 0 and subsidy_btc is not null and fees_btc is not null
                then (subsidy_btc + fees_btc) / blocks
            else mempool_reward_per_block_btc
        end as reward_per_block_btc,
        case
            when blocks > 0 and subsidy_btc is not null and fees_btc is not null then 'coinmetrics'
            when mempool_reward_per_block_btc is not null then 'mempool'
        end as reward_source,
        case
            when subsidy_btc + fees_btc > 0 then 100.0 * fees_btc / (subsidy_btc + fees_btc)
            when mempool_reward_per_block_btc > 0
                then 100.0 * mempool_fees_per_block_btc / mempool_reward_per_block_btc
        end as fee_share_pct
    from wide
    where day >= date '2009-01-03'
),

final as (
    select
        day,
        cast(blocks as integer) as blocks,
        difficulty,
        subsidy_btc,
        fees_btc,
        reward_per_block_btc,
        hashrate_ehs,
        btc_price_usd,
        reward_per_block_btc * 86400 * 1e15 / (difficulty * 4294967296.0) as hashvalue_btc_per_ph_day,
        reward_per_block_btc * 86400 * 1e15 / (difficulty * 4294967296.0) * btc_price_usd
            as hashprice_usd_per_ph_day,
        reward_per_block_btc * 86400 * 1e12 / (difficulty * 4294967296.0) * btc_price_usd
            as hashprice_usd_per_th_day,
        fee_share_pct,
        difficulty_source,
        fees_source,
        reward_source,
        hashrate_source,
        price_source,
        source_document_hashes
    from rewards
    where difficulty is not null
)

select *
from final
order by day;

comment on table marts.hashprice_daily is 'Gross daily hashprice: the expected revenue of 1 PH/s for one UTC day, from the difficulty and the mean reward per block (no pool fee deducted, independent of the day''s luck). One row per UTC day since 2009-01-03 where difficulty is known. Canonical source per field: staging.source_priority.';
comment on column marts.hashprice_daily.day is 'UTC calendar day (block timestamps; mempool hashrate rows are shifted back one day because mempool stamps them at the closing midnight).';
comment on column marts.hashprice_daily.blocks is 'Blocks found in the UTC day (Coin Metrics BlkCnt).';
comment on column marts.hashprice_daily.difficulty is 'Mean difficulty over the day: each retarget''s difficulty weighted by the seconds of the day it was in force (mempool difficulty-adjustments; blockchain.com difficulty as fallback). Unitless.';
comment on column marts.hashprice_daily.subsidy_btc is 'New coins issued in the day, BTC (Coin Metrics IssTotNtv): blocks x 50 x 2^-(height // 210000).';
comment on column marts.hashprice_daily.fees_btc is 'Transaction fees paid to miners in the day, BTC (Coin Metrics FeeTotNtv; blockchain.com transaction-fees as fallback).';
comment on column marts.hashprice_daily.reward_per_block_btc is 'Mean reward per block, BTC = (subsidy_btc + fees_btc) / blocks; where blocks are unknown, mempool''s mean avgRewards of the day / 1e8.';
comment on column marts.hashprice_daily.hashrate_ehs is 'Network hashrate estimate, EH/s (1 EH/s = 1e18 H/s): mempool avgHashrate / 1e18, else Coin Metrics HashRate (TH/s) / 1e6, else blockchain.com hash-rate (TH/s) / 1e6. Informational: hashprice does not use it.';
comment on column marts.hashprice_daily.btc_price_usd is 'BTC/USD for the day: Coin Metrics PriceUSD (close fixed at 00:00 UTC of the next day), else mempool''s last price of the day, else blockchain.com market-price.';
comment on column marts.hashprice_daily.hashvalue_btc_per_ph_day is 'Hashvalue, BTC per PH/s per day = reward_per_block_btc x 86400 x 1e15 / (difficulty x 2^32).';
comment on column marts.hashprice_daily.hashprice_usd_per_ph_day is 'Hashprice, USD per PH/s per day = hashvalue_btc_per_ph_day x btc_price_usd (gross: before pool fees).';
comment on column marts.hashprice_daily.hashprice_usd_per_th_day is 'Hashprice, USD per TH/s per day = hashprice_usd_per_ph_day / 1000 (the unit Braiins and Coin Metrics quote).';
comment on column marts.hashprice_daily.fee_share_pct is 'Fees as a percentage of miner revenue = 100 x fees_btc / (subsidy_btc + fees_btc); from mempool per-block means where Coin Metrics has no row.';
comment on column marts.hashprice_daily.difficulty_source is 'Source of difficulty: mempool (retarget list) or blockchain_com.';
comment on column marts.hashprice_daily.fees_source is 'Source of fees_btc: coinmetrics or blockchain_com.';
comment on column marts.hashprice_daily.reward_source is 'Source of reward_per_block_btc: coinmetrics (subsidy + fees over blocks) or mempool (avgRewards).';
comment on column marts.hashprice_daily.hashrate_source is 'Source of hashrate_ehs.';
comment on column marts.hashprice_daily.price_source is 'Source of btc_price_usd.';
comment on column marts.hashprice_daily.source_document_hashes is 'JSON: field (blocks, difficulty, subsidy_btc, fees_btc, hashrate_ehs, btc_price_usd, ...) -> sha256 of the canonical document the day''s value was read from; one join reaches it: join marts.source_documents d on d.document_hash = (source_document_hashes->>''difficulty'').';
