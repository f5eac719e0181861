-- staging.production_latest: for each (ticker, period_type, period_end, metric), the newest
-- non-null disclosure, held back or not. The data checks read it to decide what to hold back.
create or replace view staging.production_latest as
select *
from staging.production_facts
where value is not null
qualify row_number() over (
    partition by ticker, period_type, period_end, metric
    order by filing_date desc, is_reporting_period desc, accession desc
) = 1;
