-- 宣讲 in the console (issue 15): what the console keeps beside the menu (lecture_topics) and the
-- orders. A topic's organisation, whether it is on the menu and its policies; a lecturer's
-- organisation, topics and availability (weekly slots, blocked days). lecture_topics.lecturers
-- stays the menu's list of who lectures on a topic (the order rules read it), kept in step with
-- lecture_desk_lecturers.topic_ids by the console's writes. Menu topics and lecturers without a
-- row here are the city's, on the menu, free any day.
CREATE TABLE lecture_desk_topics (
  topic_id   TEXT PRIMARY KEY REFERENCES lecture_topics (id),
  org_code   TEXT NOT NULL,
  active     INTEGER NOT NULL CHECK (active IN (0, 1)),
  policy_ids TEXT NOT NULL CHECK (json_valid(policy_ids)),
  updated_at TEXT NOT NULL
);

CREATE TABLE lecture_desk_lecturers (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL,
  title         TEXT NOT NULL,
  org_code      TEXT NOT NULL,
  topic_ids     TEXT NOT NULL CHECK (json_valid(topic_ids)),
  weekly_slots  TEXT NOT NULL CHECK (json_valid(weekly_slots)),
  blocked_dates TEXT NOT NULL CHECK (json_valid(blocked_dates)),
  active        INTEGER NOT NULL CHECK (active IN (0, 1)),
  updated_at    TEXT NOT NULL
);
CREATE INDEX lecture_desk_lecturers_by_org ON lecture_desk_lecturers (org_code);
