package io.greenlight.asset;

import java.util.Set;

/**
 * Which productions wait for a user's review. Implemented where the review process is
 * known.
 */
public interface ReviewQueue {

	/**
	 * @return the process instance ids of productions with an open review task assigned
	 * to the user
	 */
	Set<String> awaitingReviewBy(String userId);

}
