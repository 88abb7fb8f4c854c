package io.greenlight.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The running time of an ISO base media file (MP4, QuickTime, M4A, 3GP) from its movie
 * header ({@code moov/mvhd}), reading box headers only: every other box, the media data
 * ({@code mdat}) above all, is stepped over by its declared size, so the movie header is
 * found wherever it is, at the start or after gigabytes of media at the end, in a few
 * reads. A box whose size does not fit the file ends the search: the duration is then
 * unknown, and nothing more is read.
 */
final class IsoMediaDuration {

	/**
	 * The boxes a file of this family starts with ({@code ftyp}; older QuickTime files
	 * start with others).
	 */
	private static final Set<String> FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");

	/**
	 * Real files have a handful of top-level boxes and of boxes in {@code moov} before
	 * {@code mvhd}; a file of countless tiny boxes is not read to its end.
	 */
	static final int MAX_BOXES = 1000;

	private final SeekableByteChannel channel;

	private final ByteBuffer header = ByteBuffer.allocate(16);

	private int boxesSeen;

	IsoMediaDuration(SeekableByteChannel channel) {
		this.channel = channel;
	}

	/** Whether the file starts like an ISO base media file. */
	boolean recognised() throws IOException {
		Box first = box(0, this.channel.size());
		return first != null && FIRST_BOXES.contains(first.type);
	}

	/**
	 * @return the running time in milliseconds; empty when the headers do not say
	 */
	OptionalLong durationMs() throws IOException {
		Box moov = find("moov", 0, this.channel.size());
		Box mvhd = (moov != null) ? find("mvhd", moov.bodyStart, moov.end) : null;
		return (mvhd != null) ? movieHeaderDuration(mvhd) : OptionalLong.empty();
	}

	// the first box of that type among the boxes that fill [start, end)
	private Box find(String type, long start, long end) throws IOException {
		long position = start;
		while (position < end && this.boxesSeen++ < MAX_BOXES) {
			Box box = box(position, end);
			if (box == null) {
				return null;
			}
			if (box.type.equals(type)) {
				return box;
			}
			position = box.end;
		}
		return null;
	}

	// the box header at that position; null when there is none, or its size does not fit
	private Box box(long position, long parentEnd) throws IOException {
		if (!read(position, 8)) {
			return null;
		}
		long size = Integer.toUnsignedLong(this.header.getInt());
		String type = type(this.header);
		long bodyStart = position + 8;
		if (size == 1) { // a 64-bit size follows the type
			if (!read(bodyStart, 8)) {
				return null;
			}
			size = this.header.getLong();
			bodyStart += 8;
		}
		else if (size == 0) { // the box runs to the end of what contains it
			size = parentEnd - position;
		}
		if (size < bodyStart - position || size > parentEnd - position) {
			return null;
		}
		return new Box(type, bodyStart, position + size);
	}

	// version 0: 32-bit times and duration; version 1: 64-bit
	private OptionalLong movieHeaderDuration(Box mvhd) throws IOException {
		if (!read(mvhd.bodyStart, 1)) {
			return OptionalLong.empty();
		}
		boolean wide = this.header.get() == 1;
		long fields = mvhd.bodyStart + 4 + (wide ? 16 : 8);
		if (fields + (wide ? 12 : 8) > mvhd.end || !read(fields, wide ? 12 : 8)) {
			return OptionalLong.empty();
		}
		long timescale = Integer.toUnsignedLong(this.header.getInt());
		long duration = wide ? this.header.getLong() : Integer.toUnsignedLong(this.header.getInt());
		// all bits set means "unknown"
		boolean unknown = wide ? duration == -1 : duration == 0xFFFFFFFFL;
		if (timescale == 0 || duration <= 0 || unknown) {
			return OptionalLong.empty();
		}
		long ms = Math.round(duration * 1000.0 / timescale);
		return (ms > 0) ? OptionalLong.of(ms) : OptionalLong.empty();
	}

	// exactly that many bytes at that position into the header buffer, flipped for
	// reading
	private boolean read(long position, int length) throws IOException {
		if (position < 0 || position > this.channel.size() - length) {
			return false;
		}
		this.header.clear().limit(length);
		this.channel.position(position);
		while (this.header.hasRemaining()) {
			if (this.channel.read(this.header) < 0) {
				return false;
			}
		}
		this.header.flip();
		return true;
	}

	private static String type(ByteBuffer buffer) {
		byte[] type = new byte[4];
		buffer.get(type);
		return new String(type, StandardCharsets.ISO_8859_1);
	}

	private record Box(String type, long bodyStart, long end) {
	}

}
