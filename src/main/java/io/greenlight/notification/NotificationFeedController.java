package io.greenlight.notification;

import java.time.OffsetDateTime;
import java.util.List;

import io.greenlight.notification.NotificationFeed.FeedItem;
import io.greenlight.system.NotFoundException;
import io.greenlight.system.Paging;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's in-app feed: their notifications, newest first, with how many are
 * unread; mark one or all as read.
 */
@RestController
class NotificationFeedController {

	private final NotificationFeed feed;

	NotificationFeedController(NotificationFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/api/notifications")
	@Transactional(readOnly = true)
	FeedPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size,
			@RequestParam(defaultValue = "false") boolean unreadOnly, Authentication authentication) {
		String user = authentication.getName();
		Paging paging = new Paging(page, size);
		return new FeedPage(this.feed.unread(user), this.feed.total(user), page, size,
				this.feed.of(user, unreadOnly, paging));
	}

	@PostMapping("/api/notifications/{id}/read")
	@Transactional
	ResponseEntity<Void> read(@PathVariable String id, Authentication authentication) {
		if (!this.feed.markRead(authentication.getName(), id, OffsetDateTime.now())) {
			throw new NotFoundException("No notification " + id + " in your feed");
		}
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/notifications/read-all")
	@Transactional
	MarkedRead readAll(Authentication authentication) {
		return new MarkedRead(this.feed.markAllRead(authentication.getName(), OffsetDateTime.now()));
	}

	record FeedPage(int unreadCount, int total, int page, int size, List<FeedItem> items) {
	}

	record MarkedRead(int marked) {
	}

}
