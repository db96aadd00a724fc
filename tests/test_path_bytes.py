"""Any bytes a URL can carry in a path segment (a NUL, invalid UTF-8) get an answer, never a 500:
PostgreSQL refuses a NUL inside a query, so such values must not reach it."""
from werkzeug.routing import IntegerConverter

HOSTILE = "%00%FF"


def _paths(app):
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.arguments:
            continue
        strings = [name for name in rule.arguments
                   if name in rule._converters and type(rule._converters[name]).__name__ in ("UnicodeConverter", "PathConverter")]
        if not strings:
            continue
        values = {}
        for name in rule.arguments:
            converter = rule._converters.get(name)
            if converter is None:
                continue
            items = getattr(converter, "items", None)
            values[name] = (sorted(items)[0] if items else 1 if isinstance(converter, IntegerConverter) else "x")
        with app.test_request_context():
            path = app.url_for(rule.endpoint, **values)
        for name in strings:
            yield rule.endpoint, path.replace(f"/{values[name]}", f"/{HOSTILE}", 1)


def test_hostile_bytes_in_a_path_never_give_a_500(app, admin_client, make_procedure):
    make_procedure(code="1.001193")
    checked, failures = [], []
    for endpoint, path in _paths(app):
        for client in (app.test_client(), admin_client):
            response = client.get(path)
            if response.status_code >= 500:
                failures.append((endpoint, path))
        checked.append(endpoint)
    assert failures == [], "\n".join(map(str, failures))
    assert {"kiosk.procedure", "kiosk.read_procedure", "kiosk.life_event", "kiosk.field"} <= set(checked)
