"""The SSRF guard: which URLs and addresses a server-side request may reach (used by `artboard.jobs.fetch`).

Every URL a client hands us (image URLs, `uploadEndpoint`, `webhookURL`) is attacker-controlled, and the server
usually sits next to things the client must not reach (cloud metadata, databases, admin ports). So `check_url` parses
the URL strictly (http/https only, no userinfo, sane port, every numeric IPv4 spelling such as `2130706433` or
`0x7f.1` normalised the way `inet_aton` would read it), resolves the host and refuses when ANY address is loopback,
private (RFC 1918, CGNAT, ULA), link-local, multicast, unspecified/reserved or a cloud metadata address — unless the
operator allow-listed the host or the address (`fetch_allow` setting). `vet` also returns the parsed `Target`, whose
vetted IPs the request helpers in `fetch` then connect to.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import urllib.parse
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import idna

from artboard.errors import InvalidParameter, PayloadTooLarge

Resolver = Callable[[str], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_REFUSAL = "server-side fetches refuse private, loopback, link-local and metadata addresses"

# Metadata endpoints are refused even when a broad allow-list CIDR covers them: only an entry naming the exact
# address (or host) opens them, because "allow 169.254.0.0/16" should not silently expose instance credentials.
# AWS/GCP/Azure/OpenStack IMDS, AWS ECS task metadata, AWS VPC DNS (v4, v6), AWS IMDS v6, Alibaba, Oracle
_METADATA_ADDRESSES = frozenset(
    map(
        ipaddress.ip_address,
        "169.254.169.254 169.254.170.2 169.254.169.253 fd00:ec2::23 fd00:ec2::254 100.100.100.200 192.0.0.192".split(),
    )
)
_METADATA_NAMES = frozenset(
    {"metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"}
)

# Explicit ranges rather than only `ipaddress`'s is_private/is_global, whose tables changed between Python patch
# releases; `is_global` is still the catch-all for every other special-purpose block (documentation, benchmarking…).
_CLASSES: tuple[tuple[str, tuple[IPNetwork, ...]], ...] = tuple(
    (name, tuple(ipaddress.ip_network(n) for n in nets))
    for name, nets in (
        ("unspecified", ("0.0.0.0/8", "::/128")),
        ("loopback", ("127.0.0.0/8", "::1/128")),
        ("link-local", ("169.254.0.0/16", "fe80::/10")),
        ("multicast", ("224.0.0.0/4", "ff00::/8")),
        ("private", ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "fec0::/10")),
        ("reserved", ("240.0.0.0/4", "198.18.0.0/15", "192.0.0.0/24", "100::/64", "2001:db8::/32")),
    )
)
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_HOST_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
_NUMERIC_LABEL = re.compile(r"^(?:0x[0-9a-f]*|[0-9]+)$")


@dataclass(frozen=True)
class Target:
    """A parsed, normalised URL: what the guard vetted is exactly what gets requested."""

    scheme: str
    host: str  #: ASCII host (IDNA), lower case, no brackets; an IP literal in canonical form
    port: int
    path: str  #: path plus "?query" (never empty; the fragment is dropped)
    is_ip: bool

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"

    def url_for(self, ip: str) -> str:
        host = f"[{ip}]" if ":" in ip else ip
        return f"{self.scheme}://{host}:{self.port}{self.path}"

    def display(self) -> str:
        """Scheme, host and port only: paths of presigned URLs carry credentials and never go into messages."""
        return f"{self.scheme}://{self.host_header}"


# ---------------------------------------------------------------------------------------------------------- parsing
def _parse_ipv4_number(label: str) -> int | None:
    """One dotted part as inet_aton reads it: 0x-prefixed hex, 0-prefixed octal, otherwise decimal."""
    if label.startswith("0x"):
        return int(label[2:] or "0", 16)
    if len(label) > 1 and label.startswith("0"):
        return int(label, 8) if all(c in "01234567" for c in label) else None
    return int(label) if label.isdigit() else None


def _legacy_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """`2130706433`, `0x7f.1`, `017700000001`, `127.1` → 127.0.0.1 (what libc and browsers connect to)."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(_NUMERIC_LABEL.match(p) for p in parts):
        return None
    values = [_parse_ipv4_number(p) for p in parts]
    if None in values:
        return None
    *head, last = (v for v in values if v is not None)
    if any(v > 255 for v in head) or last >= 256 ** (5 - len(values)):
        return None
    return ipaddress.IPv4Address(last + sum(v << (8 * (3 - i)) for i, v in enumerate(head)))


