-- Issue 12 (abuse protection): the lock on lecture sign-in after wrong codes. (A dev-login
-- account's organisation goes in users.org_code, which 008 added.)

-- wrong sign-in codes per scheduled lecture: `failures` counts those since `window_started_at`
-- (a fixed 10-minute window); the tenth locks sign-in to the order until `locked_until`. Kept in
-- the database so the lock holds across restarts and across instances sharing it.
CREATE TABLE lecture_sign_in_failures (
  order_id          TEXT PRIMARY KEY REFERENCES lecture_orders (id),
  failures          INTEGER NOT NULL CHECK (failures >= 0),
  window_started_at TEXT NOT NULL,
  locked_until      TEXT
) WITHOUT ROWID;
