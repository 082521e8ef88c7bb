-- 0011: the checks of link and unit written as comparisons.
--
-- 'units import' inserts one link per row of a conversion table (10,571 for the official one)
-- and rebuilds the unit table (~14,000 rows) after every import. SQLite evaluates
-- `x IN ('a', 'b', 'c')` with more than two values against a temporary b-tree of the values,
-- which it builds again for every row a statement inserts one at a time and clears for every
-- row of an INSERT ... SELECT: about two thirds of the cost of a link insert. The same checks
-- written as OR chains compare in place. What they accept is the same: a NULL passes both
-- forms, and NOT NULL stays separate; the checks are named, so a failing one says which.
-- SQLite cannot alter a CHECK, so both tables are rebuilt with their rows (ids kept) and their
-- indexes (0001, 0004, 0006).
CREATE TABLE link_0011 (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL REFERENCES event(id),
  pos            TEXT NOT NULL,       -- line or sheet!row in the source, for messages
  seq            INTEGER NOT NULL,    -- order in the source
  old_level      TEXT NOT NULL CONSTRAINT link_old_level CHECK (old_level = 'province' OR
                 old_level = 'district' OR old_level = 'commune' OR old_level = 'area'),
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
  share          TEXT NOT NULL CONSTRAINT link_share CHECK (share = 'whole' OR share = 'part' OR
                 share = 'part-population'),
  note_class     TEXT NOT NULL,       -- whole, part, part-population, keep, rename, reclassify,
                                      -- remainder, special-zone
  note           TEXT NOT NULL,       -- the note as published
  padded         TEXT                 -- which codes lost leading zeros: 'old', 'new', 'old,new'
);
INSERT INTO link_0011 SELECT id, event_id, pos, seq, old_level, old_code, old_name,
  old_district_code, old_district_name, old_province_code, old_province_name, new_level,
  new_code, new_name, new_province_code, new_province_name, share, note_class, note, padded
  FROM link ORDER BY id;
DROP TABLE link;
ALTER TABLE link_0011 RENAME TO link;
CREATE INDEX link_old ON link(old_code);
CREATE INDEX link_new ON link(new_code);
CREATE INDEX link_old_district ON link(old_district_code);

CREATE TABLE unit_0011 (
  id           INTEGER PRIMARY KEY,
  level        TEXT NOT NULL CONSTRAINT unit_level CHECK (level = 'province' OR
               level = 'district' OR level = 'commune'),
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
INSERT INTO unit_0011 SELECT id, level, code, name, name_key, ascii_key, type, parent_code,
  province_code, valid_from, valid_to, opened_by, closed_by, named_by FROM unit ORDER BY id;
DROP TABLE unit;
ALTER TABLE unit_0011 RENAME TO unit;
CREATE INDEX unit_code ON unit(level, code);
CREATE INDEX unit_key ON unit(name_key);
CREATE INDEX unit_ascii ON unit(ascii_key);
CREATE INDEX unit_code_only ON unit(code);
