package io.greenlight.production;

import java.util.ArrayList;
import java.util.List;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.notification.NotificationService;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;

import org.springframework.stereotype.Service;

/**
 * Decides who hears about what happens to a production, and queues it in the outbox.
 */
@Service
public class ProductionNotifier {

	private final AssetService assets;

	private final ProjectRepository projects;

	private final NotificationService notifications;

	ProductionNotifier(AssetService assets, ProjectRepository projects, NotificationService notifications) {
		this.assets = assets;
		this.projects = projects;
		this.notifications = notifications;
	}

	/** A review task was created for these users. */
	public void reviewRequested(String taskId, String taskName, List<String> reviewers, String assetId,
			String versionId) {
		this.notifications.queue(NotificationEvent.REVIEW_REQUESTED, taskId, reviewers, assetId, versionId,
				"Please review: " + taskName);
	}

	/**
	 * A production event: brief returned (to the requester), changes requested (to the
	 * creative who made the version and the producers), asset delivered (to the
	 * requester, the producers and the client reviewers).
	 */
	public void notify(NotificationEvent event, String assetId, String versionId) {
		Asset asset = this.assets.get(assetId);
		List<String> recipients = new ArrayList<>();
		String subject;
		switch (event) {
			case BRIEF_RETURNED -> {
				recipients.add(asset.requestedBy());
				subject = "Brief returned: " + asset.title();
			}
			case CHANGES_REQUESTED -> {
				recipients.add(this.assets.version(versionId).uploadedBy());
				recipients.addAll(this.projects.members(asset.projectId(), ProjectRole.PRODUCER));
				subject = "Changes requested: " + asset.title() + " v" + this.assets.version(versionId).number();
			}
			case ASSET_DELIVERED -> {
				recipients.add(asset.requestedBy());
				recipients.addAll(this.projects.members(asset.projectId(), ProjectRole.PRODUCER));
				recipients.addAll(this.projects.members(asset.projectId(), ProjectRole.CLIENT_REVIEWER));
				subject = "Delivered: " + asset.title() + " v" + this.assets.version(versionId).number();
			}
			default -> throw new IllegalArgumentException("Not a production event: " + event);
		}
		String occurrence = (versionId != null) ? versionId : assetId;
		this.notifications.queue(event, occurrence, recipients, assetId, versionId, subject);
	}

}
