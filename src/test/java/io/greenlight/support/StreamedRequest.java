package io.greenlight.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A POST written to the socket by hand, its body streamed from a generator on a thread of
 * its own while the answer is read. A server that refuses a body answers before it has
 * read all of it, reads a little more and closes the connection on the rest:
 * {@code java.net.http} reads the answer only after sending the whole body, and then
 * often reports a broken connection instead of the answer.
 */
public final class StreamedRequest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final int port;

	public StreamedRequest(int port) {
		this.port = port;
	}

	/** Sends the body chunked: the server learns how large it is only by reading it. */
	public Answer chunked(String user, String path, String contentType, InputStream body) {
		return send(user, path, contentType, body, -1);
	}

	/** Sends the body with its length declared up front ({@code Content-Length}). */
	public Answer sized(String user, String path, String contentType, InputStream body, long length) {
		return send(user, path, contentType, body, length);
	}

	private Answer send(String user, String path, String contentType, InputStream body, long length) {
		StringBuilder head = new StringBuilder("POST ").append(path)
			.append(" HTTP/1.1\r\nHost: localhost:")
			.append(this.port)
			.append("\r\nConnection: close\r\nContent-Type: ")
			.append(contentType)
			.append("\r\n");
		if (user != null) {
			String credentials = user + ":" + Users.PASSWORD;
			head.append("Authorization: Basic ")
				.append(Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
				.append("\r\n");
		}
		head.append((length >= 0) ? "Content-Length: " + length : "Transfer-Encoding: chunked").append("\r\n\r\n");
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(120_000);
			OutputStream out = socket.getOutputStream();
			Thread writer = new Thread(() -> write(out, head.toString(), body, length < 0), "streamed-request-body");
			writer.setDaemon(true);
			writer.start();
			Answer answer = read(new BufferedInputStream(socket.getInputStream()));
			// closing the socket ends the writer: its next write fails
			socket.close();
			writer.join(60_000);
			return answer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(OutputStream out, String head, InputStream body, boolean chunked) {
		byte[] buffer = new byte[64 * 1024];
		try {
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			int read;
			while ((read = body.read(buffer)) > 0) {
				if (chunked) {
					out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
				}
				out.write(buffer, 0, read);
				if (chunked) {
					out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
				}
			}
			if (chunked) {
				out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			}
			out.flush();
		}
		catch (IOException ex) {
			// the server closed the connection on the rest of the body, as it may
		}
	}

	private static Answer read(InputStream in) throws IOException {
		String head = readHead(in);
		int status = Integer.parseInt(head.substring(9, 12));
		long length = -1;
		for (String line : head.split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Long.parseLong(line.substring("content-length:".length()).trim());
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			if (length >= 0) {
				body.write(in.readNBytes((int) length));
			}
			else {
				in.transferTo(body);
			}
		}
		catch (IOException ex) {
			// a reset after the answer: keep what arrived
		}
		return new Answer(status, body.toString(StandardCharsets.UTF_8));
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int next;
		while (matched < 4 && (next = in.read()) != -1) {
			head.write(next);
			matched = (next == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		if (matched < 4) {
			throw new IOException("The server closed the connection without answering: " + head);
		}
		return head.toString(StandardCharsets.ISO_8859_1);
	}

	/** The server's answer: its status and body. */
	public record Answer(int status, String body) {

		public JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON (" + this.status + "): " + this.body, ex);
			}
		}

	}

}
