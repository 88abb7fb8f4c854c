-- The board (issue 13) shows each production with its running review stage (outcome IS NULL,
-- which a B-tree index finds too). Without this, every board read all review stages ever held:
-- at 10,000 productions of history, 18,500 rows for 400 open ones (BoardQueriesBenchmark).
CREATE INDEX idx_review_stage_open ON review_stage (outcome, asset_id);
