package io.greenlight.board;

import java.util.List;

import io.greenlight.asset.AssetStatus;
import io.greenlight.asset.ProductionStage;

/**
 * The board's columns, in the order a production moves through them. The last two hold
 * productions that ended, which the board shows for a while ({@link Board#RECENT_DAYS}).
 */
public enum BoardColumn {

	BRIEF("Brief"), IN_PRODUCTION("In production"), INTERNAL_REVIEW("Internal review"), CLIENT_REVIEW("Client review"),
	APPROVED("Approved / delivered"), STOPPED("Stopped");

	private final String label;

	BoardColumn(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	boolean ended() {
		return this == APPROVED || this == STOPPED;
	}

	static BoardColumn of(ProductionStage stage, AssetStatus status) {
		if (status == AssetStatus.STOPPED) {
			return STOPPED;
		}
		if (status == AssetStatus.APPROVED || status == AssetStatus.DELIVERED) {
			return APPROVED;
		}
		return switch (stage) {
			case BRIEF -> BRIEF;
			case PRODUCTION -> IN_PRODUCTION;
			case INTERNAL_REVIEW -> INTERNAL_REVIEW;
			case CLIENT_REVIEW -> CLIENT_REVIEW;
			case DELIVERY -> APPROVED;
		};
	}

	/** The asset statuses of productions that ended. */
	static final List<AssetStatus> ENDED = List.of(AssetStatus.APPROVED, AssetStatus.DELIVERED, AssetStatus.STOPPED);

}
