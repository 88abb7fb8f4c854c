package io.greenlight.storage;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.Random;

import io.greenlight.support.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class IsoMediaDurationTests {

	private static final long GIGABYTE = 1024L * 1024 * 1024;

	@TempDir
	Path directory;

	@Test
	void readsTheMovieHeaderAtTheStart() throws IOException {
		Path file = write(TestFiles.mp4Running(30_000));

		assertThat(duration(file)).hasValue(30_000);
	}

	@Test
	void findsTheMovieHeaderAfterALargeMediaDataBoxWithoutReadingIt() throws IOException {
		// ftyp, then 4 GB of media data declared with a 64-bit size, then moov: a sparse
		// file, so the test writes only the headers
		byte[] mp4 = TestFiles.mp4Running(95_500);
		long mdatSize = 4 * GIGABYTE;
		Path file = this.directory.resolve("large.mp4");
		try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
			out.write(mp4, 0, 24);
			out.writeInt(1);
			out.write(ascii("mdat"));
			out.writeLong(mdatSize);
			out.seek(24 + mdatSize);
			out.write(mp4, 24, mp4.length - 24);
		}

		try (CountingChannel channel = new CountingChannel(Files.newByteChannel(file))) {
			assertThat(new IsoMediaDuration(channel).durationMs()).hasValue(95_500);
			assertThat(channel.bytesRead).isLessThan(200);
		}
	}

	@Test
	void readsAVersionOneMovieHeaderWithSixtyFourBitDuration() throws IOException {
		ByteBuffer mp4 = ByteBuffer.allocate(24 + 8 + 120);
		mp4.putInt(24).put(ascii("ftypisom")).putInt(512).put(ascii("isomiso2"));
		mp4.putInt(8 + 120).put(ascii("moov"));
		mp4.putInt(120).put(ascii("mvhd")).putInt(0x01000000).putLong(0).putLong(0);
		mp4.putInt(90_000).putLong(90_000L * 7200); // two hours at 90 kHz

		assertThat(duration(write(mp4.array()))).hasValue(7_200_000);
	}

	@Test
	void aFileThatOnlyStartsLikeAnMp4IsGivenUpOnAfterAFewReads() throws IOException {
		// what the upload benchmark sends: an MP4 file type box, then noise
		byte[] content = TestFiles.file(TestFiles.MP4_HEADER, 8 * 1024 * 1024, 42);
		Path file = write(content);

		try (CountingChannel channel = new CountingChannel(Files.newByteChannel(file))) {
			IsoMediaDuration iso = new IsoMediaDuration(channel);
			assertThat(iso.recognised()).isTrue();
			assertThat(iso.durationMs()).isEmpty();
			assertThat(channel.bytesRead).isLessThan(8 * IsoMediaDuration.MAX_BOXES * 2 + 100);
		}
	}

	@Test
	void boxSizesThatDoNotFitTheFileEndTheSearch() throws IOException {
		for (long size : new long[] { 3, 7, 0xFFFFFFF0L }) {
			ByteBuffer mp4 = ByteBuffer.allocate(24 + 16 + 1024);
			mp4.putInt(24).put(ascii("ftypisom")).putInt(512).put(ascii("isomiso2"));
			mp4.putInt((int) size).put(ascii("mdat"));
			assertThat(duration(write(mp4.array()))).as("box size %d", size).isEmpty();
		}
		ByteBuffer huge = ByteBuffer.allocate(24 + 16 + 1024);
		huge.putInt(24).put(ascii("ftypisom")).putInt(512).put(ascii("isomiso2"));
		huge.putInt(1).put(ascii("mdat")).putLong(Long.MAX_VALUE);
		assertThat(duration(write(huge.array()))).isEmpty();
		huge.putLong(32, -5);
		assertThat(duration(write(huge.array()))).isEmpty();
	}

	@Test
	void aMovieHeaderCutShortOrWithoutATimescaleSaysNothing() throws IOException {
		byte[] mp4 = TestFiles.mp4Running(30_000);
		assertThat(duration(write(java.util.Arrays.copyOf(mp4, 24 + 8 + 20)))).isEmpty();
		ByteBuffer noTimescale = ByteBuffer.wrap(mp4.clone());
		noTimescale.putInt(24 + 8 + 20, 0);
		assertThat(duration(write(noTimescale.array()))).isEmpty();
	}

	@Test
	void countlessTinyBoxesAreNotReadToTheEnd() throws IOException {
		ByteBuffer boxes = ByteBuffer.allocate(8 * 100_000);
		while (boxes.hasRemaining()) {
			boxes.putInt(8).put(ascii("free"));
		}
		Path file = write(boxes.array());

		try (CountingChannel channel = new CountingChannel(Files.newByteChannel(file))) {
			assertThat(new IsoMediaDuration(channel).durationMs()).isEmpty();
			assertThat(channel.bytesRead).isLessThanOrEqualTo(8L * (IsoMediaDuration.MAX_BOXES + 1));
		}
	}

	@Test
	void otherFilesAreNotRecognised() throws IOException {
		Path png = write(TestFiles.file(TestFiles.PNG_HEADER, 4096, 1));
		Path tiny = write(new byte[] { 'I', 'D', '3' });
		byte[] noise = new byte[4096];
		new Random(7).nextBytes(noise);

		for (Path file : new Path[] { png, tiny, write(noise) }) {
			try (SeekableByteChannel channel = Files.newByteChannel(file)) {
				assertThat(new IsoMediaDuration(channel).recognised()).isFalse();
			}
		}
	}

	private OptionalLong duration(Path file) throws IOException {
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			return new IsoMediaDuration(channel).durationMs();
		}
	}

	private Path write(byte[] content) throws IOException {
		return Files.write(Files.createTempFile(this.directory, "media-", ".mp4"), content);
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/** Counts the bytes read through it. */
	static final class CountingChannel implements SeekableByteChannel {

		private final SeekableByteChannel channel;

		long bytesRead;

		CountingChannel(SeekableByteChannel channel) {
			this.channel = channel;
		}

		@Override
		public int read(ByteBuffer destination) throws IOException {
			int read = this.channel.read(destination);
			this.bytesRead += Math.max(read, 0);
			return read;
		}

		@Override
		public int write(ByteBuffer source) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long position() throws IOException {
			return this.channel.position();
		}

		@Override
		public SeekableByteChannel position(long position) throws IOException {
			this.channel.position(position);
			return this;
		}

		@Override
		public long size() throws IOException {
			return this.channel.size();
		}

		@Override
		public SeekableByteChannel truncate(long size) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean isOpen() {
			return this.channel.isOpen();
		}

		@Override
		public void close() throws IOException {
			this.channel.close();
		}

	}

}
