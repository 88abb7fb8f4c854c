-- One row per review stage of a version (one StakeholderReviewProcess instance): its rule,
-- reviewers and due date when it opens, its outcome once it settles. An outcome is written once.
CREATE TABLE review_stage (
    id                  VARCHAR(64)    PRIMARY KEY,
    asset_id            VARCHAR(36)    NOT NULL REFERENCES asset (id),
    version_id          VARCHAR(36)    NOT NULL REFERENCES asset_version (id),
    stage               VARCHAR(30)    NOT NULL,
    decision_rule       VARCHAR(20)    NOT NULL,
    quorum              INTEGER,
    primary_reviewer    VARCHAR(64),
    reviewers           VARCHAR(2000)  NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE,
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome             VARCHAR(30),
    -- null when the rule settled it; the producer who resolved conflicting feedback otherwise
    resolved_by         VARCHAR(64),
    resolution_comment  VARCHAR(4000),
    settled_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_review_stage_version ON review_stage (version_id, stage);
