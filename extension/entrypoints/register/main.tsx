import { render } from 'preact';
import '../../ui/styles.css';
import { RegisterApp } from '../../registration/register-app';

// The registration page as a tab: Firefox (no side panel API), or Chrome without a gesture.
render(<RegisterApp />, document.getElementById('app')!);
