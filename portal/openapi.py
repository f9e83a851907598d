"""The OpenAPI schema documents our JSON APIs only, and is readable without loading anything
from elsewhere: the docs page is rendered here from the schema, with no script from a CDN.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

DOCUMENTED_PREFIXES = ("/api/v1/", "/api/hsds/")
UNSAFE_METHODS = {"post", "put", "patch", "delete"}
ERROR = {
    "type": "object",
    "description": "Why the request was refused (every error under /api/ answers this way).",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string"},
        "retry_after": {"type": "integer", "description": "seconds, with 429 only"},
    },
    "required": ["detail"],
}
INVALID = {
    "type": "object",
    "description": "Which parameter or field was refused and why: its name → the reasons "
    "(a list of messages, nested for nested fields), or `detail`.",
    "additionalProperties": {},
}


def only_our_apis(endpoints: list[tuple[str, str, str, Any]], **kwargs: Any) -> list:
    """drf-spectacular preprocessing hook: keep /api/v1/ and /api/hsds/; Wagtail's admin API and
    anything else mounted later stay out of the public schema.
    """
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(DOCUMENTED_PREFIXES)]


def _error(description: str, component: str = "Error", headers: dict | None = None) -> dict:
    response: dict[str, Any] = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{component}"}}},
    }
    if headers:
        response["headers"] = headers
    return response


def _errors(path: str, method: str, operation: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The error answers an operation can give, from what it takes and who may call it."""
    parameters = operation.get("parameters", [])
    in_path = any(parameter["in"] == "path" for parameter in parameters)
    paged = any(parameter["name"] == "page" for parameter in parameters)
    anonymous = {} in operation.get("security", [{}])
    errors: dict[str, dict[str, Any]] = {}
    if parameters or "requestBody" in operation:
        errors["400"] = _error("A parameter or field was refused.", "ValidationErrorDetail")
    if not anonymous or method in UNSAFE_METHODS:
        errors["403"] = _error("Not signed in, no right to this, or the CSRF check failed.")
    if in_path or paged:
        errors["404"] = _error("Nothing with this identifier is visible to you, or no such page.")
    errors["429"] = _error(
        "Too many requests; try again after Retry-After seconds.",
        headers={"Retry-After": {"schema": {"type": "integer"}, "required": True}},
    )
    return errors


def _valid_nullable_references(node: Any) -> Any:
    """spectacular writes a nullable reference as allOf + nullable, which OpenAPI 3.0 does not
    allow (nullable needs a type beside it); oneOf with the reference says the same validly."""
    if isinstance(node, list):
        return [_valid_nullable_references(item) for item in node]
    if not isinstance(node, dict):
        return node
    fixed = {key: _valid_nullable_references(value) for key, value in node.items()}
    if fixed.get("nullable") and "allOf" in fixed and "type" not in fixed:
        fixed["oneOf"] = fixed.pop("allOf")
    return fixed


def document_errors(result: dict[str, Any], generator: Any, **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: every operation lists its 400/403/404/429 answers
    beside its success, and nullable references are written validly."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.setdefault("Error", ERROR)
    schemas.setdefault("ValidationErrorDetail", INVALID)
    for path, methods in result.get("paths", {}).items():
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            for status, response in _errors(path, method, operation).items():
                responses.setdefault(status, response)
    return _valid_nullable_references(result)


DOCS_TEMPLATE = """{% load static %}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ schema.info.title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{% static 'css/api-docs.css' %}"></head><body>
<h1>{{ schema.info.title }} <small>v{{ schema.info.version }}</small></h1>
<p>{{ schema.info.description }}</p>
<p>OpenAPI {{ schema.openapi }}: <a href="{{ schema_url }}">schema (YAML)</a>,
<a href="{{ schema_url }}?format=json">schema (JSON)</a>.</p>
<h2>Paths</h2>
{% for operation in operations %}<section id="{{ operation.id }}">
<h3><span class="method">{{ operation.method }}</span> <code>{{ operation.path }}</code></h3>
{% if operation.summary %}<p>{{ operation.summary }}</p>{% endif %}
{% if operation.description %}<p>{{ operation.description }}</p>{% endif %}
<p>Sign-in: {% if operation.anonymous %}not required{% else %}required (session){% endif %}</p>
{% if operation.parameters %}<table><tr><th>parameter</th><th>in</th><th>type</th>
<th>description</th></tr>{% for parameter in operation.parameters %}<tr>
<td><code>{{ parameter.name }}</code>{% if parameter.required %} *{% endif %}</td>
<td>{{ parameter.in }}</td><td>{{ parameter.type }}</td><td>{{ parameter.description }}</td>
</tr>{% endfor %}</table>{% endif %}
<table><tr><th>status</th><th>answer</th></tr>{% for response in operation.responses %}<tr>
<td>{{ response.status }}</td><td>{% if response.component %}
<a href="#schema-{{ response.component }}">{{ response.component }}</a>
{% else %}{{ response.description }}{% endif %}</td></tr>
{% endfor %}</table></section>{% endfor %}
<h2>Schemas</h2>
{% for component in components %}<section id="schema-{{ component.name }}">
<h3>{{ component.name }}</h3>{% if component.description %}<p>{{ component.description }}</p>
{% endif %}{% if component.properties %}<table><tr><th>field</th><th>type</th></tr>
{% for property in component.properties %}<tr><td><code>{{ property.name }}</code>
{% if property.required %} *{% endif %}</td><td>{{ property.type }}</td></tr>{% endfor %}
</table>{% elif component.enum %}<p>one of:
{% for value in component.enum %}<code>{{ value }}</code> {% endfor %}</p>{% endif %}
</section>{% endfor %}
</body></html>
"""


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1]
    for combined in ("allOf", "oneOf", "anyOf"):
        if combined in schema:
            return " | ".join(_type(part) for part in schema[combined])
    if schema.get("type") == "array":
        return f"list of {_type(schema.get('items', {}))}"
    kind = schema.get("type", "object")
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            responses = []
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {}).get("application/json", {})
                reference = content.get("schema", {}).get("$ref", "")
                responses.append(
                    {
                        "status": status,
                        "component": reference.rsplit("/", 1)[1] if reference else "",
                        "description": response.get("description", ""),
                    }
                )
            operations.append(
                {
                    "id": operation.get("operationId", ""),
                    "path": path,
                    "method": method,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "anonymous": {} in operation.get("security", [{}]),
                    "parameters": [
                        {**parameter, "type": _type(parameter.get("schema", {}))}
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": responses,
                }
            )
    return operations


def _components(schema: dict[str, Any]) -> list[dict[str, Any]]:
    components = []
    for name, component in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(component.get("required", []))
        components.append(
            {
                "name": name,
                "description": component.get("description", ""),
                "enum": component.get("enum", []),
                "properties": [
                    {"name": field, "type": _type(definition), "required": field in required}
                    for field, definition in component.get("properties", {}).items()
                ],
            }
        )
    return components


def api_docs(request: HttpRequest) -> HttpResponse:
    """The schema as one plain HTML page: paths, parameters, answers and their fields."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    page = engines["django"].from_string(DOCS_TEMPLATE)
    context = {
        "schema": schema,
        "schema_url": reverse("api-schema"),
        "operations": _operations(schema),
        "components": _components(schema),
    }
    return HttpResponse(page.render(context, request))
