-- PostgreSQL's twin of sqlite/033_information_requests.sql.
-- 依申请公开 (issue 20): applications for government information and their steps. `received_on`
-- is the Beijing date the 20-working-day clock runs from (receipt, or the correction's arrival);
-- `due_date` is NULL while a 补正 is awaited. The reply (type, ground, holder, text, fee) is
-- drafted by the office, approved by 法律审核, then issued. ID numbers and phones are personal
-- data: the API masks them for everyone but the handling office, and no log line carries them.
CREATE TABLE information_requests (
  id                  text PRIMARY KEY,
  number              text NOT NULL UNIQUE,
  user_id             text,
  channel             text NOT NULL CHECK (channel IN ('online', 'paper', 'letter')),
  org_code            text NOT NULL,
  applicant_type      text NOT NULL CHECK (applicant_type IN ('citizen', 'organisation')),
  applicant_name      text NOT NULL,
  id_type             text NOT NULL,
  id_number           text NOT NULL,
  phone               text NOT NULL,
  email               text,
  address             text,
  info_title          text NOT NULL,
  doc_number          text,
  description         text,
  format              text NOT NULL CHECK (format IN ('paper', 'electronic')),
  delivery            text NOT NULL CHECK (delivery IN ('mail', 'pickup', 'email', 'online')),
  status              text NOT NULL,
  submitted_on        text NOT NULL,
  received_on         text NOT NULL,
  due_date            text,
  extended            integer NOT NULL DEFAULT 0 CHECK (extended IN (0, 1)),
  extension_approver  text,
  extension_reason    text,
  correction_note     text,
  reply_type          text,
  reply_ground        text,
  reply_holder        text,
  reply_text          text,
  reply_pages         integer,
  fee_amount          integer,
  fee_basis           text,
  drafted_by          text,
  replied_at          text,
  replied_on          text,
  disclosure_item_id  text,
  created_at          text NOT NULL,
  updated_at          text NOT NULL
);
CREATE INDEX information_requests_by_org ON information_requests (org_code, status);
CREATE INDEX information_requests_by_user ON information_requests (user_id, created_at);

CREATE TABLE information_request_events (
  request_id  text NOT NULL REFERENCES information_requests (id),
  seq         integer NOT NULL,
  kind        text NOT NULL,
  at          text NOT NULL,
  actor_id    text NOT NULL,
  actor_name  text NOT NULL,
  note        text,
  PRIMARY KEY (request_id, seq)
);
