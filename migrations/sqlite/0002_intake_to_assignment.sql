-- 0002 intake to assignment: clients (cases), orientation visits, assignments, the operation's
-- configuration with its history, and de-identified statistics events.
-- Columns ending in _ct hold values sealed with the client's own data key (XChaCha20-Poly1305,
-- associated data = table, column, row, client, key version); nothing personal is stored in clear.

CREATE TABLE code_counters (
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  year INTEGER NOT NULL,
  next INTEGER NOT NULL,
  PRIMARY KEY (operation_id, year)
) STRICT;

CREATE TABLE clients (
  id TEXT PRIMARY KEY,                   -- random, opaque
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  code TEXT NOT NULL,                    -- pseudonymous client code, e.g. K-2026-017
  state TEXT NOT NULL CHECK (state IN ('forsta_kontakt', 'bedomning', 'orienteringsbesok', 'ko', 'aktiv',
                                       'vilande', 'avslutning', 'hanvisad_akut', 'ej_aktuell', 'avstar')),
  municipality_code TEXT NOT NULL CHECK (length(municipality_code) = 4),
  channel TEXT NOT NULL,
  contact_by TEXT NOT NULL,
  first_contact_on TEXT NOT NULL,
  own_wish_on TEXT,
  recorded_by INTEGER NOT NULL REFERENCES users(id),
  alias_ct TEXT,
  reach_ct TEXT,
  birth_year_ct TEXT NOT NULL,
  gender_ct TEXT NOT NULL,
  priorities_ct TEXT,
  assessment_ct TEXT,
  assessed_on TEXT,
  assessed_by INTEGER REFERENCES users(id),
  orientation_on TEXT,
  orientation_place TEXT,
  orientation_trusted_person INTEGER CHECK (orientation_trusted_person IN (0, 1)),
  orientation_booked_by INTEGER REFERENCES users(id),
  orientation_held_on TEXT,
  queue_entered_on TEXT,
  primary_ombud_id INTEGER REFERENCES users(id),
  assigned_on TEXT,
  paused_on TEXT,
  ended_on TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (operation_id, code)
) STRICT;
CREATE INDEX clients_state ON clients(operation_id, state);
CREATE INDEX clients_ombud ON clients(primary_ombud_id, state);
CREATE INDEX clients_recorder ON clients(recorded_by, state);

-- The ombud booked on a client's orientation visit.
CREATE TABLE orientation_ombud (
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (client_id, user_id)
) STRICT;
CREATE INDEX orientation_ombud_user ON orientation_ombud(user_id);

-- Who has been the client's primary ombud, from when to when, and why it changed.
CREATE TABLE assignments (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  ombud_id INTEGER NOT NULL REFERENCES users(id),
  started_on TEXT NOT NULL,
  ended_on TEXT,
  change_reason TEXT,
  assigned_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX assignments_client ON assignments(client_id);

-- The operation's rules, one row per version; the highest version applies.
CREATE TABLE operation_configs (
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by INTEGER REFERENCES users(id),
  config TEXT NOT NULL,
  PRIMARY KEY (operation_id, version)
) STRICT;

-- De-identified statistics: no client id, no date finer than the year, and a random key with no
-- rowid, so not even the order of insertion links an event back to a client.
CREATE TABLE stat_events (
  id TEXT PRIMARY KEY,
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  municipality_code TEXT NOT NULL,
  year INTEGER NOT NULL,
  event_type TEXT NOT NULL,
  gender TEXT NOT NULL,
  age_band TEXT NOT NULL,
  channel TEXT NOT NULL,
  contact_by TEXT NOT NULL,
  reason_code TEXT NOT NULL,
  days_waited INTEGER
) STRICT, WITHOUT ROWID;
CREATE INDEX stat_events_report ON stat_events(operation_id, year, event_type);
