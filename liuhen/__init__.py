"""liuhen (留痕): knowledge graph and search over the rules against interference in judicial work."""

__version__ = "0.1.0"
