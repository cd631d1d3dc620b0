"""liuhen (留痕): knowledge graph and search over the rules against judicial interference."""

__version__ = "0.1.0"
