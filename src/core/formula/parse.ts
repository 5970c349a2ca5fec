/**
 * The formula parser: text → `Expr`, by recursive descent, bounded in size and depth. Grammar
 * (lowest precedence first):
 *
 *   cmp   := sum (('>' | '>=' | '<' | '<=') sum)?
 *   sum   := prod (('+' | '-') prod)*
 *   prod  := unary (('*' | '/') unary | unary)*      (juxtaposition multiplies: `2x`, `(x+1)(x-1)`)
 *   unary := ('-' | '+') unary | power
 *   power := atom (('^' | '**') unary)?               (right-associative; `-x^2` is −(x²))
 *   atom  := number | name | name '(' cmp (',' cmp)* ')' | '(' cmp ')'
 *
 * Names are looked up as own properties only, so `constructor` or `__proto__` are unknown names.
 * `pow(a, b)` is read as `a ^ b`. Errors are values with a bilingual message and a 0-based index.
 */
import {
  CONSTANTS,
  FUNCTIONS,
  X,
  constantNamed,
  functionNamed,
  type CmpOp,
  type Expr,
} from './expr';
import type { LocalText } from '../catalog/types';

/** Longest formula accepted, the largest tree and the deepest nesting. */
export const MAX_FORMULA = 500;
const MAX_NODES = 300;
const MAX_DEPTH = 60;

/** What a parse may read: only x and the constants (a formula), or any name (the snippets). */
export interface ParseOptions {
  names?: 'x' | 'any';
  maxNodes?: number;
}

export type ParseOutcome =
  { ok: true; expr: Expr } | { ok: false; message: LocalText; index?: number };

class ParseError extends Error {
  constructor(
    readonly text: LocalText,
    readonly index?: number,
  ) {
    super(text.en);
  }
}

const fill = (s: string, args: (string | number)[]) =>
  s.replace(/\{(\d+)\}/g, (m, i: string) => String(args[+i] ?? m));
/** A bilingual message with `{0}`-style arguments filled in. */
export function msg(en: string, ja: string, ...args: (string | number)[]): LocalText {
  return { en: fill(en, args), ja: fill(ja, args) };
}

type Tok = { s: string; at: number; num?: boolean; name?: boolean };

const TOKEN =
  /\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_πτ][\w]*)|(\*\*|>=|<=|[-+*/^(),<>]|[−×·]))/y;
const UNICODE_OPS: Record<string, string> = { '−': '-', '×': '*', '·': '*' };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m) {
      const rest = src.slice(start);
      const skip = rest.length - rest.trimStart().length;
      if (skip === rest.length) break;
      const ch = String.fromCodePoint(rest.codePointAt(skip) ?? 63);
      throw new ParseError(
        msg('"{0}" is not allowed in a formula.', '"{0}" は式に使えません。', ch),
        start + skip,
      );
    }
    const at = m.index + m[0].length - (m[1] ?? m[2] ?? m[3]).length;
    if (m[1]) toks.push({ s: m[1], at, num: true });
    else if (m[2]) toks.push({ s: m[2], at, name: true });
    else toks.push({ s: UNICODE_OPS[m[3]] ?? m[3], at });
  }
  return toks;
}

/** Parses `src`; never throws. */
export function parseExpression(src: string, opts: ParseOptions = {}): ParseOutcome {
  if (src.length > MAX_FORMULA)
    return {
      ok: false,
      message: msg(
        'The formula is longer than {0} characters.',
        '式が {0} 文字を超えています。',
        MAX_FORMULA,
      ),
    };
  try {
    return { ok: true, expr: new Parser(src, tokenize(src), opts).parse() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: e.text, index: e.index };
    throw e;
  }
}

class Parser {
  private i = 0;
  private nodes = 0;
  private depth = 0;
  private readonly maxNodes: number;

  constructor(
    private readonly src: string,
    private readonly toks: Tok[],
    private readonly opts: ParseOptions,
  ) {
    this.maxNodes = opts.maxNodes ?? MAX_NODES;
  }

  parse(): Expr {
    const e = this.cmp();
    const t = this.toks[this.i];
    if (t) throw this.unexpected(t);
    return e;
  }

  private node<T extends Expr>(e: T): T {
    if (++this.nodes > this.maxNodes)
      throw new ParseError(msg('The formula is too large.', '式が大きすぎます。'));
    return e;
  }

  private unexpected(t: Tok | undefined): ParseError {
    if (!t)
      return new ParseError(
        msg('The formula ends too early.', '式が途中で終わっています。'),
        this.src.length,
      );
    return new ParseError(msg('Unexpected "{0}".', '予期しない "{0}"。', t.s), t.at);
  }

