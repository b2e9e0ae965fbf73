/**
 * Parser of CloudWatch metric-math expressions into a small syntax tree (internal to the evaluator).
 * Precedence, lowest first: OR/||, AND/&&, comparisons, + -, * /, unary -, ^ (right-associative).
 */
export type Node =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'neg'; readonly arg: Node }
  | { readonly kind: 'bin'; readonly op: string; readonly left: Node; readonly right: Node }
  | { readonly kind: 'call'; readonly fn: string; readonly args: Node[] }
  | { readonly kind: 'array'; readonly items: Node[] };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|("[^"]*")|(==|!=|<=|>=|&&|\|\||[-+*/^()[\],<>]))/y;

export function parse(expression: string): Node {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let rest = expression;
  while (rest.trim().length > 0) {
    TOKEN.lastIndex = 0;
    const m = TOKEN.exec(rest);
    if (!m) throw new Error(`metric math: unexpected input at '${rest.trim().slice(0, 20)}' in '${expression}'`);
    tokens.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
    rest = rest.slice(m[0].length);
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (t: string) => {
    if (tokens[pos] !== t) throw new Error(`metric math: expected '${t}' but found '${tokens[pos] ?? 'end'}' in '${expression}'`);
    pos++;
  };
  const binary = (ops: string[], sub: () => Node) => (): Node => {
    let left = sub();
    while (peek() !== undefined && ops.includes(peek()!)) {
      const op = next();
      left = { kind: 'bin', op: op === 'AND' ? '&&' : op === 'OR' ? '||' : op, left, right: sub() };
    }
    return left;
  };
  const primary = (): Node => {
    const t = next();
    if (t === undefined) throw new Error(`metric math: unexpected end of '${expression}'`);
    if (t === '(') { const e = orExpr(); expect(')'); return e; }
    if (t === '[') {
      const items: Node[] = [];
      if (peek() !== ']') { do { items.push(orExpr()); } while (peek() === ',' && next()); }
      expect(']');
      return { kind: 'array', items };
    }
    if (/^[\d.]/.test(t)) return { kind: 'num', value: Number(t) };
    if (t.startsWith('"')) return { kind: 'str', value: t.slice(1, -1) };
    if (/^[A-Z][A-Z0-9_]*$/.test(t) && peek() === '(') {
      next();
      const args: Node[] = [];
      if (peek() !== ')') { do { args.push(orExpr()); } while (peek() === ',' && next()); }
      expect(')');
      return { kind: 'call', fn: t, args };
    }
    if (/^[A-Z]+$/.test(t)) return { kind: 'str', value: t }; // keywords such as REPEAT, LINEAR
    if (/^[a-z][a-zA-Z0-9_]*$/.test(t)) return { kind: 'id', name: t };
    throw new Error(`metric math: unexpected '${t}' in '${expression}'`);
  };
  const power = (): Node => {
    const base = primary();
    if (peek() === '^') { next(); return { kind: 'bin', op: '^', left: base, right: unary() }; }
    return base;
  };
  const unary = (): Node => (peek() === '-' ? (next(), { kind: 'neg', arg: unary() }) : power());
  const product = binary(['*', '/'], unary);
  const sum = binary(['+', '-'], product);
  const comparison = binary(['==', '!=', '<=', '>=', '<', '>'], sum);
  const andExpr = binary(['&&', 'AND'], comparison);
  const orExpr = binary(['||', 'OR'], andExpr);

  const tree = orExpr();
  if (pos !== tokens.length) throw new Error(`metric math: unexpected '${tokens[pos]}' in '${expression}'`);
  return tree;
}
