package io.greenlight.notification;

import java.net.URI;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.review.room.ReviewRoom;
import io.greenlight.system.GreenlightProperties;

import org.springframework.stereotype.Component;

/**
 * Links in notifications, starting with {@code greenlight.base-url}: where users reach
 * this server.
 */
@Component
class Links {

	private final String baseUrl;

	private final AssetService assets;

	Links(GreenlightProperties properties, AssetService assets) {
		this.assets = assets;
		String base = (properties.baseUrl() != null) ? properties.baseUrl() : "http://localhost:8080";
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

	/** The task, opened in Tasklist. */
	String task(String taskId) {
		return (taskId != null) ? tasklist() + "#/?task=" + taskId : null;
	}

	/** Tasklist, for notifications about no single task. */
	String tasklist() {
		return this.baseUrl + "/camunda/app/tasklist/default/";
	}

	/**
	 * The production's page (its versions, timeline and decisions), by the reference
	 * people share.
	 */
	String asset(String assetId) {
		return assetPage(reference(assetId));
	}

	/** The production's page by its reference, or null for none. */
	String assetPage(String reference) {
		return (reference != null) ? this.baseUrl + "/assets/" + reference : null;
	}

	/** The production's reference (ACME-SUMMER-0042), or null for no asset. */
	String reference(String assetId) {
		return (assetId != null) ? this.assets.find(assetId).map(Asset::reference).orElse(null) : null;
	}

	/** The version's review room: the work, its comments and the decision. */
	String reviewRoom(String versionId) {
		return (versionId != null) ? this.baseUrl + reviewRoomPath(versionId) : null;
	}

	/** The review room's path on this server, for links inside Greenlight. */
	static String reviewRoomPath(String versionId) {
		return (versionId != null) ? ReviewRoom.path(versionId) : null;
	}

	/** The version's file. */
	String versionFile(String versionId) {
		return (versionId != null) ? this.baseUrl + "/api/versions/" + versionId + "/file" : null;
	}

	/** The host part of the base URL, the right-hand side of Message-IDs. */
	String host() {
		String host = URI.create(this.baseUrl).getHost();
		return (host != null) ? host : "greenlight.localhost";
	}

}
