-- tdkt store, schema version 7: the honours conferred from each run,
-- indexed. Run by the creation of a store and by the migrations from
-- versions 1 to 6, so that all give the same indexes.
--
-- Whether the records changed after a run judged them is told by the
-- records version (schema_records.sql), less the honours conferred from
-- that very run, each of which added one (RUN_RECORDS_DRIFT,
-- src/lib/decisions/decisions_internal.h):
-- `tdkt runs`, `runs show` and `confer` count them for every run they
-- speak of. Only honours recorded from a run have a run_id, so imported
-- ones (all of them but a few, millions at a million people) are left
-- out of the index and cost an import nothing to keep it.
CREATE INDEX IF NOT EXISTS honours_by_run ON honours(run_id)
  WHERE run_id IS NOT NULL;
