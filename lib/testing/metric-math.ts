import { checkInput, checkValues } from './input-checks';
import { Node, parse } from './metric-math-parser';

/** One query of a metric-math request: a metric (no expression) or an expression over other queries. */
export interface MetricMathQuery {
  /** The query id, referenced by expressions. */
  readonly id: string;
  /**
   * The expression.
   * @default - none: the query is a metric whose value comes from the `values` passed to `evaluate`
   */
  readonly expression?: string;
}

/** Options of a metric-math evaluation. */
export interface MetricMathOptions {
  /**
   * The period of the metrics, in seconds, which `PERIOD(m)` returns (every metric of one expression or alarm shares
   * it).
   * @default - none: an expression that calls `PERIOD` throws
   */
  readonly periodSeconds?: number;
}

type Value =
  | { readonly kind: 'S'; readonly v: number }
  | { readonly kind: 'TS'; readonly v: number | undefined }
  | { readonly kind: 'ARR'; readonly items: Value[] };

const ts = (v: number | undefined): Value => ({ kind: 'TS', v: v === undefined || Number.isFinite(v) ? v : undefined });

/**
 * Evaluates CloudWatch metric math at one timestamp, with the documented missing-data rules, so that jest tests
 * can assert what a scaling policy or alarm reads for given metric values ("at p5 = 18 and an empty g6 pool my
 * policy reads 0.9"). A metric absent from `values` has no data point at that timestamp.
 *
 * Semantics (CloudWatch "Using metric math"):
 * - arithmetic and comparisons between series: a missing value counts as 0 when the other series has a value;
 *   when neither has one, there is no data point;
 * - series with scalar: no data point where the series has none;
 * - division by zero drops the data point;
 * - `FILL(ts, value)` fills a missing value; `IF(cond, a, b)` per the documented table (a missing `a` under a
 *   true condition reads 0; a false condition with a missing or omitted `b` drops the point);
 * - `AVG` and `SUM` of an array count missing values as 0 (no point when all are missing); `MAX` and `MIN` of an
 *   array use the values present; `DATAPOINT_COUNT` of an array counts them; `METRICS()` lists the metric queries;
 * - `PERIOD(m)` is the metrics' period in seconds (`options.periodSeconds`).
 * Functions that need more than one timestamp (`RATE`, `DIFF`, `FILL(..., REPEAT | LINEAR)`, ...) are rejected.
 */
export class MetricMath {
  /**
   * The value of `expression` at one timestamp, or undefined when it has no data point there.
   * @param expression a metric-math expression, e.g. `(m1 / 20 + m2 / 8) / 2`
   * @param values the metrics' values at that timestamp, by id; leave an id out for "no data point". Every id
   * here and every id the expression references is a metric (`METRICS()` lists them).
   * @param options the metrics' period, for `PERIOD`
   */
  public static evaluate(expression: string, values: { [id: string]: number }, options: MetricMathOptions = {}): number | undefined {
    checkInput('expression', typeof expression === 'string', 'a metric-math expression string', expression);
    checkValues('values', values, 'an object of metric ids to numbers');
    checkInput('options', typeof options === 'object' && options !== null, 'an object of options', options);
    const metricIds = [...new Set([...Object.keys(values), ...collectIds(parse(expression))])];
    return MetricMath.evaluateQueries([...metricIds.map((id) => ({ id })), { id: 'result', expression }], 'result', values, options);
  }

