package io.greenlight.concurrency;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code greenlight.concurrency.*}.
 *
 * @param completionAttempts how often a task completion or form submission is tried when
 * it keeps losing races with other completions of the same process instance; each lost
 * race means another one got through, so n reviewers completing at the same moment need
 * at most n attempts
 */
@Validated
@ConfigurationProperties("greenlight.concurrency")
record ConcurrencyProperties(@DefaultValue("5") @Min(1) int completionAttempts) {
}
