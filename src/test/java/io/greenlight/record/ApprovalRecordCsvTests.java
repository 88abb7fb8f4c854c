package io.greenlight.record;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cells a spreadsheet would run as a formula are shown as text.
 */
class ApprovalRecordCsvTests {

	@Test
	void cellsThatStartLikeAFormulaGetAnApostrophe() {
		assertThat(ApprovalRecordCsv.guard("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(ApprovalRecordCsv.guard("+1")).isEqualTo("'+1");
		assertThat(ApprovalRecordCsv.guard("-1")).isEqualTo("'-1");
		assertThat(ApprovalRecordCsv.guard("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ApprovalRecordCsv.guard("\tx")).isEqualTo("'\tx");
		assertThat(ApprovalRecordCsv.guard("\rx")).isEqualTo("'\rx");
		assertThat(ApprovalRecordCsv.guard("Fine = good")).isEqualTo("Fine = good");
		assertThat(ApprovalRecordCsv.guard(null)).isNull();
	}

	@Test
	void oneRowPerEventOldestFirst() {
		String csv = ApprovalRecordCsv.render(ApprovalRecordSamples.approved("Spot", "Smaller, please"));

		assertThat(csv).startsWith("\uFEFFwhen,event,version,stage,who,decision,comment,detail\r\n");
		assertThat(csv.lines().skip(1).map(line -> line.split(",")[1])).containsExactly("version uploaded",
				"stage opened", "reviewer removed", "decision", "stage settled", "version uploaded", "stage opened",
				"decision", "stage settled", "final approval", "record generated");
	}

}
