import { render } from 'preact';
import '../../ui/styles.css';
import { PopupApp } from '../../ui/popup/popup-app';

render(<PopupApp />, document.getElementById('app')!);
