-- 0007: the merged province's facts, computed once (when recode runs, from the unit registry,
-- the imported registries and the level-1 table) and read by every later step: which new
-- province, which old ones, whose level-1 codes survive and why, and its name on the date.
CREATE TABLE province_fact (
  province    TEXT PRIMARY KEY,     -- the new province's unit code ('80')
  name        TEXT NOT NULL,        -- its name in force on on_date ('Tỉnh Tây Ninh')
  on_date     TEXT NOT NULL,
  survivor    TEXT NOT NULL,        -- the old province whose level-1 codes survive ('72')
  level1      TEXT NOT NULL,        -- the surviving committee level-1 code ('H53')
  council     TEXT NOT NULL,        -- the surviving council level-1 code ('K53')
  how         TEXT NOT NULL         -- why that survivor: the name rule, or the operator's choice
);
CREATE TABLE province_fact_old (
  old_province TEXT PRIMARY KEY,    -- an old province that became the new one ('80')
  province    TEXT NOT NULL,
  name        TEXT NOT NULL,        -- its name before the reform ('Tỉnh Long An')
  level1      TEXT NOT NULL,        -- 'H39'
  council     TEXT NOT NULL,        -- 'K39'
  survives    INTEGER NOT NULL,     -- 1 for the survivor; the others' level-1 codes are closed
  registry    INTEGER NOT NULL      -- 1 when its agency registry is imported
);
