package io.greenlight.record;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.greenlight.record.ApprovalRecord.Change;
import io.greenlight.record.ApprovalRecord.Decision;
import io.greenlight.record.ApprovalRecord.FinalApproval;
import io.greenlight.record.ApprovalRecord.Person;
import io.greenlight.record.ApprovalRecord.Stage;
import io.greenlight.record.ApprovalRecord.Version;

/**
 * The approval record as one list of events in the order they happened, for a
 * spreadsheet: a client sorts and filters rows, not sections.
 */
final class Timeline {

	private Timeline() {
	}

	/**
	 * One row of the timeline.
	 *
	 * @param order breaks ties between events of the same moment in the order they follow
	 * from each other (a stage settles after the decision that settled it)
	 */
	record Event(OffsetDateTime when, int order, String event, String version, String stage, String who,
			String decision, String comment, String detail) {
	}

	static List<Event> of(ApprovalRecord record) {
		List<Event> events = new ArrayList<>();
		for (Version version : record.versions()) {
			events.add(new Event(version.uploadedAt(), 0, "version uploaded", version.label(), null,
					label(version.uploadedBy()), null, null, versionDetail(version)));
		}
		for (Stage stage : record.stages()) {
			events.add(new Event(stage.openedAt(), 1, "stage opened", stage.version(), stage.name(), null, null, null,
					stage.rule() + "; reviewers: " + names(stage.reviewers())
							+ ((stage.dueAt() != null) ? "; due " + RecordWords.time(stage.dueAt()) : "")
							+ ((stage.ranWith() != null) ? "; " + stage.ranWith() : "")));
			if (stage.settledAt() != null) {
				events.add(new Event(stage.settledAt(), 4, "stage settled", stage.version(), stage.name(),
						label(stage.resolvedBy()), stage.outcome(), stage.resolutionComment(),
						(stage.resolvedBy() != null) ? "conflicting feedback resolved by a producer"
								: "settled by its rule"));
			}
		}
		for (Change change : record.changes()) {
			events.add(new Event(change.when(), 2, "reviewer " + change.kind(), change.version(), change.stage(),
					label(change.by()), null, change.reason(),
					"reviewer: " + label(change.reviewer()) + ((change.delegatedTo() != null)
							? "; delegated to: " + label(change.delegatedTo()) : "")));
		}
		for (Decision decision : record.decisions()) {
			events.add(new Event(decision.when(), 3, decision.late() ? "late feedback" : "decision", decision.version(),
					decision.stage(), label(decision.who()), decision.decision(), decision.comment(),
					decision.late() ? "given after the stage had settled; kept, not counted" : null));
		}
		FinalApproval approval = record.finalApproval();
		if (approval != null) {
			events.add(new Event(approval.when(), 5, "final approval", approval.version(), approval.stage(),
					names(approval.approvedBy()), "Approved", null,
					"file: " + approval.fileName() + "; SHA-256: " + approval.sha256()));
		}
		events.add(new Event(record.generatedAt(), 6, "record generated", null, null, label(record.generatedBy()), null,
				null, (approval != null) ? null : "not approved yet"));
		events.sort(Comparator.comparing(Event::when, Comparator.nullsLast(Comparator.naturalOrder()))
			.thenComparingInt(Event::order));
		return events;
	}

	static String versionDetail(Version version) {
		return "file: " + version.fileName() + "; type: " + version.mediaType() + "; size: "
				+ RecordWords.size(version.sizeBytes()) + "; SHA-256: " + version.sha256() + "; status: "
				+ version.status() + (version.locked() ? ", locked" : "");
	}

	static String names(List<Person> people) {
		return people.stream().map(Timeline::label).collect(Collectors.joining(", "));
	}

	private static String label(Person person) {
		return (person != null) ? person.label() : null;
	}

}
