/**
 * The `error.name` of the lineage API's 400 for an answer that would hold
 * more than `lineage.maxNodes` nodes: unlike other 400s, the same node may
 * still be asked for at a smaller depth.
 */
export const GRAPH_TOO_LARGE = 'GraphTooLargeError';
