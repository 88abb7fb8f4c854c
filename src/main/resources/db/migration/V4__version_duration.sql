-- How long a video or audio version runs, when its file says (null: unknown or not timed
-- media). Comments cannot point past it.
ALTER TABLE asset_version ADD COLUMN duration_ms BIGINT;
