import { render } from 'preact';
import '../../ui/styles.css';
import { RegisterApp } from '../../registration/register-app';
import { pageSettings } from '../../ui/hooks';

// Chrome's side panel; other browsers open the same app as register.html.
void pageSettings().then(() => render(<RegisterApp />, document.getElementById('app')!));
