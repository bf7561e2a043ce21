import { render } from 'preact';
import '../../ui/styles.css';
import '../../review/review.css';
import { ReportApp } from '../../ui/review/report-app';

// The monthly report (printable) and the local backup/restore, linked from the popup.
render(<ReportApp />, document.getElementById('app')!);
