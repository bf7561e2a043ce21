import { render } from 'preact';
import '../../ui/styles.css';
import '../../review/review.css';
import { loadActivePolicy } from '../../policy/active-policy';
import { ReportApp } from '../../ui/review/report-app';

// The monthly report (printable) and the local backup/restore, linked from the popup.
void loadActivePolicy().then(() => render(<ReportApp />, document.getElementById('app')!));
