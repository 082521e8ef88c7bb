-- 0001: the step journal and the administrative-unit registry.
--
-- Dates are ISO text (YYYY-MM-DD). A unit version is valid on [valid_from, valid_to): NULL
-- valid_from = since before anything we know, NULL valid_to = still in force. A code can carry
-- several versions (25195 was "Phường Tân Phú" until 2025-07-01, then "Phường Bình Phước"), so a
-- unit is (level, code, period).

CREATE TABLE journal (
  id          INTEGER PRIMARY KEY,
  step        TEXT NOT NULL,          -- e.g. 'units import'
  target      TEXT NOT NULL,          -- what the step owns, e.g. the event name
  args        TEXT NOT NULL,          -- the arguments that shape the result, normalised
  input_hash  TEXT NOT NULL,          -- SHA-256 over args and every input's SHA-256
  counts      TEXT NOT NULL,          -- "links=10571 units=13454 ..."
  started_at  TEXT NOT NULL,
  ended_at    TEXT NOT NULL,
  outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'reapplied'))
);
CREATE INDEX journal_step ON journal(step, target);

CREATE TABLE journal_input (
  journal_id  INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
  path        TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  bytes       INTEGER NOT NULL
);

-- One import of a unit source: the 2025 conversion table, a snapshot list, a later change file.
CREATE TABLE event (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  effective   TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('conversion', 'list', 'changes')),
  source      TEXT NOT NULL,          -- file name as given
  sha256      TEXT NOT NULL
);

CREATE TABLE unit (
  id           INTEGER PRIMARY KEY,
  level        TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  code         TEXT NOT NULL,
  name         TEXT NOT NULL,         -- official spelling, NFC, whitespace cleaned
  name_key     TEXT NOT NULL,         -- sn_name_key(name), type stripped
  ascii_key    TEXT NOT NULL,         -- the same without diacritics
  type         TEXT,                  -- 'xã', 'phường', ... (NULL when the source gives none)
  parent_code  TEXT,                  -- district (before 2025) or province code
  province_code TEXT,
  valid_from   TEXT,
  valid_to     TEXT,
  opened_by    INTEGER REFERENCES event(id),  -- NULL: known only as an old unit
  closed_by    INTEGER REFERENCES event(id),
  named_by     INTEGER REFERENCES event(id)   -- the event whose spelling 'name' holds
);
-- The unit table is derived: every import rebuilds it from the stored links and lists of all
-- events in date order, so the order in which sources are imported does not matter.
CREATE INDEX unit_code ON unit(level, code);
CREATE INDEX unit_key ON unit(name_key);
CREATE INDEX unit_ascii ON unit(ascii_key);

-- Old -> new links of a conversion or change event: one row per line of the official table.
CREATE TABLE link (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL REFERENCES event(id),
  pos            TEXT NOT NULL,       -- line or sheet!row in the source, for messages
  seq            INTEGER NOT NULL,    -- order in the source
  old_level      TEXT NOT NULL CHECK (old_level IN ('province', 'district', 'commune', 'area')),
  old_code       TEXT,                -- NULL for an area without a code
  old_name       TEXT NOT NULL,
  old_district_code TEXT,
  old_district_name TEXT,
  old_province_code TEXT,
  old_province_name TEXT,
  new_level      TEXT NOT NULL,
  new_code       TEXT NOT NULL,
  new_name       TEXT NOT NULL,
  new_province_code TEXT,
  new_province_name TEXT,
  share          TEXT NOT NULL CHECK (share IN ('whole', 'part', 'part-population')),
  note_class     TEXT NOT NULL,       -- whole, part, part-population, keep, rename, reclassify,
                                      -- remainder, special-zone
  note           TEXT NOT NULL,       -- the note as published
  padded         TEXT                 -- which codes lost leading zeros: 'old', 'new', 'old,new'
);
CREATE INDEX link_old ON link(old_code);
CREATE INDEX link_new ON link(new_code);

-- Units as a snapshot list gives them (the pre-reform list), kept verbatim for 'units check'.
CREATE TABLE listed_unit (
  event_id     INTEGER NOT NULL REFERENCES event(id),
  pos          TEXT NOT NULL,
  level        TEXT NOT NULL,
  code         TEXT NOT NULL,
  name         TEXT NOT NULL,
  type         TEXT,
  parent_code  TEXT,
  PRIMARY KEY (event_id, level, code)
);
