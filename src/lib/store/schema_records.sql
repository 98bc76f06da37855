-- tdkt store, schema version 6: the records version. Run by the creation
-- of a store and by the migrations from versions 1 to 5, so that all give
-- the same tables.
--
-- meta 'records_version' counts the changes to the record tables: the
-- triggers of schema_image.sql add one for every row changed, by tdkt
-- (conferring included) or by anyone else; an import, which drops them
-- for its transaction, adds one (tdkt_store_records_watch). So two loads
-- that read the same version read the same records.
--
-- Each saved run records the version of the records it judged
-- (runs.records; NULL for runs saved before version 6), so that `tdkt
-- runs` can say which runs were judged on records changed since.
INSERT OR IGNORE INTO meta(key, value) VALUES ('records_version', '0');
ALTER TABLE runs ADD COLUMN records INTEGER;
