import { render } from 'preact';
import '../../ui/styles.css';
import { loadActivePolicy } from '../../policy/active-policy';
import { RegisterApp } from '../../ui/register/register-app';

// The registration page as a tab: Firefox (no side panel API), or Chrome without a gesture.
void loadActivePolicy().then(() => render(<RegisterApp />, document.getElementById('app')!));
