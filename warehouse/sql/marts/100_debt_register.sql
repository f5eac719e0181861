-- The debt register: every event read from miners' debt releases and 8-Ks (marts.debt_events),
-- each linked instrument's current terms and principal (marts.debt_instruments), and each
-- instrument's principal at every calendar quarter end (marts.debt_instrument_quarterly), which
-- the leverage, industry and maturity marts sum.
create or replace table marts.debt_events as
with
final as (
    select
        e.ticker,
        e.instrument_id,
        e.event_date,
        e.announced_date,
        e.event,
        e.instrument,
        e.principal_usd,
        e.option_principal_usd,
        e.principal_change_usd,
        e.coupon_pct,
        e.maturity_date,
        e.maturity_year,
        e.conversion_rate_per_1000_usd,
        e.conversion_price_usd,
        e.conversion_premium_pct,
        e.cap_price_usd,
        e.secured,
        e.use_of_proceeds,
        e.net_proceeds_usd,
        e.upsized_from_usd,
        e.option_exercised,
        e.consideration_usd,
        e.evidence,
        e.null_reasons,
        e.accession,
        e.filing_date,
        e.document_url,
        e.document_hash
    from staging.debt_events as e
)

select *
from final
order by ticker, event_date, instrument_id, event;

comment on table marts.debt_events is 'Debt register events: one row per instrument event a miner''s 8-K/6-K document describes (proposed, priced, closed, upsized, repurchased, exchanged, converted, redeemed, repaid, amended), linked to its instrument. Events of one instrument share instrument_id; see marts.debt_instruments.';
comment on column marts.debt_events.ticker is 'Miner ticker (registry/miners.csv): the filer of the document.';
comment on column marts.debt_events.instrument_id is 'The linked instrument: TICKER-instrument-maturity year-coupon (e.g. IREN-convertible_notes-2031-0.00), or TICKER-instrument-first announcement date when no maturity is stated. Null for a document whose event could not be read.';
comment on column marts.debt_events.event_date is 'Date of the event: the date the document gives (dateline or 8-K date of report), else the filing date.';
comment on column marts.debt_events.announced_date is 'Date the document gives for itself; null when it states none (event_date then falls back to the filing date).';
comment on column marts.debt_events.event is 'proposed | priced | closed | upsized (new total or option exercise) | repurchased | exchanged | converted | redeemed (notes) | repaid (a loan paid off or settled) | amended (terms changed, principal not).';
comment on column marts.debt_events.instrument is 'convertible_notes | senior_secured_notes | senior_notes | term_loan (a loan the document calls a term loan or loan agreement) | credit_facility (revolving, line of credit, facility) | other (equipment financing, promissory notes, mortgages, loan notes and notes with no senior or convertible feature).';
comment on column marts.debt_events.principal_usd is 'Principal the event concerns, USD: offering size for proposed/priced/upsized, principal issued for closed, principal retired for repurchased/exchanged/converted/redeemed/repaid. As stated.';
comment on column marts.debt_events.option_principal_usd is 'Initial purchasers'' option to buy additional notes (or the amount exercised), USD, as stated.';
comment on column marts.debt_events.principal_change_usd is 'What this event did to the instrument''s principal outstanding, USD: + issued (at the closing, else the pricing; exercised options added once), - retired; 0 for a proposal or a pricing superseded by its closing; null when a retirement states no amount. Sum over events up to a day = principal outstanding that day.';
comment on column marts.debt_events.coupon_pct is 'Annual interest rate, percent (0 for zero-coupon notes).';
comment on column marts.debt_events.maturity_date is 'Maturity date as stated; null when only a year or a term is given.';
comment on column marts.debt_events.maturity_year is 'Maturity year (from the date, or "due 2031").';
comment on column marts.debt_events.conversion_rate_per_1000_usd is 'Initial conversion rate: shares per USD 1,000 principal (convertibles and exchangeables); a rate stated per another denomination (per $250,000) is scaled to $1,000, as staging.debt_events.derived says.';
comment on column marts.debt_events.conversion_price_usd is 'Initial conversion price, USD per share (= 1,000 / conversion rate when only the rate is stated; see null_reasons/evidence).';
comment on column marts.debt_events.conversion_premium_pct is 'Conversion premium over the reference share price, percent.';
comment on column marts.debt_events.cap_price_usd is 'Capped-call cap price, USD per share.';
comment on column marts.debt_events.secured is 'True for secured obligations, false for unsecured, null when not stated.';
comment on column marts.debt_events.use_of_proceeds is 'Use of proceeds, in the document''s words.';
comment on column marts.debt_events.net_proceeds_usd is 'Estimated net proceeds, USD, as stated (without the option when both figures are given).';
comment on column marts.debt_events.upsized_from_usd is 'Offering size before an upsizing, USD ("upsized from $450 million").';
comment on column marts.debt_events.option_exercised is 'True when the document says the initial purchasers exercised their option.';
comment on column marts.debt_events.consideration_usd is 'Cash paid in a repurchase or exchange, USD, as stated.';
comment on column marts.debt_events.evidence is 'JSON: field -> the words of the document the value was read from.';
comment on column marts.debt_events.null_reasons is 'JSON: field -> why the field is null (not stated, not applicable, proposed offering ...).';
comment on column marts.debt_events.accession is 'SEC accession number of the filing.';
comment on column marts.debt_events.filing_date is 'SEC filing date: when the public could first read the document.';
comment on column marts.debt_events.document_url is 'URL of the document the event was read from (EX-99.1 press release, or the 8-K body).';
comment on column marts.debt_events.document_hash is 'sha256 of that document (raw.documents.document_hash).';

