package io.greenlight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Greenlight: approval orchestration for creative production on an embedded Camunda 7
 * engine.
 */
@SpringBootApplication
public class GreenlightApplication {

	public static void main(String[] args) {
		SpringApplication.run(GreenlightApplication.class, args);
	}

}
