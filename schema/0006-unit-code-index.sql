-- 0006: units looked up by code alone (agency unit codes, dossier communes).
CREATE INDEX unit_code_only ON unit(code);
