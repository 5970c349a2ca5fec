/**
 * Two spellings of the catalog's Unicode formula text (`α(eˣ − 1)`, `e^{x/α}`): plain Unicode
 * for documentation, where TeX braces are noise, and ASCII for generated code, where VS Code's
 * confusable-character highlighter flags `σ`, `−` or `·` in a docstring.
 */

/** TeX-style groups `^{…}` and `_{…}` written with parentheses: `e^{x/α}` → `e^(x/α)`. */
export function plainMath(text: string): string {
  let out = text;
  // Innermost groups first, so nested braces unwrap from the inside out.
  for (let i = 0; i < 8 && /[\^_]\{[^{}]*\}/.test(out); i++) {
    out = out.replace(/([\^_])\{([^{}]*)\}/g, (_m, op: string, body: string) =>
      /^[\w′]$/u.test(body) ? `${op}${body}` : `${op}(${body})`,
    );
  }
  return out;
}

/** Greek letters and the ASCII names Python code uses for them. */
const GREEK: Record<string, string> = {
  α: 'alpha',
  β: 'beta',
  γ: 'gamma',
  δ: 'delta',
  ε: 'eps',
  θ: 'theta',
  λ: 'lambda',
  μ: 'mu',
  π: 'pi',
  σ: 'sigmoid',
  τ: 'tau',
  φ: 'phi',
  ω: 'omega',
  Φ: 'Phi',
  Σ: 'sum',
};

/** Other symbols: operators, superscripts, subscripts. */
const SYMBOLS: Record<string, string> = {
  '−': '-',
  '·': '*',
  '⊗': '*',
  '×': '*',
  '≥': '>=',
  '≤': '<=',
  '≈': '~',
  '′': "'",
  '∂': 'd',
  '∞': 'inf',
  '½': '(1/2)',
  '²': '^2',
  '³': '^3',
  ˣ: '^x',
  '₀': '_0',
  '…': '...',
  '–': '-',
  '—': '-',
  '’': "'",
  '“': '"',
  '”': '"',
};

/** Greek letters the catalog uses as functions (`σ(x)`, `Φ(x)`); the others multiply: `α(…)`. */
const GREEK_FUNCTIONS = new Set(['σ', 'Φ', 'φ', 'τ']);

const isWordChar = (c: string | undefined): boolean => !!c && /[A-Za-z0-9_]/.test(c);

/**
 * The formula text in ASCII: Greek letters by name (`σ` → `sigmoid`, `α` → `alpha`), with `*`
 * where a name would otherwise run into the next symbol (`βx` → `beta*x`, `α(…)` → `alpha*(…)`); `−` → `-`, `·` → `*`,
 * `x²` → `x^2`, `√2` → `sqrt(2)`, `√(…)` → `sqrt(…)`. Any other non-ASCII character becomes `?`
 * so the result is always ASCII.
 */
export function asciiMath(text: string): string {
  const src = [...plainMath(text)];
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    const next = src[i + 1];
    const greek = GREEK[ch];
    if (greek) {
      if (isWordChar(out[out.length - 1])) out += '*';
      out += greek;
      const call = next === '(' && GREEK_FUNCTIONS.has(ch);
      if (isWordChar(next) || GREEK[next ?? ''] !== undefined || (next === '(' && !call))
        out += '*';
    } else if (ch === '√') {
      if (next === '(') out += 'sqrt';
      else {
        let j = i + 1;
        let arg = '';
        while (j < src.length && (isWordChar(src[j]) || GREEK[src[j]] !== undefined)) {
          arg += GREEK[src[j]] ?? src[j];
          j++;
        }
        out += `sqrt(${arg})`;
        i = j - 1;
      }
    } else if (SYMBOLS[ch] !== undefined) {
      out += SYMBOLS[ch];
      // `tanh²x` → `tanh^2 x`, not `tanh^2x`.
      if (/^\^/.test(SYMBOLS[ch]) && isWordChar(next)) out += ' ';
    } else if (ch.charCodeAt(0) < 128) out += ch;
    else out += '?';
  }
  return out;
}
