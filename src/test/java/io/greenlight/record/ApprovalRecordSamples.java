package io.greenlight.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.greenlight.record.ApprovalRecord.Change;
import io.greenlight.record.ApprovalRecord.Decision;
import io.greenlight.record.ApprovalRecord.FinalApproval;
import io.greenlight.record.ApprovalRecord.Person;
import io.greenlight.record.ApprovalRecord.Stage;
import io.greenlight.record.ApprovalRecord.Subject;
import io.greenlight.record.ApprovalRecord.Version;

/** Approval records made by hand, for rendering tests without a server. */
final class ApprovalRecordSamples {

	static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.ofHours(1));

	static final Person PRODUCER = new Person("producer", "Pat Producer");

	static final Person REVIEWER = new Person("reviewer1", "Zoë Ångström");

	private ApprovalRecordSamples() {
	}

	/** v1 with changes requested (the comment given), v2 approved by the client. */
	static ApprovalRecord approved(String title, String comment) {
		Version v1 = new Version("v1-id", "v1", "spot v1.mp4", "video/mp4", 2_400_000L, "a".repeat(64), PRODUCER, T0,
				"Superseded", false);
		Version v2 = new Version("v2-id", "v2", "spot v2.mp4", "video/mp4", 2_500_000L, "b".repeat(64), PRODUCER,
				T0.plusHours(2), "Approved", true);
		Stage internal = new Stage("s1", "Internal review", "v1", "ALL: every reviewer must approve",
				"review process v1, routing table v2", List.of(REVIEWER, PRODUCER), T0.plusMinutes(1), T0.plusDays(2),
				"Changes requested", T0.plusMinutes(30), null, null);
		Stage client = new Stage("s2", "Client review", "v2", "PRIMARY: Client (client) decides, the others advise",
				null, List.of(new Person("client", "client")), T0.plusHours(3), T0.plusDays(3), "Approved",
				T0.plusHours(4), null, null);
		Decision changes = new Decision(REVIEWER, T0.plusMinutes(30), "v1", "Internal review", "Changes requested",
				comment, false);
		Decision approved = new Decision(new Person("client", "client"), T0.plusHours(4), "v2", "Client review",
				"Approved", "Très bien", false);
		Change change = new Change(T0.plusMinutes(10), "removed", "Internal review", "v1", PRODUCER, null, "On holiday",
				PRODUCER);
		return new ApprovalRecord(subject(title, "Delivered"), List.of(v1, v2), List.of(internal, client),
				List.of(changes, approved), List.of(change), new FinalApproval("v2", "spot v2.mp4", "b".repeat(64),
						T0.plusHours(4), "Client review", List.of(new Person("client", "client"))),
				T0.plusDays(5), PRODUCER);
	}

	static Subject subject(String title, String status) {
		return new Subject("asset-id", "ACME-SUMMER-0007", title, "ACME-SUMMER", "Summer campaign", "Acme", "Video",
				"Web", LocalDate.of(2030, 1, 31), status, "process-id");
	}

}
