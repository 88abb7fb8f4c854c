package io.greenlight.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Files as a creative would upload them: content that media-type detection recognises by
 * its first bytes, the rest random but repeatable.
 */
public final class TestFiles {

	/** The start of an MP4 video ("ftyp isom"). */
	public static final byte[] MP4_HEADER = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i',
			's', 'o', 'm', 'i', 's', 'o', '2' };

	/** The start of a PNG image. */
	public static final byte[] PNG_HEADER = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I',
			'H', 'D', 'R' };

	private TestFiles() {
	}

	/** {@code size} bytes starting with {@code header}; the same seed, the same bytes. */
	public static byte[] file(byte[] header, int size, long seed) {
		byte[] content = new byte[size];
		new Random(seed).nextBytes(content);
		System.arraycopy(header, 0, content, 0, Math.min(header.length, size));
		return content;
	}

	/**
	 * The smallest MP4 that says how long it runs: a file type box and a movie header
	 * (timescale 1000, so the duration is in milliseconds), no tracks.
	 */
	public static byte[] mp4Running(int durationMs) {
		ByteBuffer mp4 = ByteBuffer.allocate(24 + 8 + 108);
		mp4.putInt(24).put(ascii("ftypisom")).putInt(512).put(ascii("isomiso2"));
		mp4.putInt(8 + 108).put(ascii("moov"));
		mp4.putInt(108).put(ascii("mvhd")).putInt(0).putInt(0).putInt(0);
		mp4.putInt(1000).putInt(durationMs);
		mp4.putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]);
		for (int value : new int[] { 0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000 }) {
			mp4.putInt(value);
		}
		mp4.put(new byte[24]).putInt(2);
		return mp4.array();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
