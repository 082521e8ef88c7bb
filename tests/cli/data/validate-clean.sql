-- Fixes the defects of the samples' merged province (as 'make demo' leaves it), so that
-- 'sapnhap validate' finds nothing: the tests plant one defect at a time on a copy.
-- Conflicts decided; the review queue settled; the dossier waiting for a decision moved.
UPDATE merged_procedure SET name = COALESCE(name, national_code), fee = COALESCE(fee, 'miễn phí'),
  time_limit = COALESCE(time_limit, 5), time_unit = COALESCE(time_unit, 'working-day'),
  online_level = COALESCE(online_level, 'partial'), portal = COALESCE(portal, 1),
  legal_basis = COALESCE(legal_basis, '-'), conflicts = 0;
UPDATE review SET status = 'resolved';
UPDATE dossier SET agency_code = '000.17.60.H19' WHERE code = '000.01.40.H19-250611-0001';
-- Every commune-level procedure at every commune committee.
INSERT INTO binding(catalog, national_code, agency_code, online, rule, from_binding)
  SELECT '75', m.national_code, c.code, 0, 'test: filled in', (SELECT min(id) FROM binding)
  FROM merged_procedure m JOIN code_table c ON c.kind = 'commune-committee'
  WHERE (instr(m.levels, 'commune') > 0 OR EXISTS (SELECT 1 FROM procedure p
    WHERE p.national_code = m.national_code AND instr(p.levels, 'commune') > 0))
  AND NOT EXISTS (SELECT 1 FROM binding b WHERE b.active = 1 AND b.catalog = '75'
    AND b.national_code = m.national_code AND b.agency_code = c.code)
  ORDER BY m.national_code, c.code;
-- Procedures offered online are received online wherever they are bound.
UPDATE binding SET online = 1 WHERE active = 1 AND catalog = '75' AND national_code IN
  (SELECT national_code FROM merged_procedure WHERE online_level <> 'none' OR portal = 1);
-- Contacts: the planted e-mails without '@', and the new commune committees' missing ones.
UPDATE code_table SET email = 'songoaivu@binhphuoc.gov.vn' WHERE code = '000.00.19.H19';
UPDATE code_table SET email = 'bqlkcn@dongnai.gov.vn' WHERE code = '000.00.20.H19';
UPDATE code_table SET phone = COALESCE(phone, '0251 3822 000'),
  email = COALESCE(email, 'ubnd.' || unit_code || '@dongnai.gov.vn');
