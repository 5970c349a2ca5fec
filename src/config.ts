import * as vscode from 'vscode';
import { plotRange } from './core/hover/activationPlot';
import { epochLimit } from './core/train/config';
import {
  DEFAULT_SEVERITY,
  DIAGNOSTIC_CODES,
  type DiagnosticCode,
  type Severity,
} from './core/diagnostics/types';

/** Typed view of the `activationLab.*` settings (see `contributes.configuration` in package.json). */
export interface Settings {
  hover: {
    enabled: boolean;
    showPlot: boolean;
    showDerivative: boolean;
    xMin: number;
    xMax: number;
  };
  playground: { reducedMotion: boolean; maxTrainingEpochs: number };
  /** Pitfall diagnostics: on/off, and each code's severity (`off` hides it). */
  diagnostics: { enabled: boolean; severity: Record<DiagnosticCode, Severity | 'off'> };
}

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

function diagnosticSeverities(raw: unknown): Record<DiagnosticCode, Severity | 'off'> {
  const given = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const out = { ...DEFAULT_SEVERITY } as Record<DiagnosticCode, Severity | 'off'>;
  for (const code of DIAGNOSTIC_CODES) {
    const v = given[code];
    if (typeof v === 'string' && SEVERITIES.has(v)) out[code] = v as Severity | 'off';
  }
  return out;
}

/** Reads the current settings; values out of range fall back to the defaults. */
export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('activationLab');
  const [xMin, xMax] = plotRange(c.get<number>('hover.xMin', -5), c.get<number>('hover.xMax', 5));
  return {
    hover: {
      enabled: c.get<boolean>('hover.enabled', true),
      showPlot: c.get<boolean>('hover.showPlot', true),
      showDerivative: c.get<boolean>('hover.showDerivative', true),
      xMin,
      xMax,
    },
    diagnostics: {
      enabled: c.get<boolean>('diagnostics.enabled', true),
      severity: diagnosticSeverities(c.get('diagnostics.severity')),
    },
    playground: {
      reducedMotion: c.get<boolean>('playground.reducedMotion', false),
      maxTrainingEpochs: epochLimit(c.get<number>('playground.maxTrainingEpochs')),
    },
  };
}

/** The language our texts use: Japanese when VS Code's display language is Japanese, else English. */
export function displayLanguage(): 'en' | 'ja' {
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
