-- 政务工作台: the content workflow (先审后发) and the console's organisation data.
--
-- An editorial item is a policy, interpretation, FAQ or banner as its department maintains it:
-- its working version (status), the version residents see (published_version, NULL when nothing
-- is live) and a revision that every write bumps (a stale one is refused: 已被他人修改).
-- Publishing copies the version into the public table (policies, interpretations, faqs,
-- banners); withdrawing deletes the public row. The public readers never read these tables.
CREATE TABLE editorial_items (
  id                 TEXT PRIMARY KEY,
  type               TEXT NOT NULL CHECK (type IN ('policy', 'interpretation', 'faq', 'banner')),
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
CREATE INDEX editorial_by_type_org ON editorial_items (type, org_code, updated_at DESC);
CREATE INDEX editorial_by_status ON editorial_items (status, org_code);
CREATE INDEX editorial_scheduled ON editorial_items (scheduled_at) WHERE status = 'scheduled';

-- every saved version of an item, whole (the history and the side-by-side diff)
CREATE TABLE editorial_versions (
  item_id     TEXT NOT NULL REFERENCES editorial_items (id),
  version     INTEGER NOT NULL,
  draft       TEXT NOT NULL CHECK (json_valid(draft)),
  author_id   TEXT NOT NULL,
  author_name TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (item_id, version)
);

-- an organisation's console settings: a one-person office may review its own drafts
CREATE TABLE org_settings (
  org_code          TEXT PRIMARY KEY,
  allow_self_review INTEGER NOT NULL DEFAULT 0,
  updated_at        TEXT NOT NULL,
  updated_by        TEXT
);

-- the departments of each organisation (人力社保局 of 仙居县 …), for accounts and content
CREATE TABLE org_departments (
  org_code TEXT NOT NULL,
  name     TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (org_code, name)
);

-- 首页公益广告, as published: shown from starts_at to ends_at (Asia/Shanghai days, inclusive)
CREATE TABLE banners (
  id        TEXT PRIMARY KEY,
  title     TEXT NOT NULL,
  image     TEXT NOT NULL,
  alt       TEXT NOT NULL,
  link      TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at   TEXT NOT NULL,
  position  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX banners_by_window ON banners (ends_at, starts_at);

-- reads of published items (the dashboard's 最常阅读), counted per item
CREATE TABLE content_views (
  type  TEXT NOT NULL,
  id    TEXT NOT NULL,
  views INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (type, id)
);
