package io.greenlight.review.room;

import java.time.OffsetDateTime;
import java.util.List;

import io.greenlight.approval.DecisionRecord;
import io.greenlight.approval.change.ReviewStageView;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetVersion;
import io.greenlight.asset.VersionStatus;
import io.greenlight.production.ReviewDecisionService.DecisionChance;
import io.greenlight.project.Client;
import io.greenlight.project.Project;
import io.greenlight.project.ProjectRole;

/**
 * Everything the review room shows about one version, in one answer: the work, where it
 * sits in its stack, its review stages and decisions, whether the reader can decide, and
 * whom they can mention.
 *
 * @param fileUrl where the version's file streams from, or {@code null} when the version
 * has no stored file (described, or linked elsewhere)
 * @param superseded whether a later version of the same variant exists
 * @param latestVersionId the latest version of this variant
 * @param previousVersionId the version before in the same variant, for comparing
 * @param stack every version of the asset, oldest first
 * @param stages the review stages of this version, oldest first
 * @param decisions the decisions on this version, oldest first
 */
public record ReviewRoom(Person me, AssetVersion version, Asset asset, Project project, Client client, String fileUrl,
		boolean superseded, String latestVersionId, String previousVersionId, List<StackEntry> stack,
		List<ReviewStageView> stages, List<DecisionRecord> decisions, DecisionChance myReview, List<Person> members) {

	/** The review room of a version: the path on this server people open and share. */
	public static String path(String versionId) {
		return "/review/" + versionId;
	}

	/** A signed-in user or a project member, with the name people know them by. */
	public record Person(String id, String name, ProjectRole role) {
	}

	/**
	 * One version in the stack.
	 *
	 * @param current whether it is the version the room shows
	 * @param latest whether it is the latest of its variant
	 */
	public record StackEntry(String id, int number, String variant, VersionStatus status, OffsetDateTime createdAt,
			String fileName, String mediaType, boolean current, boolean latest) {
	}

}
