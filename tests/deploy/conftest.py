"""Fixtures of the deployment tests: a fresh PostgreSQL database per module,
skipped with the reason when PostgreSQL or nginx is absent."""
from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from tests.conftest import _postgres_url, drop_database
from tests.deploy.cluster import NGINX


@pytest.fixture(scope="module")
def db_url():
    """A new PostgreSQL database for the module, dropped afterwards."""
    base = _postgres_url()
    if not base:
        pytest.skip("PostgreSQL not configured: set PAPI_TEST_POSTGRES_URL (CI starts a server)")
    if not Path(NGINX).exists() and not shutil.which("nginx"):
        pytest.skip("nginx is not installed (apt-get install nginx); .ci/run installs it")
    import sqlalchemy as sa
    name = f"papi_deploy_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield base.rsplit("/", 1)[0] + f"/{name}"
    drop_database(admin, name)
    admin.dispose()
