package io.greenlight.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A request whose body is counted as it is read, by whoever reads it: a read past the
 * limit of bytes, or past the most parts of a multipart body, refuses the request and
 * fails, so nothing beyond the limit is ever read into memory.
 */
final class LimitedRequest extends HttpServletRequestWrapper {

	private final RequestLimits limits;

	private final Refusal refusal;

	private ServletInputStream body;

	LimitedRequest(HttpServletRequest request, RequestLimits limits, Refusal refusal) {
		super(request);
		this.limits = limits;
		this.refusal = refusal;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.body == null) {
			this.body = new CountedBody(super.getInputStream(), parts(getContentType()));
		}
		return this.body;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	private static MultipartParts parts(String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			String boundary = type.getParameter("boundary");
			if (!"multipart".equalsIgnoreCase(type.getType()) || boundary == null) {
				return null;
			}
			boolean quoted = boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"");
			return new MultipartParts(quoted ? boundary.substring(1, boundary.length() - 1) : boundary);
		}
		catch (InvalidMediaTypeException ex) {
			// whoever reads the body will say it cannot
			return null;
		}
	}

	private final class CountedBody extends ServletInputStream {

		private final ServletInputStream in;

		private final MultipartParts parts;

		private long read;

		CountedBody(ServletInputStream in, MultipartParts parts) {
			this.in = in;
			this.parts = parts;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			refuseAgain();
			int count = this.in.read(buffer, offset, length);
			if (count > 0) {
				this.read += count;
				if (this.read > LimitedRequest.this.limits.maxBodySize().toBytes()) {
					refuse(LimitedRequest.this.limits.bodyTooLarge());
				}
				if (this.parts != null) {
					this.parts.scan(buffer, offset, count);
					// the delimiter that closes the body counts as one
					if (this.parts.delimiters() > LimitedRequest.this.limits.maxParts() + 1) {
						refuse(LimitedRequest.this.limits.tooManyParts());
					}
				}
			}
			return count;
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

		private void refuse(String why) throws RefusedBodyException {
			LimitedRequest.this.refusal.refuse(why);
			throw new RefusedBodyException(why);
		}

		// a reader that carries on after the first failure gets nothing more
		private void refuseAgain() throws RefusedBodyException {
			if (LimitedRequest.this.refusal.refused()) {
				throw new RefusedBodyException(LimitedRequest.this.refusal.reason());
			}
		}

	}

	/** Reading stopped at a limit. */
	static final class RefusedBodyException extends IOException {

		RefusedBodyException(String message) {
			super(message);
		}

	}

}
