-- 政策咨询, and the replay records of idempotent writes (any route, not only consultations).

-- phone is the full number: only GET /consultations (responder, admin) returns it; every other
-- read masks it. The reply columns are all set, or none, together with status.
CREATE TABLE consultations (
  id               TEXT PRIMARY KEY,
  user_id          TEXT NOT NULL REFERENCES users (id),
  topic            TEXT NOT NULL REFERENCES topics (id),
  question         TEXT NOT NULL,
  region_code      TEXT NOT NULL REFERENCES regions (code),
  phone            TEXT,
  status           TEXT NOT NULL CHECK (status IN ('pending', 'answered')),
  created_at       TEXT NOT NULL,
  reply_text       TEXT,
  reply_department TEXT,
  replied_by       TEXT REFERENCES users (id),
  replied_at       TEXT,
  CHECK ((status = 'answered') = (reply_text IS NOT NULL AND reply_department IS NOT NULL
                                  AND replied_by IS NOT NULL AND replied_at IS NOT NULL)),
  CHECK (status = 'answered' OR (reply_text IS NULL AND reply_department IS NULL
                                 AND replied_by IS NULL AND replied_at IS NULL))
);
-- newest first; rowid breaks ties in insertion order
CREATE INDEX consultations_by_user ON consultations (user_id, created_at DESC);
CREATE INDEX consultations_by_status ON consultations (status, created_at DESC);
CREATE INDEX consultations_by_created ON consultations (created_at DESC);

-- One row per (user, scope, key): scope is the route ('POST /consultations'), request_hash a
-- SHA-256 of the normalised input, response_* what the first request answered (never a full
-- phone number: responses carry it masked). Written in the same transaction as the write itself.
CREATE TABLE idempotency_keys (
  user_id         TEXT NOT NULL REFERENCES users (id),
  scope           TEXT NOT NULL,
  key             TEXT NOT NULL,
  request_hash    TEXT NOT NULL,
  response_status INTEGER NOT NULL,
  response_body   TEXT NOT NULL CHECK (json_valid(response_body)),
  created_at      TEXT NOT NULL,
  PRIMARY KEY (user_id, scope, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_created ON idempotency_keys (created_at);
