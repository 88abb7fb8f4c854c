package io.greenlight.workflow;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.greenlight.storage.DataSizes;
import io.greenlight.system.InvalidRequestException;
import io.greenlight.system.RequestLimits;
import org.springframework.stereotype.Component;

/**
 * What makes a request from the web modeler one the engine can be given: some files, each
 * with a name of its own that says its kind, and content within bounds. The engine would
 * refuse the rest too, but as a server error or with a message about its own internals.
 */
@Component
class DeploymentFiles {

	// far above any BPMN, DMN or form a person draws (the shipped ones are
	// under 32 KB)
	static final int MAX_FILE_SIZE = 2 * 1024 * 1024;

	private final int maxFiles;

	DeploymentFiles(RequestLimits limits) {
		// as many files as engine REST reads in one deployment
		this.maxFiles = limits.maxParts();
	}

	/**
	 * @return the request's files
	 * @throws InvalidRequestException saying what to fix
	 */
	List<DeploymentRequest.File> checked(DeploymentRequest request) {
		if (request == null || request.resources() == null || request.resources().isEmpty()) {
			throw new InvalidRequestException("Send the files to check or deploy: "
					+ "{\"resources\": [{\"name\": \"MyProcess.bpmn\", \"content\": \"<?xml ...\"}]}.");
		}
		if (request.resources().size() > this.maxFiles) {
			throw new InvalidRequestException(
					"At most " + this.maxFiles + " files go in one deployment: " + "send fewer.");
		}
		Set<String> names = new HashSet<>();
		for (DeploymentRequest.File file : request.resources()) {
			String name = (file != null) ? file.name() : null;
			if (name == null || name.isBlank()) {
				throw new InvalidRequestException("Every file needs a name, such as MyProcess.bpmn.");
			}
			if (name.contains("/") || name.contains("\\")) {
				throw new InvalidRequestException(
						"Name the file '" + name + "' without a folder, such as MyProcess.bpmn.");
			}
			if (WorkflowFiles.type(name) == null) {
				throw new InvalidRequestException(
						"'" + name + "' is neither BPMN, DMN nor a form: " + "name each file .bpmn, .dmn or .form.");
			}
			if (!names.add(name)) {
				throw new InvalidRequestException(
						"Two files are named '" + name + "': each file of a deployment needs its own name.");
			}
			if (file.content() == null || file.content().isBlank()) {
				throw new InvalidRequestException("'" + name + "' has no content: send the file as text.");
			}
			if (file.content().getBytes(StandardCharsets.UTF_8).length > MAX_FILE_SIZE) {
				throw new InvalidRequestException("'" + name + "' is larger than the "
						+ DataSizes.readable(MAX_FILE_SIZE) + " a file may be: split it.");
			}
		}
		return request.resources();
	}

}
