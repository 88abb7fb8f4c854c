package io.greenlight.system;

import io.greenlight.storage.BlobTooLargeException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The web layer's error contract on its own: every kind of bad request becomes a problem
 * detail (RFC 9457) whose status and message say what is wrong, whatever controller it
 * comes from. The controller here stands for any of Greenlight's.
 */
@WebMvcTest(controllers = ApiExceptionHandlerTests.ExampleController.class)
@Import(ApiExceptionHandlerTests.ExampleController.class)
@WithMockUser
class ApiExceptionHandlerTests {

	@Autowired
	MockMvc mvc;

	@Test
	void businessProblemsKeepTheirStatusAndMessage() throws Exception {
		this.mvc.perform(get("/example/missing/42"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No asset 42 in your projects"));
		this.mvc.perform(get("/example/too-large"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 MB")));
	}

	@Test
	void badBodiesNameTheFieldAndWhatIsAllowed() throws Exception {
		this.mvc.perform(post("/example").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"title": " ", "status": "DRAFT"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Invalid request: title must not be blank"));
		this.mvc.perform(post("/example").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"title": "Spot", "status": "LOST"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Invalid value 'LOST' for status: use one of [DRAFT, FINAL]."));
		this.mvc.perform(post("/example").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{nope"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The request body is not valid JSON for this call."));
	}

	@Test
	void badParametersNameTheParameterAndWhatIsAllowed() throws Exception {
		this.mvc.perform(get("/example").param("status", "LOST"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Invalid value 'LOST' for status")));
		this.mvc.perform(get("/example").param("size", "500"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Invalid request: size must be less than or equal to 200"));
		this.mvc.perform(get("/example").param("size", "20"))
			.andExpect(status().isOk())
			.andExpect(content().string("20"));
	}

	@RestController
	@Validated
	static class ExampleController {

		@GetMapping("/example/missing/{id}")
		String missing(@PathVariable String id) {
			throw new NotFoundException("No asset " + id + " in your projects");
		}

		@GetMapping("/example/too-large")
		String tooLarge() {
			throw new BlobTooLargeException(1024 * 1024);
		}

		@PostMapping("/example")
		String create(@Valid @RequestBody Example example) {
			return example.title();
		}

		@GetMapping("/example")
		String list(@RequestParam(required = false) Status status,
				@RequestParam(defaultValue = "50") @Max(200) int size) {
			return String.valueOf(size);
		}

	}

	record Example(@NotBlank String title, @NotNull Status status) {
	}

	enum Status {

		DRAFT, FINAL

	}

}
