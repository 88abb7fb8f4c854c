package io.greenlight.asset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FileNamesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "../../etc/passwd|passwd", "C:\\Users\\me\\cut v2.mp4|cut v2.mp4", ".htaccess|htaccess",
					"spot\u0000\u001b[31m.mp4|spot[31m.mp4", "a<b>:c?.mov|a_b__c_.mov", "   |file",
					"Sommer – Schnitt 2.mp4|Sommer – Schnitt 2.mp4" })
	void namesAreMadeSafeAndStayReadable(String given, String expected) {
		assertThat(FileNames.safe(given)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "mp4", "pdf" })
	void longNamesAreCutButKeepTheirExtension(String extension) {
		String safe = FileNames.safe("x".repeat(300) + "." + extension);

		assertThat(safe).hasSize(FileNames.MAX_LENGTH).endsWith("." + extension);
	}

}
