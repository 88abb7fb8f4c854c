package io.greenlight.metrics;

import io.greenlight.asset.ProductionStage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Gauges for operators' dashboards ({@code /actuator/prometheus}):
 * {@code greenlight_review_stages_running}, {@code greenlight_review_stages_overdue} and
 * {@code greenlight_assets_in_stage{stage=…}}, all from one cached
 * {@link PipelineCounts}.
 */
@Component
class PipelineGauges implements MeterBinder {

	private final PipelineCounts counts;

	PipelineGauges(PipelineCounts counts) {
		this.counts = counts;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("greenlight.review.stages.running", this.counts, counts -> counts.now().runningStages())
			.description("Review stages open now")
			.register(registry);
		Gauge.builder("greenlight.review.stages.overdue", this.counts, counts -> counts.now().overdueStages())
			.description("Review stages open now and past their due date")
			.register(registry);
		for (ProductionStage stage : ProductionStage.values()) {
			if (stage == ProductionStage.DELIVERY) {
				continue; // delivered assets are done, not in the pipeline
			}
			Gauge.builder("greenlight.assets.in.stage", this.counts, counts -> counts.now().assetsIn(stage.name()))
				.description("Assets in production (not delivered, returned or stopped) by their stage")
				.tag("stage", stage.name())
				.register(registry);
		}
	}

}
