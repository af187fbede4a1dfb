-- 知识竞赛 in the console (issue 15): question banks with versions, and what the console keeps about
-- a campaign (its organisation and the bank version it draws from). A campaign made here is also a
-- row of `campaigns`, and the questions of its bank version are copied into `quiz_questions` /
-- `campaign_questions` when it is created, so the resident quiz reads it like any other campaign.
-- A version used by any campaign is frozen: edits go into a new version (copy-on-write).

CREATE TABLE question_banks (
  id         TEXT PRIMARY KEY,
  org_code   TEXT NOT NULL,
  name       TEXT NOT NULL,
  topic      TEXT NOT NULL,
  -- the newest version: the one edits go to
  version    INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX question_banks_by_org ON question_banks (org_code, updated_at);

CREATE TABLE question_bank_versions (
  bank_id         TEXT NOT NULL REFERENCES question_banks (id),
  version         INTEGER NOT NULL,
  created_by      TEXT NOT NULL,
  created_by_name TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  note            TEXT NOT NULL,
  PRIMARY KEY (bank_id, version)
);

-- options: [{key, text}] with keys A, B, C …; answer: the right keys, e.g. ["A", "C"]
CREATE TABLE question_bank_questions (
  id          TEXT PRIMARY KEY,
  bank_id     TEXT NOT NULL,
  version     INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('single', 'multiple')),
  stem        TEXT NOT NULL,
  options     TEXT NOT NULL CHECK (json_valid(options)),
  answer      TEXT NOT NULL CHECK (json_valid(answer)),
  explanation TEXT NOT NULL,
  topic       TEXT NOT NULL,
  policy_id   TEXT,
  updated_at  TEXT NOT NULL,
  FOREIGN KEY (bank_id, version) REFERENCES question_bank_versions (bank_id, version)
);
CREATE INDEX question_bank_questions_by_version ON question_bank_questions (bank_id, version, position);

CREATE TABLE campaign_settings (
  campaign_id  TEXT PRIMARY KEY REFERENCES campaigns (id),
  org_code     TEXT NOT NULL,
  bank_id      TEXT NOT NULL,
  bank_version INTEGER NOT NULL,
  -- questions per attempt by topic: {"yibao": 3, …}
  topic_quota  TEXT NOT NULL CHECK (json_valid(topic_quota)),
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  FOREIGN KEY (bank_id, bank_version) REFERENCES question_bank_versions (bank_id, version)
);
CREATE INDEX campaign_settings_by_bank ON campaign_settings (bank_id, bank_version);
CREATE INDEX campaign_settings_by_org ON campaign_settings (org_code);
