-- Which deployed definitions each review stage ran with: the production binds the newest
-- routing table and review process, so a table or process deployed on its own from Camunda
-- Modeler takes effect at the next stage, and the stage records which one it used. Null for
-- stages opened before this was recorded. One column per statement: H2 and PostgreSQL.
ALTER TABLE review_stage ADD COLUMN routing_table_id VARCHAR(64);
ALTER TABLE review_stage ADD COLUMN routing_table_version INTEGER;
ALTER TABLE review_stage ADD COLUMN review_process_version INTEGER;
