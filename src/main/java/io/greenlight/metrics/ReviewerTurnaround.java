package io.greenlight.metrics;

import java.util.List;

/**
 * How long reviewers take: from the moment their review stage opened to their decision,
 * per reviewer and per client (all reviewers of the client's projects).
 */
record ReviewerTurnaround(MetricsFilter.Period period, List<Reviewer> reviewers, List<Client> clients) {

	record Reviewer(String reviewer, Durations turnaround) {
	}

	record Client(String clientId, String clientName, Durations turnaround) {
	}

}
