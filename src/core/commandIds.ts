/** Every command id of the extension, in one table. Hover links and package.json use these ids. */
export const CommandIds = {
  openPlayground: 'activationLab.openPlayground',
  showInPlayground: 'activationLab.showInPlayground',
  insertImplementation: 'activationLab.insertImplementation',
  trainWith: 'activationLab.trainWith',
  showLog: 'activationLab.showLog',
  revealBinding: 'activationLab.revealBinding',
  exportTrainedNetwork: 'activationLab.exportTrainedNetwork',
  trainOnDataFile: 'activationLab.trainOnDataFile',
} as const;

/** The webview panel's view type, also named by `onWebviewPanel:` in package.json. */
export const PLAYGROUND_VIEW_TYPE = 'activationLab.playground';
