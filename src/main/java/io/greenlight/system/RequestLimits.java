package io.greenlight.system;

import io.greenlight.storage.DataSizes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of a request the server reads, for every request but a version upload
 * ({@code greenlight.request.*}; version files have
 * {@code greenlight.storage.max-upload-size}).
 *
 * @param maxBodySize the largest request body: engine REST deployments and attachments,
 * JSON, forms, the webapps' API ({@code GREENLIGHT_MAX_REQUEST_SIZE})
 * @param maxParts the most parts of a multipart body that Camunda's REST APIs read
 */
@ConfigurationProperties("greenlight.request")
public record RequestLimits(@DefaultValue("10MB") DataSize maxBodySize, @DefaultValue("100") int maxParts) {

	String bodyTooLarge() {
		return "The request body is larger than the " + DataSizes.readable(this.maxBodySize.toBytes())
				+ " the server accepts (GREENLIGHT_MAX_REQUEST_SIZE): send a smaller one. A version's file goes to "
				+ "/api/assets/{id}/versions instead.";
	}

	String tooManyParts() {
		return "The multipart body has more than " + this.maxParts + " parts, the most the server reads in one "
				+ "request (greenlight.request.max-parts): send fewer files or fields.";
	}

}
