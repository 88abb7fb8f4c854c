package io.greenlight.support;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Greenlight node in a process of its own, run from the packaged jar the way an
 * operator runs it ({@code java -jar greenlight.jar}), so that a test can kill it with
 * SIGKILL and start it again on the same port. Its output goes to
 * {@code target/nodes/<name>.log}.
 */
public final class GreenlightNode implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofMinutes(2);

	private final String name;

	private final int port;

	private final Map<String, String> settings;

	private final Map<String, String> environment;

	private final Path log;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	/**
	 * @param settings Spring properties, passed as {@code --name=value}
	 * @param environment environment variables (the database's {@code GREENLIGHT_DB_*})
	 */
	public GreenlightNode(String name, Map<String, String> settings, Map<String, String> environment) {
		this.name = name;
		this.port = TestSmtp.freePort();
		this.settings = new LinkedHashMap<>(settings);
		this.settings.put("server.port", String.valueOf(this.port));
		this.settings.put("greenlight.base-url", url());
		this.environment = environment;
		this.log = Path.of("target", "nodes", name + ".log");
	}

	/** Starts the process; {@link #awaitReady()} waits until it takes requests. */
	public GreenlightNode start() {
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-jar", jar().toString()));
		this.settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		try {
			Files.createDirectories(this.log.getParent());
			Files.writeString(this.log, "== start " + this.name + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(this.log.toFile()));
			builder.environment().putAll(this.environment);
			this.process = builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Node " + this.name + " did not start", ex);
		}
		return this;
	}

	/** Waits until the node's readiness probe answers UP. */
	public GreenlightNode awaitReady() {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"Node " + this.name + " exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			if (ready()) {
				return this;
			}
			pause(Duration.ofMillis(250));
		}
		throw new IllegalStateException("Node " + this.name + " not ready after " + STARTUP + ":\n" + logTail());
	}

	/** Whether {@code /actuator/health/readiness} answers 200 (UP). */
	public boolean ready() {
		try {
			HttpResponse<Void> response = this.client
				.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * SIGKILL, as the kernel's OOM killer or a pulled plug: no shutdown hook, no
	 * transaction finished, no lease given back.
	 */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/** SIGTERM: Spring's graceful shutdown, as a rolling upgrade stops a node. */
	public void stop() {
		if (this.process == null || !this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
	}

	/**
	 * The operating system's id of the node's process: a restarted node has a new one.
	 */
	public long pid() {
		return this.process.pid();
	}

	public boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	public int port() {
		return this.port;
	}

	public String name() {
		return this.name;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	/** The last lines the node wrote, for a failure's message. */
	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		stop();
	}

	private void waitForExit() {
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// the JVM running the tests, so the nodes run on the same Java
	private static String javaCommand() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static Path jar() {
		String jar = System.getProperty("greenlight.jar");
		if (jar == null || !Files.isRegularFile(Path.of(jar))) {
			throw new IllegalStateException("No packaged server at " + jar + " (system property greenlight.jar, "
					+ "set by the build: run the tests with ./mvnw verify, which packages it first)");
		}
		return Path.of(jar);
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
