-- tdkt store, schema version 10: a saved run is closed. Run by the
-- creation of a store and by the migrations from versions 1 to 9, so that
-- all give the same tables.
--
-- The triggers of versions 1 and 2 refuse to change or delete what a run
-- saved, but adding to it was still possible: a decision inserted by hand
-- into a run already saved would be read, shown and conferred as the
-- run's own. A run's rows are written in one transaction, which ends by
-- recording the run here; from then on its tables take no row of it.
-- Every run saved before version 10 was complete when it was committed,
-- so all are closed by the migration.
--
-- A trigger runs for every row: on decisions, a million rows a run, it
-- would double the save's work. So tdkt's own save lifts decisions'
-- trigger inside its transaction and sets it again before it commits
-- (src/lib/decisions/save.c); no other connection ever sees it missing.
CREATE TABLE run_sealed (
  run_id INTEGER PRIMARY KEY      -- runs.id
) STRICT;
CREATE TRIGGER run_sealed_append_only_u BEFORE UPDATE ON run_sealed
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER run_sealed_append_only_d BEFORE DELETE ON run_sealed
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;

-- decisions' own trigger is schema_sealed_decisions.sql.
CREATE TRIGGER run_forms_sealed BEFORE INSERT ON run_forms
WHEN EXISTS (SELECT 1 FROM run_sealed WHERE run_id = NEW.run_id)
BEGIN SELECT RAISE(ABORT, 'a saved run is closed: nothing can be added to it'); END;
CREATE TRIGGER run_criteria_sealed BEFORE INSERT ON run_criteria
WHEN EXISTS (SELECT 1 FROM run_sealed WHERE run_id = NEW.run_id)
BEGIN SELECT RAISE(ABORT, 'a saved run is closed: nothing can be added to it'); END;
CREATE TRIGGER run_rulesets_sealed BEFORE INSERT ON run_rulesets
WHEN EXISTS (SELECT 1 FROM run_sealed WHERE run_id = NEW.run_id)
BEGIN SELECT RAISE(ABORT, 'a saved run is closed: nothing can be added to it'); END;
CREATE TRIGGER run_details_sealed BEFORE INSERT ON run_details
WHEN EXISTS (SELECT 1 FROM run_sealed WHERE run_id = NEW.run_id)
BEGIN SELECT RAISE(ABORT, 'a saved run is closed: nothing can be added to it'); END;

INSERT INTO run_sealed(run_id) SELECT id FROM runs;
