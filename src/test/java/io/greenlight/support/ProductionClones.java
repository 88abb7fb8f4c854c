package io.greenlight.support;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies of a production that waits in a review stage, made with SQL, for tests and
 * benchmarks that need thousands of open review tasks: driving each production through
 * the engine takes a quarter of a second or more, a copy a fraction of a millisecond.
 * <p>
 * The template is a real production, driven through the engine. A copy gets every engine
 * row that the task lists read (executions of the production and of its review stage,
 * tasks, their identity links and authorizations) and Greenlight's asset, version, review
 * stage and review inbox rows, with new ids, a new reference and number in the project,
 * earlier times, and the template's two reviewers replaced by the copy's. Copies are for
 * reading (inboxes, boards, lists): the engine's variables, jobs and history are not
 * copied, so a copied task cannot be completed.
 */
public final class ProductionClones {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	public ProductionClones(JdbcTemplate jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * Reads the rows of a production waiting for its reviewers.
	 * @param assetId the production, whose review tasks are open
	 * @param reviewers its two reviewers, as the copies replace them
	 */
	public Template template(String assetId, String... reviewers) {
		Map<String, Object> asset = this.jdbc.queryForMap("SELECT * FROM asset WHERE id = ?", assetId);
		String root = (String) value(asset, "process_instance_id");
		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		List<Map<String, Object>> executions = this.jdbc
			.queryForList("SELECT * FROM ACT_RU_EXECUTION WHERE ROOT_PROC_INST_ID_ = ?", root);
		rows.put("ACT_RU_EXECUTION", parentsFirst(executions));
		String instances = "SELECT ID_ FROM ACT_RU_EXECUTION WHERE ROOT_PROC_INST_ID_ = ?";
		rows.put("ACT_RU_TASK",
				this.jdbc.queryForList("SELECT * FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (" + instances + ")", root));
		String tasks = "SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (" + instances + ")";
		rows.put("ACT_RU_IDENTITYLINK",
				this.jdbc.queryForList("SELECT * FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IN (" + tasks + ")", root));
		rows.put("ACT_RU_AUTHORIZATION", this.jdbc.queryForList(
				"SELECT * FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ IN (" + tasks + ")",
				root));
		rows.put("asset", List.of(asset));
		rows.put("asset_version", this.jdbc.queryForList("SELECT * FROM asset_version WHERE asset_id = ?", assetId));
		rows.put("review_stage", this.jdbc.queryForList("SELECT * FROM review_stage WHERE asset_id = ?", assetId));
		rows.put("review_inbox", this.jdbc.queryForList("SELECT * FROM review_inbox WHERE asset_id = ?", assetId));
		Set<String> ids = new HashSet<>();
		rows.forEach((table, list) -> list.forEach(row -> {
			Object id = value(row, table.startsWith("ACT_") ? "ID_" : table.equals("review_inbox") ? "task_id" : "id");
			ids.add((String) id);
		}));
		String reference = (String) value(asset, "reference");
		String projectId = (String) value(asset, "project_id");
		return new Template(rows, ids, reference, projectId, List.of(reviewers));
	}

	/**
	 * Writes copies of the template, a thousand per transaction.
	 * @param copies the reviewers of each copy, in the order of the template's reviewers
	 * @return the copies' asset ids
	 */
	public List<String> copy(Template template, List<List<String>> copies) {
		String code = this.jdbc.queryForObject("SELECT code FROM project WHERE id = ?", String.class,
				template.projectId());
		List<String> assets = new ArrayList<>();
		for (int from = 0; from < copies.size(); from += 1000) {
			List<List<String>> chunk = copies.subList(from, Math.min(copies.size(), from + 1000));
			this.transactions.executeWithoutResult(status -> {
				int next = this.jdbc.queryForObject("SELECT asset_count FROM project WHERE id = ?", Integer.class,
						template.projectId());
				Map<String, List<Object[]>> batches = new LinkedHashMap<>();
				Map<String, String> sql = new HashMap<>();
				for (int i = 0; i < chunk.size(); i++) {
					int number = next + 1 + i;
					Copy copy = new Copy(template, "%s-%05d".formatted(code, number), number, chunk.get(i));
					template.rows().forEach((table, list) -> list.forEach(row -> {
						sql.computeIfAbsent(table, t -> insert(t, row));
						batches.computeIfAbsent(table, t -> new ArrayList<>()).add(copy.of(row));
					}));
					assets.add(copy.id((String) value(template.rows().get("asset").get(0), "id")));
				}
				batches.forEach((table, batch) -> this.jdbc.batchUpdate(sql.get(table), batch));
				this.jdbc.update("UPDATE project SET asset_count = ? WHERE id = ?", next + chunk.size(),
						template.projectId());
			});
		}
		return assets;
	}

	private static String insert(String table, Map<String, Object> row) {
		return "INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES ("
				+ String.join(", ", row.keySet().stream().map(column -> "?").toList()) + ")";
	}

	/** Executions in an order the foreign keys accept: each after its parents. */
	private static List<Map<String, Object>> parentsFirst(List<Map<String, Object>> executions) {
		List<Map<String, Object>> ordered = new ArrayList<>();
		Set<Object> placed = new HashSet<>();
		Set<Object> all = new HashSet<>();
		executions.forEach(row -> all.add(value(row, "ID_")));
		while (ordered.size() < executions.size()) {
			for (Map<String, Object> row : executions) {
				Object id = value(row, "ID_");
				if (placed.contains(id)) {
					continue;
				}
				boolean ready = List.of("PARENT_ID_", "SUPER_EXEC_", "PROC_INST_ID_")
					.stream()
					.map(column -> value(row, column))
					.allMatch(parent -> parent == null || parent.equals(id) || !all.contains(parent)
							|| placed.contains(parent));
				if (ready) {
					ordered.add(row);
					placed.add(id);
				}
			}
		}
		return ordered;
	}

	/** A column's value, whatever letter case the database reports its name in. */
	private static Object value(Map<String, Object> row, String column) {
		for (Map.Entry<String, Object> entry : row.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(column)) {
				return entry.getValue();
			}
		}
		throw new IllegalArgumentException("No column " + column + " in " + row.keySet());
	}

