-- AI/HPC contracts. marts.hpc_contract_history: every contract event (signed, expanded, amended,
-- terminated) linked to its contract, with the contract's terms after that event;
-- marts.hpc_contracts: the current terms of each contract (its last history row).
--
-- Linking: a signing opens a contract (so does an event with no wording, and any event whose tenant
-- is unnamed); an expansion, amendment or termination joins the latest contract of the same ticker
-- and counterparty signed on or before it whose site is the same (preferred), unnamed on either side,
-- or one contains the other ("Austin, Denton" and "Denton"); with none, it opens its own contract.
-- The same event filed twice counts once.
-- A letter of intent (agreement_stage = 'preliminary') opens a contract of its own, kept apart from the
-- definitive lease that may follow it: its status stays 'preliminary' and its MW count as contracted nowhere.
-- Terms: MW, value and annual revenue add up (the signing's figure, or an amendment's restated
-- figure, plus every later expansion's increment); the other terms are the latest stated.
create or replace table marts.hpc_contract_history as
with
events as (
    select
        *,
        coalesce(announced_date, filing_date) as event_date,
        coalesce(event, 'signed') as link_kind
    from staging.hpc_contract_events
    -- one announcement filed twice (an EX-99.1 and an EX-99.2, or an 8-K and a 6-K) is one event:
    -- the latest filing's reading of it
    qualify row_number() over (
        partition by ticker, counterparty, site, event, coalesce(announced_date, filing_date)
        order by filing_date desc, accession desc, document_hash
    ) = 1
),

starts as (
    select
        document_hash,
        contract_ref,
        ticker,
        counterparty,
        site,
        event_date,
        accession,
        coalesce(agreement_stage, 'definitive') as agreement_stage,
        ticker || ' | ' || coalesce(counterparty, '(unnamed tenant)') || ' | ' || coalesce(site, '(no site)')
            || ' | ' || strftime(event_date, '%Y-%m-%d') as contract_id
    from events
    where link_kind = 'signed' or counterparty is null
        or coalesce(agreement_stage, 'definitive') = 'preliminary'
),

links as (
    select
        u.document_hash,
        u.contract_ref,
        s.contract_id,
        row_number() over (
            partition by u.document_hash, u.contract_ref
            order by (u.site is not distinct from s.site) desc, s.event_date desc, s.accession desc
        ) as pick
    from events as u
    join starts as s
        on s.ticker = u.ticker
        and s.counterparty = u.counterparty
        and s.event_date <= u.event_date
        and (u.site = s.site or u.site is null or s.site is null
             or contains(s.site, u.site) or contains(u.site, s.site))
    where u.link_kind <> 'signed' and u.counterparty is not null
        and coalesce(u.agreement_stage, 'definitive') = 'definitive'
        and s.agreement_stage = 'definitive'
),

linked as (
    select
        e.*,
        coalesce(
            st.contract_id,
            l.contract_id,
            e.ticker || ' | ' || e.counterparty || ' | ' || coalesce(e.site, '(no site)')
                || ' | ' || strftime(e.event_date, '%Y-%m-%d')
        ) as contract_id
    from events as e
    left join starts as st
        on st.document_hash = e.document_hash and st.contract_ref = e.contract_ref
    left join links as l
        on l.document_hash = e.document_hash and l.contract_ref = e.contract_ref and l.pick = 1
),

sequenced as (
    select
        *,
        row_number() over (
            partition by contract_id
            order by event_date,
                case link_kind when 'signed' then 0 when 'expanded' then 1 when 'amended' then 2 else 3 end,
                filing_date, accession, contract_ref
        ) as event_seq
    from linked
),

running as (
    select
        *,
        -- additive terms: the last base (signing or amendment stating the figure) plus later expansions
        last_value(case when link_kind in ('signed', 'amended') then critical_it_mw end ignore nulls) over w as base_critical_it_mw,
        last_value(case when link_kind in ('signed', 'amended') and critical_it_mw is not null then exp_critical_it_mw end ignore nulls) over w as base_exp_critical_it_mw,
        -- a signing that states its MW without a basis ("to host approximately 200 MW of HPC infrastructure")
        last_value(case when link_kind in ('signed', 'amended') and critical_it_mw is null then unqualified_mw end ignore nulls) over w as base_unqualified_mw,
        last_value(case when link_kind in ('signed', 'amended') and critical_it_mw is null and unqualified_mw is not null then exp_critical_it_mw end ignore nulls) over w as base_exp_unqualified_mw,
        last_value(case when link_kind in ('signed', 'amended') then gross_mw end ignore nulls) over w as base_gross_mw,
        last_value(case when link_kind in ('signed', 'amended') and gross_mw is not null then exp_gross_mw end ignore nulls) over w as base_exp_gross_mw,
        last_value(case when link_kind in ('signed', 'amended') then total_contract_value_usd end ignore nulls) over w as base_value_usd,
        last_value(case when link_kind in ('signed', 'amended') and total_contract_value_usd is not null then exp_value_usd end ignore nulls) over w as base_exp_value_usd,
        last_value(case when link_kind in ('signed', 'amended') then annual_revenue_usd end ignore nulls) over w as base_annual_usd,
        last_value(case when link_kind in ('signed', 'amended') and annual_revenue_usd is not null then exp_annual_usd end ignore nulls) over w as base_exp_annual_usd,
        -- replaced terms: the latest stated
        last_value(term_years ignore nulls) over w as latest_term_years,
        coalesce(
            last_value(case when link_kind in ('signed', 'amended') then start_date end ignore nulls) over w,
            first_value(start_date ignore nulls) over w
        ) as latest_start_date,
        last_value(expansion_options_mw ignore nulls) over w as latest_expansion_options_mw,
        last_value(backstop_party ignore nulls) over w as latest_backstop_party,
        last_value(backstop_usd ignore nulls) over w as latest_backstop_usd,
        last_value(potential_value_with_extensions_usd ignore nulls) over w as latest_potential_value_usd,
        last_value(cumulative_critical_it_mw ignore nulls) over w as latest_cumulative_critical_it_mw,
        last_value(cumulative_contract_value_usd ignore nulls) over w as latest_cumulative_value_usd,
        bool_or(event = 'terminated') over w as terminated_by_now,
        bool_and(coalesce(agreement_stage, 'definitive') = 'preliminary') over w as preliminary_so_far,
        first_value(coalesce(event, 'signed')) over w as opened_by
    from (
        select
            *,
            -- expansions' running sums (0 before the first one), read back at the base event
            coalesce(sum(case when link_kind = 'expanded' then critical_it_mw end) over w, 0) as exp_critical_it_mw,
            count(case when link_kind = 'expanded' then critical_it_mw end) over w as n_exp_critical_it_mw,
            coalesce(sum(case when link_kind = 'expanded' then gross_mw end) over w, 0) as exp_gross_mw,
            count(case when link_kind = 'expanded' then gross_mw end) over w as n_exp_gross_mw,
            coalesce(sum(case when link_kind = 'expanded' then total_contract_value_usd end) over w, 0) as exp_value_usd,
            count(case when link_kind = 'expanded' then total_contract_value_usd end) over w as n_exp_value_usd,
            coalesce(sum(case when link_kind = 'expanded' then annual_revenue_usd end) over w, 0) as exp_annual_usd,
            count(case when link_kind = 'expanded' then annual_revenue_usd end) over w as n_exp_annual_usd
        from sequenced
        window w as (partition by contract_id order by event_seq rows between unbounded preceding and current row)
    )
    window w as (partition by contract_id order by event_seq rows between unbounded preceding and current row)
),

final as (
    select
        contract_id,
        event_seq,
        ticker,
        counterparty,
        site,
        event,
        event_date,
        critical_it_mw as event_critical_it_mw,
        total_contract_value_usd as event_total_contract_value_usd,
        case
            -- the signing's MW had no basis, but a later release's critical IT total equals it plus the
            -- increments since: the signing's MW was critical IT
            when base_critical_it_mw is null and base_unqualified_mw is not null
                 and abs(latest_cumulative_critical_it_mw
                         - (base_unqualified_mw + exp_critical_it_mw - coalesce(base_exp_unqualified_mw, 0))) < 0.5
                then base_unqualified_mw + exp_critical_it_mw - coalesce(base_exp_unqualified_mw, 0)
            when base_critical_it_mw is null and n_exp_critical_it_mw = 0 then null
            else coalesce(base_critical_it_mw, 0) + exp_critical_it_mw - coalesce(base_exp_critical_it_mw, 0)
        end as critical_it_mw,
        case when base_gross_mw is null and n_exp_gross_mw = 0 then null
             else coalesce(base_gross_mw, 0) + exp_gross_mw - coalesce(base_exp_gross_mw, 0)
        end as gross_mw,
        case when base_value_usd is null and n_exp_value_usd = 0 then null
             else coalesce(base_value_usd, 0) + exp_value_usd - coalesce(base_exp_value_usd, 0)
        end as total_contract_value_usd,
        case when base_annual_usd is null and n_exp_annual_usd = 0 then null
             else coalesce(base_annual_usd, 0) + exp_annual_usd - coalesce(base_exp_annual_usd, 0)
        end as annual_revenue_usd,
        latest_term_years as term_years,
        latest_start_date as start_date,
        latest_expansion_options_mw as expansion_options_mw,
        latest_backstop_party as backstop_party,
        latest_backstop_usd as backstop_usd,
        latest_potential_value_usd as potential_value_with_extensions_usd,
        latest_cumulative_critical_it_mw as stated_cumulative_critical_it_mw,
        latest_cumulative_value_usd as stated_cumulative_contract_value_usd,
        case when terminated_by_now then 'terminated' when preliminary_so_far then 'preliminary' else 'active' end as status,
        coalesce(agreement_stage, 'definitive') as agreement_stage,
        opened_by,
        accession,
        filing_date,
        document_url,
        document_hash,
        evidence
    from running
)

select *
from final
order by ticker, contract_id, event_seq;

comment on table marts.hpc_contract_history is 'AI/HPC contract events (signed, expanded, amended, terminated) from miners'' contract releases, one row per event, linked to a contract, with the contract''s terms after the event. As of a day d: the last row per contract_id with event_date <= d.';
comment on column marts.hpc_contract_history.contract_id is 'Contract key: ticker | counterparty | site | date of the event that opened it (a signing; an expansion or amendment with no earlier signing in the warehouse opens its own).';
comment on column marts.hpc_contract_history.event_seq is 'Order of the event within its contract (1 = the opening event), by event date then signed, expanded, amended, terminated.';
comment on column marts.hpc_contract_history.ticker is 'Miner ticker (registry/miners.csv) that announced the event.';
comment on column marts.hpc_contract_history.counterparty is 'Tenant as the release names it (canonical name for known parties, e.g. Fluidstack, Microsoft); null when the release does not name it.';
comment on column marts.hpc_contract_history.site is 'Campus or site this event names (comma-joined when several); null when the release names none.';
comment on column marts.hpc_contract_history.event is 'signed | expanded | amended | terminated, as the release words it; null when it has no such wording (linked like a signing).';
comment on column marts.hpc_contract_history.event_date is 'Announcement date (the release dateline), else the SEC filing date.';
comment on column marts.hpc_contract_history.event_critical_it_mw is 'Critical IT MW this event states: the whole contract for a signing or amendment, the increment for an expansion. A lease''s MW stated without a basis is read as critical IT (the leasing basis; the event''s qualifiers say so).';
comment on column marts.hpc_contract_history.event_total_contract_value_usd is 'Contract value in USD this event states: the whole contract for a signing or amendment, the increment for an expansion.';
comment on column marts.hpc_contract_history.critical_it_mw is 'Contracted critical IT load after the event, MW = last stated figure of a signing or amendment + the increments of later expansions (null when none is stated). A signing MW stated without a basis counts as critical IT once a later release''s critical IT total equals it plus the increments since.';
comment on column marts.hpc_contract_history.gross_mw is 'Gross power capacity after the event, MW; same formula as critical_it_mw on the gross figures.';
comment on column marts.hpc_contract_history.total_contract_value_usd is 'Total contract value over the initial terms after the event, USD = last stated value of a signing or amendment + later expansions'' increments. Excludes extension options and backstops.';
comment on column marts.hpc_contract_history.annual_revenue_usd is 'Annual or annualized contract revenue after the event, USD, as stated (same additive formula); not derived from value / term.';
comment on column marts.hpc_contract_history.term_years is 'Contract term in years, the latest stated (an expansion''s tranche term when it states one).';
comment on column marts.hpc_contract_history.start_date is 'Commencement (first day of a stated month, quarter or half): the latest stated by a signing or amendment, else the first stated.';
comment on column marts.hpc_contract_history.expansion_options_mw is 'MW the tenant holds options or rights on beyond the contract, the latest stated.';
comment on column marts.hpc_contract_history.backstop_party is 'Party guaranteeing the tenant''s obligations (e.g. Google for Fluidstack), the latest stated.';
comment on column marts.hpc_contract_history.backstop_usd is 'Amount of that guarantee, USD, the latest stated (a total, never contract value).';
comment on column marts.hpc_contract_history.potential_value_with_extensions_usd is 'Contract value if extension options are exercised, USD, the latest stated.';
comment on column marts.hpc_contract_history.stated_cumulative_critical_it_mw is 'Partnership total MW the latest release quotes (it may span other contracts or sites): a cross-check on critical_it_mw, not added to it.';
comment on column marts.hpc_contract_history.stated_cumulative_contract_value_usd is 'Partnership total value the latest release quotes, USD: a cross-check on total_contract_value_usd.';
comment on column marts.hpc_contract_history.status is 'active; terminated once a termination event is linked; preliminary while the contract rests on a letter of intent, memorandum or term sheet only.';
comment on column marts.hpc_contract_history.agreement_stage is 'definitive, or preliminary for an event read from a letter of intent, memorandum of understanding, term sheet or binding letter (its MW are never counted as contracted).';
comment on column marts.hpc_contract_history.opened_by is 'Event that opened the contract: signed normally; expanded or amended when the signing is not in the warehouse.';
comment on column marts.hpc_contract_history.accession is 'SEC accession of the filing that carried the event.';
comment on column marts.hpc_contract_history.filing_date is 'SEC filing date of that filing (when the public could first read it).';
comment on column marts.hpc_contract_history.document_url is 'URL of the exhibit the event was read from.';
comment on column marts.hpc_contract_history.document_hash is 'sha256 of that exhibit (raw.documents.document_hash).';
comment on column marts.hpc_contract_history.evidence is 'JSON: field -> the snippet of the release each stated figure of this event was read from.';

create or replace table marts.hpc_contracts as
with
history as (
    select *
    from marts.hpc_contract_history
),

per_contract as (
    select
        contract_id,
        min(event_date) as first_announced_date,
        max(event_date) as last_event_date,
        count(*) as event_count,
        string_agg(distinct site, '; ' order by site) as sites,
        to_json(list({'event_date': event_date, 'event': event, 'accession': accession,
                      'critical_it_mw': event_critical_it_mw, 'total_contract_value_usd': event_total_contract_value_usd}
                     order by event_seq)) as events
    from history
    group by contract_id
),

final as (
    select
        h.contract_id,
        h.ticker,
        h.counterparty,
        p.sites,
        h.status,
        h.critical_it_mw,
        h.agreement_stage,
        case when h.status = 'active' then h.critical_it_mw else 0 end as contracted_critical_it_mw,
        h.gross_mw,
        h.total_contract_value_usd,
        h.annual_revenue_usd,
        h.term_years,
        h.start_date,
        h.total_contract_value_usd / nullif(h.term_years, 0) as value_per_year_usd,
        h.total_contract_value_usd / nullif(h.term_years, 0) / nullif(h.critical_it_mw, 0) as value_per_mw_year_usd,
        h.expansion_options_mw,
        h.backstop_party,
        h.backstop_usd,
        h.potential_value_with_extensions_usd,
        h.stated_cumulative_critical_it_mw,
        h.stated_cumulative_contract_value_usd,
        h.opened_by,
        p.first_announced_date,
        p.last_event_date,
        p.event_count,
        p.events,
        h.accession as latest_accession,
        h.document_hash as latest_document_hash
    from history as h
    join per_contract as p using (contract_id)
    where h.event_seq = p.event_count
)

select *
from final
order by ticker, first_announced_date, contract_id;

comment on table marts.hpc_contracts is 'AI/HPC hosting, colocation and cloud contracts of the tracked miners: one row per contract with its current terms (signing + expansions, amendments, termination). History per event: marts.hpc_contract_history.';
comment on column marts.hpc_contracts.contract_id is 'Contract key: ticker | counterparty | site | date of the opening event (see marts.hpc_contract_history).';
comment on column marts.hpc_contracts.ticker is 'Miner ticker (registry/miners.csv).';
comment on column marts.hpc_contracts.counterparty is 'Tenant (canonical name for known parties); null when never named.';
comment on column marts.hpc_contracts.sites is 'Every site the contract''s events name, "; "-joined; null when none names one.';
comment on column marts.hpc_contracts.status is 'active; terminated once a termination event is linked; preliminary for a letter of intent, memorandum or term sheet with no definitive agreement linked.';
comment on column marts.hpc_contracts.agreement_stage is 'definitive, or preliminary when the latest event was read from a letter of intent or the like.';
comment on column marts.hpc_contracts.critical_it_mw is 'Contract critical IT load in its current terms, MW = last stated signing/amendment figure + later expansions'' increments (a signing MW without a basis counts once a later critical IT total confirms it).';
comment on column marts.hpc_contracts.contracted_critical_it_mw is 'Critical IT MW under contract now, MW: critical_it_mw while active, 0 once terminated or while only preliminary.';
comment on column marts.hpc_contracts.gross_mw is 'Gross power capacity in the current terms, MW (same additive formula).';
comment on column marts.hpc_contracts.total_contract_value_usd is 'Total contract value over the initial terms, USD = last stated signing/amendment value + later expansions'' increments; excludes extension options and backstops.';
comment on column marts.hpc_contracts.annual_revenue_usd is 'Annual or annualized revenue as stated, USD (same additive formula); null when never stated.';
comment on column marts.hpc_contracts.term_years is 'Contract term in years, the latest stated.';
comment on column marts.hpc_contracts.start_date is 'Commencement (first day of a stated month, quarter or half): latest stated by a signing or amendment, else the first stated.';
comment on column marts.hpc_contracts.value_per_year_usd is 'Derived: total_contract_value_usd / term_years, USD per year (a blended figure when tranches differ in term).';
comment on column marts.hpc_contracts.value_per_mw_year_usd is 'Derived pricing: total_contract_value_usd / term_years / critical_it_mw, USD per critical IT MW per year.';
comment on column marts.hpc_contracts.expansion_options_mw is 'MW the tenant holds options or rights on beyond the contract, the latest stated.';
comment on column marts.hpc_contracts.backstop_party is 'Party guaranteeing the tenant''s obligations, the latest stated.';
comment on column marts.hpc_contracts.backstop_usd is 'Amount of that guarantee, USD, the latest stated; never contract value.';
comment on column marts.hpc_contracts.potential_value_with_extensions_usd is 'Contract value if extension options are exercised, USD, the latest stated.';
comment on column marts.hpc_contracts.stated_cumulative_critical_it_mw is 'Partnership total MW the latest release quotes (may span other contracts): a cross-check, not added.';
comment on column marts.hpc_contracts.stated_cumulative_contract_value_usd is 'Partnership total value the latest release quotes, USD: a cross-check, not added.';
comment on column marts.hpc_contracts.opened_by is 'signed, or expanded/amended when the signing is not in the warehouse (terms then cover only what was seen).';
comment on column marts.hpc_contracts.first_announced_date is 'Date of the opening event (release dateline, else filing date).';
comment on column marts.hpc_contracts.last_event_date is 'Date of the latest linked event.';
comment on column marts.hpc_contracts.event_count is 'Number of linked events (1 = signed and never changed).';
comment on column marts.hpc_contracts.events is 'JSON list of the linked events in order: event_date, event, accession and the MW and value each stated.';
comment on column marts.hpc_contracts.latest_accession is 'SEC accession of the latest event''s filing.';
comment on column marts.hpc_contracts.latest_document_hash is 'sha256 of the latest event''s exhibit (raw.documents.document_hash).';
