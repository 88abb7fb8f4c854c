package io.greenlight.production;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

import io.greenlight.asset.Asset;
import io.greenlight.asset.AssetAccess;
import io.greenlight.asset.AssetService;
import io.greenlight.asset.AssetVersion;
import io.greenlight.asset.FileNames;
import io.greenlight.production.process.CreativeProductionProcess;
import io.greenlight.production.process.CreativeProductionProcess.Var;
import io.greenlight.security.variables.TrustedWrites;
import io.greenlight.storage.BlobStore;
import io.greenlight.storage.MediaProbe;
import io.greenlight.storage.ReceivedBlob;
import io.greenlight.storage.StoredBlob;
import io.greenlight.system.ConflictException;
import io.greenlight.system.UnsupportedContentException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * A creative uploads the next version of an asset whose production waits for one: the
 * file is received, checked and put in the blob store first (outside any transaction; a
 * failure leaves no file and no row), then one transaction completes the production's
 * "Produce version" task, which registers the version and moves the production on to
 * review.
 */
@Service
class VersionUploadService {

	private final AssetAccess access;

	private final AssetService assets;

	private final BlobStore blobs;

	private final TaskService taskService;

	private final TransactionTemplate transaction;

	private final MediaProbe media;

	private final TrustedWrites trustedWrites;

	private final long maxBytes;

	VersionUploadService(AssetAccess access, AssetService assets, BlobStore blobs, TaskService taskService,
			TransactionTemplate transaction, MediaProbe media, TrustedWrites trustedWrites,
			@Value("${greenlight.storage.max-upload-size}") DataSize maxUploadSize) {
		this.access = access;
		this.assets = assets;
		this.blobs = blobs;
		this.taskService = taskService;
		this.transaction = transaction;
		this.media = media;
		this.trustedWrites = trustedWrites;
		this.maxBytes = maxUploadSize.toBytes();
	}

	/**
	 * @param userId the signed-in user, who must be able to work on the "Produce version"
	 * task
	 */
	AssetVersion upload(String assetId, String userId, VersionUpload upload) throws IOException {
		Asset asset = this.access.visibleAsset(assetId);
		Task produce = waitingTask(asset);
		String fileName = FileNames.safe(upload.fileName());
		StoredBlob blob;
		OptionalLong duration;
		try (InputStream content = upload.content();
				ReceivedBlob received = this.blobs.receive(content, fileName, this.maxBytes)) {
			// checked and measured on local disk: a refused file never reaches the store,
			// and a large video in a bucket is not read back to learn how long it runs
			if (!asset.assetType().accepts(received.mediaType())) {
				throw new UnsupportedContentException(
						"'" + fileName + "' is " + received.mediaType() + ", but " + asset.title() + " is "
								+ asset.assetType() + ": upload " + asset.assetType().accepted() + ".");
			}
			duration = this.media.durationMs(received.content(), received.mediaType());
			blob = this.blobs.keep(received);
		}
		try {
			return this.transaction.execute(status -> {
				if (produce.getAssignee() == null) {
					this.taskService.claim(produce.getId(), userId);
				}
				// the file's facts are server-set: the server stored and measured the
				// file
				this.trustedWrites.run(() -> this.taskService.complete(produce.getId(),
						fileVariables(upload, fileName, blob, duration)));
				return this.assets.latestVersion(asset.id(), upload.variant()).orElseThrow();
			});
		}
		catch (OptimisticLockingException | NullValueException | TaskAlreadyClaimedException ex) {
			throw uploadedMeanwhile(asset);
		}
		catch (AuthorizationException ex) {
			// the task's authorizations go with the task: a task completed meanwhile
			// looks forbidden
			if (this.taskService.createTaskQuery().taskId(produce.getId()).count() == 0) {
				throw uploadedMeanwhile(asset);
			}
			throw ex;
		}
	}

	private static boolean asksForAVersion(Task task) {
		return CreativeProductionProcess.USER_TASK_PRODUCE_VERSION.equals(task.getTaskDefinitionKey())
				|| (task.getCamundaFormRef() != null
						&& CreativeProductionProcess.FORM_PRODUCE_VERSION.equals(task.getCamundaFormRef().getKey()));
	}

	// another upload completed the task first; the engine refused this one whole
	private static ConflictException uploadedMeanwhile(Asset asset) {
		return new ConflictException("Another version of " + asset.title() + " was uploaded at the same moment "
				+ "and is now in review: this upload was not added.");
	}

	/**
	 * The engine shows the task only to those who may work on it (the project's
	 * creatives).
	 */
	private Task waitingTask(Asset asset) {
		// the step that asks for a version is the one with its form, whatever a workflow
		// calls it (a lead's workflow built from the "produce version" block too)
		Task task = this.taskService.createTaskQuery()
			.processInstanceBusinessKeyIn(asset.businessKeys())
			.initializeFormKeys()
			// a production has a handful of open tasks at a time
			.listPage(0, 50)
			.stream()
			.filter(VersionUploadService::asksForAVersion)
			.findFirst()
			.orElse(null);
		if (task == null) {
			throw new ConflictException(asset.title() + " does not wait for a new version from you: its production is "
					+ "at " + asset.stage() + " (" + asset.status() + ").");
		}
		return task;
	}

	// transient: the file's details reach ServiceTask_RegisterVersion in this
	// transaction only
	private static VariableMap fileVariables(VersionUpload upload, String fileName, StoredBlob blob,
			OptionalLong duration) {
		VariableMap variables = Variables.createVariables()
			.putValueTyped(Var.FILE_SHA256, Variables.stringValue(blob.sha256(), true))
			.putValueTyped(Var.FILE_NAME, Variables.stringValue(fileName, true))
			.putValueTyped(Var.FILE_MEDIA_TYPE, Variables.stringValue(blob.mediaType(), true))
			.putValueTyped(Var.FILE_SIZE, Variables.longValue(blob.size(), true))
			.putValueTyped(Var.VERSION_NOTE, Variables.stringValue(upload.note(), true))
			.putValueTyped(Var.VARIANT, Variables.stringValue(upload.variant(), true));
		duration.ifPresent(ms -> variables.putValueTyped(Var.FILE_DURATION_MS, Variables.longValue(ms, true)));
		return variables;
	}

	/**
	 * An upload as it arrives, multipart or raw.
	 */
	record VersionUpload(InputStream content, String fileName, String note, String variant) {
	}

}
