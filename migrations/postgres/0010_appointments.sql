-- 0010 appointments (bokningar) and the ombud's calendar feed. An appointment's time, length,
-- kind and place category are in the clear, because the ombud's calendar and the feed are read
-- off them; where exactly and who attends are sealed with the client's key, bound to their row.
-- The feed's event id is random and says nothing. A feed's token is kept only as its hash.

CREATE TABLE appointments (
  id TEXT PRIMARY KEY,                   -- random, opaque
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  ombud_id BIGINT NOT NULL REFERENCES users(id),  -- whose calendar it is in
  starts_at BIGINT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 720),
  kind TEXT NOT NULL CHECK (kind IN ('mote', 'medfoljning', 'telefon', 'skrivelse', 'natverksmote', 'sip')),
  place TEXT NOT NULL CHECK (place IN ('kontoret', 'hemma', 'kafe', 'bibliotek', 'annat')),
  where_ct TEXT,
  who_ct TEXT,
  feed_uid TEXT NOT NULL UNIQUE,         -- random; the event's id in the calendar feed
  created_by BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX appointments_by_client ON appointments(client_id, starts_at);
CREATE INDEX appointments_by_ombud ON appointments(ombud_id, starts_at);

CREATE TABLE calendar_feeds (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,       -- BLAKE2b of the token; the token itself is never kept
  created_at BIGINT NOT NULL
);
