package io.greenlight.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greenlight.support.TestFiles;
import io.greenlight.support.Http;
import io.greenlight.support.ProductionDriver;
import io.greenlight.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the test suite: uploads and downloads one large file through a server
 * started with a 256 MB heap, and prints throughput and the largest heap use seen. See
 * docs/operations.md, "Benchmarks".
 * <p>
 * {@code ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=UploadDownloadBenchmark [-Dgreenlight.benchmark.megabytes=2048]}
 */
class UploadDownloadBenchmark {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path workspace;

	@Test
	void uploadAndDownloadALargeFileWithASmallHeap() throws Exception {
		long bytes = Long.getLong("greenlight.benchmark.megabytes", 2048) * 1024 * 1024;
		int port = freePort();
		Process server = startServer(port);
		try {
			Http http = new Http(port);
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> http.get(null, "/actuator/health").status() == 200);
			ProductionDriver productions = new ProductionDriver(http);
			String assetId = productions.start("Benchmark master");
			productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
					Map.of("briefDecision", "APPROVED"));
			productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");

			HeapWatch heap = new HeapWatch(http);
			heap.start();
			long uploadStart = System.nanoTime();
			HttpResponse<String> upload = client()
				.send(request(port, "/api/assets/" + assetId + "/versions?fileName=master.mp4")
					.header("Content-Type", "application/octet-stream")
					.PUT(HttpRequest.BodyPublishers.fromPublisher(
							HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedVideo(bytes)), bytes))
					.build(), HttpResponse.BodyHandlers.ofString());
			double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
			assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
			String versionId = JSON.readTree(upload.body()).get("id").asText();

			long downloadStart = System.nanoTime();
			HttpResponse<InputStream> download = client().send(
					request(port, "/api/versions/" + versionId + "/file").GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			long downloaded;
			try (InputStream in = download.body()) {
				downloaded = in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			double downloadSeconds = (System.nanoTime() - downloadStart) / 1e9;
			heap.finish();
			assertThat(downloaded).isEqualTo(bytes);

			double megabytes = bytes / (1024.0 * 1024.0);
			System.out.printf("%nGreenlight upload/download benchmark (server heap -Xmx256m, H2, local disk)%n");
			System.out.printf("  file size           %,.0f MB%n", megabytes);
			System.out.printf(
					"  upload (raw PUT)    %.1f s, %.0f MB/s (stream, SHA-256, detect, atomic move, register)%n",
					uploadSeconds, megabytes / uploadSeconds);
			System.out.printf("  download (GET)      %.1f s, %.0f MB/s%n", downloadSeconds,
					megabytes / downloadSeconds);
			System.out.printf("  peak heap used seen %.0f MB (sampled every 200 ms from /actuator/metrics)%n%n",
					heap.peak() / (1024.0 * 1024.0));
		}
		finally {
			server.destroy();
			server.waitFor();
			FileSystemUtils.deleteRecursively(this.workspace);
		}
	}

	private Process startServer(int port) throws IOException {
		Path jar = Files.list(Path.of("target"))
			.filter(path -> path.getFileName().toString().matches("greenlight-.*\\.jar"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw -B package -DskipTests"));
		return new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString(), "--spring.profiles.active=demo",
				"--server.port=" + port, "--spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1",
				"--greenlight.storage.directory=" + this.workspace.resolve("files"),
				"--greenlight.storage.max-upload-size=64GB", "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(this.workspace.resolve("server.log").toFile())
			.start();
	}

	private static HttpRequest.Builder request(int port, String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((Users.CREATIVE + ":" + Users.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + credentials);
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** An MP4-looking stream of the given length, generated as it is read. */
	private static final class GeneratedVideo extends InputStream {

		private final long length;

		private long position;

		GeneratedVideo(long length) {
			this.length = length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xff);
		}

		@Override
		public int read(byte[] buffer, int offset, int count) {
			if (this.position >= this.length) {
				return -1;
			}
			int n = (int) Math.min(count, this.length - this.position);
			for (int i = 0; i < n; i++) {
				long at = this.position + i;
				buffer[offset + i] = (at < TestFiles.MP4_HEADER.length) ? TestFiles.MP4_HEADER[(int) at]
						: (byte) (at * 31 >>> 3);
			}
			this.position += n;
			return n;
		}

	}

	/** Samples the server's heap in use while the transfer runs. */
	private static final class HeapWatch extends Thread {

		private final Http http;

		private final AtomicLong peak = new AtomicLong();

		private volatile boolean running = true;

		HeapWatch(Http http) {
			this.http = http;
			setDaemon(true);
		}

		@Override
		public void run() {
			while (this.running) {
				try {
					JsonNode metric = this.http.get(Users.OPS, "/actuator/metrics/jvm.memory.used?tag=area:heap")
						.json();
					long used = metric.get("measurements").get(0).get("value").asLong();
					this.peak.accumulateAndGet(used, Math::max);
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (RuntimeException ex) {
					// the server is busy; try again
				}
			}
		}

		void finish() throws InterruptedException {
			this.running = false;
			join(2000);
		}

		long peak() {
			return this.peak.get();
		}

	}

}
