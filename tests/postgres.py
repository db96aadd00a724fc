"""A throw-away PostgreSQL 15 cluster for the test suite, started and stopped by the tests.

initdb refuses to run as root, so as root the cluster runs as the `postgres` system user.
It listens only on a Unix socket inside its temporary folder: nothing reaches it from outside.
"""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

SERVER_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin")


def _binary(name: str) -> str:
    for folder in SERVER_DIRS:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise RuntimeError(f"PostgreSQL server binary {name!r} not found: install postgresql-15")
    return found


class Cluster:
    """Start with start(), get URLs with url(dbname), stop with stop()."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="motcua-pg-"))
        self.data = self.folder / "data"
        self.socket_dir = self.folder
        self.run_as = "postgres" if os.geteuid() == 0 else None

    def _run(self, *args: str) -> None:
        command = list(args)
        if self.run_as:
            command = ["runuser", "-u", self.run_as, "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True)

    def start(self) -> "Cluster":
        if self.run_as:
            shutil.chown(self.folder, self.run_as)
        self._run(_binary("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-c listen_addresses='' -c unix_socket_directories={self.socket_dir} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        self._run(_binary("pg_ctl"), "-D", str(self.data), "-o", options, "-w",
                  "-l", str(self.folder / "server.log"), "start")
        return self

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@/{dbname}?host={self.socket_dir}"

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        import psycopg

        with psycopg.connect(host=str(self.socket_dir), user="postgres", dbname="postgres",
                             autocommit=True) as connection:
            connection.execute(sql)

    def stop(self) -> None:
        try:
            self._run(_binary("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
