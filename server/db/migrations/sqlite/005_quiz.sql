-- 知识竞赛 (issue 6): attempts, the standing that counts per user and campaign, running totals per
-- region for the per-capita boards, the 错题本, quiz settings and 常住人口 per region.

CREATE TABLE quiz_profiles (
  user_id     TEXT PRIMARY KEY REFERENCES users (id),
  region_code TEXT REFERENCES regions (code),
  hide_name   INTEGER NOT NULL DEFAULT 0 CHECK (hide_name IN (0, 1)),
  updated_at  TEXT NOT NULL
) WITHOUT ROWID;

-- questions: [{id, order}] — the option order shown in this attempt (the key mapping for scoring)
CREATE TABLE quiz_attempts (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users (id),
  campaign_id   TEXT NOT NULL REFERENCES campaigns (id),
  started_at    TEXT NOT NULL,
  deadline      TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('active', 'submitted', 'expired')),
  questions     TEXT NOT NULL CHECK (json_valid(questions)),
  region_code   TEXT,
  county_code   TEXT,
  township_code TEXT,
  answers       TEXT CHECK (answers IS NULL OR json_valid(answers)),
  score         INTEGER,
  correct_count INTEGER,
  time_used_ms  INTEGER,
  submitted_at  TEXT
);
-- attempts per day (Asia/Shanghai) and the running attempt of a user in a campaign
CREATE INDEX quiz_attempts_by_user ON quiz_attempts (user_id, campaign_id, started_at);
-- one active attempt per user and campaign, whatever the code above it does
CREATE UNIQUE INDEX quiz_attempts_one_active ON quiz_attempts (user_id, campaign_id) WHERE status = 'active';

-- one row per participant: the attempt that counts (best or latest), with the region it counts for
CREATE TABLE quiz_standings (
  campaign_id   TEXT NOT NULL REFERENCES campaigns (id),
  user_id       TEXT NOT NULL REFERENCES users (id),
  attempt_id    TEXT NOT NULL REFERENCES quiz_attempts (id),
  score         INTEGER NOT NULL,
  time_used_ms  INTEGER NOT NULL,
  finished_at   TEXT NOT NULL,
  county_code   TEXT,
  township_code TEXT,
  PRIMARY KEY (campaign_id, user_id)
) WITHOUT ROWID;
-- the board order: top 100 is a walk of this index, a rank a count over one of its ranges
CREATE INDEX quiz_standings_board ON quiz_standings (campaign_id, score DESC, time_used_ms, finished_at);

-- kept in step with quiz_standings in the same transaction: the regional boards read a few rows
CREATE TABLE quiz_region_totals (
  campaign_id  TEXT NOT NULL REFERENCES campaigns (id),
  region_code  TEXT NOT NULL,
  participants INTEGER NOT NULL,
  score_sum    INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, region_code)
) WITHOUT ROWID;

CREATE TABLE quiz_mistakes (
  user_id       TEXT NOT NULL REFERENCES users (id),
  question_id   TEXT NOT NULL REFERENCES quiz_questions (id),
  wrong_count   INTEGER NOT NULL,
  streak        INTEGER NOT NULL,
  last_wrong_at TEXT NOT NULL,
  PRIMARY KEY (user_id, question_id)
) WITHOUT ROWID;

-- 常住人口 of counties and townships (seeded from the fixtures; missing ones are derived)
CREATE TABLE quiz_region_residents (
  region_code TEXT PRIMARY KEY REFERENCES regions (code),
  residents   INTEGER NOT NULL CHECK (residents > 0)
) WITHOUT ROWID;

-- participants per score and campaign, kept in step with quiz_standings: a rank counts the few
-- higher scores here and walks the board index only within the caller's own score
CREATE TABLE quiz_score_counts (
  campaign_id  TEXT NOT NULL REFERENCES campaigns (id),
  score        INTEGER NOT NULL,
  participants INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, score)
) WITHOUT ROWID;
