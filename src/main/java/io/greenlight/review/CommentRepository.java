package io.greenlight.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

	private static final String COLUMNS = "id, version_id, parent_id, author, body, time_ms, end_ms, region_x, "
			+ "region_y, region_w, region_h, page, resolved, resolved_by, resolved_at, created_at";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Comment comment) {
		Anchor anchor = comment.anchor();
		this.jdbc
			.sql("INSERT INTO version_comment (" + COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(comment.id(), comment.versionId(), comment.parentId(), comment.author(), comment.body(),
					anchor.timeMs(), anchor.endMs(), anchor.x(), anchor.y(), anchor.w(), anchor.h(), anchor.page(),
					comment.resolved(), comment.resolvedBy(), comment.resolvedAt(), comment.createdAt())
			.update();
	}

	Optional<Comment> findById(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM version_comment WHERE id = ?")
			.param(id)
			.query(CommentRepository::map)
			.optional();
	}

	List<Comment> findByVersion(String versionId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM version_comment WHERE version_id = ? ORDER BY created_at, id")
			.param(versionId)
			.query(CommentRepository::map)
			.list();
	}

	void setResolved(String id, boolean resolved, String by, OffsetDateTime at) {
		this.jdbc.sql("UPDATE version_comment SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE id = ?")
			.params(resolved, by, at, id)
			.update();
	}

	private static Comment map(ResultSet rs, int row) throws SQLException {
		Anchor anchor = new Anchor(rs.getObject("time_ms", Long.class), rs.getObject("end_ms", Long.class),
				rs.getObject("region_x", Double.class), rs.getObject("region_y", Double.class),
				rs.getObject("region_w", Double.class), rs.getObject("region_h", Double.class),
				rs.getObject("page", Integer.class));
		return new Comment(rs.getString("id"), rs.getString("version_id"), rs.getString("parent_id"),
				rs.getString("author"), rs.getString("body"), anchor, rs.getBoolean("resolved"),
				rs.getString("resolved_by"), rs.getObject("resolved_at", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	long countOpen(String versionId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM version_comment WHERE version_id = ? AND parent_id IS NULL AND resolved = FALSE")
			.param(versionId)
			.query(Long.class)
			.single();
	}

}
