package io.greenlight.review;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.notification.NotificationEvent;
import io.greenlight.notification.NotificationService;
import io.greenlight.project.ProjectRepository;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feedback tied to the exact version it is about. Any member of the asset's project may
 * comment; {@code @user} mentions must name project members and notify them.
 */
@Service
@Transactional
public class CommentService {

	private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)");

	private final CommentRepository comments;

	private final AssetAccess access;

	private final AssetService assets;

	private final ProjectRepository projects;

	private final NotificationService notifications;

	private final ApplicationEventPublisher events;

	CommentService(CommentRepository comments, AssetAccess access, AssetService assets, ProjectRepository projects,
			NotificationService notifications, ApplicationEventPublisher events) {
		this.comments = comments;
		this.access = access;
		this.assets = assets;
		this.projects = projects;
		this.notifications = notifications;
		this.events = events;
	}

	public Comment add(String versionId, String body, Anchor anchor, String parentId, String author) {
		AssetVersion version = this.access.visibleVersion(versionId);
		Asset asset = this.assets.get(version.assetId());
		Anchor where = (anchor != null) ? anchor : new Anchor(null, null, null, null, null, null, null);
		if (parentId != null) {
			requireThreadStart(parentId, versionId);
			if (!where.isEmpty()) {
				throw new InvalidRequestException(
						"A reply has no anchor of its own: it is about the comment it answers.");
			}
		}
		where.validateFor(asset.assetType(), version.durationMs());
		Set<String> mentioned = mentions(body, asset);
		Comment comment = new Comment(UUID.randomUUID().toString(), versionId, parentId, author, body.strip(), where,
				false, null, null, OffsetDateTime.now());
		this.comments.insert(comment);
		if (parentId == null) {
			this.events.publishEvent(new OpenCommentsChanged(asset.id(), versionId));
		}
		mentioned.remove(author);
		this.notifications.queue(NotificationEvent.MENTIONED, comment.id(), mentioned, asset.id(), versionId,
				author + " mentioned you on " + asset.title() + " v" + version.number());
		return comment;
	}

	/**
	 * The version's comments as threads, how many are still open, and the open comments
	 * of the version before it (same variant), so a reviewer can check that each was
	 * addressed.
	 */
	@Transactional(readOnly = true)
	public VersionComments forVersion(String versionId) {
		AssetVersion version = this.access.visibleVersion(versionId);
		List<CommentThread> threads = threads(versionId);
		List<CommentThread> previousOpen = previousVersion(version)
			.map(previous -> threads(previous.id()).stream().filter(thread -> !thread.comment().resolved()).toList())
			.orElse(List.of());
		long open = threads.stream().filter(thread -> !thread.comment().resolved()).count();
		return new VersionComments(versionId, version.number(), open, threads,
				previousVersion(version).map(AssetVersion::number).orElse(null), previousOpen);
	}

	/**
	 * How many threads on the version are unresolved. No access check: for the server's
	 * own use (task forms), never for answering a request.
	 */
	public long openCount(String versionId) {
		return this.comments.countOpen(versionId);
	}

	/**
	 * The version before this one in its variant's stack, if any. No access check.
	 */
	public Optional<AssetVersion> previousVersion(AssetVersion version) {
		return this.assets.versions(version.assetId())
			.stream()
			.filter(other -> other.number() < version.number())
			.filter(other -> Objects.equals(other.variant(), version.variant()))
			.max(Comparator.comparingInt(AssetVersion::number));
	}

	public Comment resolve(String commentId, String user) {
		return setResolved(commentId, true, user);
	}

	public Comment reopen(String commentId, String user) {
		return setResolved(commentId, false, user);
	}

	private Comment setResolved(String commentId, boolean resolved, String user) {
		Comment comment = this.comments.findById(commentId).orElseThrow(() -> notFound(commentId));
		try {
			this.access.visibleVersion(comment.versionId());
		}
		catch (NotFoundException ex) {
			throw notFound(commentId);
		}
		if (comment.parentId() != null) {
			throw new InvalidRequestException("Resolve the comment that starts the thread, not a reply.");
		}
		this.comments.setResolved(commentId, resolved, resolved ? user : null, resolved ? OffsetDateTime.now() : null);
		this.events.publishEvent(
				new OpenCommentsChanged(this.assets.version(comment.versionId()).assetId(), comment.versionId()));
		return this.comments.findById(commentId).orElseThrow();
	}

	private void requireThreadStart(String parentId, String versionId) {
		Comment parent = this.comments.findById(parentId)
			.orElseThrow(() -> new InvalidRequestException("There is no comment " + parentId + " to reply to."));
		if (!parent.versionId().equals(versionId)) {
			throw new InvalidRequestException(
					"Reply on the version the comment is about (" + parent.versionId() + ").");
		}
		if (parent.parentId() != null) {
			throw new InvalidRequestException("Reply to the comment that starts the thread, not to a reply.");
		}
	}

	private Set<String> mentions(String body, Asset asset) {
		Set<String> mentioned = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(body);
		while (matcher.find()) {
			mentioned.add(matcher.group(1));
		}
		List<String> strangers = mentioned.stream()
			.filter(user -> !this.projects.isMember(asset.projectId(), user))
			.toList();
		if (!strangers.isEmpty()) {
			throw new InvalidRequestException("Only members of this project can be mentioned: "
					+ String.join(", ", strangers.stream().map(user -> "@" + user).toList()) + " is not one.");
		}
		return mentioned;
	}

	private List<CommentThread> threads(String versionId) {
		List<Comment> all = this.comments.findByVersion(versionId);
		List<CommentThread> threads = new ArrayList<>();
		for (Comment comment : all) {
			if (comment.parentId() == null) {
				threads.add(new CommentThread(comment,
						all.stream().filter(reply -> comment.id().equals(reply.parentId())).toList()));
			}
		}
		return threads;
	}

	private static NotFoundException notFound(String commentId) {
		return new NotFoundException("No comment " + commentId + " in your projects");
	}

	/** A comment and its replies. */
	public record CommentThread(Comment comment, List<Comment> replies) {
	}

	/**
	 * @param openCount unresolved threads on this version
	 * @param previousNumber the version before this one, or null
	 * @param previousOpen its threads that are still unresolved
	 */
	public record VersionComments(String versionId, int number, long openCount, List<CommentThread> threads,
			Integer previousNumber, List<CommentThread> previousOpen) {
	}

}
