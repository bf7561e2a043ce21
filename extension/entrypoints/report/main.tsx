import { render } from 'preact';
import '../../ui/styles.css';
import '../../ui/review.css';
import { ReportApp } from '../../report/report-app';
import { pageSettings } from '../../ui/hooks';

// The monthly report (printable) and the local backup/restore, linked from the popup.
void pageSettings().then(() => render(<ReportApp />, document.getElementById('app')!));
