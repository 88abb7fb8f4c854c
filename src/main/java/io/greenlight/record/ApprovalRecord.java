package io.greenlight.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an agency sends a client as proof of what they signed off: the asset, its versions
 * with their checksums, the review stages and every decision, the changes to who
 * reviewed, and the final approval. Put together once per request and rendered as PDF and
 * as CSV, so both say the same.
 *
 * @param finalApproval the approved version, or {@code null} when none is approved yet
 * @param generatedAt when the record was put together
 * @param generatedBy who asked for it
 */
record ApprovalRecord(Subject asset, List<Version> versions, List<Stage> stages, List<Decision> decisions,
		List<Change> changes, FinalApproval finalApproval, OffsetDateTime generatedAt, Person generatedBy) {

	/** A user by the name people know them by, and their id (names are not unique). */
	record Person(String id, String name) {

		String label() {
			return (this.name == null || this.name.equals(this.id)) ? this.id : this.name + " (" + this.id + ")";
		}

	}

	/**
	 * The asset's facts.
	 *
	 * @param reference what people call the production (ACME-SUMMER-0042)
	 * @param productionId the production process instance the asset is the business key
	 * of
	 */
	record Subject(String id, String reference, String title, String projectCode, String projectName, String client,
			String type, String channel, LocalDate dueDate, String status, String productionId) {
	}

	/**
	 * One version in the stack.
	 *
	 * @param label "v2", or "v2 (30s cut)" for a variant
	 * @param fileName the uploaded file's name, or the link a version was described by
	 * @param status current, superseded or approved
	 */
	record Version(String id, String label, String fileName, String mediaType, Long sizeBytes, String sha256,
			Person uploadedBy, OffsetDateTime uploadedAt, String status, boolean locked) {
	}

	/**
	 * One review stage of one version.
	 *
	 * @param rule the decision rule in words
	 * @param ranWith which deployed versions of the review process and routing table the
	 * stage ran with, in words; {@code null} for stages from before they were recorded
	 * @param outcome how it ended, {@code null} while it runs
	 * @param resolvedBy the producer who resolved conflicting feedback, {@code null} when
	 * the rule settled it
	 */
	record Stage(String id, String name, String version, String rule, String ranWith, List<Person> reviewers,
			OffsetDateTime openedAt, OffsetDateTime dueAt, String outcome, OffsetDateTime settledAt, Person resolvedBy,
			String resolutionComment) {
	}

	/**
	 * One decision, on a version or (stage "Brief", no version) on the brief.
	 *
	 * @param late given after its stage had settled without it: kept, not counted
	 */
	record Decision(Person who, OffsetDateTime when, String version, String stage, String decision, String comment,
			boolean late) {
	}

	/**
	 * A producer's change to who reviews a running stage.
	 *
	 * @param kind "added", "removed" or "delegated"
	 * @param delegatedTo who took the review over, for "delegated"
	 */
	record Change(OffsetDateTime when, String kind, String stage, String version, Person reviewer, Person delegatedTo,
			String reason, Person by) {
	}

	/**
	 * The version the asset was approved in.
	 *
	 * @param when when the deciding stage settled, {@code null} if no approving stage is
	 * on record
	 * @param stage the stage whose outcome approved it
	 * @param approvedBy whose approvals in that stage settled it
	 */
	record FinalApproval(String version, String fileName, String sha256, OffsetDateTime when, String stage,
			List<Person> approvedBy) {
	}

}
