-- 0001 foundation: operations, users, sessions, login throttling, the audit log and key checks.
-- Instants are Unix seconds (UTC); calendar dates are 'YYYY-MM-DD' text.

CREATE TABLE operations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL DEFAULT 'Europe/Stockholm',
  created_at INTEGER NOT NULL
) STRICT;

-- The member municipalities the operation serves (kommunkod: four digits).
CREATE TABLE municipalities (
  id INTEGER PRIMARY KEY,
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  code TEXT NOT NULL CHECK (length(code) = 4),
  name TEXT NOT NULL,
  UNIQUE (operation_id, code)
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  operation_id INTEGER NOT NULL REFERENCES operations(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('ombud', 'samordnare', 'ledningsgrupp', 'lansstyrelse', 'admin')),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;

-- Server-side sessions. Only a hash of the cookie token is stored.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expiry ON sessions(expires_at);

-- Failed logins, kept for the throttling window only. Subjects are hashes of the account name or
-- the client address, so a password typed into the name field is not stored.
CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('account', 'address')),
  subject TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_failures_lookup ON login_failures(scope, subject, at);

-- Append-only and hash-chained: each entry's hash covers its fields and the previous entry's hash.
-- Never content: who, when, which client id, what kind of access, and the outcome.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER,
  username TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  record_kind TEXT NOT NULL,
  client_id TEXT,
  subject_ids TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL,
  address TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_client ON audit_log(client_id);
CREATE INDEX audit_log_user ON audit_log(user_id, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- For each key-encryption key version: a value sealed with it, proving the key file belongs here.
CREATE TABLE kek_checks (
  version INTEGER PRIMARY KEY,
  check_value TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

-- Per-client data keys, wrapped by a key-encryption key from the key file.
CREATE TABLE client_keys (
  client_id TEXT PRIMARY KEY,
  key_version INTEGER NOT NULL,
  kek_version INTEGER NOT NULL,
  wrapped TEXT NOT NULL
) STRICT;
CREATE INDEX client_keys_kek ON client_keys(kek_version);
