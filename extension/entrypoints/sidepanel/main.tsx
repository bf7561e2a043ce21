import { render } from 'preact';
import '../../ui/styles.css';
import { RegisterApp } from '../../registration/register-app';

// Chrome's side panel; other browsers open the same app as register.html.
render(<RegisterApp />, document.getElementById('app')!);