  /**
   * The value of query `resultId` in a list of queries where expressions may reference other expressions.
   * @param queries the metric and expression queries (as in `GetMetricData` or a target-tracking policy)
   * @param resultId the id of the query to evaluate
   * @param values the metrics' values at that timestamp, by id
   * @param options the metrics' period, for `PERIOD`
   */
  public static evaluateQueries(queries: MetricMathQuery[], resultId: string, values: { [id: string]: number },
    options: MetricMathOptions = {}): number | undefined {
    checkInput('queries', Array.isArray(queries) && queries.every((q) => typeof q?.id === 'string'
      && (q.expression === undefined || typeof q.expression === 'string')), 'an array of { id, expression? }', queries);
    checkInput('resultId', typeof resultId === 'string', 'the id of a query', resultId);
    checkValues('values', values, 'an object of metric ids to numbers');
    checkInput('options', typeof options === 'object' && options !== null, 'an object of options', options);
    const byId = new Map(queries.map((q) => [q.id, q]));
    const metricIds = queries.filter((q) => q.expression === undefined).map((q) => q.id);
    const evaluating = new Set<string>();

    const lookup = (id: string): Value => {
      const query = byId.get(id);
      if (!query) throw new Error(`metric math: unknown id '${id}'`);
      if (query.expression === undefined) return ts(Object.prototype.hasOwnProperty.call(values, id) ? values[id] : undefined);
      if (evaluating.has(id)) throw new Error(`metric math: '${id}' references itself`);
      evaluating.add(id);
      const result = evaluate(parse(query.expression), lookup, metricIds, options);
      evaluating.delete(id);
      return result;
    };
    const result = lookup(resultId);
    if (result.kind === 'ARR') throw new Error(`metric math: '${resultId}' returns several time series; a policy or alarm needs one`);
    return result.v;
  }

  private constructor() {}
}

function collectIds(node: Node): string[] {
  switch (node.kind) {
    case 'id': return [node.name];
    case 'neg': return collectIds(node.arg);
    case 'bin': return [...collectIds(node.left), ...collectIds(node.right)];
    case 'call': return node.args.flatMap(collectIds);
    case 'array': return node.items.flatMap(collectIds);
    default: return [];
  }
}

function evaluate(node: Node, lookup: (id: string) => Value, metricIds: string[], options: MetricMathOptions): Value {
  const ev = (n: Node) => evaluate(n, lookup, metricIds, options);
  switch (node.kind) {
    case 'num': return { kind: 'S', v: node.value };
    case 'id': return lookup(node.name);
    case 'neg': return binary('*', { kind: 'S', v: -1 }, ev(node.arg));
    case 'bin': return binary(node.op, ev(node.left), ev(node.right));
    case 'array': return { kind: 'ARR', items: node.items.flatMap((item) => flatten(ev(item))) };
    case 'call': return call(node.fn, node.args, ev, metricIds, options);
    case 'str': throw new Error(`metric math: unexpected string '${node.value}'`);
  }
}

function flatten(value: Value): Value[] {
  return value.kind === 'ARR' ? value.items : [value];
}

function apply(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? undefined : a / b; // division by zero drops the point
    case '^': return a ** b;
    case '==': return a === b ? 1 : 0;
    case '!=': return a !== b ? 1 : 0;
    case '<': return a < b ? 1 : 0;
    case '>': return a > b ? 1 : 0;
    case '<=': return a <= b ? 1 : 0;
    case '>=': return a >= b ? 1 : 0;
    case '&&': return a !== 0 && b !== 0 ? 1 : 0;
    case '||': return a !== 0 || b !== 0 ? 1 : 0;
    default: throw new Error(`metric math: unknown operator '${op}'`);
  }
}

function binary(op: string, a: Value, b: Value): Value {
  if (a.kind === 'ARR') return { kind: 'ARR', items: a.items.map((item) => binary(op, item, b)) };
  if (b.kind === 'ARR') return { kind: 'ARR', items: b.items.map((item) => binary(op, a, item)) };
  if (a.kind === 'S' && b.kind === 'S') {
    const v = apply(op, a.v, b.v);
    return v === undefined ? ts(undefined) : { kind: 'S', v };
  }
  if (a.kind === 'TS' && b.kind === 'TS') {
    if (a.v === undefined && b.v === undefined) return ts(undefined);
    return ts(apply(op, a.v ?? 0, b.v ?? 0));
  }
  // one series, one scalar: no point where the series has none
  if (a.v === undefined || b.v === undefined) return ts(undefined);
  return ts(apply(op, a.v, b.v));
}

