"""The OpenAPI schema says how each operation can fail."""

import json

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.shared_parts]


def test_every_operation_lists_its_errors(client):
    schema = json.loads(client.get("/api/v1/schema/", {"format": "json"}).content)
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert operations
    for operation in operations:
        assert {"200", "400", "404", "429"} <= set(operation["responses"]), operation["operationId"]
