package io.greenlight.production;

import java.util.Set;

import io.greenlight.approval.process.StakeholderReviewProcess;
import io.greenlight.asset.ReviewQueue;

import org.springframework.stereotype.Component;

/**
 * "Awaiting my review": the review tasks of the stakeholder review process, which every
 * workflow's review stages call.
 */
@Component
class EngineReviewQueue implements ReviewQueue {

	@Override
	public Set<String> reviewTaskKeys() {
		return Set.copyOf(StakeholderReviewProcess.REVIEW_TASKS);
	}

}
