-- PostgreSQL's twin of sqlite/020_qa_gaps.sql.
-- 问答缺口: questions 智能问答 answered with no confident answer, personal data masked before
-- they are stored, grouped by similarity (the Q&A module's normalisation): one row per group with
-- its representative wording, count and first/last seen, and up to a few sample wordings each.
-- A group belongs to the county its questions name (台州市 when none) and is handled once:
-- turned into a new FAQ draft (faq), added to an existing FAQ (attached) or ignored.
CREATE TABLE qa_gaps (
  id              text PRIMARY KEY,
  org_code        text NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'faq', 'attached', 'ignored')),
  wording         text NOT NULL,
  terms           text NOT NULL,
  ask_count       integer NOT NULL DEFAULT 1,
  first_seen      text NOT NULL,
  last_seen       text NOT NULL,
  faq_id          text,
  handled_by_id   text,
  handled_by_name text,
  handled_at      text
);
CREATE INDEX qa_gaps_by_org_count ON qa_gaps (org_code, ask_count);
CREATE INDEX qa_gaps_by_last_seen ON qa_gaps (last_seen);

CREATE TABLE qa_gap_wordings (
  gap_id    text NOT NULL REFERENCES qa_gaps (id),
  wording   text NOT NULL,
  ask_count integer NOT NULL DEFAULT 1,
  last_seen text NOT NULL,
  PRIMARY KEY (gap_id, wording)
);
