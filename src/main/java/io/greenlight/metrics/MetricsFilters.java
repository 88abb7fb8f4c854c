package io.greenlight.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import io.greenlight.asset.AssetType;
import io.greenlight.security.CurrentUser;
import io.greenlight.system.ForbiddenException;
import io.greenlight.system.InvalidRequestException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a request's parameters and the signed-in user into a {@link MetricsFilter}, or
 * refuses: 400 for values that cannot be used, 403 for who may not see metrics.
 * Creative-ops see every project; a producer sees only the projects they are a producer
 * of, so the numbers are computed over those alone; nobody else sees metrics.
 */
@Component
class MetricsFilters {

	/** The default period: the last 30 days, today included. */
	static final int DEFAULT_DAYS = 30;

	static final int MAX_YEARS = 2;

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	MetricsFilters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	MetricsFilter of(MetricsRequest request, CurrentUser user) {
		String producer = user.seesAllProjects() ? null : producer(user.id(), blankToNull(request.projectId()));
		LocalDate today = LocalDate.now(this.clock);
		LocalDate to = date("to", request.to());
		LocalDate from = date("from", request.from());
		if (to == null) {
			to = (from != null && from.isAfter(today)) ? from : today;
		}
		if (from == null) {
			from = to.minusDays(DEFAULT_DAYS - 1);
		}
		if (from.isAfter(to)) {
			throw new InvalidRequestException(
					"The period starts after it ends: from " + from + " is after to " + to + ". Swap them.");
		}
		if (to.isAfter(from.plusYears(MAX_YEARS))) {
			throw new InvalidRequestException("The period from " + from + " to " + to + " is longer than " + MAX_YEARS
					+ " years: ask for " + MAX_YEARS + " years or less at a time.");
		}
		return new MetricsFilter(from, to, blankToNull(request.projectId()), blankToNull(request.clientId()),
				assetType(request.assetType()), producer);
	}

	/** The user as a producer whose projects alone count, or 403. */
	private String producer(String userId, String projectId) {
		long projects = this.jdbc
			.sql("SELECT COUNT(*) FROM project_member WHERE user_id = ? AND role = 'PRODUCER'"
					+ ((projectId != null) ? " AND project_id = ?" : ""))
			.params((projectId != null) ? new Object[] { userId, projectId } : new Object[] { userId })
			.query(Long.class)
			.single();
		if (projects > 0) {
			return userId;
		}
		if (projectId != null && isProducer(userId)) {
			throw new ForbiddenException("You see the metrics of the projects you are a producer of, and project "
					+ projectId + " is not one of them: leave projectId out to see all of yours.");
		}
		throw new ForbiddenException("Metrics are for creative-ops and for producers of a project: "
				+ "ask creative-ops for the figures, or a project's producer to add you as a producer.");
	}

	private boolean isProducer(String userId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM project_member WHERE user_id = ? AND role = 'PRODUCER'")
			.param(userId)
			.query(Long.class)
			.single() > 0;
	}

	private static LocalDate date(String name, String value) {
		if (blankToNull(value) == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidRequestException(
					"Invalid value '" + value + "' for " + name + ": use a date like 2026-11-30 (year-month-day).");
		}
	}

	private static AssetType assetType(String value) {
		if (blankToNull(value) == null) {
			return null;
		}
		try {
			return AssetType.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("Invalid value '" + value + "' for assetType: use one of "
					+ Arrays.toString(AssetType.values()) + ".");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
