-- A version's file lives in the blob store under its SHA-256; these columns say what it is.
-- variant: parallel versions of one asset ("30s cut", "15s cut"), each with its own latest.
ALTER TABLE asset_version ADD COLUMN variant VARCHAR(80);
ALTER TABLE asset_version ADD COLUMN file_name VARCHAR(255);
ALTER TABLE asset_version ADD COLUMN media_type VARCHAR(120);
ALTER TABLE asset_version ADD COLUMN size_bytes BIGINT;
ALTER TABLE asset_version ADD COLUMN sha256 VARCHAR(64);
CREATE INDEX idx_asset_version_asset ON asset_version (asset_id, status);
