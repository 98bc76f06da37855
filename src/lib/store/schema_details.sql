-- tdkt store, schema version 4: the detail texts of runs. Run by the
-- creation of a store and by the migrations from versions 1 to 3, so that
-- all give the same tables.
--
-- A run of 100,000 nominations explains over a million criteria with some
-- 20,000 distinct texts ("compliance = 1", "không có"...), so each run
-- stores each distinct detail once, numbered 0, 1... in the order the
-- run's decisions first use them, and a decision's result refers to them
-- by number (schema_decisions.sql). All of a run's texts are one value,
-- read whole by whatever shows the run: a row per text cost a fifth of
-- the instructions of a save at 10,000 people, one row almost nothing.

CREATE TABLE run_details (
  run_id INTEGER PRIMARY KEY,      -- runs.id (no foreign key, as decisions)
  texts  BLOB NOT NULL             -- text 0, text 1, ..., each ended by a
                                   -- zero byte (details never hold one)
) STRICT;

CREATE TRIGGER run_details_append_only_u BEFORE UPDATE ON run_details
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER run_details_append_only_d BEFORE DELETE ON run_details
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
