package io.greenlight.board;

import java.util.List;

import io.greenlight.security.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The producers' board as data: columns of productions, each card with whom it waits on.
 */
@RestController
class BoardController {

	private final BoardService board;

	BoardController(BoardService board) {
		this.board = board;
	}

	@GetMapping("/api/board")
	Board board(@RequestParam(required = false) String clientId, @RequestParam(required = false) String projectId,
			@RequestParam(required = false) String producer, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean waitingOnMe, Authentication authentication) {
		return this.board.board(CurrentUser.of(authentication), clientId, projectId, producer, overdue, waitingOnMe);
	}

	/** The choices of the board's producer filter. */
	@GetMapping("/api/board/producers")
	List<Producer> producers(Authentication authentication) {
		return this.board.producers(CurrentUser.of(authentication));
	}

}
