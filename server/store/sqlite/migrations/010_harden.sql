-- Issue 12 (abuse protection): the organisation of a dev-login account, and the lock on lecture
-- sign-in after wrong codes.

-- the region code of the organisation a staff account acts for (331000 市, a county, a township)
ALTER TABLE users ADD COLUMN org_code TEXT;

-- wrong sign-in codes per scheduled lecture: `failures` counts those since `window_started_at`
-- (a fixed 10-minute window); the tenth locks sign-in to the order until `locked_until`. Kept in
-- the database so the lock holds across restarts and across instances sharing it.
CREATE TABLE lecture_sign_in_failures (
  order_id          TEXT PRIMARY KEY REFERENCES lecture_orders (id),
  failures          INTEGER NOT NULL CHECK (failures >= 0),
  window_started_at TEXT NOT NULL,
  locked_until      TEXT
) WITHOUT ROWID;
