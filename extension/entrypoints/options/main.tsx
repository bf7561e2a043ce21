import { render } from 'preact';
import '../../ui/styles.css';
import { OptionsApp } from '../../ui/options/options-app';

render(<OptionsApp />, document.getElementById('app')!);
