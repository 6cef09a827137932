"""The SVG contract: what every SVG artboard emits (and accepts) must satisfy.

Valid XML; root <svg> with viewBox, width and height; no <script>, event handlers, <foreignObject>, external
references (href or url() to anything but a local #id), embedded rasters (<image>, data: URIs) or CSS @import.
`check_svg` lists violations; `sanitize_svg` removes them from untrusted input (user uploads).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from artboard.errors import InvalidParameter

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
FORBIDDEN_TAGS = {"script", "foreignObject", "image", "iframe", "embed", "object", "audio", "video", "canvas"}
_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]*)['\"]?\s*\)", re.I)
_DOCTYPE_RE = re.compile(r"<!DOCTYPE|<!ENTITY", re.I)

ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse(svg: str) -> ET.Element:
    if _DOCTYPE_RE.search(svg):  # anywhere: a DOCTYPE may follow any amount of comments and whitespace
        # Entities are the classic XML bomb / XXE vector; designs never need them.
        raise InvalidParameter("SVG must not contain a DOCTYPE or entity declarations", param="svg")
    try:
        return ET.fromstring(svg)
    except ET.ParseError as exc:
        raise InvalidParameter(f"SVG is not well-formed XML: {exc}", param="svg") from None


def _bad_reference(value: str) -> bool:
    value = value.strip()
    return bool(value) and not value.startswith("#")


def check_svg(svg: str) -> list[str]:
    """Violations of the contract (empty list = compliant)."""
    problems: list[str] = []
    root = _parse(svg)
    if _local(root.tag) != "svg":
        return ["root element is not <svg>"]
    for attr in ("viewBox", "width", "height"):
        if attr not in root.attrib:
            problems.append(f"root <svg> has no {attr}")
    for element in root.iter():
        tag = _local(element.tag)
        if tag in FORBIDDEN_TAGS:
            problems.append(f"forbidden element <{tag}>")
        for name, value in element.attrib.items():
            local = _local(name)
            if local.lower().startswith("on"):
                problems.append(f"event handler {local} on <{tag}>")
            if local == "href" and _bad_reference(value):
                problems.append(f"external reference {value[:60]!r} on <{tag}>")
            for ref in _URL_RE.findall(value):
                if _bad_reference(ref):
                    problems.append(f"external url({ref[:60]}) on <{tag}>")
            if "data:" in value.lower() and local not in ("d", "points"):
                problems.append(f"data URI on <{tag}>")
        if tag == "style" and element.text:
            css = element.text.lower()
            if "@import" in css or any(_bad_reference(r) for r in _URL_RE.findall(element.text)):
                problems.append("external reference in <style>")
    return problems


def assert_svg_contract(svg: str) -> None:
    problems = check_svg(svg)
    if problems:
        raise InvalidParameter("SVG breaks the output contract: " + "; ".join(problems[:5]), param="svg")


def sanitize_svg(svg: str) -> str:
    """Strip everything the contract forbids from an untrusted SVG; returns serialised XML."""
    root = _parse(svg)
    if _local(root.tag) != "svg":
        raise InvalidParameter("not an SVG document (root element is not <svg>)", param="svg")
    for parent in list(root.iter()):
        for child in list(parent):
            if _local(child.tag) in FORBIDDEN_TAGS:
                parent.remove(child)
        for name, value in list(parent.attrib.items()):
            local = _local(name)
            if (
                local.lower().startswith("on")
                or (local == "href" and _bad_reference(value))
                or any(_bad_reference(r) for r in _URL_RE.findall(value))
                or ("data:" in value.lower() and local not in ("d", "points"))
            ):
                del parent.attrib[name]
        if _local(parent.tag) == "style" and parent.text:
            parent.text = re.sub(r"@import[^;]*;?", "", parent.text, flags=re.I)
            parent.text = _URL_RE.sub(lambda m: m.group(0) if m.group(1).startswith("#") else "none", parent.text)
    return ET.tostring(root, encoding="unicode")