create or replace table marts.debt_instruments as
with
events as (
    select
        instrument_id,
        list(struct_pack(event_date, event, principal_usd, principal_change_usd, accession)
             order by event_date, event, accession, event_key) as event_list,
        list(distinct document_url order by document_url) as document_urls
    from staging.debt_events
    where instrument_id is not null
    group by instrument_id
),

final as (
    select
        i.instrument_id,
        i.ticker,
        i.instrument,
        i.status,
        i.coupon_pct,
        i.maturity_date,
        i.maturity_year,
        i.secured,
        i.conversion_rate_per_1000_usd,
        i.conversion_price_usd,
        i.conversion_premium_pct,
        i.cap_price_usd,
        i.first_announced,
        i.last_event_date,
        i.issued_principal_usd,
        i.retired_principal_usd,
        i.outstanding_principal_usd,
        i.outstanding_principal_usd / 1000.0 * i.conversion_rate_per_1000_usd as shares_on_conversion,
        i.instrument <> 'credit_facility' and i.outstanding_principal_usd is not null as counts_in_total_debt,
        i.event_count,
        to_json(e.event_list) as events,
        i.null_reasons,
        i.accessions,
        to_json(e.document_urls) as document_urls
    from staging.debt_instruments as i
    left join events as e
        on e.instrument_id = i.instrument_id
)

select *
from final
order by ticker, maturity_year nulls last, instrument_id;

comment on table marts.debt_instruments is 'Debt register: one row per linked instrument (proposed -> priced -> closed -> repurchased ...) with its current terms and principal. Linking: same ticker and instrument type, matching maturity year and coupon, and for an offering''s releases announcement dates within 21 days (transforms/debt_linking.py).';
comment on column marts.debt_instruments.instrument_id is 'Stable id: TICKER-instrument-maturity year-coupon, or TICKER-instrument-first announcement date when no maturity is stated (loans, facilities).';
comment on column marts.debt_instruments.ticker is 'Miner ticker (registry/miners.csv).';
comment on column marts.debt_instruments.instrument is 'convertible_notes | senior_secured_notes | senior_notes | term_loan (a loan the document calls a term loan or loan agreement) | credit_facility (revolving, line of credit, facility) | other (equipment financing, promissory notes, mortgages, loan notes and notes with no senior or convertible feature).';
comment on column marts.debt_instruments.status is 'proposed (no pricing seen) | priced | closed | retired (nothing outstanding) | retirements_only (only retirements seen: the issuance predates the register) | amendments_only (only amendments seen).';
comment on column marts.debt_instruments.coupon_pct is 'Annual interest rate, percent, from the latest event that states it (new-issue events win over retirements).';
comment on column marts.debt_instruments.maturity_date is 'Maturity date, as stated by a linked event.';
comment on column marts.debt_instruments.maturity_year is 'Maturity year.';
comment on column marts.debt_instruments.secured is 'True for secured obligations, false for unsecured, null when no event says.';
comment on column marts.debt_instruments.conversion_rate_per_1000_usd is 'Initial conversion rate, shares per USD 1,000 principal (convertibles).';
comment on column marts.debt_instruments.conversion_price_usd is 'Initial conversion price, USD per share.';
comment on column marts.debt_instruments.conversion_premium_pct is 'Conversion premium over the reference share price, percent.';
comment on column marts.debt_instruments.cap_price_usd is 'Capped-call cap price, USD per share.';
comment on column marts.debt_instruments.first_announced is 'Date of the instrument''s first event.';
comment on column marts.debt_instruments.last_event_date is 'Date of its latest event.';
comment on column marts.debt_instruments.issued_principal_usd is 'Principal issued, USD = sum over offerings of the closed (else priced) principal plus exercised options not already included; null when only proposed or when issuance predates the register (see null_reasons).';
comment on column marts.debt_instruments.retired_principal_usd is 'Principal repurchased, exchanged, converted, redeemed or repaid, USD (a retirement reported twice counts once).';
comment on column marts.debt_instruments.outstanding_principal_usd is 'Principal outstanding now, USD = issued_principal_usd - retired_principal_usd (0 after a retirement of all outstanding notes); null when issuance is unknown or retirements exceed it (see null_reasons). For a credit facility this is the commitment, not the drawn balance.';
comment on column marts.debt_instruments.shares_on_conversion is 'Shares issuable if all outstanding principal converted at the initial rate = outstanding_principal_usd / 1,000 x conversion_rate_per_1000_usd (convertibles; ignores make-whole adjustments and cash settlement).';
comment on column marts.debt_instruments.counts_in_total_debt is 'True when the instrument''s principal counts in total_debt_usd of the leverage marts: its outstanding principal is known and it is not a credit facility (whose drawn balance the register does not know).';
comment on column marts.debt_instruments.event_count is 'Number of events linked to the instrument.';
comment on column marts.debt_instruments.events is 'JSON list of the linked events in date order: event_date, event, principal_usd, principal_change_usd, accession.';
comment on column marts.debt_instruments.null_reasons is 'JSON: field -> why it is null (e.g. issued_principal_usd: only proposed).';
comment on column marts.debt_instruments.accessions is 'JSON list of the SEC accession numbers of the filings behind the instrument''s events.';
comment on column marts.debt_instruments.document_urls is 'JSON list of the URLs of the documents behind the instrument''s events.';

