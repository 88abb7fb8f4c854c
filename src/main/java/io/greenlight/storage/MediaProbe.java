package io.greenlight.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.util.OptionalLong;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.helpers.DefaultHandler;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads facts a review needs from a stored media file: for now, how long a video or audio
 * file runs, so a comment cannot point past its end. MP4 and QuickTime files on disk are
 * read box header by box header ({@link IsoMediaDuration}), so a large video costs a few
 * reads wherever its movie header is, and a file that only starts like an MP4 costs no
 * more. Other audio and video goes to Apache Tika's parsers.
 */
@Component
public class MediaProbe {

	private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);

	private final AutoDetectParser parser = new AutoDetectParser();

	/**
	 * @return the running time in milliseconds, or empty when the file is not video or
	 * audio, or its headers do not say (the duration is then unknown, not an error)
	 */
	public OptionalLong durationMs(Resource content, String mediaType) {
		if (!mediaType.startsWith("video/") && !mediaType.startsWith("audio/")) {
			return OptionalLong.empty();
		}
		if (content.isFile()) {
			try (SeekableByteChannel channel = Files.newByteChannel(content.getFile().toPath())) {
				IsoMediaDuration iso = new IsoMediaDuration(channel);
				if (iso.recognised()) {
					// the boxes' answer is final: Tika would read what they do not say
					// from the whole file
					return iso.durationMs();
				}
			}
			catch (IOException | RuntimeException ex) {
				log.debug("No duration read from {} ({}): {}", content.getDescription(), mediaType, ex.toString());
				return OptionalLong.empty();
			}
		}
		return tikaDurationMs(content, mediaType);
	}

	private OptionalLong tikaDurationMs(Resource content, String mediaType) {
		Metadata metadata = new Metadata();
		metadata.set(Metadata.CONTENT_TYPE, mediaType);
		// a file on disk is read in place; other stores' content would be spooled to a
		// temporary file by Tika
		try (InputStream stream = content.isFile() ? TikaInputStream.get(content.getFile().toPath())
				: TikaInputStream.get(content.getInputStream())) {
			this.parser.parse(stream, new DefaultHandler(), metadata, new ParseContext());
		}
		catch (Exception | LinkageError ex) {
			// a file whose headers Tika cannot read is still a valid upload
			log.debug("No duration read from {} ({}): {}", content.getDescription(), mediaType, ex.toString());
		}
		String seconds = metadata.get(XMPDM.DURATION);
		if (seconds == null) {
			return OptionalLong.empty();
		}
		try {
			double value = Double.parseDouble(seconds);
			return (value > 0) ? OptionalLong.of(Math.round(value * 1000)) : OptionalLong.empty();
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

}
