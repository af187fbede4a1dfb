-- Files uploaded through POST /api/v1/uploads (stored under DATA_DIR/uploads/<name>): who sent
-- each, its sniffed type and size. A lecture's completion photos must name one of these.
CREATE TABLE uploads (
  name       TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  type       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  -- of the bytes: a retry with the same Idempotency-Key and other bytes is refused
  sha256     TEXT NOT NULL,
  idempotency_key TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX uploads_by_user ON uploads (user_id, created_at);
CREATE UNIQUE INDEX uploads_by_key ON uploads (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
