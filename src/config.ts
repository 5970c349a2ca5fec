import * as vscode from 'vscode';

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
}

/** Reads the current settings; values out of range fall back to the defaults. */
export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration('activationLab');
  let xMin = c.get<number>('hover.xMin', -5);
  let xMax = c.get<number>('hover.xMax', 5);
  if (!(Number.isFinite(xMin) && Number.isFinite(xMax) && xMin < xMax)) [xMin, xMax] = [-5, 5];
  const epochs = c.get<number>('playground.maxTrainingEpochs', 2000);
  return {
    hover: {
      enabled: c.get<boolean>('hover.enabled', true),
      showPlot: c.get<boolean>('hover.showPlot', true),
      showDerivative: c.get<boolean>('hover.showDerivative', true),
      xMin,
      xMax,
    },
    playground: {
      reducedMotion: c.get<boolean>('playground.reducedMotion', false),
      maxTrainingEpochs: Number.isInteger(epochs) && epochs > 0 ? Math.min(epochs, 100000) : 2000,
    },
  };
}

/** The language our texts use: Japanese when VS Code's display language is Japanese, else English. */
export function displayLanguage(): 'en' | 'ja' {
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
