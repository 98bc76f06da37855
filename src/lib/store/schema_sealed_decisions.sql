-- tdkt store, schema version 10: the trigger that closes a saved run to
-- new decisions (schema_sealed.sql). On its own because tdkt's save lifts
-- it inside its transaction and runs this again before it commits.
CREATE TRIGGER decisions_sealed BEFORE INSERT ON decisions
WHEN EXISTS (SELECT 1 FROM run_sealed WHERE run_id = NEW.run_id)
BEGIN SELECT RAISE(ABORT, 'a saved run is closed: nothing can be added to it'); END;
