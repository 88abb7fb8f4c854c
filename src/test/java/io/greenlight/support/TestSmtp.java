package io.greenlight.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for the tests that send email (GreenMail), on a free port, and the
 * settings that point the server under test at it.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** A port nobody listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A GreenMail SMTP server on that port of the loopback address, not started. */
	public static GreenMail server(int port) {
		return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	/** Where the server under test sends its mail, and from which address. */
	public static void register(DynamicPropertyRegistry registry, int port) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
		registry.add("greenlight.notification.mail-from", () -> "greenlight@greenlight.test");
	}

	public static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
