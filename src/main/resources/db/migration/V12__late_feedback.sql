-- Feedback that arrives after its review stage settled: kept, marked late, never counted.
ALTER TABLE decision ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
