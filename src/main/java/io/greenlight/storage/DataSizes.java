package io.greenlight.storage;

import org.springframework.util.unit.DataSize;

/**
 * Sizes as people read them in messages.
 */
public final class DataSizes {

	private DataSizes() {
	}

	/** "2 GB", "10 MB", "512 bytes": how a user reads a limit. */
	public static String readable(long bytes) {
		DataSize size = DataSize.ofBytes(bytes);
		if (size.toGigabytes() > 0 && bytes % DataSize.ofGigabytes(1).toBytes() == 0) {
			return size.toGigabytes() + " GB";
		}
		if (size.toMegabytes() > 0) {
			return size.toMegabytes() + " MB";
		}
		if (size.toKilobytes() > 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

}
