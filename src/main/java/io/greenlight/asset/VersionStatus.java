package io.greenlight.asset;

/**
 * CURRENT is the latest version; a newer one makes it SUPERSEDED; APPROVED is locked.
 */
public enum VersionStatus {

	CURRENT, SUPERSEDED, APPROVED

}
