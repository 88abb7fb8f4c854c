package io.greenlight.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A multipart/form-data body, as Camunda Modeler sends a deployment.
 */
public final class Multipart {

	private final String boundary = "----greenlight" + UUID.randomUUID();

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	public Multipart field(String name, String value) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
				+ "\r\n");
		return this;
	}

	public Multipart file(String name, String fileName, byte[] content) {
		write("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		this.body.writeBytes(content);
		write("\r\n");
		return this;
	}

	/**
	 * The body so far and the head of a last file part, whose content the caller streams
	 * after it and then {@link #end()}.
	 */
	public byte[] fileStart(String name, String fileName) {
		ByteArrayOutputStream start = new ByteArrayOutputStream();
		start.writeBytes(this.body.toByteArray());
		start.writeBytes(("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name
				+ "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		return start.toByteArray();
	}

	/** What ends a body whose last part the caller streamed. */
	public byte[] end() {
		return ("\r\n--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	public byte[] bytes() {
		ByteArrayOutputStream copy = new ByteArrayOutputStream();
		copy.writeBytes(this.body.toByteArray());
		copy.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return copy.toByteArray();
	}

	private void write(String text) {
		this.body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
