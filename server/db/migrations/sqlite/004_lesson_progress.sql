-- Where each user is in each lesson; a lesson once completed (≥ 90 % watched) stays completed.
CREATE TABLE lesson_progress (
  user_id      TEXT NOT NULL REFERENCES users (id),
  lesson_id    TEXT NOT NULL REFERENCES lessons (id),
  course_id    TEXT NOT NULL REFERENCES courses (id),
  position_sec REAL NOT NULL,
  completed    INTEGER NOT NULL DEFAULT 0,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, lesson_id)
);
CREATE INDEX lesson_progress_by_course ON lesson_progress (user_id, course_id);
