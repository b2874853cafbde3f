-- 0006 the work inside an assignment, first part: the contact log and the needs mapping. What the
-- client says is sealed with the client's key (the _ct columns, bound to their row); kinds,
-- categories, dates and minutes are codes and numbers. Each record keeps the id of the
-- statistics event it feeds, so that editing or removing the record together with the client
-- edits or removes the event (ADR 0020); the event itself names no client.

ALTER TABLE stat_events ADD COLUMN activity TEXT NOT NULL DEFAULT '';
ALTER TABLE stat_events ADD COLUMN counterpart TEXT NOT NULL DEFAULT '';
ALTER TABLE stat_events ADD COLUMN minutes INTEGER;

CREATE TABLE contact_log (
  id TEXT PRIMARY KEY,                   -- random, opaque
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  happened_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('mote', 'medfoljning', 'telefon', 'skrivelse', 'natverksmote', 'sip')),
  place TEXT,
  counterpart TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  note_ct TEXT,
  stat_id TEXT NOT NULL,
  recorded_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
-- A page of the log is read newest first straight off this index, so it does not grow costly with
-- years of history.
CREATE INDEX contact_log_by_client ON contact_log(client_id, happened_on, created_at, id);

-- The log's totals, kept in the transaction that adds, edits or removes an entry, so that a page
-- never counts the whole log.
CREATE TABLE contact_log_totals (
  client_id TEXT PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
  entries INTEGER NOT NULL CHECK (entries >= 0),
  minutes INTEGER NOT NULL CHECK (minutes >= 0)
);

CREATE TABLE needs (
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  area TEXT NOT NULL,
  words_ct TEXT,
  wants_help INTEGER NOT NULL CHECK (wants_help IN (0, 1)),
  stat_id TEXT,                          -- the help_wanted event, while help is wanted
  updated_by BIGINT NOT NULL REFERENCES users(id),
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (client_id, area)
);
