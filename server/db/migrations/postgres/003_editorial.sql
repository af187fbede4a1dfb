-- PostgreSQL's twin of sqlite/017_editorial.sql.
-- 政务工作台: the content workflow (先审后发) and the console's organisation data.
--
-- An editorial item is a policy, interpretation, FAQ or banner as its department maintains it:
-- its working version (status), the version residents see (published_version, NULL when nothing
-- is live) and a revision that every write bumps (a stale one is refused: 已被他人修改).
-- Publishing copies the version into the public table (policies, interpretations, faqs,
-- banners); withdrawing deletes the public row. The public readers never read these tables.
CREATE TABLE editorial_items (
  id                 text PRIMARY KEY,
  type               text NOT NULL CHECK (type IN ('policy', 'interpretation', 'faq', 'banner')),
  org_code           text NOT NULL,
  status             text NOT NULL CHECK (status IN ('draft', 'in_review', 'rejected', 'approved', 'scheduled', 'published', 'withdrawn')),
  title              text NOT NULL,
  topic              text,
  version            integer NOT NULL,
  published_version  integer,
  revision           integer NOT NULL DEFAULT 1,
  author_id          text NOT NULL,
  author_name        text NOT NULL,
  updated_by_id      text NOT NULL,
  updated_by_name    text NOT NULL,
  created_at         text NOT NULL,
  updated_at         text NOT NULL,
  submitted_at       text,
  reviewer_id        text,
  reviewer_name      text,
  reviewed_at        text,
  reject_reason      text,
  self_review        integer NOT NULL DEFAULT 0,
  scheduled_at       text,
  published_at       text,
  -- the first publication (同步解读 counts from it)
  first_published_at text,
  withdrawn_at       text,
  review_date        text,
  -- [{level, code, field?, message}] of the last 送审
  checks             text NOT NULL DEFAULT '[]' CHECK (json_valid(checks))
);
CREATE INDEX editorial_by_type_org ON editorial_items (type, org_code, updated_at DESC);
CREATE INDEX editorial_by_status ON editorial_items (status, org_code);
CREATE INDEX editorial_scheduled ON editorial_items (scheduled_at) WHERE status = 'scheduled';

-- every saved version of an item, whole (the history and the side-by-side diff)
CREATE TABLE editorial_versions (
  item_id     text NOT NULL REFERENCES editorial_items (id),
  version     integer NOT NULL,
  draft       text NOT NULL CHECK (json_valid(draft)),
  author_id   text NOT NULL,
  author_name text NOT NULL,
  created_at  text NOT NULL,
  PRIMARY KEY (item_id, version)
);

-- an organisation's console settings: a one-person office may review its own drafts
CREATE TABLE org_settings (
  org_code          text PRIMARY KEY,
  allow_self_review integer NOT NULL DEFAULT 0,
  updated_at        text NOT NULL,
  updated_by        text
);

-- the departments of each organisation (人力社保局 of 仙居县 …), for accounts and content
CREATE TABLE org_departments (
  org_code text NOT NULL,
  name     text NOT NULL,
  position integer NOT NULL,
  PRIMARY KEY (org_code, name)
);

-- 首页公益广告, as published: shown from starts_at to ends_at (Asia/Shanghai days, inclusive)
CREATE TABLE banners (
  id        text PRIMARY KEY,
  title     text NOT NULL,
  image     text NOT NULL,
  alt       text NOT NULL,
  link      text NOT NULL,
  starts_at text NOT NULL,
  ends_at   text NOT NULL,
  position  integer NOT NULL DEFAULT 0
);
CREATE INDEX banners_by_window ON banners (ends_at, starts_at);

-- reads of published items (the dashboard's 最常阅读), counted per item
CREATE TABLE content_views (
  type  text NOT NULL,
  id    text NOT NULL,
  views integer NOT NULL DEFAULT 0,
  PRIMARY KEY (type, id)
);
