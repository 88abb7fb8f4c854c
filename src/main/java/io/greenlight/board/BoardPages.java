package io.greenlight.board;

import java.util.List;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.security.CurrentUser;
import io.greenlight.security.UserDirectory;
import io.greenlight.system.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The board's page and an asset's page: shells their scripts fill from the API. An asset
 * the user may not see is a 404 page, as if it did not exist.
 */
@Controller
class BoardPages {

	private final AssetAccess access;

	private final UserDirectory users;

	BoardPages(AssetAccess access, UserDirectory users) {
		this.access = access;
		this.users = users;
	}

	@GetMapping("/board")
	ModelAndView board(Authentication authentication) {
		return page("board/board", authentication);
	}

	@GetMapping("/metrics")
	ModelAndView metrics(Authentication authentication) {
		return page("board/metrics", authentication);
	}

	@GetMapping("/assets/{assetId}")
	ModelAndView asset(@PathVariable String assetId, Authentication authentication) {
		Asset asset;
		try {
			asset = this.access.visibleAsset(assetId);
		}
		catch (NotFoundException ex) {
			ModelAndView notFound = page("board/not-found", authentication);
			notFound.setStatus(HttpStatus.NOT_FOUND);
			return notFound;
		}
		return page("board/asset", authentication).addObject("assetId", asset.id())
			.addObject("reference", asset.reference());
	}

	private ModelAndView page(String view, Authentication authentication) {
		String userId = authentication.getName();
		return new ModelAndView(view).addObject("userId", userId)
			.addObject("userName", this.users.names(List.of(userId)).get(userId))
			.addObject("designer", CurrentUser.of(authentication).seesAllProjects());
	}

}
