package io.greenlight.notification;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The operator's exceptions ({@code greenlight.notification.webhook.allowed-hosts}) for
 * on-premises receivers that live at private addresses. Each entry is one of:
 * <ul>
 * <li>a host name ({@code jenkins.corp.example}): URLs naming exactly this host, whatever
 * it resolves to (its DNS is trusted);</li>
 * <li>an IP address ({@code 10.20.0.5}, {@code ::1}): URLs naming exactly this address,
 * written as the address (not a name that resolves to it);</li>
 * <li>a CIDR range ({@code 10.20.0.0/16}): any host that resolves only into it.</li>
 * </ul>
 * An entry never admits an address written in a non-standard notation: such URLs are
 * refused before the list is read.
 */
final class WebhookAllowList {

	private final Set<String> names;

	private final Set<InetAddress> addresses;

	private final List<IpAddressMatcher> ranges;

	private WebhookAllowList(Set<String> names, Set<InetAddress> addresses, List<IpAddressMatcher> ranges) {
		this.names = names;
		this.addresses = addresses;
		this.ranges = ranges;
	}

	/**
	 * @throws IllegalStateException naming an entry that is none of the three
	 */
	static WebhookAllowList of(List<String> entries) {
		List<String> names = new ArrayList<>();
		List<InetAddress> addresses = new ArrayList<>();
		List<IpAddressMatcher> ranges = new ArrayList<>();
		for (String raw : entries) {
			String entry = raw.trim();
			if (entry.isEmpty()) {
				continue;
			}
			String unbracketed = (entry.startsWith("[") && entry.endsWith("]")) ? entry.substring(1, entry.length() - 1)
					: entry;
			if (entry.contains("/")) {
				ranges.add(range(entry));
			}
			else if (InetAddresses.isInetAddress(unbracketed)) {
				addresses.add(InetAddresses.forString(unbracketed));
			}
			else if (InternetDomainName.isValid(entry)) {
				names.add(normalizedName(entry));
			}
			else {
				throw invalid(entry);
			}
		}
		return new WebhookAllowList(Set.copyOf(names), Set.copyOf(addresses), List.copyOf(ranges));
	}

	/** Lower case, without the trailing dot of a fully qualified name. */
	static String normalizedName(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	/** The URL names this host (normalized) and the operator allowed it by name. */
	boolean allowsName(String normalizedName) {
		return this.names.contains(normalizedName);
	}

	/** The URL is this IP address, written as an address, and the operator listed it. */
	boolean allowsLiteral(InetAddress address) {
		return this.addresses.contains(address);
	}

	/** The address lies in a range the operator allowed. */
	boolean allowsResolved(InetAddress address) {
		String text = InetAddresses.toAddrString(address);
		return this.ranges.stream().anyMatch(range -> range.matches(text));
	}

	@Override
	public String toString() {
		return "names " + this.names + ", addresses "
				+ this.addresses.stream().map(InetAddresses::toAddrString).collect(Collectors.toList()) + ", ranges "
				+ this.ranges;
	}

	private static IpAddressMatcher range(String entry) {
		String address = entry.substring(0, entry.indexOf('/'));
		if (!InetAddresses.isInetAddress(address)) {
			throw invalid(entry);
		}
		try {
			return new IpAddressMatcher(entry);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(entry);
		}
	}

	private static IllegalStateException invalid(String entry) {
		return new IllegalStateException(
				"greenlight.notification.webhook.allowed-hosts (GREENLIGHT_WEBHOOK_ALLOWED_HOSTS): '" + entry
						+ "' is neither a host name (hooks.corp.example), an IP address (10.20.0.5) nor a CIDR range "
						+ "(10.20.0.0/16): correct or remove it.");
	}

}
