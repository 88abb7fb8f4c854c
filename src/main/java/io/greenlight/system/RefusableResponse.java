package io.greenlight.system;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response to a request whose body is read within limits. Once the body is refused,
 * whatever the application answers goes nowhere (typically its 400 for a body that broke
 * off, or a 500), so the filter can answer 413 and say why.
 */
final class RefusableResponse extends HttpServletResponseWrapper {

	private static final ServletOutputStream NOWHERE = new ServletOutputStream() {

		@Override
		public void write(int b) {
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setWriteListener(WriteListener listener) {
		}

	};

	private final Refusal refusal;

	RefusableResponse(HttpServletResponse response, Refusal refusal) {
		super(response);
		this.refusal = refusal;
	}

	private boolean answering() {
		return !this.refusal.refused();
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		return answering() ? super.getOutputStream() : NOWHERE;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		return answering() ? super.getWriter() : new PrintWriter(Writer.nullWriter());
	}

	@Override
	public void flushBuffer() throws IOException {
		if (answering()) {
			super.flushBuffer();
		}
	}

	@Override
	public void setStatus(int status) {
		if (answering()) {
			super.setStatus(status);
		}
	}

	@Override
	public void sendError(int status) throws IOException {
		if (answering()) {
			super.sendError(status);
		}
	}

	@Override
	public void sendError(int status, String message) throws IOException {
		if (answering()) {
			super.sendError(status, message);
		}
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		if (answering()) {
			super.sendRedirect(location);
		}
	}

	@Override
	public void setHeader(String name, String value) {
		if (answering()) {
			super.setHeader(name, value);
		}
	}

	@Override
	public void addHeader(String name, String value) {
		if (answering()) {
			super.addHeader(name, value);
		}
	}

	@Override
	public void setIntHeader(String name, int value) {
		if (answering()) {
			super.setIntHeader(name, value);
		}
	}

	@Override
	public void addIntHeader(String name, int value) {
		if (answering()) {
			super.addIntHeader(name, value);
		}
	}

	@Override
	public void setDateHeader(String name, long date) {
		if (answering()) {
			super.setDateHeader(name, date);
		}
	}

	@Override
	public void addDateHeader(String name, long date) {
		if (answering()) {
			super.addDateHeader(name, date);
		}
	}

	@Override
	public void addCookie(Cookie cookie) {
		if (answering()) {
			super.addCookie(cookie);
		}
	}

	@Override
	public void setContentType(String type) {
		if (answering()) {
			super.setContentType(type);
		}
	}

	@Override
	public void setCharacterEncoding(String encoding) {
		if (answering()) {
			super.setCharacterEncoding(encoding);
		}
	}

	@Override
	public void setContentLength(int length) {
		if (answering()) {
			super.setContentLength(length);
		}
	}

	@Override
	public void setContentLengthLong(long length) {
		if (answering()) {
			super.setContentLengthLong(length);
		}
	}

}
