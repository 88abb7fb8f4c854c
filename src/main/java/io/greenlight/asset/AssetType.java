package io.greenlight.asset;

/**
 * What kind of deliverable an asset is.
 */
public enum AssetType {

	VIDEO, IMAGE, AUDIO, PDF, DOCUMENT, OTHER

}
