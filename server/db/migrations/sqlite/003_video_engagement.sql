-- Views are counted once per viewer within a window (a replay right away is not a new view);
-- likes are one per user and video.
CREATE TABLE video_views (
  video_id        TEXT NOT NULL REFERENCES videos (id),
  viewer_key      TEXT NOT NULL,
  last_counted_at TEXT NOT NULL,
  PRIMARY KEY (video_id, viewer_key)
);

CREATE TABLE video_likes (
  video_id   TEXT NOT NULL REFERENCES videos (id),
  user_id    TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (video_id, user_id)
);
