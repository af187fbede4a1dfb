-- 咨询工作台 (issue 15): the staff side of 政策咨询. The resident's consultation (consultations)
-- stays as it is; the desk keeps beside it where a consultation was routed, who holds it, a reply
-- waiting for review, and a timeline. Its status is derived: answered (consultations.status),
-- else 待审核 (a draft), else 待答复 (an assignee), else 待分派.

-- The routing table: a topic asked in a county goes to a department (an organisation and one of
-- its departments, org_departments). Rows are admins' choices; without one, the default from the
-- org tree applies (server/modules/consultation-desk/routing.ts).
CREATE TABLE consultation_routes (
  topic       TEXT NOT NULL REFERENCES topics (id),
  county_code TEXT NOT NULL,
  org_code    TEXT NOT NULL,
  department  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  updated_by  TEXT,
  PRIMARY KEY (topic, county_code)
);

-- One row per consultation once routed; due_date is the Beijing date of the 3rd working day after
-- it came in (common/working-days.ts).
CREATE TABLE consultation_desk (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations (id),
  org_code        TEXT NOT NULL,
  department      TEXT NOT NULL,
  assignee_id     TEXT REFERENCES users (id),
  due_date        TEXT NOT NULL,
  draft_text      TEXT,
  drafted_by      TEXT REFERENCES users (id),
  drafted_at      TEXT,
  updated_at      TEXT NOT NULL,
  CHECK ((draft_text IS NULL) = (drafted_by IS NULL) AND (draft_text IS NULL) = (drafted_at IS NULL))
);
CREATE INDEX consultation_desk_by_org ON consultation_desk (org_code, department);
CREATE INDEX consultation_desk_by_due ON consultation_desk (due_date);

-- The timeline: routed, assigned, transferred (with the reason), drafted, returned, replied.
CREATE TABLE consultation_events (
  consultation_id TEXT NOT NULL REFERENCES consultations (id),
  seq             INTEGER NOT NULL,
  kind            TEXT NOT NULL,
  actor_id        TEXT,
  actor_name      TEXT NOT NULL,
  at              TEXT NOT NULL,
  note            TEXT,
  PRIMARY KEY (consultation_id, seq)
) WITHOUT ROWID;

-- Whether an organisation's replies wait for a 审核 account before residents see them.
CREATE TABLE consultation_desk_settings (
  org_code       TEXT PRIMARY KEY,
  review_replies INTEGER NOT NULL DEFAULT 0,
  updated_at     TEXT NOT NULL,
  updated_by     TEXT
);
