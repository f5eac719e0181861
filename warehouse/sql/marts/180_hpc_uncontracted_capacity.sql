-- marts.hpc_uncontracted_capacity: AI/HPC capacity built or being built without a signed tenant.
-- Per miner and quarter where the capacity mix states AI/HPC MW: that capacity minus the critical IT
-- MW under active contracts announced by the quarter's end (marts.hpc_contract_history as of then).
-- Caveat the comments repeat: miners often state capacity in gross MW and contracts in critical IT
-- MW (gross is roughly 1.2-1.4 x critical IT), so a positive gap is an upper bound of what is idle.
create or replace view marts.hpc_uncontracted_capacity as
with
capacity as (
    select
        ticker,
        quarter,
        quarter_start,
        quarter_end,
        hpc_mw,
        hpc_under_construction_mw,
        hpc_built_or_building_mw,
        as_of_date
    from marts.miner_capacity_mix_quarterly
    where hpc_built_or_building_mw is not null
),

-- each contract's terms as of each quarter end: its last event on or before that day
contract_states as (
    select
        c.ticker,
        c.quarter_end,
        h.contract_id,
        h.counterparty,
        h.status,
        case when h.status = 'active' then h.critical_it_mw else 0 end as contracted_critical_it_mw,
        case when h.status = 'preliminary' then h.critical_it_mw else 0 end as preliminary_critical_it_mw
    from capacity as c
    join marts.hpc_contract_history as h
        on h.ticker = c.ticker and h.event_date <= c.quarter_end
    qualify row_number() over (partition by c.ticker, c.quarter_end, h.contract_id order by h.event_seq desc) = 1
),

contracted as (
    select
        ticker,
        quarter_end,
        sum(contracted_critical_it_mw) as contracted_critical_it_mw,
        count(*) filter (where status = 'active') as active_contracts,
        string_agg(distinct counterparty, '; ' order by counterparty) filter (where status = 'active') as tenants,
        count(*) filter (where status = 'active' and contracted_critical_it_mw is null) as contracts_without_mw,
        sum(preliminary_critical_it_mw) as preliminary_critical_it_mw,
        count(*) filter (where status = 'preliminary') as preliminary_agreements
    from contract_states
    group by ticker, quarter_end
),

final as (
    select
        c.ticker,
        c.quarter,
        c.quarter_end,
        c.hpc_mw,
        c.hpc_under_construction_mw,
        c.hpc_built_or_building_mw,
        coalesce(k.contracted_critical_it_mw, 0) as contracted_critical_it_mw,
        greatest(c.hpc_built_or_building_mw - coalesce(k.contracted_critical_it_mw, 0), 0) as uncontracted_mw,
        greatest(coalesce(k.contracted_critical_it_mw, 0) - c.hpc_built_or_building_mw, 0) as contracted_beyond_built_mw,
        coalesce(k.active_contracts, 0) as active_contracts,
        k.tenants,
        coalesce(k.contracts_without_mw, 0) as contracts_without_mw,
        coalesce(k.preliminary_critical_it_mw, 0) as preliminary_critical_it_mw,
        coalesce(k.preliminary_agreements, 0) as preliminary_agreements,
        c.as_of_date,
        c.quarter_end = max(c.quarter_end) over (partition by c.ticker) as is_latest_quarter
    from capacity as c
    left join contracted as k
        on k.ticker = c.ticker and k.quarter_end = c.quarter_end
)

select *
from final
order by ticker, quarter_end;

comment on view marts.hpc_uncontracted_capacity is 'AI/HPC capacity built or being built without a signed tenant, per miner and quarter: the capacity mix''s AI/HPC MW minus critical IT MW under active contracts announced by the quarter end. Who has capacity without tenants: select * from marts.hpc_uncontracted_capacity where is_latest_quarter and uncontracted_mw > 0.';
comment on column marts.hpc_uncontracted_capacity.ticker is 'Miner ticker (registry/miners.csv).';
comment on column marts.hpc_uncontracted_capacity.quarter is 'Calendar quarter, YYYY-Qn, of the capacity figures.';
comment on column marts.hpc_uncontracted_capacity.quarter_end is 'Last day of the quarter; contracts count when announced on or before it.';
comment on column marts.hpc_uncontracted_capacity.hpc_mw is 'Energized AI/HPC capacity, MW (marts.miner_capacity_mix_quarterly.hpc_mw).';
comment on column marts.hpc_uncontracted_capacity.hpc_under_construction_mw is 'AI/HPC capacity under construction, MW (marts.miner_capacity_mix_quarterly).';
comment on column marts.hpc_uncontracted_capacity.hpc_built_or_building_mw is 'hpc_mw + hpc_under_construction_mw, MW: the capacity that needs tenants.';
comment on column marts.hpc_uncontracted_capacity.contracted_critical_it_mw is 'Sum of critical IT MW of the miner''s active AI/HPC contracts as of quarter_end (terminated ones count 0; contracts with no stated MW count 0, see contracts_without_mw), MW.';
comment on column marts.hpc_uncontracted_capacity.uncontracted_mw is 'max(hpc_built_or_building_mw - contracted_critical_it_mw, 0), MW: capacity without a signed tenant. An upper bound where capacity is gross MW and contracts critical IT MW.';
comment on column marts.hpc_uncontracted_capacity.contracted_beyond_built_mw is 'max(contracted_critical_it_mw - hpc_built_or_building_mw, 0), MW: contracted capacity the capacity mix does not yet show as built or under construction.';
comment on column marts.hpc_uncontracted_capacity.active_contracts is 'Number of active AI/HPC contracts announced by quarter_end.';
comment on column marts.hpc_uncontracted_capacity.tenants is 'Counterparties of those contracts, "; "-joined.';
comment on column marts.hpc_uncontracted_capacity.contracts_without_mw is 'Active contracts that state no critical IT MW (their capacity is missing from contracted_critical_it_mw).';
comment on column marts.hpc_uncontracted_capacity.preliminary_critical_it_mw is 'Critical IT MW under letters of intent, memoranda or term sheets only (not counted in contracted_critical_it_mw) as of quarter_end, MW: tenants in sight for the uncontracted capacity.';
comment on column marts.hpc_uncontracted_capacity.preliminary_agreements is 'Number of those preliminary agreements announced by quarter_end.';
comment on column marts.hpc_uncontracted_capacity.as_of_date is 'Latest day the quarter''s capacity figures were stated for.';
comment on column marts.hpc_uncontracted_capacity.is_latest_quarter is 'True on each miner''s latest quarter with AI/HPC capacity figures.';
