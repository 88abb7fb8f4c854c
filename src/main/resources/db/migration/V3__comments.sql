-- Feedback on a version: threaded (one level of replies), optionally anchored to a moment, a time
-- range, a region (normalised 0..1, optionally at a moment) or a page.
CREATE TABLE version_comment (
    id           VARCHAR(36)    PRIMARY KEY,
    version_id   VARCHAR(36)    NOT NULL REFERENCES asset_version (id),
    parent_id    VARCHAR(36)    REFERENCES version_comment (id),
    author       VARCHAR(64)    NOT NULL,
    body         VARCHAR(4000)  NOT NULL,
    time_ms      BIGINT,
    end_ms       BIGINT,
    region_x     DOUBLE PRECISION,
    region_y     DOUBLE PRECISION,
    region_w     DOUBLE PRECISION,
    region_h     DOUBLE PRECISION,
    page         INTEGER,
    resolved     BOOLEAN        NOT NULL,
    resolved_by  VARCHAR(64),
    resolved_at  TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_comment_version ON version_comment (version_id, created_at);
