package io.greenlight.metrics;

/**
 * The query parameters every metric takes, as sent: {@link MetricsFilters} checks them.
 *
 * @param from first day, e.g. 2026-11-01 (default: 29 days before {@code to})
 * @param to last day, inclusive (default: today, UTC)
 * @param assetType VIDEO, IMAGE, AUDIO, PDF, DOCUMENT or OTHER
 */
record MetricsRequest(String from, String to, String projectId, String clientId, String assetType) {
}
