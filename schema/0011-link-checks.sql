-- 0011: the link table's two checks written as comparisons.
--
-- 'units import' inserts one link per row of a conversion table (10,571 for the official one).
-- SQLite evaluates `x IN ('a', 'b', 'c')` with more than two values by building a temporary
-- b-tree of the values, once per execution of the statement: for a statement run once per row
-- that is a b-tree per row, about two thirds of the cost of the insert. The same checks written
-- as OR chains compare in place. What they accept is the same: a NULL passes both forms, and
-- NOT NULL stays separate; the checks are named, so a failing one says which. SQLite cannot
-- alter a CHECK, so the table is rebuilt with its rows (ids kept) and its indexes (0001, 0004).
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
