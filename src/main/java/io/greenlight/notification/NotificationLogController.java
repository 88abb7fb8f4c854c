package io.greenlight.notification;

import java.time.Instant;
import java.util.List;

import io.greenlight.asset.AssetAccess;
import io.greenlight.security.CurrentUser;
import io.greenlight.system.ConflictException;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.NotFoundException;
import io.greenlight.system.Paging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What was sent to whom and when (per asset for its project's members, per user for
 * themselves and creative-ops), and the operator's view of failed notifications with a
 * retry. Why a delivery failed is shown only to creative-ops and the project's producers
 * ({@link DeliveryErrors}).
 */
@RestController
class NotificationLogController {

	private final Outbox outbox;

	private final AssetAccess access;

	private final DeliveryErrors errors;

	private final OutboxSignal signal;

	NotificationLogController(Outbox outbox, AssetAccess access, DeliveryErrors errors, OutboxSignal signal) {
		this.outbox = outbox;
		this.access = access;
		this.errors = errors;
		this.signal = signal;
	}

	@GetMapping("/api/notifications/log")
	List<OutboxNotification> log(@RequestParam(required = false) String assetId,
			@RequestParam(required = false) String recipient, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size, Authentication authentication) {
		CurrentUser user = CurrentUser.of(authentication);
		Paging paging = new Paging(page, size);
		if (assetId != null && recipient != null) {
			throw new InvalidRequestException("Ask for one asset (assetId) or one recipient, not both.");
		}
		if (assetId != null) {
			return this.errors.shownTo(user, this.outbox.ofAsset(this.access.visibleAsset(assetId).id(), paging));
		}
		String who = (recipient != null) ? recipient : user.id();
		if (!who.equals(user.id()) && !user.seesAllProjects()) {
			throw new ForbiddenException("Only creative-ops see what was sent to other people.");
		}
		return this.errors.shownTo(user, this.outbox.ofRecipient(who, paging));
	}

	@GetMapping("/api/notifications/failed")
	List<OutboxNotification> failed(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(Paging.MAX_SIZE) int size, Authentication authentication) {
		operator(authentication);
		return this.outbox.failed(new Paging(page, size));
	}

	@PostMapping("/api/notifications/outbox/{id}/retry")
	OutboxNotification retry(@PathVariable String id, Authentication authentication) {
		operator(authentication);
		OutboxNotification notification = this.outbox.find(id)
			.orElseThrow(() -> new NotFoundException("No notification " + id));
		if (!this.outbox.retry(id, Instant.now())) {
			throw new ConflictException("Notification " + id + " is " + notification.status()
					+ ", not FAILED: only failed notifications are retried by hand.");
		}
		this.signal.queued();
		return this.outbox.find(id).orElseThrow();
	}

	private static void operator(Authentication authentication) {
		if (!CurrentUser.of(authentication).seesAllProjects()) {
			throw new ForbiddenException("Only creative-ops see and retry failed notifications.");
		}
	}

}
