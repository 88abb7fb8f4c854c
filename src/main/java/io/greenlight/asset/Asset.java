package io.greenlight.asset;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * A deliverable and its production record. {@code reference} is what people say and share
 * ({@code ACME-SUMMER-0042}: project code and number within the project) and the
 * production's business key; {@code id} is the internal id every table refers to.
 */
public record Asset(String id, String reference, String projectId, String title, AssetType assetType, Channel channel,
		LocalDate dueDate, String brief, ProductionStage stage, AssetStatus status, int revisionRound,
		String processInstanceId, String requestedBy, String approvedVersionId, OffsetDateTime createdAt,
		OffsetDateTime updatedAt) {

	/**
	 * The business keys this asset's production may carry: its reference, or its id for a
	 * production started before references existed (the engine's rows keep the key they
	 * were started with).
	 */
	public String[] businessKeys() {
		return new String[] { this.reference, this.id };
	}

	/** The reference for a project's n-th production: ACME-SUMMER-0042. */
	public static String reference(String projectCode, int projectNumber) {
		return projectCode + "-" + String.format(Locale.ROOT, "%04d", projectNumber);
	}

}
