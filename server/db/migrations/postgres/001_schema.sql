-- PostgreSQL's schema, equal to where the SQLite migrations 001–015 end (server/db/__tests__/
-- postgres-schema.test.ts compares the two). Values are the same as on SQLite, so a repository is
-- written once: times are ISO-8601 text, flags are integer 0/1, JSON is text checked by json_valid.
-- Counters and ids that can grow are bigint (read back as numbers: server/db/database.ts).
-- Text order follows the database's collation: create it with C or C.UTF-8 (code-point order,
-- as SQLite's BINARY) so ORDER BY of ids and text matches SQLite.

-- SQLite's json_valid(), for the same CHECK constraints: NULL passes, as it does there
CREATE FUNCTION json_valid(value text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  PERFORM value::json;
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END
$$;

CREATE TABLE users (
  id          text PRIMARY KEY,
  provider    text NOT NULL CHECK (provider IN ('wechat', 'dev', 'password', 'sms', 'wechat-oa')),
  external_id text NOT NULL,
  nickname    text NOT NULL,
  role        text NOT NULL,
  region_code text,
  created_at  text NOT NULL,
  org_code    text,
  department  text,
  disabled_at text,
  -- a mainland mobile verified by an SMS code or WeChat getPhoneNumber: one account per number
  mobile      text,
  lecturer_id text,
  disabled_by text,
  UNIQUE (provider, external_id)
);
CREATE INDEX users_by_org ON users (org_code) WHERE org_code IS NOT NULL;
CREATE UNIQUE INDEX users_by_mobile ON users (mobile) WHERE mobile IS NOT NULL;
CREATE UNIQUE INDEX users_by_lecturer ON users (lecturer_id) WHERE lecturer_id IS NOT NULL;

CREATE TABLE topics (
  id       text PRIMARY KEY,
  name     text NOT NULL,
  icon     text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE regions (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('county', 'township', 'village')),
  parent_code text REFERENCES regions (code),
  position    integer NOT NULL
);
CREATE INDEX regions_by_parent ON regions (parent_code, position);

CREATE TABLE policies (
  id             text PRIMARY KEY,
  title          text NOT NULL,
  doc_number     text NOT NULL,
  department     text NOT NULL,
  topic          text NOT NULL,
  published_at   text NOT NULL,
  effective_from text,
  validity       text NOT NULL CHECK (validity IN ('valid', 'revised', 'repealed')),
  summary        text NOT NULL,
  issuer         text NOT NULL,
  -- {sections, validityNote?, replacedBy?, interpretationIds}
  body           text NOT NULL CHECK (json_valid(body)),
  -- title, 文号, summary and sections, lower-cased: what q matches
  search_text    text NOT NULL
);
CREATE INDEX policies_by_published ON policies (published_at DESC, id);
CREATE INDEX policies_by_topic ON policies (topic, published_at DESC);
CREATE INDEX policies_by_department ON policies (department, published_at DESC);

CREATE TABLE interpretations (
  id           text PRIMARY KEY,
  title        text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('illustrated', 'qa', 'video')),
  topic        text NOT NULL,
  department   text NOT NULL,
  policy_id    text NOT NULL,
  cover        text NOT NULL,
  summary      text NOT NULL,
  published_at text NOT NULL,
  featured     integer NOT NULL DEFAULT 0,
  validity     text NOT NULL,
  -- {blocks, videoIds}
  body         text NOT NULL CHECK (json_valid(body))
);
CREATE INDEX interpretations_by_published ON interpretations (published_at DESC, id);
CREATE INDEX interpretations_by_policy ON interpretations (policy_id, published_at DESC);
CREATE INDEX interpretations_by_topic ON interpretations (topic, published_at DESC);

CREATE TABLE faqs (
  id                text PRIMARY KEY,
  question          text NOT NULL,
  answer            text NOT NULL,
  topic             text NOT NULL,
  keywords          text NOT NULL CHECK (json_valid(keywords)),
  policy_id         text,
  interpretation_id text
);
CREATE INDEX faqs_by_topic ON faqs (topic);

