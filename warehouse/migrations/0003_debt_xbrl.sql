-- Debt register (issue 4): every debt event read from an 8-K/6-K document, the instruments the
-- events link into, and XBRL companyfacts (every version of every fact of the tags read).

-- One row per instrument event per document (a pricing release that also repurchases older notes
-- gives two rows). Every transforms.debt.DebtEvent field is a column; instrument_id and
-- principal_change_usd are set by linking all of the ticker's events (transforms.debt_linking).
create table staging.debt_events (
    ticker                       varchar not null,
    event_key                    varchar not null,   -- instrument|event|maturity year|coupon within the document
    instrument                   varchar not null,   -- convertible_notes | senior_secured_notes | senior_notes | term_loan | credit_facility | other
    event                        varchar,            -- proposed | priced | closed | upsized | repurchased | exchanged | converted | redeemed
    announced_date               date,               -- as the document dates itself (null: see null_reasons)
    event_date                   date not null,      -- announced_date, else the filing date
    principal_usd                double,
    option_principal_usd         double,
    coupon_pct                   double,
    maturity_date                date,
    maturity_year                integer,
    conversion_rate_per_1000_usd double,             -- shares per $1,000 principal
    conversion_price_usd         double,
    conversion_premium_pct       double,
    cap_price_usd                double,
    secured                      boolean,
    use_of_proceeds              varchar,
    net_proceeds_usd             double,
    upsized_from_usd             double,
    option_exercised             boolean,
    principal_includes_option    boolean,
    all_outstanding              boolean,
    consideration_usd            double,
    evidence                     json not null,      -- field -> the document's words
    null_reasons                 json not null,      -- field -> why it is null
    derived                      json not null,      -- field -> how it was computed from stated values
    spun_wording                 json not null,      -- rewritten words of a syndicated copy
    instrument_id                varchar,            -- the linked instrument (staging.debt_instruments)
    principal_change_usd         double,             -- + issued / - retired by this event (null: unknown)
    accession                    varchar not null,
    filing_date                  date not null,
    document_url                 varchar not null,
    document_hash                varchar not null,
    fetched_at                   timestamptz not null,
    parser_version               varchar not null,
    run_id                       varchar not null,
    primary key (ticker, document_hash, event_key)
);

-- Each linked instrument's current terms and principal, recomputed from all of the ticker's
-- events whenever one of its debt documents loads.
create table staging.debt_instruments (
    instrument_id                varchar primary key,
    ticker                       varchar not null,
    instrument                   varchar not null,
    status                       varchar not null,   -- proposed | priced | closed | retired | retirements_only
    coupon_pct                   double,
    maturity_date                date,
    maturity_year                integer,
    conversion_rate_per_1000_usd double,
    conversion_price_usd         double,
    conversion_premium_pct       double,
    cap_price_usd                double,
    secured                      boolean,
    first_announced              date,
    last_event_date              date,
    issued_principal_usd         double,
    retired_principal_usd        double not null,
    outstanding_principal_usd    double,
    event_count                  integer not null,
    null_reasons                 json not null,
    document_hash                varchar not null,   -- the latest event's document
    accessions                   json not null,      -- every filing that contributed an event
    run_id                       varchar not null
);

-- Every row of companyfacts for the tags read: one row per (tag, unit, period, accession). A later
-- filing repeating a value, and an amendment restating it, are further rows: nothing is lost.
create table staging.xbrl_facts (
    ticker          varchar not null,
    cik             bigint not null,
    taxonomy        varchar not null,   -- us-gaap | ifrs-full | dei | a filer's extension
    tag             varchar not null,
    unit            varchar not null,   -- USD, CAD, shares, BTC ...
    period          varchar not null,   -- 'YYYY-MM-DD' (instant) or 'YYYY-MM-DD..YYYY-MM-DD' (duration)
    period_start    date,               -- null for an instant
    period_end      date not null,
    value           double not null,
    accession       varchar not null,
    form            varchar,
    fiscal_year     integer,
    fiscal_period   varchar,
    filed           date not null,
    frame           varchar,            -- SEC's calendar frame on the row it keeps for the period
    document_hash   varchar not null,   -- the companyfacts body this row was first read from
    url             varchar not null,
    fetched_at      timestamptz not null,
    parser_version  varchar not null,
    run_id          varchar not null,
    primary key (ticker, taxonomy, tag, unit, period, accession)
);

-- The canonical metrics (transforms.xbrl_metrics) per period end: the value transforms.xbrl's
-- quarter_end_values picks from the facts above (best tag, latest filed version).
create table staging.xbrl_metric_values (
    ticker          varchar not null,
    metric          varchar not null,   -- total_debt, convertible_debt, cash, equity, ... (CANONICAL_METRICS)
    period_end      date not null,
    value           double not null,
    unit            varchar not null,   -- USD for money, BTC for btc_units
    tag             varchar not null,   -- the tag(s) it came from
    accession       varchar not null,
    filed           date not null,
    document_hash   varchar not null,
    run_id          varchar not null,
    primary key (ticker, metric, period_end)
);
