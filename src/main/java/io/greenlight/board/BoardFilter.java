package io.greenlight.board;

/**
 * What the board shows.
 *
 * @param memberId only projects this user is a member of (null: all, for creative-ops)
 * @param clientId only this client's productions, or null
 * @param projectId only this project's, or null
 * @param producer only projects this user is a producer of, or null
 * @param overdue only productions that are overdue
 * @param waitingOn only productions with an open task for this user, or null
 */
record BoardFilter(String memberId, String clientId, String projectId, String producer, boolean overdue,
		String waitingOn) {
}
