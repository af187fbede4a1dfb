-- Real regions (issue 17): the region tree becomes the statistics bureau's codes of 台州 (136 乡镇（街道）,
-- 3,429 村（居）委会), synced into this table at every start (server/db/sync-regions.ts). A region of an
-- older tree that the new one lacks is kept for the rows that refer to it (a consultation's region,
-- a lecture order's village) but retired: no longer offered, searched or ranked.
ALTER TABLE regions ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
