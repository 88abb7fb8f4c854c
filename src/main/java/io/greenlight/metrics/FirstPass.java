package io.greenlight.metrics;

import java.util.List;

/**
 * First-pass approval: of the assets approved in the period, the share approved at
 * version 1, and per review stage the share that passed the stage the first time they
 * reached it (a share of 0..1, null when no asset counts).
 */
record FirstPass(MetricsFilter.Period period, long approvedAssets, long firstPassAssets, Double firstPassRate,
		List<Rate> stages) {

	/**
	 * @param stage INTERNAL_REVIEW or CLIENT_REVIEW; null for the assets as a whole
	 * @param assets approved assets that reached the stage
	 * @param firstPass of those, how many passed it the first time
	 */
	record Rate(String stage, long assets, long firstPass, Double rate) {

		static Rate of(String stage, long assets, long firstPass) {
			return new Rate(stage, assets, firstPass,
					(assets > 0) ? RevisionRounds.round((double) firstPass / assets) : null);
		}

	}

}
