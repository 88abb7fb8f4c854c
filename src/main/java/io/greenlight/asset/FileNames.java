package io.greenlight.asset;

import java.text.Normalizer;

/**
 * File names as clients send them are untrusted: keep the last path segment, drop control
 * characters and anything a shell or a header would treat specially, keep it short.
 */
public final class FileNames {

	static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	public static String safe(String name) {
		if (name == null) {
			return "file";
		}
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String cleaned = Normalizer.normalize(base, Normalizer.Form.NFC)
			.replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
			.replaceAll("[<>:\"|?*;`$]", "_")
			.strip()
			.replaceAll("^\\.+", "");
		if (cleaned.length() > MAX_LENGTH) {
			int dot = cleaned.lastIndexOf('.');
			String extension = (dot > 0 && cleaned.length() - dot <= 10) ? cleaned.substring(dot) : "";
			cleaned = cleaned.substring(0, MAX_LENGTH - extension.length()) + extension;
		}
		return cleaned.isEmpty() ? "file" : cleaned;
	}

}
