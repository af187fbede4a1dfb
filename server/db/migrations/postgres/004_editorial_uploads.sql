-- PostgreSQL's twin of sqlite/018_editorial_uploads.sql.
-- 政务工作台 C1: the uploads a console item uses (an interpretation's cover and image blocks, a
-- banner's image, a policy's PDF attachment), recorded when a draft naming them is saved, one row
-- per item and upload, kept for every version (a past version still shows its pictures).
-- A recorded upload is never swept, and staff whose organisation covers the item may fetch it
-- (the reviewer sees the picture before publication); publishing makes it public
-- (uploads.attached_at), as a delivered lecture's report does its photos.
CREATE TABLE editorial_uploads (
  item_id text NOT NULL REFERENCES editorial_items (id),
  name    text NOT NULL REFERENCES uploads (name),
  PRIMARY KEY (item_id, name)
);
CREATE INDEX editorial_uploads_by_name ON editorial_uploads (name);
