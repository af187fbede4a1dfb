-- PostgreSQL's twin of sqlite/021_question_banks.sql: question banks with versions and the console's
-- settings of a campaign (organisation, bank version, questions per topic).

CREATE TABLE question_banks (
  id         text PRIMARY KEY,
  org_code   text NOT NULL,
  name       text NOT NULL,
  topic      text NOT NULL,
  -- the newest version: the one edits go to
  version    integer NOT NULL,
  created_by text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE INDEX question_banks_by_org ON question_banks (org_code, updated_at);

CREATE TABLE question_bank_versions (
  bank_id         text NOT NULL REFERENCES question_banks (id),
  version         integer NOT NULL,
  created_by      text NOT NULL,
  created_by_name text NOT NULL,
  created_at      text NOT NULL,
  note            text NOT NULL,
  PRIMARY KEY (bank_id, version)
);

-- options: [{key, text}] with keys A, B, C …; answer: the right keys, e.g. ["A", "C"]
CREATE TABLE question_bank_questions (
  id          text PRIMARY KEY,
  bank_id     text NOT NULL,
  version     integer NOT NULL,
  position    integer NOT NULL,
  type        text NOT NULL CHECK (type IN ('single', 'multiple')),
  stem        text NOT NULL,
  options     text NOT NULL CHECK (json_valid(options)),
  answer      text NOT NULL CHECK (json_valid(answer)),
  explanation text NOT NULL,
  topic       text NOT NULL,
  policy_id   text,
  updated_at  text NOT NULL,
  FOREIGN KEY (bank_id, version) REFERENCES question_bank_versions (bank_id, version)
);
CREATE INDEX question_bank_questions_by_version ON question_bank_questions (bank_id, version, position);

CREATE TABLE campaign_settings (
  campaign_id  text PRIMARY KEY REFERENCES campaigns (id),
  org_code     text NOT NULL,
  bank_id      text NOT NULL,
  bank_version integer NOT NULL,
  -- questions per attempt by topic: {"yibao": 3, …}
  topic_quota  text NOT NULL CHECK (json_valid(topic_quota)),
  created_by   text NOT NULL,
  created_at   text NOT NULL,
  updated_at   text NOT NULL,
  FOREIGN KEY (bank_id, bank_version) REFERENCES question_bank_versions (bank_id, version)
);
CREATE INDEX campaign_settings_by_bank ON campaign_settings (bank_id, bank_version);
CREATE INDEX campaign_settings_by_org ON campaign_settings (org_code);
