-- Residents' identity (issue 12): SMS sign-in, WeChat web authorisation (公众号 snsapi_base),
-- mobile binding and chosen display names.
--
-- users is rebuilt to widen the provider CHECK (SQLite cannot alter a constraint) and to add
-- mobile. Other tables keep their REFERENCES users (id): the old table is dropped with foreign
-- key checks deferred, and inserting the copied rows into the new users resolves them before
-- commit. A migration that adds a column, index or trigger to users before this one must add it
-- here too (server/modules/identity/__tests__/migration.test.ts fails when one is lost).
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE users_before_009 AS SELECT * FROM users;

CREATE TABLE users_009 (
  id          TEXT PRIMARY KEY,
  provider    TEXT NOT NULL CHECK (provider IN ('wechat', 'dev', 'password', 'sms', 'wechat-oa')),
  external_id TEXT NOT NULL,
  nickname    TEXT NOT NULL,
  role        TEXT NOT NULL,
  region_code TEXT,
  created_at  TEXT NOT NULL,
  org_code    TEXT,
  department  TEXT,
  disabled_at TEXT,
  -- a mainland mobile verified by an SMS code or WeChat getPhoneNumber: one account per number
  mobile      TEXT,
  UNIQUE (provider, external_id)
);

DROP TABLE users;
ALTER TABLE users_009 RENAME TO users;

-- nobody is 微信用户 any more: the default is 居民 and four digits
INSERT INTO users (id, provider, external_id, nickname, role, region_code, created_at, org_code, department, disabled_at)
SELECT id, provider, external_id,
       CASE WHEN nickname = '微信用户' THEN '居民' || substr('000' || (abs(random()) % 10000), -4) ELSE nickname END,
       role, region_code, created_at, org_code, department, disabled_at
FROM temp.users_before_009;

DROP TABLE temp.users_before_009;

CREATE INDEX users_by_org ON users (org_code) WHERE org_code IS NOT NULL;
CREATE UNIQUE INDEX users_by_mobile ON users (mobile) WHERE mobile IS NOT NULL;

-- The live SMS code of a number (a new send replaces it): an HMAC of the code, never the code.
CREATE TABLE sms_codes (
  mobile        TEXT PRIMARY KEY,
  salt          TEXT NOT NULL,
  code_hash     TEXT NOT NULL,
  expires_at    TEXT NOT NULL,
  attempts_left INTEGER NOT NULL
);

-- sends per number and Asia/Shanghai day (YYYY-MM-DD), and the last one: 60 s apart, 10 a day
CREATE TABLE sms_sends (
  mobile       TEXT NOT NULL,
  day          TEXT NOT NULL,
  count        INTEGER NOT NULL,
  last_sent_at TEXT NOT NULL,
  PRIMARY KEY (mobile, day)
);

-- WeChat web authorisation: the state sent to open.weixin.qq.com, single use and short-lived,
-- and the app path to return to after sign-in
CREATE TABLE oauth_states (
  state_hash TEXT PRIMARY KEY,
  redirect   TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX oauth_states_by_expiry ON oauth_states (expires_at);
