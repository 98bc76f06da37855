-- tdkt store, schema version 8: the kind of honour each decision judged.
-- Run by the creation of a store and by the migrations from versions 1 to
-- 7, so that all give the same tables.
--
-- A nomination asks for an honour of a kind (merit, thematic, ...;
-- nominations.kind), and forms judge each kind by its own criteria. The
-- kind is kept with the decision so that `tdkt confer` records the honour
-- the run judged, whatever the nomination says by then; runs saved before
-- version 8 have NULL here, and confer takes their nomination's kind.
ALTER TABLE decisions ADD COLUMN kind TEXT;