  private peek(): string | undefined {
    return this.toks[this.i]?.s;
  }

  private expect(s: string): void {
    const t = this.toks[this.i];
    if (t?.s !== s) throw this.unexpected(t);
    this.i++;
  }

  private nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH)
      throw new ParseError(msg('The formula is nested too deeply.', '式の入れ子が深すぎます。'));
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private cmp(): Expr {
    const a = this.sum();
    const op = this.peek();
    if (op === '>' || op === '>=' || op === '<' || op === '<=') {
      this.i++;
      return this.node({ k: 'cmp', op: op as CmpOp, a, b: this.sum() });
    }
    return a;
  }

  private sum(): Expr {
    let a = this.prod();
    for (let op = this.peek(); op === '+' || op === '-'; op = this.peek()) {
      this.i++;
      a = this.node({ k: 'bin', op, a, b: this.prod() });
    }
    return a;
  }

  private prod(): Expr {
    let a = this.unary();
    for (;;) {
      const t = this.toks[this.i];
      if (t?.s === '*' || t?.s === '/') {
        this.i++;
        a = this.node({ k: 'bin', op: t.s, a, b: this.unary() });
      } else if (t && (t.num || t.name || t.s === '(')) {
        a = this.node({ k: 'bin', op: '*', a, b: this.power() });
      } else return a;
    }
  }

  private unary(): Expr {
    const op = this.peek();
    if (op === '-' || op === '+') {
      this.i++;
      const a = this.nested(() => this.unary());
      return op === '-' ? this.node({ k: 'neg', a }) : a;
    }
    return this.power();
  }

  private power(): Expr {
    const a = this.atom();
    const op = this.peek();
    if (op !== '^' && op !== '**') return a;
    this.i++;
    return this.node({ k: 'bin', op: '^', a, b: this.nested(() => this.unary()) });
  }

  private atom(): Expr {
    const t = this.toks[this.i++];
    if (!t) throw this.unexpected(t);
    if (t.num) return this.node({ k: 'num', v: Number(t.s), text: t.s });
    if (t.s === '(') {
      const e = this.nested(() => this.cmp());
      this.expect(')');
      return e;
    }
    if (!t.name) throw this.unexpected(t);
    if (this.peek() === '(') return this.call(t);
    if (t.s === X) return this.node({ k: 'name', name: X });
    const c = constantNamed(t.s);
    if (c) return this.node({ k: 'name', name: c });
    if (this.opts.names === 'any') return this.node({ k: 'name', name: t.s });
    throw new ParseError(
      msg(
        'Unknown name "{0}": use x, numbers, pi, e and the listed functions.',
        '不明な名前 "{0}": x、数値、pi、e と一覧の関数を使ってください。',
        t.s,
      ),
      t.at,
    );
  }

  private call(t: Tok): Expr {
    this.i++;
    const args: Expr[] = [];
    this.nested(() => {
      args.push(this.cmp());
      while (this.peek() === ',') {
        this.i++;
        args.push(this.cmp());
      }
    });
    this.expect(')');
    if (t.s === 'pow' && args.length === 2)
      return this.node({ k: 'bin', op: '^', a: args[0], b: args[1] });
    const fn = functionNamed(t.s);
    if (!fn)
      throw new ParseError(
        msg(
          'Unknown function "{0}". Known: {1}.',
          '不明な関数 "{0}"。使える関数: {1}。',
          t.s,
          FUNCTION_LIST,
        ),
        t.at,
      );
    const arity = FUNCTIONS[fn].arity;
    if (args.length !== arity)
      throw new ParseError(
        msg('{0} takes {1} argument(s).', '{0} の引数は {1} 個です。', t.s, arity),
        t.at,
      );
    return this.node({ k: 'call', fn, args });
  }
}

/** The functions a formula may call, as listed to people (`pow` is `^`; `finite` is for the snippets). */
export const FUNCTION_LIST = [...Object.keys(FUNCTIONS).filter((f) => f !== 'finite'), 'pow'].join(
  ', ',
);
/** The constants, as listed to people. */
export const CONSTANT_LIST = Object.keys(CONSTANTS).join(', ');

/**
 * Parses a neutral snippet definition (any name is a parameter or local); throws on an error,
 * since those definitions are a static table checked by the tests.
 */
export function parseExpr(src: string): Expr {
  const r = parseExpression(src, { names: 'any', maxNodes: 10_000 });
  if (!r.ok) throw new Error(`${r.message.en} in ${src}`);
  return r.expr;
}
