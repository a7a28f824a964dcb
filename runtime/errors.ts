import type { Message } from './messages/render.ts';

/**
 * One problem found in a pipeline document, pointing at the node and param where it can. `message` is the
 * English developer text (command line, logs); `msg` is what the officer reads, rendered from the catalogue.
 */
export interface Issue {
  code:
    | 'format'
    | 'unknown_type'
    | 'unknown_param'
    | 'invalid_param'
    | 'duplicate_id'
    | 'unknown_node'
    | 'unknown_port'
    | 'cycle'
    | 'missing_input'
    | 'port_fed_twice'
    | 'unknown_parameter'
    | 'missing_parameter'
    | 'schema';
  message: string;
  msg?: Message;
  nodeId?: string;
  param?: string;
}

export function formatIssue(issue: Issue): string {
  const where = issue.nodeId ? `node "${issue.nodeId}"${issue.param ? `, param "${issue.param}"` : ''}: ` : '';
  return `${where}${issue.message}`;
}

/** The document cannot run: every issue found, not just the first. */
export class ValidationError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ValidationError';
  }
}

/** A param does not fit the input: thrown by `outputSchema` and `toSql`, caught by the runtime. */
export class ParamError extends Error {
  constructor(
    message: string,
    readonly param?: string,
    /** What the officer reads, when the node words it through the catalogue. */
    readonly msg?: Message,
  ) {
    super(message);
    this.name = 'ParamError';
  }
}

/** Something went wrong while a node ran; the rest of the graph stays usable. */
export class NodeError extends Error {
  constructor(
    readonly nodeId: string,
    readonly phase: 'schema' | 'plan' | 'execute',
    message: string,
    readonly param?: string,
    readonly msg?: Message,
  ) {
    super(message);
    this.name = 'NodeError';
  }
}

export class CancelledError extends Error {
  constructor() {
    super('run cancelled');
    this.name = 'CancelledError';
  }
}
