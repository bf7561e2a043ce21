import { render } from 'preact';
import '../../ui/styles.css';
import { OptionsApp } from '../../ui/options/options-app';
import { pageSettings } from '../../ui/hooks';

void pageSettings().then(() => render(<OptionsApp />, document.getElementById('app')!));
