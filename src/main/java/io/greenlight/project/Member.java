package io.greenlight.project;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A user's role on a project; one user may hold several roles on one project.
 */
public record Member(@NotBlank @Size(max = 64) String userId, @NotNull ProjectRole role) {
}
