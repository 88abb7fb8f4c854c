package io.greenlight.asset;

import io.greenlight.system.Paging;

/**
 * What a list of assets is narrowed to; null fields do not narrow.
 *
 * @param awaitingReview only productions with an open review task assigned to this user
 * @param paging which page of the list
 */
public record AssetFilter(String memberId, String projectId, AssetStatus status, ProductionStage stage,
		AwaitingReview awaitingReview, Paging paging) {

	/**
	 * @param userId whose review
	 */
	public record AwaitingReview(String userId) {
	}

}
