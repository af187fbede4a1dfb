-- 视频与课堂 in the console (issue 15): videos and courses become editorial items (kinds video and
-- course) through the same 先审后发 workflow, and an uploaded video's probed length and size.
--
-- editorial_items is rebuilt to widen its type CHECK (SQLite cannot alter a constraint), as 009
-- did for users: editorial_versions and editorial_uploads keep their REFERENCES editorial_items
-- (id); the old table is dropped with foreign key checks deferred and the copied rows resolve
-- them before commit. A migration that adds a column, index or trigger to editorial_items before
-- this one must add it here too.
PRAGMA defer_foreign_keys = ON;

CREATE TABLE editorial_items_025 (
  id                 TEXT PRIMARY KEY,
  type               TEXT NOT NULL CHECK (type IN ('policy', 'interpretation', 'faq', 'banner', 'video', 'course')),
  org_code           TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'rejected', 'approved', 'scheduled', 'published', 'withdrawn')),
  title              TEXT NOT NULL,
  topic              TEXT,
  version            INTEGER NOT NULL,
  published_version  INTEGER,
  revision           INTEGER NOT NULL DEFAULT 1,
  author_id          TEXT NOT NULL,
  author_name        TEXT NOT NULL,
  updated_by_id      TEXT NOT NULL,
  updated_by_name    TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  submitted_at       TEXT,
  reviewer_id        TEXT,
  reviewer_name      TEXT,
  reviewed_at        TEXT,
  reject_reason      TEXT,
  self_review        INTEGER NOT NULL DEFAULT 0,
  scheduled_at       TEXT,
  published_at       TEXT,
  -- the first publication (同步解读 counts from it)
  first_published_at TEXT,
  withdrawn_at       TEXT,
  review_date        TEXT,
  -- [{level, code, field?, message}] of the last 送审
  checks             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checks))
);

INSERT INTO editorial_items_025 SELECT * FROM editorial_items;
DROP TABLE editorial_items;
ALTER TABLE editorial_items_025 RENAME TO editorial_items;
CREATE INDEX editorial_by_type_org ON editorial_items (type, org_code, updated_at DESC);
CREATE INDEX editorial_by_status ON editorial_items (status, org_code);
CREATE INDEX editorial_scheduled ON editorial_items (scheduled_at) WHERE status = 'scheduled';

-- what was read from an uploaded mp4 (ffprobe, or its own mvhd/tkhd boxes): publishing takes the
-- length from here, never from the draft; deleted with its upload
CREATE TABLE video_files (
  name         TEXT PRIMARY KEY REFERENCES uploads (name) ON DELETE CASCADE,
  duration_ms  INTEGER NOT NULL,
  width        INTEGER NOT NULL,
  height       INTEGER NOT NULL,
  probed_with  TEXT NOT NULL
);
