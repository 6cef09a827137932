"""Runs a Runware task array against the job Service: per-task results, per-task errors, one HTTP status.

    serving = RunwareServing(service, settings, key)
    status, body = await serving.run(tasks)          # tasks: parsed protocol tasks or TaskFailures

Every task is handled on its own (concurrently) and a failure of one never fails the others. Results are
Runware's objects: `{taskType, taskUUID, imageUUID, imageURL | imageBase64Data | imageDataURI, seed, NSFWContent,
cost}` plus `warnings` (a list of sentences, only when the image has any: docs/warnings.md), the same in
`getResponse` answers and webhook payloads; errors `{code, message, parameter, taskType, taskUUID}`. HTTP status:
200 when any task produced data, else the errors' common status (400 when they differ but are all client errors).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
from collections.abc import Callable
from typing import Any

from artboard.errors import ArtboardError, Conflict, InvalidParameter, NotFound
from artboard.imageio import load_image
from artboard.jobs.fetch import check_url
from artboard.jobs.pricing import reported_cost
from artboard.jobs.requests import VectorizeRequest, make_vectorize_request
from artboard.jobs.service import Service
from artboard.jobs.types import ApiKey, Delivery, Job, JobKind, JobStatus, StoredArtifact, WebhookConfig
from artboard.jobs.webhooks import validate_webhook_url
from artboard.server.dialect import finished_job, input_image
from artboard.server.errors import error_from_job
from artboard.server.runware.protocol import (
    GetResponseTask,
    ImageRef,
    InferenceTask,
    Output,
    PingTask,
    Task,
    TaskFailure,
    UploadTask,
    VectorizeTask,
    build_spec,
    decode_base64,
)
from artboard.server.runware.tools import INSTANT, ToolTask, apply_style, edit_request, inpaint_request, instant_task
from artboard.server.runware.uploads import RunwareIndex
from artboard.server.settings import Settings

log = logging.getLogger("artboard.server.runware")

DIALECT = "runware"
Item = dict[str, Any]


def runware_code(error: ArtboardError) -> str:
    """Runware-style camelCase codes: invalidApiKey, invalidWidth, missingPositivePrompt, timeoutProvider, …"""
    if isinstance(error, InvalidParameter) and error.param:
        head = error.param.split(".")[0].split("[")[0].split("/")[0]
        prefix = "missing" if error.details.get("missing") else "invalid"
        return prefix + head[:1].upper() + head[1:]
    codes = {
        "unauthorized": "invalidApiKey",
        "insufficient_credits": "insufficientCredits",
        "content_policy_violation": "contentModeration",
        "conflict": "conflictTaskUUID",
        "rate_limited": "rateLimitExceeded",
        "not_found": "taskNotFound",
        "backend_unavailable": "providerUnavailable",
        "missing_dependency": "providerUnavailable",
        "backend_error": "inferenceFailed",
        "cancelled": "taskCancelled",
        "timeout": "timeoutProvider",
        "payload_too_large": "payloadTooLarge",
        "invalid_parameter": "invalidRequest",
        "method_not_allowed": "invalidMethod",
        "forbidden": "accessDenied",
        "expired": "expired",
    }
    return codes.get(error.code, "internalError")


def error_object(error: ArtboardError, task_type: str | None, task_uuid: str | None) -> dict[str, Any]:
    """One entry of Runware's `errors` array."""
    parameter = error.param
    if error.code == "unauthorized" and parameter is None:
        parameter = "apiKey"
    body: dict[str, Any] = {"code": runware_code(error), "message": error.describe(), "parameter": parameter}
    if task_type is not None:
        body["taskType"] = task_type
    if task_uuid is not None:
        body["taskUUID"] = task_uuid
    if error.allowed is not None:
        body["allowedValues"] = error.allowed
    return body


def index_for(service: Service) -> RunwareIndex:
    return RunwareIndex(service.config.data_dir / "runware", upload_ttl_seconds=service.config.default_ttl_seconds)


def output_of(meta: dict[str, Any]) -> Output:
    """The output settings a job was submitted with (stored in its meta)."""
    return Output(output_type=str(meta.get("outputType", "URL")), include_cost=bool(meta.get("includeCost", False)))


def images_expected(job: Job) -> int:
    return int(job.request.get("n", 1)) if job.kind == "generate" else 1


