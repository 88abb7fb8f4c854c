package io.greenlight.production;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.greenlight.approval.ReviewDecision;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.notification.NotificationService;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.security.UserDirectory;

import org.springframework.stereotype.Service;

/**
 * Decides who hears about what happens to a production, and queues it in the outbox (in
 * the transaction of the event).
 */
@Service
public class ProductionNotifier {

	private final AssetService assets;

	private final ProjectRepository projects;

	private final NotificationService notifications;

	private final UserDirectory users;

	ProductionNotifier(AssetService assets, ProjectRepository projects, NotificationService notifications,
			UserDirectory users) {
		this.assets = assets;
		this.projects = projects;
		this.notifications = notifications;
		this.users = users;
	}

	/** A review task was created for these users. */
	public void reviewRequested(String taskId, String taskName, List<String> reviewers, String assetId,
			String versionId) {
		this.notifications.queue(NotificationEvent.REVIEW_REQUESTED, taskId, reviewers, assetId, versionId, taskId,
				"Please review: " + taskName);
	}

	/**
	 * A task was offered to people (Approve brief to the project's producers) or to
	 * groups: the candidate users are asked, and the groups' members who are members of
	 * the asset's project, nobody from other clients' projects.
	 */
	public void taskOffered(String taskId, String taskName, Collection<String> candidateUsers,
			Collection<String> candidateGroups, String assetId, String versionId) {
		Asset asset = this.assets.get(assetId);
		Set<String> recipients = new LinkedHashSet<>(candidateUsers);
		for (String group : candidateGroups) {
			this.users.groupMembers(group)
				.stream()
				.filter(user -> this.projects.isMember(asset.projectId(), user))
				.forEach(recipients::add);
		}
		this.notifications.queue(NotificationEvent.REVIEW_REQUESTED, taskId, recipients, assetId, versionId, taskId,
				"Please decide: " + taskName);
	}

	/**
	 * A reviewer decided: the producers and the creative of the version hear about it.
	 */
	public void decisionMade(String taskId, String reviewer, ReviewDecision decision, String assetId,
			String versionId) {
		Asset asset = this.assets.get(assetId);
		AssetVersion version = this.assets.version(versionId);
		List<String> recipients = new ArrayList<>(this.projects.members(asset.projectId(), ProjectRole.PRODUCER));
		recipients.add(version.uploadedBy());
		recipients.remove(reviewer);
		this.notifications.queue(NotificationEvent.DECISION_MADE, taskId, recipients, assetId, versionId,
				reviewer + " decided " + decision.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
						+ asset.title() + " v" + version.number());
	}

	/**
	 * A production event: brief returned (to the requester), changes requested (to the
	 * creative who made the version and the producers), version uploaded (to the
	 * producers), asset approved (to the requester, the producers and the creative),
	 * asset delivered (to the requester, the producers and the client reviewers).
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
			case VERSION_UPLOADED -> {
				recipients.addAll(this.projects.members(asset.projectId(), ProjectRole.PRODUCER));
				subject = "New version: " + asset.title() + " v" + this.assets.version(versionId).number();
			}
			case ASSET_APPROVED -> {
				recipients.add(asset.requestedBy());
				recipients.addAll(this.projects.members(asset.projectId(), ProjectRole.PRODUCER));
				recipients.add(this.assets.version(versionId).uploadedBy());
				subject = "Approved: " + asset.title() + " v" + this.assets.version(versionId).number();
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
