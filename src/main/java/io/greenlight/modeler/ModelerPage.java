package io.greenlight.modeler;

import java.util.List;

import io.greenlight.security.CurrentUser;
import io.greenlight.security.UserDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The web modeler ({@code /modeler}): a shell its scripts fill from the workflow API. It
 * is for those who design and deploy workflows; anyone else gets a page saying so, with
 * 403, and the API behind it refuses them too.
 */
@Controller
class ModelerPage {

	private final UserDirectory users;

	ModelerPage(UserDirectory users) {
		this.users = users;
	}

	@GetMapping("/modeler")
	ModelAndView modeler(Authentication authentication) {
		String userId = authentication.getName();
		boolean designer = CurrentUser.of(authentication).seesAllProjects();
		ModelAndView page = new ModelAndView(designer ? "modeler/modeler" : "modeler/not-yours")
			.addObject("userId", userId)
			.addObject("userName", this.users.names(List.of(userId)).get(userId))
			.addObject("designer", designer);
		if (!designer) {
			page.setStatus(HttpStatus.FORBIDDEN);
		}
		return page;
	}

}