def _normalise_host(raw: str, param: str) -> tuple[str, bool]:
    if raw.startswith("["):
        if not raw.endswith("]") or "%" in raw:  # zone ids ("%eth0") pick an interface: never from a client
            raise InvalidParameter(f"{param}: invalid IPv6 host {raw!r}", param=param)
        try:
            return str(ipaddress.IPv6Address(raw[1:-1])), True
        except ValueError:
            raise InvalidParameter(f"{param}: invalid IPv6 host {raw!r}", param=param) from None
    host = raw.lower().removesuffix(".")
    if not host:
        raise InvalidParameter(f"{param}: the URL has no host", param=param)
    legacy = _legacy_ipv4(host)
    if legacy is not None:
        return str(legacy), True
    if _NUMERIC_LABEL.match(host.rsplit(".", 1)[-1]):
        # A name ending in a number is an IPv4 address to browsers (WHATWG URL); one we cannot read is refused
        # rather than handed to a resolver that might read it differently.
        raise InvalidParameter(f"{param}: invalid IPv4 address {raw!r}", param=param)
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii") if not host.isascii() else host
    except idna.IDNAError:
        raise InvalidParameter(f"{param}: invalid host name {raw!r}", param=param) from None
    if len(ascii_host) > 253 or not all(_HOST_LABEL.match(label) for label in ascii_host.split(".")):
        raise InvalidParameter(f"{param}: invalid host name {raw!r}", param=param)
    return ascii_host, False


def parse_url(url: str, *, param: str = "url") -> Target:
    """Strict parse of an http(s) URL; raises InvalidParameter naming `param`."""
    if not isinstance(url, str) or not url:
        raise InvalidParameter(f"{param}: a URL is required", param=param)
    if len(url) > 8192:
        raise PayloadTooLarge(f"{param}: the URL is longer than 8192 characters", param=param)
    # Whitespace, control characters and backslashes are where URL parsers disagree (WHATWG reads "\" as "/");
    # refusing them removes the gap between what we check and what a library or proxy would request.
    if any(ord(c) <= 0x20 or ord(c) == 0x7F or c == "\\" for c in url):
        raise InvalidParameter(f"{param}: the URL contains whitespace, control characters or backslashes", param=param)
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # e.g. an unbalanced "[" in the host
        raise InvalidParameter(f"{param}: malformed URL", param=param) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise InvalidParameter(f"{param}: only http and https URLs are allowed", param=param, allowed=["http", "https"])
    netloc = parts.netloc
    if "@" in netloc:
        raise InvalidParameter(f"{param}: URLs with credentials (user@host) are not allowed", param=param)
    raw_host, port_text = netloc, ""
    if netloc.startswith("["):
        end = netloc.find("]")
        raw_host, rest = netloc[: end + 1], netloc[end + 1 :]
        if end < 0 or (rest and not rest.startswith(":")):
            raise InvalidParameter(f"{param}: invalid host {netloc!r}", param=param)
        port_text = rest[1:]
    elif ":" in netloc:
        raw_host, _, port_text = netloc.rpartition(":")
    host, is_ip = _normalise_host(raw_host, param)
    default_port = 443 if scheme == "https" else 80
    if port_text and not (port_text.isdigit() and len(port_text) <= 5 and 0 < int(port_text) < 65536):
        raise InvalidParameter(f"{param}: invalid port {port_text!r} (1–65535)", param=param)
    port = int(port_text) if port_text else default_port
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return Target(scheme=scheme, host=host, port=port, path=path, is_ip=is_ip)


# ---------------------------------------------------------------------------------------------------------- the guard
def _embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address tunnels to (mapped, compatible, NAT64, 6to4, Teredo client)."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    packed = int(ip)
    if any(ip in net for net in _NAT64) or (packed >> 32 == 0 and packed > 1):  # NAT64 or ::a.b.c.d
        return ipaddress.IPv4Address(packed & 0xFFFFFFFF)
    return None


def classify(ip: IPAddress) -> str | None:
    """Why `ip` must not be reached ("loopback", "private", "metadata", …), or None for a public address."""
    if ip in _METADATA_ADDRESSES:
        return "metadata"
    inner = _embedded_ipv4(ip)
    if inner is not None:
        return classify(inner)
    for name, nets in _CLASSES:
        if any(ip in net for net in nets):
            return name
    return None if ip.is_global else "reserved"


