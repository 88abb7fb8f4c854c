package io.greenlight.support;

/**
 * The demo profile's users, as the tests sign in.
 */
public final class Users {

	public static final String PASSWORD = "demo";

	public static final String OPS = "ops";

	public static final String PRODUCER = "producer";

	public static final String CREATIVE = "creative";

	public static final String REVIEWER1 = "reviewer1";

	public static final String REVIEWER2 = "reviewer2";

	public static final String REVIEWER3 = "reviewer3";

	public static final String CLIENT = "client";

	private Users() {
	}

}
