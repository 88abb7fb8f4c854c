-- Greenlight's own tables. Camunda's tables are created by the engine; these are changed in the
-- same transaction as the engine's (one DataSource, one transaction manager).

CREATE TABLE client (
    id          VARCHAR(36)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL
);

CREATE TABLE project (
    id          VARCHAR(36)  PRIMARY KEY,
    client_id   VARCHAR(36)  NOT NULL REFERENCES client (id),
    code        VARCHAR(40)  NOT NULL UNIQUE,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- role: PRODUCER, CREATIVE, REVIEWER, CLIENT_REVIEWER, FREELANCER
CREATE TABLE project_member (
    project_id  VARCHAR(36)  NOT NULL REFERENCES project (id),
    user_id     VARCHAR(64)  NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    PRIMARY KEY (project_id, user_id, role)
);

-- The deliverable and its production record; id = the production process's business key.
CREATE TABLE asset (
    id                   VARCHAR(36)   PRIMARY KEY,
    project_id           VARCHAR(36)   NOT NULL REFERENCES project (id),
    title                VARCHAR(200)  NOT NULL,
    asset_type           VARCHAR(20)   NOT NULL,
    channel              VARCHAR(40)   NOT NULL,
    due_date             DATE,
    brief                VARCHAR(10000),
    stage                VARCHAR(30)   NOT NULL,
    status               VARCHAR(30)   NOT NULL,
    revision_round       INTEGER       NOT NULL,
    process_instance_id  VARCHAR(64),
    requested_by         VARCHAR(64)   NOT NULL,
    approved_version_id  VARCHAR(36),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_asset_project ON asset (project_id);

-- The version register: v1, v2, ... per asset. An approved version is locked.
CREATE TABLE asset_version (
    id           VARCHAR(36)   PRIMARY KEY,
    asset_id     VARCHAR(36)   NOT NULL REFERENCES asset (id),
    number       INTEGER       NOT NULL,
    note         VARCHAR(4000) NOT NULL,
    file_link    VARCHAR(1000),
    uploaded_by  VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    locked       BOOLEAN       NOT NULL,
    CONSTRAINT uq_asset_version_number UNIQUE (asset_id, number)
);

-- The approval record: who decided what, at which stage, about which version (none for a brief).
CREATE TABLE decision (
    id           VARCHAR(36)   PRIMARY KEY,
    asset_id     VARCHAR(36)   NOT NULL REFERENCES asset (id),
    version_id   VARCHAR(36)   REFERENCES asset_version (id),
    stage        VARCHAR(30)   NOT NULL,
    decision     VARCHAR(30)   NOT NULL,
    comment      VARCHAR(4000),
    decided_by   VARCHAR(64)   NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    task_id      VARCHAR(64)   NOT NULL UNIQUE
);
CREATE INDEX idx_decision_version ON decision (version_id, stage);

-- Outbox: written in the transaction of the event that causes it; a dispatcher sends it later.
CREATE TABLE notification (
    id               VARCHAR(36)   PRIMARY KEY,
    idempotency_key  VARCHAR(300)  NOT NULL UNIQUE,
    event            VARCHAR(40)   NOT NULL,
    recipient        VARCHAR(64)   NOT NULL,
    channel          VARCHAR(20)   NOT NULL,
    asset_id         VARCHAR(36)   REFERENCES asset (id),
    version_id       VARCHAR(36),
    subject          VARCHAR(300)  NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    last_error       VARCHAR(2000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_notification_status ON notification (status, created_at);
