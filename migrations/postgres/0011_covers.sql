-- 0011 covering for a colleague (vikariat): the samordnare lets an ombud stand in for a client's
-- primary ombud until a last day, with a reason (sealed with the client's key: it may say why a
-- colleague is away). The access policy reads the grants in force; they end by themselves.

CREATE TABLE covers (
  id TEXT PRIMARY KEY,                   -- random, opaque
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  ombud_id BIGINT NOT NULL REFERENCES users(id),  -- who covers
  reason_ct TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,                 -- the last day it holds
  ended_on TEXT,                         -- ended early by the samordnare, from this day
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (starts_on <= ends_on)
);
CREATE INDEX covers_by_client ON covers(client_id, ends_on);
CREATE INDEX covers_by_ombud ON covers(ombud_id, ends_on);
