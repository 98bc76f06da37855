-- tdkt store, schema version 5: the annual report's index of honours. Run
-- by the creation of a store and by the migrations from versions 1 to 4,
-- so that all give the same indexes.
--
-- The report (src/lib/report/report.c) counts a year's honours of the
-- four provincial codes, under this very condition. Versions 1 to 4
-- indexed every honour by year instead; that index cost an import of a
-- million people 13.6 of its 72.8 seconds to rebuild (6.25 M honours, of
-- which 2.7% are of these codes). This one is kept up to date while an
-- import inserts (src/lib/import/bulk.c sets aside only full indexes).
-- The condition is a chain of OR, not an IN list: SQLite builds an IN
-- list's lookup table again for every row it tests a partial index's
-- condition on (10,000 instructions a row, callgrind).

DROP INDEX IF EXISTS honours_year;
CREATE INDEX honours_report ON honours(year)
  WHERE code = 'bk_tinh' OR code = 'cstd_tinh' OR code = 'co_tinh'
     OR code = 'huy_hieu_tinh';
