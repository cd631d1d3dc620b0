"""The API's routers, one per resource. Each route validates, calls one service, shapes."""
