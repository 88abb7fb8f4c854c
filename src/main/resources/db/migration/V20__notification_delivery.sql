-- Delivery of the notification outbox (issue 5): retries with back-off, claims with a lease so
-- several server nodes can dispatch from one database, and links for the message.
-- next_attempt_at: not sent before then (back-off after a failure).
-- claimed_by / claimed_until: the dispatcher that is sending it, and until when its claim holds;
--   a node that dies mid-send leaves a claim that expires, and another node sends it again.
-- task_id: the task the notification is about (a link to it in Tasklist), when there is one.
-- detail: what the message lists (a digest's tasks, a webhook's recipients), as JSON.
ALTER TABLE notification ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE notification ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN task_id VARCHAR(64);
ALTER TABLE notification ADD COLUMN detail VARCHAR(10000);
UPDATE notification SET next_attempt_at = created_at;
ALTER TABLE notification ALTER COLUMN next_attempt_at SET NOT NULL;
CREATE INDEX idx_notification_due ON notification (status, next_attempt_at);
CREATE INDEX idx_notification_asset ON notification (asset_id, created_at);
CREATE INDEX idx_notification_recipient ON notification (recipient, created_at);

-- The in-app feed: written with the event, so it needs no dispatcher; read_at marks it read.
CREATE TABLE notification_feed (
    id               VARCHAR(36)   PRIMARY KEY,
    idempotency_key  VARCHAR(300)  NOT NULL UNIQUE,
    recipient        VARCHAR(64)   NOT NULL,
    event            VARCHAR(40)   NOT NULL,
    asset_id         VARCHAR(36)   REFERENCES asset (id),
    version_id       VARCHAR(36),
    task_id          VARCHAR(64),
    subject          VARCHAR(300)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_feed_recipient ON notification_feed (recipient, created_at);

-- Per user: which event on which channel. No row means the default: on.
CREATE TABLE notification_preference (
    user_id   VARCHAR(64)  NOT NULL,
    event     VARCHAR(40)  NOT NULL,
    channel   VARCHAR(20)  NOT NULL,
    enabled   BOOLEAN      NOT NULL,
    PRIMARY KEY (user_id, event, channel)
);

-- Per user: one daily digest email instead of one email per review request, reminder, escalation.
CREATE TABLE notification_setting (
    user_id       VARCHAR(64)  PRIMARY KEY,
    daily_digest  BOOLEAN      NOT NULL
);

-- A project's webhook: these events, POSTed to url, signed with secret (HMAC-SHA256).
-- format: JSON (Greenlight's payload) or SLACK (an incoming-webhook message).
CREATE TABLE webhook_subscription (
    id          VARCHAR(36)    PRIMARY KEY,
    project_id  VARCHAR(36)    NOT NULL REFERENCES project (id),
    url         VARCHAR(1000)  NOT NULL,
    secret      VARCHAR(200)   NOT NULL,
    format      VARCHAR(20)    NOT NULL,
    events      VARCHAR(1000)  NOT NULL,
    created_by  VARCHAR(64)    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_webhook_project ON webhook_subscription (project_id);
