"""The `artboard` command line: generate, vectorize, gallery, serve, keys, worker, workers.

Bad input prints one clear message naming the parameter and exits with status 2; other failures exit 1.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from artboard.errors import ArtboardError, InvalidParameter

EXIT_USAGE = 2


def _fail(error: ArtboardError) -> None:
    click.echo(f"error: {error.describe()}", err=True)
    sys.exit(EXIT_USAGE if isinstance(error, InvalidParameter) else 1)


def _targets(output: str | None, fmt: str, seeds: list[int]) -> list[Path]:
    """Where each result goes: a file for one result; a folder or a {i}/{seed} pattern for several."""
    ext = "jpg" if fmt == "jpg" else fmt
    if output is None:
        return [Path(f"artboard-{seed}.{ext}") for seed in seeds]
    if "{" in output:
        try:
            return [Path(output.format(i=i, seed=seed, n=i + 1)) for i, seed in enumerate(seeds)]
        except (KeyError, IndexError, ValueError):
            raise InvalidParameter("output pattern may use {i}, {n} and {seed}", param="--output") from None
    path = Path(output)
    is_folder = path.is_dir() or output.endswith(("/", "\\")) or (len(seeds) > 1 and not path.suffix)
    if is_folder:
        return [path / f"artboard-{i + 1:02d}-{seed}.{ext}" for i, seed in enumerate(seeds)]
    if len(seeds) > 1:
        return [path.with_name(f"{path.stem}-{i + 1:02d}{path.suffix}") for i in range(len(seeds))]
    return [path]


class _Bar:
    """tqdm progress bar on a terminal, silent otherwise (pipes and CI logs stay clean)."""

    def __init__(self, total: int) -> None:
        self.bar: Any = None
        if total > 1 and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="img", file=sys.stderr)

    def __call__(self, done: int, total: int) -> None:
        if self.bar is not None:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="artboard")
def main() -> None:
    """artboard: design-first image generation on your own machine."""


@main.command()
@click.argument("prompt")
@click.option("-o", "--output", help="File; with -n > 1 a folder or a pattern with {i}, {n}, {seed}.")
@click.option("--size", help="WxH from the tier's table, or a ratio like 16:9.")
@click.option("--aspect-ratio", "aspect_ratio", help="e.g. 1:1, 16:9, 2:3, 14:10.")
@click.option("--tier", type=str, help="standard (~1K) or pro (~2K).")
@click.option("--format", "fmt", type=str, help="png, jpg, webp or svg (default: from -o, else png).")
@click.option("--quality", type=str, help="20–99 for jpg/webp (png: compression effort).")
@click.option("--palette", help='Colours, e.g. "#112233,#445566" (1–10).')
@click.option("--background", help='A colour like "#ffffff", or "transparent".')
@click.option("--seed", type=str, help="uint32; results use seed, seed+1, …")
@click.option("-n", "n", type=str, default="1", show_default=True, help="Number of results, 1–20.")
@click.option("--image", type=click.Path(dir_okay=False), help="Input image for image-to-image.")
@click.option("--strength", type=str, help="0 ≈ keep the input, 1 ≈ new design (needs --image).")
@click.option("--backend", help="Only this backend (see `artboard backends list`); no fallback.")
@click.option("--provider-order", "provider_order", help="Backends to try first, comma-separated (then the chain).")
@click.option("--provider-only", "provider_only", help="Only these backends, comma-separated.")
@click.option("--provider-ignore", "provider_ignore", help="Never these backends, comma-separated.")
@click.option(
    "--fallbacks/--no-fallbacks",
    "allow_fallbacks",
    default=True,
    show_default=True,
    help="Fall through to the next backend of the chain when one is unavailable or fails.",
)
@click.option("--model", help="Public model id, e.g. artboard-v1 or recraftv4_vector.")
@click.option("--safety/--no-safety", default=True, show_default=True, help="NSFW check of inputs/outputs.")
@click.option("--json", "as_json", is_flag=True, help="Print the manifests as JSON.")
def generate(
    prompt: str,
    output: str | None,
    size: str | None,
    aspect_ratio: str | None,
    tier: str | None,
    fmt: str | None,
    quality: str | None,
    palette: str | None,
    background: str | None,
    seed: str | None,
    n: str,
    image: str | None,
    strength: str | None,
    backend: str | None,
    provider_order: str | None,
    provider_only: str | None,
    provider_ignore: str | None,
    allow_fallbacks: bool,
    model: str | None,
    safety: bool,
    as_json: bool,
) -> None:
    """Generate designs for PROMPT."""
    from artboard import engine
    from artboard.spec import FORMAT_ALIASES, make_spec

    if fmt is None and output and "{" not in output:  # the one table of format spellings: .jpeg → jpg
        fmt = FORMAT_ALIASES.get(Path(output).suffix.lower().lstrip("."))
    try:
        spec = engine.resolve_seed(
            make_spec(
                prompt,
                size=size,
                aspect_ratio=aspect_ratio,
                tier=tier,
                format=fmt,
                quality=quality,
                palette=palette,
                background=background,
                seed=seed,
                n=n,
                image=image,
                strength=strength,
                backend=backend,
                model=model,
                safety=safety,
            )
        )
        targets = _targets(output, spec.format, spec.seeds())
        bar = _Bar(spec.n)
        start = time.perf_counter()
        try:
            provider = {
                "order": provider_order,
                "only": provider_only,
                "ignore": provider_ignore,
                "allow_fallbacks": allow_fallbacks,
            }
            artifacts = engine.run(spec, progress=bar, provider={k: v for k, v in provider.items() if v is not None})
        finally:
            bar.close()
    except ArtboardError as error:
        _fail(error)
        return
    took = time.perf_counter() - start
    written = []
    warned: list[str] = []
    for artifact, target in zip(artifacts, targets, strict=True):
        artifact.save(target)
        written.append(
            {"path": str(target), "seed": artifact.seed, "warnings": artifact.warnings, "manifest": artifact.manifest}
        )
        warned += [w for w in artifact.warnings if w not in warned]
    for warning in warned:  # stderr, so stdout (paths, or the JSON) stays what scripts parse
        click.echo(f"warning: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(written if len(written) > 1 else written[0], indent=2))
    else:
        for item in written:
            click.echo(f"{item['path']}  seed={item['seed']}")
        click.echo(f"{len(written)} image(s) in {took:.2f}s", err=True)


@main.command()
@click.argument("image", type=click.Path(dir_okay=False))
@click.option("-o", "--output", help="SVG file (default: IMAGE with .svg).")
@click.option("--palette", help="Strict palette: every colour of the SVG is one of these.")
@click.option("--max-shapes", "max_shapes", type=str, help="Cap on the number of shapes.")
@click.option("--speckle", type=str, default="4", show_default=True, help="Drop blobs under N pixels.")
@click.option("--json", "as_json", is_flag=True, help="Print the manifest as JSON.")
def vectorize(
    image: str, output: str | None, palette: str | None, max_shapes: str | None, speckle: str, as_json: bool
) -> None:
    """Trace a raster IMAGE into an SVG."""
    from artboard.api import vectorize as trace
    from artboard.spec import integer_param

    try:
        shapes = integer_param(max_shapes, "--max-shapes", 1, 100_000) if max_shapes is not None else None
        artifact = trace(image, palette=palette, max_shapes=shapes, speckle=integer_param(speckle, "--speckle", 0, 128))
    except ArtboardError as error:
        _fail(error)
        return
    target = Path(output) if output else Path(image).with_suffix(".svg")
    artifact.save(target)
    if as_json:
        click.echo(json.dumps({"path": str(target), "manifest": artifact.manifest}, indent=2))
    else:
        click.echo(f"{target}  ssim={artifact.manifest['vectorize']['ssim']}")


@main.group(invoke_without_command=True)
@click.pass_context
def backends(ctx: click.Context) -> None:
    """List the installed backends (`backends list` for capabilities and health)."""
    if ctx.invoked_subcommand is None:
        from artboard import registry

        for name in registry.backend_names():
            click.echo(name)


@backends.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def backends_list(as_json: bool) -> None:
    """Each backend: capabilities, available + reason, health (circuit breaker) and the models it serves."""
    from artboard import routing

    try:
        rows = routing.backends_report()
    except ArtboardError as error:
        _fail(error)
        return
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        caps = row.get("capabilities") or {}
        kinds = "+".join(k for k in ("raster", "vector", "img2img", "photoreal", "remote") if caps.get(k)) or "-"
        state = "available" if row["available"] else f"unavailable: {row['reason']}"
        if row["circuit_open"]:
            state += f" (circuit open, retry in {row['retry_in_seconds']}s)"
        click.echo(f"{row['name']:12} {kinds:40} {state}")
        extra = [f"models: {', '.join(row['models'])}" if row["models"] else "models: (via --backend/provider only)"]
        if caps.get("cost_per_image_usd") is not None:
            extra.append(f"from ${caps['cost_per_image_usd']}/image")
        if row["consecutive_failures"] or row["last_error"]:
            extra.append(f"{row['consecutive_failures']} consecutive failures, last error: {row['last_error']}")
        click.echo(f"{'':12} {'; '.join(extra)}")


@main.command()
@click.option("-o", "--output", default="gallery", show_default=True, help="Folder for the gallery.")
@click.option("--seed", type=int, default=7, show_default=True)
def gallery(output: str, seed: int) -> None:
    """Generate a sample gallery (SVG + PNG of several design types) and an index.html to view it."""
    from artboard.gallery import build_gallery

    try:
        index = build_gallery(Path(output), seed=seed, echo=click.echo)
    except ArtboardError as error:
        _fail(error)
        return
    click.echo(f"gallery written to {index.parent.resolve()} — open {index.resolve()}")


# -- the HTTP service -----------------------------------------------------------------------------------------------

_SERVER_OPTIONS = [
    click.option("--config", "config", type=click.Path(dir_okay=False), help="TOML file with settings."),
    click.option("--data-dir", "data_dir", type=click.Path(file_okay=False), help="Database, outputs and secrets."),
    click.option("--database-url", "database_url", help="SQLAlchemy URL (default: SQLite in the data dir)."),
]


def _server_options(func: Any) -> Any:
    for option in reversed(_SERVER_OPTIONS):
        func = option(func)
    return func


def _settings(config: str | None, **overrides: Any) -> Any:
    from pydantic import ValidationError

    from artboard.server.settings import load_settings

    try:
        settings = load_settings(config, **overrides)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "settings"
        _fail(InvalidParameter(str(first.get("msg")), param=f"--{where.replace('_', '-')}"))
    except ArtboardError as error:
        _fail(error)
    return settings


def _key_store(settings: Any) -> Any:
    from artboard.jobs.keys import KeyStore
    from artboard.jobs.store import JobStore

    Path(settings.data_dir).mkdir(parents=True, exist_ok=True)
    return KeyStore(JobStore(settings.database_url), initial_credits=settings.initial_credits)


def _banner(settings: Any, secret: str | None) -> str:
    base = settings.public_base_url
    auth = '-H "Authorization: Bearer $ARTBOARD_KEY" ' if settings.auth_enabled else ""
    lines = [f"artboard {_version()} — serving at {base}", f"  API docs:  {base}/docs   (OpenAPI: {base}/openapi.json)"]
    if settings.auth_enabled:
        if secret:
            lines += [
                "  auth: on — a first API key was created; it is shown ONCE, keep it:",
                f"    {secret}",
                f"  export ARTBOARD_KEY={secret}",
            ]
        else:
            lines.append("  auth: on — use a key from `artboard keys create NAME` as ARTBOARD_KEY")
    else:
        lines.append("  auth: off (loopback only; pass --auth on to require keys)")
    recraft = '{"model":"recraftv4","prompt":"minimal fox logo called Ember","response_format":"url"}'
    openrouter = (
        '{"model":"recraft/recraft-v4","modalities":["image"],'
        '"messages":[{"role":"user","content":"minimal fox logo called Ember"}]}'
    )
    from artboard.server.app import BASE_PATHS

    lines.append("  Base URLs per API (the shared root works too; see the README):")
    lines += [f"    {name:<11} {base}{path}" for name, path in BASE_PATHS.items()]
    lines += [
        "  Recraft-style:",
        f"    curl -s {base}/v1/images/generations {auth}-H 'Content-Type: application/json' -d '{recraft}'",
        "  OpenRouter-style:",
        f"    curl -s {base}/api/v1/chat/completions {auth}-H 'Content-Type: application/json' -d '{openrouter}'",
        "  Stop with Ctrl+C.",
    ]
    return "\n".join(lines)


def _check_database(url: str) -> None:
    """Connect once before serving, so a bad --database-url is one line and exit 2, not a startup traceback."""
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from artboard.jobs.store import JobStore

    try:
        store = JobStore(url)
        try:
            store.ping()
        finally:
            store.dispose()
    except (SQLAlchemyError, ArgumentError, ImportError, ValueError) as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
        _fail(InvalidParameter(f"cannot use the database: {reason}", param="--database-url"))


def _version() -> str:
    from artboard.version import __version__

    return __version__


@main.command()
@click.option("--host", help="Address to bind (default 127.0.0.1; auth turns on off loopback).")
@click.option("--port", type=int, help="Port (default 8000).")
@click.option("--workers", type=int, help="Engine worker processes (default: CPU cores).")
@click.option("--auth", type=click.Choice(["on", "off", "auto"]), help="API keys (default auto).")
@click.option("--log-level", "log_level", type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--queue-url", "queue_url", help="Broker (amqp://…): jobs run on `artboard worker` machines.")
@click.option("--storage-url", "storage_url", help="Outputs in object storage: s3://BUCKET?endpoint=…&region=….")
@_server_options
def serve(
    host: str | None,
    port: int | None,
    workers: int | None,
    auth: str | None,
    log_level: str | None,
    queue_url: str | None,
    storage_url: str | None,
    config: str | None,
    data_dir: str | None,
    database_url: str | None,
) -> None:
    """Start the HTTP service (OpenRouter, Recraft, Runware, API-in-One and PixelDojo dialects)."""
    import uvicorn

    from artboard.server.app import create_app

    settings = _settings(
        config,
        host=host,
        port=port,
        workers=workers,
        auth=auth,
        log_level=log_level,
        data_dir=data_dir,
        database_url=database_url,
        queue_url=queue_url,
        storage_url=storage_url,
    )
    secret: str | None = None
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        _check_database(settings.database_url)
        if settings.auth_enabled:
            keys = _key_store(settings)
            if not any(not key.revoked for key in keys.list()):
                _key, secret = keys.create("default")
        app = create_app(settings)
    except ArtboardError as error:
        _fail(error)
        return
    click.echo(_banner(settings, secret))
    sys.stdout.flush()
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        timeout_graceful_shutdown=10,
        server_header=False,
    )


@main.group()
def keys() -> None:
    """Create, list, revoke and top up API keys (in the server's database)."""


@keys.command("create")
@click.argument("name")
@click.option("--credits", type=int, help="Starting balance (default: the initial_credits setting).")
@click.option("--rate-limit", "rate_limit", type=int, help="Requests per minute for this key.")
@_server_options
def keys_create(
    name: str,
    credits: int | None,
    rate_limit: int | None,
    config: str | None,
    data_dir: str | None,
    database_url: str | None,
) -> None:
    """Create a key called NAME; its secret is printed once."""
    settings = _settings(config, data_dir=data_dir, database_url=database_url)
    try:
        key, secret = _key_store(settings).create(name, credits=credits, rate_limit_per_minute=rate_limit)
    except ArtboardError as error:
        _fail(error)
        return
    click.echo(f"created key {key.id} ({key.name}, {key.credits} credits)")
    click.echo(f"secret (shown once): {secret}")


@keys.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_server_options
def keys_list(as_json: bool, config: str | None, data_dir: str | None, database_url: str | None) -> None:
    """List keys (id, prefix, name, credits, status)."""
    settings = _settings(config, data_dir=data_dir, database_url=database_url)
    found = _key_store(settings).list()
    if as_json:
        rows = [
            {
                "id": k.id,
                "prefix": k.prefix,
                "name": k.name,
                "credits": k.credits,
                "revoked": k.revoked,
                "rate_limit_per_minute": k.rate_limit_per_minute,
                "created_at": k.created_at.isoformat(),
            }
            for k in found
        ]
        click.echo(json.dumps(rows, indent=2))
        return
    if not found:
        click.echo("no keys yet — create one with `artboard keys create NAME`")
    for k in found:
        limit = f"{k.rate_limit_per_minute}/min" if k.rate_limit_per_minute else "default limit"
        state = "revoked" if k.revoked else "active"
        click.echo(f"{k.id}  {k.prefix}…  {k.name:20}  {k.credits:>8} credits  {limit:>13}  {state}")


@keys.command("revoke")
@click.argument("key")
@_server_options
def keys_revoke(key: str, config: str | None, data_dir: str | None, database_url: str | None) -> None:
    """Revoke a key by id or prefix."""
    settings = _settings(config, data_dir=data_dir, database_url=database_url)
    try:
        revoked = _key_store(settings).revoke(key)
    except ArtboardError as error:
        _fail(error)
        return
    click.echo(f"revoked key {revoked.id} ({revoked.name})")


@keys.command("top-up")
@click.argument("key_id")
@click.argument("credits", type=int)
@_server_options
def keys_top_up(key_id: str, credits: int, config: str | None, data_dir: str | None, database_url: str | None) -> None:
    """Add CREDITS to key KEY_ID (negative to deduct)."""
    settings = _settings(config, data_dir=data_dir, database_url=database_url)
    try:
        balance = _key_store(settings).top_up(key_id, credits)
    except ArtboardError as error:
        _fail(error)
        return
    click.echo(f"key {key_id}: {balance} credits")


# The scale-out commands (`artboard worker`, `artboard workers list`) live in their own module.
from artboard.cli_scaleout import worker, workers  # noqa: E402

main.add_command(worker)
main.add_command(workers)

# The image tools (`artboard edit remove-background|crisp-upscale|inpaint|…`) live in their own module.
from artboard.cli_edit import edit  # noqa: E402

main.add_command(edit)
