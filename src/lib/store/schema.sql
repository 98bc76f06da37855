-- tdkt store, schema version 7 (PRAGMA user_version = 7): this file,
-- schema_decisions.sql (the decisions and what a run's forms share), which
-- the migration from version 1 also runs, schema_image.sql (the index
-- image, a cache, and the triggers that watch the records), which the
-- migrations from versions 1 to 5 run, schema_details.sql (the runs'
-- detail texts), which the migrations from versions 1 to 3 run,
-- schema_report.sql (the report's index of honours), which the migrations
-- from versions 1 to 4 run, and schema_records.sql (the records version,
-- and the column of runs that records it), which the migrations from
-- versions 1 to 5 run, and schema_conferred.sql (the honours conferred
-- from each run, indexed), which the migrations from versions 1 to 6 run.
-- Codes are stored as the canonical codes of shared/domain/vocabulary.md;
-- dates as 'YYYY-MM-DD' text. Import resolves aliases before writing.
-- Subjects of appraisals, honours, disciplines and facts are polymorphic
-- (person or unit), so import checks those references itself.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
INSERT INTO meta(key, value) VALUES ('application', 'tdkt');

CREATE TABLE units (
  id        TEXT PRIMARY KEY,
  name      TEXT NOT NULL,
  parent_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  kind      TEXT NOT NULL,
  bloc      TEXT,
  small     INTEGER
) STRICT;
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE people (
  id              TEXT PRIMARY KEY,
  full_name       TEXT NOT NULL,
  unit_id         TEXT NOT NULL REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
  is_leader       INTEGER NOT NULL,
  category        TEXT,
  gender          TEXT,
  ethnic_minority INTEGER,
  birth_year      INTEGER,
  hired           TEXT
) STRICT;
CREATE INDEX people_unit ON people(unit_id);

CREATE TABLE appraisals (
  subject_type  TEXT NOT NULL,
  subject_id    TEXT NOT NULL,
  year          INTEGER NOT NULL,
  rating        TEXT NOT NULL,
  unit_id       TEXT,
  months_worked INTEGER,
  absence       TEXT,
  PRIMARY KEY (subject_type, subject_id, year)
) STRICT, WITHOUT ROWID;

-- Natural key: one honour of a code, year and kind per subject.
CREATE TABLE honours (
  subject_type  TEXT NOT NULL,
  subject_id    TEXT NOT NULL,
  code          TEXT NOT NULL,
  year          INTEGER NOT NULL,
  kind          TEXT NOT NULL DEFAULT 'merit',
  decision_no   TEXT,
  decision_date TEXT,
  initiatives   TEXT,            -- initiative ids separated by ';'
  run_id        INTEGER,         -- set when recorded from a run's decision
  nomination_id TEXT,
  PRIMARY KEY (subject_type, subject_id, code, year, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE initiatives (
  id        TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  year      INTEGER NOT NULL,
  scope     TEXT NOT NULL,
  kind      TEXT NOT NULL DEFAULT 'initiative',
  applied   INTEGER NOT NULL DEFAULT 1,
  title     TEXT,
  PRIMARY KEY (id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX initiatives_person ON initiatives(person_id, year);

CREATE TABLE disciplines (
  subject_type TEXT NOT NULL,
  subject_id   TEXT NOT NULL,
  date         TEXT NOT NULL,
  level        TEXT NOT NULL,
  ends         TEXT,
  note         TEXT,
  PRIMARY KEY (subject_type, subject_id, date, level)
) STRICT, WITHOUT ROWID;

-- year 0 = timeless (a NULL in a key would not be unique).
CREATE TABLE facts (
  subject_type TEXT NOT NULL,
  subject_id   TEXT NOT NULL,
  year         INTEGER NOT NULL DEFAULT 0,
  key          TEXT NOT NULL,
  value        TEXT NOT NULL,
  source       TEXT,
  PRIMARY KEY (subject_type, subject_id, year, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE nominations (
  id           TEXT PRIMARY KEY,
  subject_type TEXT NOT NULL,
  subject_id   TEXT NOT NULL,
  code         TEXT NOT NULL,
  year         INTEGER NOT NULL,
  kind         TEXT NOT NULL DEFAULT 'merit',
  campaign     TEXT,
  proposed_by  TEXT,
  submitted    TEXT
) STRICT;
CREATE INDEX nominations_year ON nominations(year);

-- Evaluation runs and their decisions: append-only, the audit record.
CREATE TABLE runs (
  id         INTEGER PRIMARY KEY,
  started    TEXT NOT NULL,      -- UTC, ISO 8601
  engine     TEXT NOT NULL,      -- tdkt version
  rules      TEXT NOT NULL,      -- the --rules argument or the rules root
  options    TEXT NOT NULL,      -- the command's options, JSON
  count      INTEGER NOT NULL
  -- and records INTEGER: the records version judged (schema_records.sql)
) STRICT;

CREATE TABLE run_rulesets (
  run_id  INTEGER NOT NULL REFERENCES runs(id),
  ruleset TEXT NOT NULL,
  dir     TEXT NOT NULL,
  sha256  TEXT NOT NULL,         -- over every file of the set and its parents
  PRIMARY KEY (run_id, ruleset)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER runs_append_only_u BEFORE UPDATE ON runs
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER runs_append_only_d BEFORE DELETE ON runs
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER run_rulesets_append_only_u BEFORE UPDATE ON run_rulesets
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
CREATE TRIGGER run_rulesets_append_only_d BEFORE DELETE ON run_rulesets
BEGIN SELECT RAISE(ABORT, 'runs are append-only'); END;
