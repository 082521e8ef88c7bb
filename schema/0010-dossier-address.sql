-- 0010: the applicant's address of a dossier, as written and in the new units.
--
-- 'dossiers import' reads an optional address column and converts it (address convert): the
-- address as written, the rewritten one, the status (converted, already_new, ambiguous,
-- not_found) and the new commune; an ambiguous one waits in the review queue with its candidates.
ALTER TABLE dossier ADD COLUMN address TEXT;
ALTER TABLE dossier ADD COLUMN address_new TEXT;
ALTER TABLE dossier ADD COLUMN address_status TEXT;
ALTER TABLE dossier ADD COLUMN address_commune TEXT;
ALTER TABLE dossier ADD COLUMN address_candidates TEXT;  -- ambiguous: every possible new commune, ';'-separated
