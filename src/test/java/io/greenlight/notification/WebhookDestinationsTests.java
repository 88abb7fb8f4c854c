package io.greenlight.notification;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import io.greenlight.notification.WebhookDestinations.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which webhook URLs Greenlight calls, without a server: every notation of this server's
 * and its networks' addresses is refused with the host and the reason, public addresses
 * pass, and the operator's allow-list opens exactly what it lists. Only IP literals and
 * {@code localhost} (the machine's hosts file) are looked up: no network is needed.
 */
class WebhookDestinationsTests {

	private static final String NON_STANDARD = "is neither a valid host name nor an IP address in standard notation";

	private final WebhookDestinations destinations = destinations();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					http://127.0.0.1:8080/actuator/health    | Host '127.0.0.1' is a loopback address (127.0.0.0/8)
					http://127.0.0.1:5432/                   | Host '127.0.0.1' is a loopback address
					http://127.9.9.9/                        | Host '127.9.9.9' is a loopback address
					http://2130706433/                       | Host '2130706433' NON_STANDARD
					http://017700000001/                     | Host '017700000001' NON_STANDARD
					http://0x7f000001/                       | Host '0x7f000001' NON_STANDARD
					http://0x7f.0.0.1/                       | Host '0x7f.0.0.1' NON_STANDARD
					http://0177.0.0.1/                       | Host '0177.0.0.1' NON_STANDARD
					http://127.000.000.001/                  | Host '127.000.000.001' NON_STANDARD
					http://127.1/                            | Host '127.1' NON_STANDARD
					http://127.0.1:8080/                     | Host '127.0.1' NON_STANDARD
					http://0/                                | Host '0' NON_STANDARD
					http://127.0.0.1./                       | Host '127.0.0.1.' NON_STANDARD
					http://localhost:8080/                   | Host 'localhost' resolves to 127.0.0.1, a loopback address (127.0.0.0/8)
					http://LOCALHOST./                       | Host 'LOCALHOST.' resolves to 127.0.0.1, a loopback address
					http://localhost./                       | Host 'localhost.' resolves to 127.0.0.1, a loopback address
					http://api.localhost/                    | Host 'api.localhost' is a name for this server itself
					http://[::1]:8080/                       | Host '[::1]' is a loopback address (::1/128)
					http://[0:0:0:0:0:0:0:1]/                | Host '[0:0:0:0:0:0:0:1]' is ::1, a loopback address
					http://[::ffff:127.0.0.1]/               | Host '[::ffff:127.0.0.1]' is an IPv4-mapped IPv6 address
					http://[::ffff:7f00:1]/                  | Host '[::ffff:7f00:1]' is an IPv4-mapped IPv6 address
					http://[::ffff:a9fe:a9fe]/               | Host '[::ffff:a9fe:a9fe]' is an IPv4-mapped IPv6 address
					http://[::127.0.0.1]/                    | Host '[::127.0.0.1]' is ::7f00:1, an IPv4-compatible address
					http://0.0.0.0:8080/                     | Host '0.0.0.0' is an unspecified ('this network') address
					http://[::]/                             | Host '[::]' is the unspecified address (::/128)
					http://169.254.169.254/latest/meta-data/ | Host '169.254.169.254' is a link-local address (where cloud metadata services answer) (169.254.0.0/16)
					http://[fe80::1]/                        | Host '[fe80::1]' is a link-local address (fe80::/10)
					http://10.0.0.1/                         | Host '10.0.0.1' is a private address (RFC 1918) (10.0.0.0/8)
					http://172.16.5.4/                       | Host '172.16.5.4' is a private address (RFC 1918) (172.16.0.0/12)
					http://192.168.1.1/                      | Host '192.168.1.1' is a private address (RFC 1918) (192.168.0.0/16)
					http://100.64.0.1/                       | Host '100.64.0.1' is a carrier-grade NAT address
					http://[fc00::1]/                        | Host '[fc00::1]' is a unique-local address (fc00::/7)
					http://[fd12:3456::1]/                   | Host '[fd12:3456::1]' is a unique-local address
					http://224.0.0.1/                        | Host '224.0.0.1' is a multicast address (224.0.0.0/4)
					http://[ff02::1]/                        | Host '[ff02::1]' is a multicast address (ff00::/8)
					http://255.255.255.255/                  | Host '255.255.255.255' is a reserved or broadcast address
					http://192.0.2.1/                        | Host '192.0.2.1' is a documentation address
					http://198.18.0.1/                       | Host '198.18.0.1' is a benchmarking address
					http://[64:ff9b::7f00:1]/                | Host '[64:ff9b::7f00:1]' is a NAT64 address
					http://[2002:7f00:1::]/                  | Host '[2002:7f00:1::]' is a 6to4 address
					http://[2001:db8::1]/                    | Host '[2001:db8::1]' is a documentation address
					http://hooks_x.example/                  | Host 'hooks_x.example' NON_STANDARD
					http://hooks.invalid/                    | Host 'hooks.invalid' does not resolve to an address (DNS)
					http://user:secret@example.com/          | url must not contain a user name or password
					http://example.com@127.0.0.1/            | url must not contain a user name or password
					ftp://files.example/hook                 | url must be an absolute http or https address with a host
					file:///etc/passwd                       | url must be an absolute http or https address with a host
					gopher://127.0.0.1:6379/                 | url must be an absolute http or https address with a host
					http:///no-host                          | url must be an absolute http or https address with a host
					""")
	void aDestinationThatReachesThisServerOrItsNetworksIsRefusedWithTheHostAndWhy(String url, String message) {
		assertThatThrownBy(() -> this.destinations.check(url)).isInstanceOf(RefusedDestinationException.class)
			.hasMessageContaining(message.replace("NON_STANDARD", NON_STANDARD));
	}

	@Test
	void aPublicAddressPassesAndIsTheOneToConnectTo() throws Exception {
		Destination v4 = this.destinations.check("https://93.184.215.14:8443/hooks/greenlight");
		Destination v6 = this.destinations.check("https://[2606:4700:4700::1111]/hook");

		assertThat(v4.addresses()).containsExactly(InetAddress.getByName("93.184.215.14"));
		assertThat(v4.host()).isEqualTo("93.184.215.14");
		assertThat(v4.uri().getPort()).isEqualTo(8443);
		assertThat(v6.addresses()).containsExactly(InetAddress.getByName("2606:4700:4700::1111"));
		assertThat(v6.host()).isEqualTo("2606:4700:4700::1111");
	}

	@Test
	void anAllowedAddressIsAllowedAsWrittenAndNotUnderAnotherName() throws Exception {
		WebhookDestinations allowing = destinations("127.0.0.1");

		assertThat(allowing.check("http://127.0.0.1:9000/hook").addresses())
			.containsExactly(InetAddress.getByName("127.0.0.1"));
		assertThatThrownBy(() -> allowing.check("http://localhost:9000/hook"))
			.hasMessageContaining("Host 'localhost' resolves to 127.0.0.1, a loopback address");
		assertThatThrownBy(() -> allowing.check("http://2130706433:9000/hook")).hasMessageContaining(NON_STANDARD);
		assertThatThrownBy(() -> allowing.check("http://127.0.0.2:9000/hook"))
			.hasMessageContaining("Host '127.0.0.2' is a loopback address");
	}

	@Test
	void anAllowedNameIsAllowedWhateverItResolvesTo() throws Exception {
		WebhookDestinations allowing = destinations("LocalHost.");

		assertThat(allowing.check("http://localhost:9000/hook").addresses())
			.containsExactly(InetAddress.getByName("127.0.0.1"));
		assertThat(allowing.check("http://LOCALHOST.:9000/hook").host()).isEqualTo("localhost");
		assertThatThrownBy(() -> allowing.check("http://127.0.0.1:9000/hook"))
			.hasMessageContaining("Host '127.0.0.1' is a loopback address");
	}

	@Test
	void anAllowedRangeAllowsWhatResolvesIntoIt() throws Exception {
		WebhookDestinations allowing = destinations("10.20.0.0/16", "127.0.0.0/8");

		assertThat(allowing.check("http://10.20.3.4/hook").addresses())
			.containsExactly(InetAddress.getByName("10.20.3.4"));
		assertThat(allowing.check("http://localhost/hook").addresses())
			.containsExactly(InetAddress.getByName("127.0.0.1"));
		assertThatThrownBy(() -> allowing.check("http://10.21.0.1/hook"))
			.hasMessageContaining("Host '10.21.0.1' is a private address");
		assertThatThrownBy(() -> allowing.check("http://[::ffff:10.20.3.4]/hook")).hasMessageContaining("IPv4-mapped");
	}

	@Test
	void anAllowListEntryThatIsNoHostStopsTheStartNamingIt() {
		for (String entry : List.of("10.0.0.0/33", "hooks corp", "0x7f.1/8", "127.1")) {
			assertThatThrownBy(() -> destinations(entry)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("'" + entry + "' is neither a host name")
				.hasMessageContaining("GREENLIGHT_WEBHOOK_ALLOWED_HOSTS");
		}
	}

	private static WebhookDestinations destinations(String... allowedHosts) {
		return new WebhookDestinations(
				new NotificationProperties("greenlight@localhost", null, new NotificationProperties.Webhook(
						Duration.ofSeconds(5), Duration.ofSeconds(10), List.of(allowedHosts)), null));
	}

}
