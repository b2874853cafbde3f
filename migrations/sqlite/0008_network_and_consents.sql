-- 0008 the client's network map and the consents to speak with it. Who someone is and the
-- consent's scope, form and dates are codes; a name, what they do, contact details (kept only
-- when the client agrees) and the matters a consent covers are sealed with the client's key,
-- bound to their row. A contact-log entry may name whom in the network it was with.

CREATE TABLE network_entries (
  id TEXT PRIMARY KEY,                   -- random, opaque
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('forsakringskassan', 'arbetsformedlingen', 'socialtjansten', 'kronofogden',
                                     'overformyndaren', 'psykiatrin', 'primarvarden', 'hyresvard', 'annan_myndighet',
                                     'god_man', 'forvaltare', 'boendestodjare', 'kontaktperson',
                                     'personlig_assistent', 'annan_yrkesperson', 'privat')),
  name_ct TEXT NOT NULL,
  does_ct TEXT,
  contact_agreed INTEGER NOT NULL CHECK (contact_agreed IN (0, 1)),
  contact_ct TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (contact_ct IS NULL OR contact_agreed = 1)
) STRICT;
CREATE INDEX network_entries_by_client ON network_entries(client_id, created_at);

CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  network_id TEXT NOT NULL REFERENCES network_entries(id) ON DELETE CASCADE,
  scopes TEXT NOT NULL,                  -- kConsentScopes codes, space-separated
  matter_ct TEXT,
  given_as TEXT NOT NULL CHECK (given_as IN ('fullmakt', 'muntligt')),
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  revoked_on TEXT,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX consents_by_client ON consents(client_id, network_id);

ALTER TABLE contact_log ADD COLUMN network_id TEXT REFERENCES network_entries(id) ON DELETE SET NULL;
