package io.greenlight.metrics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import io.greenlight.asset.AssetType;

/**
 * What a metric is computed over: a period of whole days in UTC, optionally one project,
 * one client or one asset type, and, for a producer, only the projects they are a
 * producer of.
 *
 * @param from first day of the period (inclusive)
 * @param to last day of the period (inclusive)
 * @param producer the producer whose projects alone count; null: every project
 * (creative-ops)
 */
record MetricsFilter(LocalDate from, LocalDate to, String projectId, String clientId, AssetType assetType,
		String producer) {

	/** The period's first instant: {@code from} at 00:00 UTC. */
	OffsetDateTime start() {
		return this.from.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	/**
	 * The instant after the period: the day after {@code to} at 00:00 UTC (exclusive).
	 */
	OffsetDateTime end() {
		return this.to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
	}

	/**
	 * The conditions on the asset aliased {@code a} (project, client, asset type,
	 * producer's projects) as {@code AND …} clauses with named parameters; empty when
	 * nothing narrows. Built from the filters present, so no query compares a parameter
	 * with NULL (which PostgreSQL cannot type).
	 */
	String assetConditions() {
		StringBuilder sql = new StringBuilder();
		if (this.projectId != null) {
			sql.append(" AND a.project_id = :projectId");
		}
		if (this.clientId != null) {
			sql.append(" AND a.project_id IN (SELECT cp.id FROM project cp WHERE cp.client_id = :clientId)");
		}
		if (this.assetType != null) {
			sql.append(" AND a.asset_type = :assetType");
		}
		if (this.producer != null) {
			sql.append(" AND a.project_id IN (SELECT pm.project_id FROM project_member pm ")
				.append("WHERE pm.user_id = :producer AND pm.role = 'PRODUCER')");
		}
		return sql.toString();
	}

	/** The named parameters every metric query may use. */
	Map<String, Object> parameters() {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("start", start());
		parameters.put("end", end());
		parameters.put("projectId", this.projectId);
		parameters.put("clientId", this.clientId);
		parameters.put("assetType", (this.assetType != null) ? this.assetType.name() : null);
		parameters.put("producer", this.producer);
		return parameters;
	}

	/** The period as answers show it. */
	Period period() {
		return new Period(this.from, this.to, "UTC");
	}

	record Period(LocalDate from, LocalDate to, String timeZone) {
	}

}
