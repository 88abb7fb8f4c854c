package io.greenlight.review.room;

import java.util.List;

import io.greenlight.asset.AssetAccess;
import io.greenlight.security.UserDirectory;
import io.greenlight.system.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The review room's page: the shell the room's scripts fill from
 * {@code /api/versions/{id}/room}. A version the user may not see is a 404 page, the same
 * for one that does not exist, so nobody can probe for other clients' work.
 */
@Controller
class ReviewRoomPage {

	private final AssetAccess access;

	private final UserDirectory users;

	ReviewRoomPage(AssetAccess access, UserDirectory users) {
		this.access = access;
		this.users = users;
	}

	@GetMapping("/review/{versionId}")
	ModelAndView room(@PathVariable String versionId, Authentication authentication, Model model) {
		model.addAttribute("versionId", versionId);
		try {
			this.access.visibleVersion(versionId);
		}
		catch (NotFoundException ex) {
			return new ModelAndView("review/not-found", model.asMap(), HttpStatus.NOT_FOUND);
		}
		String userId = authentication.getName();
		model.addAttribute("userId", userId);
		model.addAttribute("userName", this.users.names(List.of(userId)).get(userId));
		return new ModelAndView("review/room", model.asMap());
	}

}
