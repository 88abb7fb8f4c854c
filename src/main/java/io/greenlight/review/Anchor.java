package io.greenlight.review;

import java.util.ArrayList;
import java.util.List;

import io.greenlight.asset.AssetType;
import io.greenlight.system.InvalidRequestException;

/**
 * Where on a version a comment points: a moment ({@code timeMs}) or a range
 * ({@code timeMs}..{@code endMs}) of a video or audio file, a region of an image or a
 * video frame (x, y, w, h as fractions 0..1 of the width and height, optionally at
 * {@code timeMs}), or a page of a PDF or document. All fields are optional; a comment
 * without an anchor is about the whole version.
 */
public record Anchor(Long timeMs, Long endMs, Double x, Double y, Double w, Double h, Integer page) {

	boolean hasRegion() {
		return this.x != null || this.y != null || this.w != null || this.h != null;
	}

	boolean isEmpty() {
		return this.timeMs == null && this.endMs == null && !hasRegion() && this.page == null;
	}

	/**
	 * @throws InvalidRequestException naming every problem, so the reviewer can fix them
	 * at once
	 */
	void validateFor(AssetType type, Long durationMs) {
		List<String> problems = new ArrayList<>();
		boolean timed = type == AssetType.VIDEO || type == AssetType.AUDIO;
		if (this.timeMs != null || this.endMs != null) {
			if (!timed) {
				problems.add("a time anchor needs a video or audio asset, not " + type);
			}
			if (this.timeMs == null) {
				problems.add("endMs needs timeMs, where the range starts");
			}
			else if (this.timeMs < 0) {
				problems.add("timeMs must be 0 or more");
			}
			if (this.timeMs != null && this.endMs != null && this.endMs <= this.timeMs) {
				problems.add("endMs must be after timeMs");
			}
			Long last = (this.endMs != null) ? this.endMs : this.timeMs;
			if (durationMs != null && last != null && last > durationMs) {
				problems.add("the version runs " + durationMs + " ms: " + ((this.endMs != null) ? "endMs " : "timeMs ")
						+ last + " is past its end");
			}
		}
		if (hasRegion()) {
			if (type != AssetType.IMAGE && type != AssetType.VIDEO) {
				problems.add("a region needs an image or video asset, not " + type);
			}
			if (this.x == null || this.y == null || this.w == null || this.h == null) {
				problems.add("a region needs all of x, y, w and h");
			}
			else if (this.x < 0 || this.y < 0 || this.w <= 0 || this.h <= 0 || this.x + this.w > 1
					|| this.y + this.h > 1) {
				problems.add("the region must lie within the frame: x, y, w, h are fractions of the width and "
						+ "height, x + w and y + h at most 1 (got x=" + this.x + ", y=" + this.y + ", w=" + this.w
						+ ", h=" + this.h + ")");
			}
		}
		if (this.page != null) {
			if (type != AssetType.PDF && type != AssetType.DOCUMENT) {
				problems.add("a page anchor needs a PDF or document asset, not " + type);
			}
			if (this.page < 1) {
				problems.add("page must be 1 or more");
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException("Invalid anchor: " + String.join("; ", problems) + ".");
		}
	}

}
