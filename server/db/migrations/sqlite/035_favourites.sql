-- 收藏 (issue 17): a resident's favourite policies, interpretations and videos. No foreign key to
-- the item: withdrawing deletes it from its public table, and the favourite stays (listed as 已下架)
-- so it comes back if the item is published again. One row per (user, kind, item).
CREATE TABLE favourites (
  user_id    TEXT NOT NULL REFERENCES users (id),
  kind       TEXT NOT NULL CHECK (kind IN ('policy', 'interpretation', 'video')),
  item_id    TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, kind, item_id)
) WITHOUT ROWID;
CREATE INDEX favourites_by_user ON favourites (user_id, created_at DESC);
