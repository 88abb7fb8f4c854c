package io.greenlight.record;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the record words what the server stores as codes: a client reads "Changes
 * requested", not CHANGES_REQUESTED, and every time in one zone that is named.
 */
final class RecordWords {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

	private RecordWords() {
	}

	/** "2026-11-30 06:09:38 UTC"; "" when unknown. */
	static String time(OffsetDateTime time) {
		return (time != null) ? TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC)) : "";
	}

	/** "v2", or "v2 (30s cut)" for a version of a variant. */
	static String version(int number, String variant) {
		return "v" + number + ((variant != null && !variant.isBlank()) ? " (" + variant + ")" : "");
	}

	/** CHANGES_REQUESTED as "Changes requested"; null stays null. */
	static String words(String code) {
		if (code == null || code.isBlank()) {
			return code;
		}
		String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	/**
	 * A stage's decision rule as its name and what it means, e.g. "QUORUM(2): 2 approvals
	 * settle it".
	 * @param primaryReviewer the primary reviewer's label, for PRIMARY
	 */
	/**
	 * "review process v2, routing table v3" ("not routed" for a stage a workflow set up
	 * itself); null when the stage predates recording them.
	 */
	static String ranWith(Integer reviewProcessVersion, Integer routingTableVersion) {
		if (reviewProcessVersion == null) {
			return null;
		}
		return "review process v" + reviewProcessVersion + ", "
				+ ((routingTableVersion != null) ? "routing table v" + routingTableVersion : "not routed");
	}

	static String rule(String rule, Integer quorum, String primaryReviewer) {
		if (rule == null) {
			return "";
		}
		return switch (rule.toUpperCase(Locale.ROOT)) {
			case "ALL" -> "ALL: every reviewer must approve";
			case "ANY" -> "ANY: the first decision settles it";
			case "PRIMARY" -> "PRIMARY: " + primaryReviewer + " decides, the others advise";
			case "QUORUM" -> "QUORUM(" + quorum + "): " + quorum + " approval"
					+ ((quorum != null && quorum == 1) ? "" : "s") + " settle it";
			case "SEQUENTIAL" -> "SEQUENTIAL: one after another, a request for changes stops the chain";
			default -> rule;
		};
	}

	/**
	 * 1536 as "1.5 KB (1536 bytes)": readable, and exact for comparing with the file a
	 * client received.
	 */
	static String size(Long bytes) {
		if (bytes == null) {
			return "";
		}
		if (bytes < 1024) {
			return bytes + " B";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, "%.1f %s (%,d bytes)", value, units[unit], bytes);
	}

}
