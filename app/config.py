"""Settings read from the environment, with safe defaults for one commune."""
import os
import secrets
from pathlib import Path


def _secret_key(instance_path: Path) -> str:
    """Return SECRET_KEY from the environment, or one generated once and kept in instance/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def from_environment(instance_path: str) -> dict:
    """Build the config mapping for create_app()."""
    instance = Path(instance_path)
    default_db = f"sqlite:///{instance / 'motcua.db'}"
    return {
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", default_db),
        "SECRET_KEY": _secret_key(instance),
        "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", "http://localhost:8000"),
        "KIOSK_IDLE_SECONDS": int(os.environ.get("KIOSK_IDLE_SECONDS", "120")),
        "KIOSK_VOICE": os.environ.get("KIOSK_VOICE", "vi"),
        "UPLOAD_DIR": os.environ.get("UPLOAD_DIR", str(instance / "uploads")),
    }
