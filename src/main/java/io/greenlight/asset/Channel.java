package io.greenlight.asset;

/**
 * Where the deliverable will run; routing of reviews depends on it.
 */
public enum Channel {

	WEB, SOCIAL, TV, CINEMA, PRINT, OUT_OF_HOME, RADIO, OTHER

}
