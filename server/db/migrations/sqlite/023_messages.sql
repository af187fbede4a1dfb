-- 我的消息 and answered consultations (issue 15, the resident's side).
-- messages: a resident's inbox entries other than 宣讲点单's (lecture_notifications, which
-- GET /messages reads beside these); today one per consultation reply, linking to it.
CREATE TABLE messages (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  kind       TEXT NOT NULL CHECK (kind IN ('consultation_reply')),
  target_id  TEXT NOT NULL,
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at    TEXT
);
CREATE INDEX messages_by_user ON messages (user_id, created_at DESC);
CREATE INDEX messages_unread ON messages (user_id) WHERE read_at IS NULL;

-- WeChat subscription messages to send, written in the transaction of what they announce and sent
-- after it commits: a WeChat failure is retried (attempts, next_attempt_at) and never loses the
-- change itself. No openid or phone here: the openid is looked up when sending.
CREATE TABLE wechat_outbox (
  id              TEXT PRIMARY KEY,
  user_id         TEXT NOT NULL REFERENCES users (id),
  template_id     TEXT NOT NULL,
  page            TEXT NOT NULL,
  data            TEXT NOT NULL CHECK (json_valid(data)),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'not_sent', 'failed')),
  attempts        INTEGER NOT NULL,
  next_attempt_at TEXT NOT NULL,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX wechat_outbox_due ON wechat_outbox (status, next_attempt_at);

-- a resident's one rating of a consultation's reply
CREATE TABLE consultation_ratings (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations (id),
  user_id         TEXT NOT NULL REFERENCES users (id),
  level           TEXT NOT NULL CHECK (level IN ('satisfied', 'basic', 'unsatisfied')),
  comment         TEXT,
  created_at      TEXT NOT NULL
) WITHOUT ROWID;
