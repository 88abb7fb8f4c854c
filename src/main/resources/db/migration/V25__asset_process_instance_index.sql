-- "Awaiting my review" (GET /api/assets?awaitingMyReview=true) finds the assets whose
-- production instance is the root of the user's open review tasks: by this column.
CREATE INDEX idx_asset_process_instance ON asset (process_instance_id);