CREATE TABLE videos (
  id                text PRIMARY KEY,
  title             text NOT NULL,
  topic             text NOT NULL,
  src               text NOT NULL,
  poster            text NOT NULL,
  captions          text NOT NULL,
  duration_sec      integer NOT NULL,
  views             bigint NOT NULL DEFAULT 0,
  likes             bigint NOT NULL DEFAULT 0,
  interpretation_id text,
  published_at      text NOT NULL
);
CREATE INDEX videos_by_published ON videos (published_at DESC, id);
CREATE INDEX videos_by_topic ON videos (topic, published_at DESC);

CREATE TABLE courses (
  id         text PRIMARY KEY,
  title      text NOT NULL,
  topic      text NOT NULL,
  department text NOT NULL,
  cover      text NOT NULL,
  summary    text NOT NULL,
  position   integer NOT NULL
);

CREATE TABLE lessons (
  id           text PRIMARY KEY,
  course_id    text NOT NULL REFERENCES courses (id),
  position     integer NOT NULL,
  title        text NOT NULL,
  src          text NOT NULL,
  poster       text NOT NULL,
  captions     text NOT NULL,
  duration_sec integer NOT NULL
);
CREATE INDEX lessons_by_course ON lessons (course_id, position);

CREATE TABLE lecture_topics (
  id             text PRIMARY KEY,
  title          text NOT NULL,
  department     text NOT NULL,
  topic          text NOT NULL,
  summary        text NOT NULL,
  duration_min   integer NOT NULL,
  formats        text NOT NULL CHECK (json_valid(formats)),
  lecturers      text NOT NULL CHECK (json_valid(lecturers)),
  rating_average double precision NOT NULL DEFAULT 0,
  rating_count   bigint NOT NULL DEFAULT 0,
  position       integer NOT NULL
);
CREATE INDEX lecture_topics_by_topic ON lecture_topics (topic, position);

CREATE TABLE campaigns (
  id           text PRIMARY KEY,
  title        text NOT NULL,
  department   text NOT NULL,
  cover        text NOT NULL,
  starts_at    text NOT NULL,
  ends_at      text NOT NULL,
  participants bigint NOT NULL DEFAULT 0,
  description  text NOT NULL,
  rules        text NOT NULL CHECK (json_valid(rules)),
  topics       text NOT NULL CHECK (json_valid(topics)),
  position     integer NOT NULL
);

CREATE TABLE quiz_questions (
  id                text PRIMARY KEY,
  type              text NOT NULL CHECK (type IN ('single', 'multiple', 'judge')),
  stem              text NOT NULL,
  options           text NOT NULL CHECK (json_valid(options)),
  topic             text NOT NULL,
  answer            text NOT NULL CHECK (json_valid(answer)),
  explanation       text NOT NULL,
  interpretation_id text
);

CREATE TABLE campaign_questions (
  campaign_id text NOT NULL REFERENCES campaigns (id),
  question_id text NOT NULL REFERENCES quiz_questions (id),
  position    integer NOT NULL,
  PRIMARY KEY (campaign_id, question_id)
);
CREATE INDEX campaign_questions_by_question ON campaign_questions (question_id);

CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      text NOT NULL REFERENCES users (id),
  session_key  text,
  created_at   text NOT NULL,
  expires_at   text NOT NULL,
  id           text,
  last_seen_at text,
  idle_ms      integer,
  device       text,
  ip           text
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
CREATE UNIQUE INDEX sessions_by_id ON sessions (id);

CREATE TABLE consultations (
  id               text PRIMARY KEY,
  user_id          text NOT NULL REFERENCES users (id),
  topic            text NOT NULL REFERENCES topics (id),
  question         text NOT NULL,
  region_code      text NOT NULL REFERENCES regions (code),
  phone            text,
  status           text NOT NULL CHECK (status IN ('pending', 'answered')),
  created_at       text NOT NULL,
  reply_text       text,
  reply_department text,
  replied_by       text REFERENCES users (id),
  replied_at       text,
  CHECK ((status = 'answered') = (reply_text IS NOT NULL AND reply_department IS NOT NULL
                                  AND replied_by IS NOT NULL AND replied_at IS NOT NULL)),
  CHECK (status = 'answered' OR (reply_text IS NULL AND reply_department IS NULL
                                 AND replied_by IS NULL AND replied_at IS NULL))
);
CREATE INDEX consultations_by_user ON consultations (user_id, created_at DESC);
CREATE INDEX consultations_by_status ON consultations (status, created_at DESC);
CREATE INDEX consultations_by_created ON consultations (created_at DESC);

