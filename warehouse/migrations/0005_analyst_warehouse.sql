-- Analyst warehouse (issue 6): what each loaded SEC document is within its filing, so a mart row
-- reaches the exhibit (EX-99.1 ...), the form (8-K / 6-K) and the release headline in one join.
-- Documents loaded before this migration keep nulls until a parser upgrade re-reads them.
alter table ops.loaded_documents add column exhibit_type varchar;  -- EX-99.1, EX-99.2 ... or the form for a cover-only filing
alter table ops.loaded_documents add column form varchar;          -- 8-K, 6-K, 8-K/A ...
alter table ops.loaded_documents add column title varchar;         -- the release headline the classifier read
