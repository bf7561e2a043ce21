import { render } from 'preact';
import '../../ui/styles.css';
import { RegisterApp } from '../../registration/register-app';
import { pageSettings } from '../../ui/hooks';

// The registration page as a tab: Firefox (no side panel API), or Chrome without a gesture.
void pageSettings().then(() => render(<RegisterApp />, document.getElementById('app')!));
