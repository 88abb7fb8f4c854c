-- "Awaiting my review" read from an index of its own (issue 14): one row per open review
-- task and its assignee, kept by an engine listener in the transaction that creates,
-- assigns, completes or deletes the task (production.ReviewInbox). asset_created_at is the
-- asset's (it never changes), so a reviewer's page is read from this index alone.
CREATE TABLE review_inbox (
    task_id           VARCHAR(64)   PRIMARY KEY,
    user_id           VARCHAR(255)  NOT NULL,
    asset_id          VARCHAR(36)   NOT NULL REFERENCES asset (id),
    project_id        VARCHAR(36)   NOT NULL,
    asset_created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX idx_review_inbox_user ON review_inbox (user_id, asset_created_at, asset_id, project_id);

-- "the projects I am a member of", asked on nearly every call; the primary key starts with
-- the project
CREATE INDEX idx_project_member_user ON project_member (user_id, project_id);

-- the asset list, newest first: for creative-ops over all projects, for everyone else over
-- theirs, so a page is read in order instead of sorting every asset of the projects
CREATE INDEX idx_asset_created ON asset (created_at DESC, id);
CREATE INDEX idx_asset_project_created ON asset (project_id, created_at DESC, id);
