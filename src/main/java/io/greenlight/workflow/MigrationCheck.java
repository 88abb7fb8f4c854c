package io.greenlight.workflow;

import java.util.List;

/**
 * What moving a workflow's running instances from one version to another would do: the
 * engine's plan (one instruction per activity that exists in both versions) and every
 * problem the engine reports, for the plan and for each running instance. Valid when
 * there are none.
 *
 * @param instances the running instances of {@code fromVersion}, in every project
 */
record MigrationCheck(String key, int fromVersion, int toVersion, int instances, List<Instruction> instructions,
		boolean valid, List<MigrationProblem> problems) {

	MigrationCheck(String key, int fromVersion, int toVersion, int instances, List<Instruction> instructions,
			List<MigrationProblem> problems) {
		this(key, fromVersion, toVersion, instances, instructions, problems.isEmpty(), problems);
	}

	/** An activity of the old version and the activity of the new one it moves to. */
	record Instruction(String from, String to) {
	}

}
