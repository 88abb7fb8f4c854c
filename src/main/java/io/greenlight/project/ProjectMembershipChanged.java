package io.greenlight.project;

/**
 * A project was created, or someone joined or left it: published by
 * {@link ProjectRepository} in the transaction of the change, whoever wrote it, so the
 * project's engine tenant ({@link ProjectTenants}) follows in the same transaction.
 *
 * @param project the project
 * @param userId who joined or left; {@code null} when the project was created
 * @param joined whether they joined (or the project was created) rather than left
 */
record ProjectMembershipChanged(Project project, String userId, boolean joined) {

}
