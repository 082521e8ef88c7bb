-- 0009: the journal records what a step read and how it was invoked.
--
-- upstream: the journal ids of the latest entries of the steps it reads (tools/steps.c), space
--   separated, at the time it committed; its input_hash covers them, so an upstream step applied
--   again makes it stale.
-- own_hash: SHA-256 over its own arguments and input files only (without digests of the database
--   rows it read), to tell "recompute because upstream changed" from "different options given".
-- command: the command line as typed ('sapnhap --db x.db recode --pins pins.csv'), to say exactly
--   what to run again.
ALTER TABLE journal ADD COLUMN upstream TEXT;
ALTER TABLE journal ADD COLUMN own_hash TEXT;
ALTER TABLE journal ADD COLUMN command TEXT;
