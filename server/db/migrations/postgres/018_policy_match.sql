-- PostgreSQL's twin of sqlite/032_policy_match.sql (政策找人, issue 19).
CREATE TABLE situations (
  user_id             text PRIMARY KEY REFERENCES users (id),
  birth_year          integer,
  birth_month         integer,
  county              text,
  township            text,
  employment          text,
  insurance           text,
  assistance          text,
  disability_cert     integer,
  disability_grade    integer,
  member_over60       integer,
  member_over80       integer,
  child               integer,
  child_birth_year    integer,
  child_birth_month   integer,
  maternity           text,
  land_mu             double precision,
  individual_business integer,
  pension_years       integer,
  consented_at        text NOT NULL,
  updated_at          text NOT NULL
);

CREATE TABLE policy_rules (
  policy_id  text PRIMARY KEY,
  rule       text NOT NULL CHECK (json_valid(rule)),
  updated_at text NOT NULL,
  -- NULL until the matching job has run for this version of the rule (it runs again after a restart)
  matched_at text
);

CREATE TABLE policy_match_pushes (
  policy_id text NOT NULL,
  user_id   text NOT NULL REFERENCES users (id),
  pushed_at text NOT NULL,
  PRIMARY KEY (policy_id, user_id)
);
CREATE INDEX policy_match_pushes_by_user ON policy_match_pushes (user_id);

CREATE TABLE policy_match_counts (
  policy_id  text NOT NULL,
  county     text NOT NULL,
  matched    integer NOT NULL,
  pushed     integer NOT NULL,
  matched_at text NOT NULL,
  PRIMARY KEY (policy_id, county)
);

ALTER TABLE messages DROP CONSTRAINT messages_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_kind_check CHECK (kind IN ('consultation_reply', 'policy_match'));
