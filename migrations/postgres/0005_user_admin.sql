-- 0005 user administration in the browser: a password the admin handed out (a one-time password)
-- must be replaced by the user's own at the next login, and the admin's list shows when each user
-- last signed in. Neither column is reference data, so the reference-version trigger ignores them.

ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE users ADD COLUMN last_login_at BIGINT;
