package io.greenlight.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server that receives webhook deliveries: every request to any path is
 * recorded with its headers and body, and answered with the status set for its path (204
 * unless told otherwise, or a redirect).
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();

	private final Map<String, String> redirectByPath = new ConcurrentHashMap<>();

	private final Map<String, CountDownLatch> heldPaths = new ConcurrentHashMap<>();

	public WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(Executors.newFixedThreadPool(16));
		this.server.createContext("/", this::receive);
		this.server.start();
	}

	/** The URL of a path on this receiver. */
	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** Answers requests to this path with this status from now on. */
	public void answer(String path, int status) {
		this.statusByPath.put(path, status);
	}

	/** Answers requests to this path with 302 to this location from now on. */
	public void redirect(String path, String location) {
		this.redirectByPath.put(path, location);
		this.statusByPath.put(path, 302);
	}

	/**
	 * Requests to this path are recorded as they arrive and then left unanswered until
	 * {@link #release(String)}: a receiver that hangs, with the sender waiting on it.
	 */
	public void hold(String path) {
		this.heldPaths.put(path, new CountDownLatch(1));
	}

	/** Answers the held requests to this path, and the next ones at once. */
	public void release(String path) {
		CountDownLatch held = this.heldPaths.remove(path);
		if (held != null) {
			held.countDown();
		}
	}

	public List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	public List<Delivery> deliveries(String path) {
		return this.deliveries.stream().filter(delivery -> delivery.path().equals(path)).toList();
	}

	private void receive(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			byte[] bytes = body.readAllBytes();
			String path = exchange.getRequestURI().getPath();
			int status = this.statusByPath.getOrDefault(path, 204);
			this.deliveries.add(new Delivery(path, exchange.getRequestMethod(),
					Map.copyOf(exchange.getRequestHeaders()
						.entrySet()
						.stream()
						.collect(java.util.stream.Collectors.toMap(entry -> entry.getKey().toLowerCase(),
								entry -> entry.getValue().get(0), (a, b) -> a))),
					bytes, status));
			awaitRelease(this.heldPaths.get(path));
			String location = this.redirectByPath.get(path);
			if (location != null) {
				exchange.getResponseHeaders().add("Location", location);
			}
			exchange.sendResponseHeaders(status, -1);
		}
		finally {
			exchange.close();
		}
	}

	private static void awaitRelease(CountDownLatch held) {
		if (held == null) {
			return;
		}
		try {
			held.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request as received. */
	public record Delivery(String path, String method, Map<String, String> headers, byte[] body, int answeredWith) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase());
		}

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
