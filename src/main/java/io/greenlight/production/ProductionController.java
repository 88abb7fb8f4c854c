package io.greenlight.production;

import java.net.URI;
import java.util.Map;

import io.greenlight.asset.Asset;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starting productions over the API (Tasklist's start form does the same).
 */
@RestController
@RequestMapping("/api/productions")
class ProductionController {

	private final ProductionService productions;

	ProductionController(ProductionService productions) {
		this.productions = productions;
	}

	@PostMapping
	ResponseEntity<Map<String, String>> start(@Valid @RequestBody ProductionRequest request) {
		Asset asset = this.productions.start(request);
		return ResponseEntity.created(URI.create("/api/assets/" + asset.id()))
			.body(Map.of("assetId", asset.id(), "reference", asset.reference()));
	}

}
