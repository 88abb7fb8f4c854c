package io.greenlight.deployment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that deployed BPMN may name in an expression
 * ({@code ${registerVersionDelegate}}, {@code ${projectTeam.producers(execution)}}). The
 * engine resolves no other bean, and a deployment naming one is refused.
 * <p>
 * An expression may call the public methods the class itself declares, and nothing else:
 * no getters it inherits, no fields. Because a creative-ops lead writes the call, such a
 * method takes only the execution or the task it runs in, never an id or a value an
 * author could forge. The bean name is a public contract, listed in
 * {@code docs/workflows.md}; {@code ProcessContractTests} keeps the two in step.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CallableFromProcesses {

}
