/**
 * Prints an expression tree as LaTeX for KaTeX, with the fewest parentheses the precedence needs
 * and numbers as written (`1.702`, never a fraction). Names other than x and the constants (only
 * the snippet definitions have them) are printed upright.
 */
import { X, type Expr, type FnName } from './expr';
import { PREC, type Printed } from './precedence';

const { CMP, ADD, MUL, UNARY, POW, ATOM } = PREC;

interface TexPrinted extends Printed {
  /** Starts with a digit (so juxtaposing it after a number would merge the two). */
  digit?: boolean;
}

const op = (name: string) => (a: string[]) => `${name}\\left(${a.join(', ')}\\right)`;

const CALLS: Record<FnName, (a: string[]) => string> = {
  sin: op('\\sin'),
  cos: op('\\cos'),
  tan: op('\\tan'),
  atan: op('\\arctan'),
  asinh: op('\\operatorname{asinh}'),
  sinh: op('\\sinh'),
  cosh: op('\\cosh'),
  tanh: op('\\tanh'),
  exp: op('\\exp'),
  expm1: op('\\operatorname{expm1}'),
  log: op('\\ln'),
  log1p: op('\\operatorname{log1p}'),
  sqrt: (a) => `\\sqrt{${a[0]}}`,
  cbrt: (a) => `\\sqrt[3]{${a[0]}}`,
  abs: (a) => `\\left|${a[0]}\\right|`,
  sign: op('\\operatorname{sign}'),
  erf: op('\\operatorname{erf}'),
  sigmoid: op('\\sigma'),
  softplus: op('\\operatorname{softplus}'),
  logSigmoid: op('\\log\\sigma'),
  relu: op('\\operatorname{ReLU}'),
  finite: op('\\operatorname{finite}'),
  max: op('\\max'),
  min: op('\\min'),
  where: (a) =>
    `\\begin{cases} ${a[1]} & \\text{if } ${a[0]} \\\\ ${a[2]} & \\text{otherwise} \\end{cases}`,
};

const NAMES: Record<string, string> = { pi: '\\pi', tau: '\\tau', e: 'e', [X]: 'x' };
const CMP_TEX = { '>': '>', '>=': '\\geq', '<': '<', '<=': '\\leq' } as const;

const wrap = (p: TexPrinted, min: number) => (p.prec < min ? `\\left(${p.s}\\right)` : p.s);

/** Escapes a name for `\mathrm{…}` (letters, digits and `_` only reach here). */
const upright = (name: string) => `\\mathrm{${name.replace(/_/g, '\\_')}}`;

function pr(e: Expr): TexPrinted {
  switch (e.k) {
    case 'num': {
      const s = e.text ?? String(e.v);
      return s.startsWith('-') ? { s, prec: UNARY } : { s, prec: ATOM, digit: true };
    }
    case 'name':
      return {
        s: Object.prototype.hasOwnProperty.call(NAMES, e.name) ? NAMES[e.name] : upright(e.name),
        prec: ATOM,
      };
    case 'neg':
      return { s: `-${wrap(pr(e.a), MUL)}`, prec: UNARY };
    case 'cmp':
      return { s: `${wrap(pr(e.a), ADD)} ${CMP_TEX[e.op]} ${wrap(pr(e.b), ADD)}`, prec: CMP };
    case 'call':
      return { s: CALLS[e.fn](e.args.map((a) => pr(a).s)), prec: ATOM };
    case 'bin':
      return bin(e);
  }
}

function bin(e: Extract<Expr, { k: 'bin' }>): TexPrinted {
  const a = pr(e.a);
  const b = pr(e.b);
  switch (e.op) {
    case '+':
      return { s: `${wrap(a, ADD)} + ${wrap(b, ADD)}`, prec: ADD, digit: a.digit };
    case '-':
      return { s: `${wrap(a, ADD)} - ${wrap(b, MUL)}`, prec: ADD, digit: a.digit };
    case '/':
      return { s: `\\frac{${a.s}}{${b.s}}`, prec: ATOM };
    case '^': {
      // A call or a fraction as base reads better in parentheses: (tanh x)², not tanh x².
      const base =
        a.prec < ATOM || e.a.k === 'call' || e.a.k === 'bin' ? `\\left(${a.s}\\right)` : a.s;
      return { s: `{${base}}^{${b.s}}`, prec: POW, digit: a.digit };
    }
    case '*': {
      const left = wrap(a, MUL);
      // Products associate, so a product on the right needs no parentheses; a negation does.
      const right = b.prec === UNARY ? `\\left(${b.s}\\right)` : wrap(b, MUL);
      // Juxtapose a number and a factor that follows it (1.702x); otherwise a centred dot.
      const juxtapose = e.a.k === 'num' && a.prec === ATOM && !b.digit && b.prec >= POW;
      return {
        s: juxtapose ? `${left} ${right}` : `${left} \\cdot ${right}`,
        prec: MUL,
        digit: a.digit,
      };
    }
  }
}

/** The LaTeX of `e`. */
export function toLatex(e: Expr): string {
  return pr(e).s;
}
