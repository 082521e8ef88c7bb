-- 0004: indexes the national-scale runs need (each lookup below ran once per agency, dossier or
-- binding; without an index each was a full scan, making recode and reassign quadratic).
CREATE INDEX agency_sort ON agency(sort_key);
CREATE INDEX code_table_parent ON code_table(parent_code, kind);
CREATE INDEX code_table_unit ON code_table(unit_code, kind);
CREATE INDEX code_table_function ON code_table(function, kind);
CREATE INDEX crosswalk_new ON crosswalk(new_code);
CREATE INDEX link_old_district ON link(old_district_code);
CREATE INDEX binding_from ON binding(from_binding);
