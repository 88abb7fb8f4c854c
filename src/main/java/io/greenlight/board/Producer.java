package io.greenlight.board;

/**
 * A producer the board can be narrowed to ({@code producer=userId}).
 *
 * @param name what people call them ("first last"; the id when the user has no name)
 */
public record Producer(String userId, String name) {
}
