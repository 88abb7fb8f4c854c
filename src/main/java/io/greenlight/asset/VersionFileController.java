package io.greenlight.asset;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.greenlight.storage.BlobStore;
import io.greenlight.system.NotFoundException;

import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of a version's file, with byte ranges (video players scrub with them) and an
 * ETag (the content's SHA-256, which never changes for a version).
 */
@RestController
class VersionFileController {

	// shown in the browser; anything else (HTML, SVG, scripts) is a download, never
	// rendered
	private static final Set<String> INLINE_PREFIXES = Set.of("video/", "audio/", "image/png", "image/jpeg",
			"image/gif", "image/webp", "application/pdf");

	private final AssetAccess access;

	private final BlobStore blobs;

	VersionFileController(AssetAccess access, BlobStore blobs) {
		this.access = access;
		this.blobs = blobs;
	}

	@GetMapping("/api/versions/{versionId}/file")
	ResponseEntity<Resource> download(@PathVariable String versionId) {
		AssetVersion version = this.access.visibleVersion(versionId);
		if (!version.hasFile()) {
			throw new NotFoundException("Version " + version.number() + " has no uploaded file"
					+ ((version.fileLink() != null) ? ": it is at " + version.fileLink() : "."));
		}
		Resource file = this.blobs.find(version.sha256())
			.orElseThrow(() -> new IllegalStateException("The file of version " + versionId + " is missing from the "
					+ "blob store (" + version.sha256() + ")"));
		boolean inline = INLINE_PREFIXES.stream().anyMatch(version.mediaType()::startsWith);
		ContentDisposition.Builder builder = inline ? ContentDisposition.inline() : ContentDisposition.attachment();
		// plain ASCII names stay readable; others travel RFC 5987-encoded
		ContentDisposition disposition = (StandardCharsets.US_ASCII.newEncoder().canEncode(version.fileName()))
				? builder.filename(version.fileName()).build()
				: builder.filename(version.fileName(), StandardCharsets.UTF_8).build();
		return ResponseEntity.ok()
			.eTag("\"" + version.sha256() + "\"")
			.contentType(MediaType.parseMediaType(version.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.body(file);
	}

}
