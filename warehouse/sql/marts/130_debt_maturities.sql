-- marts.debt_maturities: the maturity wall, principal outstanding now by maturity year and instrument type.
create or replace table marts.debt_maturities as
with
outstanding as (
    select *
    from marts.debt_instruments
    where outstanding_principal_usd > 0
),

final as (
    select
        maturity_year,
        instrument,
        sum(outstanding_principal_usd) as outstanding_principal_usd,
        count(*) as instruments,
        list(distinct ticker order by ticker) as tickers,
        sum(coupon_pct * outstanding_principal_usd) filter (where coupon_pct is not null)
            / nullif(sum(outstanding_principal_usd) filter (where coupon_pct is not null), 0) as weighted_coupon_pct,
        sum(outstanding_principal_usd * coupon_pct / 100.0) filter (where coupon_pct is not null)
            as annual_interest_usd,
        bool_and(counts_in_total_debt) as counts_in_total_debt
    from outstanding
    group by maturity_year, instrument
)

select *
from final
order by maturity_year nulls last, instrument;

comment on table marts.debt_maturities is 'The maturity wall: principal outstanding now (marts.debt_instruments) by maturity year and instrument type.';
comment on column marts.debt_maturities.maturity_year is 'Year the principal falls due; null when no linked event states a maturity (most credit facilities).';
comment on column marts.debt_maturities.instrument is 'convertible_notes | senior_secured_notes | senior_notes | term_loan (a loan the document calls a term loan or loan agreement) | credit_facility (revolving, line of credit, facility) | other (equipment financing, promissory notes, mortgages, loan notes and notes with no senior or convertible feature).';
comment on column marts.debt_maturities.outstanding_principal_usd is 'Principal outstanding, USD = sum of outstanding_principal_usd of the instruments maturing that year (credit facilities: the commitment).';
comment on column marts.debt_maturities.instruments is 'Number of instruments with principal outstanding.';
comment on column marts.debt_maturities.tickers is 'Miners owing that principal.';
comment on column marts.debt_maturities.weighted_coupon_pct is 'Principal-weighted average coupon, percent = sum(coupon_pct x principal) / sum(principal) over instruments with a known coupon.';
comment on column marts.debt_maturities.annual_interest_usd is 'Cash interest a year on that principal, USD = sum(principal x coupon_pct / 100) over instruments with a known coupon.';
comment on column marts.debt_maturities.counts_in_total_debt is 'True when the principal counts in the leverage marts'' total_debt_usd (false for credit facility commitments).';
