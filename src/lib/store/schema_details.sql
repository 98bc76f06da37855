-- tdkt store, schema version 3: the detail texts of runs. Run by the
-- creation of a store and by the migrations from versions 1 and 2, so
-- that all give the same tables.
--
-- A run of 100,000 nominations explains over a million criteria with some
-- 20,000 distinct texts ("compliance = 1", "không có"...), so each run
-- stores each distinct detail once, numbered 0, 1... in the order the
-- run's decisions first use them, and a decision's result refers to them
-- by number (schema_decisions.sql).

CREATE TABLE run_details (
  run_id INTEGER NOT NULL,         -- runs.id (no foreign key, as decisions)
  n      INTEGER NOT NULL,         -- 0, 1, ... within the run, no gap
  text   TEXT NOT NULL,
  PRIMARY KEY (run_id, n)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER run_details_append_only_u BEFORE UPDATE ON run_details
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER run_details_append_only_d BEFORE DELETE ON run_details
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