	/**
	 * The rows of one production, by table in insert order, with the ids they hold.
	 */
	public record Template(Map<String, List<Map<String, Object>>> rows, Set<String> ids, String reference,
			String projectId, List<String> reviewers) {
	}

	/** What one copy writes for a row of the template. */
	private static final class Copy {

		private final Template template;

		private final String reference;

		private final int number;

		private final List<String> reviewers;

		private final String salt = UUID.randomUUID().toString();

		Copy(Template template, String reference, int number, List<String> reviewers) {
			this.template = template;
			this.reference = reference;
			this.number = number;
			this.reviewers = reviewers;
		}

		String id(String templateId) {
			return UUID.nameUUIDFromBytes((templateId + "/" + this.salt).getBytes()).toString();
		}

		Object[] of(Map<String, Object> row) {
			Object[] values = new Object[row.size()];
			int i = 0;
			for (Map.Entry<String, Object> column : row.entrySet()) {
				values[i++] = value(column.getKey(), column.getValue());
			}
			return values;
		}

		private Object value(String column, Object value) {
			if (column.equalsIgnoreCase("project_number")) {
				return this.number;
			}
			if (value instanceof Timestamp time) {
				// copies are older than the template, each a minute before the next
				return Timestamp.from(time.toInstant().minusSeconds(60L * this.number));
			}
			if (value instanceof OffsetDateTime time) {
				return time.minusMinutes(this.number);
			}
			if (value instanceof String text) {
				return text(text);
			}
			return value;
		}

		private String text(String text) {
			if (this.template.ids().contains(text)) {
				return id(text);
			}
			int reviewer = this.template.reviewers().indexOf(text);
			if (reviewer >= 0) {
				return this.reviewers.get(reviewer);
			}
			if (text.contains(this.template.reference())) {
				return text.replace(this.template.reference(), this.reference);
			}
			if (text.contains(",")) {
				List<String> parts = new ArrayList<>();
				for (String part : text.split(",", -1)) {
					parts.add(text(part));
				}
				return String.join(",", parts);
			}
			return text;
		}

	}

}
