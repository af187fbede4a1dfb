-- Staff accounts, organisations, session housekeeping and the audit log (issue 12).
--
-- users: provider 'password' (staff accounts; external_id is the lower-case username), the
-- organisation (org_code: 331000 台州市, a 6-digit county, or a 9-digit township code; department a
-- name such as 人力社保局) and disabled_at (a disabled user signs in nowhere and every session of
-- theirs stops at once). SQLite cannot change a CHECK in place, so the table is rebuilt inside the
-- migration's transaction: foreign keys cannot be switched off there, so their checks are deferred
-- to the commit, the old table dropped (its children briefly point nowhere), the new one created
-- under the same name (the children's REFERENCES users now name it) and refilled, which settles
-- every deferred violation before the commit checks them.
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE users_before_008 AS SELECT * FROM users;
DROP TABLE users;
CREATE TABLE users (
  id          TEXT PRIMARY KEY,
  provider    TEXT NOT NULL CHECK (provider IN ('wechat', 'dev', 'password')),
  external_id TEXT NOT NULL,
  nickname    TEXT NOT NULL,
  role        TEXT NOT NULL,
  region_code TEXT,
  created_at  TEXT NOT NULL,
  org_code    TEXT,
  department  TEXT,
  disabled_at TEXT,
  UNIQUE (provider, external_id)
);
INSERT INTO users (id, provider, external_id, nickname, role, region_code, created_at)
  SELECT id, provider, external_id, nickname, role, region_code, created_at FROM temp.users_before_008;
DROP TABLE temp.users_before_008;
CREATE INDEX users_by_org ON users (org_code) WHERE org_code IS NOT NULL;

-- The password of a staff account: a self-describing scrypt string ($scrypt$ln=15,r=8,p=1$salt$hash).
CREATE TABLE staff_credentials (
  user_id             TEXT PRIMARY KEY REFERENCES users (id),
  password_hash       TEXT NOT NULL,
  password_changed_at TEXT NOT NULL,
  created_by          TEXT,
  last_login_at       TEXT
);

-- Wrong passwords per username (whether or not the account exists, so the lockout says nothing
-- about which usernames are real): 5 within 15 minutes lock it for 15 minutes.
CREATE TABLE login_failures (
  username     TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL,
  last_failed  TEXT NOT NULL,
  locked_until TEXT
) WITHOUT ROWID;

-- Sessions get a public id (for 登录设备 and revoking one without its token), when they were last
-- used (written at most once a minute), an idle timeout (12 h for staff, NULL for residents, whose
-- sessions keep the fixed 30 days), and where they came from: a device summary, never the whole
-- User-Agent, and the IP.
ALTER TABLE sessions ADD COLUMN id TEXT;
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
ALTER TABLE sessions ADD COLUMN idle_ms INTEGER;
ALTER TABLE sessions ADD COLUMN device TEXT;
ALTER TABLE sessions ADD COLUMN ip TEXT;
UPDATE sessions SET id = lower(hex(randomblob(16))), last_seen_at = created_at;
CREATE UNIQUE INDEX sessions_by_id ON sessions (id);

-- Every staff action: who (id, name, role and organisation at the time), what, on what, when, from
-- which IP, and a small JSON detail that never holds personal data, passwords or tokens.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  actor_role  TEXT NOT NULL,
  actor_org   TEXT,
  action      TEXT NOT NULL,
  target_type TEXT,
  target_id   TEXT,
  ip          TEXT,
  detail      TEXT CHECK (detail IS NULL OR json_valid(detail))
);
CREATE INDEX audit_by_org_time ON audit_log (actor_org, id DESC);
CREATE INDEX audit_by_actor ON audit_log (actor_id, id DESC);
CREATE INDEX audit_by_target ON audit_log (target_type, target_id, id DESC);
CREATE INDEX audit_by_action ON audit_log (action, id DESC);
