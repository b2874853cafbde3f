-- 0007 the client's action plan (handlingsplan): goals in the client's own words and the small
-- steps towards each, with who takes them and by when. The words are sealed with the client's key
-- (bound to the row); status, who and dates are codes.

CREATE TABLE goals (
  id TEXT PRIMARY KEY,                   -- random, opaque
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  text_ct TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('aktivt', 'uppnatt', 'andrat', 'avbrutet')),
  status_on TEXT NOT NULL,               -- when it was set, or reached its status
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX goals_by_client ON goals(client_id, created_at);

CREATE TABLE goal_steps (
  id TEXT PRIMARY KEY,
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  text_ct TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (actor IN ('klienten', 'ombudet', 'natverket')),
  due_on TEXT,
  done_on TEXT,
  created_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX goal_steps_by_goal ON goal_steps(goal_id, created_at);
CREATE INDEX goal_steps_by_client ON goal_steps(client_id);
