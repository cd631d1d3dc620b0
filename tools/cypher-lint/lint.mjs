// Lint Cypher statements with Neo4j's own parser and semantic analysis.
// stdin: JSON {"labels": [...], "relationshipTypes": [...],
//              "statements": [{"name": "...", "text": "...", "parameters": {"p": <sample>}}]}
// stdout: JSON [{"name": "...", "diagnostics": [{"severity": 1, "message": "...", "offsets": {...}}]}]
// Severity 1 is an error, 2 a warning (e.g. a label outside the allow-list, a deprecation).
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const input = JSON.parse(readFileSync(0, 'utf8'));
const results = input.statements.map(({ name, text, parameters }) => {
  const dbSchema = {
    labels: input.labels,
    relationshipTypes: input.relationshipTypes,
    parameters: parameters ?? {},
  };
  const { diagnostics } = lintCypherQuery(text, dbSchema, { consoleCommandsEnabled: false });
  return {
    name,
    diagnostics: diagnostics.map(({ severity, message, offsets }) => ({ severity, message, offsets })),
  };
});
process.stdout.write(JSON.stringify(results));