function call(fn: string, args: Node[], ev: (n: Node) => Value, metricIds: string[], options: MetricMathOptions): Value {
  const arity = (min: number, max: number) => {
    if (args.length < min || args.length > max) throw new Error(`metric math: ${fn} takes ${min}..${max} arguments, got ${args.length}`);
  };
  switch (fn) {
    case 'METRICS': {
      arity(0, 1);
      const filter = args[0]?.kind === 'str' ? args[0].value : '';
      return { kind: 'ARR', items: metricIds.filter((id) => id.includes(filter)).map((id) => ev({ kind: 'id', name: id })) };
    }
    case 'FILL': {
      arity(2, 2);
      if (args[1].kind === 'str') throw new Error(`metric math: FILL(..., ${args[1].value}) needs several timestamps; not supported here`);
      const target = ev(args[0]);
      const filler = ev(args[1]);
      const fill = (v: Value): Value => (v.kind === 'TS' && v.v === undefined ? ts(filler.kind === 'ARR' ? undefined : filler.v) : v);
      return target.kind === 'ARR' ? { kind: 'ARR', items: target.items.map(fill) } : fill(target);
    }
    case 'IF': {
      arity(2, 3);
      const cond = ev(args[0]);
      if (cond.kind === 'ARR') throw new Error('metric math: IF needs a single condition series');
      if (cond.v === undefined) return ts(undefined);
      if (cond.v !== 0) {
        const a = ev(args[1]);
        return a.kind === 'S' ? ts(a.v) : a.kind === 'TS' ? ts(a.v ?? (cond.kind === 'TS' ? 0 : undefined)) : a;
      }
      if (args.length < 3) return ts(undefined);
      const b = ev(args[2]);
      return b.kind === 'ARR' ? b : ts(b.v);
    }
    case 'AVG': case 'SUM': case 'MAX': case 'MIN': case 'DATAPOINT_COUNT': case 'METRIC_COUNT': {
      arity(1, 1);
      const arg = ev(args[0]);
      const items = flatten(arg);
      const present = items.map((i) => (i as { v: number | undefined }).v).filter((v): v is number => v !== undefined);
      if (fn === 'METRIC_COUNT') return { kind: 'S', v: items.length };
      if (fn === 'DATAPOINT_COUNT') return ts(present.length);
      if (present.length === 0) return ts(undefined);
      if (fn === 'MAX') return ts(Math.max(...present));
      if (fn === 'MIN') return ts(Math.min(...present));
      const total = present.reduce((x, y) => x + y, 0); // missing values count as 0
      return ts(fn === 'SUM' ? total : total / items.length);
    }
    case 'ABS': case 'CEIL': case 'FLOOR': case 'LOG': case 'LOG10': {
      arity(1, 1);
      const f = { ABS: Math.abs, CEIL: Math.ceil, FLOOR: Math.floor, LOG: Math.log, LOG10: Math.log10 }[fn];
      const map = (v: Value): Value => (v.kind === 'ARR' ? { kind: 'ARR', items: v.items.map(map) } : v.kind === 'S' ? { kind: 'S', v: f(v.v) } : ts(v.v === undefined ? undefined : f(v.v)));
      return map(ev(args[0]));
    }
    case 'PERIOD': {
      arity(1, 1);
      if (options.periodSeconds === undefined) throw new Error('metric math: PERIOD needs the metrics\' period: pass { periodSeconds }');
      return { kind: 'S', v: options.periodSeconds };
    }
    case 'TIME_SERIES': {
      arity(1, 1);
      const v = ev(args[0]);
      return ts(v.kind === 'ARR' ? undefined : v.v);
    }
    default:
      throw new Error(`metric math: ${fn} is not supported by the single-timestamp evaluator`);
  }
}
