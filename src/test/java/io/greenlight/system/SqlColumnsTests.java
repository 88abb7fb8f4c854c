package io.greenlight.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlColumnsTests {

	@Test
	void snakeCaseColumnsAreLabelledWithTheirRecordComponentsName() {
		assertThat(SqlColumns.labelled("id, project_id, created_at", ""))
			.isEqualTo("id, project_id AS projectId, created_at AS createdAt");
		assertThat(SqlColumns.labelled("id,  approved_version_id", "a."))
			.isEqualTo("a.id, a.approved_version_id AS approvedVersionId");
	}

}