CREATE TABLE idempotency_keys (
  user_id         text NOT NULL REFERENCES users (id),
  scope           text NOT NULL,
  key             text NOT NULL,
  request_hash    text NOT NULL,
  response_status integer NOT NULL,
  response_body   text NOT NULL CHECK (json_valid(response_body)),
  created_at      text NOT NULL,
  PRIMARY KEY (user_id, scope, key)
);
CREATE INDEX idempotency_keys_by_created ON idempotency_keys (created_at);

CREATE TABLE video_views (
  video_id        text NOT NULL REFERENCES videos (id),
  viewer_key      text NOT NULL,
  last_counted_at text NOT NULL,
  PRIMARY KEY (video_id, viewer_key)
);

CREATE TABLE video_likes (
  video_id   text NOT NULL REFERENCES videos (id),
  user_id    text NOT NULL REFERENCES users (id),
  created_at text NOT NULL,
  PRIMARY KEY (video_id, user_id)
);

CREATE TABLE lesson_progress (
  user_id      text NOT NULL REFERENCES users (id),
  lesson_id    text NOT NULL REFERENCES lessons (id),
  course_id    text NOT NULL REFERENCES courses (id),
  position_sec double precision NOT NULL,
  completed    integer NOT NULL DEFAULT 0,
  updated_at   text NOT NULL,
  PRIMARY KEY (user_id, lesson_id)
);
CREATE INDEX lesson_progress_by_course ON lesson_progress (user_id, course_id);

CREATE TABLE quiz_profiles (
  user_id     text PRIMARY KEY REFERENCES users (id),
  region_code text REFERENCES regions (code),
  hide_name   integer NOT NULL DEFAULT 0 CHECK (hide_name IN (0, 1)),
  updated_at  text NOT NULL
);

CREATE TABLE quiz_attempts (
  id             text PRIMARY KEY,
  user_id        text NOT NULL REFERENCES users (id),
  campaign_id    text NOT NULL REFERENCES campaigns (id),
  started_at     text NOT NULL,
  deadline       text NOT NULL,
  status         text NOT NULL CHECK (status IN ('active', 'submitted', 'expired')),
  questions      text NOT NULL CHECK (json_valid(questions)),
  region_code    text,
  county_code    text,
  township_code  text,
  answers        text CHECK (answers IS NULL OR json_valid(answers)),
  score          integer,
  correct_count  integer,
  time_used_ms   integer,
  submitted_at   text,
  risk_check     text CHECK (risk_check IS NULL OR risk_check IN ('passed', 'flagged', 'unavailable')),
  risk_rank      integer CHECK (risk_rank IS NULL OR risk_rank BETWEEN 0 AND 4),
  flag_reason    text,
  prize_eligible integer NOT NULL DEFAULT 1 CHECK (prize_eligible IN (0, 1))
);
CREATE INDEX quiz_attempts_by_user ON quiz_attempts (user_id, campaign_id, started_at);
-- one running attempt per user and campaign, under concurrent starts too
CREATE UNIQUE INDEX quiz_attempts_one_active ON quiz_attempts (user_id, campaign_id) WHERE status = 'active';
CREATE INDEX quiz_attempts_flagged ON quiz_attempts (campaign_id, submitted_at) WHERE risk_check = 'flagged';

