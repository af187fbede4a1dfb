-- Content (seeded from mock/fixtures), quiz questions (never read by a public route),
-- users and sessions. JSON columns hold what is only ever read whole.

CREATE TABLE topics (
  id       TEXT PRIMARY KEY,
  name     TEXT NOT NULL,
  icon     TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE regions (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('county', 'township', 'village')),
  parent_code TEXT REFERENCES regions (code),
  position    INTEGER NOT NULL
);
CREATE INDEX regions_by_parent ON regions (parent_code, position);

CREATE TABLE policies (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  doc_number     TEXT NOT NULL,
  department     TEXT NOT NULL,
  topic          TEXT NOT NULL,
  published_at   TEXT NOT NULL,
  effective_from TEXT,
  validity       TEXT NOT NULL CHECK (validity IN ('valid', 'revised', 'repealed')),
  summary        TEXT NOT NULL,
  issuer         TEXT NOT NULL,
  -- {sections, validityNote?, replacedBy?, interpretationIds}
  body           TEXT NOT NULL CHECK (json_valid(body)),
  -- title, 文号, summary and sections, lower-cased: what q matches
  search_text    TEXT NOT NULL
);
CREATE INDEX policies_by_published ON policies (published_at DESC, id);
CREATE INDEX policies_by_topic ON policies (topic, published_at DESC);
CREATE INDEX policies_by_department ON policies (department, published_at DESC);

CREATE TABLE interpretations (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('illustrated', 'qa', 'video')),
  topic        TEXT NOT NULL,
  department   TEXT NOT NULL,
  policy_id    TEXT NOT NULL,
  cover        TEXT NOT NULL,
  summary      TEXT NOT NULL,
  published_at TEXT NOT NULL,
  featured     INTEGER NOT NULL DEFAULT 0,
  validity     TEXT NOT NULL,
  -- {blocks, videoIds}
  body         TEXT NOT NULL CHECK (json_valid(body))
);
CREATE INDEX interpretations_by_published ON interpretations (published_at DESC, id);
CREATE INDEX interpretations_by_policy ON interpretations (policy_id, published_at DESC);
CREATE INDEX interpretations_by_topic ON interpretations (topic, published_at DESC);

CREATE TABLE faqs (
  id                TEXT PRIMARY KEY,
  question          TEXT NOT NULL,
  answer            TEXT NOT NULL,
  topic             TEXT NOT NULL,
  keywords          TEXT NOT NULL CHECK (json_valid(keywords)),
  policy_id         TEXT,
  interpretation_id TEXT
);
CREATE INDEX faqs_by_topic ON faqs (topic);

CREATE TABLE videos (
  id                TEXT PRIMARY KEY,
  title             TEXT NOT NULL,
  topic             TEXT NOT NULL,
  src               TEXT NOT NULL,
  poster            TEXT NOT NULL,
  captions          TEXT NOT NULL,
  duration_sec      INTEGER NOT NULL,
  views             INTEGER NOT NULL DEFAULT 0,
  likes             INTEGER NOT NULL DEFAULT 0,
  interpretation_id TEXT,
  published_at      TEXT NOT NULL
);
CREATE INDEX videos_by_published ON videos (published_at DESC, id);
CREATE INDEX videos_by_topic ON videos (topic, published_at DESC);

CREATE TABLE courses (
  id         TEXT PRIMARY KEY,
  title      TEXT NOT NULL,
  topic      TEXT NOT NULL,
  department TEXT NOT NULL,
  cover      TEXT NOT NULL,
  summary    TEXT NOT NULL,
  position   INTEGER NOT NULL
);

CREATE TABLE lessons (
  id           TEXT PRIMARY KEY,
  course_id    TEXT NOT NULL REFERENCES courses (id),
  position     INTEGER NOT NULL,
  title        TEXT NOT NULL,
  src          TEXT NOT NULL,
  poster       TEXT NOT NULL,
  captions     TEXT NOT NULL,
  duration_sec INTEGER NOT NULL
);
CREATE INDEX lessons_by_course ON lessons (course_id, position);

CREATE TABLE lecture_topics (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  department     TEXT NOT NULL,
  topic          TEXT NOT NULL,
  summary        TEXT NOT NULL,
  duration_min   INTEGER NOT NULL,
  formats        TEXT NOT NULL CHECK (json_valid(formats)),
  lecturers      TEXT NOT NULL CHECK (json_valid(lecturers)),
  rating_average REAL NOT NULL DEFAULT 0,
  rating_count   INTEGER NOT NULL DEFAULT 0,
  position       INTEGER NOT NULL
);
CREATE INDEX lecture_topics_by_topic ON lecture_topics (topic, position);

-- no status column: it is derived from starts_at/ends_at when read
CREATE TABLE campaigns (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  department   TEXT NOT NULL,
  cover        TEXT NOT NULL,
  starts_at    TEXT NOT NULL,
  ends_at      TEXT NOT NULL,
  participants INTEGER NOT NULL DEFAULT 0,
  description  TEXT NOT NULL,
  rules        TEXT NOT NULL CHECK (json_valid(rules)),
  topics       TEXT NOT NULL CHECK (json_valid(topics)),
  position     INTEGER NOT NULL
);

-- the answer key: only the scoring code of the quiz issue may read answer and explanation
CREATE TABLE quiz_questions (
  id                TEXT PRIMARY KEY,
  type              TEXT NOT NULL CHECK (type IN ('single', 'multiple', 'judge')),
  stem              TEXT NOT NULL,
  options           TEXT NOT NULL CHECK (json_valid(options)),
  topic             TEXT NOT NULL,
  answer            TEXT NOT NULL CHECK (json_valid(answer)),
  explanation       TEXT NOT NULL,
  interpretation_id TEXT
);

CREATE TABLE campaign_questions (
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  question_id TEXT NOT NULL REFERENCES quiz_questions (id),
  position    INTEGER NOT NULL,
  PRIMARY KEY (campaign_id, question_id)
);
CREATE INDEX campaign_questions_by_question ON campaign_questions (question_id);

CREATE TABLE users (
  id          TEXT PRIMARY KEY,
  provider    TEXT NOT NULL CHECK (provider IN ('wechat', 'dev')),
  external_id TEXT NOT NULL,
  nickname    TEXT NOT NULL,
  role        TEXT NOT NULL,
  region_code TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (provider, external_id)
);

-- token_hash = sha256(token); session_key is WeChat's and never leaves the server
CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  user_id     TEXT NOT NULL REFERENCES users (id),
  session_key TEXT,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
