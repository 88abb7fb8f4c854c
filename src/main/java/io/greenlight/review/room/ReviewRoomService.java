package io.greenlight.review.room;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.DecisionRecord;
import io.greenlight.approval.change.ReviewStageChangeService;
import io.greenlight.approval.change.ReviewStageView;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.asset.VariantStack;
import io.greenlight.production.ReviewDecisionService;
import io.greenlight.project.Member;
import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.review.room.ReviewRoom.Person;
import io.greenlight.review.room.ReviewRoom.StackEntry;
import io.greenlight.security.UserDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the review room together from the services that own each part: the asset's stack,
 * the stages and decisions on record, the decision a reviewer could make, the project's
 * people. Whoever may not see the version gets the same 404 as from every other call
 * about it.
 */
@Service
class ReviewRoomService {

	private final AssetAccess access;

	private final AssetService assets;

	private final ReviewStageChangeService stages;

	private final ApprovalService approvals;

	private final ReviewDecisionService decisions;

	private final ProjectRepository projects;

	private final UserDirectory users;

	ReviewRoomService(AssetAccess access, AssetService assets, ReviewStageChangeService stages,
			ApprovalService approvals, ReviewDecisionService decisions, ProjectRepository projects,
			UserDirectory users) {
		this.access = access;
		this.assets = assets;
		this.stages = stages;
		this.approvals = approvals;
		this.decisions = decisions;
		this.projects = projects;
		this.users = users;
	}

	@Transactional(readOnly = true)
	ReviewRoom room(String versionId, String userId) {
		// the room is polled every few seconds: one access check, not one per part
		AssetVersion version = this.access.visibleVersion(versionId);
		Asset asset = this.assets.get(version.assetId());
		Project project = this.projects.findById(asset.projectId()).orElseThrow();
		List<AssetVersion> versions = this.assets.versions(asset.id())
			.stream()
			.sorted(Comparator.comparingInt(AssetVersion::number))
			.toList();
		Set<String> latestIds = this.assets.variants(asset.id())
			.stream()
			.map(VariantStack::latest)
			.filter(Objects::nonNull)
			.map(AssetVersion::id)
			.collect(Collectors.toSet());
		AssetVersion latest = this.assets.latestVersion(asset.id(), version.variant()).orElse(version);
		String previousId = versions.stream()
			.filter(other -> Objects.equals(other.variant(), version.variant()) && other.number() < version.number())
			.reduce((earlier, later) -> later)
			.map(AssetVersion::id)
			.orElse(null);
		List<StackEntry> stack = versions.stream()
			.map(entry -> new StackEntry(entry.id(), entry.number(), entry.variant(), entry.status(), entry.createdAt(),
					entry.fileName(), entry.mediaType(), entry.id().equals(versionId), latestIds.contains(entry.id())))
			.toList();
		List<ReviewStageView> versionStages = this.stages.stagesOf(asset.id())
			.stream()
			.filter(stage -> versionId.equals(stage.versionId()))
			.toList();
		List<DecisionRecord> versionDecisions = this.approvals.decisionsFor(asset.id())
			.stream()
			.filter(decision -> versionId.equals(decision.versionId()))
			.toList();
		List<Person> members = members(project);
		Person me = members.stream()
			.filter(member -> member.id().equals(userId))
			.findFirst()
			.map(member -> new Person(userId, member.name(), null))
			.orElseGet(() -> new Person(userId, this.users.names(List.of(userId)).get(userId), null));
		return new ReviewRoom(me, version, asset, project, this.projects.findClient(project.clientId()).orElse(null),
				version.hasFile() ? "/api/versions/" + versionId + "/file" : null, !latest.id().equals(versionId),
				latest.id(), previousId, stack, versionStages, versionDecisions,
				this.decisions.chance(versionId, userId), members);
	}

	/** Each member once, with the first of their roles. */
	private List<Person> members(Project project) {
		Map<String, Member> byUser = new LinkedHashMap<>();
		this.projects.members(project.id()).forEach(member -> byUser.putIfAbsent(member.userId(), member));
		Map<String, String> names = this.users.names(byUser.keySet());
		return byUser.values()
			.stream()
			.map(member -> new Person(member.userId(), names.get(member.userId()), member.role()))
			.sorted(Comparator.comparing(Person::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

}
