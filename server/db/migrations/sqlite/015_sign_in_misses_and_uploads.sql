-- Review of issue 12, M2 and M4.

-- M2: wrong lecture sign-in codes counted per user, so one account can lock only itself
-- (server/lectures/sign-in.ts). A row per (order, user) for POST /lecture-orders/:id/sign-in, and
-- one per user with order_id '' for POST /lecture-sign-ins (a wrong code names no order):
-- `failures` since `window_started_at` (a fixed 10-minute window), locked until `locked_until`.
CREATE TABLE lecture_sign_in_misses (
  user_id           TEXT NOT NULL REFERENCES users (id),
  order_id          TEXT NOT NULL,
  failures          INTEGER NOT NULL CHECK (failures >= 0),
  window_started_at TEXT NOT NULL,
  locked_until      TEXT,
  PRIMARY KEY (user_id, order_id)
) WITHOUT ROWID;

-- every wrong code of a user on an Asia/Shanghai day, from either route: at 30 the user's
-- sign-ins by code are locked until the day ends
CREATE TABLE lecture_sign_in_daily_misses (
  user_id TEXT NOT NULL REFERENCES users (id),
  day     TEXT NOT NULL,
  misses  INTEGER NOT NULL CHECK (misses >= 0),
  PRIMARY KEY (user_id, day)
) WITHOUT ROWID;

-- lecture_sign_in_failures (010) stays as the per-order safety net: `failures` from all users in
-- the window; `locked_until` now means "on alert until" (one wrong code then locks its sender on
-- that order), no longer a lock on the order. A lock written under the old rule is lifted.
UPDATE lecture_sign_in_failures SET failures = 0, locked_until = NULL;

-- M4: an upload is public only once something uses it (a delivered lecture's report); until then
-- only its owner may fetch it, and a sweep deletes it after 24 hours.
ALTER TABLE uploads ADD COLUMN attached_at TEXT;
UPDATE uploads SET attached_at = created_at
 WHERE name IN (SELECT substr(j.value, length('/media/uploads/') + 1)
                  FROM lecture_orders o, json_each(o.report_photos) j
                 WHERE o.report_photos IS NOT NULL AND o.status IN ('delivered', 'rated'));
CREATE INDEX uploads_unattached ON uploads (created_at) WHERE attached_at IS NULL;
