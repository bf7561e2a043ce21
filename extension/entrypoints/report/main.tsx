import { render } from 'preact';
import '../../ui/styles.css';
import '../../ui/review.css';
import { ReportApp } from '../../report/report-app';

// The monthly report (printable) and the local backup/restore, linked from the popup.
render(<ReportApp />, document.getElementById('app')!);
