package io.greenlight.asset;

import java.util.Set;

/**
 * Which tasks are reviews, for "awaiting my review". Implemented where the review process
 * is known.
 */
public interface ReviewQueue {

	/** The task definition keys of the review process's review tasks. */
	Set<String> reviewTaskKeys();

}