def result_item(service: Service, job: Job, artifact: StoredArtifact, output: Output) -> Item:
    """One Runware result object for one stored image (also the webhook payload of that image)."""
    meta = job.meta
    item: Item = {
        "taskType": meta.get("taskType", "imageInference" if job.kind == "generate" else "vectorize"),
        "taskUUID": meta.get("taskUUID", job.idempotency_key),
        "imageUUID": artifact.image_id,
    }
    if output.output_type == "URL":
        item["imageURL"] = service.artifact_url(job, artifact)  # expires with the job's files (its ttl)
    else:
        encoded = base64.b64encode(service.read_artifact(artifact.key)).decode("ascii")
        if output.output_type == "base64Data":
            item["imageBase64Data"] = encoded
        else:
            item["imageDataURI"] = f"data:{artifact.media_type};base64,{encoded}"
    if job.kind == "generate":
        requested = meta.get("runwareSeed")
        item["seed"] = requested + artifact.index if isinstance(requested, int) else artifact.seed
        item["NSFWContent"] = artifact.nsfw
    if output.include_cost:
        item["cost"] = round(reported_cost("runware", job) / max(1, images_expected(job)), 6)
    if artifact.warnings:
        item["warnings"] = artifact.warnings
    index_for(service).put_image(job.key_id, artifact.image_id, artifact.key, artifact.media_type)
    return item


def make_payload_builder(service: Service) -> Callable[[Job], list[Item]]:
    """Webhook payloads of a finished Runware job: one result object per image (Runware POSTs one per item), or
    one error object when the job failed."""

    def build(job: Job) -> list[Item]:
        output = output_of(job.meta)
        if job.status == JobStatus.SUCCEEDED or job.artifacts:
            return [result_item(service, job, artifact, output) for artifact in job.artifacts]
        error = error_from_job(job.error, job_id=job.id)
        return [{"errors": [error_object(error, job.meta.get("taskType"), job.meta.get("taskUUID"))]}]

    return build


