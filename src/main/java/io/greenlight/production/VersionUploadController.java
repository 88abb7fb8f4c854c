package io.greenlight.production;

import java.io.IOException;
import java.net.URI;

import io.greenlight.asset.AssetVersion;
import io.greenlight.production.VersionUploadService.VersionUpload;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading the next version of an asset: multipart ({@code file}, {@code note},
 * {@code variant}) from a browser, or the raw bytes with {@code PUT} (the file name and
 * note as query parameters) from scripts and large uploads. Either way the file is
 * streamed, never held in memory.
 */
@RestController
class VersionUploadController {

	private final VersionUploadService uploads;

	VersionUploadController(VersionUploadService uploads) {
		this.uploads = uploads;
	}

	@PostMapping(path = "/api/assets/{assetId}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AssetVersion> uploadMultipart(@PathVariable String assetId, @RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String note, @RequestParam(required = false) String variant,
			Authentication authentication) throws IOException {
		return created(this.uploads.upload(assetId, authentication.getName(),
				new VersionUpload(file.getInputStream(), file.getOriginalFilename(), note, variant)));
	}

	@PutMapping("/api/assets/{assetId}/versions")
	ResponseEntity<AssetVersion> uploadRaw(@PathVariable String assetId, @RequestParam String fileName,
			@RequestParam(required = false) String note, @RequestParam(required = false) String variant,
			HttpServletRequest request, Authentication authentication) throws IOException {
		return created(this.uploads.upload(assetId, authentication.getName(),
				new VersionUpload(request.getInputStream(), fileName, note, variant)));
	}

	private static ResponseEntity<AssetVersion> created(AssetVersion version) {
		return ResponseEntity.created(URI.create("/api/versions/" + version.id() + "/file")).body(version);
	}

}
