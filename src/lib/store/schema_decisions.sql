-- tdkt store, schema version 4: the decisions of runs (schema.sql holds the
-- records, schema_details.sql the runs' detail texts). Tables unchanged
-- since version 2: run by the creation of a store and by the migration
-- from version 1, so that both give the same tables.
--
-- What every decision of a form shares (its criteria, their titles,
-- citations and reading status, the tree of routes) is stored once per
-- run in run_forms and run_criteria, as the rule set defined it when the
-- run was made; each decision keeps only what varies.

CREATE TABLE run_forms (
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  form         INTEGER NOT NULL,   -- 1, 2, ... within the run
  ruleset      TEXT NOT NULL,      -- the set that defines the form
  code         TEXT NOT NULL,      -- award code
  subject_type TEXT NOT NULL,      -- person, unit
  name_vi      TEXT,
  name_en      TEXT,
  file         TEXT,               -- the form's script, under the set
  PRIMARY KEY (run_id, form)
) STRICT, WITHOUT ROWID;

-- A form's nodes in preorder: criteria, the routes that group them, quotas.
CREATE TABLE run_criteria (
  run_id  INTEGER NOT NULL,
  form    INTEGER NOT NULL,
  node    INTEGER NOT NULL,        -- 0, 1, ... in preorder
  id      TEXT NOT NULL,
  kind    TEXT NOT NULL,           -- criterion, routes, route, quota
  parent  INTEGER,                 -- its parent node; NULL at the top
  depth   INTEGER NOT NULL,        -- 0 at the top
  basis   TEXT,                    -- citation
  status  TEXT,                    -- V, V-en, P, U
  vi      TEXT,                    -- the criterion in words
  en      TEXT,
  PRIMARY KEY (run_id, form, node),
  FOREIGN KEY (run_id, form) REFERENCES run_forms(run_id, form)
) STRICT, WITHOUT ROWID;

-- One row per nomination judged. A rowid table: rows are appended in
-- (run_id, nomination_id) order, and the index finds one decision. No
-- foreign key on run_id: the run is written first in the same
-- transaction, and the check cost 7% of a save.
-- Subject, code and year are kept as the nomination was when judged, so a
-- later import does not change what a saved run shows.
CREATE TABLE decisions (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL,
  nomination_id TEXT NOT NULL,
  subject_type  TEXT NOT NULL,
  subject_id    TEXT NOT NULL,
  code          TEXT NOT NULL,
  year          INTEGER NOT NULL,
  ruleset       TEXT,            -- the set in force; NULL when none was
  form          INTEGER,         -- run_forms.form; NULL when the set had none
  outcome       TEXT NOT NULL,   -- eligible, ineligible, review, error
  message       TEXT,            -- the error, or the reason (quota, kind)
  -- BLOB of schema 4, told by its first byte 0x03: then the result of
  -- each node of the form, in node order, two bits each, four nodes a
  -- byte from the low bits (0 fail, 1 pass, 2 unknown, 3 not judged),
  -- then for each judged node, in node order, the number of its detail
  -- among the run's texts in run_details (0 the first), as an unsigned
  -- LEB128 varint (7 bits a byte, low first, high bit set on all but the
  -- last byte).
  -- BLOB of schemas 2 and 3 (runs saved before schema 4): one byte
  -- per node ('p' pass, 'f' fail, 'u' unknown, '-' not judged), then the
  -- detail text of each judged node, each ended by a zero byte (details
  -- never hold one).
  -- NULL: nothing judged. TEXT: the whole result as JSON (spec/cli.md),
  -- as schema 1 stored it (runs saved before the migration to 2).
  result        ANY
) STRICT;
CREATE UNIQUE INDEX decisions_run ON decisions(run_id, nomination_id);

CREATE TRIGGER run_forms_append_only_u BEFORE UPDATE ON run_forms
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER run_forms_append_only_d BEFORE DELETE ON run_forms
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER run_criteria_append_only_u BEFORE UPDATE ON run_criteria
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER run_criteria_append_only_d BEFORE DELETE ON run_criteria
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER decisions_append_only_u BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decisions_append_only_d BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
