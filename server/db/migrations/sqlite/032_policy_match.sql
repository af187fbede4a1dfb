-- 政策找人 (issue 19).
-- situations: 我的情况, what a resident chose to tell (every column optional), one row per user,
-- kept only with consent (consented_at) and deleted at once by 「删除我的情况」. Read by nobody but
-- the matching job and the resident.
CREATE TABLE situations (
  user_id             TEXT PRIMARY KEY REFERENCES users (id),
  birth_year          INTEGER,
  birth_month         INTEGER,
  county              TEXT,
  township            TEXT,
  employment          TEXT,
  insurance           TEXT,
  assistance          TEXT,
  disability_cert     INTEGER,
  disability_grade    INTEGER,
  member_over60       INTEGER,
  member_over80       INTEGER,
  child               INTEGER,
  child_birth_year    INTEGER,
  child_birth_month   INTEGER,
  maternity           TEXT,
  land_mu             REAL,
  individual_business INTEGER,
  pension_years       INTEGER,
  consented_at        TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) WITHOUT ROWID;

-- the published eligibility rule of a policy (a copy of its reviewed draft's, written at 发布)
CREATE TABLE policy_rules (
  policy_id  TEXT PRIMARY KEY,
  rule       TEXT NOT NULL CHECK (json_valid(rule)),
  updated_at TEXT NOT NULL,
  -- NULL until the matching job has run for this version of the rule (it runs again after a restart)
  matched_at TEXT
) WITHOUT ROWID;

-- who was told about which policy: the key is what makes a second run push nobody twice.
-- Deleted with the resident's situation.
CREATE TABLE policy_match_pushes (
  policy_id TEXT NOT NULL,
  user_id   TEXT NOT NULL REFERENCES users (id),
  pushed_at TEXT NOT NULL,
  PRIMARY KEY (policy_id, user_id)
) WITHOUT ROWID;
CREATE INDEX policy_match_pushes_by_user ON policy_match_pushes (user_id);

-- the console's figures: per policy and county, how many matched at the last run and how many were
-- pushed in all; counts only, nothing about a person
CREATE TABLE policy_match_counts (
  policy_id  TEXT NOT NULL,
  county     TEXT NOT NULL,
  matched    INTEGER NOT NULL,
  pushed     INTEGER NOT NULL,
  matched_at TEXT NOT NULL,
  PRIMARY KEY (policy_id, county)
) WITHOUT ROWID;

-- 我的消息 gains the policy messages: SQLite changes a CHECK only by rebuilding the table
CREATE TABLE messages_new (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  kind       TEXT NOT NULL CHECK (kind IN ('consultation_reply', 'policy_match')),
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
