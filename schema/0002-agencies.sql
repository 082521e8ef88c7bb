-- 0002: agency registries of the old provinces, the merged province's code table, the
-- crosswalk old -> new, and the review queue.

-- Agencies as each old province's registry lists them (the "before").
CREATE TABLE agency (
  id           INTEGER PRIMARY KEY,
  province     TEXT NOT NULL,         -- old province code the registry belongs to ('70')
  code         TEXT NOT NULL UNIQUE,  -- as written (trimmed)
  code_status  TEXT NOT NULL CHECK (code_status IN ('ok', 'nonconforming')),
  code_problem TEXT,                  -- why nonconforming
  sort_key     TEXT NOT NULL,         -- orders codes by level-1 then levels 2-4 numerically
  l1           TEXT,                  -- level-1 code ('H10'); NULL when unparseable
  name         TEXT NOT NULL,
  name_key     TEXT NOT NULL,
  kind         TEXT NOT NULL,
  parent_code  TEXT,
  unit_code    TEXT,
  address      TEXT,
  phone        TEXT,
  email        TEXT,
  status       TEXT NOT NULL CHECK (status IN ('active', 'closed')),
  pos          TEXT NOT NULL          -- file:line of the record
);
CREATE INDEX agency_parent ON agency(parent_code);
CREATE INDEX agency_province ON agency(province, sort_key);

-- The merged province's agencies after recode (the "after").
CREATE TABLE code_table (
  code         TEXT PRIMARY KEY,
  sort_key     TEXT NOT NULL UNIQUE,  -- the same code in another notation is the same code
  subject      TEXT NOT NULL,         -- what the code stands for: 'commune:25195' or 'old:<code>'
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL,
  parent_code  TEXT,
  unit_code    TEXT,
  address      TEXT,
  phone        TEXT,
  email        TEXT,
  origin       TEXT NOT NULL,         -- 'kept', 'renumbered', 'merged' (absorbed others), 'new'
  reason       TEXT NOT NULL          -- why this code is what it is (recode --explain)
);

-- Every old code, exactly once: kept, renumbered, merged into another, or closed.
CREATE TABLE crosswalk (
  old_code     TEXT PRIMARY KEY,
  province     TEXT NOT NULL,
  outcome      TEXT NOT NULL CHECK (outcome IN ('kept', 'renumbered', 'merged', 'closed')),
  new_code     TEXT,                  -- kept/renumbered/merged: the code now carrying its work
  reason       TEXT NOT NULL
);
CREATE TABLE crosswalk_successor (
  old_code     TEXT NOT NULL REFERENCES crosswalk(old_code) ON DELETE CASCADE,
  new_code     TEXT NOT NULL,
  PRIMARY KEY (old_code, new_code)
);

-- Codes never to be issued again: every code closed by a recode, and the absorbed province's
-- level-1 codes.
CREATE TABLE closed_code (
  code         TEXT PRIMARY KEY,
  sort_key     TEXT NOT NULL,
  reason       TEXT NOT NULL
);
CREATE INDEX closed_code_key ON closed_code(sort_key);

-- Items that need a person; never dropped.
CREATE TABLE review (
  id           INTEGER PRIMARY KEY,
  step         TEXT NOT NULL,
  subject      TEXT NOT NULL,         -- e.g. an agency code
  reason       TEXT NOT NULL,
  detail       TEXT,
  status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved'))
);
