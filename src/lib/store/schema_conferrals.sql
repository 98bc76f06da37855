-- tdkt store, schema version 11: every confer, kept. Run by the creation
-- of a store and by the migrations from versions 1 to 10, so that all
-- give the same tables.
--
-- The honours a confer records carry its run, nomination and decision,
-- but they are records: a later import of the honours book replaces the
-- rows it names. The act itself (which run, under which decision, for
-- which awards and nominations, when, by which build, with what effect)
-- is kept here, like the runs, and never changed or removed.
CREATE TABLE conferrals (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,    -- when it was recorded, UTC ISO 8601
  run_id        INTEGER NOT NULL, -- runs.id
  decision_no   TEXT NOT NULL,
  decision_date TEXT NOT NULL,    -- YYYY-MM-DD
  codes         TEXT,             -- JSON array of the awards (--code); NULL: all
  ids           TEXT,             -- JSON array of the nominations (--id); NULL: every eligible
  added         INTEGER NOT NULL, -- honours recorded
  already       INTEGER NOT NULL, -- honours there already, left as they were
  engine        TEXT NOT NULL     -- the tdkt build
) STRICT;
CREATE INDEX conferrals_by_run ON conferrals(run_id);
CREATE TRIGGER conferrals_append_only_u BEFORE UPDATE ON conferrals
BEGIN SELECT RAISE(ABORT, 'conferrals are append-only'); END;
CREATE TRIGGER conferrals_append_only_d BEFORE DELETE ON conferrals
BEGIN SELECT RAISE(ABORT, 'conferrals are append-only'); END;