class RunwareServing:
    def __init__(self, service: Service, settings: Settings, key: ApiKey | None) -> None:
        self.service = service
        self.settings = settings
        self.key = key
        self.key_id = key.id if key is not None else None
        self.index = index_for(service)
        self.allow = tuple(service.config.fetch_allow)

    async def run(self, tasks: list[Task | TaskFailure]) -> tuple[int, Item]:
        outcomes = await asyncio.gather(*(self._one(task) for task in tasks))
        data: list[Item] = [item for items, _ in outcomes for item in items]
        errors: list[tuple[Item, int]] = [error for _, errs in outcomes for error in errs]
        body: Item = {}
        if data or not errors:
            body["data"] = data
        if errors:
            body["errors"] = [e for e, _ in errors]
        return (200 if data or not errors else _common_status([s for _, s in errors])), body

    # ------------------------------------------------------------------------------------------------ dispatch
    async def _one(self, task: Task | TaskFailure) -> tuple[list[Item], list[tuple[Item, int]]]:
        if isinstance(task, TaskFailure):
            return [], [(error_object(task.error, task.task_type, task.task_uuid), task.error.status)]
        try:
            if isinstance(task, PingTask):
                pong: Item = {"taskType": "ping", "pong": True}
                if task.task_uuid:
                    pong["taskUUID"] = task.task_uuid
                return [pong], []
            if isinstance(task, GetResponseTask):
                return await self._get_response(task)
            if isinstance(task, UploadTask):
                return [await self._upload(task)], []
            if isinstance(task, ToolTask) and task.operation in INSTANT:  # imageCaption, promptEnhance
                return await instant_task(self, task), []
            if isinstance(task, InferenceTask | VectorizeTask | ToolTask):
                return await self._job_task(task)
            return [], []  # authentication: answered by the router
        except ArtboardError as error:
            return [], [(error_object(error, task.task_type, task.task_uuid), error.status)]
        except Exception:  # one task's bug must not fail the others in its array
            log.exception("runware %s %s failed unexpectedly", task.task_type, task.task_uuid)
            internal = ArtboardError("internal error while running this task")
            return [], [(error_object(internal, task.task_type, task.task_uuid), internal.status)]

    # ------------------------------------------------------------------------------------------------ images in
    async def resolve_image(self, ref: ImageRef) -> bytes:
        """The bytes of an input image: fetched (SSRF-guarded), decoded, or looked up by UUID."""
        if ref.kind in ("url", "data_uri"):
            return await input_image(self.allow, ref.value, param=ref.param)
        if ref.kind == "base64":
            return decode_base64(ref.value, ref.param)
        upload = self.index.get_upload(self.key_id, ref.value)
        if upload is not None:
            return upload
        image = self.index.get_image(self.key_id, ref.value)
        if image is not None:
            try:
                data = self.service.read_artifact(str(image["key"]))
            except (FileNotFoundError, NotFound):
                raise InvalidParameter(f"image {ref.value} has expired", param=ref.param) from None
            if str(image.get("media_type")) == "image/svg+xml":
                return await self.service.offload.run(_svg_to_png, data)
            return data
        raise InvalidParameter(
            f"no uploaded or generated image {ref.value} (for this API key)",
            param=ref.param,
            allowed="a URL, data URI, base64 data, or the imageUUID of an imageUpload or a result",
        )

    async def _upload(self, task: UploadTask) -> Item:
        data = await self.resolve_image(task.image)
        image_format = await self.service.offload.run(_image_format, data)  # refuse what is not an image
        digest = hashlib.sha256(data).hexdigest()
        existing = self.index.get_task(self.key_id, task.task_uuid)
        if existing is not None and existing.get("kind") == "upload":
            if existing.get("sha256") != digest:
                raise Conflict(f"taskUUID {task.task_uuid} was already used for another image", param="taskUUID")
            image_uuid = str(existing["imageUUID"])
        else:
            media = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}.get(
                image_format or "", "application/octet-stream"
            )
            image_uuid = await asyncio.to_thread(self.index.put_upload, self.key_id, data, media)
            self.index.put_task(
                self.key_id, task.task_uuid, {"kind": "upload", "imageUUID": image_uuid, "sha256": digest}
            )
        return {"taskType": "imageUpload", "taskUUID": task.task_uuid, "imageUUID": image_uuid}

    # ------------------------------------------------------------------------------------------------ jobs
    async def _job_task(
        self, task: InferenceTask | VectorizeTask | ToolTask
    ) -> tuple[list[Item], list[tuple[Item, int]]]:
        out = task.output
        await self._check_delivery_urls(out)
        kind: JobKind
        if isinstance(task, ToolTask):
            kind, request, model = "edit", await edit_request(self, task), task.model_name
        elif isinstance(task, InferenceTask) and "mask_image" in task.options:
            kind, request, model = "edit", await inpaint_request(self, await apply_style(self, task)), task.model_name
        elif isinstance(task, InferenceTask):
            task = await apply_style(self, task)
            image = await self.resolve_image(task.seed_image) if task.seed_image is not None else None
            spec = await self.service.offload.run(build_spec, task, image)
            kind, request, model = "generate", spec.model_dump(mode="json"), task.model_name
        else:
            data = await self.resolve_image(task.image)
            req = await self.service.offload.run(_vectorize_request, data, task)
            kind, request, model = "vectorize", req.to_request(), "vectorize"
        meta = {
            "taskType": task.task_type,
            "taskUUID": task.task_uuid,
            "outputType": out.output_type,
            "includeCost": out.include_cost,
            "runwareModel": task.model_name,
        }
        if isinstance(task, InferenceTask) and task.requested_seed is not None:
            meta["runwareSeed"] = task.requested_seed
        delivery = Delivery(
            ttl_seconds=out.ttl,
            upload_url=out.upload_endpoint,
            webhook=WebhookConfig(out.webhook_url) if out.webhook_url else None,
        )
        try:
            job = await self.service.submit(
                kind=kind,
                request=request,
                model=model,
                dialect=DIALECT,
                key_id=self.key_id,
                meta=meta,
                idempotency_key=task.task_uuid,
                delivery=delivery,
            )
        except Conflict as error:
            raise Conflict(
                f"taskUUID {task.task_uuid} was already used for a different task; use a new UUID per task",
                param="taskUUID",
            ) from error
        except ArtboardError as refused:
            refused.param = _SUBMIT_PARAMS.get(refused.param or "", refused.param)
            raise
        if out.delivery_method == "async":
            return [{"taskType": task.task_type, "taskUUID": task.task_uuid, "status": _status_word(job)}], []
        timeout = self.settings.sync_timeout_seconds
        try:
            job = await finished_job(
                self.service, job, timeout=timeout, hint="poll it with a getResponse task", param="taskUUID"
            )
        except ArtboardError as failed:  # one task's failure is its own error object; the others still answer
            return [], [(error_object(failed, task.task_type, task.task_uuid), failed.status)]
        return [result_item(self.service, job, artifact, out) for artifact in job.artifacts], []

    async def _check_delivery_urls(self, out: Output) -> None:
        """SSRF decisions at submit time (each send is checked again against the address then resolved)."""
        if out.webhook_url:
            await asyncio.to_thread(validate_webhook_url, out.webhook_url, self.allow, param="webhookURL")
        if out.upload_endpoint:
            await asyncio.to_thread(check_url, out.upload_endpoint, allow=self.allow, param="uploadEndpoint")

    async def _get_response(self, task: GetResponseTask) -> tuple[list[Item], list[tuple[Item, int]]]:
        # From the job store, not the local index: any server process sharing the database can answer.
        job = await self.service.find_idempotent(task.task_uuid, key_id=self.key_id)
        if job is None or job.dialect != DIALECT:
            raise NotFound(f"no task {task.task_uuid} for this API key", param="taskUUID")
        output = output_of(job.meta)
        task_type = str(job.meta.get("taskType", "imageInference"))
        data = [{**result_item(self.service, job, artifact, output), "status": "success"} for artifact in job.artifacts]
        if not job.status.finished:
            pending = max(0, images_expected(job) - len(job.artifacts))
            data.extend(
                {"taskType": task_type, "taskUUID": task.task_uuid, "status": "processing"} for _ in range(pending)
            )
            return data, []
        if job.status == JobStatus.SUCCEEDED:
            return data, []
        failed = error_from_job(job.error, job_id=job.id)
        error = {**error_object(failed, task_type, task.task_uuid), "status": "error"}
        return data, [(error, failed.status)]


