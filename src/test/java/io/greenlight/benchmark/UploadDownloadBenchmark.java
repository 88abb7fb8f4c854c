package io.greenlight.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

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
 * started with a 256 MB heap, and prints throughput and the largest heap use seen. The
 * same run measures what the disk and CPU allow with the same file on the same disk: a
 * {@code cp} of it and a {@code sha256sum} of it, so the upload reads as a ratio to
 * those, not as a figure that depends on the machine and its load. Upload and {@code cp}
 * each write a fresh file and are timed up to a {@code sync} after it; each runs three
 * times after a round that warms up, and the median counts. See docs/operations.md,
 * "Benchmarks".
 * <p>
 * {@code ./mvnw -B verify -Pbenchmarks -Dit.test=UploadDownloadBenchmark
 * [-Dgreenlight.benchmark.megabytes=2048] [-Dgreenlight.benchmark.runs=3]
 * [-Dgreenlight.benchmark.jfr=/tmp/upload.jfr]
 * [-Dgreenlight.benchmark.jar=/tmp/an-earlier-build.jar]}
 */
class UploadDownloadBenchmark {

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	Path workspace;

	@Test
	void uploadAndDownloadALargeFileWithASmallHeap() throws Exception {
		long bytes = Long.getLong("greenlight.benchmark.megabytes", 2048) * 1024 * 1024;
		int runs = Integer.getInteger("greenlight.benchmark.runs", 3);
		Path source = this.workspace.resolve("source.mp4");
		try (InputStream in = new GeneratedVideo(bytes)) {
			Files.copy(in, source);
		}
		run("sync");
		int port = freePort();
		Process server = startServer(port);
		try {
			Http http = new Http(port);
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> http.get(null, "/actuator/health").status() == 200);
			ProductionDriver productions = new ProductionDriver(http);
			String sha256 = null;
			double[] cp = new double[runs];
			double[] hash = new double[runs];
			double[] upload = new double[runs];
			double[] download = new double[runs];
			double[] sync = new double[runs];
			double[] uploadCpu = new double[runs];
			HeapWatch heap = new HeapWatch(http);
			heap.start();
			// round 0 warms up the server (JIT) and the page cache and is not counted
			for (int round = 0; round <= runs; round++) {
				// interleaved, so a change in the machine's load falls on all of them
				// alike
				Path copy = this.workspace.resolve("copy.mp4");
				double cpSeconds = seconds(() -> run("sh", "-c", "cp '" + source + "' '" + copy + "' && sync"));
				Files.delete(copy);
				String[] sum = new String[1];
				double hashSeconds = seconds(() -> sum[0] = run("sha256sum", source.toString()).split("\\s+")[0]);

				String assetId = waitingForAVersion(productions, round);
				JsonNode[] version = new JsonNode[1];
				Duration cpuBefore = cpu(server);
				long uploadStart = System.nanoTime();
				version[0] = upload(port, assetId, source);
				double syncSeconds = seconds(() -> run("sync"));
				double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
				double serverCpu = (cpu(server).toMillis() - cpuBefore.toMillis()) / 1000.0;
				sha256 = version[0].get("sha256").asText();
				assertThat(sha256).isEqualTo(sum[0]);
				String versionId = version[0].get("id").asText();
				double downloadSeconds = seconds(() -> assertThat(download(port, versionId)).isEqualTo(bytes));
				// the next upload writes a fresh file too, as cp does
				Path stored = this.workspace.resolve("files")
					.resolve(sha256.substring(0, 2))
					.resolve(sha256.substring(2, 4))
					.resolve(sha256);
				Files.delete(stored);
				if (round > 0) {
					cp[round - 1] = cpSeconds;
					hash[round - 1] = hashSeconds;
					upload[round - 1] = uploadSeconds;
					download[round - 1] = downloadSeconds;
					sync[round - 1] = syncSeconds;
					uploadCpu[round - 1] = serverCpu;
				}
			}
			heap.finish();

			double megabytes = bytes / (1024.0 * 1024.0);
			double cpMedian = median(cp);
			double hashMedian = median(hash);
			System.out.printf("%nGreenlight upload/download benchmark (server heap -Xmx256m, H2, local disk)%n");
			System.out.printf("  file size           %,.0f MB, %d runs each, median in brackets%n", megabytes, runs);
			System.out.printf("  load average        %s%n", run("uptime").replaceFirst(".*load average: ", ""));
			print("cp + sync", cp, megabytes, cpMedian, hashMedian);
			print("sha256sum", hash, megabytes, cpMedian, hashMedian);
			print("upload (PUT) + sync", upload, megabytes, cpMedian, hashMedian);
			print("download (GET)", download, megabytes, cpMedian, hashMedian);
			System.out.printf("  of the upload, sync   %s s; the server's CPU time %s s%n", list(sync),
					list(uploadCpu));
			System.out.printf("  peak heap used seen %.0f MB (sampled every 200 ms from /actuator/metrics)%n%n",
					heap.peak() / (1024.0 * 1024.0));
		}
		finally {
			server.destroy();
			server.waitFor();
			FileSystemUtils.deleteRecursively(this.workspace);
		}
	}

	// a new production each time: an upload completes the task that waits for it
	private static String waitingForAVersion(ProductionDriver productions, int run) {
		String assetId = productions.start("Benchmark master " + (run + 1));
		productions.claimAndComplete(Users.PRODUCER, assetId, "UserTask_ApproveBrief",
				Map.of("briefDecision", "APPROVED"));
		productions.awaitTask(Users.CREATIVE, assetId, "UserTask_ProduceVersion");
		return assetId;
	}

	// curl, as scripts upload: the JDK's HttpClient sends and receives at about half its
	// speed here, so the benchmark would measure the client
	private static JsonNode upload(int port, String assetId, Path source) throws Exception {
		String output = run("curl", "-sS", "-u", Users.CREATIVE + ":" + Users.PASSWORD, "-H", "Expect:", "-H",
				"Content-Type: application/octet-stream", "-T", source.toString(), "-w", "\\n%{http_code}",
				"http://localhost:" + port + "/api/assets/" + assetId + "/versions?fileName=master.mp4");
		String body = output.substring(0, output.lastIndexOf('\n'));
		assertThat(output.substring(output.lastIndexOf('\n') + 1)).as(body).isEqualTo("201");
		return JSON.readTree(body);
	}

	private static long download(int port, String versionId) throws Exception {
		String output = run("curl", "-sS", "-f", "-u", Users.CREATIVE + ":" + Users.PASSWORD, "-o", "/dev/null", "-w",
				"%{size_download}", "http://localhost:" + port + "/api/versions/" + versionId + "/file");
		return Long.parseLong(output);
	}

	private static void print(String what, double[] seconds, double megabytes, double cpMedian, double hashMedian) {
		StringBuilder each = new StringBuilder();
		for (double s : seconds) {
			each.append(String.format("%5.1f s %4.0f MB/s  ", s, megabytes / s));
		}
		double median = median(seconds);
		System.out.printf("  %-20s %s[%.1f s, %.0f MB/s, %.2f× cp, %.2f× sha256sum]%n", what, each, median,
				megabytes / median, cpMedian / median, hashMedian / median);
	}

	private static String list(double[] values) {
		return Arrays.stream(values).mapToObj(value -> String.format("%.1f", value)).collect(Collectors.joining(", "));
	}

	// user and system time of the whole process, every thread
	private static Duration cpu(Process process) {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double seconds(Step step) throws Exception {
		long start = System.nanoTime();
		step.run();
		return (System.nanoTime() - start) / 1e9;
	}

	// runs a command, fails on a non-zero exit, @return its output
	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
		return output;
	}

	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

	private Process startServer(int port) throws IOException {
		String given = System.getProperty("greenlight.benchmark.jar");
		Path jar = (given != null) ? Path.of(given)
				: Files.list(Path.of("target"))
					.filter(path -> path.getFileName().toString().matches("greenlight-.*\\.jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("Build the jar first: ./mvnw -B package -DskipTests"));
		List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
		String jfr = System.getProperty("greenlight.benchmark.jfr");
		if (jfr != null) {
			// where the server's time goes: jfr print --events jdk.ExecutionSample <file>
			command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
		}
		command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=demo", "--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:mem:benchmark;DB_CLOSE_DELAY=-1",
				"--greenlight.storage.directory=" + this.workspace.resolve("files"),
				"--greenlight.storage.max-upload-size=64GB", "--logging.level.root=WARN"));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.workspace.resolve("server.log").toFile())
			.start();
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
