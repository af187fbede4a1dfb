-- 依申请公开 (issue 20): 我的消息 tells the applicant when the office asks for 补正 and when it
-- replies or closes the request (kind 'information_request', target the request's id).
-- SQLite changes a CHECK only by rebuilding the table.
CREATE TABLE messages_new (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  kind       TEXT NOT NULL CHECK (kind IN ('consultation_reply', 'policy_match', 'information_request')),
  target_id  TEXT NOT NULL,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at    TEXT
);
INSERT INTO messages_new SELECT id, user_id, kind, target_id, title, body, created_at, read_at FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
CREATE INDEX messages_by_user ON messages (user_id, created_at DESC);
CREATE INDEX messages_unread ON messages (user_id) WHERE read_at IS NULL;
