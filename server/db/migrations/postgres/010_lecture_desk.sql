-- PostgreSQL's twin of sqlite/024_lecture_desk.sql.
-- 宣讲 in the console (issue 15): what the console keeps beside the menu (lecture_topics) and the
-- orders. A topic's organisation, whether it is on the menu and its policies; a lecturer's
-- organisation, topics and availability (weekly slots, blocked days). lecture_topics.lecturers
-- stays the menu's list of who lectures on a topic (the order rules read it), kept in step with
-- lecture_desk_lecturers.topic_ids by the console's writes. Menu topics and lecturers without a
-- row here are the city's, on the menu, free any day.
CREATE TABLE lecture_desk_topics (
  topic_id   text PRIMARY KEY REFERENCES lecture_topics (id),
  org_code   text NOT NULL,
  active     integer NOT NULL CHECK (active IN (0, 1)),
  policy_ids text NOT NULL CHECK (json_valid(policy_ids)),
  updated_at text NOT NULL
);

CREATE TABLE lecture_desk_lecturers (
  id            text PRIMARY KEY,
  name          text NOT NULL,
  title         text NOT NULL,
  org_code      text NOT NULL,
  topic_ids     text NOT NULL CHECK (json_valid(topic_ids)),
  weekly_slots  text NOT NULL CHECK (json_valid(weekly_slots)),
  blocked_dates text NOT NULL CHECK (json_valid(blocked_dates)),
  active        integer NOT NULL CHECK (active IN (0, 1)),
  updated_at    text NOT NULL
);
CREATE INDEX lecture_desk_lecturers_by_org ON lecture_desk_lecturers (org_code);
