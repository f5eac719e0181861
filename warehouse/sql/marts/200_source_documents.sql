-- marts.source_documents: one row per archived document (by content hash), with where it came from
-- and, for SEC documents, which filing and exhibit it is. Every mart row names its documents by
-- hash (document_hash, source_document_hashes->>'<field>'), so one join reaches the document.
create or replace view marts.source_documents as
with
fetched as (
    select
        document_hash,
        arg_min(url, first_fetched_at) as first_url,
        list(url order by first_fetched_at, url) as urls,
        any_value(source) as source,
        any_value(endpoint) as endpoint,
        any_value(content_type) as content_type,
        max(size_bytes) as size_bytes,
        min(first_fetched_at) as first_fetched_at
    from raw.documents
    group by document_hash
),

sec as (
    select
        document_hash,
        arg_max(ticker, loaded_at) as ticker,
        arg_max(accession, loaded_at) as accession,
        arg_max(filing_date, loaded_at) as filing_date,
        arg_max(form, loaded_at) as form,
        arg_max(exhibit_type, loaded_at) as exhibit_type,
        arg_max(title, loaded_at) as title,
        arg_max(kind, loaded_at) as kind,
        arg_max(url, loaded_at) as url,
        arg_max(parser_version, loaded_at) as parser_version,
        max(loaded_at) as loaded_at
    from ops.loaded_documents
    group by document_hash
),

final as (
    select
        coalesce(f.document_hash, s.document_hash) as document_hash,
        coalesce(s.url, f.first_url) as url,
        f.urls,
        coalesce(f.source, 'sec') as source,
        f.endpoint,
        s.ticker,
        s.accession,
        s.filing_date,
        s.form,
        s.exhibit_type,
        s.title,
        s.kind,
        s.parser_version,
        f.content_type,
        f.size_bytes,
        f.first_fetched_at,
        s.loaded_at,
        'objects/' || substr(coalesce(f.document_hash, s.document_hash), 1, 2) || '/'
            || coalesce(f.document_hash, s.document_hash) as archive_path
    from fetched as f
    full outer join sec as s using (document_hash)
)

select *
from final;

comment on view marts.source_documents is 'Every archived source document, one row per content hash: the URL it was fetched from, when, and for SEC documents the filing (accession, form, filing date), the exhibit (EX-99.1 ...) and its headline. Mart rows name their documents by hash: join on document_hash.';
comment on column marts.source_documents.document_hash is 'sha256 of the document body: its name in the archive and the key every staging fact and mart row cites.';
comment on column marts.source_documents.url is 'URL the document was loaded from (for SEC documents, the exhibit URL the parser read; offline runs record snapshot.invalid URLs).';
comment on column marts.source_documents.urls is 'Every URL this exact body was fetched from, oldest first (the same body can answer several requests).';
comment on column marts.source_documents.source is 'Source: mempool, blockchain_com, coinmetrics or sec.';
comment on column marts.source_documents.endpoint is 'Endpoint of the source (hashrate, asset-metrics, exhibit, submissions, ...).';
comment on column marts.source_documents.ticker is 'Miner the SEC document was filed by (null for network data).';
comment on column marts.source_documents.accession is 'SEC accession number of the filing the document belongs to (null for network data).';
comment on column marts.source_documents.filing_date is 'Day the filing was made public on EDGAR: the as-of date of every figure read from it.';
comment on column marts.source_documents.form is 'SEC form of the filing: 8-K (US issuers) or 6-K (foreign private issuers), amendments with /A.';
comment on column marts.source_documents.exhibit_type is 'Exhibit type in the filing index (EX-99.1, EX-99.2, ...), or the form when the filing carried no exhibit.';
comment on column marts.source_documents.title is 'Headline of the press release, as the classifier read it.';
comment on column marts.source_documents.kind is 'What the classifier took the document for: production, results, debt, hpc or other.';
comment on column marts.source_documents.parser_version is 'Parser version(s) that last read the document (kind handlers joined by +).';
comment on column marts.source_documents.content_type is 'Content-Type the server sent.';
comment on column marts.source_documents.size_bytes is 'Size of the body, bytes.';
comment on column marts.source_documents.first_fetched_at is 'First time this body was downloaded, UTC.';
comment on column marts.source_documents.loaded_at is 'Last time an SEC document was loaded (or re-read by a newer parser), UTC.';
comment on column marts.source_documents.archive_path is 'Path of the body inside the archive directory (MINERWATCH_ARCHIVE_DIR, default <db dir>/archive) = objects/<first two hex digits>/<document_hash>.';
