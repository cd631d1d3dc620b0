"""The incident records: one service (:class:`liuhen.records.service.RecordsService`) behind
the CLI and the API, the views it answers with, the recorder that appends to the hash
chains, and the questions answered over a record set in memory."""
