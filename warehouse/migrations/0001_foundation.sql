-- Foundation: schemas, the document archive index, network staging, and operations tables.
create schema if not exists raw;
create schema if not exists staging;
create schema if not exists marts;
create schema if not exists ops;

-- raw: one row per (document, URL) in the content-addressed archive.
create table raw.documents (
    document_hash    varchar not null,   -- sha256 of the body; the archive object's name
    url              varchar not null,   -- exact URL requested, query included
    source           varchar not null,
    endpoint         varchar not null,
    status           integer not null,
    content_type     varchar,
    size_bytes       bigint,
    etag             varchar,
    last_modified    varchar,
    first_fetched_at timestamptz not null,   -- first time this exact body was downloaded from url
    primary key (document_hash, url)
);

-- staging: typed daily network observations, one per (source, metric, day), with lineage.
create table staging.network_observations (
    source         varchar not null,
    endpoint       varchar not null,
    metric         varchar not null,
    day            date not null,        -- UTC calendar day the value describes
    value          double not null,
    document_hash  varchar not null,     -- raw.documents.document_hash it was read from
    url            varchar not null,
    fetched_at     timestamptz not null,
    parser_version varchar not null,
    run_id         varchar not null,     -- ops.runs.run_id that wrote this version
    primary key (source, metric, day)
);

create table staging.difficulty_adjustments (
    source           varchar not null,
    height           integer not null,
    time             timestamptz not null,
    difficulty       double not null,
    adjustment_ratio double,
    document_hash    varchar not null,
    url              varchar not null,
    fetched_at       timestamptz not null,
    parser_version   varchar not null,
    run_id           varchar not null,
    primary key (source, height)
);

-- Which source is canonical for each network field; lower priority wins, others cross-check.
create table staging.source_priority (
    metric   varchar not null,
    source   varchar not null,
    priority integer not null,
    -- how far two sources may differ (relative, e.g. 0.05 = 5%) before status flags the day
    tolerance double not null,
    primary key (metric, source)
);
insert into staging.source_priority values
    ('blocks',              'coinmetrics',    1, 0.0),
    ('subsidy_btc',         'coinmetrics',    1, 0.001),
    ('fees_btc',            'coinmetrics',    1, 0.10),
    ('fees_btc',            'blockchain_com', 2, 0.10),
    ('hashrate_ehs',        'mempool',        1, 0.30),
    ('hashrate_ehs',        'coinmetrics',    2, 0.30),
    ('hashrate_ehs',        'blockchain_com', 3, 0.30),
    ('difficulty',          'mempool',        1, 0.05),
    ('difficulty',          'blockchain_com', 2, 0.05),
    ('btc_price_usd',       'coinmetrics',    1, 0.05),
    ('btc_price_usd',       'mempool',        2, 0.05),
    ('btc_price_usd',       'blockchain_com', 3, 0.05),
    ('reward_per_block_btc','mempool',        1, 0.05),
    ('fees_per_block_btc',  'mempool',        1, 0.25),
    ('avg_height',          'mempool',        1, 0.0);

-- ops: runs, windows loaded, watermarks, quarantine, change log, data checks.
create table ops.runs (
    run_id              varchar primary key,
    flow                varchar not null,   -- refresh | backfill | rebuild
    started_at          timestamptz not null,
    finished_at         timestamptz,
    status              varchar not null,   -- running | success | partial | failed
    params              json,
    counts              json,
    message             varchar,
    prefect_flow_run_id varchar
);

create table ops.source_windows (
    source        varchar not null,
    endpoint      varchar not null,
    window_start  date not null,
    window_end    date not null,
    document_hash varchar not null,
    run_id        varchar not null,
    rows_in       integer not null,
    rows_changed  integer not null,
    loaded_at     timestamptz not null,
    primary key (source, endpoint, window_start, window_end)
);

create table ops.watermarks (
    source          varchar primary key,
    last_day        date,                 -- newest complete UTC day loaded
    last_success_at timestamptz,
    last_run_id     varchar
);

create sequence ops.quarantine_seq;
create table ops.quarantine (
    quarantine_id   bigint primary key default nextval('ops.quarantine_seq'),
    source          varchar not null,
    endpoint        varchar not null,
    url             varchar,
    document_hash   varchar,
    reason          varchar not null,
    first_seen_at   timestamptz not null,
    last_seen_at    timestamptz not null,
    attempts        integer not null,
    first_run_id    varchar not null,
    last_run_id     varchar not null,
    resolved_at     timestamptz,
    resolved_run_id varchar
);

create sequence ops.change_seq;
create table ops.change_log (
    change_id     bigint primary key default nextval('ops.change_seq'),
    run_id        varchar not null,
    table_name    varchar not null,
    entity        varchar not null,      -- source, ticker, ...
    metric        varchar not null,
    period        varchar not null,      -- day or period key
    change_kind   varchar not null,      -- insert | revise | retract
    old_value     double,
    new_value     double,
    document_hash varchar,
    changed_at    timestamptz not null
);

create table ops.check_results (
    run_id     varchar not null,
    check_name varchar not null,
    violations integer not null,
    sample     json,
    checked_at timestamptz not null,
    primary key (run_id, check_name)
);
