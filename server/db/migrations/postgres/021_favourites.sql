-- PostgreSQL's twin of sqlite/035_favourites.sql (收藏, issue 17).
CREATE TABLE favourites (
  user_id    text NOT NULL REFERENCES users (id),
  kind       text NOT NULL CHECK (kind IN ('policy', 'interpretation', 'video')),
  item_id    text NOT NULL,
  created_at text NOT NULL,
  PRIMARY KEY (user_id, kind, item_id)
);
CREATE INDEX favourites_by_user ON favourites (user_id, created_at DESC);
