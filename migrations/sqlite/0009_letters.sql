-- 0009 letters and applications written together with the client: the contact log records which
-- kind was written (a code). The letter itself is never stored.

ALTER TABLE contact_log ADD COLUMN letter TEXT
  CHECK (letter IS NULL OR (kind = 'skrivelse' AND letter IN ('god_man', 'boendestod', 'kontaktperson', 'sip')));
