-- 宣讲点单: orders, their timelines, the orderer's notifications, sign-in codes and attendance.

-- contact_phone is the full number: only views for the dispatcher and the assigned lecturer carry
-- it. county_code and township_code are the village's ancestors, kept for the dispatcher's county
-- filter and the calendar's township grouping.
CREATE TABLE lecture_orders (
  id                TEXT PRIMARY KEY,
  user_id           TEXT NOT NULL REFERENCES users (id),
  orderer_name      TEXT NOT NULL,
  orderer_role      TEXT NOT NULL,
  on_behalf         INTEGER NOT NULL CHECK (on_behalf IN (0, 1)),
  topic_id          TEXT NOT NULL REFERENCES lecture_topics (id),
  topic_title       TEXT NOT NULL,
  format            TEXT NOT NULL CHECK (format IN ('onsite', 'online')),
  village_code      TEXT NOT NULL REFERENCES regions (code),
  county_code       TEXT NOT NULL REFERENCES regions (code),
  township_code     TEXT NOT NULL REFERENCES regions (code),
  region_name       TEXT NOT NULL,
  place_name        TEXT NOT NULL,
  date_from         TEXT NOT NULL,
  date_to           TEXT NOT NULL CHECK (date_to >= date_from),
  time_of_day       TEXT NOT NULL CHECK (time_of_day IN ('morning', 'afternoon', 'evening')),
  audience_size     INTEGER NOT NULL CHECK (audience_size > 0),
  contact_name      TEXT NOT NULL,
  contact_phone     TEXT NOT NULL,
  notes             TEXT,
  status            TEXT NOT NULL CHECK (status IN ('submitted', 'dispatched', 'accepted', 'scheduled',
                                                    'delivered', 'rated', 'cancelled', 'rejected')),
  lecturer_id       TEXT,
  lecturer_name     TEXT,
  schedule_date     TEXT,
  schedule_time     TEXT,
  schedule_place    TEXT,
  report_attendance INTEGER CHECK (report_attendance >= 0),
  report_summary    TEXT,
  report_photos     TEXT CHECK (report_photos IS NULL OR json_valid(report_photos)),
  report_signed_in  INTEGER,
  rating_stars      INTEGER CHECK (rating_stars BETWEEN 1 AND 5),
  rating_comment    TEXT,
  rated_at          TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
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

-- the timeline: one row per step, who took it and when (seq 0 is the submission)
CREATE TABLE lecture_order_events (
  order_id   TEXT NOT NULL REFERENCES lecture_orders (id),
  seq        INTEGER NOT NULL,
  action     TEXT NOT NULL,
  status     TEXT NOT NULL,
  by_user_id TEXT NOT NULL REFERENCES users (id),
  by_role    TEXT NOT NULL,
  by_name    TEXT NOT NULL,
  at         TEXT NOT NULL,
  note       TEXT,
  PRIMARY KEY (order_id, seq)
) WITHOUT ROWID;

-- 我的消息: one per status change, for the orderer; wechat says whether the subscription message
-- went out ('not_sent' when WeChat is not configured)
CREATE TABLE lecture_notifications (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  order_id   TEXT NOT NULL REFERENCES lecture_orders (id),
  title      TEXT NOT NULL,
  body       TEXT NOT NULL,
  status     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at    TEXT,
  wechat     TEXT NOT NULL CHECK (wechat IN ('pending', 'sent', 'not_sent', 'failed'))
);
CREATE INDEX lecture_notifications_by_user ON lecture_notifications (user_id, created_at DESC);
CREATE INDEX lecture_notifications_unread ON lecture_notifications (user_id) WHERE read_at IS NULL;

-- the six-digit code of each scheduled lecture (unique among them; dropped when it is delivered)
CREATE TABLE lecture_sign_in_codes (
  code     TEXT PRIMARY KEY CHECK (length(code) = 6),
  order_id TEXT NOT NULL UNIQUE REFERENCES lecture_orders (id)
) WITHOUT ROWID;

CREATE TABLE lecture_attendance (
  order_id     TEXT NOT NULL REFERENCES lecture_orders (id),
  user_id      TEXT NOT NULL REFERENCES users (id),
  signed_in_at TEXT NOT NULL,
  PRIMARY KEY (order_id, user_id)
) WITHOUT ROWID;