CREATE TABLE quiz_standings (
  campaign_id   text NOT NULL REFERENCES campaigns (id),
  user_id       text NOT NULL REFERENCES users (id),
  attempt_id    text NOT NULL REFERENCES quiz_attempts (id),
  score         integer NOT NULL,
  time_used_ms  integer NOT NULL,
  finished_at   text NOT NULL,
  county_code   text,
  township_code text,
  PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX quiz_standings_board ON quiz_standings (campaign_id, score DESC, time_used_ms, finished_at);

CREATE TABLE quiz_region_totals (
  campaign_id  text NOT NULL REFERENCES campaigns (id),
  region_code  text NOT NULL,
  participants bigint NOT NULL,
  score_sum    bigint NOT NULL,
  PRIMARY KEY (campaign_id, region_code)
);

CREATE TABLE quiz_mistakes (
  user_id       text NOT NULL REFERENCES users (id),
  question_id   text NOT NULL REFERENCES quiz_questions (id),
  wrong_count   integer NOT NULL,
  streak        integer NOT NULL,
  last_wrong_at text NOT NULL,
  PRIMARY KEY (user_id, question_id)
);

CREATE TABLE quiz_region_residents (
  region_code text PRIMARY KEY REFERENCES regions (code),
  residents   bigint NOT NULL CHECK (residents > 0)
);

CREATE TABLE quiz_score_counts (
  campaign_id  text NOT NULL REFERENCES campaigns (id),
  score        integer NOT NULL,
  participants bigint NOT NULL,
  PRIMARY KEY (campaign_id, score)
);

CREATE TABLE lecture_orders (
  id                text PRIMARY KEY,
  user_id           text NOT NULL REFERENCES users (id),
  orderer_name      text NOT NULL,
  orderer_role      text NOT NULL,
  on_behalf         integer NOT NULL CHECK (on_behalf IN (0, 1)),
  topic_id          text NOT NULL REFERENCES lecture_topics (id),
  topic_title       text NOT NULL,
  format            text NOT NULL CHECK (format IN ('onsite', 'online')),
  village_code      text NOT NULL REFERENCES regions (code),
  county_code       text NOT NULL REFERENCES regions (code),
  township_code     text NOT NULL REFERENCES regions (code),
  region_name       text NOT NULL,
  place_name        text NOT NULL,
  date_from         text NOT NULL,
  date_to           text NOT NULL CHECK (date_to >= date_from),
  time_of_day       text NOT NULL CHECK (time_of_day IN ('morning', 'afternoon', 'evening')),
  audience_size     integer NOT NULL CHECK (audience_size > 0),
  contact_name      text NOT NULL,
  contact_phone     text NOT NULL,
  notes             text,
  status            text NOT NULL CHECK (status IN ('submitted', 'dispatched', 'accepted', 'scheduled',
                                                    'delivered', 'rated', 'cancelled', 'rejected')),
  lecturer_id       text,
  lecturer_name     text,
  schedule_date     text,
  schedule_time     text,
  schedule_place    text,
  report_attendance integer CHECK (report_attendance >= 0),
  report_summary    text,
  report_photos     text CHECK (report_photos IS NULL OR json_valid(report_photos)),
  report_signed_in  integer,
  rating_stars      integer CHECK (rating_stars BETWEEN 1 AND 5),
  rating_comment    text,
  rated_at          text,
  created_at        text NOT NULL,
  updated_at        text NOT NULL,
  CHECK ((lecturer_id IS NULL) = (lecturer_name IS NULL)),
  CHECK (status IN ('submitted', 'cancelled', 'rejected') OR lecturer_id IS NOT NULL),
  CHECK (status NOT IN ('scheduled', 'delivered', 'rated') OR schedule_date IS NOT NULL),
  CHECK (status NOT IN ('delivered', 'rated') OR report_attendance IS NOT NULL),
  CHECK ((status = 'rated') = (rating_stars IS NOT NULL))
);
CREATE INDEX lecture_orders_by_user ON lecture_orders (user_id, created_at DESC);
CREATE INDEX lecture_orders_by_status ON lecture_orders (status, created_at);
CREATE INDEX lecture_orders_by_county ON lecture_orders (county_code, status, created_at);
CREATE INDEX lecture_orders_by_lecturer ON lecture_orders (lecturer_id, status);
CREATE INDEX lecture_orders_by_schedule ON lecture_orders (schedule_date) WHERE schedule_date IS NOT NULL;
CREATE INDEX lecture_orders_rated ON lecture_orders (topic_id, rated_at DESC) WHERE rating_stars IS NOT NULL;

CREATE TABLE lecture_order_events (
  order_id   text NOT NULL REFERENCES lecture_orders (id),
  seq        integer NOT NULL,
  action     text NOT NULL,
  status     text NOT NULL,
  by_user_id text NOT NULL REFERENCES users (id),
  by_role    text NOT NULL,
  by_name    text NOT NULL,
  at         text NOT NULL,
  note       text,
  PRIMARY KEY (order_id, seq)
);

CREATE TABLE lecture_notifications (
  id         text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id),
  order_id   text NOT NULL REFERENCES lecture_orders (id),
  title      text NOT NULL,
  body       text NOT NULL,
  status     text NOT NULL,
  created_at text NOT NULL,
  read_at    text,
  wechat     text NOT NULL CHECK (wechat IN ('pending', 'sent', 'not_sent', 'failed'))
);
CREATE INDEX lecture_notifications_by_user ON lecture_notifications (user_id, created_at DESC);
CREATE INDEX lecture_notifications_unread ON lecture_notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE lecture_sign_in_codes (
  code     text PRIMARY KEY CHECK (length(code) = 6),
  order_id text NOT NULL UNIQUE REFERENCES lecture_orders (id)
);