-- Calendar quarter ends from the first quarter of any debt event or XBRL period up to the last
-- quarter end on or before the newest day the warehouse knows (network day, event, XBRL filing).
create or replace table marts.debt_instrument_quarterly as
with
bounds as (
    select
        least(
            (select min(event_date) from staging.debt_events),
            (select min(period_end) from staging.xbrl_metric_values)
        ) as first_day,
        greatest(
            (select max(day) from marts.hashprice_daily),
            (select max(event_date) from staging.debt_events),
            (select max(filed) from staging.xbrl_metric_values)
        ) as last_day
),

quarters as (
    select cast(q + interval 3 month - interval 1 day as date) as quarter_end
    from bounds,
        generate_series(cast(date_trunc('quarter', first_day) as timestamp),
                        cast(date_trunc('quarter', last_day) as timestamp), interval 3 month) as g(q)
    where first_day is not null
),

instruments as (
    select *
    from marts.debt_instruments
),

events as (
    select instrument_id, event_date, principal_change_usd
    from staging.debt_events
    where instrument_id is not null
),

grid as (
    select
        i.instrument_id,
        i.ticker,
        i.instrument,
        i.maturity_year,
        i.conversion_rate_per_1000_usd,
        i.counts_in_total_debt,
        q.quarter_end
    from instruments as i
    join quarters as q
        on q.quarter_end >= i.first_announced
        and q.quarter_end <= (select last_day from bounds)
),

final as (
    select
        g.instrument_id,
        g.ticker,
        g.instrument,
        g.quarter_end,
        coalesce(sum(e.principal_change_usd) filter (where e.event_date <= g.quarter_end), 0)
            as outstanding_principal_usd,
        coalesce(sum(e.principal_change_usd) filter (
            where e.principal_change_usd > 0
              and date_trunc('quarter', e.event_date) = date_trunc('quarter', g.quarter_end)), 0)
            as issued_in_quarter_usd,
        coalesce(-sum(e.principal_change_usd) filter (
            where e.principal_change_usd < 0
              and date_trunc('quarter', e.event_date) = date_trunc('quarter', g.quarter_end)), 0)
            as retired_in_quarter_usd,
        g.maturity_year,
        g.conversion_rate_per_1000_usd,
        g.counts_in_total_debt
    from grid as g
    left join events as e
        on e.instrument_id = g.instrument_id
    group by all
)

select *
from final
order by ticker, instrument_id, quarter_end;

comment on table marts.debt_instrument_quarterly is 'Each register instrument''s principal at every calendar quarter end from its first event to the last quarter end the warehouse has reached (the newest network day, debt event or XBRL filing).';
comment on column marts.debt_instrument_quarterly.instrument_id is 'The instrument (marts.debt_instruments).';
comment on column marts.debt_instrument_quarterly.ticker is 'Miner ticker.';
comment on column marts.debt_instrument_quarterly.instrument is 'Instrument type (convertible_notes, senior_secured_notes, ...).';
comment on column marts.debt_instrument_quarterly.quarter_end is 'Calendar quarter end (Mar 31, Jun 30, Sep 30, Dec 31).';
comment on column marts.debt_instrument_quarterly.outstanding_principal_usd is 'Principal outstanding at quarter end, USD = sum of principal_change_usd of the instrument''s events dated on or before quarter_end (issued at closing, else pricing; retirements subtract).';
comment on column marts.debt_instrument_quarterly.issued_in_quarter_usd is 'Principal issued in the quarter, USD = sum of positive principal_change_usd of events dated in the quarter (closing or, without one, pricing; exercised options).';
comment on column marts.debt_instrument_quarterly.retired_in_quarter_usd is 'Principal retired in the quarter, USD = - sum of negative principal_change_usd of events dated in the quarter.';
comment on column marts.debt_instrument_quarterly.maturity_year is 'Maturity year of the instrument.';
comment on column marts.debt_instrument_quarterly.conversion_rate_per_1000_usd is 'Initial conversion rate, shares per USD 1,000 principal (convertibles).';
comment on column marts.debt_instrument_quarterly.counts_in_total_debt is 'True when this principal counts in total_debt_usd (known outstanding principal, not a credit facility commitment).';
