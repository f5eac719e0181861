-- SEC filings: the miner registry, documents loaded per filing, production facts with every
-- disclosure kept (as-of history), and facts held back by data checks.

create table staging.miners (
    ticker          varchar primary key,
    cik             bigint not null,
    name            varchar not null,
    filer_type      varchar not null,   -- 8-K (US issuer) or 6-K (foreign private issuer)
    fiscal_year_end varchar not null,   -- MMDD
    cadence         varchar not null,   -- e.g. monthly:..2025-12;quarterly:2026-01..
    current_cadence varchar not null,   -- monthly | quarterly, on checked_on
    checked_on      date not null       -- the run's "today" when the registry was synced
);

-- Every SEC document a run read, by kind, so discovery never fetches a filing twice and a new
-- parser version can re-read old documents from the archive.
create table ops.loaded_documents (
    source         varchar not null,
    ticker         varchar not null,
    accession      varchar not null,
    filing_date    date not null,
    document_hash  varchar not null,
    url            varchar not null,
    kind           varchar not null,    -- production | results | debt | hpc | other
    parser_version varchar,
    records        integer not null,
    run_id         varchar not null,
    loaded_at      timestamptz not null,
    primary key (accession, document_hash)
);

-- One row per figure per document that disclosed it: a later report's prior-month column is a
-- second row for the same period, which is how revisions and first-reported values are kept.
create table staging.production_facts (
    ticker              varchar not null,
    period_type         varchar not null,   -- month | quarter
    period_start        date not null,
    period_end          date not null,
    metric              varchar not null,   -- btc_produced, btc_held, ... (units in the name)
    value               double,             -- null: disclosed but not readable (see null_reason)
    null_reason         varchar,
    evidence            varchar,            -- the text or table cell the value was read from
    is_reporting_period boolean not null,   -- false for prior-period / year-ago comparison columns
    accession           varchar not null,
    filing_date         date not null,      -- the day the public could first see this figure
    document_url        varchar not null,
    document_hash       varchar not null,
    fetched_at          timestamptz not null,
    parser_version      varchar not null,
    run_id              varchar not null,
    primary key (ticker, period_type, period_end, metric, document_hash)
);

-- Facts a data check refused to publish, with the reason; marts leave them out.
create table ops.held_back (
    table_name    varchar not null,
    ticker        varchar not null,
    period_type   varchar not null,
    period_end    date not null,
    metric        varchar not null,
    document_hash varchar not null,
    check_name    varchar not null,
    reason        varchar not null,
    run_id        varchar not null,
    held_at       timestamptz not null,
    primary key (table_name, ticker, period_type, period_end, metric, document_hash, check_name)
);
