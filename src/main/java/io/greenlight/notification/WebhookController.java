package io.greenlight.notification;

import java.net.URI;
import java.util.List;

import io.greenlight.notification.WebhookService.CreatedWebhook;
import io.greenlight.security.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's webhook subscriptions ({project} is the project's id or code).
 */
@RestController
class WebhookController {

	private final WebhookService webhooks;

	WebhookController(WebhookService webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping("/api/projects/{project}/webhooks")
	ResponseEntity<CreatedWebhook> create(@PathVariable String project, @RequestBody WebhookRequest request,
			Authentication authentication) {
		CreatedWebhook created = this.webhooks.create(project, request.url(), request.events(), request.format(),
				request.secret(), CurrentUser.of(authentication));
		return ResponseEntity
			.created(URI.create("/api/projects/" + project + "/webhooks/" + created.subscription().id()))
			.body(created);
	}

	@GetMapping("/api/projects/{project}/webhooks")
	List<WebhookSubscription> list(@PathVariable String project, Authentication authentication) {
		return this.webhooks.list(project, CurrentUser.of(authentication));
	}

	@DeleteMapping("/api/projects/{project}/webhooks/{id}")
	ResponseEntity<Void> delete(@PathVariable String project, @PathVariable String id, Authentication authentication) {
		this.webhooks.delete(project, id, CurrentUser.of(authentication));
		return ResponseEntity.noContent().build();
	}

	/**
	 * @param events event types, e.g. ["REVIEW_REQUESTED", "ASSET_DELIVERED"]
	 * @param format JSON (default) or SLACK
	 * @param secret the HMAC key (16 to 200 characters); left out, Greenlight makes one
	 */
	record WebhookRequest(String url, List<String> events, String format, String secret) {
	}

}
