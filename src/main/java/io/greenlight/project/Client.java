package io.greenlight.project;

/**
 * A company Greenlight's users make work for; its projects are seen only by their
 * members.
 */
public record Client(String id, String name) {
}