@dataclass(frozen=True)
class _Allow:
    names: frozenset[str]
    suffixes: tuple[str, ...]  #: from "*.example.com" entries, stored as ".example.com"
    networks: tuple[IPNetwork, ...]

    @classmethod
    def parse(cls, entries: Sequence[str]) -> _Allow:
        names: set[str] = set()
        suffixes: list[str] = []
        networks: list[IPNetwork] = []
        for entry in entries:
            text = entry.strip().lower().removesuffix(".")
            if not text:
                continue
            try:
                networks.append(ipaddress.ip_network(text.strip("[]"), strict=False))
                continue
            except ValueError:
                pass
            if text.startswith("*."):
                suffixes.append(text[1:])
            else:
                names.add(text)
        return cls(frozenset(names), tuple(suffixes), tuple(networks))

    def host(self, host: str) -> bool:
        return host in self.names or any(host.endswith(s) for s in self.suffixes)

    def address(self, ip: IPAddress, reason: str) -> bool:
        """Inside an allowed network (the tunnelled IPv4 of an IPv6 address counts); metadata needs an exact entry."""
        candidates = [ip, _embedded_ipv4(ip)]
        return any(
            cand in net and (reason != "metadata" or net.num_addresses == 1)
            for net in self.networks
            for cand in candidates
            if cand is not None and cand.version == net.version
        )


def system_resolver(host: str) -> list[str]:
    """Every address `host` resolves to (A and AAAA), in resolver order, without duplicates."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    seen: dict[str, None] = {}
    for info in infos:
        seen.setdefault(str(info[4][0]).split("%", 1)[0], None)
    return list(seen)


def vet(
    url: str, *, allow: Sequence[str] = (), resolver: Resolver | None = None, param: str = "url"
) -> tuple[Target, list[str]]:
    """`check_url` that also returns the parsed target (what the request helpers connect with)."""
    target = parse_url(url, param=param)
    rules = _Allow.parse(allow)
    host_allowed = rules.host(target.host)
    if target.host in _METADATA_NAMES and not host_allowed:
        raise InvalidParameter(f"{param}: {target.host!r} is a cloud metadata address; {_REFUSAL}", param=param)
    if (target.host == "localhost" or target.host.endswith(".localhost")) and not host_allowed:
        raise InvalidParameter(f"{param}: {target.host!r} is a loopback address; {_REFUSAL}", param=param)
    if target.is_ip:
        addresses = [target.host]
    else:
        try:
            addresses = (resolver or system_resolver)(target.host)
        except (OSError, UnicodeError):
            addresses = []
        if not addresses:
            # details.reason lets retrying senders tell a (possibly transient) DNS failure from a policy refusal
            raise InvalidParameter(
                f"{param}: the host {target.host!r} could not be resolved",
                param=param,
                details={"reason": "unresolvable"},
            )
    vetted: list[str] = []
    for text in addresses:
        try:
            ip = ipaddress.ip_address(text.split("%", 1)[0])
        except ValueError:
            raise InvalidParameter(
                f"{param}: the host {target.host!r} resolved to an invalid address", param=param
            ) from None
        reason = classify(ip)
        if reason is not None and not host_allowed and not rules.address(ip, reason):
            article = "an" if reason[0] in "aeiou" else "a"
            # The resolved IP of a *name* is not echoed: it would let clients map the internal DNS.
            what = f"is {article} {reason} address" if target.is_ip else f"resolves to {article} {reason} address"
            raise InvalidParameter(f"{param}: {target.host!r} {what}; {_REFUSAL}", param=param)
        vetted.append(str(ip))
    return target, vetted


def check_url(
    url: str, *, allow: Sequence[str] = (), resolver: Resolver | None = None, param: str = "url"
) -> list[str]:
    """Vet `url` for a server-side request; the addresses it may be fetched from, or InvalidParameter naming `param`.

    `allow` entries are host names (`minio.local`, `*.corp.example`), IPs or CIDRs (`127.0.0.1/32`, `10.0.0.0/8`); a
    matching host lifts the check for all its addresses, a matching network for the addresses inside it. Cloud metadata
    addresses are only opened by an entry naming that exact address or host. `resolver(host) -> [ip, …]` replaces DNS
    (default: `socket.getaddrinfo`); it is never called for IP literals.
    """
    return vet(url, allow=allow, resolver=resolver, param=param)[1]
