package io.greenlight.security;

/**
 * The engine groups Greenlight sets up and checks.
 */
public final class Groups {

	/** Design and deploy workflows; Cockpit and Admin. */
	public static final String CREATIVE_OPS = "creative-ops";

	/** Start productions, follow them in Cockpit. */
	public static final String PRODUCERS = "producers";

	public static final String CREATIVES = "creatives";

	public static final String REVIEWERS = "reviewers";

	/** External client reviewers: only their own projects. */
	public static final String CLIENTS = "clients";

	/** Camunda's administrator group: bypasses authorization checks. */
	public static final String CAMUNDA_ADMIN = "camunda-admin";

	private Groups() {
	}

}
