-- AI/HPC (issue 8): contract events from hosting, colocation and AI-cloud contract releases, and the
-- capacity mix (MW by use) and revenue mix (mining / hosting / AI-HPC) from results releases and
-- production updates. Lineage on every row, as in staging.production_facts.

-- One row per contract a release describes (transforms.hpc.HpcContractEvent, every field). For an
-- expansion, critical_it_mw and total_contract_value_usd are the increment the release announces and
-- the partnership totals it quotes sit in the cumulative_* columns; an amendment states the new terms.
create table staging.hpc_contract_events (
    ticker                              varchar not null,
    contract_ref                        varchar not null,   -- '<counterparty> @ <site>' ('(unnamed tenant)', '(no site)'): the key within a document
    counterparty                        varchar,            -- tenant(s), '; '-joined when named only together
    backstop_party                      varchar,            -- a third party guaranteeing the tenant's obligations (Google)
    site                                varchar,            -- campus(es), ', '-joined
    critical_it_mw                      double,             -- critical IT load, MW (an expansion: the increment)
    gross_mw                            double,             -- gross power capacity, MW
    term_years                          double,
    total_contract_value_usd            double,             -- over the initial term (an expansion: the increment)
    annual_revenue_usd                  double,             -- annual or annualized revenue as stated
    start_date                          date,               -- commencement (first day of a stated month, quarter or half)
    expansion_options_mw                double,             -- further MW the tenant holds options or rights on
    announced_date                      date,               -- the release's dateline, else the filing date
    event                               varchar,            -- signed | expanded | amended | terminated (null: no wording)
    evidence                            json not null,      -- field -> the snippet the value was read from
    null_reasons                        json not null,      -- field -> why it stayed null
    backstop_usd                        double,             -- amount of the backstop (never contract value)
    cumulative_contract_value_usd       double,             -- partnership total the release quotes beside the deal
    cumulative_critical_it_mw           double,             -- partnership total MW the release quotes
    potential_value_with_extensions_usd double,             -- value if extension options are exercised
    unqualified_mw                      double,             -- MW stated without saying critical IT or gross
    qualifiers                          json not null,      -- field -> approximately | at_least | up_to | month | quarter | half ...
    accession                           varchar not null,
    filing_date                         date not null,
    document_url                        varchar not null,
    document_hash                       varchar not null,
    fetched_at                          timestamptz not null,
    parser_version                      varchar not null,
    run_id                              varchar not null,
    primary key (ticker, contract_ref, document_hash)
);

-- Power capacity by use at a date, one row per figure per document that disclosed it (long, as
-- staging.production_facts, so hold-back checks and ops.change_log work per figure). Metrics:
-- self_mining_mw, hosting_mw, hpc_mw (energized, per use), energized_mw, under_construction_mw
-- (totals across uses), hpc_under_construction_mw (the AI/HPC part of under_construction_mw).
create table staging.capacity_mix (
    ticker          varchar not null,
    period_type     varchar not null,   -- month | quarter (the release's own period end) | as_of (a dated sentence)
    period_end      date not null,      -- the day the capacity was stated for
    metric          varchar not null,
    value           double,             -- MW; null: disclosed but not readable (see null_reason)
    null_reason     varchar,
    evidence        varchar,
    accession       varchar not null,
    filing_date     date not null,
    document_url    varchar not null,
    document_hash   varchar not null,
    fetched_at      timestamptz not null,
    parser_version  varchar not null,
    run_id          varchar not null,
    primary key (ticker, period_type, period_end, metric, document_hash)
);

-- Revenue by segment for a reporting period (month or quarter), one row per figure per document.
-- Metrics: mining_revenue_usd, hosting_revenue_usd, hpc_revenue_usd, total_revenue_usd.
create table staging.revenue_mix (
    ticker          varchar not null,
    period_type     varchar not null,   -- month | quarter
    period_start    date not null,
    period_end      date not null,
    metric          varchar not null,
    value           double,             -- USD; null: disclosed but not readable (see null_reason)
    null_reason     varchar,
    evidence        varchar,
    accession       varchar not null,
    filing_date     date not null,
    document_url    varchar not null,
    document_hash   varchar not null,
    fetched_at      timestamptz not null,
    parser_version  varchar not null,
    run_id          varchar not null,
    primary key (ticker, period_type, period_end, metric, document_hash)
);
