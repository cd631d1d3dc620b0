"""Text -> validated pydantic documents (regulations, incident records). No I/O to stores."""
