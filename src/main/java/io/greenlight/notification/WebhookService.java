package io.greenlight.notification;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.greenlight.notification.WebhookSubscription.WebhookFormat;
import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.security.CurrentUser;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's webhook subscriptions, managed (and listed, without their secrets) by its
 * producers and by creative-ops. Other project members get 403, outsiders 404. A URL that
 * Greenlight may not call ({@link WebhookDestinations}) is refused with 400 saying why.
 */
@Service
@Transactional
class WebhookService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookSubscriptions subscriptions;

	private final ProjectRepository projects;

	private final WebhookDestinations destinations;

	WebhookService(WebhookSubscriptions subscriptions, ProjectRepository projects, WebhookDestinations destinations) {
		this.subscriptions = subscriptions;
		this.projects = projects;
		this.destinations = destinations;
	}

	/**
	 * @return the subscription and its secret, shown this once
	 */
	CreatedWebhook create(String project, String url, List<String> events, String format, String secret,
			CurrentUser user) {
		Project visible = managed(project, user);
		Set<NotificationEvent> checkedEvents = events(events);
		WebhookFormat checkedFormat = format(format);
		String checkedSecret = secret(secret);
		// last: the URL's check asks DNS, the others only look at the request
		String checkedUrl = url(url);
		WebhookSubscription created = this.subscriptions.create(visible.id(), checkedUrl, checkedSecret, checkedFormat,
				checkedEvents, user.id());
		return new CreatedWebhook(created, checkedSecret);
	}

	/** Managers only: a URL can be a secret of its own (a Slack webhook URL is). */
	List<WebhookSubscription> list(String project, CurrentUser user) {
		return this.subscriptions.ofProject(managed(project, user).id());
	}

	void delete(String project, String id, CurrentUser user) {
		Project visible = managed(project, user);
		WebhookSubscription subscription = this.subscriptions.find(id)
			.filter(found -> found.projectId().equals(visible.id()))
			.orElseThrow(() -> new NotFoundException("No webhook " + id + " in project " + visible.code()));
		this.subscriptions.delete(subscription.id());
	}

	private Project visible(String project, CurrentUser user) {
		Project found = this.projects.findById(project)
			.or(() -> this.projects.findByCode(project))
			.orElseThrow(() -> new NotFoundException("No project " + project + " among yours"));
		if (!user.seesAllProjects() && !this.projects.isMember(found.id(), user.id())) {
			throw new NotFoundException("No project " + project + " among yours");
		}
		return found;
	}

	private Project managed(String project, CurrentUser user) {
		Project found = visible(project, user);
		if (!user.seesAllProjects() && !this.projects.members(found.id(), ProjectRole.PRODUCER).contains(user.id())) {
			throw new ForbiddenException(
					"Only the project's producers and creative-ops manage its webhooks: ask one of them.");
		}
		return found;
	}

	private String url(String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidRequestException("url is required: the http(s) address to POST notifications to.");
		}
		if (url.length() > 1000) {
			throw new InvalidRequestException("url is longer than 1000 characters.");
		}
		try {
			return this.destinations.check(url).uri().toString();
		}
		catch (RefusedDestinationException ex) {
			throw new InvalidRequestException(ex.getMessage());
		}
	}

	private static Set<NotificationEvent> events(List<String> names) {
		if (names == null || names.isEmpty()) {
			throw new InvalidRequestException(
					"events is required: the event types to send, from " + subscribable() + ".");
		}
		Set<NotificationEvent> events = EnumSet.noneOf(NotificationEvent.class);
		for (String name : names) {
			NotificationEvent event = subscribable().stream()
				.filter(candidate -> candidate.name().equalsIgnoreCase(String.valueOf(name)))
				.findFirst()
				.orElseThrow(() -> new InvalidRequestException(
						"Unknown event type '" + name + "': use some of " + subscribable() + "."));
			events.add(event);
		}
		return events;
	}

	private static List<NotificationEvent> subscribable() {
		return EnumSet.complementOf(EnumSet.of(NotificationEvent.DAILY_DIGEST)).stream().toList();
	}

	private static WebhookFormat format(String format) {
		if (format == null || format.isBlank()) {
			return WebhookFormat.JSON;
		}
		try {
			return WebhookFormat.valueOf(format.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"Unknown format '" + format + "': use one of " + List.of(WebhookFormat.values()) + ".");
		}
	}

	private static String secret(String secret) {
		if (secret == null || secret.isBlank()) {
			byte[] bytes = new byte[32];
			RANDOM.nextBytes(bytes);
			return HexFormat.of().formatHex(bytes);
		}
		if (secret.length() < 16 || secret.length() > 200) {
			throw new InvalidRequestException(
					"secret must be 16 to 200 characters long (or leave it out and " + "Greenlight makes one).");
		}
		return secret;
	}

	/** A new subscription with its secret. */
	record CreatedWebhook(WebhookSubscription subscription, String secret) {
	}

}
