package io.greenlight.workflow;

import java.time.Instant;
import java.util.List;

/**
 * A workflow (the process definitions of one key that Greenlight shares between all
 * projects) with its deployed versions, newest first.
 *
 * @param key the process id ({@code CreativeProductionProcess})
 * @param name the newest version's name
 * @param versions newest first
 */
record Workflow(String key, String name, List<Version> versions) {

	/**
	 * One deployed version and how many of its instances run now, in every project.
	 */
	record Version(int version, String definitionId, Instant deployedAt, long running) {
	}

}
