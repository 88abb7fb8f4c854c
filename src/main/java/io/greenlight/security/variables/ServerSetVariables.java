package io.greenlight.security.variables;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import io.greenlight.approval.process.StakeholderReviewProcess;
import io.greenlight.production.process.CreativeProductionProcess;

/**
 * The variable names only Greenlight sets, in every process the engine runs: who acts,
 * which asset, version and stage a step is about, who reviews, routing facts and what
 * forms show. Each process's constants class lists its own ({@code Var.SERVER_SET}); this
 * is their union, the one list {@link CallerCommandGuard} refuses from callers and
 * {@code docs/workflows.md} shows workflow authors.
 */
public final class ServerSetVariables {

	private static final SortedSet<String> NAMES = union(
			List.of(CreativeProductionProcess.Var.SERVER_SET, StakeholderReviewProcess.Var.SERVER_SET));

	private ServerSetVariables() {
	}

	/** Every server-set name, sorted. */
	public static SortedSet<String> names() {
		return NAMES;
	}

	/** The server-set names among these, sorted. */
	static SortedSet<String> among(Collection<String> names) {
		SortedSet<String> found = new TreeSet<>(names);
		found.retainAll(NAMES);
		return found;
	}

	private static SortedSet<String> union(List<List<String>> lists) {
		SortedSet<String> names = new TreeSet<>();
		lists.forEach(names::addAll);
		return Collections.unmodifiableSortedSet(names);
	}

}
