package io.greenlight.workflow;

/**
 * Which version's running instances should move to which version.
 */
record MigrationRequest(Integer fromVersion, Integer toVersion) {
}
