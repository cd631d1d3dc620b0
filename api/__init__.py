"""FastAPI app factory and thin routes over liuhen's services."""
