-- tdkt store, schema version 9: the columns of the record files' own
-- (x_...). Run by the creation of a store and by the migrations from
-- versions 1 to 8, so that all give the same tables.
--
-- shared/spec/data-format.md lets a record file carry columns whose name
-- starts with x_ (a phone number, a note): kept, ignored by rules. Each
-- record table keeps a row's x_ cells in `extra`, as one JSON object in
-- the order of the file's header, {"x_phone":"0260 3862 123",...}, empty
-- cells left out; NULL when the row has none. A re-imported row takes its
-- file's x_ cells key by key, as it takes the file's columns: a key the
-- file has is replaced (an empty cell removes it), the others are kept.
-- Rows stored before version 9 have NULL: their x_ cells were not kept.
ALTER TABLE units ADD COLUMN extra TEXT;
ALTER TABLE people ADD COLUMN extra TEXT;
ALTER TABLE appraisals ADD COLUMN extra TEXT;
ALTER TABLE honours ADD COLUMN extra TEXT;
ALTER TABLE initiatives ADD COLUMN extra TEXT;
ALTER TABLE disciplines ADD COLUMN extra TEXT;
ALTER TABLE facts ADD COLUMN extra TEXT;
ALTER TABLE nominations ADD COLUMN extra TEXT;
