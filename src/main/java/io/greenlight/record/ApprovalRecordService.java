package io.greenlight.record;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.greenlight.approval.ApprovalService;
import io.greenlight.approval.DecisionRecord;
import io.greenlight.approval.ReviewDecision;
import io.greenlight.approval.change.ReviewStageChange;
import io.greenlight.approval.change.ReviewStageChangeService;
import io.greenlight.approval.change.ReviewStageView;
import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.project.Client;
import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.record.ApprovalRecord.Change;
import io.greenlight.record.ApprovalRecord.Decision;
import io.greenlight.record.ApprovalRecord.FinalApproval;
import io.greenlight.record.ApprovalRecord.Person;
import io.greenlight.record.ApprovalRecord.Stage;
import io.greenlight.record.ApprovalRecord.Subject;
import io.greenlight.record.ApprovalRecord.Version;
import io.greenlight.security.UserDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts an asset's approval record together from the services that own each part, in one
 * read-only transaction so the PDF or CSV shows one consistent moment. Whoever may not
 * see the asset gets the same 404 as from every other call about it.
 */
@Service
class ApprovalRecordService {

	private final AssetAccess access;

	private final AssetService assets;

	private final ApprovalService approvals;

	private final ReviewStageChangeService stages;

	private final ProjectRepository projects;

	private final UserDirectory users;

	ApprovalRecordService(AssetAccess access, AssetService assets, ApprovalService approvals,
			ReviewStageChangeService stages, ProjectRepository projects, UserDirectory users) {
		this.access = access;
		this.assets = assets;
		this.approvals = approvals;
		this.stages = stages;
		this.projects = projects;
		this.users = users;
	}

	@Transactional(readOnly = true)
	ApprovalRecord record(String assetId, String userId) {
		Asset asset = this.access.visibleAsset(assetId);
		Project project = this.projects.findById(asset.projectId()).orElseThrow();
		String client = this.projects.findClient(project.clientId()).map(Client::name).orElse("");
		List<AssetVersion> versions = this.assets.versions(asset.id())
			.stream()
			.sorted(Comparator.comparingInt(AssetVersion::number))
			.toList();
		List<ReviewStageView> stageViews = this.stages.stagesOf(asset.id());
		List<DecisionRecord> decisions = this.approvals.decisionsFor(asset.id());
		List<ReviewStageChange> changes = this.stages.changesOf(asset.id());
		People people = new People(this.users.names(userIds(userId, versions, stageViews, decisions, changes)));
		Map<String, String> versionLabels = versions.stream()
			.collect(Collectors.toMap(AssetVersion::id,
					version -> RecordWords.version(version.number(), version.variant())));
		Map<String, ReviewStageView> stagesById = stageViews.stream()
			.collect(Collectors.toMap(ReviewStageView::id, Function.identity()));

		Subject subject = new Subject(asset.id(), asset.reference(), asset.title(), project.code(), project.name(),
				client, RecordWords.words(asset.assetType().name()), RecordWords.words(asset.channel().name()),
				asset.dueDate(), RecordWords.words(asset.status().name()), asset.processInstanceId());
		return new ApprovalRecord(subject, versions.stream().map(version -> version(version, people)).toList(),
				stageViews.stream().map(stage -> stage(stage, versionLabels, people)).toList(),
				decisions.stream().map(decision -> decision(decision, versionLabels, people)).toList(),
				changes.stream().map(change -> change(change, stagesById, versionLabels, people)).toList(),
				finalApproval(asset, versions, stageViews, decisions, versionLabels, people), OffsetDateTime.now(),
				people.of(userId));
	}

	private static Version version(AssetVersion version, People people) {
		return new Version(version.id(), RecordWords.version(version.number(), version.variant()),
				(version.fileName() != null) ? version.fileName() : version.fileLink(), version.mediaType(),
				version.sizeBytes(), version.sha256(), people.of(version.uploadedBy()), version.createdAt(),
				RecordWords.words(version.status().name()), version.locked());
	}