CREATE TABLE lecture_attendance (
  order_id     text NOT NULL REFERENCES lecture_orders (id),
  user_id      text NOT NULL REFERENCES users (id),
  signed_in_at text NOT NULL,
  PRIMARY KEY (order_id, user_id)
);

CREATE TABLE lecture_sign_in_failures (
  order_id          text PRIMARY KEY REFERENCES lecture_orders (id),
  failures          integer NOT NULL CHECK (failures >= 0),
  window_started_at text NOT NULL,
  locked_until      text
);

CREATE TABLE lecture_sign_in_misses (
  user_id           text NOT NULL REFERENCES users (id),
  order_id          text NOT NULL,
  failures          integer NOT NULL CHECK (failures >= 0),
  window_started_at text NOT NULL,
  locked_until      text,
  PRIMARY KEY (user_id, order_id)
);

CREATE TABLE lecture_sign_in_daily_misses (
  user_id text NOT NULL REFERENCES users (id),
  day     text NOT NULL,
  misses  integer NOT NULL CHECK (misses >= 0),
  PRIMARY KEY (user_id, day)
);

CREATE TABLE staff_credentials (
  user_id             text PRIMARY KEY REFERENCES users (id),
  password_hash       text NOT NULL,
  password_changed_at text NOT NULL,
  created_by          text,
  last_login_at       text
);

CREATE TABLE login_failures (
  username     text PRIMARY KEY,
  failures     integer NOT NULL,
  last_failed  text NOT NULL,
  locked_until text
);

CREATE TABLE sms_codes (
  mobile        text PRIMARY KEY,
  salt          text NOT NULL,
  code_hash     text NOT NULL,
  expires_at    text NOT NULL,
  attempts_left integer NOT NULL
);

CREATE TABLE sms_sends (
  mobile       text NOT NULL,
  day          text NOT NULL,
  count        integer NOT NULL,
  last_sent_at text NOT NULL,
  PRIMARY KEY (mobile, day)
);

CREATE TABLE oauth_states (
  state_hash text PRIMARY KEY,
  redirect   text NOT NULL,
  expires_at text NOT NULL,
  nonce_hash text
);
CREATE INDEX oauth_states_by_expiry ON oauth_states (expires_at);

CREATE TABLE uploads (
  name            text PRIMARY KEY,
  user_id         text NOT NULL REFERENCES users (id),
  type            text NOT NULL,
  size            integer NOT NULL,
  -- of the bytes: a retry with the same Idempotency-Key and other bytes is refused
  sha256          text NOT NULL,
  idempotency_key text,
  created_at      text NOT NULL,
  attached_at     text
);
CREATE INDEX uploads_by_user ON uploads (user_id, created_at);
CREATE UNIQUE INDEX uploads_by_key ON uploads (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX uploads_unattached ON uploads (created_at) WHERE attached_at IS NULL;

CREATE TABLE server_secrets (
  name       text PRIMARY KEY,
  value      text NOT NULL,
  created_at text NOT NULL
);

CREATE TABLE audit_log (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at          text NOT NULL,
  actor_id    text NOT NULL,
  actor_name  text NOT NULL,
  actor_role  text NOT NULL,
  actor_org   text,
  action      text NOT NULL,
  target_type text,
  target_id   text,
  ip          text,
  detail      text CHECK (detail IS NULL OR json_valid(detail))
);
CREATE INDEX audit_by_org_time ON audit_log (actor_org, id DESC);
CREATE INDEX audit_by_actor ON audit_log (actor_id, id DESC);
CREATE INDEX audit_by_target ON audit_log (target_type, target_id, id DESC);
CREATE INDEX audit_by_action ON audit_log (action, id DESC);

-- the audit log is append-only, as on SQLite (same message); TRUNCATE, which SQLite lacks, too
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
