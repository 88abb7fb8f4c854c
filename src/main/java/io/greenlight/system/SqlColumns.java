package io.greenlight.system;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A select list whose snake_case columns carry their record component's name as label
 * ({@code project_id AS projectId}). Spring's row mapper for records looks a component up
 * by its own name first and, failing that, by the underscored name: the miss costs an
 * SQLException per column and row (with PostgreSQL's driver translating its message),
 * about 0.2 ms for each asset of a page of 50. Labelled, the first lookup finds it (the
 * drivers match labels case-insensitively).
 */
public final class SqlColumns {

	private SqlColumns() {
	}

	/**
	 * @param columns the columns, comma and space separated
	 * @param prefix put before each column (a table alias and its dot), or empty
	 */
	public static String labelled(String columns, String prefix) {
		return Arrays.stream(columns.split(",\\s*"))
			.map(String::strip)
			.map(column -> prefix + column + (column.contains("_") ? " AS " + camel(column) : ""))
			.collect(Collectors.joining(", "));
	}

	private static String camel(String column) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
