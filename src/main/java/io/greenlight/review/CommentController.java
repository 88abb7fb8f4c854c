package io.greenlight.review;

import java.net.URI;

import io.greenlight.review.CommentService.VersionComments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments on a version: add (optionally anchored, or as a reply), list as threads with
 * the previous version's open comments, resolve and reopen.
 */
@RestController
class CommentController {

	private final CommentService comments;

	CommentController(CommentService comments) {
		this.comments = comments;
	}

	@PostMapping("/api/versions/{versionId}/comments")
	ResponseEntity<Comment> add(@PathVariable String versionId, @Valid @RequestBody CommentRequest request,
			Authentication authentication) {
		Comment comment = this.comments.add(versionId, request.body(), request.anchor(), request.parentId(),
				authentication.getName());
		return ResponseEntity.created(URI.create("/api/versions/" + versionId + "/comments#" + comment.id()))
			.body(comment);
	}

	@GetMapping("/api/versions/{versionId}/comments")
	VersionComments list(@PathVariable String versionId) {
		return this.comments.forVersion(versionId);
	}

	@PostMapping("/api/comments/{commentId}/resolve")
	Comment resolve(@PathVariable String commentId, Authentication authentication) {
		return this.comments.resolve(commentId, authentication.getName());
	}

	@PostMapping("/api/comments/{commentId}/reopen")
	Comment reopen(@PathVariable String commentId, Authentication authentication) {
		return this.comments.reopen(commentId, authentication.getName());
	}

	record CommentRequest(@NotBlank @Size(max = 4000) String body, Anchor anchor, String parentId) {
	}

}
