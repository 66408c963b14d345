"""The API's docs page in the NHS.UK design, read from the OpenAPI schema (drf-spectacular):
each resource, its filters and its fields, with nothing but the app's own pages and styles
(Swagger UI's page fails WCAG 2.2 AA: contrast, nested controls, small targets)."""

from functools import cache

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

REF = "#/components/schemas/"


@cache
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _type(spec: dict, schemas: dict) -> str:
    if "$ref" in spec:
        target = schemas[spec["$ref"].removeprefix(REF)]
        if "enum" in target:
            return "one of " + ", ".join(str(v) for v in target["enum"] if v)
        return "object: " + ", ".join(target.get("properties", {}))
    if "allOf" in spec:
        return " or ".join(_type(part, schemas) for part in spec["allOf"] + spec.get("oneOf", []))
    if "oneOf" in spec:
        return " or ".join(_type(part, schemas) for part in spec["oneOf"])
    if spec.get("type") == "array":
        return "list of " + _type(spec.get("items", {}), schemas)
    kind = spec.get("format") or spec.get("type", "")
    return f"{kind}, or null" if spec.get("nullable") else kind


def _fields(name: str, schemas: dict) -> list[dict]:
    properties = schemas[name].get("properties", {})
    return [
        {
            "name": field,
            "type": _type(spec, schemas),
            "about": spec.get("description", ""),
        }
        for field, spec in properties.items()
    ]


def resources() -> list[dict]:
    found = schema()
    schemas = found["components"]["schemas"]
    listed = []
    for path, operations in found["paths"].items():
        get = operations.get("get")
        if get is None or path.endswith("{id}/"):
            continue
        reply = get["responses"]["200"]["content"]["application/json"]["schema"]
        page = schemas[reply["$ref"].removeprefix(REF)]
        item = page["properties"]["results"]["items"]["$ref"].removeprefix(REF)
        listed.append(
            {
                "path": path,
                "about": get.get("description", ""),
                "one_by_one": f"{path}{{id}}/" in found["paths"],
                "filters": [
                    {
                        "name": p["name"],
                        "type": _type(p.get("schema", {}), schemas),
                        "about": p.get("description", ""),
                    }
                    for p in get.get("parameters", [])
                ],
                "fields": _fields(item, schemas),
            }
        )
    return listed


@login_required
def api_docs(request):
    return render(request, "api/docs.html", {"resources": resources(), "info": schema()["info"]})
