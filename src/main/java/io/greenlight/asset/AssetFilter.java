package io.greenlight.asset;

import java.util.Set;

import io.greenlight.system.Paging;

/**
 * What a list of assets is narrowed to; null fields do not narrow.
 *
 * @param processInstanceIds only these productions (e.g. those awaiting the user's
 * review)
 * @param paging which page of the list
 */
public record AssetFilter(String memberId, String projectId, AssetStatus status, ProductionStage stage,
		Set<String> processInstanceIds, Paging paging) {
}
