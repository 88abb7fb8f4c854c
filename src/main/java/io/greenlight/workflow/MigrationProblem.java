package io.greenlight.workflow;

import java.util.List;

/**
 * One entry of the engine's validation report, its messages verbatim. For the plan: the
 * instruction (or activity) and why it cannot be followed; for a running instance: the
 * instance, its production's reference (the business key) and the activity instance the
 * engine cannot move.
 *
 * @param processInstanceId null for a problem of the plan
 * @param businessKey the production's reference, null for a problem of the plan
 * @param activityId the activity the problem is about, if the engine names one
 * @param activityInstanceId the activity (or transition) instance, if the engine names
 * one
 * @param instruction {@code from -> to} when the engine names the instruction
 * @param messages the engine's failures
 */
record MigrationProblem(String processInstanceId, String businessKey, String activityId, String activityInstanceId,
		String instruction, List<String> messages) {

}
