-- 依申请公开 (issue 20): applications for government information and their steps. `received_on`
-- is the Beijing date the 20-working-day clock runs from (receipt, or the correction's arrival);
-- `due_date` is NULL while a 补正 is awaited. The reply (type, ground, holder, text, fee) is
-- drafted by the office, approved by 法律审核, then issued. ID numbers and phones are personal
-- data: the API masks them for everyone but the handling office, and no log line carries them.
CREATE TABLE information_requests (
  id                  TEXT PRIMARY KEY,
  number              TEXT NOT NULL UNIQUE,
  user_id             TEXT,
  channel             TEXT NOT NULL CHECK (channel IN ('online', 'paper', 'letter')),
  org_code            TEXT NOT NULL,
  applicant_type      TEXT NOT NULL CHECK (applicant_type IN ('citizen', 'organisation')),
  applicant_name      TEXT NOT NULL,
  id_type             TEXT NOT NULL,
  id_number           TEXT NOT NULL,
  phone               TEXT NOT NULL,
  email               TEXT,
  address             TEXT,
  info_title          TEXT NOT NULL,
  doc_number          TEXT,
  description         TEXT,
  format              TEXT NOT NULL CHECK (format IN ('paper', 'electronic')),
  delivery            TEXT NOT NULL CHECK (delivery IN ('mail', 'pickup', 'email', 'online')),
  status              TEXT NOT NULL,
  submitted_on        TEXT NOT NULL,
  received_on         TEXT NOT NULL,
  due_date            TEXT,
  extended            INTEGER NOT NULL DEFAULT 0 CHECK (extended IN (0, 1)),
  extension_approver  TEXT,
  extension_reason    TEXT,
  correction_note     TEXT,
  reply_type          TEXT,
  reply_ground        TEXT,
  reply_holder        TEXT,
  reply_text          TEXT,
  reply_pages         INTEGER,
  fee_amount          INTEGER,
  fee_basis           TEXT,
  drafted_by          TEXT,
  replied_at          TEXT,
  replied_on          TEXT,
  disclosure_item_id  TEXT,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
);
CREATE INDEX information_requests_by_org ON information_requests (org_code, status);
CREATE INDEX information_requests_by_user ON information_requests (user_id, created_at);

CREATE TABLE information_request_events (
  request_id  TEXT NOT NULL REFERENCES information_requests (id),
  seq         INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  at          TEXT NOT NULL,
  actor_id    TEXT NOT NULL,
  actor_name  TEXT NOT NULL,
  note        TEXT,
  PRIMARY KEY (request_id, seq)
) WITHOUT ROWID;
