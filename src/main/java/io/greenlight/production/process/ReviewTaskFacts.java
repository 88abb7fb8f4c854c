package io.greenlight.production.process;

import java.util.Map;
import java.util.Optional;

import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.review.CommentService;
import io.greenlight.review.OpenCommentsChanged;
import io.greenlight.review.room.ReviewRoom;
import io.greenlight.security.SystemActor;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a review form shows about the version under review: title, number, a link to the
 * file and the comments, and how many comments are still open on it and on the version
 * before. Kept as task-local variables (display facts, not documents) because that is
 * what Camunda Forms can show; recounted whenever a comment on the asset is started,
 * resolved or reopened, in that change's transaction.
 */
@Component
class ReviewTaskFacts {

	/** Marks a task as one whose form shows these facts. */
	private static final String MARKER = Var.OPEN_COMMENTS;

	private final AssetService assets;

	private final CommentService comments;

	private final TaskService taskService;

	private final SystemActor system;

	ReviewTaskFacts(AssetService assets, CommentService comments, TaskService taskService, SystemActor system) {
		this.assets = assets;
		this.comments = comments;
		this.taskService = taskService;
		this.system = system;
	}

	void fill(DelegateTask task, String versionId) {
		task.setVariablesLocal(facts(this.assets.version(versionId)));
	}

	@EventListener
	void recount(OpenCommentsChanged change) {
		// every reviewer's form must change, not only the tasks the commenter may see
		this.system.run(() -> {
			for (Task task : this.taskService.createTaskQuery()
				.processInstanceBusinessKeyIn(this.assets.get(change.assetId()).businessKeys())
				.list()) {
				if (this.taskService.getVariableLocal(task.getId(), MARKER) != null) {
					String versionId = (String) this.taskService.getVariable(task.getId(), Var.ASSET_VERSION_ID);
					this.taskService.setVariablesLocal(task.getId(), facts(this.assets.version(versionId)));
				}
			}
		});
	}

	private Map<String, Object> facts(AssetVersion version) {
		Optional<AssetVersion> previous = this.comments.previousVersion(version);
		return Map.of(Var.ASSET_TITLE, this.assets.get(version.assetId()).title(), Var.VERSION_NUMBER, version.number(),
				Var.VERSION_FILE_URL, fileUrl(version), Var.REVIEW_ROOM_URL, ReviewRoom.path(version.id()),
				Var.COMMENTS_URL, "/api/versions/" + version.id() + "/comments", Var.OPEN_COMMENTS,
				this.comments.openCount(version.id()), Var.PREVIOUS_VERSION_NUMBER,
				previous.map(AssetVersion::number).orElse(0), Var.PREVIOUS_OPEN_COMMENTS,
				previous.map(before -> this.comments.openCount(before.id())).orElse(0L));
	}

	// a version registered in Tasklist has the creative's link instead of an uploaded
	// file
	private static String fileUrl(AssetVersion version) {
		if (version.hasFile()) {
			return "/api/versions/" + version.id() + "/file";
		}
		return (version.fileLink() != null) ? version.fileLink() : "";
	}

}
