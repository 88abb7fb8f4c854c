package io.greenlight.notification;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Which webhook URLs Greenlight calls: http or https, to a host written as a host name or
 * as an IP address in standard notation, that resolves only to ordinary public addresses
 * ({@link SpecialAddresses}) unless the operator allowed it ({@link WebhookAllowList}).
 * <p>
 * Checked when a webhook is subscribed and again before each delivery, with a fresh DNS
 * lookup; {@link WebhookClient} then connects to exactly the addresses this check
 * returned, so a name that resolves to a public address now and to 127.0.0.1 a moment
 * later (DNS rebinding) cannot slip through between check and connection.
 * <p>
 * Numbers, hexadecimal or octal parts and short forms ({@code 2130706433},
 * {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}) are refused outright: programs
 * disagree on what they mean (the JDK reads {@code 0177.0.0.1} as 177.0.0.1, a browser or
 * curl as 127.0.0.1), and nobody needs them.
 */
@Component
class WebhookDestinations {

	private static final String OPERATOR_HINT = "Use a public address, or ask an operator to allow this host "
			+ "(greenlight.notification.webhook.allowed-hosts).";

	private final WebhookAllowList allowList;

	WebhookDestinations(NotificationProperties properties) {
		this.allowList = WebhookAllowList.of(properties.webhook().allowedHosts());
	}

	/**
	 * @return the URL and the addresses to connect to
	 * @throws RefusedDestinationException saying which host and why
	 */
	Destination check(String url) throws RefusedDestinationException {
		URI uri = parse(url);
		String host = uri.getHost();
		if (host.startsWith("[")) {
			return literal(uri, host, host.substring(1, host.length() - 1));
		}
		if (InetAddresses.isInetAddress(host)) {
			return literal(uri, host, host);
		}
		if (!InternetDomainName.isValid(host)) {
			throw nonStandard(host);
		}
		return named(uri, WebhookAllowList.normalizedName(host));
	}

	private static URI parse(String url) throws RefusedDestinationException {
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new RefusedDestinationException("url is not a valid address: " + ex.getMessage());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
			throw new RefusedDestinationException(
					"url must be an absolute http or https address with a host, not '" + url + "'.");
		}
		if (uri.getHost() == null) {
			// java.net.URI reads no host from an authority such as "127.1" or "0x7f.1"
			throw nonStandard(hostAsWritten(url, uri));
		}
		if (uri.getRawUserInfo() != null) {
			throw new RefusedDestinationException("url must not contain a user name or password ('"
					+ uri.getRawUserInfo() + "@'): receivers check the signature made with the secret instead.");
		}
		return uri;
	}

	private Destination literal(URI uri, String host, String address) throws RefusedDestinationException {
		if (!InetAddresses.isInetAddress(address) || address.contains("%")) {
			throw nonStandard(host);
		}
		if (InetAddresses.isMappedIPv4Address(address)) {
			throw new RefusedDestinationException("Host '" + host + "' is an IPv4-mapped IPv6 address (::ffff:0:0/96): "
					+ "webhooks may not reach an IPv4 address in disguise. Write the IPv4 address itself, if it is public.");
		}
		InetAddress parsed = InetAddresses.forString(address);
		if (!this.allowList.allowsLiteral(parsed)) {
			refuseIfSpecial(host, parsed, true);
		}
		return new Destination(uri, address, List.of(parsed));
	}

	private Destination named(URI uri, String name) throws RefusedDestinationException {
		if (this.allowList.allowsName(name)) {
			return new Destination(uri, name, resolve(name));
		}
		if (name.endsWith(".localhost")) {
			// RFC 6761: loopback by definition, though not every resolver knows it
			throw new RefusedDestinationException("Host '" + uri.getHost() + "' is a name for this server itself "
					+ "(*.localhost): webhooks may not reach this server or private networks. " + OPERATOR_HINT);
		}
		List<InetAddress> addresses = resolve(name);
		for (InetAddress address : addresses) {
			refuseIfSpecial(uri.getHost(), address, false);
		}
		return new Destination(uri, name, addresses);
	}

	private void refuseIfSpecial(String host, InetAddress address, boolean literal) throws RefusedDestinationException {
		if (this.allowList.allowsResolved(address)) {
			return;
		}
		Optional<String> reason = SpecialAddresses.reason(address);
		if (reason.isPresent()) {
			String canonical = InetAddresses.toAddrString(address);
			String what;
			if (!literal) {
				what = "resolves to " + canonical + ", ";
			}
			else {
				boolean asWritten = host.equalsIgnoreCase(canonical) || host.equalsIgnoreCase("[" + canonical + "]");
				what = asWritten ? "is " : "is " + canonical + ", ";
			}
			throw new RefusedDestinationException("Host '" + host + "' " + what + reason.get()
					+ ": webhooks may not reach this server or private networks. " + OPERATOR_HINT);
		}
	}

	private static List<InetAddress> resolve(String name) throws RefusedDestinationException {
		try {
			return Arrays.asList(InetAddress.getAllByName(name));
		}
		catch (UnknownHostException ex) {
			throw new RefusedDestinationException(
					"Host '" + name + "' does not resolve to an address (DNS): check the url's host name.");
		}
	}

	private static RefusedDestinationException nonStandard(String host) {
		return new RefusedDestinationException("Host '" + host + "' is neither a valid host name nor an IP address in "
				+ "standard notation: write an IPv4 address as four decimal numbers without leading zeros (a.b.c.d), "
				+ "an IPv6 address in brackets, or a host name. Numbers such as 2130706433, hexadecimal or octal "
				+ "parts and short forms such as 127.1 are refused: programs read them differently.");
	}

	/** The host for the message, when java.net.URI could not read one. */
	private static String hostAsWritten(String url, URI uri) {
		try {
			String host = UriComponentsBuilder.fromUriString(url.trim(), UriComponentsBuilder.ParserType.RFC)
				.build()
				.getHost();
			if (host != null) {
				return host;
			}
		}
		catch (IllegalArgumentException ex) {
			// the authority as a whole will do
		}
		return uri.getRawAuthority();
	}

	/**
	 * A checked webhook URL.
	 *
	 * @param host the host name or IP address (without brackets) for the TLS server name
	 * @param addresses what it resolved to, all of them allowed: connect only to these
	 */
	record Destination(URI uri, String host, List<InetAddress> addresses) {
	}

}
