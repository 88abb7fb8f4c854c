package io.greenlight.project;

/**
 * A client's project; productions (assets) belong to one.
 */
public record Project(String id, String clientId, String code, String name) {
}
