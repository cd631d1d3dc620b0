"""The regulations: one service (:class:`liuhen.regulations.service.RegulationsService`)
behind the CLI, the API and the web pages, the views it answers with, and the pure assembly of
graph rows into views and the graph walks it uses."""
