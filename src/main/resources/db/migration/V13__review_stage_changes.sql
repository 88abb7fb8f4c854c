-- Changes a producer made to a running review stage: who changed what, when and why.
-- kind: ADDED (reviewer joined), REMOVED (reviewer's open review withdrawn),
-- DELEGATED (reviewer's open review handed to delegated_to).
CREATE TABLE review_stage_change (
    id            VARCHAR(36)    PRIMARY KEY,
    stage_id      VARCHAR(64)    NOT NULL REFERENCES review_stage (id),
    asset_id      VARCHAR(36)    NOT NULL REFERENCES asset (id),
    kind          VARCHAR(20)    NOT NULL,
    reviewer      VARCHAR(64)    NOT NULL,
    delegated_to  VARCHAR(64),
    reason        VARCHAR(2000)  NOT NULL,
    changed_by    VARCHAR(64)    NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_review_stage_change_asset ON review_stage_change (asset_id, changed_at);
