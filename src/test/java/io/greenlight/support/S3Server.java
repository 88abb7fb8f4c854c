package io.greenlight.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real S3 server for the tests of the S3 blob store: S3Proxy, started once per test JVM
 * as a process of its own ({@code java -jar}, the jar the build copies to
 * {@code target/test-tools/}, named by the system property
 * {@code greenlight.test.s3proxy}), keeping its objects in files under
 * {@code target/s3proxy/}, checking AWS signatures, and stopped when the JVM exits.
 * Several Greenlight servers (in this JVM or in processes of their own) can share one
 * bucket: {@link #greenlightProperties(String)} (or {@link #greenlightEnvironment}) are
 * the settings that point one at it; {@link #keys} and {@link #pendingUploads} show what
 * they left in it.
 */
public final class S3Server {

	public static final String ACCESS_KEY = "greenlight-test";

	public static final String SECRET_KEY = "greenlight-test-secret";

	public static final String REGION = "us-east-1";

	private static S3Server running;

	private final Process process;

	private final URI endpoint;

	private final Path log;

	private final S3Client client;

	private final AtomicInteger buckets = new AtomicInteger();

	private S3Server(Process process, URI endpoint, Path log) {
		this.process = process;
		this.endpoint = endpoint;
		this.log = log;
		this.client = clientBuilder().build();
	}

	/** The server of this JVM, started on first use. */
	public static synchronized S3Server get() {
		if (running == null) {
			running = start();
			Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "s3proxy-stop"));
		}
		return running;
	}

	/** Where it answers: {@code http://127.0.0.1:<port>}, path-style buckets only. */
	public URI endpoint() {
		return this.endpoint;
	}

	public String accessKey() {
		return ACCESS_KEY;
	}

	public String secretKey() {
		return SECRET_KEY;
	}

	public String region() {
		return REGION;
	}

	/** A client signed in as the tests, to look at what the server under test stored. */
	public S3Client client() {
		return this.client;
	}

	/**
	 * A client for this server, configured as Greenlight configures its own, to add to
	 * (an interceptor that records requests, say) before building it.
	 */
	public S3ClientBuilder clientBuilder() {
		return S3Client.builder()
			.httpClientBuilder(ApacheHttpClient.builder())
			.endpointOverride(this.endpoint)
			.region(Region.of(REGION))
			.forcePathStyle(true)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
	}

	/** A new, empty bucket whose name starts with that purpose. */
	public String newBucket(String purpose) {
		String bucket = (purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-"
				+ this.buckets.incrementAndGet() + "-" + Long.toString(System.nanoTime(), 36));
		bucket = bucket.substring(Math.max(0, bucket.length() - 63)).replaceAll("^-+", "");
		String name = bucket;
		this.client.createBucket(create -> create.bucket(name));
		return name;
	}

	/** The keys of every object in the bucket, in key order. */
	public List<String> keys(String bucket) {
		return this.client.listObjectsV2Paginator(list -> list.bucket(bucket))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	/** The keys of multipart uploads begun and neither completed nor aborted. */
	public List<String> pendingUploads(String bucket) {
		return this.client.listMultipartUploads(list -> list.bucket(bucket))
			.uploads()
			.stream()
			.map(MultipartUpload::key)
			.toList();
	}

	/**
	 * The settings that make a Greenlight server keep its files in that bucket, as Spring
	 * property names (for {@code --name=value} arguments or a property source).
	 */
	public Map<String, String> greenlightProperties(String bucket) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("greenlight.storage.type", "s3");
		properties.put("greenlight.storage.s3.bucket", bucket);
		properties.put("greenlight.storage.s3.endpoint", this.endpoint.toString());
		properties.put("greenlight.storage.s3.region", REGION);
		properties.put("greenlight.storage.s3.access-key", ACCESS_KEY);
		properties.put("greenlight.storage.s3.secret-key", SECRET_KEY);
		properties.put("greenlight.storage.s3.path-style-access", "true");
		return properties;
	}

	/**
	 * The same settings as the environment variables an operator sets
	 * ({@code GREENLIGHT_STORAGE_TYPE}, {@code GREENLIGHT_S3_*}).
	 */
	public Map<String, String> greenlightEnvironment(String bucket) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("GREENLIGHT_STORAGE_TYPE", "s3");
		environment.put("GREENLIGHT_S3_BUCKET", bucket);
		environment.put("GREENLIGHT_S3_ENDPOINT", this.endpoint.toString());
		environment.put("GREENLIGHT_S3_REGION", REGION);
		environment.put("GREENLIGHT_S3_ACCESS_KEY", ACCESS_KEY);
		environment.put("GREENLIGHT_S3_SECRET_KEY", SECRET_KEY);
		environment.put("GREENLIGHT_S3_PATH_STYLE", "true");
		return environment;
	}

	/** Points the server under test at that bucket. */
	public void register(DynamicPropertyRegistry registry, String bucket) {
		greenlightProperties(bucket).forEach((name, value) -> registry.add(name, () -> value));
	}

	private static S3Server start() {
		Path jar = Path.of(System.getProperty("greenlight.test.s3proxy", "target/test-tools/s3proxy.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath() + " is missing: ./mvnw generate-test-resources "
					+ "copies S3Proxy there (maven-dependency-plugin, pom.xml)");
		}
		int port = TestSmtp.freePort();
		URI endpoint = URI.create("http://127.0.0.1:" + port);
		try {
			Path work = jar.toAbsolutePath().getParent().resolveSibling("s3proxy").resolve(String.valueOf(port));
			Files.createDirectories(work.resolve("data"));
			Path configuration = work.resolve("s3proxy.conf");
			Files.writeString(configuration,
					String.join("\n", "s3proxy.endpoint=" + endpoint, "s3proxy.authorization=aws-v2-or-v4",
							"s3proxy.identity=" + ACCESS_KEY, "s3proxy.credential=" + SECRET_KEY,
							"jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + work.resolve("data"),
							"jclouds.identity=" + ACCESS_KEY, "jclouds.credential=" + SECRET_KEY, ""),
					StandardCharsets.UTF_8);
			Path log = work.resolve("s3proxy.log");
			Path java = Path.of(System.getProperty("java.home"), "bin", "java");
			Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toAbsolutePath().toString(),
					"--properties", configuration.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			S3Server server = new S3Server(process, endpoint, log);
			server.awaitAnswer();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("S3Proxy did not start", ex);
		}
	}

	// any answer will do: an unsigned request is refused (403) once it listens
	private void awaitAnswer() throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		Instant deadline = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("S3Proxy stopped at once: " + Files.readString(this.log));
			}
			try {
				http.send(HttpRequest.newBuilder(this.endpoint).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				return;
			}
			catch (IOException ex) {
				pause();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		stop();
		throw new IllegalStateException(
				"S3Proxy did not answer at " + this.endpoint + " within a minute: " + Files.readString(this.log));
	}

	private void stop() {
		this.client.close();
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
