-- 0003: procedure catalogs, bindings, in-flight dossiers, the merged catalog and decisions.

CREATE TABLE procedure (
  id             INTEGER PRIMARY KEY,
  province       TEXT NOT NULL,        -- the old province whose catalog lists it
  national_code  TEXT NOT NULL,        -- '1.001612'
  local_code     TEXT,
  name           TEXT NOT NULL,
  field_code     TEXT,
  field_name     TEXT,
  levels         TEXT NOT NULL,        -- subset of 'province,district,commune', in that order
  time_limit     REAL,
  time_unit      TEXT,
  fee            TEXT,
  online_level   TEXT NOT NULL CHECK (online_level IN ('full', 'partial', 'none')),
  portal         INTEGER NOT NULL,     -- integrated on the national portal (Cổng DVCQG)
  legal_basis    TEXT,
  pos            TEXT NOT NULL,
  UNIQUE (province, national_code)
);

-- Procedure <-> agency. Imported bindings keep their old agency code; reassign marks the ones
-- it replaces inactive and adds the merged province's bindings (catalog = the target province).
CREATE TABLE binding (
  id             INTEGER PRIMARY KEY,
  catalog        TEXT NOT NULL,        -- old province, or the new province after reassign
  national_code  TEXT NOT NULL,
  agency_code    TEXT NOT NULL,
  online         INTEGER NOT NULL,     -- the agency receives this procedure online
  active         INTEGER NOT NULL DEFAULT 1,
  rule           TEXT,                 -- what created it (reassign)
  from_binding   INTEGER REFERENCES binding(id),
  pos            TEXT
);
CREATE INDEX binding_proc ON binding(catalog, national_code);
CREATE INDEX binding_agency ON binding(agency_code);
CREATE UNIQUE INDEX binding_merged ON binding(catalog, national_code, agency_code) WHERE active = 1;

CREATE TABLE dossier (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE, -- issued to the citizen: never renamed
  province       TEXT NOT NULL,
  national_code  TEXT NOT NULL,
  agency_code    TEXT NOT NULL,        -- the agency handling it now
  commune_code   TEXT,                 -- the applicant's old commune
  hamlet         TEXT,
  status         TEXT,
  received       TEXT,
  due            TEXT,
  pos            TEXT NOT NULL
);
CREATE INDEX dossier_agency ON dossier(agency_code);

-- Each move of a dossier, with the rule that caused it.
CREATE TABLE dossier_history (
  dossier_id     INTEGER NOT NULL REFERENCES dossier(id),
  step           TEXT NOT NULL,
  from_agency    TEXT NOT NULL,
  to_agency      TEXT NOT NULL,
  rule           TEXT NOT NULL
);
CREATE INDEX dossier_history_d ON dossier_history(dossier_id);

-- Hamlets (thôn, ấp) of split communes: which new commune each went to.
CREATE TABLE hamlet (
  old_commune    TEXT NOT NULL,
  hamlet_key     TEXT NOT NULL,
  hamlet         TEXT NOT NULL,
  new_commune    TEXT NOT NULL,
  PRIMARY KEY (old_commune, hamlet_key)
);

-- One entry per national code for the merged province.
CREATE TABLE merged_procedure (
  national_code  TEXT PRIMARY KEY,
  local_code     TEXT NOT NULL,
  name           TEXT,
  field_code     TEXT,
  field_name     TEXT,
  levels         TEXT NOT NULL,
  time_limit     REAL,
  time_unit      TEXT,
  fee            TEXT,
  online_level   TEXT,
  portal         INTEGER,
  legal_basis    TEXT,
  sources        TEXT NOT NULL,        -- old provinces whose catalogs list it
  conflicts      INTEGER NOT NULL      -- fields still awaiting a decision (NULL there)
);

ALTER TABLE code_table ADD COLUMN function TEXT;  -- a department's function (departments.csv)
ALTER TABLE review ADD COLUMN field TEXT;          -- for conflicts: which field
