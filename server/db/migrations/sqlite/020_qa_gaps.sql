-- 问答缺口: questions 智能问答 answered with no confident answer, personal data masked before
-- they are stored, grouped by similarity (the Q&A module's normalisation): one row per group with
-- its representative wording, count and first/last seen, and up to a few sample wordings each.
-- A group belongs to the county its questions name (台州市 when none) and is handled once:
-- turned into a new FAQ draft (faq), added to an existing FAQ (attached) or ignored.
CREATE TABLE qa_gaps (
  id              TEXT PRIMARY KEY,
  org_code        TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'faq', 'attached', 'ignored')),
  wording         TEXT NOT NULL,
  terms           TEXT NOT NULL,
  ask_count       INTEGER NOT NULL DEFAULT 1,
  first_seen      TEXT NOT NULL,
  last_seen       TEXT NOT NULL,
  faq_id          TEXT,
  handled_by_id   TEXT,
  handled_by_name TEXT,
  handled_at      TEXT
);
CREATE INDEX qa_gaps_by_org_count ON qa_gaps (org_code, ask_count);
CREATE INDEX qa_gaps_by_last_seen ON qa_gaps (last_seen);

CREATE TABLE qa_gap_wordings (
  gap_id    TEXT NOT NULL REFERENCES qa_gaps (id),
  wording   TEXT NOT NULL,
  ask_count INTEGER NOT NULL DEFAULT 1,
  last_seen TEXT NOT NULL,
  PRIMARY KEY (gap_id, wording)
) WITHOUT ROWID;
