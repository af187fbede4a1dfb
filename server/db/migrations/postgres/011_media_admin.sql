-- 视频与课堂 in the console (issue 15): see sqlite/025_media_admin.sql. The type CHECK widens to
-- videos and courses; video_files keeps what was read from an uploaded mp4.
ALTER TABLE editorial_items DROP CONSTRAINT editorial_items_type_check;
ALTER TABLE editorial_items ADD CONSTRAINT editorial_items_type_check
  CHECK (type IN ('policy', 'interpretation', 'faq', 'banner', 'video', 'course'));

CREATE TABLE video_files (
  name         text PRIMARY KEY REFERENCES uploads (name) ON DELETE CASCADE,
  duration_ms  integer NOT NULL,
  width        integer NOT NULL,
  height       integer NOT NULL,
  probed_with  text NOT NULL
);
