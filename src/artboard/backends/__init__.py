"""Backends: the design composer (default) and, later, learned and remote backends, all behind `Backend`."""
