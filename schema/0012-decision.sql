-- 0012: the decisions reassign applied, kept with their reasons for the reports.
--
-- reassign reads the decisions file into a temporary table; what it applied is kept here (replaced
-- by every reassign), so a report can show beside each decided value why it was chosen, and the
-- values the old catalogs gave (candidates: "70: 15 working-day | 75: 10 working-day").
CREATE TABLE decision (
  subject     TEXT NOT NULL,        -- a national code, or dossier:CODE
  field       TEXT NOT NULL,        -- jurisdiction, name, fee, time_limit, online_level, portal,
                                    -- legal_basis, field; commune (a dossier)
  value       TEXT NOT NULL,        -- in its normal form, as it reached the merged catalog
  reason      TEXT NOT NULL,
  pos         TEXT NOT NULL,        -- where it is written: "decisions.csv:7", "book.xlsx:'Quyết định'!C7"
  candidates  TEXT,                 -- the old catalogs' values for a conflict it settled
  PRIMARY KEY (subject, field)
);
