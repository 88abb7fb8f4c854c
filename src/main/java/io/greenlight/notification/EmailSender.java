package io.greenlight.notification;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP (Spring Mail), HTML with a plain-text alternative; a batch of emails
 * goes over one SMTP connection, its recipients looked up in one query. The
 * {@code Message-ID} is derived from the idempotency key, so a message sent again after a
 * crash carries the same id and mail clients show it once. Without an SMTP server
 * ({@code spring.mail.host} unset, as in the demo) the message is written to the log
 * instead.
 */
@Component
class EmailSender implements BatchNotificationSender {

	/** Carries the idempotency key as it is, for receivers that read headers. */
	static final String KEY_HEADER = "X-Greenlight-Notification-Key";

	private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MailComposer composer;

	private final IdentityService identityService;

	private final Links links;

	private final NotificationProperties properties;

	EmailSender(ObjectProvider<JavaMailSender> mailSender, MailComposer composer, IdentityService identityService,
			Links links, NotificationProperties properties) {
		this.mailSender = mailSender;
		this.composer = composer;
		this.identityService = identityService;
		this.links = links;
		this.properties = properties;
	}

	@Override
	public NotificationChannel channel() {
		return NotificationChannel.EMAIL;
	}

	@Override
	public void send(OutboxNotification notification) throws Exception {
		Exception failure = prepare(List.of(notification)).send(List.of(notification)).get(notification.id());
		if (failure != null) {
			throw failure;
		}
	}

	/** The recipients' users, all in one identity query. */
	@Override
	public Batch prepare(List<OutboxNotification> notifications) {
		List<String> ids = notifications.stream().map(OutboxNotification::recipient).distinct().toList();
		Map<String, User> users = new HashMap<>();
		if (!ids.isEmpty()) {
			this.identityService.createUserQuery()
				.userIdIn(ids.toArray(String[]::new))
				.list()
				.forEach(user -> users.put(user.getId(), user));
		}
		return share -> send(share, users);
	}

	/**
	 * Composes the share's emails and hands them to the SMTP server over one connection;
	 * Spring Mail reports which messages the server did not take, and only those are
	 * tried again.
	 */
	private Map<String, Exception> send(List<OutboxNotification> share, Map<String, User> users) throws Exception {
		Map<String, Exception> failures = new HashMap<>();
		JavaMailSender sender = this.mailSender.getIfAvailable();
		// in claim order, oldest first (a MimeMessage is equal only to itself)
		Map<MimeMessage, Email> emails = new LinkedHashMap<>();
		for (OutboxNotification notification : share) {
			try {
				Email email = compose(notification, users.get(notification.recipient()), sender);
				if (email.message() != null) {
					emails.put(email.message(), email);
				}
			}
			catch (Exception ex) {
				failures.put(notification.id(), ex);
			}
		}
		if (emails.isEmpty()) {
			return failures;
		}
		try {
			sender.send(emails.keySet().toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			if (ex.getFailedMessages().isEmpty()) {
				throw ex;
			}
			ex.getFailedMessages().forEach((message, cause) -> {
				Email email = emails.remove(message);
				if (email != null) {
					// its own exception, wrapped as a single send would report it
					failures.put(email.notification().id(), new MailSendException(cause.getMessage(), cause));
				}
			});
		}
		emails.values()
			.forEach(email -> log.info("Email sent to {} <{}>: {} ({})", email.user().getId(), email.user().getEmail(),
					email.notification().subject(), messageId(email.notification().idempotencyKey())));
		return failures;
	}

	/**
	 * The notification's email, or only a log line (and no message) when no SMTP server
	 * is configured.
	 */
	private Email compose(OutboxNotification notification, User user, JavaMailSender sender) throws MessagingException {
		if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
			throw new UndeliverableException("User " + notification.recipient()
					+ " has no email address: add one in Camunda Admin, then retry this notification");
		}
		String name = (user.getFirstName() != null && !user.getFirstName().isBlank()) ? user.getFirstName()
				: user.getId();
		MailComposer.Mail mail = this.composer.compose(notification, name);
		String messageId = messageId(notification.idempotencyKey());
		if (sender == null) {
			log.info(
					"EMAIL NOT SENT (no SMTP server configured: set spring.mail.host) to {} <{}>, Message-ID {}, "
							+ "subject \"{}\":\n{}",
					user.getId(), user.getEmail(), messageId, mail.subject(), mail.text());
			return new Email(notification, user, null);
		}
		MimeMessage message = new KeyedMimeMessage(session(sender), messageId);
		MimeMessageHelper helper = new SharedTypesHelper(message);
		helper.setFrom(this.properties.mailFrom());
		helper.setTo(user.getEmail());
		helper.setSubject(mail.subject());
		helper.setText(mail.text(), mail.html());
		message.setHeader(KEY_HEADER, notification.idempotencyKey());
		return new Email(notification, user, message);
	}

	/**
	 * {@code <key@host>}, with the key's characters outside what a Message-ID allows
	 * replaced by dots.
	 */
	String messageId(String key) {
		return "<" + key.replaceAll("[^A-Za-z0-9_\\-]", ".") + "@" + this.links.host() + ">";
	}

	private static Session session(JavaMailSender sender) {
		return (sender instanceof JavaMailSenderImpl impl) ? impl.getSession() : Session.getInstance(new Properties());
	}

	/**
	 * A helper that does not read the MIME types file again for each message, as
	 * MimeMessageHelper does for any message that JavaMailSender did not create (a
	 * KeyedMimeMessage): in a benchmark, a noticeable share of each send went there.
	 */
	private static final class SharedTypesHelper extends MimeMessageHelper {

		private static final FileTypeMap TYPES = types();

		SharedTypesHelper(MimeMessage message) throws MessagingException {
			super(message, true, StandardCharsets.UTF_8.name());
		}

		@Override
		protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
			return TYPES;
		}

		private static FileTypeMap types() {
			ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
			types.afterPropertiesSet();
			return types;
		}

	}

	private record Email(OutboxNotification notification, User user, MimeMessage message) {
	}

	/** Keeps its Message-ID: Jakarta Mail would otherwise make a new one at each send. */
	private static final class KeyedMimeMessage extends MimeMessage {

		private final String messageId;

		KeyedMimeMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", this.messageId);
		}

	}

}
