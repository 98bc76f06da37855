-- The triggers that watch the record tables, and the in-memory index's
-- image (src/lib/index/image.c), schema version 6.
--
-- The image is a cache of what loading the record tables gives, so that a
-- run reads one file instead of some twenty million rows. It is a file
-- beside the store (DB-index); index_image holds its token (part 0), and
-- the file is used only while the store holds the token it was written
-- with. Any change to a record table, by tdkt or anyone else, deletes the
-- token (the triggers below), and the next load that finds it missing or
-- the file unusable reads the tables and writes both again. (Before the
-- image was a file, index_image held the image itself in parts 1, 2, ...;
-- writing a token deletes them.) The same triggers count the change in
-- meta 'records_version' (since version 6; schema_records.sql). Import
-- drops them for the length of its transaction (they would fire on every
-- row) and runs this file again before it commits, hence IF NOT EXISTS;
-- tdkt_store_records_unwatch finds them by their names, *_stale_i,
-- *_stale_u and *_stale_d.
CREATE TABLE IF NOT EXISTS index_image (
  part INTEGER PRIMARY KEY,   -- 0: the image file's token
  data BLOB NOT NULL
) STRICT;
CREATE TRIGGER IF NOT EXISTS units_stale_i AFTER INSERT ON units
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS units_stale_u AFTER UPDATE ON units
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS units_stale_d AFTER DELETE ON units
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS people_stale_i AFTER INSERT ON people
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS people_stale_u AFTER UPDATE ON people
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS people_stale_d AFTER DELETE ON people
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS appraisals_stale_i AFTER INSERT ON appraisals
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS appraisals_stale_u AFTER UPDATE ON appraisals
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS appraisals_stale_d AFTER DELETE ON appraisals
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS honours_stale_i AFTER INSERT ON honours
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS honours_stale_u AFTER UPDATE ON honours
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS honours_stale_d AFTER DELETE ON honours
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS initiatives_stale_i AFTER INSERT ON initiatives
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS initiatives_stale_u AFTER UPDATE ON initiatives
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS initiatives_stale_d AFTER DELETE ON initiatives
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS disciplines_stale_i AFTER INSERT ON disciplines
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS disciplines_stale_u AFTER UPDATE ON disciplines
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS disciplines_stale_d AFTER DELETE ON disciplines
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS facts_stale_i AFTER INSERT ON facts
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS facts_stale_u AFTER UPDATE ON facts
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS facts_stale_d AFTER DELETE ON facts
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS nominations_stale_i AFTER INSERT ON nominations
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS nominations_stale_u AFTER UPDATE ON nominations
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
CREATE TRIGGER IF NOT EXISTS nominations_stale_d AFTER DELETE ON nominations
BEGIN DELETE FROM index_image;
      UPDATE meta SET value = CAST(value AS INTEGER) + 1
        WHERE key = 'records_version'; END;
