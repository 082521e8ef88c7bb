-- Defects planted on the clean province (validate-clean.sql), one for each form a finding's detail
-- takes, so that one report shows every sentence (t1010-validate-details.t).
-- binding-district-level: a district committee; an old code merged into another; an old code
-- closed without a successor. binding-agency-unknown: a code nobody has.
INSERT INTO binding(catalog, national_code, agency_code, online) VALUES
  ('75', '1.001612', '000.00.32.H10', 1), ('75', '1.001612', '000.00.13.H10', 1),
  ('75', '1.001612', '001.51.40.H19', 1), ('75', '1.001612', '000.00.99.H19', 1);
-- online-not-received: its one binding (1.010803), both of two (1.005300), none of 21 (1.001266)
-- do not receive it online; no binding left (1.005142); not in the merged catalog (1.011443);
-- offered on the national portal only (1.012790); online, its level undecided (1.005095).
UPDATE merged_procedure SET online_level = 'none', portal = 1 WHERE national_code = '1.012790';
UPDATE merged_procedure SET online_level = NULL WHERE national_code = '1.005095';
UPDATE binding SET online = 0 WHERE active = 1 AND catalog = '75'
  AND national_code IN ('1.010803', '1.005300', '1.001266', '1.012790', '1.005095');
DELETE FROM binding WHERE catalog = '75' AND national_code = '1.005142';
DELETE FROM merged_procedure WHERE national_code = '1.011443';
-- online-not-everywhere: one agency of 21, then four.
UPDATE binding SET online = 0 WHERE active = 1 AND catalog = '75' AND national_code = '1.001193'
  AND agency_code = '000.17.60.H19';
UPDATE binding SET online = 0 WHERE active = 1 AND catalog = '75' AND national_code = '1.000689'
  AND agency_code IN ('000.01.60.H19', '000.02.60.H19', '000.03.60.H19', '000.04.60.H19');
-- online-level-none.
UPDATE binding SET online = 1 WHERE active = 1 AND catalog = '75' AND national_code = '1.000419'
  AND agency_code = '000.01.60.H19';
-- The code table: invalid, nonconforming, written twice, closed, under a closed level-1 code,
-- under another province's level-1 code; a parent nobody has.
INSERT INTO code_table(code, sort_key, subject, name, kind, parent_code, unit_code, phone, email, origin, reason) VALUES
  ('000.00.21.h19', 't1', 't', 'Sở Thử nghiệm', 'department', '000.00.00.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't'),
  ('000.302.15.H19', 't2', 't', 'Trung tâm Thử nghiệm', 'department-unit', '000.00.15.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't'),
  ('H19.15', 't3', 't', 'Sở Khoa học và Công nghệ', 'department', '000.00.00.H19', '75', '0251 3822 097', 'skhcn@dongnai.gov.vn', 'new', 't'),
  ('000.00.40.H19', 't4', 't', 'Sở Thử nghiệm Hai', 'department', '000.00.00.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't'),
  ('000.00.21.H10', 't5', 't', 'Sở Thử nghiệm Ba', 'department', '000.00.00.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't'),
  ('000.00.22.H20', 't6', 't', 'Sở Thử nghiệm Bốn', 'department', '000.00.00.H19', '75', '0251 3822 000', 'thu@dongnai.gov.vn', 'new', 't');
UPDATE code_table SET parent_code = '000.00.99.H19' WHERE code = '000.01.07.H19';
-- Dossiers: at an old code; at a code nobody has; at an agency without their procedure; of a
-- procedure the merged catalog does not have.
UPDATE dossier SET agency_code = '000.00.32.H10' WHERE code = '000.00.32.H10-250624-0041';
UPDATE dossier SET agency_code = '000.00.99.H19' WHERE code = '000.00.35.H10-250620-0001';
UPDATE dossier SET agency_code = '000.00.15.H19' WHERE code = '000.00.39.H10-250626-0001';
UPDATE dossier SET national_code = '1.011443' WHERE code = '000.00.31.H10-250620-0001';
-- A new commune without its committee; a commune-level procedure missing at one committee, and at
-- four.
INSERT INTO unit(level, code, name, name_key, ascii_key, province_code, valid_from, opened_by)
  VALUES ('commune', '26999', 'Xã Thử Nghiệm', 'thu nghiem', 'thu nghiem', '75', '2025-07-01', 1);
DELETE FROM binding WHERE active = 1 AND catalog = '75' AND national_code = '1.000419'
  AND agency_code = '000.21.60.H19';
DELETE FROM binding WHERE active = 1 AND catalog = '75' AND national_code = '1.000593'
  AND agency_code IN ('000.01.60.H19', '000.02.60.H19', '000.03.60.H19', '000.04.60.H19');
-- Contacts: a phone and an e-mail address that are not ones; no phone; no e-mail; neither.
UPDATE code_table SET phone = '0613 822 097; 0912 345 678' WHERE code = '000.00.15.H19';
UPDATE code_table SET email = 'thanhtra@dongnai' WHERE code = '000.00.17.H19';
UPDATE code_table SET phone = NULL WHERE code = '000.00.11.H19';
UPDATE code_table SET email = ' ' WHERE code = '000.00.12.H19';
UPDATE code_table SET phone = NULL, email = NULL WHERE code = '000.00.14.H19';
-- An open review item (its reason as stored); a conflict awaiting a decision.
INSERT INTO review(step, subject, reason) VALUES ('recode', '000.00.18.H19', 'needs a decision: where does it go');
UPDATE merged_procedure SET conflicts = 2, fee = NULL, time_limit = NULL WHERE national_code = '1.001612';
INSERT INTO review(step, subject, reason, detail, field) VALUES
  ('reassign', '1.001612', 'conflict: the catalogs differ on fee', '70: 100.000 | 75: 50.000', 'fee'),
  ('reassign', '1.001612', 'conflict: the catalogs differ on time_limit', '70: 3 | 75: 2', 'time_limit');
