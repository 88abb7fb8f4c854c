package io.greenlight.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import io.greenlight.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MediaProbeTests {

	private final MediaProbe probe = new MediaProbe();

	@TempDir
	Path directory;

	@Test
	void readsHowLongAnMp4OnDiskRuns() throws IOException {
		Path file = Files.write(this.directory.resolve("short.mp4"), TestFiles.mp4Running(30_000));

		assertThat(this.probe.durationMs(new FileSystemResource(file), "video/mp4")).hasValue(30_000);
	}

	@Test
	void readsHowLongAnMp4ElsewhereRuns() {
		assertThat(this.probe.durationMs(new ByteArrayResource(TestFiles.mp4Running(12_000)), "video/mp4"))
			.hasValue(12_000);
	}

	@Test
	void aLargeFileThatOnlyStartsLikeAnMp4IsNotReadThrough() throws IOException {
		// 8 GB with an MP4 file type box and nothing after it: sparse, so only reading it
		// through would take long
		Path file = this.directory.resolve("fake.mp4");
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			out.write(TestFiles.MP4_HEADER);
			out.setLength(8L * 1024 * 1024 * 1024);
		}

		assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
				() -> assertThat(this.probe.durationMs(new FileSystemResource(file), "video/mp4")).isEmpty());
	}

	@Test
	void filesThatAreNoVideoOrAudioAreNotRead() throws IOException {
		Path file = Files.write(this.directory.resolve("still.png"), TestFiles.file(TestFiles.PNG_HEADER, 512, 1));

		assertThat(this.probe.durationMs(new FileSystemResource(file), "image/png")).isEmpty();
	}

}
