-- 0004 case facts: how the person's own wish was expressed and who received it; the time of day
-- of the orientation visit; why a person withdrew; and, for each assignment, the client's place
-- in the queue and why the samordnare went past someone who had waited longer. All are codes,
-- dates and user ids, never free text: nothing here needs the client's key.

ALTER TABLE clients ADD COLUMN own_wish_how TEXT CHECK (own_wish_how IN ('telefon', 'personligen', 'skriftligen'));
ALTER TABLE clients ADD COLUMN own_wish_received_by INTEGER REFERENCES users(id);
ALTER TABLE clients ADD COLUMN orientation_time TEXT CHECK (length(orientation_time) = 5);
ALTER TABLE clients ADD COLUMN end_reason TEXT;

ALTER TABLE assignments ADD COLUMN queue_place INTEGER;
ALTER TABLE assignments ADD COLUMN bypass_reason TEXT;

-- A client's moves between municipalities while the case continues (domain.md scenario 7): the
-- client page shows them, and the statistics already count each move as an event.
CREATE TABLE client_moves (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  moved_on TEXT NOT NULL,
  from_municipality TEXT NOT NULL CHECK (length(from_municipality) = 4),
  to_municipality TEXT NOT NULL CHECK (length(to_municipality) = 4),
  recorded_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX client_moves_client ON client_moves(client_id);
