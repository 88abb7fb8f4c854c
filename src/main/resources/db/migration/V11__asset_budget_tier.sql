-- How much money is behind a deliverable (LOW, STANDARD, HIGH): the review routing table uses it.
ALTER TABLE asset ADD COLUMN budget_tier VARCHAR(20) DEFAULT 'STANDARD' NOT NULL;
