package io.greenlight.asset;

import java.time.LocalDate;

/**
 * A brief as it comes in, from the Tasklist start form or the API.
 */
public record NewBrief(String title, String projectCode, AssetType assetType, Channel channel, LocalDate dueDate,
		String description) {
}
