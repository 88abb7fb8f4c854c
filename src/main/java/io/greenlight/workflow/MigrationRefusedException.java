package io.greenlight.workflow;

/**
 * The check found problems, so nothing was migrated; the API answers with the report.
 */
class MigrationRefusedException extends RuntimeException {

	private final transient MigrationCheck check;

	MigrationRefusedException(MigrationCheck check) {
		super("Nothing was migrated: the engine reports " + check.problems().size()
				+ ((check.problems().size() == 1) ? " problem" : " problems") + " moving the running instances of "
				+ check.key() + " from version " + check.fromVersion() + " to version " + check.toVersion()
				+ " (see problems). Change the new version so that every waiting instance has an activity to move "
				+ "to, or let those instances finish first, then try again.");
		this.check = check;
	}

	MigrationCheck check() {
		return this.check;
	}

}
