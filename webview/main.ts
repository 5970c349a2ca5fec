import './style.css';
import { onHostMessage, post } from './vscodeApi';

const app = document.getElementById('app')!;
const h1 = document.createElement('h1');
h1.textContent = 'Activation Lab';
app.append(h1);

onHostMessage((m) => {
  if (m.type === 'init') document.documentElement.lang = m.locale;
});
post({ type: 'webview/ready' });
