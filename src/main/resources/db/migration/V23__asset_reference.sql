-- People-readable references (issue 13): every production gets <project code>-<number>,
-- numbered per project (ACME-SUMMER-0042), something one can say on the phone. It becomes
-- the production's business key; the UUID stays the internal id.

-- The last number handed out in the project. Taking the next one updates this row, so two
-- productions started at once in one project wait for each other instead of sharing a number.
ALTER TABLE project ADD COLUMN asset_count INTEGER DEFAULT 0 NOT NULL;

ALTER TABLE asset ADD COLUMN reference VARCHAR(60);

-- Assets from before: numbered in the order they were created (a correlated count, so that
-- the statements run on both H2 and PostgreSQL). The number stays, unique per project, as the
-- guard that no two productions of a project ever share one.
ALTER TABLE asset ADD COLUMN project_number INTEGER;
UPDATE asset SET project_number = (
    SELECT COUNT(*) FROM asset b
    WHERE b.project_id = asset.project_id
      AND (b.created_at < asset.created_at OR (b.created_at = asset.created_at AND b.id <= asset.id)));
UPDATE asset SET reference = (SELECT p.code FROM project p WHERE p.id = asset.project_id) || '-'
    || CASE WHEN project_number < 10000 THEN LPAD(CAST(project_number AS VARCHAR(12)), 4, '0')
            ELSE CAST(project_number AS VARCHAR(12)) END;

UPDATE project SET asset_count = (SELECT COUNT(*) FROM asset WHERE asset.project_id = project.id);

ALTER TABLE asset ALTER COLUMN reference SET NOT NULL;
ALTER TABLE asset ALTER COLUMN project_number SET NOT NULL;
CREATE UNIQUE INDEX uq_asset_reference ON asset (reference);
CREATE UNIQUE INDEX uq_asset_project_number ON asset (project_id, project_number);
