-- 0008: errata of the official conversion table, as 'units import' met them.
--
-- One row per erratum (mappings/errata-2025.csv or --errata FILE) and cell of the imported table:
-- applied, left as published (--as-published), found already right, found holding another value
-- (not applied), or -- when the table is the one the errata are written for -- its row missing.
CREATE TABLE correction (
  event_id    INTEGER NOT NULL REFERENCES event(id),
  erratum     TEXT NOT NULL,        -- where the erratum is: "(built-in errata-2025):12", FILE:LINE
  pos         TEXT,                 -- the cell in the source; NULL when the row is missing
  col         TEXT NOT NULL,        -- old_code, old_name, new_name, old_province, ...
  new_code    TEXT NOT NULL,        -- the row, as the erratum names it
  old_code    TEXT,
  old_name    TEXT,
  published   TEXT NOT NULL,        -- what the erratum says the table publishes
  found       TEXT,                 -- what the cell held
  corrected   TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('applied', 'as-published', 'already', 'mismatch', 'missing'))
);
CREATE INDEX correction_event ON correction(event_id);
