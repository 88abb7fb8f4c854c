package io.greenlight.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How many versions the assets approved in the period took (a revision round is a version
 * after the first: rounds = versions − 1).
 */
record RevisionRounds(MetricsFilter.Period period, Summary summary, List<Bucket> distribution,
		List<ClientRounds> byClient) {

	/**
	 * @param approvedAssets assets approved in the period
	 * @param averageVersions versions per approved asset, on average (null: none
	 * approved)
	 */
	record Summary(long approvedAssets, Double averageVersions, Double averageRevisionRounds, Double medianVersions,
			Integer maxVersions) {

		static Summary of(long approved, Number average, Number median, Number max) {
			return new Summary(approved, (average != null) ? round(average.doubleValue()) : null,
					(average != null) ? round(average.doubleValue() - 1) : null,
					(median != null) ? round(median.doubleValue()) : null, (max != null) ? max.intValue() : null);
		}

	}

	/** How many approved assets took this many versions. */
	record Bucket(int versions, int revisionRounds, long assets) {
	}

	record ClientRounds(String clientId, String clientName, long approvedAssets, double averageVersions,
			double averageRevisionRounds) {
	}

	static double round(double value) {
		return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

}