	private static Stage stage(ReviewStageView stage, Map<String, String> versionLabels, People people) {
		String primary = (stage.primaryReviewer() != null) ? people.of(stage.primaryReviewer()).label() : null;
		return new Stage(stage.id(), RecordWords.words(stage.stage()), versionLabels.get(stage.versionId()),
				RecordWords.rule(stage.decisionRule(), stage.quorum(), primary),
				RecordWords.ranWith(stage.reviewProcessVersion(), stage.routingTableVersion()),
				stage.reviewers().stream().map(people::of).toList(), stage.openedAt(), stage.dueAt(),
				RecordWords.words(stage.outcome()), stage.settledAt(),
				(stage.resolvedBy() != null) ? people.of(stage.resolvedBy()) : null, stage.resolutionComment());
	}

	private static Decision decision(DecisionRecord decision, Map<String, String> versionLabels, People people) {
		return new Decision(people.of(decision.decidedBy()), decision.decidedAt(),
				(decision.versionId() != null) ? versionLabels.get(decision.versionId()) : null,
				RecordWords.words(decision.stage()), RecordWords.words(decision.decision()), decision.comment(),
				decision.late());
	}

	private static Change change(ReviewStageChange change, Map<String, ReviewStageView> stages,
			Map<String, String> versionLabels, People people) {
		Optional<ReviewStageView> stage = Optional.ofNullable(stages.get(change.stageId()));
		return new Change(change.changedAt(), change.kind().toLowerCase(Locale.ROOT),
				stage.map(ReviewStageView::stage).map(RecordWords::words).orElse(null),
				stage.map(ReviewStageView::versionId).map(versionLabels::get).orElse(null),
				people.of(change.reviewer()), (change.delegatedTo() != null) ? people.of(change.delegatedTo()) : null,
				change.reason(), people.of(change.changedBy()));
	}

	/**
	 * The asset's approved version and the stage that approved it: the last stage of that
	 * version that settled with an approval (the client's, after the internal one), and
	 * whose approvals in it settled it.
	 */
	private static FinalApproval finalApproval(Asset asset, List<AssetVersion> versions, List<ReviewStageView> stages,
			List<DecisionRecord> decisions, Map<String, String> versionLabels, People people) {
		if (asset.approvedVersionId() == null) {
			return null;
		}
		AssetVersion approved = versions.stream()
			.filter(version -> version.id().equals(asset.approvedVersionId()))
			.findFirst()
			.orElseThrow();
		Optional<ReviewStageView> deciding = stages.stream()
			.filter(stage -> approved.id().equals(stage.versionId()) && stage.settledAt() != null
					&& isApproval(stage.outcome()))
			.max(Comparator.comparing(ReviewStageView::settledAt));
		String stage = deciding.map(ReviewStageView::stage).orElse(null);
		List<Person> approvedBy = decisions.stream()
			.filter(decision -> approved.id().equals(decision.versionId()) && Objects.equals(decision.stage(), stage)
					&& !decision.late() && isApproval(decision.decision()))
			.map(decision -> people.of(decision.decidedBy()))
			.toList();
		return new FinalApproval(versionLabels.get(approved.id()),
				(approved.fileName() != null) ? approved.fileName() : approved.fileLink(), approved.sha256(),
				deciding.map(ReviewStageView::settledAt).orElse(null), RecordWords.words(stage), approvedBy);
	}

	private static boolean isApproval(String outcome) {
		return ReviewDecision.APPROVED.name().equals(outcome)
				|| ReviewDecision.APPROVED_WITH_CHANGES.name().equals(outcome);
	}

	// everyone the record names, looked up in one call
	private static Set<String> userIds(String userId, List<AssetVersion> versions, List<ReviewStageView> stages,
			List<DecisionRecord> decisions, List<ReviewStageChange> changes) {
		return Stream
			.of(Stream.of(userId), versions.stream().map(AssetVersion::uploadedBy),
					stages.stream()
						.flatMap(stage -> Stream.concat(stage.reviewers().stream(),
								Stream.of(stage.primaryReviewer(), stage.resolvedBy()))),
					decisions.stream().map(DecisionRecord::decidedBy),
					changes.stream()
						.flatMap(change -> Stream.of(change.reviewer(), change.delegatedTo(), change.changedBy())))
			.flatMap(Function.identity())
			.filter(Objects::nonNull)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	/** The names looked up for the record; an id nobody knows is named by itself. */
	private record People(Map<String, String> names) {

		Person of(String id) {
			return (id != null) ? new Person(id, this.names.getOrDefault(id, id)) : null;
		}

	}

}
