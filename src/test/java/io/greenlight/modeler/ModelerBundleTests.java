package io.greenlight.modeler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed bundle of bpmn.io libraries was built from the committed lock file
 * (decision 0018): a version changed in package.json without running build.sh, or a
 * bundle edited by hand, fails here.
 */
class ModelerBundleTests {

	private static final Path FRONTEND = Path.of("src", "main", "frontend", "modeler");

	private static final Path VENDOR = Path.of("src", "main", "resources", "static", "greenlight", "modeler", "vendor");

	@Test
	void theBundleNamesTheLockFileItWasBuiltFrom() throws IOException, NoSuchAlgorithmException {
		String lock = sha256(Files.readAllBytes(FRONTEND.resolve("package-lock.json")));
		String banner = "built by src/main/frontend/modeler/build.sh from package-lock.json sha256:" + lock + " */";

		for (String file : new String[] { "modeler-libraries.js", "modeler-libraries.css" }) {
			String firstLine = Files.readString(VENDOR.resolve(file)).lines().findFirst().orElse("");
			assertThat(firstLine).as(file).endsWith(banner);
		}
	}

	@Test
	void theBundleCarriesTheLicensesOfWhatItHolds() throws IOException {
		String licenses = Files.readString(VENDOR.resolve("THIRD-PARTY-LICENSES.txt"));

		for (String library : new String[] { "bpmn-js ", "dmn-js ", "@bpmn-io/form-js-editor ",
				"bpmn-js-properties-panel ", "bpmn-js-element-templates ", "diagram-js " }) {
			assertThat(licenses).as(library).contains("\n" + library);
		}
		// bpmn.io's license keeps the watermark: the bundle must not be built without it
		assertThat(licenses).contains("bpmn.io");
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
