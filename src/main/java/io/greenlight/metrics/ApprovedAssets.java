package io.greenlight.metrics;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Metrics of the assets approved in the period (see {@link Sql#approvedAssets}): how many
 * versions they took, how many passed the first time, how many a week.
 */
@Repository
@Transactional(readOnly = true)
class ApprovedAssets {

	private static final String APPROVAL = "('APPROVED', 'APPROVED_WITH_CHANGES')";

	private final JdbcClient jdbc;

	ApprovedAssets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many versions the approved assets took: overall, by count, by client. */
	RevisionRounds revisionRounds(MetricsFilter filter) {
		RevisionRounds.Summary summary = this.jdbc
			.sql("SELECT COUNT(*) AS n, AVG(CAST(versions AS DOUBLE PRECISION)) AS avg_versions, "
					+ "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY versions) AS median_versions, "
					+ "MAX(versions) AS max_versions FROM " + Sql.approvedAssets(filter))
			.params(filter.parameters())
			.query((rs, row) -> RevisionRounds.Summary.of(rs.getLong("n"), (Number) rs.getObject("avg_versions"),
					(Number) rs.getObject("median_versions"), (Number) rs.getObject("max_versions")))
			.single();
		List<RevisionRounds.Bucket> distribution = this.jdbc
			.sql("SELECT versions, COUNT(*) AS n FROM " + Sql.approvedAssets(filter)
					+ " GROUP BY versions ORDER BY versions")
			.params(filter.parameters())
			.query((rs, row) -> new RevisionRounds.Bucket(rs.getInt("versions"), rs.getInt("versions") - 1,
					rs.getLong("n")))
			.list();
		List<RevisionRounds.ClientRounds> byClient = this.jdbc.sql("SELECT c.id, c.name, COUNT(*) AS n, "
				+ "AVG(CAST(approved.versions AS DOUBLE PRECISION)) AS avg_versions FROM " + Sql.approvedAssets(filter)
				+ " " + "JOIN project p ON p.id = approved.project_id JOIN client c ON c.id = p.client_id "
				+ "GROUP BY c.id, c.name ORDER BY c.name, c.id")
			.params(filter.parameters())
			.query((rs, row) -> new RevisionRounds.ClientRounds(rs.getString("id"), rs.getString("name"),
					rs.getLong("n"), RevisionRounds.round(rs.getDouble("avg_versions")),
					RevisionRounds.round(rs.getDouble("avg_versions") - 1)))
			.list();
		return new RevisionRounds(filter.period(), summary, distribution, byClient);
	}

	/**
	 * Of the assets approved in the period: how many were approved at version 1, and per
	 * review stage, how many passed it the first time they reached it.
	 */
	FirstPass firstPass(MetricsFilter filter) {
		FirstPass.Rate overall = this.jdbc
			.sql("SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN versions = 1 THEN 1 ELSE 0 END), 0) AS passed " + "FROM "
					+ Sql.approvedAssets(filter))
			.params(filter.parameters())
			.query((rs, row) -> FirstPass.Rate.of(null, rs.getLong("n"), rs.getLong("passed")))
			.single();
		List<FirstPass.Rate> stages = this.jdbc
			.sql("SELECT stage, COUNT(*) AS n, SUM(CASE WHEN outcome IN " + APPROVAL
					+ " THEN 1 ELSE 0 END) AS passed FROM (SELECT s.stage, s.outcome, ROW_NUMBER() OVER "
					+ "(PARTITION BY s.asset_id, s.stage ORDER BY s.opened_at, s.id) AS nth FROM review_stage s "
					+ "WHERE s.outcome IS NOT NULL AND s.asset_id IN (SELECT approved.id FROM "
					+ Sql.approvedAssets(filter) + ")) firsts " + "WHERE nth = 1 GROUP BY stage ORDER BY stage DESC")
			.params(filter.parameters())
			.query((rs, row) -> FirstPass.Rate.of(rs.getString("stage"), rs.getLong("n"), rs.getLong("passed")))
			.list();
		return new FirstPass(filter.period(), overall.assets(), overall.firstPass(), overall.rate(), stages);
	}

	/** Assets approved (and delivered) per ISO week, weeks without any listed as zero. */
	Throughput throughput(MetricsFilter filter) {
		List<Throughput.Week> counted = this.jdbc
			.sql("SELECT week, COUNT(*) AS approved, "
					+ "SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END) AS delivered FROM (SELECT "
					+ Sql.isoWeekIndex("approved_at") + " AS week, status FROM " + Sql.approvedAssets(filter)
					+ ") weeks " + "GROUP BY week ORDER BY week")
			.params(filter.parameters())
			.query((rs, row) -> Throughput.Week.of(weekStart(rs.getLong("week")), rs.getLong("approved"),
					rs.getLong("delivered")))
			.list();
		return Throughput.of(filter.period(), counted);
	}

	private static LocalDate weekStart(long weekIndex) {
		return LocalDate.ofEpochDay(Sql.FIRST_MONDAY_EPOCH_SECONDS / 86_400 + 7 * weekIndex);
	}

}
