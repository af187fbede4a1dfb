-- PostgreSQL's twin of sqlite/019_consultation_desk.sql (咨询工作台, issue 15).
CREATE TABLE consultation_routes (
  topic       text NOT NULL REFERENCES topics (id),
  county_code text NOT NULL,
  org_code    text NOT NULL,
  department  text NOT NULL,
  updated_at  text NOT NULL,
  updated_by  text,
  PRIMARY KEY (topic, county_code)
);

CREATE TABLE consultation_desk (
  consultation_id text PRIMARY KEY REFERENCES consultations (id),
  org_code        text NOT NULL,
  department      text NOT NULL,
  assignee_id     text REFERENCES users (id),
  due_date        text NOT NULL,
  draft_text      text,
  drafted_by      text REFERENCES users (id),
  drafted_at      text,
  updated_at      text NOT NULL,
  CHECK ((draft_text IS NULL) = (drafted_by IS NULL) AND (draft_text IS NULL) = (drafted_at IS NULL))
);
CREATE INDEX consultation_desk_by_org ON consultation_desk (org_code, department);
CREATE INDEX consultation_desk_by_due ON consultation_desk (due_date);

CREATE TABLE consultation_events (
  consultation_id text NOT NULL REFERENCES consultations (id),
  seq             integer NOT NULL,
  kind            text NOT NULL,
  actor_id        text,
  actor_name      text NOT NULL,
  at              text NOT NULL,
  note            text,
  PRIMARY KEY (consultation_id, seq)
);

CREATE TABLE consultation_desk_settings (
  org_code       text PRIMARY KEY,
  review_replies integer NOT NULL DEFAULT 0,
  updated_at     text NOT NULL,
  updated_by     text
);
