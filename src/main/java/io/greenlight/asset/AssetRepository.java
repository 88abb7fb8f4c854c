package io.greenlight.asset;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.greenlight.system.SqlColumns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AssetRepository {

	private static final String ASSET_COLUMNS = "id, reference, project_id, title, asset_type, channel, due_date, "
			+ "brief, stage, status, revision_round, process_instance_id, requested_by, approved_version_id, "
			+ "created_at, updated_at";

	private static final String ASSET_SELECT = SqlColumns.labelled(ASSET_COLUMNS, "");

	private static final String ASSET_SELECT_OF_A = SqlColumns.labelled(ASSET_COLUMNS, "a.");

	private static final String VERSION_COLUMNS = "id, asset_id, number, variant, note, file_link, file_name, "
			+ "media_type, size_bytes, sha256, uploaded_by, created_at, status, locked, duration_ms";

	private static final String VERSION_SELECT = SqlColumns.labelled(VERSION_COLUMNS, "");

	private final JdbcClient jdbc;

	AssetRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The project's next production number. It updates the project's row, which stays
	 * locked until the transaction ends: a second production started in the project at
	 * the same moment waits and takes the number after.
	 */
	int nextProjectNumber(String projectId) {
		this.jdbc.sql("UPDATE project SET asset_count = asset_count + 1 WHERE id = ?").param(projectId).update();
		return this.jdbc.sql("SELECT asset_count FROM project WHERE id = ?")
			.param(projectId)
			.query(Integer.class)
			.single();
	}

	void insert(Asset asset, int projectNumber) {
		this.jdbc
			.sql("INSERT INTO asset (" + ASSET_COLUMNS
					+ ", project_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(asset.id(), asset.reference(), asset.projectId(), asset.title(), asset.assetType().name(),
					asset.channel().name(), asset.dueDate(), asset.brief(), asset.stage().name(), asset.status().name(),
					asset.revisionRound(), asset.processInstanceId(), asset.requestedBy(), asset.approvedVersionId(),
					asset.createdAt(), asset.updatedAt(), projectNumber)
			.update();
	}

	Optional<Asset> findById(String id) {
		return this.jdbc.sql("SELECT " + ASSET_SELECT + " FROM asset WHERE id = ?")
			.param(id)
			.query(Asset.class)
			.optional();
	}

	Optional<Asset> findByReference(String reference) {
		return this.jdbc.sql("SELECT " + ASSET_SELECT + " FROM asset WHERE reference = ?")
			.param(reference)
			.query(Asset.class)
			.optional();
	}

	/** The assets the filter lets through, newest first, one page of them. */
	List<Asset> find(AssetFilter filter) {
		StringBuilder sql = new StringBuilder("SELECT " + ASSET_SELECT + " FROM asset WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (filter.memberId() != null) {
			sql.append(" AND project_id IN (SELECT project_id FROM project_member WHERE user_id = ?)");
			params.add(filter.memberId());
		}
		if (filter.projectId() != null) {
			sql.append(" AND project_id = ?");
			params.add(filter.projectId());
		}
		if (filter.status() != null) {
			sql.append(" AND status = ?");
			params.add(filter.status().name());
		}
		if (filter.stage() != null) {
			sql.append(" AND stage = ?");
			params.add(filter.stage().name());
		}
		if (filter.awaitingReview() != null) {
			return awaitingReview(filter);
		}
		sql.append(" ORDER BY created_at DESC, id LIMIT ? OFFSET ?");
		params.add(filter.paging().size());
		params.add(filter.paging().offset());
		return this.jdbc.sql(sql.toString()).params(params).query(Asset.class).list();
	}

	/**
	 * "Awaiting my review": one page of the productions with an open review task assigned
	 * to the user, read from Greenlight's own index of them (review_inbox, kept with the
	 * engine's tasks in their transactions), so the page costs the user's own open
	 * reviews and nothing else, whatever the number of open tasks in all.
	 */
	private List<Asset> awaitingReview(AssetFilter filter) {
		StringBuilder page = new StringBuilder("SELECT r.asset_id, r.asset_created_at FROM review_inbox r");
		List<Object> params = new ArrayList<>();
		if (filter.status() != null || filter.stage() != null) {
			page.append(" JOIN asset x ON x.id = r.asset_id");
			if (filter.status() != null) {
				page.append(" AND x.status = ?");
				params.add(filter.status().name());
			}
			if (filter.stage() != null) {
				page.append(" AND x.stage = ?");
				params.add(filter.stage().name());
			}
		}
		page.append(" WHERE r.user_id = ?");
		params.add(filter.awaitingReview().userId());
		if (filter.memberId() != null) {
			page.append(" AND r.project_id IN (SELECT project_id FROM project_member WHERE user_id = ?)");
			params.add(filter.memberId());
		}
		if (filter.projectId() != null) {
			page.append(" AND r.project_id = ?");
			params.add(filter.projectId());
		}
		// a reviewer may have two open reviews of one production (two variants)
		page.append(" GROUP BY r.asset_id, r.asset_created_at ORDER BY r.asset_created_at DESC, r.asset_id"
				+ " LIMIT ? OFFSET ?");
		params.add(filter.paging().size());
		params.add(filter.paging().offset());
		return this.jdbc
			.sql("SELECT " + ASSET_SELECT_OF_A + " FROM (" + page + ") p JOIN asset a ON a.id = p.asset_id"
					+ " ORDER BY a.created_at DESC, a.id")
			.params(params)
			.query(Asset.class)
			.list();
	}

	void updateStageAndStatus(String assetId, ProductionStage stage, AssetStatus status) {
		this.jdbc.sql("UPDATE asset SET stage = ?, status = ?, updated_at = ? WHERE id = ?")
			.params(stage.name(), status.name(), OffsetDateTime.now(), assetId)
			.update();
	}

	void updateStatus(String assetId, AssetStatus status) {
		this.jdbc.sql("UPDATE asset SET status = ?, updated_at = ? WHERE id = ?")
			.params(status.name(), OffsetDateTime.now(), assetId)
			.update();
	}

	void updateApproved(String assetId, String versionId) {
		this.jdbc.sql("UPDATE asset SET status = ?, approved_version_id = ?, updated_at = ? WHERE id = ?")
			.params(AssetStatus.APPROVED.name(), versionId, OffsetDateTime.now(), assetId)
			.update();
	}

	void updateRevisionRound(String assetId, int round) {
		this.jdbc.sql("UPDATE asset SET revision_round = ?, updated_at = ? WHERE id = ?")
			.params(round, OffsetDateTime.now(), assetId)
			.update();
	}

	void insertVersion(AssetVersion version) {
		this.jdbc
			.sql("INSERT INTO asset_version (" + VERSION_COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(version.id(), version.assetId(), version.number(), version.variant(), version.note(),
					version.fileLink(), version.fileName(), version.mediaType(), version.sizeBytes(), version.sha256(),
					version.uploadedBy(), version.createdAt(), version.status().name(), version.locked(),
					version.durationMs())
			.update();
	}

	int maxVersionNumber(String assetId) {
		return this.jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM asset_version WHERE asset_id = ?")
			.param(assetId)
			.query(Integer.class)
			.single();
	}

	/** Supersedes the current version of the same variant (null: the main one). */
	void supersedeCurrentVersions(String assetId, String variant) {
		this.jdbc
			.sql("UPDATE asset_version SET status = ? WHERE asset_id = ? AND status = ? AND "
					+ ((variant == null) ? "variant IS NULL" : "variant = ?"))
			.params((variant == null)
					? new Object[] { VersionStatus.SUPERSEDED.name(), assetId, VersionStatus.CURRENT.name() }
					: new Object[] { VersionStatus.SUPERSEDED.name(), assetId, VersionStatus.CURRENT.name(), variant })
			.update();
	}

	/**
	 * Locks the asset's row until the transaction ends, so that two versions registered
	 * at the same moment are numbered one after the other.
	 */
	void lock(String assetId) {
		this.jdbc.sql("SELECT id FROM asset WHERE id = ? FOR UPDATE").param(assetId).query(String.class).optional();
	}

	int lockVersion(String assetId, String versionId) {
		return this.jdbc.sql("UPDATE asset_version SET status = ?, locked = ? WHERE id = ? AND asset_id = ?")
			.params(VersionStatus.APPROVED.name(), true, versionId, assetId)
			.update();
	}

	Optional<AssetVersion> findVersion(String versionId) {
		return this.jdbc.sql("SELECT " + VERSION_SELECT + " FROM asset_version WHERE id = ?")
			.param(versionId)
			.query(AssetVersion.class)
			.optional();
	}

	/** The newest version of the variant (null: the main one). */
	Optional<AssetVersion> findLatestVersion(String assetId, String variant) {
		return this.jdbc
			.sql("SELECT " + VERSION_SELECT + " FROM asset_version WHERE asset_id = ? AND "
					+ ((variant == null) ? "variant IS NULL" : "variant = ?") + " ORDER BY number DESC LIMIT 1")
			.params((variant == null) ? new Object[] { assetId } : new Object[] { assetId, variant })
			.query(AssetVersion.class)
			.optional();
	}

	List<AssetVersion> findVersions(String assetId) {
		return this.jdbc.sql("SELECT " + VERSION_SELECT + " FROM asset_version WHERE asset_id = ? ORDER BY number")
			.param(assetId)
			.query(AssetVersion.class)
			.list();
	}

}
