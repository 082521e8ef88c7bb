-- 0005: the review queue looked up by subject (conservation checks, once per dossier).
CREATE INDEX review_subject ON review(step, subject);
