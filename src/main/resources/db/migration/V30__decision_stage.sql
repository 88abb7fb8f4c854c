-- A decision counts in the review stage it was given in. Two stages of the same name on one
-- version (side by side, or one after the other in a workflow built from Greenlight's blocks)
-- count only their own reviewers' decisions.
ALTER TABLE decision ADD COLUMN stage_id VARCHAR(64);

-- decisions from before: the latest stage of that name on the version opened before the decision
UPDATE decision SET stage_id = (
    SELECT s.id FROM review_stage s
    WHERE s.version_id = decision.version_id AND s.stage = decision.stage AND s.opened_at <= decision.decided_at
    ORDER BY s.opened_at DESC, s.id DESC
    FETCH FIRST 1 ROWS ONLY)
WHERE version_id IS NOT NULL;

CREATE INDEX idx_decision_stage ON decision (stage_id, decided_by);
