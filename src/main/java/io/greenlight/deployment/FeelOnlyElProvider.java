package io.greenlight.deployment;

import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElExpression;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;

/**
 * The DMN engine's JUEL support, switched off: a decision made before Greenlight refused
 * JUEL at deployment fails when it is evaluated, instead of running the expression.
 */
final class FeelOnlyElProvider implements ElProvider {

	@Override
	public ElExpression createExpression(String expression) {
		throw new DmnEngineException("DMN in Greenlight is FEEL only: the JUEL expression '" + expression
				+ "' is not evaluated; deploy the decision again with FEEL");
	}

}
