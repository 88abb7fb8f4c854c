-- Running instances moved from one version of a workflow to another (issue 15): which
-- workflow, from and to which version (and definition), how many instances, the engine's
-- batch that moves them, who asked and when. The batch's progress is the engine's.
CREATE TABLE workflow_migration (
    id                  VARCHAR(36)   PRIMARY KEY,
    process_key         VARCHAR(255)  NOT NULL,
    from_version        INTEGER       NOT NULL,
    to_version          INTEGER       NOT NULL,
    from_definition_id  VARCHAR(64)   NOT NULL,
    to_definition_id    VARCHAR(64)   NOT NULL,
    instances           INTEGER       NOT NULL,
    batch_id            VARCHAR(64)   NOT NULL,
    requested_by        VARCHAR(255)  NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_workflow_migration_key ON workflow_migration (process_key, requested_at);