_IMAGE_KEYS = {"imageURL", "imageBase64Data", "imageDataURI"}


def single_image_warnings(body: Item) -> list[str]:
    """The warnings of the one image result in an answer (empty unless exactly one image is answered)."""
    images = [item for item in body.get("data", ()) if isinstance(item, dict) and _IMAGE_KEYS & item.keys()]
    if len(images) != 1:
        return []
    return [w for w in images[0].get("warnings", ()) if isinstance(w, str)]


_SUBMIT_PARAMS = {
    "upload_url": "uploadEndpoint",
    "webhook": "webhookURL",
    "idempotency_key": "taskUUID",
    "prompt": "positivePrompt",
    "n": "numberResults",
    "image": "seedImage",
}


def _image_format(data: bytes) -> str | None:
    """The format of an uploaded image (PNG, JPEG, WEBP; None for SVG), refusing what is not an image."""
    format_name: str | None = getattr(load_image(data, param="image"), "format", None)
    return format_name


def _vectorize_request(data: bytes, task: VectorizeTask) -> VectorizeRequest:
    try:
        return make_vectorize_request(data, palette=list(task.palette) if task.palette else None)
    except InvalidParameter as error:
        if error.param == "image":
            error.param = task.image.param
        elif error.param == "palette":
            error.param = "providerSettings.recraft.colors"
        raise


def _svg_to_png(svg: bytes) -> bytes:
    """A generated SVG used as a seedImage: rendered at its own size (the engine takes raster inputs)."""
    import re

    from artboard.render import render_png

    text = svg.decode("utf-8")
    box = re.search(r'viewBox="\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)', text)
    width, height = (round(float(box.group(1))), round(float(box.group(2)))) if box else (1024, 1024)
    return render_png(text, width, height)


def _status_word(job: Job) -> str:
    if not job.status.finished:
        return "processing"
    return "success" if job.status == JobStatus.SUCCEEDED else "error"


def _common_status(statuses: list[int]) -> int:
    if not statuses:
        return 200
    if len(set(statuses)) == 1:
        return statuses[0]
    return 400 if all(400 <= s < 500 for s in statuses) else max(statuses)
