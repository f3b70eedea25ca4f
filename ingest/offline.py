"""Make the process safe to run without internet before any library that might phone home is imported."""

from __future__ import annotations

import os

# Each of these stops a library from reaching a hub or telemetry host at import or first use.
_OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "ANONYMIZED_TELEMETRY": "False",  # chromadb reads this too; we also pass it in Settings
    "TOKENIZERS_PARALLELISM": "false",
}


def make_offline() -> None:
    """Set the offline flags unless the user has set them explicitly."""
    for key, value in _OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
