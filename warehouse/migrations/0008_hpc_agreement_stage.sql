-- AI/HPC contracts (issue 8): a letter of intent, memorandum of understanding, term sheet or binding letter
-- toward a lease is read as an event of its own (its terms are what the release discloses) but marked
-- 'preliminary', so that the marts never count its MW as contracted. Rows loaded before this migration were
-- all read from definitive agreements (the parser declined letters of intent), hence the default.
alter table staging.hpc_contract_events add column agreement_stage varchar default 'definitive';
update staging.hpc_contract_events set agreement_stage = 'definitive' where agreement_stage is null;
