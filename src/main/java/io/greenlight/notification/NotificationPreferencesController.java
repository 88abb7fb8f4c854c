package io.greenlight.notification;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.greenlight.notification.NotificationPreferences.Preferences;
import io.greenlight.system.InvalidRequestException;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's notification preferences: which events on which channel, and the
 * daily digest.
 */
@RestController
class NotificationPreferencesController {

	private static final List<NotificationChannel> USER_CHANNELS = List.of(NotificationChannel.EMAIL,
			NotificationChannel.IN_APP);

	private final NotificationPreferences preferences;

	NotificationPreferencesController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/api/notifications/preferences")
	Preferences get(Authentication authentication) {
		return this.preferences.of(authentication.getName());
	}

	/**
	 * Changes what the request names: {@code {"dailyDigest": true, "events":
	 * {"REVIEW_REQUESTED": {"EMAIL": false}}}}.
	 */
	@PutMapping("/api/notifications/preferences")
	Preferences update(@RequestBody PreferencesRequest request, Authentication authentication) {
		Map<NotificationEvent, Map<NotificationChannel, Boolean>> changes = new EnumMap<>(NotificationEvent.class);
		if (request.events() != null) {
			request.events().forEach((eventName, channels) -> {
				NotificationEvent event = event(eventName);
				Map<NotificationChannel, Boolean> perChannel = new EnumMap<>(NotificationChannel.class);
				if (channels != null) {
					channels.forEach((channelName, enabled) -> {
						if (enabled == null) {
							throw new InvalidRequestException(
									"Say true or false for " + eventName + " on " + channelName + ".");
						}
						perChannel.put(channel(channelName), enabled);
					});
				}
				changes.put(event, perChannel);
			});
		}
		return this.preferences.update(authentication.getName(), request.dailyDigest(), changes);
	}

	private static NotificationEvent event(String name) {
		try {
			NotificationEvent event = NotificationEvent.valueOf(name.toUpperCase(Locale.ROOT));
			if (event != NotificationEvent.DAILY_DIGEST) {
				return event;
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw new InvalidRequestException("Unknown event '" + name + "': use one of "
				+ Arrays.stream(NotificationEvent.values()).filter(e -> e != NotificationEvent.DAILY_DIGEST).toList()
				+ " (the daily digest is switched with dailyDigest).");
	}

	private static NotificationChannel channel(String name) {
		return USER_CHANNELS.stream()
			.filter(channel -> channel.name().equalsIgnoreCase(name))
			.findFirst()
			.orElseThrow(() -> new InvalidRequestException(
					"Unknown channel '" + name + "': use one of " + USER_CHANNELS + " (webhooks are per project)."));
	}

	record PreferencesRequest(Boolean dailyDigest, Map<String, Map<String, Boolean>> events) {
	}

}
