-- The metrics (issue 13) read what ended within a period, and the review stages still
-- running (settled_at IS NULL, which a B-tree index finds too). Without these, every metric
-- reads whole tables, however short the period.
CREATE INDEX idx_review_stage_settled ON review_stage (settled_at);
CREATE INDEX idx_decision_decided ON decision (decided_at);
CREATE INDEX idx_asset_version_created ON asset_version (created_at);
-- A production's brief decision, looked up per version by the production cycle time.
CREATE INDEX idx_decision_asset ON decision (asset_id, stage);
