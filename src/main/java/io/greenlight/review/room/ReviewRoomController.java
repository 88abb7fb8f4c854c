package io.greenlight.review.room;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The review room's data: one call for everything the page shows about a version. */
@RestController
class ReviewRoomController {

	private final ReviewRoomService rooms;

	ReviewRoomController(ReviewRoomService rooms) {
		this.rooms = rooms;
	}

	@GetMapping("/api/versions/{versionId}/room")
	ReviewRoom room(@PathVariable String versionId, Authentication authentication) {
		return this.rooms.room(versionId, authentication.getName());
	}

}
