/**
 * Parsing of custom formulas with mathjs (loaded by dynamic import on first use: this module is
 * its own chunk). The mathjs tree is checked against a whitelist and turned into our plain `Expr`
 * tree; nothing of mathjs is ever evaluated. The symbolic derivative from mathjs is used only to
 * show f′ as a formula; the numbers come from automatic differentiation in expr.ts.
 */
import { create, derivativeDependencies, parseDependencies, type MathNode } from 'mathjs';
import { t } from '../i18n';
import { FUNCTIONS, isFnName, type Expr } from './expr';

const math = create({ parseDependencies, derivativeDependencies });

/** Longest formula accepted, and the largest tree. */
export const MAX_FORMULA = 500;
const MAX_NODES = 300;
const MAX_DEPTH = 60;

export type ParseResult =
  | { ok: true; expr: Expr; latex: string; derivativeLatex?: string }
  | { ok: false; message: string; index?: number };

const CONSTANTS: Record<string, number> = {
  pi: Math.PI,
  PI: Math.PI,
  π: Math.PI,
  e: Math.E,
  E: Math.E,
  tau: 2 * Math.PI,
};
const OPS: Record<string, '+' | '-' | '*' | '/' | '^'> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
};

class FormulaError extends Error {}

/** Parses and checks a formula in x. Errors are returned as values with a readable message. */
export function parseFormula(text: string): ParseResult {
  if (text.length > MAX_FORMULA)
    return { ok: false, message: t('The formula is longer than {0} characters.', MAX_FORMULA) };
  if (!text.trim())
    return { ok: false, message: t('Type a formula in x, for example x * sigmoid(1.702 * x).') };
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (e) {
    const err = e as { message?: string; char?: number };
    return {
      ok: false,
      message: t('Syntax error: {0}', String(err.message ?? e)),
      index: typeof err.char === 'number' ? err.char : undefined,
    };
  }
  let count = 0;
  try {
    const expr = convert(node, 0, () => ++count);
    return {
      ok: true,
      expr,
      latex: node.toTex({ parenthesis: 'auto' }),
      derivativeLatex: derivativeTex(node),
    };
  } catch (e) {
    if (e instanceof FormulaError) return { ok: false, message: e.message };
    return { ok: false, message: String(e) };
  }
}

function convert(n: MathNode, depth: number, tick: () => number): Expr {
  if (tick() > MAX_NODES || depth > MAX_DEPTH)
    throw new FormulaError(t('The formula is too large.'));
  const d = depth + 1;
  const node = n as MathNode & Record<string, unknown>;
  switch (n.type) {
    case 'ConstantNode': {
      const v = node.value;
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new FormulaError(t('Only numbers can be constants.'));
      return { k: 'num', v };
    }
    case 'SymbolNode': {
      const name = String(node.name);
      if (name === 'x') return { k: 'x' };
      if (name in CONSTANTS) return { k: 'num', v: CONSTANTS[name] };
      throw new FormulaError(
        t('Unknown name "{0}": use x, numbers, pi, e and the listed functions.', name),
      );
    }
    case 'ParenthesisNode':
      return convert(node.content as MathNode, d, tick);
    case 'OperatorNode': {
      const fn = String(node.fn);
      const args = node.args as MathNode[];
      if (fn === 'unaryMinus') return { k: 'neg', a: convert(args[0], d, tick) };
      if (fn === 'unaryPlus') return convert(args[0], d, tick);
      const op = OPS[fn];
      if (!op || args.length !== 2)
        throw new FormulaError(t('The operator "{0}" is not supported.', String(node.op)));
      return { k: 'bin', op, a: convert(args[0], d, tick), b: convert(args[1], d, tick) };
    }
    case 'FunctionNode': {
      const fnNode = node.fn as MathNode & { name?: string };
      const name = fnNode.type === 'SymbolNode' ? String(fnNode.name) : '';
      if (!isFnName(name))
        throw new FormulaError(
          t('Unknown function "{0}". Known: {1}.', name || '?', Object.keys(FUNCTIONS).join(', ')),
        );
      const args = node.args as MathNode[];
      const arity = FUNCTIONS[name].arity;
      if (args.length !== arity)
        throw new FormulaError(t('{0} takes {1} argument(s).', name, arity));
      return { k: 'call', fn: name, args: args.map((a) => convert(a, d, tick)) };
    }
    default:
      throw new FormulaError(t('"{0}" is not allowed in a formula.', n.toString()));
  }
}

/** The symbolic derivative as LaTeX, when mathjs knows every function involved. */
function derivativeTex(node: MathNode): string | undefined {
  try {
    const expanded = node.transform((n) => {
      const f = n as MathNode & { fn?: { name?: string }; args?: MathNode[] };
      if (n.type !== 'FunctionNode' || !f.args) return n;
      const u = `(${f.args[0]?.toString()})`;
      if (f.fn?.name === 'sigmoid') return math.parse(`1 / (1 + exp(-${u}))`);
      if (f.fn?.name === 'softplus') return math.parse(`log(1 + exp(${u}))`);
      return n;
    });
    return math.derivative(expanded, 'x').toTex({ parenthesis: 'auto' });
  } catch {
    return undefined;
  }
}
