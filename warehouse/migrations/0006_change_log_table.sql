-- marts.change_log becomes a table built with the other marts (warehouse/sql/marts/210_change_log.sql)
-- instead of a view: the view's window functions ran over every change ever logged before an analyst's
-- run filter could apply (1.3 s per query at 50 miners x 2 years). DuckDB will not replace a view by a
-- table, so the view of warehouses built before this migration goes here; the next mart build creates the table.
drop view if exists marts.change_log;
