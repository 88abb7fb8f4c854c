package io.greenlight.asset;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.greenlight.project.Project;
import io.greenlight.project.ProjectRepository;
import io.greenlight.project.ProjectRole;
import io.greenlight.system.Paging;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestConstructor;
import org.springframework.test.context.TestConstructor.AutowireMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The asset tables on their own (Flyway's schema, the test run's database: H2 or
 * PostgreSQL): who sees which assets in a list, how lists narrow and page, and how the
 * version stack keeps "latest" and "superseded" per variant.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ AssetRepository.class, ProjectRepository.class })
@TestConstructor(autowireMode = AutowireMode.ALL)
class AssetRepositoryTests {

	private final AssetRepository assets;

	private final ProjectRepository projects;

	private Project acme;

	private Project bolt;

	AssetRepositoryTests(AssetRepository assets, ProjectRepository projects) {
		this.assets = assets;
		this.projects = projects;
	}

	@BeforeEach
	void twoClientsProjects() {
		this.acme = project("Acme");
		this.bolt = project("Bolt");
		this.projects.addMember(this.acme.id(), "ann", ProjectRole.CLIENT_REVIEWER);
		this.projects.addMember(this.bolt.id(), "bob", ProjectRole.CLIENT_REVIEWER);
	}

	@Test
	void aMemberListsOnlyTheirProjectsAssetsNewestFirstAPageAtATime() {
		asset(this.acme, "First", AssetStatus.IN_REVIEW, 1);
		asset(this.acme, "Second", AssetStatus.APPROVED, 2);
		asset(this.acme, "Third", AssetStatus.IN_REVIEW, 3);
		asset(this.bolt, "Bolt's", AssetStatus.IN_REVIEW, 4);

		assertThat(titles(filter("ann", null, null, 0, 50))).containsExactly("Third", "Second", "First");
		assertThat(titles(filter("ann", null, null, 0, 2))).containsExactly("Third", "Second");
		assertThat(titles(filter("ann", null, null, 1, 2))).containsExactly("First");
		assertThat(titles(filter("ann", null, AssetStatus.IN_REVIEW, 0, 50))).containsExactly("Third", "First");
		assertThat(titles(filter("bob", null, null, 0, 50))).containsExactly("Bolt's");
		assertThat(titles(filter("ann", this.bolt.id(), null, 0, 50))).as("another client's project").isEmpty();
		assertThat(titles(filter(null, this.acme.id(), null, 0, 50))).hasSize(3);
	}

	@Test
	void aNewVersionSupersedesOnlyTheCurrentOneOfItsOwnVariant() {
		Asset asset = asset(this.acme, "Cuts", AssetStatus.IN_REVIEW, 1);
		version(asset, 1, null);
		version(asset, 2, "15s cut");

		this.assets.supersedeCurrentVersions(asset.id(), null);
		version(asset, 3, null);

		assertThat(this.assets.maxVersionNumber(asset.id())).isEqualTo(3);
		assertThat(this.assets.findLatestVersion(asset.id(), null)).get().extracting(AssetVersion::number).isEqualTo(3);
		assertThat(this.assets.findLatestVersion(asset.id(), "15s cut")).get()
			.extracting(AssetVersion::number, AssetVersion::status)
			.containsExactly(2, VersionStatus.CURRENT);
		assertThat(this.assets.findVersions(asset.id())).extracting(AssetVersion::number, AssetVersion::status)
			.containsExactly(tuple(1, VersionStatus.SUPERSEDED), tuple(2, VersionStatus.CURRENT),
					tuple(3, VersionStatus.CURRENT));
		assertThat(this.assets.findLatestVersion(asset.id(), "30s cut")).isEmpty();
	}

	private Project project(String client) {
		String clientId = this.projects.createClient(client);
		return this.projects.createProject(clientId,
				client.toUpperCase() + "-" + UUID.randomUUID().toString().substring(0, 8), client + " launch");
	}

	private Asset asset(Project project, String title, AssetStatus status, int minutesLater) {
		OffsetDateTime created = OffsetDateTime.now().plusMinutes(minutesLater);
		int number = this.assets.nextProjectNumber(project.id());
		Asset asset = new Asset(UUID.randomUUID().toString(), Asset.reference(project.code(), number), project.id(),
				title, AssetType.VIDEO, Channel.WEB, null, "brief", ProductionStage.INTERNAL_REVIEW, status, 0,
				UUID.randomUUID().toString(), "producer", null, created, created);
		this.assets.insert(asset, number);
		return asset;
	}

	private void version(Asset asset, int number, String variant) {
		this.assets.insertVersion(
				new AssetVersion(UUID.randomUUID().toString(), asset.id(), number, variant, "v" + number, null, null,
						null, null, null, "creative", OffsetDateTime.now(), VersionStatus.CURRENT, false, null));
	}

	private AssetFilter filter(String member, String projectId, AssetStatus status, int page, int size) {
		return new AssetFilter(member, projectId, status, null, null, new Paging(page, size));
	}

	private List<String> titles(AssetFilter filter) {
		return this.assets.find(filter).stream().map(Asset::title).toList();
	}

}
