-- PostgreSQL's twin of sqlite/023_messages.sql.
-- 我的消息 and answered consultations (issue 15, the resident's side).
-- messages: a resident's inbox entries other than 宣讲点单's (lecture_notifications, which
-- GET /messages reads beside these); today one per consultation reply, linking to it.
CREATE TABLE messages (
  id         text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id),
  kind       text NOT NULL CHECK (kind IN ('consultation_reply')),
  target_id  text NOT NULL,
  title      text NOT NULL,
  body       text NOT NULL,
  created_at text NOT NULL,
  read_at    text
);
CREATE INDEX messages_by_user ON messages (user_id, created_at DESC);
CREATE INDEX messages_unread ON messages (user_id) WHERE read_at IS NULL;

-- WeChat subscription messages to send, written in the transaction of what they announce and sent
-- after it commits: a WeChat failure is retried (attempts, next_attempt_at) and never loses the
-- change itself. No openid or phone here: the openid is looked up when sending.
CREATE TABLE wechat_outbox (
  id              text PRIMARY KEY,
  user_id         text NOT NULL REFERENCES users (id),
  template_id     text NOT NULL,
  page            text NOT NULL,
  data            text NOT NULL CHECK (json_valid(data)),
  status          text NOT NULL CHECK (status IN ('pending', 'sent', 'not_sent', 'failed')),
  attempts        integer NOT NULL,
  next_attempt_at text NOT NULL,
  last_error      text,
  created_at      text NOT NULL,
  updated_at      text NOT NULL
);
CREATE INDEX wechat_outbox_due ON wechat_outbox (status, next_attempt_at);

-- a resident's one rating of a consultation's reply
CREATE TABLE consultation_ratings (
  consultation_id text PRIMARY KEY REFERENCES consultations (id),
  user_id         text NOT NULL REFERENCES users (id),
  level           text NOT NULL CHECK (level IN ('satisfied', 'basic', 'unsatisfied')),
  comment         text,
  created_at      text NOT NULL
);
