package io.greenlight.production.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's name says the step, the asset, the version and the production's reference, and
 * fits the 255 characters the engine keeps, however long the title.
 */
class AssetTaskNameTests {

	@Test
	void aTaskIsNamedAfterItsStepAssetVersionAndReference() {
		assertThat(AssetTaskListener.name("Internal review", "Summer spot", " v2", "ACME-SUMMER-0042"))
			.isEqualTo("Internal review: Summer spot v2 (ACME-SUMMER-0042)");
		assertThat(AssetTaskListener.name("Approve brief", "Summer spot", "", "ACME-SUMMER-0042"))
			.isEqualTo("Approve brief: Summer spot (ACME-SUMMER-0042)");
	}

	@Test
	void aLongTitleIsShortenedSoThatTheVersionAndReferenceStay() {
		String title = "A".repeat(200);
		String reference = "A-PROJECT-CODE-OF-FORTY-CHARACTERS-LONG-X-0042";

		String name = AssetTaskListener.name("Resolve conflicting feedback", title, " v12", reference);

		assertThat(name).hasSize(255)
			.startsWith("Resolve conflicting feedback: AAA")
			.endsWith("A… v12 (" + reference + ")");
	}

}
