package io.greenlight.notification;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * The HTML and plain-text bodies of notification emails, from the Thymeleaf templates in
 * {@code templates/mail/}. The engine is Greenlight's own, not a bean: a second
 * {@code TemplateEngine} bean would replace the one Spring Boot sets up for web pages
 * (SpringTemplateEngine for its expression language, SpEL).
 */
@Component
class MailComposer {

	private static final TypeReference<List<DigestService.DigestItem>> DIGEST_ITEMS = new TypeReference<>() {
	};

	private final SpringTemplateEngine templates = new SpringTemplateEngine();

	private final AssetService assets;

	private final Links links;

	private final ObjectMapper json;

	MailComposer(AssetService assets, Links links, ObjectMapper json) {
		this.assets = assets;
		this.links = links;
		this.json = json;
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html"));
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt"));
	}

	Mail compose(OutboxNotification notification, String recipientName) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("name", recipientName);
		context.setVariable("subject", notification.subject());
		context.setVariable("intro", intro(notification.event()));
		context.setVariable("taskLink", this.links.task(notification.taskId()));
		context.setVariable("tasklistLink", this.links.tasklist());
		context.setVariable("assetLink", this.links.asset(notification.assetId()));
		context.setVariable("reviewRoomLink", this.links.reviewRoom(notification.versionId()));
		context.setVariable("versionLink", this.links.versionFile(notification.versionId()));
		Asset asset = (notification.assetId() != null) ? this.assets.find(notification.assetId()).orElse(null) : null;
		AssetVersion version = (notification.versionId() != null)
				? this.assets.findVersion(notification.versionId()).orElse(null) : null;
		context.setVariable("assetTitle", (asset != null) ? asset.title() : null);
		context.setVariable("versionNumber", (version != null) ? version.number() : null);
		String template = "notification";
		if (notification.event() == NotificationEvent.DAILY_DIGEST) {
			template = "digest";
			context.setVariable("items", digestItems(notification.detail()));
		}
		return new Mail(notification.subject(), this.templates.process(template + ".txt", context),
				this.templates.process(template + ".html", context));
	}

	/** Maps, not records: the templates' expressions read map keys on any engine. */
	private List<Map<String, Object>> digestItems(String detail) {
		try {
			return this.json.readValue(detail, DIGEST_ITEMS).stream().map(item -> {
				Map<String, Object> line = new HashMap<>();
				line.put("taskName", item.taskName());
				line.put("taskLink", this.links.task(item.taskId()));
				line.put("due", item.due());
				line.put("overdue", item.overdue());
				line.put("dueSoon", item.dueSoon());
				return line;
			}).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Digest detail is not readable: " + ex.getMessage(), ex);
		}
	}

	private static String intro(NotificationEvent event) {
		return INTROS.get(event);
	}

	private static final Map<NotificationEvent, String> INTROS = Map.ofEntries(
			Map.entry(NotificationEvent.REVIEW_REQUESTED,
					"You are asked to review this. Open the review room to see it, comment on it and decide."),
			Map.entry(NotificationEvent.REMINDER, "This review is still waiting for your decision."),
			Map.entry(NotificationEvent.OVERDUE_ESCALATION, "This review is past its due date."),
			Map.entry(NotificationEvent.DECISION_MADE, "A reviewer decided on this version."),
			Map.entry(NotificationEvent.CHANGES_REQUESTED,
					"Changes were requested. The comments are on the version they are about."),
			Map.entry(NotificationEvent.VERSION_UPLOADED, "A new version was added to the asset."),
			Map.entry(NotificationEvent.MENTIONED, "You were mentioned in a comment."),
			Map.entry(NotificationEvent.CONFLICT_TO_RESOLVE, "Reviewers disagree: their feedback needs resolving."),
			Map.entry(NotificationEvent.ASSET_APPROVED, "This version was approved in every review stage."),
			Map.entry(NotificationEvent.ASSET_DELIVERED, "The approved version was delivered."),
			Map.entry(NotificationEvent.BRIEF_RETURNED, "The producer returned the brief."),
			Map.entry(NotificationEvent.DAILY_DIGEST, "Here is what awaits your review."));

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setResolvablePatterns(Set.of("*" + suffix));
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		return resolver;
	}

	/** A composed email. */
	record Mail(String subject, String text, String html) {
	}

}
