import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { WINDOW_PLACEHOLDER } from '@internal/backstage-plugin-slo-common';

/** One label matcher of a selector, as PromQL writes it. */
export type LabelMatcher = {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
};

/** `metric{matchers}`: the series whose counters a term sums. */
export type Selector = { metric: string; matchers: LabelMatcher[] };

/**
 * A ratio SLI query in the shape the specs use, as a sum of signed terms:
 * `sum(rate(<selector>[{{.window}}]))`, optionally in parentheses and joined
 * by `+` and `-`. The rate of such a sum over a window is the same
 * combination of the selectors' counter increases over that window, which is
 * what the embedded evaluator stores per minute. The specs' guards are
 * accepted and are what the evaluator does anyway: `… or vector(0)` (an
 * absent series counts 0) and `… > 0` (a window without events is no data).
 */
export type CounterSum = Array<{ sign: 1 | -1; selector: Selector }>;

/** A query outside the subset, with the reason. */
export class UnsupportedQueryError extends Error {
  name = 'UnsupportedQueryError';
}

const MATCH_OPS = new Set(['=', '!=', '=~', '!~']);

/**
 * Parses a spec's ratio query with Prometheus' own grammar (lezer-promql)
 * and accepts only the subset above; anything else is refused with the
 * part that is not understood.
 */
export function parseCounterSum(query: string): CounterSum {
  // The placeholder is Sloth's, not PromQL: give the parser a real window.
  const text = query.split(WINDOW_PLACEHOLDER).join('5m');
  const tree = parser.parse(text);
  let error: string | undefined;
  tree.iterate({
    enter: node => {
      if (node.type.isError && !error) {
        error = `PromQL syntax error at offset ${node.from}`;
      }
    },
  });
  if (error) throw new UnsupportedQueryError(`${error}: ${query}`);
  const top = tree.topNode.firstChild;
  if (!top) throw new UnsupportedQueryError('empty query');
  const terms: CounterSum = [];
  collect(top, 1, text, terms);
  return terms;
}

const src = (node: SyntaxNode, text: string) => text.slice(node.from, node.to);

function refuse(node: SyntaxNode, text: string, why: string): never {
  throw new UnsupportedQueryError(
    `the embedded evaluator takes sum(rate(<metric>{<matchers>}[{{.window}}])) terms joined by + and -; ${why}: ${src(
      node,
      text,
    )}`,
  );
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function collect(
  node: SyntaxNode,
  sign: 1 | -1,
  text: string,
  terms: CounterSum,
) {
  switch (node.name) {
    case 'ParenExpr': {
      const inner = children(node);
      if (inner.length !== 1) refuse(node, text, 'unexpected parentheses');
      collect(inner[0], sign, text, terms);
      return;
    }
    case 'BinaryExpr': {
      const [left, op, right, ...rest] = children(node);
      if (right && !rest.length && isGuard(op, right, text)) {
        collect(left, sign, text, terms);
        return;
      }
      if (!right || rest.length || (op.name !== 'Add' && op.name !== 'Sub')) {
        refuse(node, text, 'only + and - join terms');
      }
      collect(left, sign, text, terms);
      collect(right, op.name === 'Sub' ? (-sign as 1 | -1) : sign, text, terms);
      return;
    }
    case 'AggregateExpr': {
      const [op, body, ...rest] = children(node);
      if (src(op, text) !== 'sum' || rest.length || !body) {
        refuse(node, text, 'only sum() without by/without aggregates');
      }
      const args = children(body);
      if (args.length !== 1 || args[0].name !== 'FunctionCall') {
        refuse(node, text, 'sum() must hold exactly one rate()');
      }
      terms.push({ sign, selector: rateSelector(args[0], text) });
      return;
    }
    default:
      refuse(node, text, `${node.name} is not supported`);
  }
}

/** `or vector(0)` or `> 0` after a term: see {@link CounterSum}. */
function isGuard(op: SyntaxNode, right: SyntaxNode, text: string): boolean {
  const operand = src(right, text).replace(/\s+/g, '');
  return (
    (op.name === 'Or' && operand === 'vector(0)') ||
    (op.name === 'Gtr' && operand === '0')
  );
}

function rateSelector(call: SyntaxNode, text: string): Selector {
  const [fn, body] = children(call);
  if (src(fn, text) !== 'rate' || !body) {
    refuse(call, text, 'only rate() is supported inside sum()');
  }
  const args = children(body);
  if (args.length !== 1 || args[0].name !== 'MatrixSelector') {
    refuse(call, text, 'rate() must take one range selector');
  }
  const vector = children(args[0]).find(c => c.name === 'VectorSelector');
  if (!vector) refuse(args[0], text, 'a range over a vector selector');
  let metric: string | undefined;
  const matchers: LabelMatcher[] = [];
  for (const part of children(vector)) {
    if (part.name === 'Identifier') metric = src(part, text);
    else if (part.name === 'LabelMatchers') {
      for (const m of children(part)) {
        if (m.name !== 'UnquotedLabelMatcher') {
          refuse(m, text, 'label matchers must be name<op>"value"');
        }
        const [name, op, value] = children(m);
        const opText = src(op, text);
        if (!MATCH_OPS.has(opText)) refuse(m, text, 'unknown match operator');
        matchers.push({
          name: src(name, text),
          op: opText as LabelMatcher['op'],
          value: JSON.parse(src(value, text).replace(/^'|'$/g, '"')),
        });
      }
    } else refuse(part, text, `${part.name} in a selector`);
  }
  if (!metric) refuse(vector, text, 'a selector needs a metric name');
  if (matchers.some(m => m.name === '__name__')) {
    refuse(vector, text, 'no __name__ matchers');
  }
  return { metric, matchers };
}

/** Whether a series' labels satisfy the matchers (regexes anchored, as PromQL's). */
export function matches(
  matchers: LabelMatcher[],
  labels: Record<string, string>,
): boolean {
  return matchers.every(({ name, op, value }) => {
    const actual = labels[name] ?? '';
    switch (op) {
      case '=':
        return actual === value;
      case '!=':
        return actual !== value;
      case '=~':
        return new RegExp(`^(?:${value})$`).test(actual);
      default:
        return !new RegExp(`^(?:${value})$`).test(actual);
    }
  });
}
