import { render } from 'preact';
import '../../ui/styles.css';
import { loadActivePolicy } from '../../policy/active-policy';
import { RegisterApp } from '../../ui/register/register-app';

// Chrome's side panel; other browsers open the same app as register.html.
void loadActivePolicy().then(() => render(<RegisterApp />, document.getElementById('app')!));
